//! The application layer with no window: opened as the app opens it (a data
//! key, the encrypted store, the training portal on 127.0.0.1 and the sync
//! worker on a tokio runtime), then driven as the commands drive it.

use portal::types::AssistedChannel;
use std::path::Path;

use assistant::views::AttachmentAdded;
use assistant::{Assistant, Error};
use procedures::engine::{Answer, Answers, DocumentStatus};

mod common;

use common::{birth_answers, open};

/// A 1-page PDF, enough for the sandbox's content check.
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

fn fill(assistant: &Assistant, draft: i64, answers: &Answers) {
    for (field, answer) in answers {
        assistant
            .save_answer(draft, "1.001193", field, Some(answer))
            .unwrap_or_else(|e| panic!("{field}: {e}"));
    }
}

fn attach_birth_certificate(assistant: &Assistant, draft: i64, dir: &Path) -> AttachmentAdded {
    let file = dir.join("giấy chứng sinh.pdf");
    std::fs::write(&file, PDF).unwrap();
    let document = assistant.document(draft, "1.001193", "giay_chung_sinh").unwrap();
    assistant.attach(draft, &document, &file).unwrap()
}

/// A birth registration with every answer and its certificate attached.
fn ready_draft(assistant: &Assistant) -> i64 {
    let draft = assistant.create_draft("1.001193", None).unwrap().draft.id;
    fill(assistant, draft, &birth_answers());
    let outside = tempfile::tempdir().unwrap();
    attach_birth_certificate(assistant, draft, outside.path());
    draft
}

#[test]
fn a_ready_draft_is_queued_exactly_once() {
    let opened = open(None);
    let assistant = &opened.assistant;
    let draft = ready_draft(assistant);
    assert!(
        assistant.open_draft(draft).unwrap().state.ready,
        "every question is answered"
    );

    let result = assistant
        .submit_draft(draft, AssistedChannel::Desk)
        .expect("a ready draft is submitted");
    let listed = assistant.list_submissions().unwrap();
    let queued = listed.queued.len() + listed.dossiers.iter().filter(|d| d.draft_id == Some(draft)).count();
    assert_eq!(queued, 1, "the submission is in the outbox or delivered, exactly once");
    assert!(result.outbox_id > 0);
    assert!(
        matches!(
            assistant.submit_draft(draft, AssistedChannel::Desk),
            Err(Error::Sync(_) | Error::Store(_))
        ),
        "a submitted draft cannot go out a second time"
    );
}

#[test]
fn answers_alone_are_not_ready_until_the_certificate_is_attached() {
    let opened = open(None);
    let assistant = &opened.assistant;
    let draft = assistant.create_draft("1.001193", None).unwrap().draft.id;
    fill(assistant, draft, &birth_answers());
    let state = assistant.open_draft(draft).unwrap().state;
    assert!(state.answers_complete, "every question is answered");
    assert!(!state.ready, "the birth certificate has no file yet");
    assert!(
        matches!(
            assistant.submit_draft(draft, AssistedChannel::Desk),
            Err(Error::NotReady)
        ),
        "it cannot be submitted"
    );
    assert!(assistant.list_submissions().unwrap().queued.is_empty());

    let outside = tempfile::tempdir().unwrap();
    let added = attach_birth_certificate(assistant, draft, outside.path());
    assert!(added.state.ready, "the state that comes with the file counts it");
    let status = |state: &procedures::InterviewState| {
        state
            .documents
            .iter()
            .find(|d| d.id == "giay_chung_sinh")
            .map(|d| d.status)
    };
    assert_eq!(status(&added.state), Some(DocumentStatus::Attached));

    let removed = assistant.remove_attachment(added.attachment.id).unwrap();
    assert!(!removed.ready, "without the file it is held back again");
    assert_eq!(status(&removed), Some(DocumentStatus::Missing));

    assert!(
        matches!(
            assistant.document(draft, "1.001193", "to_khai"),
            Err(Error::DocumentFilledByApp(_))
        ),
        "the form the app fills takes no file"
    );
}

#[test]
fn an_unready_draft_is_refused_and_nothing_is_queued() {
    let opened = open(None);
    let assistant = &opened.assistant;
    let draft = assistant.create_draft("1.001193", None).unwrap().draft.id;
    assert!(matches!(
        assistant.submit_draft(draft, AssistedChannel::Desk),
        Err(Error::NotReady)
    ));
    assert!(assistant.list_submissions().unwrap().queued.is_empty());
}

#[test]
fn a_submitted_draft_is_shown_as_it_was_sent_even_after_a_newer_definition() {
    let opened = open(None);
    let assistant = &opened.assistant;
    let draft = ready_draft(assistant);
    assistant
        .submit_draft(draft, AssistedChannel::Desk)
        .expect("a ready draft is submitted");
    let sent = assistant.open_draft(draft).unwrap();

    let mut newer = assistant.procedure("1.001193").unwrap();
    newer.definition.version += 1;
    assistant.apply_update(newer);
    let shown = assistant.open_draft(draft).unwrap();
    assert_eq!(
        shown.draft.procedure_version, sent.draft.procedure_version,
        "a submitted draft is never moved to a newer definition"
    );
    assert_eq!(
        shown.state.version, sent.state.version,
        "and is read with the one it was sent on"
    );
    assert_eq!(shown.answers, sent.answers, "with every answer as sent");
}

#[test]
fn a_draft_moves_to_the_newer_definition_when_opened() {
    let opened = open(None);
    let assistant = &opened.assistant;
    let draft = assistant.create_draft("1.001193", None).unwrap();
    let mut newer = assistant.procedure("1.001193").unwrap();
    newer.definition.version += 1;
    assistant.apply_update(newer.clone());
    let reopened = assistant.open_draft(draft.draft.id).unwrap();
    assert_eq!(
        reopened.draft.procedure_version, newer.definition.version,
        "opening upgrades the draft to the catalog's version"
    );
}

#[test]
fn no_command_applies_another_procedures_rules_to_a_draft() {
    let opened = open(None);
    let assistant = &opened.assistant;
    let draft = assistant.create_draft("1.001193", None).unwrap().draft.id;
    let other = "2.000001";
    assert!(matches!(
        assistant.save_answer(
            draft,
            other,
            "requester_phone",
            Some(&Answer::Text("0912345678".into()))
        ),
        Err(Error::ProcedureMismatch)
    ));
    assert!(matches!(
        assistant.document(draft, other, "to_khai"),
        Err(Error::ProcedureMismatch)
    ));
    assert!(matches!(
        assistant.update_profile_from_draft(draft, other, "requester_phone"),
        Err(Error::ProcedureMismatch)
    ));
}

#[test]
fn test_accounts_sign_in_on_the_training_portal_only() {
    let training = open(None);
    let status = training.assistant.portal_status();
    assert!(
        status.training && !status.test_accounts.is_empty(),
        "the training portal offers its test accounts"
    );
    let real = open(Some("https://dichvucong.example.vn"));
    assert!(
        real.assistant.portal_status().test_accounts.is_empty(),
        "a real portal offers none"
    );
    let refused = real.runtime.block_on(real.assistant.sign_in("cong-dan"));
    assert!(matches!(refused, Err(Error::NotTraining)), "and signs none in");
}

#[test]
fn training_mode_is_signed_in_as_soon_as_the_data_is_open() {
    // The window asks who is signed in the moment `open` returns.
    let opened = common::open(None);
    let status = opened.assistant.portal_status();
    assert!(status.training);
    assert_eq!(
        status.account.as_deref(),
        Some("cong-dan"),
        "the training account is signed in already"
    );
}
