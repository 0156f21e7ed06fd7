//! The state every command shares, built once in setup.

use std::sync::Arc;

use l10n::Localizer;
use procedures::{Catalog, Procedure};
use store::Store;

use crate::commands::portal::{PortalStatus, TestAccountView};
use crate::error::{Error, Result};

/// The app's shared state.
pub struct AppState {
    /// The procedure catalog with its search index.
    pub catalog: Catalog,
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
    /// The catalog's procedure with this code.
    pub fn procedure(&self, code: &str) -> Result<&Procedure> {
        self.catalog.get(code).ok_or_else(|| Error::ProcedureNotFound(code.to_owned()))
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
                .map(|a| TestAccountView { id: a.id.to_owned(), name: a.name.to_owned() })
                .collect(),
        }
    }
}
