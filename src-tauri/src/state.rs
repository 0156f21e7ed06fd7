//! The state every command shares, built once in setup.

use std::sync::{Arc, RwLock};

use l10n::Localizer;
use procedures::{Catalog, Procedure};
use store::Store;

use crate::commands::portal::{PortalStatus, TestAccountView};
use crate::error::{Error, Result};

/// The app's shared state.
pub struct AppState {
    /// The procedure catalog with its search index: the bundled one with the
    /// portal's newer versions in place.
    pub catalog: RwLock<Catalog>,
    /// Fluent bundles for the shell's own text (window title, dialogs, notifications).
    pub localizer: Arc<Localizer>,
    /// The local database, shared with the sync worker.
    pub store: Arc<Store>,
    /// The outbox and status worker.
    pub worker: Arc<sync::Worker>,
    /// The in-process sandbox portal in training mode; kept here so it runs
    /// as long as the app does.
    pub training_portal: Option<portal_sandbox::Sandbox>,
    /// Whether the portal is a sandbox whose test accounts may sign in
    /// (see [`crate::launch::allows_test_accounts`]).
    pub test_accounts: bool,
    /// Messages for the user from start-up (a corrupt database set aside).
    pub startup_notices: Vec<crate::error::AppError>,
}

impl AppState {
    /// The catalog as it stands.
    pub fn catalog(&self) -> std::sync::RwLockReadGuard<'_, Catalog> {
        self.catalog.read().unwrap_or_else(|p| p.into_inner())
    }

    /// The catalog's procedure with this code (a copy, so no lock is held).
    pub fn procedure(&self, code: &str) -> Result<Procedure> {
        self.catalog()
            .get(code)
            .cloned()
            .ok_or_else(|| Error::ProcedureNotFound(code.to_owned()))
    }

    /// The procedure a draft was started on, checked against the one the
    /// web view named: a command never applies another procedure's rules.
    pub fn draft_procedure(&self, draft_id: i64, named: &str) -> Result<Procedure> {
        check_draft_procedure(&self.store, draft_id, named)?;
        self.procedure(named)
    }

    /// Puts a newer definition from the portal into the catalog.
    pub fn apply_update(&self, procedure: Procedure) {
        let mut catalog = self.catalog.write().unwrap_or_else(|p| p.into_inner());
        *catalog = catalog.with_updates([procedure]);
    }

    /// The portal connection as the UI shows it.
    pub fn portal_status(&self) -> PortalStatus {
        PortalStatus {
            training: self.training_portal.is_some(),
            base_url: self.worker.base_url().to_owned(),
            account: self.worker.session().account(),
            online: self.worker.is_online(),
            // Only a sandbox has test accounts; a real portal signs
            // people in through its own page.
            test_accounts: if self.test_accounts {
                portal_sandbox::TEST_ACCOUNTS
                    .iter()
                    .map(|a| TestAccountView {
                        id: a.id.to_owned(),
                        name: a.name.to_owned(),
                    })
                    .collect()
            } else {
                Vec::new()
            },
        }
    }
}

/// Fails with [`Error::ProcedureMismatch`] unless the draft was started on
/// the procedure `named`.
fn check_draft_procedure(store: &Store, draft_id: i64, named: &str) -> Result<()> {
    let draft = store.open_draft(draft_id)?;
    if draft.summary.procedure_code != named {
        return Err(Error::ProcedureMismatch);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_naming_another_procedure_than_the_drafts_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open(dir.path(), &store::StoreKey::from_bytes([3; 32])).unwrap();
        let catalog = Catalog::bundled().unwrap();
        let birth = catalog.get("1.001193").unwrap();
        let other = catalog
            .procedures()
            .iter()
            .find(|p| p.definition.code != "1.001193")
            .unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let draft = store.create_draft(birth, None, today).unwrap();
        assert!(
            matches!(
                check_draft_procedure(&store, draft, &other.definition.code),
                Err(Error::ProcedureMismatch)
            ),
            "another procedure's size, kind and meaning rules are never applied to this draft"
        );
        assert!(
            check_draft_procedure(&store, draft, "1.001193").is_ok(),
            "its own procedure is"
        );
    }
}
