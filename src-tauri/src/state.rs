//! The state every command shares, built once in setup.

use l10n::Localizer;
use procedures::{Catalog, Procedure};
use store::Store;

use crate::error::{Error, Result};

/// The app's shared state.
pub struct AppState {
    /// The procedure catalog with its search index.
    pub catalog: Catalog,
    /// Fluent bundles for the shell's own text (window title, start-up dialogs).
    pub localizer: Localizer,
    /// The local database.
    pub store: Store,
    /// Messages for the user from start-up (a corrupt database set aside).
    pub startup_notices: Vec<crate::error::AppError>,
}

impl AppState {
    /// The catalog's procedure with this code.
    pub fn procedure(&self, code: &str) -> Result<&Procedure> {
        self.catalog
            .get(code)
            .ok_or_else(|| Error::ProcedureNotFound(code.to_owned()))
    }
}
