//! Rust's answers to what the UI tests ask (see `ui_fixtures.rs`): each ask
//! is answered with the real bundled catalog, the engine and an encrypted
//! store in a temporary folder, on the UI tests' fixed day. Shared by the
//! freshness test and by `examples/answer_ask.rs`, which answers one ask at a
//! time while the UI tests record what they ask.

use std::collections::BTreeMap;

use assistant::AppError;
use chrono::NaiveDate;
use procedures::definition::{DocumentRequirement, FileKind, Meaning};
use procedures::engine::{Answer, Answers, Attached, clean_answer, evaluate, is_blank};
use procedures::{Catalog, Procedure, admin_units, elsewhere};
use serde::Deserialize;
use serde_json::{Value, json};
use store::{Profile, Store, StoreKey};

/// The day the UI tests live on (their change stamps start on 05/09/2025).
const TODAY: (i32, u32, u32) = (2025, 9, 15);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).unwrap()
}

/// One thing the UI tests asked for.
#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Ask {
    /// A draft's interview, its filer and its subject, from its stored answers and the documents with a file.
    Evaluate {
        code: String,
        answers: Answers,
        attached: Vec<String>,
    },
    /// An answer as the store keeps it (`null`: blank, so removed).
    Clean {
        code: String,
        field: String,
        answer: Answer,
    },
    /// The answers a new draft takes from a saved person.
    Prefill {
        code: String,
        data: BTreeMap<Meaning, Answer>,
    },
    /// A saved person as the store keeps it, or why it refuses it.
    SaveProfile {
        label: String,
        data: BTreeMap<Meaning, Answer>,
    },
    /// The order the store lists saved people in, as indices into `labels`.
    ProfileOrder { labels: Vec<String> },
    /// A file picked for a document: the attachment, or why it is refused.
    Attach {
        code: String,
        document: String,
        file: String,
    },
    /// The search box.
    Search { query: String },
    /// One procedure's definition.
    Detail { code: String },
    /// The facts of a procedure that no verified source backs.
    Unverified { code: String },
    /// The fee a procedure's page quotes, for a chosen province or none.
    FeeQuote { code: String, province: Option<String> },
    /// The province a search names.
    Place { query: String },
    /// Procedures the app does not carry.
    Elsewhere { query: String },
    /// The provinces, by name.
    Provinces {},
    /// A province's communes matching what was typed.
    Communes { province: String, query: String },
    /// A desk as set by an officer, or why its values are refused.
    Desk {
        name: String,
        province: String,
        commune: Option<String>,
    },
    /// A citizen's identity and consent as a session takes them, cleaned, or why refused.
    Session {
        name: String,
        citizen_id: String,
        birth_date: String,
        consented: bool,
    },
    /// The training bank's VietQR code for paying `total` đồng for the dossier `code`, as the sandbox writes it.
    Vietqr {
        code: String,
        total: u64,
        #[serde(default)]
        tamper: bool,
    },
    /// The code that pays a dossier's waiting fee, checked and drawn, or why not.
    PaymentCode { dossier: Box<portal::types::Dossier> },
    /// What the person may still do with a dossier in this status.
    DossierActions { status: portal::types::Status, rated: bool },
}

/// A real store in a folder of its own, keyed like any other.
struct Scratch {
    store: Store,
    dir: tempfile::TempDir,
}

fn scratch() -> Scratch {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(dir.path(), &StoreKey::from_bytes([7; 32])).unwrap();
    Scratch { store, dir }
}

fn ok_or_error(result: Result<Value, store::Error>) -> Value {
    match result {
        Ok(value) => json!({ "ok": value }),
        Err(error) => json!({ "error": AppError::from(&error) }),
    }
}

