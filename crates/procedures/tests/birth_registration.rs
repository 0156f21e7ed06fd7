//! The engine on the birth-registration interview: visibility, validation
//! messages, documents, fee rules, readiness and cleaned answers.

use chrono::NaiveDate;
use procedures::definition::Supply;
use procedures::engine::{Answer, Answers, Attached, Display, DocumentStatus, InterviewState};
use procedures::message::Arg;
use procedures::{Catalog, Message, Procedure, evaluate};
use unicode_normalization::UnicodeNormalization;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn text(s: &str) -> Answer {
    Answer::Text(s.into())
}

/// A complete, valid birth registration (a child born on 01/11/2026), shared
/// with the other crates' tests and benchmarks.
fn valid_answers() -> Answers {
    serde_json::from_str(include_str!("fixtures/birth-registration.json")).expect("the fixture parses")
}

/// The interview with a file attached to every document it may need, so
/// that readiness is the answers'.
fn run(answers: &Answers) -> InterviewState {
    let all = [
        "giay_chung_sinh",
        "van_ban_lam_chung",
        "xac_nhan_mang_thai_ho",
        "van_ban_uy_quyen",
    ];
    run_with(answers, &all.map(String::from).into())
}

fn run_with(answers: &Answers, attached: &Attached) -> InterviewState {
    let catalog = Catalog::bundled().unwrap();
    evaluate(
        catalog.get("1.001193").expect("birth registration is bundled"),
        answers,
        attached,
        today(),
    )
}

fn status_of(state: &InterviewState, document: &str) -> DocumentStatus {
    state
        .documents
        .iter()
        .find(|d| d.id == document)
        .unwrap_or_else(|| panic!("{document} is on the checklist"))
        .status
}

fn errors_of(state: &InterviewState, field: &str) -> Vec<String> {
    let f = state
        .steps
        .iter()
        .flat_map(|s| &s.fields)
        .find(|f| f.id == field)
        .unwrap_or_else(|| panic!("{field} is visible"));
    message_ids(&f.errors)
}

/// Fluent ids, and a definition's own messages in Vietnamese.
fn message_ids(messages: &[Message]) -> Vec<String> {
    messages
        .iter()
        .map(|m| match m {
            Message::Fluent { id, .. } => id.clone(),
            Message::Text { text } => text.vi.clone(),
        })
        .collect()
}

#[test]
fn a_complete_valid_dossier_is_ready() {
    let state = run(&valid_answers());
    let wrong: Vec<_> = state
        .steps
        .iter()
        .flat_map(|s| &s.fields)
        .filter(|f| !f.errors.is_empty())
        .map(|f| (&f.id, &f.errors))
        .collect();
    assert!(state.ready, "every answer is valid, yet: {wrong:?}");
    assert_eq!(state.steps.len(), 5, "all five steps show");
    assert_eq!(state.fee.amount, Some(0), "registered within 60 days: free");
}

#[test]
fn a_required_document_not_attached_holds_the_dossier_back() {
    let state = run_with(&valid_answers(), &Attached::new());
    assert!(state.answers_complete, "every answer is valid");
    assert!(!state.ready, "the birth certificate is not attached");
    assert_eq!(status_of(&state, "giay_chung_sinh"), DocumentStatus::Missing);
    assert_eq!(
        status_of(&state, "to_khai"),
        DocumentStatus::FilledByApp,
        "the form the app fills is never asked for as a file"
    );

    let attached = run_with(&valid_answers(), &["giay_chung_sinh".to_owned()].into());
    assert!(attached.ready, "with the certificate attached the dossier is ready");
    assert_eq!(status_of(&attached, "giay_chung_sinh"), DocumentStatus::Attached);
}

#[test]
fn a_file_for_a_document_no_longer_needed_does_not_count() {
    let mut answers = valid_answers();
    answers.insert("has_birth_certificate".into(), Answer::Bool(false));
    let state = run_with(&answers, &["giay_chung_sinh".to_owned()].into());
    assert!(
        !state.documents.iter().any(|d| d.id == "giay_chung_sinh"),
        "without a birth certificate it is off the checklist"
    );
    assert_eq!(status_of(&state, "van_ban_lam_chung"), DocumentStatus::Missing);
    assert!(!state.ready, "the witness's statement is what is needed now");
}

