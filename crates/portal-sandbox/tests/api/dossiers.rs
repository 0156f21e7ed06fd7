//! Dossiers: creation with re-validation, the code, attachments, the
//! change cursor, status moves, withdrawal, idempotency and account scope.

use std::time::Duration;

use portal::types::{AssistedChannel, AttachmentReceipt, Dossier, FieldProblem, NewDossier, OnBehalf, Status};
use portal_sandbox::{Config, Sandbox};
use procedures::engine::Answer;
use reqwest::StatusCode;

use crate::common::*;

fn looks_like_a_code(code: &str, prefix: &str) -> bool {
    let Some(rest) = code.strip_prefix(prefix) else {
        return false;
    };
    rest.len() == 4 && rest.bytes().all(|b| b.is_ascii_digit())
}

#[tokio::test]
async fn a_birth_registration_goes_from_creation_to_submitted() {
    let sandbox = start().await;
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    let response = api.create(&birth_dossier_with_certificate()).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let created: Dossier = response.json().await.unwrap();
    assert_eq!(location, format!("/v1/dossiers/{}", created.id));
    assert_eq!(created.status, Status::AwaitingAttachments);
    assert_eq!(created.procedure_code, "1.001193");
    assert!(
        looks_like_a_code(&created.code, "X01-20261129-"),
        "commune level, Hà Nội, today: {}",
        created.code
    );
    assert_eq!(created.history.len(), 1);
    assert_eq!(created.history[0].status, Status::AwaitingAttachments);
    assert!(created.attachments.is_empty());
    assert_eq!(created.fee, None);

    let wrong = api
        .upload(
            &created.id,
            "giay_chung_sinh",
            "Giấy chứng sinh.pdf",
            b"other bytes".to_vec(),
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem(wrong).await.kind, "urn:dvc:problem:attachment-mismatch");
    let unannounced = api.upload(&created.id, "to_khai", "to-khai.pdf", certificate()).await;
    assert_eq!(unannounced.status(), StatusCode::NOT_FOUND);
    assert_eq!(api.dossier(&created.id).await.status, Status::AwaitingAttachments);

    let response = api
        .upload(&created.id, "giay_chung_sinh", "Giấy chứng sinh.pdf", certificate())
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let receipt: AttachmentReceipt = response.json().await.unwrap();
    let announced = manifest("giay_chung_sinh", "Giấy chứng sinh.pdf", &certificate());
    assert_eq!(
        receipt.file_name, "Giấy chứng sinh.pdf",
        "X-File-Name is percent-decoded"
    );
    assert_eq!((receipt.size, &receipt.sha256), (announced.size, &announced.sha256));

    let submitted = api.dossier(&created.id).await;
    assert_eq!(submitted.status, Status::Submitted);
    let statuses: Vec<Status> = submitted.history.iter().map(|h| h.status).collect();
    assert_eq!(statuses, [Status::AwaitingAttachments, Status::Submitted]);
    assert_eq!(submitted.attachments, std::slice::from_ref(&receipt));
    assert!(submitted.revision > created.revision);

    let repeated = api
        .upload(&created.id, "giay_chung_sinh", "Giấy chứng sinh.pdf", certificate())
        .await;
    assert_eq!(repeated.status(), StatusCode::OK, "repeating an upload is harmless");
    assert_eq!(repeated.json::<AttachmentReceipt>().await.unwrap(), receipt);
    assert_eq!(api.dossier(&created.id).await, submitted, "and changes nothing");
    sandbox.stop().await;
}