/// Bytes a file of this name holds: the real signature of its kind.
fn content_for(file: &str) -> Vec<u8> {
    let lower = file.to_lowercase();
    if lower.ends_with(".pdf") {
        b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".to_vec()
    } else if lower.ends_with(".png") {
        // A 1×1 PNG.
        const PNG: &str = "89504e470d0a1a0a0000000d4948445200000001000000010806000000\
                           1f15c4890000000d49444154789c63606060f80f0001040100c12d8e50\
                           0000000049454e44ae426082";
        (0..PNG.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&PNG[i..i + 2], 16).unwrap())
            .collect()
    } else if lower.ends_with(".jpg") || lower.ends_with(".jpeg") {
        let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F', 0];
        bytes.extend_from_slice(&[0; 64]);
        bytes.extend_from_slice(&[0xFF, 0xD9]);
        bytes
    } else {
        "Đơn đề nghị (văn bản)".as_bytes().to_vec()
    }
}

fn procedure<'a>(catalog: &'a Catalog, code: &str) -> &'a Procedure {
    catalog
        .get(code)
        .unwrap_or_else(|| panic!("the UI tests asked for {code}, which the catalog lacks"))
}

fn document<'a>(procedure: &'a Procedure, id: &str) -> &'a DocumentRequirement {
    let found = procedure.definition.documents.iter().find(|d| d.id == id);
    found.unwrap_or_else(|| panic!("{} has no document {id}", procedure.definition.code))
}

/// A draft in a real store holding `answers`, with a file for each of `attached`.
fn draft_with(scratch: &Scratch, procedure: &Procedure, answers: &Answers, attached: &[String]) -> i64 {
    let store = &scratch.store;
    let draft = store.create_draft(procedure, None, today()).unwrap();
    for (field, answer) in answers {
        store
            .save_answer(draft, procedure, field, Some(answer), today())
            .unwrap();
    }
    for id in attached {
        let document = document(procedure, id);
        let kind = document.accepted.first().copied().unwrap_or(FileKind::Pdf);
        let name = match kind {
            FileKind::Pdf => "ban-chup.pdf",
            FileKind::Png => "ban-chup.png",
            FileKind::Jpeg => "ban-chup.jpg",
        };
        let path = scratch.dir.path().join(name);
        std::fs::write(&path, content_for(name)).unwrap();
        store.attach(draft, document, &path).unwrap();
    }
    draft
}

