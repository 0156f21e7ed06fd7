//! After a submission: replying to a supplement request from the draft,
//! withdrawing a dossier, rating it, sending feedback, checking an
//! e-receipt, and handing a kept result file to the system viewer. Every
//! write is checked here, then queued (committed) for the sync worker.

use std::path::{Path, PathBuf};

use portal::types::{
    AttachmentManifest, EReceipt, Feedback, NewFeedback, PaymentState, Rating, Status, SupplementReply, Withdrawal,
};
use procedures::definition::{DocumentRequirement, FileKind, LocalizedText, Supply};
use store::ActionKind;

use crate::assistant::{Assistant, attached, today};
use crate::error::{Error, Result};
use crate::views::ReceiptView;

/// Longest withdrawal reason and feedback text, in characters.
const MAX_REASON: usize = 1000;
/// Longest feedback text, in characters.
const MAX_FEEDBACK: usize = 5000;
/// Longest feedback title, in characters.
const MAX_SUBJECT: usize = 200;
/// Files a feedback may carry.
const MAX_FEEDBACK_FILES: usize = 5;
/// The folder, under the runtime or temporary folder, where result files
/// are put for the system viewer while the app runs.
const OPENED_FOLDER: &str = "tro-ly-dich-vu-cong-ket-qua";

impl Assistant {
    /// Sends the reply to the supplement request that opened `draft_id`:
    /// the answers and files it asks for, from the draft. Refused
    /// (`draft-not-ready`) while an asked answer is missing or invalid or an
    /// asked document has no file.
    pub fn submit_supplement(&self, draft_id: i64) -> Result<i64> {
        let scope = self
            .store
            .supplement(draft_id)?
            .filter(|s| !s.sent)
            .ok_or(Error::NoSupplement)?;
        let draft = self.store.open_draft(draft_id)?;
        let procedure = self.procedure(&draft.summary.procedure_code)?;
        let attachments = self.store.attachments(draft_id)?;
        let state = procedures::evaluate(&procedure, &draft.answers, &attached(&attachments), today());
        if !state.answers_complete {
            return Err(Error::NotReady);
        }
        let mut files = Vec::new();
        for document in &scope.documents {
            let file = attachments
                .iter()
                .find(|a| &a.document_id == document)
                .ok_or(Error::NotReady)?;
            files.push(AttachmentManifest {
                document_id: file.document_id.clone(),
                file_name: file.file_name.clone(),
                size: file.size,
                sha256: file.sha256.clone(),
            });
        }
        let reply = SupplementReply {
            request_id: scope.request_id.clone(),
            answers: state
                .answers
                .into_iter()
                .filter(|(field, _)| scope.fields.contains(field))
                .collect(),
            attachments: files,
        };
        Ok(self
            .worker
            .queue_action(ActionKind::Supplement, Some(&scope.dossier_id), Some(draft_id), &reply)?)
    }

    /// Asks to withdraw a dossier before a decision, with the person's reason.
    pub fn withdraw_dossier(&self, dossier_id: &str, reason: &str) -> Result<i64> {
        let reason = reason.trim();
        if reason.is_empty() || reason.chars().count() > MAX_REASON {
            return Err(Error::WithdrawReason);
        }
        let dossier = self.stored_dossier(dossier_id)?;
        if !dossier.status.can_move_to(Status::Withdrawn) {
            return Err(Error::CannotWithdraw);
        }
        let withdrawal = Withdrawal {
            reason: reason.to_owned(),
        };
        Ok(self
            .worker
            .queue_action(ActionKind::Withdrawal, Some(dossier_id), None, &withdrawal)?)
    }

