//! The state every command shares, built once in setup.

use l10n::Localizer;
use procedures::Catalog;

/// The app's shared state.
pub struct AppState {
    /// The procedure catalog with its search index.
    pub catalog: Catalog,
    /// Fluent bundles for the shell's own text (window title).
    pub localizer: Localizer,
}
