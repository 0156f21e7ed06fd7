//! A broken definition is refused with an error naming the file, the place
//! and the problem; none panics.

use procedures::{Catalog, Error, Procedure};

const GOOD: &str = include_str!("../../../catalog/1.001193-dang-ky-khai-sinh.toml");

fn load(text: &str) -> Result<Procedure, Error> {
    Procedure::from_toml("broken.toml", text)
}

fn broken(from: &str, to: &str) -> String {
    assert!(GOOD.contains(from), "the fixture still holds {from:?}");
    GOOD.replacen(from, to, 1)
}

fn invalid(text: &str) -> (String, String) {
    match load(text) {
        Err(Error::Invalid { file, place, problem }) => {
            assert_eq!(file, "broken.toml", "the error names the file");
            (place, problem)
        }
        other => panic!("expected a rule violation, got {other:?}"),
    }
}

#[test]
fn the_fixture_itself_loads() {
    assert!(load(GOOD).is_ok());
}

#[test]
fn bad_toml_syntax_names_line_and_column() {
    let text = broken("version = 1", "version = = 1");
    match load(&text) {
        Err(e @ Error::Syntax { line, column, .. }) => {
            assert_eq!((line, column), (3, 11), "points at the second `=`: {e}");
            assert!(e.to_string().starts_with("broken.toml: line 3, column 11: "), "{e}");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn a_holder_sex_other_than_male_or_female_is_a_syntax_error() {
    match load(&broken("holder_sex = \"female\"", "holder_sex = \"woman\"")) {
        Err(Error::Syntax { problem, .. }) => assert!(problem.contains("unknown variant `woman`"), "{problem}"),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn an_unknown_field_type_is_a_syntax_error_at_that_line() {
    let text = broken("type = \"phone\"", "type = \"telephone\"");
    let line = text.lines().position(|l| l.contains("telephone")).unwrap() + 1;
    match load(&text) {
        Err(Error::Syntax { line: at, problem, .. }) => {
            assert_eq!(at, line, "the line of the bad type");
            assert!(problem.contains("unknown variant `telephone`"), "{problem}");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn a_condition_naming_a_missing_field_is_refused() {
    let (place, problem) = invalid(&broken(
        "required_if = \"surrogacy == true\"",
        "required_if = \"surogacy == true\"",
    ));
    assert_eq!(place, "documents[3].required_if");
    assert!(problem.contains("`surogacy`, which is not a field"), "{problem}");
}

#[test]
fn a_condition_that_does_not_parse_gives_its_position() {
    let (place, problem) = invalid(&broken(
        "show_if = \"has_father == true\"",
        "show_if = \"has_father = true\"",
    ));
    assert_eq!(place, "steps[3].fields[1].show_if");
    assert!(problem.contains("at character 11"), "{problem}");
}

#[test]
fn a_cycle_of_conditions_is_refused() {
    let text = broken(
        "label = { vi = \"Có ghi thông tin người cha vào giấy khai sinh không?\"",
        "show_if = \"answered(father_name)\"\nlabel = { vi = \"Có ghi thông tin người cha vào giấy khai sinh không?\"",
    );
    let (place, problem) = invalid(&text);
    assert_eq!(place, "show_if");
    assert!(problem.contains("has_father → father_name → has_father"), "{problem}");
}

#[test]
fn other_rule_violations_are_named() {
    let cases = [
        (broken("format = 1", "format = 2"), "format", "not supported"),
        (
            broken("code = \"1.001193\"", "code = \"KS-01\""),
            "code",
            "not a procedure code",
        ),
        (
            broken("id = \"child_name\"", "id = \"requester_name\""),
            "steps[1].fields[0].id",
            "unique",
        ),
        (
            broken("en = \"Father\"", "en = \"\""),
            "steps[0].fields[2].options[0].label",
            "empty",
        ),
        (
            broken("topics = [\"civil-status\"]", "topics = [\"weddings\"]"),
            "topics[0]",
            "not a known topic",
        ),
        (
            broken(
                "birth_date_field = \"mother_birth_date\"",
                "birth_date_field = \"mother_name\"",
            ),
            "steps[2].fields[2].birth_date_field",
            "wrong type",
        ),
        (
            broken(
                "id = \"mother_name\"\n",
                "id = \"mother_name\"\nholder_sex = \"female\"\n",
            ),
            "steps[2].fields[0].holder_sex",
            "only citizen_id",
        ),
        (
            broken(
                "holder_sex = \"female\"\n",
                "holder_sex = \"female\"\nsex_field = \"child_sex\"\n",
            ),
            "steps[2].fields[2].holder_sex",
            "not both",
        ),
    ];
    for (text, want_place, want_problem) in cases {
        let (place, problem) = invalid(&text);
        assert_eq!(place, want_place, "{problem}");
        assert!(problem.contains(want_problem), "{place}: {problem}");
    }
}

#[test]
fn two_files_with_one_code_are_refused() {
    let err = Catalog::from_files([("a.toml".to_string(), GOOD), ("b.toml".to_string(), GOOD)]).unwrap_err();
    assert!(
        err.to_string().contains("two definitions have the code 1.001193"),
        "{err}"
    );
}

#[test]
fn garbage_never_panics() {
    let half = GOOD.char_indices().nth(GOOD.chars().count() / 2).map_or(0, |(i, _)| i);
    for text in [
        "",
        "\u{0}",
        "[[steps]]\n[[steps]]",
        "format = 1\ncode = 5",
        &GOOD[..half],
    ] {
        assert!(load(text).is_err(), "{text:?} is not a definition");
    }
}

#[test]
fn a_field_may_only_repeat_another_existing_field_of_its_type() {
    let from = "same_as = [{ when = 'requester_relation == \"father\"', field = \"requester_name\" }]";
    let (place, problem) = invalid(&broken(from, &from.replace("requester_name", "requester_nam")));
    assert_eq!(place, "steps[3].fields[1].same_as[0].field");
    assert_eq!(problem, "there is no field `requester_nam`");

    let (_, problem) = invalid(&broken(from, &from.replace("requester_name", "requester_phone")));
    assert_eq!(problem, "field `requester_phone` has another type than this field");

    let (_, problem) = invalid(&broken(from, &from.replace("requester_name", "father_name")));
    assert_eq!(problem, "a field cannot repeat itself");

    let (place, problem) = invalid(&broken(from, &from.replace("requester_relation", "requester_role")));
    assert_eq!(place, "steps[3].fields[1].same_as[0].when");
    assert!(problem.contains("`requester_role`"), "{problem}");
}

#[test]
fn a_conditional_meaning_needs_a_meaning_and_a_sound_condition() {
    let marriage = include_str!("../../../catalog/1.000894-dang-ky-ket-hon.toml");
    let from = "meaning = \"full_name\"\nmeaning_if = 'filed_by == \"groom\"'";
    assert!(marriage.contains(from), "the marriage definition still has it");
    let load = |text: &str| match Procedure::from_toml("broken.toml", text) {
        Err(Error::Invalid { place, problem, .. }) => (place, problem),
        other => panic!("expected a rule violation, got {other:?}"),
    };
    let (place, problem) = load(&marriage.replacen(from, "meaning_if = 'filed_by == \"groom\"'", 1));
    assert!(place.ends_with(".meaning_if"), "{place}");
    assert_eq!(problem, "meaning_if needs a meaning");
    let (place, problem) = load(&marriage.replacen(from, &from.replace("filed_by", "filed_bye"), 1));
    assert!(place.ends_with(".meaning_if"), "{place}");
    assert!(problem.contains("`filed_bye`"), "{problem}");
}