#[test]
fn a_document_given_later_does_not_hold_the_dossier_back_but_is_still_to_follow() {
    let mut definition = Catalog::bundled().unwrap().get("1.001193").unwrap().definition.clone();
    for document in definition.documents.iter_mut().filter(|d| d.id == "giay_chung_sinh") {
        document.supply = Supply::Later;
    }
    let procedure = Procedure::from_definition("later.toml", definition).expect("the changed definition loads");
    let state = evaluate(&procedure, &valid_answers(), &Attached::new(), today());
    assert!(state.ready, "the portal takes the dossier without it");
    assert_eq!(status_of(&state, "giay_chung_sinh"), DocumentStatus::ToFollow);
}

/// The answers up to the father's step, filed by `relation`, with the
/// father's details to be written down.
fn filed_by(relation: &str) -> Answers {
    let mut answers = valid_answers();
    answers.insert("requester_relation".into(), text(relation));
    answers.insert("has_father".into(), Answer::Bool(true));
    for own in ["father_name", "father_id", "mother_name", "mother_id"] {
        answers.remove(own);
    }
    answers
}

fn field<'a>(state: &'a InterviewState, id: &str) -> &'a procedures::engine::FieldState {
    state
        .steps
        .iter()
        .flat_map(|s| &s.fields)
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("{id} is shown"))
}

#[test]
fn the_filer_who_is_the_father_is_not_asked_his_name_and_id_again() {
    let answers = filed_by("father");
    let state = run(&answers);
    for (target, source) in [("father_name", "requester_name"), ("father_id", "requester_id")] {
        let copied = field(&state, target);
        assert_eq!(copied.value.as_ref(), answers.get(source), "{target} repeats {source}");
        assert_eq!(
            copied.copied_from.as_ref().map(|t| t.vi.as_str()),
            Some("Người đi đăng ký"),
            "and says where from"
        );
        assert_eq!(state.answers.get(target), answers.get(source), "the copy is submitted");
    }
    assert!(
        field(&state, "mother_name").value.is_none(),
        "the mother is not the filer"
    );

    let mut own = answers.clone();
    own.insert("father_name".into(), text("Nguyễn Văn Bình"));
    let state = run(&own);
    assert_eq!(
        field(&state, "father_name").value,
        Some(text("Nguyễn Văn Bình")),
        "an own answer wins"
    );
    assert_eq!(field(&state, "father_name").copied_from, None);

    let state = run(&filed_by("mother"));
    assert!(
        field(&state, "father_name").value.is_none(),
        "filed by the mother, the father is asked"
    );
    assert_eq!(
        field(&state, "mother_id").value,
        valid_answers().get("requester_id").cloned()
    );
}

fn warnings_of(state: &InterviewState, id: &str) -> Vec<String> {
    message_ids(&field(state, id).warnings)
}

#[test]
fn a_mother_aged_six_at_the_birth_is_warned_about_not_refused() {
    let mut answers = valid_answers();
    answers.insert("mother_birth_date".into(), text("02/02/2020"));
    answers.insert("mother_id".into(), text("001320054321"));
    let state = run(&answers);
    let warnings = warnings_of(&state, "mother_birth_date");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("chưa đủ 13 tuổi"), "{warnings:?}");
    assert!(
        errors_of(&state, "mother_birth_date").is_empty(),
        "a warning, not an error"
    );
    assert!(state.ready, "the person may go on if the dates are right");
    assert!(
        warnings_of(&run(&valid_answers()), "mother_birth_date").is_empty(),
        "a mother of 34 is fine"
    );
}

