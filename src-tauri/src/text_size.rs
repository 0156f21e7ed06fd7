//! The text size the person chose (100% to 200%), kept like the language in
//! a small file of the data folder (a number, nothing personal), so the
//! window opens at that size from the next start on, before the data is
//! unlocked too.

use std::path::{Path, PathBuf};
use std::sync::RwLock;

/// The file in the data folder that holds the choice.
pub const TEXT_SIZE_FILE: &str = "text-size";

/// The sizes offered, in percent of the normal size.
pub const SIZES: [u16; 5] = [100, 125, 150, 175, 200];

/// The chosen text size, and where it is kept.
pub struct TextSize {
    file: PathBuf,
    current: RwLock<u16>,
}

impl TextSize {
    /// The size kept in `folder`; 100% when none was chosen (or the file
    /// holds something else).
    pub fn load(folder: &Path) -> Self {
        let file = folder.join(TEXT_SIZE_FILE);
        let current = std::fs::read_to_string(&file)
            .ok()
            .and_then(|text| text.trim().parse().ok())
            .filter(|size| SIZES.contains(size))
            .unwrap_or(SIZES[0]);
        Self {
            file,
            current: RwLock::new(current),
        }
    }

    /// The size now in use, in percent.
    pub fn current(&self) -> u16 {
        *self.current.read().unwrap_or_else(|p| p.into_inner())
    }

    /// Switches to the offered size nearest `percent` and keeps it; returns
    /// the size now in use. Failing to keep it is logged, since the switch
    /// itself still holds for this run.
    pub fn choose(&self, percent: u16) -> u16 {
        let size = SIZES
            .into_iter()
            .min_by_key(|size| size.abs_diff(percent))
            .unwrap_or(SIZES[0]);
        *self.current.write().unwrap_or_else(|p| p.into_inner()) = size;
        if let Err(error) = std::fs::write(&self.file, size.to_string()) {
            tracing::warn!(%error, "the text size could not be kept for the next start");
        }
        size
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_size_is_one_of_those_offered_and_kept_for_the_next_start() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(TextSize::load(dir.path()).current(), 100, "normal size by default");
        assert_eq!(TextSize::load(dir.path()).choose(150), 150);
        assert_eq!(TextSize::load(dir.path()).current(), 150, "150% after a restart");
        assert_eq!(TextSize::load(dir.path()).choose(900), 200, "at most 200%");
        assert_eq!(TextSize::load(dir.path()).choose(130), 125, "the nearest size offered");
        std::fs::write(dir.path().join(TEXT_SIZE_FILE), "huge").unwrap();
        assert_eq!(TextSize::load(dir.path()).current(), 100, "a damaged file falls back");
    }
}
