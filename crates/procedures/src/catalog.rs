//! The bundled catalog: every `catalog/*.toml` compiled into the binary, loaded
//! and checked once.

use include_dir::{Dir, include_dir};

use crate::error::Result;
use crate::loader::Procedure;

static BUNDLED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../catalog");

/// The procedures the app knows, in a stable order (by code).
#[derive(Debug, Clone)]
pub struct Catalog {
    procedures: Vec<Procedure>,
}

impl Catalog {
    /// Loads the catalog compiled into the binary.
    pub fn bundled() -> Result<Self> {
        let files = BUNDLED
            .files()
            .filter(|f| f.path().extension().is_some_and(|e| e == "toml"))
            .map(|f| (f.path().display().to_string(), f.contents_utf8().unwrap_or_default()));
        Self::from_files(files)
    }

    /// Loads a catalog from `(file name, TOML text)` pairs.
    pub fn from_files<'a>(files: impl IntoIterator<Item = (String, &'a str)>) -> Result<Self> {
        let mut procedures = files
            .into_iter()
            .map(|(name, text)| Procedure::from_toml(&name, text))
            .collect::<Result<Vec<_>>>()?;
        procedures.sort_by(|a, b| a.definition.code.cmp(&b.definition.code));
        Ok(Self { procedures })
    }

    /// Every procedure, ordered by code.
    pub fn procedures(&self) -> &[Procedure] {
        &self.procedures
    }

    /// The procedure with this code.
    pub fn get(&self, code: &str) -> Option<&Procedure> {
        self.procedures.iter().find(|p| p.definition.code == code)
    }
}