#[tokio::test]
async fn a_dossier_without_a_file_it_must_upload_is_refused_and_codes_count_up() {
    let sandbox = start().await;
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    let missing = api.create(&birth_dossier(vec![])).await;
    assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem = problem(missing).await;
    assert_eq!(
        problem.errors,
        [FieldProblem {
            field: "attachments.giay_chung_sinh".into(),
            message_id: "error-portal-document-missing".into(),
        }],
        "the birth certificate is named, and nothing else"
    );

    let first = api.create_ok(&birth_dossier_with_certificate()).await;
    let second = api.create_ok(&birth_dossier_with_certificate()).await;
    assert_eq!(first.status, Status::AwaitingAttachments);
    assert_eq!(first.history.len(), 1);
    assert_eq!(first.code, "X01-20261129-0001");
    assert_eq!(second.code, "X01-20261129-0002");
    assert_ne!(first.id, second.id);

    let mut form = birth_dossier_with_certificate();
    form.attachments
        .push(manifest("to_khai", "tờ khai.pdf", &certificate()));
    let refused = api.create(&form).await;
    assert_eq!(
        refused.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "the form the portal fills from the answers is never a file"
    );

    let mut no_address = birth_dossier_with_certificate();
    no_address.answers.remove("mother_address");
    let refused = api.create(&no_address).await;
    assert_eq!(
        refused.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "the address is required"
    );
    sandbox.stop().await;
}

#[tokio::test]
async fn the_cursor_lists_what_changed_since() {
    let sandbox = start().await;
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    let base = sandbox.base_url();
    let empty = api.changes(0).await;
    assert!(empty.dossiers.is_empty());
    assert_eq!(empty.cursor, 0);

    let a = api.create_submitted().await;
    let b = api.create_submitted().await;
    let all = api.changes(0).await;
    let ids: Vec<&str> = all.dossiers.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, [a.id.as_str(), b.id.as_str()]);
    assert_eq!(all.cursor, b.revision);

    let none = api.changes(all.cursor).await;
    assert!(none.dossiers.is_empty());
    assert_eq!(none.cursor, all.cursor, "the cursor stays when nothing changed");

    admin_status(&base, &a.id, Status::Received, None).await;
    let moved = api.changes(all.cursor).await;
    assert_eq!(moved.dossiers.len(), 1);
    assert_eq!(moved.dossiers[0].id, a.id);
    assert_eq!(moved.dossiers[0].status, Status::Received);
    assert!(moved.cursor > all.cursor);

    let default = api.get("/v1/dossiers").send().await.unwrap();
    assert_eq!(
        default
            .json::<portal::types::DossierChanges>()
            .await
            .unwrap()
            .dossiers
            .len(),
        2
    );
    let bad = api.get("/v1/dossiers?since=-1").send().await.unwrap();
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    assert_eq!(problem(bad).await.kind, "urn:dvc:problem:bad-request");
    sandbox.stop().await;
}

