//! Where a definition's facts come from: every fact without a verified
//! source is found, a list-wide source covers the entries without their own,
//! and a source that names no fact, or claims to be verified without saying
//! where and when, is refused.

use procedures::definition::{Definition, Source};
use procedures::{Catalog, Error, Procedure};

const BIRTH: &str = include_str!("../../../catalog/1.001193-dang-ky-khai-sinh.toml");

/// The birth registration with exactly `sources`.
fn with_sources(sources: Vec<Source>) -> Result<Procedure, Error> {
    let mut definition: Definition = Procedure::from_toml("1.001193.toml", BIRTH).unwrap().definition;
    definition.sources = sources;
    Procedure::from_definition("sources.toml", definition)
}

fn source(fact: &str, verified: bool) -> Source {
    Source {
        fact: fact.to_owned(),
        cite: Some(
            "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193".into(),
        ),
        checked: Some("05/09/2026".into()),
        verified,
        remark: None,
    }
}

fn refused(sources: Vec<Source>) -> (String, String) {
    match with_sources(sources) {
        Err(Error::Invalid { place, problem, .. }) => (place, problem),
        other => panic!("expected the sources to be refused, got {other:?}"),
    }
}

#[test]
fn without_sources_every_fact_is_unverified() {
    let procedure = with_sources(vec![]).unwrap();
    let definition = &procedure.definition;
    let unverified: Vec<String> = definition.unverified_facts().into_iter().map(|f| f.fact).collect();
    assert_eq!(
        unverified.len(),
        3 + definition.documents.len() + definition.legal_basis.len(),
        "the agency, the time, the fee, each document and each legal basis: {unverified:?}"
    );
    assert!(
        unverified.contains(&"documents.giay_chung_sinh".to_owned()),
        "{unverified:?}"
    );
    assert!(
        unverified.contains(&"legal_basis.60/2014/QH13".to_owned()),
        "{unverified:?}"
    );
}

#[test]
fn a_list_source_covers_the_entries_without_their_own() {
    let mut own = source("documents.giay_chung_sinh", false);
    own.remark = Some("only a mirror of the portal page".into());
    let procedure = with_sources(vec![
        source("agency", true),
        source("processing_time", true),
        source("fee", true),
        source("documents", true),
        source("legal_basis", true),
        own,
    ])
    .unwrap();
    let unverified = procedure.definition.unverified_facts();
    assert_eq!(
        unverified.len(),
        1,
        "only the document with its own, unverified source: {unverified:?}"
    );
    assert_eq!(unverified[0].fact, "documents.giay_chung_sinh");
    assert_eq!(
        unverified[0].source.as_ref().and_then(|s| s.remark.as_deref()),
        Some("only a mirror of the portal page"),
        "the maintainer's remark comes with it"
    );
}

#[test]
fn a_source_must_name_a_fact_of_the_procedure() {
    let (place, problem) = refused(vec![source("documents.no_such_paper", true)]);
    assert_eq!(place, "sources[0].fact");
    assert!(problem.contains("`documents.no_such_paper` is not a fact"), "{problem}");
    let (place, _) = refused(vec![source("fee", true), source("summary", true)]);
    assert_eq!(place, "sources[1].fact", "only facts a person relies on have sources");
}

#[test]
fn a_fact_has_one_source() {
    let (place, problem) = refused(vec![source("fee", true), source("fee", false)]);
    assert_eq!(place, "sources[1].fact");
    assert!(problem.contains("has a source already"), "{problem}");
}

#[test]
fn a_verified_source_says_where_and_when() {
    let mut nowhere = source("fee", true);
    nowhere.cite = None;
    let (place, problem) = refused(vec![nowhere]);
    assert_eq!(place, "sources[0]");
    assert!(problem.contains("needs `cite` and `checked`"), "{problem}");

    let mut undated = source("fee", true);
    undated.checked = None;
    assert_eq!(refused(vec![undated]).0, "sources[0]");

    let mut reported = source("fee", false);
    reported.cite = None;
    reported.checked = None;
    assert!(
        with_sources(vec![reported]).is_ok(),
        "an unverified fact may have no citation yet"
    );
}

#[test]
fn the_checked_day_is_written_dd_mm_yyyy() {
    for day in ["2026-09-05", "5/9/2026", "31/02/2026", "05/09/26"] {
        let mut odd = source("fee", true);
        odd.checked = Some(day.into());
        let (place, problem) = refused(vec![odd]);
        assert_eq!(place, "sources[0].checked", "{day}");
        assert!(problem.contains("dd/mm/yyyy"), "{day}: {problem}");
    }
}

#[test]
fn a_long_remark_is_refused() {
    let mut long = source("fee", false);
    long.remark = Some("x".repeat(5000));
    let (place, problem) = refused(vec![long]);
    assert_eq!(place, "sources[0].remark");
    assert!(problem.contains("5000 bytes long"), "{problem}");
}

#[test]
fn no_note_a_citizen_reads_speaks_of_unchecked_facts() {
    // Whether a fact was checked is said in `sources`; a citizen sees one
    // plain line on the procedure page instead of maintainers' remarks.
    let catalog = Catalog::bundled().unwrap();
    for procedure in catalog.procedures() {
        let d = &procedure.definition;
        for note in &d.notes {
            for phrase in [
                "chưa đối chiếu",
                "chưa xác minh",
                "chưa được xác minh",
                "hiểu biết chung",
            ] {
                assert!(
                    !note.vi.contains(phrase),
                    "{}: a note tells citizens about unchecked facts ({phrase}): {}",
                    d.code,
                    note.vi
                );
            }
        }
    }
}

#[test]
fn the_number_of_sources_is_bounded() {
    let many = vec![source("fee", false); procedures::limits::MAX_SOURCES + 1];
    let (place, problem) = refused(many);
    assert_eq!(place, "sources", "counted before any is read");
    assert!(problem.contains("the limit is 208"), "{problem}");
}

#[test]
fn every_bundled_fee_has_a_source_and_every_legal_basis_a_number() {
    let catalog = Catalog::bundled().unwrap();
    for procedure in catalog.procedures() {
        let d = &procedure.definition;
        assert!(
            d.source_of("fee")
                .is_some_and(|s| s.cite.is_some() || s.remark.is_some()),
            "{}: the fee says where it comes from, or what is unknown about it",
            d.code
        );
        for reference in &d.legal_basis {
            assert!(
                reference.number.contains('/') && reference.number.chars().any(|c| c.is_ascii_digit()),
                "{}: a legal basis is cited by its number, like 60/2014/QH13: {:?}",
                d.code,
                reference.number
            );
        }
    }
}
