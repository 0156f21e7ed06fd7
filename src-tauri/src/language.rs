//! The language the person chose, kept by Rust: in a small file of the data
//! folder (`vi` or `en`, nothing personal), so the window title, desktop
//! notifications, the file dialog and the browser sign-in page speak it,
//! from the next start on and even before the data is unlocked.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use l10n::{Locale, Localizer};

/// The file in the data folder that holds the choice.
pub const LANGUAGE_FILE: &str = "language";

/// The chosen language, and where it is kept.
pub struct Language {
    file: PathBuf,
    current: RwLock<Locale>,
    localizer: Arc<Localizer>,
}

impl Language {
    /// The language kept in `folder`; Vietnamese when none was chosen yet.
    pub fn load(folder: &Path, localizer: Arc<Localizer>) -> Self {
        let file = folder.join(LANGUAGE_FILE);
        let current = std::fs::read_to_string(&file)
            .map(|tag| Locale::negotiate(&[tag.trim()]))
            .unwrap_or(Locale::Vi);
        Self {
            file,
            current: RwLock::new(current),
            localizer,
        }
    }

    /// The shell's own text `id` in the chosen language.
    pub fn message(&self, id: &str) -> String {
        self.localizer.message(self.current(), id, None)
    }

    /// The language now in use.
    pub fn current(&self) -> Locale {
        *self.current.read().unwrap_or_else(|p| p.into_inner())
    }

    /// Switches to `locale` and keeps the choice; failing to keep it is
    /// logged, since the switch itself still holds for this run.
    pub fn choose(&self, locale: Locale) {
        *self.current.write().unwrap_or_else(|p| p.into_inner()) = locale;
        if let Err(error) = std::fs::write(&self.file, locale.tag()) {
            tracing::warn!(%error, "the language choice could not be kept for the next start");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choice_is_kept_for_the_next_start() {
        let dir = tempfile::tempdir().unwrap();
        let localizer = Arc::new(Localizer::bundled().unwrap());
        let load = |folder: &Path| Language::load(folder, localizer.clone());
        assert_eq!(load(dir.path()).current(), Locale::Vi, "Vietnamese by default");
        load(dir.path()).choose(Locale::En);
        let english = load(dir.path());
        assert_eq!(english.current(), Locale::En, "English after a restart");
        assert_eq!(
            english.message("shell-window-title"),
            "Public Service Assistant",
            "and the shell speaks it"
        );
        std::fs::write(dir.path().join(LANGUAGE_FILE), "klingon").unwrap();
        assert_eq!(load(dir.path()).current(), Locale::Vi, "an unknown tag falls back");
    }
}
