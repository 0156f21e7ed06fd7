//! The bundled catalog loads, and holds what the issue asks of it.

use procedures::Catalog;

#[test]
fn bundled_catalog_loads_every_definition() {
    let catalog = Catalog::bundled().unwrap_or_else(|e| panic!("a bundled definition is broken: {e}"));
    assert!(
        catalog.procedures().len() >= 12,
        "the catalog holds at least 12 procedures, found {}",
        catalog.procedures().len()
    );
}
