//! Every bound of `procedures::limits` is enforced by the loader with an error
//! naming the file, the place and the problem; hostile definitions neither
//! crash a 2 MiB stack nor take long; a definition at the limits still works.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use procedures::definition::{Definition, Field, FieldKind, Step};
use procedures::engine::{Answer, Attached, evaluate};
use procedures::harness::on_small_stack;
use procedures::limits::{
    MAX_CONDITION_BYTES, MAX_DEFINITION_BYTES, MAX_DOCUMENTS, MAX_FIELDS, MAX_FILE_SIZE_MB, MAX_ID_BYTES,
    MAX_LIST_ITEMS, MAX_OPTIONS, MAX_STEPS, MAX_TEXT_BYTES, MAX_VERSION,
};
use procedures::{Error, Procedure};

const GOOD: &str = include_str!("../../../catalog/1.001193-dang-ky-khai-sinh.toml");

fn good() -> Definition {
    Procedure::from_toml("good.toml", GOOD)
        .expect("the fixture loads")
        .definition
}

/// The fixture without steps and without anything that names its fields.
fn bare() -> Definition {
    let mut d = good();
    d.fee.rules.clear();
    d.fee.per_item.clear();
    d.subject_field = None;
    d.documents.iter_mut().for_each(|doc| doc.required_if = None);
    d.steps.clear();
    d
}

/// A plain optional text field, made from the fixture's first text field.
fn text_field(template: &Field, id: &str, show_if: Option<String>) -> Field {
    Field {
        id: id.to_owned(),
        show_if,
        required: false,
        help: None,
        checks: Vec::new(),
        meaning: None,
        ..template.clone()
    }
}

fn text_template() -> Field {
    good()
        .steps
        .iter()
        .flat_map(|s| &s.fields)
        .find(|f| f.kind == FieldKind::Text)
        .cloned()
        .expect("the fixture has a text field")
}

/// `count` fields in steps of at most 50, each shown only when the one
/// before it is answered.
fn chain(count: usize) -> Definition {
    let mut d = bare();
    let template = text_template();
    let fields: Vec<Field> = (0..count)
        .map(|i| {
            text_field(
                &template,
                &format!("f{i}"),
                (i > 0).then(|| format!("answered(f{})", i - 1)),
            )
        })
        .collect();
    let template = good().steps[0].clone();
    d.steps = fields
        .chunks(50)
        .enumerate()
        .map(|(s, chunk)| Step {
            id: format!("s{s}"),
            show_if: None,
            fields: chunk.to_vec(),
            ..template.clone()
        })
        .collect();
    d
}

/// The place and problem of a rule violation in `file`.
fn refused(result: Result<Procedure, Error>, file: &str) -> (String, String) {
    match result {
        Err(Error::Invalid {
            file: named,
            place,
            problem,
        }) => {
            assert_eq!(named, file, "the error names the source");
            (place, problem)
        }
        other => panic!("expected a rule violation, got {other:?}"),
    }
}

#[test]
fn a_50k_field_show_if_chain_is_refused_quickly_on_a_small_stack() {
    let definition = chain(50_000);
    on_small_stack(|| {
        let started = Instant::now();
        let (place, problem) = refused(Procedure::from_definition("portal:x", definition), "portal:x");
        assert_eq!(place, "definition", "a 50,000-field definition is over the size limit");
        assert!(problem.contains("larger than 524288 bytes"), "{problem}");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "refused quickly: {:?}",
            started.elapsed()
        );
    });
}

#[test]
fn more_than_500_fields_are_refused_even_when_small() {
    let (place, problem) = refused(Procedure::from_definition("x", chain(MAX_FIELDS + 1)), "x");
    assert_eq!(place, "steps", "{problem}");
    assert!(problem.contains("501 fields in all; the limit is 500"), "{problem}");
}

