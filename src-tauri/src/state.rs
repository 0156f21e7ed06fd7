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
            test_accounts: portal_sandbox::TEST_ACCOUNTS
                .iter()
                .map(|a| TestAccountView {
                    id: a.id.to_owned(),
                    name: a.name.to_owned(),
                })
                .collect(),
        }
    }
}