/// Rust's answer to one ask, as JSON.
pub fn answer(catalog: &Catalog, ask: &Value) -> Value {
    let ask = Ask::deserialize(ask).unwrap_or_else(|e| panic!("{ask}: {e}"));
    match ask {
        Ask::Evaluate {
            code,
            answers,
            attached,
        } => {
            let procedure = procedure(catalog, &code);
            let scratch = scratch();
            let draft = draft_with(&scratch, procedure, &answers, &attached);
            let saved = scratch.store.open_draft(draft).unwrap();
            let files: Attached = attached.iter().cloned().collect();
            let state = evaluate(procedure, &saved.answers, &files, today());
            json!({
                "state": state,
                "answers": saved.answers,
                "person": saved.summary.person,
                "subject": saved.summary.subject,
                "steps_done": saved.summary.steps_done,
                "steps_total": saved.summary.steps_total,
            })
        }
        Ask::Clean { code, field, answer } => {
            let procedure = procedure(catalog, &code);
            let kind = procedure
                .definition
                .steps
                .iter()
                .flat_map(|s| &s.fields)
                .find(|f| f.id == field)
                .map(|f| f.kind);
            json!(kind.map(|k| clean_answer(k, &answer)).filter(|a| !is_blank(a)))
        }
        Ask::Prefill { code, data } => {
            let procedure = procedure(catalog, &code);
            let scratch = scratch();
            let profile = Profile {
                id: None,
                label: "Người khai".into(),
                data,
                updated_at: String::new(),
            };
            let saved = scratch.store.save_profile(&profile).unwrap();
            let draft = scratch.store.create_draft(procedure, saved.id, today()).unwrap();
            let opened = scratch.store.open_draft(draft).unwrap();
            json!({ "answers": opened.answers, "prefilled": opened.prefilled })
        }
        Ask::SaveProfile { label, data } => {
            let scratch = scratch();
            let profile = Profile {
                id: None,
                label,
                data,
                updated_at: String::new(),
            };
            ok_or_error(
                scratch
                    .store
                    .save_profile(&profile)
                    .map(|p| json!({ "label": p.label, "data": p.data })),
            )
        }
        Ask::ProfileOrder { labels } => {
            let scratch = scratch();
            let mut ids = Vec::new();
            for label in &labels {
                let profile = Profile {
                    id: None,
                    label: label.clone(),
                    data: BTreeMap::new(),
                    updated_at: String::new(),
                };
                ids.push(scratch.store.save_profile(&profile).unwrap().id);
            }
            let listed = scratch.store.list_profiles().unwrap();
            json!(
                listed
                    .iter()
                    .map(|p| ids.iter().position(|id| *id == p.id).unwrap())
                    .collect::<Vec<_>>()
            )
        }
        Ask::Attach {
            code,
            document: id,
            file,
        } => {
            let procedure = procedure(catalog, &code);
            let document = match assistant::assistant::attachable(procedure, &id) {
                Ok(document) => document,
                Err(error) => return json!({ "error": AppError::from(&error) }),
            };
            let scratch = scratch();
            let draft = draft_with(&scratch, procedure, &Answers::new(), &[]);
            let path = scratch.dir.path().join(&file);
            std::fs::write(&path, content_for(&file)).unwrap();
            let attached = scratch.store.attach(draft, &document, &path).and_then(|a| {
                let preview = scratch.store.attachment_preview(a.id)?;
                Ok(json!({
                    "file_name": a.file_name,
                    "kind": a.kind,
                    "size": a.size,
                    "sha256": a.sha256,
                    "preview": preview,
                }))
            });
            ok_or_error(attached)
        }
        Ask::Search { query } => json!(catalog.search(&query)),
        Ask::Detail { code } => match catalog.get(&code) {
            Some(found) => json!({ "ok": found.definition }),
            None => json!({ "error": AppError::from(&assistant::Error::ProcedureNotFound(code)) }),
        },
        Ask::Unverified { code } => match catalog.get(&code) {
            Some(found) => json!({ "ok": found.definition.unverified_facts() }),
            None => json!({ "error": AppError::from(&assistant::Error::ProcedureNotFound(code)) }),
        },
        Ask::FeeQuote { code, province } => match catalog.get(&code) {
            Some(found) => json!({ "ok": procedures::engine::quote_fee(found, province.as_deref(), today()) }),
            None => json!({ "error": AppError::from(&assistant::Error::ProcedureNotFound(code)) }),
        },
        Ask::Place { query } => json!(procedures::legacy_units::place_in_query(&query).map(|(place, _)| place)),
        Ask::Elsewhere { query } => json!(elsewhere::search(&query)),
        Ask::Provinces {} => json!(admin_units::provinces_by_name()),
        Ask::Communes { province, query } => json!(admin_units::search_communes(&province, &query)),
        Ask::Session {
            name,
            citizen_id,
            birth_date,
            consented,
        } => match assistant::sessions::checked_identity(&name, &citizen_id, &birth_date, consented) {
            Ok(values) => json!({ "ok": values }),
            Err(error) => json!({ "error": AppError::from(&error) }),
        },
        Ask::Desk {
            name,
            province,
            commune,
        } => match assistant::officer::checked_desk(&name, &province, commune.as_deref()) {
            Ok(desk) => json!({ "ok": assistant::officer::DeskView::of(desk) }),
            Err(error) => json!({ "error": AppError::from(&error) }),
        },
        Ask::Vietqr { code, total, tamper } => {
            let mut payload = portal_sandbox::training_payment_code(&code, total).unwrap();
            if tamper {
                // One digit of the amount changed, the checksum left as it was.
                let at = payload.find(&total.to_string()).unwrap();
                let digit = if &payload[at..at + 1] == "9" { "1" } else { "9" };
                payload.replace_range(at..at + 1, digit);
            }
            json!(payload)
        }
        Ask::PaymentCode { dossier } => match assistant::payment::code_for(&dossier) {
            Ok(code) => json!({ "ok": code }),
            Err(error) => json!({ "error": AppError::from(&error) }),
        },
        Ask::DossierActions { status, rated } => json!(assistant::views::DossierActions::of(status, rated)),
    }
}