#[test]
fn a_500_field_chain_loads_and_evaluates_in_linear_time() {
    let definition = chain(MAX_FIELDS);
    on_small_stack(|| {
        let procedure = Procedure::from_definition("x", definition).expect("500 fields are within the limits");
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).expect("a valid date");
        let started = Instant::now();
        let none = evaluate(&procedure, &BTreeMap::new(), &Attached::new(), today);
        let shown: usize = none.steps.iter().map(|s| s.fields.len()).sum();
        assert_eq!(shown, 1, "with no answers only the first field of the chain shows");
        let answers = (0..250).map(|i| (format!("f{i}"), Answer::Text("x".into()))).collect();
        let half = evaluate(&procedure, &answers, &Attached::new(), today);
        let shown: usize = half.steps.iter().map(|s| s.fields.len()).sum();
        assert_eq!(shown, 251, "250 answers in a row show the next field too");
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "two evaluations of a 500-field chain are quick: {:?}",
            started.elapsed()
        );
    });
}

#[test]
fn an_update_must_name_the_code_it_was_asked_for() {
    let (place, problem) = refused(
        Procedure::from_update("1.000656", "portal:1.000656", good()),
        "portal:1.000656",
    );
    assert_eq!(place, "code", "{problem}");
    assert!(
        problem.contains("the update is for `1.001193`, but `1.000656` was asked for"),
        "{problem}"
    );
    assert!(
        Procedure::from_update("1.001193", "portal:1.001193", good()).is_ok(),
        "the code asked for loads"
    );
    let mut pinned = good();
    pinned.version = u32::MAX;
    let (place, _) = refused(
        Procedure::from_update("1.001193", "portal:1.001193", pinned),
        "portal:1.001193",
    );
    assert_eq!(place, "version", "an update is checked against every limit too");
}

#[test]
fn each_limit_is_refused_at_its_place() {
    let mut cases: Vec<(Definition, &str, &str)> = Vec::new();

    let mut d = good();
    d.documents[0].max_size_mb = MAX_FILE_SIZE_MB + 1;
    cases.push((d, "documents[0].max_size_mb", "21 MiB is above the limit of 20 MiB"));

    let mut d = good();
    d.version = MAX_VERSION + 1;
    cases.push((d, "version", "above the limit of 1000000"));

    let mut d = bare();
    let step = good().steps[0].clone();
    let template = text_template();
    d.steps = (0..=MAX_STEPS)
        .map(|s| Step {
            id: format!("s{s}"),
            fields: vec![text_field(&template, &format!("f{s}"), None)],
            ..step.clone()
        })
        .collect();
    cases.push((d, "steps", "51 entries; the limit is 50"));

    let mut d = good();
    let doc = d.documents[0].clone();
    d.documents = (0..=MAX_DOCUMENTS)
        .map(|i| procedures::definition::DocumentRequirement {
            id: format!("d{i}"),
            ..doc.clone()
        })
        .collect();
    cases.push((d, "documents", "101 entries; the limit is 100"));

    let mut d = good();
    d.keywords = vec!["khai sinh".into(); MAX_LIST_ITEMS + 1];
    cases.push((d, "keywords", "101 entries; the limit is 100"));

    let mut d = good();
    let (s, f) = d
        .steps
        .iter()
        .enumerate()
        .find_map(|(s, step)| Some((s, step.fields.iter().position(|f| f.kind == FieldKind::Choice)?)))
        .expect("the fixture has a choice field");
    let option = d.steps[s].fields[f].options[0].clone();
    d.steps[s].fields[f].options = (0..=MAX_OPTIONS)
        .map(|o| procedures::definition::ChoiceOption {
            value: format!("o{o}"),
            ..option.clone()
        })
        .collect();
    let options_place = format!("steps[{s}].fields[{f}].options");
    cases.push((d, &options_place, "501 entries; the limit is 500"));

    let mut d = good();
    d.name.vi = "á".repeat(MAX_TEXT_BYTES / 2 + 1);
    cases.push((d, "name", "text in `vi` is 4098 bytes long; the limit is 4096"));

    let mut d = good();
    d.steps[0].fields[0].help = Some(procedures::definition::LocalizedText {
        vi: "Hướng dẫn".into(),
        en: "x".repeat(MAX_TEXT_BYTES + 1),
    });
    cases.push((d, "steps[0].fields[0].help", "text in `en` is 4097 bytes long"));

    let mut d = good();
    d.steps[0].id = "s".repeat(MAX_ID_BYTES + 1);
    cases.push((d, "steps[0].id", "65 bytes long; the limit is 64"));

    let mut d = good();
    d.steps[0].fields[0].show_if = Some(format!("answered({})", "a".repeat(MAX_CONDITION_BYTES)));
    cases.push((d, "steps[0].fields[0].show_if", "the limit is 2048"));

    let mut d = good();
    d.steps[0].fields[0].show_if = Some(format!("{}true", "!".repeat(33)));
    cases.push((d, "steps[0].fields[0].show_if", "nest deeper than 32 levels"));

    for (definition, want_place, want_problem) in cases {
        let (place, problem) = refused(Procedure::from_definition("limits.json", definition), "limits.json");
        assert_eq!(place, want_place, "the place of the broken limit: {problem}");
        assert!(problem.contains(want_problem), "{place}: {problem}");
    }
}