#[tokio::test]
async fn the_agency_moves_a_dossier_and_impossible_moves_are_409() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    let dossier = api.create_submitted().await;
    let mut revision = dossier.revision;
    let moves = [
        (Status::Received, None),
        (Status::InReview, None),
        (
            Status::SupplementRequired,
            Some("Bổ sung bản chụp giấy chứng sinh rõ nét hơn."),
        ),
        (Status::InReview, None),
        (Status::ResultReady, Some("Mời nhận trích lục khai sinh.")),
    ];
    for (status, note) in moves {
        let response = admin_status(&base, &dossier.id, status, note).await;
        assert_eq!(response.status(), StatusCode::OK, "to {status:?}");
        let moved: Dossier = response.json().await.unwrap();
        assert_eq!(moved.status, status);
        assert_eq!(moved.history.last().unwrap().note.as_deref(), note);
        assert!(moved.revision > revision, "every move bumps the revision");
        revision = moved.revision;
    }
    let refused = admin_status(&base, &dossier.id, Status::Rejected, Some("Quá hạn")).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert_eq!(problem(refused).await.kind, "urn:dvc:problem:conflict");
    let withdraw = api
        .post(&format!("/v1/dossiers/{}/withdraw", dossier.id))
        .header("Idempotency-Key", "w-late")
        .json(&serde_json::json!({ "reason": "Nộp nhầm" }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        withdraw.status(),
        StatusCode::CONFLICT,
        "a ready result cannot be withdrawn"
    );
    let returned: Dossier = admin_status(&base, &dossier.id, Status::Returned, None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(returned.history.len(), 8, "awaiting files, submitted, then six moves");
    assert_eq!(returned, api.dossier(&dossier.id).await);

    let unknown = admin_status(&base, "no-such-dossier", Status::Received, None).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    sandbox.stop().await;
}

#[tokio::test]
async fn a_citizen_withdraws_a_dossier_with_a_reason_and_gets_the_stop_notice() {
    let sandbox = start().await;
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    let dossier = api.create_submitted().await;
    let withdraw = |id: &str, key: &str| {
        api.post(&format!("/v1/dossiers/{id}/withdraw"))
            .header("Idempotency-Key", key)
            .json(&serde_json::json!({ "reason": "Tôi nộp nhầm thủ tục." }))
    };
    let response = withdraw(&dossier.id, "w-1").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let stopped: Dossier = response.json().await.unwrap();
    assert_eq!(stopped.status, Status::Stopped, "withdrawn, then stopped");
    let steps: Vec<Status> = stopped.history.iter().map(|h| h.status).collect();
    assert_eq!(&steps[steps.len() - 2..], &[Status::Withdrawn, Status::Stopped]);
    assert_eq!(
        stopped.history[steps.len() - 2].note.as_deref(),
        Some("Công dân yêu cầu rút hồ sơ. Lý do: Tôi nộp nhầm thủ tục.")
    );
    let notice = stopped.stop_notice.clone().expect("the stop notice");
    assert!(notice.number.ends_with("/TB-DXL") && notice.reason.contains("Tôi nộp nhầm thủ tục."));
    let replay = withdraw(&dossier.id, "w-1").send().await.unwrap();
    assert_eq!(replay.status(), StatusCode::OK, "the same key answers the same dossier");
    assert_eq!(replay.json::<Dossier>().await.unwrap(), stopped);
    let again = withdraw(&dossier.id, "w-2").send().await.unwrap();
    assert_eq!(
        again.status(),
        StatusCode::CONFLICT,
        "a stopped dossier is not withdrawn twice"
    );

    let waiting = api.create_ok(&birth_dossier_with_certificate()).await;
    let early = withdraw(&waiting.id, "w-3").send().await.unwrap();
    assert_eq!(
        early.status(),
        StatusCode::CONFLICT,
        "Status::can_move_to does not allow awaiting_attachments → withdrawn"
    );
    let blank = api
        .post(&format!("/v1/dossiers/{}/withdraw", dossier.id))
        .header("Idempotency-Key", "w-4")
        .json(&serde_json::json!({ "reason": "  " }))
        .send()
        .await
        .unwrap();
    assert_eq!(blank.status(), StatusCode::BAD_REQUEST, "a reason is required");
    sandbox.stop().await;
}

#[tokio::test]
async fn an_invalid_citizen_id_is_422_with_field_problems() {
    let sandbox = start().await;
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    let mut new = birth_dossier_with_certificate();
    new.answers.insert("requester_id".into(), Answer::Text("12345".into()));
    new.answers.remove("child_name");
    let response = api.create(&new).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem = problem(response).await;
    assert_eq!(problem.kind, "urn:dvc:problem:validation");
    assert_eq!(problem.title, "Hồ sơ chưa hợp lệ");
    assert!(problem.errors.contains(&FieldProblem {
        field: "requester_id".into(),
        message_id: "error-citizen-id-format".into(),
    }));
    assert!(problem.errors.contains(&FieldProblem {
        field: "child_name".into(),
        message_id: "error-required".into(),
    }));
    assert_eq!(problem.errors.len(), 2, "{:?}", problem.errors);

    let mut adult = birth_dossier_with_certificate();
    adult
        .answers
        .insert("child_birth_date".into(), Answer::Text("01/01/2000".into()));
    let problem = crate::common::problem(api.create(&adult).await).await;
    assert!(
        problem.errors.contains(&FieldProblem {
            field: "child_birth_date".into(),
            message_id: "error-portal-rule".into(),
        }),
        "a definition's own check: {:?}",
        problem.errors
    );
    assert!(api.changes(0).await.dossiers.is_empty(), "nothing was stored");
    sandbox.stop().await;
}

#[tokio::test]
async fn unknown_procedures_and_old_versions_are_422_version() {
    let sandbox = start().await;
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    let mut old = birth_dossier_with_certificate();
    old.procedure_version = 0;
    let response = api.create(&old).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem(response).await.kind, "urn:dvc:problem:version");
    let mut unknown = birth_dossier_with_certificate();
    unknown.procedure_code = "9.999999".into();
    let response = api.create(&unknown).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem(response).await.kind, "urn:dvc:problem:version");
    sandbox.stop().await;
}

