//! `dvc-import`: turns the national portal's description of a procedure (the
//! 2026 API's JSON) into a definition skeleton for `catalog/`, and tells what
//! changed between a definition already in the catalog and a newer portal file.
//!
//! The crate reads files only; it never talks to the portal. `docs/importer.md`
//! says how to run it and what a person completes by hand.

pub mod diff;
pub mod error;
pub mod facts;
pub mod portal;
pub mod skeleton;
mod text;

pub use diff::Difference;
pub use error::{Error, Result};
pub use facts::PortalFacts;
pub use skeleton::Provenance;

/// The definition skeleton, as TOML, for the portal JSON `text` read from
/// `file`; its sources cite the portal and were checked on `checked`
/// (`dd/mm/yyyy`).
pub fn skeleton(file: &str, text: &str, checked: &str) -> Result<String> {
    let facts = PortalFacts::from(&portal::parse(file, text)?);
    let provenance = Provenance::new(file, checked)?;
    Ok(skeleton::render(&facts, &provenance))
}

/// Every fact that differs between the definition `definition_text` (TOML,
/// from `definition_file`) and the portal JSON `portal_text` (from
/// `portal_file`). The definition must load with the real loader, and both
/// must be about the same procedure.
pub fn differences(
    definition_file: &str,
    definition_text: &str,
    portal_file: &str,
    portal_text: &str,
) -> Result<Vec<Difference>> {
    let definition = procedures::Procedure::from_toml(definition_file, definition_text)?.definition;
    let facts = PortalFacts::from(&portal::parse(portal_file, portal_text)?);
    if definition.code != facts.code {
        return Err(Error::OtherProcedure {
            definition: definition.code,
            portal: facts.code,
        });
    }
    Ok(diff::compare(&definition, &facts))
}