    /// Rates a returned dossier, once.
    pub fn rate_dossier(&self, dossier_id: &str, rating: &Rating) -> Result<i64> {
        let mut rating = rating.clone();
        rating.comment = rating.comment.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty());
        if !rating.is_well_formed() {
            return Err(Error::RatingIncomplete);
        }
        let dossier = self.stored_dossier(dossier_id)?;
        if dossier.status != Status::Returned || dossier.rating.is_some() {
            return Err(Error::CannotRate);
        }
        Ok(self
            .worker
            .queue_action(ActionKind::Rating, Some(dossier_id), None, &rating)?)
    }

    /// Sends feedback, about a dossier (by its code) or in general, with up
    /// to five files (PDF, JPEG or PNG, 10 MB each), kept encrypted until sent.
    pub fn send_feedback(
        &self,
        dossier_code: Option<&str>,
        subject: &str,
        content: &str,
        files: &[PathBuf],
    ) -> Result<i64> {
        let (subject, content) = (subject.trim(), content.trim());
        let too_long = subject.chars().count() > MAX_SUBJECT || content.chars().count() > MAX_FEEDBACK;
        if subject.is_empty() || content.is_empty() || too_long || files.len() > MAX_FEEDBACK_FILES {
            return Err(Error::FeedbackText);
        }
        let rules = feedback_file_rules();
        let mut attachments = Vec::new();
        for (index, path) in files.iter().enumerate() {
            let kept = self.store.keep_file(&rules, path)?;
            attachments.push(AttachmentManifest {
                document_id: format!("tep-{}", index + 1),
                file_name: kept.file_name,
                size: kept.size,
                sha256: kept.sha256,
            });
        }
        let feedback = NewFeedback {
            dossier_code: dossier_code.map(str::to_owned),
            subject: subject.to_owned(),
            content: content.to_owned(),
            attachments,
        };
        let dossier_id = match dossier_code {
            Some(code) => {
                let id = self
                    .store
                    .dossiers()?
                    .into_iter()
                    .find(|d| d.code == code)
                    .map(|d| d.portal_id)
                    .ok_or(Error::DossierNotFound)?;
                Some(id)
            }
            None => None,
        };
        Ok(self
            .worker
            .queue_action(ActionKind::Feedback, dossier_id.as_deref(), None, &feedback)?)
    }

    /// Feedback sent from this machine, newest first, with the answers so far.
    pub fn feedback(&self) -> Result<Vec<Feedback>> {
        Ok(self
            .store
            .feedback()?
            .iter()
            .filter_map(|body| serde_json::from_str(body).ok())
            .collect())
    }

    /// The e-receipt of a dossier's paid fee, with what the app checked:
    /// the portal's signature, the sum of the lines, and each amount in words.
    pub fn receipt(&self, dossier_id: &str) -> Result<ReceiptView> {
        let dossier = self.stored_dossier(dossier_id)?;
        let receipt = dossier
            .payment
            .filter(|p| p.state == PaymentState::Paid)
            .and_then(|p| p.receipt)
            .ok_or(Error::NoReceipt)?;
        let signed = self.worker.client().verify_receipt(&receipt).is_ok();
        Ok(ReceiptView {
            amounts_agree: amounts_agree(&receipt),
            signed,
            receipt,
            dossier_code: dossier.code,
        })
    }

    /// Puts a kept result file where the system viewer can open it: a
    /// private folder (0700) in the runtime folder, emptied when the app
    /// starts and when it closes. Fails when the file is not kept.
    pub fn export_result(&self, dossier_id: &str, document_id: &str) -> Result<PathBuf> {
        let saved = self
            .store
            .results()?
            .into_iter()
            .find(|r| r.dossier_id == dossier_id && r.document_id == document_id)
            .ok_or(Error::NoResult)?;
        let bytes = self.store.attachment_bytes(&saved.sha256)?;
        let folder = opened_results_folder();
        let io = |source: std::io::Error| {
            Error::Store(store::Error::Io {
                path: folder.clone(),
                source,
            })
        };
        create_private_folder(&folder).map_err(io)?;
        let name = Path::new(&saved.file_name)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| format!("{document_id}.pdf"));
        let path = folder.join(name);
        write_private(&path, &bytes).map_err(io)?;
        Ok(path)
    }
}

/// Removes every result file put out for the system viewer.
pub fn clear_opened_results() {
    let folder = opened_results_folder();
    if folder.exists()
        && let Err(error) = std::fs::remove_dir_all(&folder)
    {
        tracing::warn!(kind = ?error.kind(), "opened result files could not be removed");
    }
}

/// `$XDG_RUNTIME_DIR` (private to the user, cleared at log-out), else the
/// temporary folder.
fn opened_results_folder() -> PathBuf {
    std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|p| p.is_dir())
        .unwrap_or_else(std::env::temp_dir)
        .join(OPENED_FOLDER)
}

fn create_private_folder(folder: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?.write_all(bytes)
}

/// Whether the lines add up to the total and every amount's words read as
/// the app writes them.
fn amounts_agree(receipt: &EReceipt) -> bool {
    let sum = receipt.lines.iter().try_fold(0u64, |s, l| s.checked_add(l.amount));
    sum == Some(receipt.total)
        && receipt.total_in_words == l10n::amount_in_words(receipt.total)
        && receipt
            .lines
            .iter()
            .all(|l| l.amount_in_words == l10n::amount_in_words(l.amount))
}

/// What a feedback's file must be: PDF, JPEG or PNG, at most 10 MB.
fn feedback_file_rules() -> DocumentRequirement {
    DocumentRequirement {
        id: "feedback".to_owned(),
        // Only the kinds and the size limit are read; nothing shows the name.
        name: LocalizedText {
            vi: String::new(),
            en: String::new(),
        },
        note: None,
        required_if: None,
        supply: Supply::Upload,
        accepted: vec![FileKind::Pdf, FileKind::Jpeg, FileKind::Png],
        max_size_mb: 10,
        photo: None,
    }
}

#[cfg(test)]
mod tests {
    use portal::types::{FeeKind, ReceiptLine};

    use super::*;

    #[test]
    fn a_receipt_whose_words_or_sum_disagree_is_flagged() {
        let line = |amount: u64| ReceiptLine {
            name: "Lệ phí".into(),
            kind: FeeKind::Levy,
            amount,
            amount_in_words: l10n::amount_in_words(amount),
        };
        let mut receipt = EReceipt {
            title: "Biên lai".into(),
            form: "01BLP0-001".into(),
            series: "TH-26E".into(),
            number: "0000001".into(),
            collector: "UBND".into(),
            collector_tax_code: None,
            payer: None,
            lines: vec![line(100_000), line(35_000)],
            total: 135_000,
            total_in_words: "Một trăm ba mươi lăm nghìn đồng".into(),
            issued_at: "2026-12-07T00:00:00Z".into(),
            signed_by: "UBND".into(),
            signature: String::new(),
        };
        assert!(amounts_agree(&receipt));
        receipt.total_in_words = "Một trăm ba mươi nghìn đồng".into();
        assert!(!amounts_agree(&receipt), "the words of the total say another sum");
        receipt.total_in_words = l10n::amount_in_words(135_000);
        receipt.total = 130_000;
        assert!(!amounts_agree(&receipt), "the lines do not add up");
    }
}