#[tokio::test]
async fn only_required_documents_may_be_announced() {
    let sandbox = start().await;
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    let bytes = certificate();
    let new = birth_dossier(vec![
        manifest("giay_chung_sinh", "a.pdf", &bytes),
        manifest("van_ban_uy_quyen", "uy-quyen.pdf", &bytes),
        manifest("giay_chung_sinh", "b.pdf", &bytes),
    ]);
    let response = api.create(&new).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem = problem(response).await;
    assert_eq!(problem.kind, "urn:dvc:problem:validation");
    assert_eq!(
        problem.errors,
        [
            FieldProblem {
                field: "attachments.van_ban_uy_quyen".into(),
                message_id: "error-portal-document-not-required".into(),
            },
            FieldProblem {
                field: "attachments.giay_chung_sinh".into(),
                message_id: "error-portal-document-duplicate".into(),
            },
        ]
    );
    let mut bad_hash = birth_dossier_with_certificate();
    bad_hash.attachments[0].sha256 = "ABC".into();
    let problem = crate::common::problem(api.create(&bad_hash).await).await;
    assert_eq!(problem.errors[0].message_id, "error-portal-file-checksum");
    sandbox.stop().await;
}

#[tokio::test]
async fn the_same_key_gives_one_dossier_and_another_body_is_refused() {
    let sandbox = start().await;
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    let key = uuid::Uuid::new_v4().to_string();
    let new = birth_dossier_with_certificate();
    let first = api.create_with_key(&new, &key).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Dossier = first.json().await.unwrap();
    let replay = api.create_with_key(&new, &key).await;
    assert_eq!(replay.status(), StatusCode::OK);
    assert_eq!(replay.json::<Dossier>().await.unwrap(), first);
    assert_eq!(api.changes(0).await.dossiers.len(), 1, "one dossier, never a second");

    let mut other = new.clone();
    other
        .answers
        .insert("child_name".into(), Answer::Text("Nguyễn Minh Khôi".into()));
    let conflict = api.create_with_key(&other, &key).await;
    assert_eq!(conflict.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem(conflict).await.kind, "urn:dvc:problem:idempotency-conflict");

    let someone_else = Api::sign_in(&sandbox, "cong-dan-2").await;
    let theirs = someone_else.create_with_key(&new, &key).await;
    assert_eq!(theirs.status(), StatusCode::CREATED, "keys are scoped to the account");

    let no_key = api.post("/v1/dossiers").json(&new).send().await.unwrap();
    assert_eq!(no_key.status(), StatusCode::BAD_REQUEST);
    assert_eq!(problem(no_key).await.kind, "urn:dvc:problem:bad-request");
    let not_json = api
        .post("/v1/dossiers")
        .header("Idempotency-Key", "k")
        .header("content-type", "application/json")
        .body("{")
        .send()
        .await
        .unwrap();
    assert_eq!(not_json.status(), StatusCode::BAD_REQUEST);
    assert_eq!(api.changes(0).await.dossiers.len(), 1);
    sandbox.stop().await;
}