#[test]
fn source_text_over_512_kib_is_refused_unread() {
    let big = format!("{GOOD}\n#{}", " ".repeat(MAX_DEFINITION_BYTES));
    let (place, problem) = refused(Procedure::from_toml("big.toml", &big), "big.toml");
    assert_eq!(place, "definition", "{problem}");
    assert!(problem.contains("the limit is 524288"), "{problem}");
    let json = serde_json::to_string(&good()).expect("a definition serialises");
    let padded = format!("{json}{}", " ".repeat(MAX_DEFINITION_BYTES));
    let (place, _) = refused(Procedure::from_json("big.json", &padded), "big.json");
    assert_eq!(place, "definition", "JSON text has the same limit");
    assert!(
        Procedure::from_json("good.json", &json).is_ok(),
        "the fixture as JSON loads"
    );
}

#[test]
fn json_syntax_errors_name_line_and_column() {
    match Procedure::from_json("bad.json", "{\n  \"format\": 1,\n  \"code\": }") {
        Err(Error::Syntax { file, line, column, .. }) => {
            assert_eq!(file, "bad.json", "the error names the file");
            assert_eq!((line, column), (3, 11), "points at the stray `}}`");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn errors_never_quote_long_hostile_text() {
    let mut d = good();
    d.code = "1".repeat(100_000);
    let err = Procedure::from_definition("x", d).expect_err("a 100 KB code is refused");
    assert!(
        err.to_string().len() < 500,
        "the error quotes at most a short prefix: {} bytes",
        err.to_string().len()
    );
    let mut d = good();
    d.steps[0].fields[0].show_if = Some(format!("a == \"{}\"", "x".repeat(100_000)));
    let err = Procedure::from_definition("x", d).expect_err("a 100 KB condition is refused");
    assert!(err.to_string().len() < 500, "the condition is not quoted: {err}");
}

#[test]
fn photo_rules_are_bounded_and_a_photo_is_never_a_pdf() {
    let passport = Procedure::from_toml(
        "passport.toml",
        include_str!("../../../catalog/1.001456-cap-ho-chieu-pho-thong.toml"),
    )
    .expect("the bundled passport loads with its photo rules");
    let index = passport
        .definition
        .documents
        .iter()
        .position(|d| d.photo.is_some())
        .expect("the portrait photo has rules");
    let photo = passport.definition.documents[index].photo.clone().unwrap();
    assert_eq!((photo.width_cm, photo.height_cm), (4, 6));

    let with = |change: &dyn Fn(&mut procedures::definition::DocumentRequirement)| {
        let mut d = passport.definition.clone();
        change(&mut d.documents[index]);
        refused(Procedure::from_definition("photo.json", d), "photo.json")
    };
    let (place, problem) = with(&|doc| doc.accepted.push(procedures::definition::FileKind::Pdf));
    assert_eq!(place, format!("documents[{index}].accepted"));
    assert!(problem.contains("never a PDF"), "{problem}");
    let (place, problem) = with(&|doc| doc.photo.as_mut().unwrap().width_cm = 0);
    assert_eq!(place, format!("documents[{index}].photo"));
    assert!(problem.contains("1 to 20 cm"), "{problem}");
    let (_, problem) = with(&|doc| doc.photo.as_mut().unwrap().min_height_px = 10_001);
    assert!(problem.contains("1 to 10000"), "{problem}");
    let (place, problem) = with(&|doc| doc.photo.as_mut().unwrap().max_size_kb = doc.max_size_mb * 1024 + 1);
    assert_eq!(place, format!("documents[{index}].photo.max_size_kb"));
    assert!(problem.contains("within the document's max_size_mb"), "{problem}");
}