#[test]
fn names_get_their_capitals_and_a_name_without_diacritics_is_questioned() {
    let mut answers = valid_answers();
    answers.insert("requester_name".into(), text("nguyen van an"));
    answers.insert("child_name".into(), text("nguyễn minh khang"));
    let state = run(&answers);
    assert_eq!(field(&state, "requester_name").value, Some(text("Nguyen Van An")));
    assert_eq!(field(&state, "child_name").value, Some(text("Nguyễn Minh Khang")));
    assert_eq!(warnings_of(&state, "requester_name"), ["warning-name-no-diacritics"]);
    assert!(
        warnings_of(&state, "child_name").is_empty(),
        "a name with diacritics is fine"
    );
    assert!(state.ready, "a name without diacritics can be right");
}

#[test]
fn empty_answers_ask_for_every_required_field() {
    let state = run(&Answers::new());
    assert!(!state.ready);
    assert_eq!(errors_of(&state, "requester_name"), ["error-required"]);
    assert!(errors_of(&state, "requester_email").is_empty(), "e-mail is optional");
}

#[test]
fn citizen_id_errors_are_specific() {
    let mut answers = valid_answers();
    answers.insert("requester_id".into(), text("12345"));
    assert_eq!(errors_of(&run(&answers), "requester_id"), ["error-citizen-id-format"]);
    answers.insert("requester_id".into(), text("003090012345"));
    assert!(
        errors_of(&run(&answers), "requester_id").is_empty(),
        "a code that is no province may be a country's, for a birth registered abroad"
    );
    assert_eq!(
        warnings_of(&run(&answers), "requester_id"),
        ["warning-citizen-id-abroad"]
    );
    answers.insert("requester_id".into(), text("001090012345"));
    assert!(warnings_of(&run(&answers), "requester_id").is_empty());
    answers.insert("mother_id".into(), text("001185054321"));
    assert_eq!(
        errors_of(&run(&answers), "mother_id"),
        ["error-citizen-id-birth-year"],
        "the ID says 1985, the mother was born in 1992"
    );
    let state = run(&answers);
    let message = state
        .steps
        .iter()
        .flat_map(|s| &s.fields)
        .find(|f| f.id == "mother_id")
        .and_then(|f| f.errors.first())
        .cloned();
    let Some(Message::Fluent { args, .. }) = message else {
        panic!("a Fluent message")
    };
    assert_eq!(
        (args.get("encoded"), args.get("entered")),
        (Some(&Arg::Text("1985".into())), Some(&Arg::Text("1992".into()))),
        "years go as text, so no locale groups them as 1.985"
    );
}

#[test]
fn a_mothers_number_must_be_a_womans_and_a_fathers_a_mans() {
    let mut answers = valid_answers();
    // Born 1992 like the mother, but the sex digit 0 is a man's.
    answers.insert("mother_id".into(), text("001092054321"));
    assert_eq!(errors_of(&run(&answers), "mother_id"), ["error-citizen-id-holder-sex"]);
    let state = run(&answers);
    let message = field(&state, "mother_id").errors.first().cloned();
    let Some(Message::Fluent { args, .. }) = message else {
        panic!("a Fluent message")
    };
    assert_eq!(
        (args.get("encoded"), args.get("expected")),
        (Some(&Arg::Text("male".into())), Some(&Arg::Text("female".into())))
    );
    answers.insert("mother_id".into(), text("001192054321"));
    assert!(
        errors_of(&run(&answers), "mother_id").is_empty(),
        "an odd digit is a woman's"
    );

    answers.insert("has_father".into(), Answer::Bool(true));
    answers.insert("father_name".into(), text("Trần Văn Bình"));
    answers.insert("father_birth_date".into(), text("01/02/1990"));
    answers.insert("father_id".into(), text("001190012345"));
    assert_eq!(errors_of(&run(&answers), "father_id"), ["error-citizen-id-holder-sex"]);
    answers.insert("father_id".into(), text("001090012345"));
    assert!(
        errors_of(&run(&answers), "father_id").is_empty(),
        "an even digit is a man's"
    );
}