#[tokio::test]
async fn another_accounts_dossier_is_404() {
    let sandbox = start().await;
    let owner = Api::sign_in(&sandbox, "cong-dan").await;
    let stranger = Api::sign_in(&sandbox, "cong-dan-2").await;
    let dossier = owner.create_ok(&birth_dossier_with_certificate()).await;
    let read = stranger
        .get(&format!("/v1/dossiers/{}", dossier.id))
        .send()
        .await
        .unwrap();
    assert_eq!(read.status(), StatusCode::NOT_FOUND);
    assert_eq!(problem(read).await.kind, "urn:dvc:problem:not-found");
    let withdraw = stranger
        .post(&format!("/v1/dossiers/{}/withdraw", dossier.id))
        .header("Idempotency-Key", "w-stranger")
        .json(&serde_json::json!({ "reason": "Không phải của tôi" }))
        .send()
        .await
        .unwrap();
    assert_eq!(withdraw.status(), StatusCode::NOT_FOUND);
    let upload = stranger
        .upload(&dossier.id, "giay_chung_sinh", "x.pdf", certificate())
        .await;
    assert_eq!(upload.status(), StatusCode::NOT_FOUND);
    assert!(stranger.changes(0).await.dossiers.is_empty());
    assert_eq!(owner.changes(0).await.dossiers.len(), 1);
    sandbox.stop().await;
}

#[tokio::test]
async fn a_body_over_20_mib_is_413() {
    let sandbox = start().await;
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    let dossier = api.create_ok(&birth_dossier_with_certificate()).await;
    let response = api
        .upload(
            &dossier.id,
            "giay_chung_sinh",
            "big.pdf",
            vec![0u8; 20 * 1024 * 1024 + 1],
        )
        .await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(problem(response).await.kind, "urn:dvc:problem:too-large");
    sandbox.stop().await;
}

/// Polls dossier `id` until it is in `wanted` (5 s at most); its last view.
async fn wait_for(api: &Api, id: &str, wanted: Status) -> Dossier {
    let mut dossier = api.dossier(id).await;
    for _ in 0..50 {
        if dossier.status == wanted {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        dossier = api.dossier(id).await;
    }
    assert_eq!(dossier.status, wanted, "{:?}", dossier.history);
    dossier
}

#[tokio::test]
async fn the_training_clock_walks_a_birth_registration_through_a_supplement_to_its_return() {
    let sandbox = Sandbox::start(Config {
        auto_advance: Some(Duration::from_millis(100)),
        ..config()
    })
    .await
    .unwrap();
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    let dossier = api.create_submitted().await;
    let waiting = api.create_ok(&birth_dossier_with_certificate()).await;
    let asked = wait_for(&api, &dossier.id, Status::SupplementRequired).await;
    assert!(asked.history[2].handler.is_some(), "the desk that took it in is named");
    let due = asked.due_date.clone().expect("the due day is set on receipt");
    assert_eq!(
        due,
        (today() + chrono::Duration::days(5)).format("%Y-%m-%d").to_string(),
        "5 days after receipt, on the sandbox's day"
    );
    let request = asked.supplement.clone().expect("the request");
    assert_eq!(request.items[0].id, "giay_chung_sinh");
    assert!(request.deadline.is_some() && request.contact.is_some());
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        api.dossier(&dossier.id).await.status,
        Status::SupplementRequired,
        "the clock waits for the trainee's reply"
    );
    let mut clearer = certificate();
    clearer.extend_from_slice(b"% chup lai\n");
    let reply = portal::types::SupplementReply {
        request_id: request.id,
        answers: Default::default(),
        attachments: vec![manifest("giay_chung_sinh", "Giấy chứng sinh.pdf", &clearer)],
    };
    let sent = api
        .post(&format!("/v1/dossiers/{}/supplement", dossier.id))
        .header("Idempotency-Key", "s-1")
        .json(&reply)
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), StatusCode::OK);
    let uploaded = api
        .upload(&dossier.id, "giay_chung_sinh", "Giấy chứng sinh.pdf", clearer)
        .await;
    assert_eq!(uploaded.status(), StatusCode::OK);
    let returned = wait_for(&api, &dossier.id, Status::Returned).await;
    let statuses: Vec<Status> = returned.history.iter().map(|h| h.status).collect();
    assert_eq!(
        statuses,
        [
            Status::AwaitingAttachments,
            Status::Submitted,
            Status::Received,
            Status::InReview,
            Status::SupplementRequired,
            Status::InReview,
            Status::ResultReady,
            Status::Returned,
        ]
    );
    assert_eq!(returned.due_changes.len(), 2, "set on receipt, moved by the wait");
    let result = returned.result.expect("a result");
    assert_eq!(result.documents.len(), 1, "an electronic copy");
    assert!(
        result.paper.is_none(),
        "a commune-level procedure has no paper to collect here"
    );
    assert_eq!(
        api.dossier(&waiting.id).await.status,
        Status::AwaitingAttachments,
        "a dossier still waiting for files does not move"
    );
    sandbox.stop().await;
}

