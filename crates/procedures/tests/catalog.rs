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

#[test]
fn a_result_found_outside_its_name_says_where() {
    use procedures::catalog::SearchMatch;
    let catalog = Catalog::bundled().unwrap();
    let birth = catalog.search("dang ky khai sinh");
    assert_eq!(birth[0].code, "1.001193");
    assert!(birth[0].matched.is_none(), "the name says it: {:?}", birth[0].matched);
    let by_document = catalog.search("giay chung sinh");
    let found = by_document
        .iter()
        .find(|p| p.code == "1.001193")
        .expect("birth registration needs the birth certificate");
    assert!(
        matches!(&found.matched, Some(SearchMatch::Document(name)) if name.starts_with("Giấy chứng sinh")),
        "{:?}",
        found.matched
    );
}