#[test]
fn the_fathers_questions_show_only_when_he_is_named() {
    let mut answers = valid_answers();
    // Filed by a grandparent: nothing of the father's is known from the filer.
    answers.insert("requester_relation".into(), text("grandparent"));
    answers.insert("father_name".into(), text("Lê Văn Cường"));
    let hidden = run(&answers);
    let father = hidden.steps.iter().find(|s| s.id == "father").unwrap();
    assert_eq!(father.fields.len(), 1, "only the yes/no question shows");
    assert!(
        !hidden.answers.contains_key("father_name"),
        "an answer to a hidden field is not kept"
    );
    answers.insert("has_father".into(), Answer::Bool(true));
    let shown = run(&answers);
    assert!(!shown.ready, "the father's date of birth and ID are now required");
    assert_eq!(errors_of(&shown, "father_id"), ["error-required"]);
}

#[test]
fn extra_copies_are_added_to_the_fee_and_a_late_registration_says_it_is_late() {
    let mut answers = valid_answers();
    answers.insert("extra_copies".into(), text("2"));
    let fee = run(&answers).fee;
    assert_eq!(fee.items.len(), 1);
    assert_eq!(
        (fee.items[0].count, fee.items[0].each, fee.items[0].total),
        (2, 8000, 16_000)
    );
    assert_eq!(fee.total, Some(16_000), "free registration plus two copies");

    answers.insert("child_birth_date".into(), text("01/02/2020"));
    let late = run(&answers).fee;
    assert_eq!(
        late.total, None,
        "the province sets the late fee, so no total is claimed"
    );
    assert_eq!(late.items[0].total, 16_000, "the copies are still counted");
    let reason = late.reason.expect("the rule that applied").vi;
    assert!(
        reason.contains("quá hạn"),
        "the person is told the registration is late: {reason}"
    );

    answers.insert("extra_copies".into(), text("0"));
    assert!(run(&answers).fee.items.is_empty(), "no line for no copies");
}

#[test]
fn documents_and_fee_follow_the_answers() {
    let mut answers = valid_answers();
    let docs = |s: &InterviewState| s.documents.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
    assert_eq!(docs(&run(&answers)), ["to_khai", "giay_chung_sinh"]);
    answers.insert("has_birth_certificate".into(), Answer::Bool(false));
    answers.insert("requester_relation".into(), text("authorized"));
    assert_eq!(
        docs(&run(&answers)),
        ["to_khai", "van_ban_lam_chung", "van_ban_uy_quyen"]
    );
    answers.insert("child_birth_date".into(), text("01/06/2026"));
    let late = run(&answers);
    assert_eq!(
        late.fee.amount, None,
        "registered after 60 days: the province sets the fee"
    );
    assert!(late.fee.reason.is_some(), "and the user is told why");
}

#[test]
fn dates_must_be_real_and_not_in_the_future() {
    let mut answers = valid_answers();
    answers.insert("child_birth_date".into(), text("31/02/2026"));
    assert_eq!(
        errors_of(&run(&answers), "child_birth_date"),
        ["error-date-not-on-calendar"]
    );
    answers.insert("child_birth_date".into(), text("01/12/2026"));
    assert_eq!(errors_of(&run(&answers), "child_birth_date"), ["error-date-future"]);
}

#[test]
fn answers_come_back_cleaned() {
    let mut answers = valid_answers();
    answers.insert(
        "child_name".into(),
        text(&" Nguyễn  Minh\u{00A0}Khang ".nfd().collect::<String>()),
    );
    let state = run(&answers);
    assert_eq!(
        state.answers["child_name"],
        text("Nguyễn Minh Khang"),
        "NFC, single spaces"
    );
    assert_eq!(
        state.answers["requester_phone"],
        text("0912345678"),
        "national phone form"
    );
    assert_eq!(
        state.answers["child_birth_date"],
        text("01/11/2026"),
        "zero-padded dd/mm/yyyy"
    );
    let mother = state
        .steps
        .iter()
        .flat_map(|s| &s.fields)
        .find(|f| f.id == "mother_address")
        .unwrap();
    assert_eq!(
        mother.display,
        Some(Display::Address(
            "Số 5 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội".into()
        ))
    );
}