#[tokio::test]
async fn the_training_clock_asks_a_fee_and_the_training_bank_confirms_it_once() {
    let sandbox = Sandbox::start(Config {
        auto_advance: Some(Duration::from_millis(150)),
        ..config()
    })
    .await
    .unwrap();
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    let dossier = api.create_submitted().await;
    // The same procedure, now with a fixed fee: its scenario asks for payment.
    let mut definition = api.definition("1.001193").await;
    definition["version"] = 2.into();
    definition["fee"]["amount"] = 8000.into();
    assert_eq!(publish(&sandbox.base_url(), &definition).await.status(), StatusCode::OK);
    let asked = wait_for(&api, &dossier.id, Status::PaymentRequired).await;
    let payment = asked.payment.expect("a payment request");
    assert_eq!(payment.total, 8000);
    assert!(vietqr::check_fee_payment(&payment.payload, 8000, &asked.code).is_ok());
    let returned = wait_for(&api, &dossier.id, Status::Returned).await;
    let paid = returned.payment.expect("the payment");
    assert_eq!(paid.state, portal::types::PaymentState::Paid);
    let receipt = paid.receipt.expect("an e-receipt");
    assert_eq!(
        (receipt.total, receipt.total_in_words.as_str()),
        (8000, "Tám nghìn đồng")
    );
    assert_eq!(receipt.number.len(), 7);
    let key = ed25519_dalek::VerifyingKey::from_bytes(&sandbox.catalog_public_key()).unwrap();
    let signature: [u8; 64] = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, &receipt.signature)
        .unwrap()
        .try_into()
        .unwrap();
    assert!(
        key.verify_strict(
            &receipt.signed_bytes(),
            &ed25519_dalek::Signature::from_bytes(&signature)
        )
        .is_ok(),
        "signed with the portal's key"
    );
    let payments = returned
        .history
        .iter()
        .filter(|h| h.status == Status::PaymentRequired)
        .count();
    assert_eq!(payments, 1, "a paid fee is never asked again");
    sandbox.stop().await;
}

/// Bytes that start like a Windows executable, whatever they are called.
fn executable() -> Vec<u8> {
    let mut bytes = b"MZ\x90\x00\x03\x00\x00\x00".to_vec();
    bytes.extend((0..2048u32).map(|i| (i % 13) as u8));
    bytes
}

/// A small PNG signature and header.
fn png() -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec();
    bytes.extend((0..512u32).map(|i| (i % 7) as u8));
    bytes
}

#[tokio::test]
async fn an_upload_is_checked_by_its_content_not_its_announced_type() {
    let sandbox = start().await;
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    let bytes = executable();
    let dossier = api
        .create_ok(&birth_dossier(vec![manifest(
            "giay_chung_sinh",
            "giay_khai_sinh.pdf",
            &bytes,
        )]))
        .await;
    let response = api
        .put(&format!("/v1/dossiers/{}/attachments/giay_chung_sinh", dossier.id))
        .header("content-type", "application/pdf")
        .header("X-File-Name", "giay_khai_sinh.pdf")
        .body(bytes)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "MZ bytes are no PDF, whatever the Content-Type and the name say"
    );
    assert_eq!(problem(response).await.kind, "urn:dvc:problem:attachment-kind");
    let kept = api.dossier(&dossier.id).await;
    assert_eq!(
        kept.status,
        Status::AwaitingAttachments,
        "the refused file is not stored and the dossier still waits"
    );
    assert!(kept.attachments.is_empty(), "no receipt for a refused file");

    let fine = api
        .create_ok(&birth_dossier(vec![manifest("giay_chung_sinh", "scan.png", &png())]))
        .await;
    let response = api.upload(&fine.id, "giay_chung_sinh", "scan.png", png()).await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "a PNG is accepted where the document takes every kind"
    );
    sandbox.stop().await;
}

