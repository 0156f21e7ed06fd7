//! The journey after submission through the assistant, as the commands
//! drive it, against the training portal running in-process: a supplement
//! answered from the draft (only what was asked can change), a fee paid
//! with its e-receipt checked, the result kept and put out for the system
//! viewer, a rating given once, and the checks on withdrawal and feedback.

use std::path::Path;
use std::time::Duration;

use assistant::{Assistant, Error};
use portal::types::{AssistedChannel, Dossier, Rating, Satisfaction, Status};
use procedures::engine::Answer;
use serde_json::json;

mod common;

use common::{Opened, birth_answers};

/// A 1-page PDF, enough for the sandbox's content check.
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
/// The new photo of the birth certificate the agency asks for.
const CLEARER: &[u8] = b"%PDF-1.4\n% chup lai ro net\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

/// The assistant opened in training mode, its test account signed in.
fn open() -> Opened {
    let opened = common::open(None);
    opened.runtime.block_on(opened.assistant.sign_in("cong-dan")).unwrap();
    opened
}

impl Opened {
    /// The agency moves the dossier to `status`.
    fn status(&self, id: &str, status: Status) -> Dossier {
        self.admin(
            &format!("/admin/dossiers/{id}/status"),
            json!({ "status": status, "note": null }),
        )
    }
}

fn attach(assistant: &Assistant, draft: i64, dir: &Path, name: &str, bytes: &[u8]) {
    let file = dir.join(name);
    std::fs::write(&file, bytes).unwrap();
    let document = assistant.document(draft, "1.001193", "giay_chung_sinh").unwrap();
    assistant.attach(draft, &document, &file).unwrap();
}

fn rating() -> Rating {
    Rating {
        scores: vec![2; 9],
        ease: Satisfaction::Satisfied,
        overall: Satisfaction::VerySatisfied,
        comment: Some("  Cán bộ hướng dẫn tận tình.  ".into()),
    }
}

#[test]
fn a_dossier_goes_from_submission_through_a_supplement_and_a_fee_to_its_result_and_a_rating() {
    let o = open();
    let a = &o.assistant;
    let draft = a.create_draft("1.001193", None).unwrap().draft.id;
    for (field, answer) in &birth_answers() {
        a.save_answer(draft, "1.001193", field, Some(answer)).unwrap();
    }
    attach(a, draft, o.dir.path(), "giay-chung-sinh.pdf", PDF);
    a.submit_draft(draft, AssistedChannel::Desk).unwrap();
    let submitted = o.until(|d| d.status == Status::Submitted);
    let id = submitted.id.clone();

    // The agency asks once for a clearer photo.
    o.status(&id, Status::Received);
    o.admin(
        &format!("/admin/dossiers/{id}/supplement"),
        json!({ "reason": "Giấy chứng sinh chụp mờ.", "items": [{ "number": 1, "kind": "document", "id": "giay_chung_sinh", "note": null }] }),
    );
    o.until(|d| d.status == Status::SupplementRequired);
    let view = a.open_draft(draft).unwrap();
    let scope = view.supplement.expect("the request opens the draft");
    assert_eq!(scope.documents, ["giay_chung_sinh"]);
    assert!(
        matches!(
            a.save_answer(draft, "1.001193", "child_name", Some(&Answer::Text("Khác".into()))),
            Err(Error::Store(store::Error::Submitted))
        ),
        "an answer not asked for cannot change"
    );
    attach(a, draft, o.dir.path(), "giay-chung-sinh-chup-lai.pdf", CLEARER);
    a.submit_supplement(draft).unwrap();
    assert!(
        matches!(a.submit_supplement(draft), Err(Error::NoSupplement)),
        "the reply is sent once"
    );
    let resumed = o.until(|d| d.status == Status::InReview);
    assert!(resumed.supplement.unwrap().answered_at.is_some());

    // The fee, paid by the training bank, with its e-receipt.
    o.admin(
        &format!("/admin/dossiers/{id}/payment"),
        json!({ "lines": [{ "name": "Lệ phí cấp bản sao trích lục", "kind": "levy", "amount": 16000 }] }),
    );
    o.until(|d| d.status == Status::PaymentRequired);
    let code = a.payment_code(&id).unwrap();
    assert_eq!(code.amount, 16_000);
    assert!(
        matches!(a.receipt(&id), Err(Error::NoReceipt)),
        "no receipt before the bank confirms"
    );
    o.admin(&format!("/admin/dossiers/{id}/payment/confirm"), json!(null));
    o.until(|d| d.payment.as_ref().is_some_and(|p| p.receipt.is_some()));
    let receipt = a.receipt(&id).unwrap();
    assert!(receipt.signed, "the portal's signature checks out");
    assert!(receipt.amounts_agree);
    assert_eq!(receipt.receipt.total_in_words, "Mười sáu nghìn đồng");
    assert!(
        matches!(a.payment_code(&id), Err(Error::NoPaymentWaiting)),
        "never offered twice"
    );

    // The result: downloaded, checked, kept, and put out for the viewer.
    o.admin(
        &format!("/admin/dossiers/{id}/result"),
        json!({ "electronic": true, "paper": false }),
    );
    o.until(|d| d.status == Status::ResultReady);
    for _ in 0..100 {
        if !a.list_submissions().unwrap().results.is_empty() {
            break;
        }
        let _ = o.runtime.block_on(a.worker.poll_changes());
        std::thread::sleep(Duration::from_millis(50));
    }
    let document = &a.list_submissions().unwrap().results[0];
    let opened = a.export_result(&id, &document.document_id).unwrap();
    let bytes = std::fs::read(&opened).unwrap();
    assert!(bytes.starts_with(b"%PDF-") && bytes.len() as u64 == document.size);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&opened).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(
            std::fs::metadata(opened.parent().unwrap())
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o700
        );
    }
    assistant::followups::clear_opened_results();
    assert!(
        !opened.exists(),
        "nothing is left for the next person once the app closes"
    );
    assert!(
        matches!(a.withdraw_dossier(&id, "Nộp nhầm"), Err(Error::CannotWithdraw)),
        "too late once the result is ready"
    );

    // Returned: rated once.
    let rate_early = a.rate_dossier(&id, &rating());
    assert!(
        matches!(rate_early, Err(Error::CannotRate)),
        "not before it is returned"
    );
    o.status(&id, Status::Returned);
    let returned = o.until(|d| d.status == Status::Returned);
    assert!(a.list_submissions().unwrap().dossiers[0].can_rate);
    let incomplete = Rating {
        scores: vec![2; 8],
        ..rating()
    };
    assert!(matches!(a.rate_dossier(&id, &incomplete), Err(Error::RatingIncomplete)));
    a.rate_dossier(&id, &rating()).unwrap();
    let rated = o.until(|d| d.rating.is_some());
    assert_eq!(
        rated.rating.unwrap().rating.comment.as_deref(),
        Some("Cán bộ hướng dẫn tận tình."),
        "kept as written, trimmed"
    );
    assert!(matches!(a.rate_dossier(&id, &rating()), Err(Error::CannotRate)), "once");
    assert_eq!(returned.code, submitted.code);

    assert!(matches!(
        a.send_feedback(Some(&submitted.code), " ", "Nội dung", &[]),
        Err(Error::FeedbackText)
    ));
    assert!(matches!(a.withdraw_dossier(&id, "   "), Err(Error::WithdrawReason)));
}