#[tokio::test]
async fn a_kind_the_document_does_not_accept_is_refused() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    let mut definition = api.definition("1.001193").await;
    definition["version"] = 2.into();
    let documents = definition["documents"].as_array_mut().unwrap();
    let certificate_doc = documents.iter_mut().find(|d| d["id"] == "giay_chung_sinh").unwrap();
    certificate_doc["accepted"] = serde_json::json!(["pdf"]);
    let published = publish(&base, &definition).await;
    assert_eq!(published.status(), StatusCode::OK);

    let mut new = birth_dossier(vec![manifest("giay_chung_sinh", "scan.png", &png())]);
    new.procedure_version = 2;
    let dossier = api.create_ok(&new).await;
    let response = api.upload(&dossier.id, "giay_chung_sinh", "scan.png", png()).await;
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "the definition of this dossier accepts only PDF for the birth certificate"
    );
    assert_eq!(problem(response).await.kind, "urn:dvc:problem:attachment-kind");

    let mut new = birth_dossier_with_certificate();
    new.procedure_version = 2;
    let dossier = api.create_ok(&new).await;
    let response = api
        .upload(&dossier.id, "giay_chung_sinh", "Giấy chứng sinh.pdf", certificate())
        .await;
    assert_eq!(response.status(), StatusCode::OK, "a PDF is accepted there");
    sandbox.stop().await;
}

/// What an officer's dossier says of its filing, with the consent given now.
fn on_behalf() -> OnBehalf {
    OnBehalf {
        officer: "can-bo".into(),
        desk: "Bộ phận Một cửa UBND phường Ba Đình".into(),
        channel: AssistedChannel::Desk,
        applicant_name: "Nguyễn Văn An".into(),
        applicant_id: "001090012345".into(),
        consent_version: "2026-12-1".into(),
        consent_at: "2026-12-07T02:30:00.000Z".into(),
    }
}

#[tokio::test]
async fn an_officer_files_only_on_behalf_of_a_citizen_who_consented() {
    let sandbox = start().await;
    let officer = Api::sign_in(&sandbox, "can-bo").await;
    let refused = officer.create(&birth_dossier_with_certificate()).await;
    assert_eq!(
        refused.status(),
        StatusCode::FORBIDDEN,
        "an officer's own filing is refused"
    );
    assert_eq!(problem(refused).await.kind, "urn:dvc:problem:forbidden");
    for unconsented in [
        OnBehalf {
            consent_version: " ".into(),
            ..on_behalf()
        },
        OnBehalf {
            consent_at: "hôm nay".into(),
            ..on_behalf()
        },
    ] {
        let new = NewDossier {
            on_behalf: Some(unconsented),
            ..birth_dossier_with_certificate()
        };
        let refused = officer.create(&new).await;
        assert_eq!(
            refused.status(),
            StatusCode::FORBIDDEN,
            "no recorded consent, no dossier"
        );
    }
    let filed = NewDossier {
        on_behalf: Some(on_behalf()),
        ..birth_dossier_with_certificate()
    };
    let dossier = officer.create_ok(&filed).await;
    assert_eq!(
        dossier.status,
        Status::AwaitingAttachments,
        "taken, waiting for its file"
    );

    let citizen = Api::sign_in(&sandbox, "cong-dan").await;
    let refused = citizen.create(&filed).await;
    assert_eq!(
        refused.status(),
        StatusCode::FORBIDDEN,
        "a citizen files for nobody else"
    );
    sandbox.stop().await;
}
