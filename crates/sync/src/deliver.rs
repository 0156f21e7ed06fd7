//! Delivering the outbox: create the dossier with the submission's
//! idempotency key, upload each announced file, and record the portal's
//! confirmation. Any unknown outcome is resolved by replaying the same key.

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use chrono::NaiveDate;
use portal::types::{AttachmentManifest, AttachmentReceipt, Dossier, NewDossier};
use procedures::Procedure;
use procedures::engine::{Answers, Attached, DocumentStatus};
use procedures::refusal::Refusal;
use store::{Attachment, Delivery, OutboxItem};

use crate::{Event, Result, UploadProgress, Worker, backoff, now_plus};

/// The request body for a draft: the cleaned answers of visible fields, and
/// the files of the documents the answers require; `None` while the answers
/// are not ready to submit.
pub fn submission_payload(
    procedure: &Procedure,
    answers: &Answers,
    attachments: &[Attachment],
    today: NaiveDate,
) -> Option<NewDossier> {
    let attached: Attached = attachments.iter().map(|a| a.document_id.clone()).collect();
    let state = procedures::evaluate(procedure, answers, &attached, today);
    if !state.ready {
        return None;
    }
    // A file kept from before a document was known to be filled by the app,
    // or for a document the answers no longer call for, is not sent.
    let required: HashSet<&str> = state
        .documents
        .iter()
        .filter(|d| d.status == DocumentStatus::Attached)
        .map(|d| d.id.as_str())
        .collect();
    Some(NewDossier {
        procedure_code: procedure.definition.code.clone(),
        procedure_version: procedure.definition.version,
        attachments: attachments
            .iter()
            .filter(|a| required.contains(a.document_id.as_str()))
            .map(|a| AttachmentManifest {
                document_id: a.document_id.clone(),
                file_name: a.file_name.clone(),
                size: a.size,
                sha256: a.sha256.clone(),
            })
            .collect(),
        answers: state.answers,
        on_behalf: None,
    })
}

/// Submissions sent at the same time while the portal is healthy.
const IN_FLIGHT: usize = 4;

/// A fresh idempotency key (random, UUID-shaped).
pub(crate) fn idempotency_key() -> String {
    let b: [u8; 16] = rand::random();
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-4{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// How an attempt ended.
#[derive(Debug)]
pub(crate) enum Attempt {
    Delivered(Box<Dossier>),
    /// Final: the draft is sent back to the user with the refusal.
    SentBack(Refusal),
    Retry {
        error: String,
        after: Option<Duration>,
    },
    NotSignedIn,
}

impl Attempt {
    /// A refusal that names no field: the draft shows the reason's message.
    fn refused(reason: &str, detail: Option<String>) -> Self {
        Attempt::SentBack(Refusal::because(reason, detail))
    }
}

/// Why delivering stopped.
enum Failure {
    Portal(portal::Error),
    /// An attached file could not be read from the store.
    Store(store::Error),
    /// The read itself failed (its task panicked).
    Local(String),
}

impl From<portal::Error> for Failure {
    fn from(error: portal::Error) -> Self {
        Failure::Portal(error)
    }
}

/// What a portal failure means for the submission.
pub(crate) fn classify(error: portal::Error) -> Attempt {
    match error {
        portal::Error::RateLimited(secs) => Attempt::Retry {
            error: error.to_string(),
            after: Some(Duration::from_secs(secs.min(portal::client::MAX_RETRY_AFTER_SECS))),
        },
        portal::Error::Unauthorized => Attempt::NotSignedIn,
        ref e if e.is_transient() => Attempt::Retry {
            error: e.to_string(),
            after: None,
        },
        portal::Error::Invalid(problem) if !problem.errors.is_empty() => Attempt::SentBack(Refusal {
            reason: None,
            detail: problem.detail,
            fields: problem.errors,
        }),
        portal::Error::Refused(problem) if problem.status == 413 => Attempt::refused("portal-too-large", None),
        portal::Error::Invalid(problem) | portal::Error::Refused(problem) => {
            Attempt::refused("portal-refused", problem.detail.or(Some(problem.title)))
        }
        other => Attempt::Retry {
            error: other.to_string(),
            after: None,
        },
    }
}

/// Whether a store error means the file of a queued attachment is gone
/// (deleted, quarantined, or unreadable with the data key): retrying cannot help.
fn attachment_missing(error: &store::Error) -> bool {
    matches!(error, store::Error::AttachmentMissing { .. })
}

impl Worker {
    /// Puts a draft's submission into the outbox and wakes the worker.
    pub fn submit(&self, draft_id: i64, payload: &NewDossier) -> Result<i64> {
        let body = serde_json::to_string(payload).expect("a submission serializes");
        let id = self.store.enqueue_submission(draft_id, &idempotency_key(), &body)?;
        self.wake();
        Ok(id)
    }

    /// Delivers every submission that is due, a few at a time; stops after
    /// the group in which a transient failure happened, so a struggling
    /// portal gets no more requests this round. Returns how many were delivered.
    pub async fn deliver_due(&self) -> Result<usize> {
        let mut delivered = 0;
        let due = self.store.due_submissions(&now_plus(Duration::ZERO))?;
        for group in due.chunks(IN_FLIGHT) {
            let attempts = futures_util::future::join_all(group.iter().map(|item| self.attempt(item))).await;
            let mut stop = false;
            let mut confirmed = Vec::new();
            for (item, attempt) in group.iter().zip(attempts) {
                match attempt {
                    Attempt::Delivered(dossier) => confirmed.push((item, *dossier)),
                    Attempt::SentBack(refusal) => {
                        self.store.submission_rejected(item.id, &refusal)?;
                        self.emit(Event::SentBack {
                            draft_id: item.draft_id,
                            reason: refusal.reason,
                        });
                    }
                    Attempt::Retry { error, after } => {
                        let wait = after.unwrap_or_else(|| {
                            backoff::delay(item.attempts, self.config.retry_base, self.config.retry_cap)
                        });
                        tracing::info!(outbox = item.id, attempts = item.attempts + 1, ?wait, %error, "submission will be retried");
                        self.store.retry_submission(item.id, &error, &now_plus(wait))?;
                        stop = true;
                    }
                    Attempt::NotSignedIn => stop = true,
                }
            }
            self.record_deliveries(&confirmed)?;
            delivered += confirmed.len();
            for (item, dossier) in confirmed {
                self.emit(Event::Delivered {
                    draft_id: item.draft_id,
                    dossier: Box::new(dossier),
                });
            }
            if stop {
                break;
            }
        }
        Ok(delivered)
    }

    /// Commits a group's confirmations together. Losing them to a crash
    /// before the commit is harmless: the same keys are replayed and the
    /// portal answers with the dossiers it already has.
    fn record_deliveries(&self, confirmed: &[(&OutboxItem, Dossier)]) -> Result<()> {
        let bodies: Vec<String> = confirmed
            .iter()
            .map(|(_, d)| serde_json::to_string(d).expect("a dossier serializes"))
            .collect();
        let deliveries: Vec<Delivery<'_>> = confirmed
            .iter()
            .zip(&bodies)
            .map(|((item, d), body)| Delivery {
                outbox_id: item.id,
                portal_id: &d.id,
                code: &d.code,
                procedure_code: &d.procedure_code,
                status: d.status.name(),
                body,
            })
            .collect();
        self.store.submissions_delivered(&deliveries)?;
        // An ended citizen session waited for these to go out.
        self.store.wipe_ended_sessions()?;
        Ok(())
    }

    async fn attempt(&self, item: &OutboxItem) -> Attempt {
        let Ok(payload) = serde_json::from_str::<NewDossier>(&item.payload) else {
            tracing::error!(outbox = item.id, "a queued submission cannot be read");
            return Attempt::refused("unexpected", None);
        };
        let mut refreshed = false;
        loop {
            let Some(token) = self.session.access_token() else {
                return Attempt::NotSignedIn;
            };
            match self.create_and_upload(&token, item, &payload).await {
                Ok(dossier) => {
                    self.set_online(true);
                    return Attempt::Delivered(Box::new(dossier));
                }
                Err(Failure::Portal(portal::Error::Unauthorized)) if !refreshed => {
                    refreshed = true;
                    if let Err(error) = self.session.refresh(&token).await {
                        return self.failed(error);
                    }
                }
                Err(Failure::Portal(error)) => return self.failed(error),
                Err(Failure::Store(error)) if attachment_missing(&error) => {
                    tracing::warn!(
                        outbox = item.id,
                        "a queued submission's file is missing; it goes back to the draft"
                    );
                    return Attempt::refused("attachment-missing", None);
                }
                Err(Failure::Store(error)) => {
                    return Attempt::Retry {
                        error: store_error_text(&error),
                        after: None,
                    };
                }
                Err(Failure::Local(error)) => return Attempt::Retry { error, after: None },
            }
        }
    }

    fn failed(&self, error: portal::Error) -> Attempt {
        match &error {
            portal::Error::Offline(_) | portal::Error::NoAnswer(_) => self.set_online(false),
            _ => self.set_online(true),
        }
        classify(error)
    }

    async fn create_and_upload(
        &self,
        token: &str,
        item: &OutboxItem,
        payload: &NewDossier,
    ) -> std::result::Result<Dossier, Failure> {
        let mut dossier = self
            .client
            .create_dossier(token, &item.idempotency_key, payload)
            .await?;
        let confirmed: HashSet<(String, String)> = dossier
            .attachments
            .iter()
            .map(|r| (r.document_id.clone(), r.sha256.clone()))
            .collect();
        let pending: Vec<&AttachmentManifest> = payload
            .attachments
            .iter()
            .filter(|f| !confirmed.contains(&(f.document_id.clone(), f.sha256.clone())))
            .collect();
        let total = pending.iter().map(|f| f.size).sum();
        let mut progress = UploadProgress {
            draft_id: item.draft_id,
            file: 0,
            files: pending.len(),
            sent: 0,
            total,
            stalled: false,
        };
        let mut uploaded = false;
        for file in pending {
            let store = self.store.clone();
            let sha256 = file.sha256.clone();
            let bytes = tokio::task::spawn_blocking(move || store.attachment_bytes(&sha256))
                .await
                .map_err(|e| Failure::Local(format!("reading an attached file stopped: {e}")))?
                .map_err(Failure::Store)?;
            progress.file += 1;
            let receipt = self.upload_watched(token, &dossier.id, file, bytes, &progress).await?;
            if receipt.sha256 != file.sha256 || receipt.size != file.size {
                return Err(Failure::Portal(portal::Error::Malformed(format!(
                    "the portal stored {} differently",
                    file.document_id
                ))));
            }
            progress.sent += file.size;
            uploaded = true;
        }
        if uploaded {
            dossier = self.client.dossier(token, &dossier.id).await?;
        }
        Ok(dossier)
    }
}

impl Worker {
    /// Uploads one file of a submission, telling how far it has gone about
    /// four times a second (bytes handed to the connection: the system's
    /// send buffer runs ahead of the link by up to a few megabytes); gives
    /// it up when the connection takes nothing of what is left for
    /// [`crate::Config::stall_after`] (the next attempt starts again from
    /// this file: the portal keeps the ones it confirmed).
    async fn upload_watched(
        &self,
        token: &str,
        dossier: &str,
        file: &AttachmentManifest,
        bytes: Vec<u8>,
        before: &UploadProgress,
    ) -> std::result::Result<AttachmentReceipt, Failure> {
        let sent = Arc::new(AtomicU64::new(0));
        let counter = sent.clone();
        let upload = self.client.upload_attachment_reporting(
            token,
            dossier,
            &file.document_id,
            &file.file_name,
            bytes,
            move |n| counter.store(n, Ordering::Relaxed),
        );
        tokio::pin!(upload);
        let report = |sent: u64, stalled: bool| {
            self.emit(Event::Upload(UploadProgress {
                sent: before.sent + sent,
                stalled,
                ..before.clone()
            }));
        };
        report(0, false);
        let mut tick = tokio::time::interval(PROGRESS_EVERY);
        let (mut seen, mut moved) = (0, tokio::time::Instant::now());
        loop {
            tokio::select! {
                done = &mut upload => {
                    if done.is_ok() {
                        report(file.size, false);
                    }
                    return Ok(done?);
                }
                _ = tick.tick() => {
                    let now = sent.load(Ordering::Relaxed);
                    if now != seen {
                        (seen, moved) = (now, tokio::time::Instant::now());
                        report(now, false);
                    } else if now < file.size && moved.elapsed() >= self.config.stall_after {
                        // Part of the file is still to go and the connection
                        // took none of it: the link stalled. (Once all of it
                        // is handed over, the upload's own timeout waits for
                        // what the system still holds to drain.)
                        tracing::warn!(file = before.file, files = before.files, "an upload sent nothing for a while; it goes again at the next attempt");
                        report(now, true);
                        return Err(Failure::Portal(portal::Error::NoAnswer("the upload stalled".to_owned())));
                    }
                }
            }
        }
    }
}

/// How often a file's progress is told while it goes out.
const PROGRESS_EVERY: Duration = Duration::from_millis(250);

/// A store error's text for the log and the outbox, without the path (the
/// data folder may name the user).
fn store_error_text(error: &store::Error) -> String {
    match error {
        store::Error::Io { source, .. } => format!("an attached file could not be read: {}", source.kind()),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_retry_after_waits_at_most_an_hour() {
        let attempt = classify(portal::Error::RateLimited(u64::MAX));
        assert!(
            matches!(attempt, Attempt::Retry { after: Some(wait), .. } if wait <= Duration::from_secs(3600)),
            "Retry-After is honoured up to an hour, never more: {attempt:?}"
        );
    }

    fn problem(status: u16, errors: Vec<portal::types::FieldProblem>) -> portal::types::Problem {
        portal::types::Problem {
            kind: "about:blank".into(),
            title: "refused".into(),
            status,
            detail: None,
            errors,
        }
    }

    #[test]
    fn refusals_are_final_with_a_reason_the_draft_can_show() {
        for (error, reason) in [
            (portal::Error::Refused(problem(413, vec![])), "portal-too-large"),
            (portal::Error::Refused(problem(403, vec![])), "portal-refused"),
            (portal::Error::Refused(problem(404, vec![])), "portal-refused"),
            (portal::Error::Refused(problem(409, vec![])), "portal-refused"),
            (portal::Error::Invalid(problem(422, vec![])), "portal-refused"),
        ] {
            let shown = error.to_string();
            match classify(error) {
                Attempt::SentBack(Refusal {
                    reason: Some(got),
                    detail,
                    fields,
                }) => {
                    assert_eq!(got, reason, "{shown} has the reason {reason}");
                    assert!(fields.is_empty(), "{shown} names no field");
                    if reason == "portal-refused" {
                        assert_eq!(detail.as_deref(), Some("refused"), "the portal's own words are kept");
                    }
                }
                other => panic!("{shown} must be a final refusal, not {other:?}"),
            }
        }
        let fields = vec![portal::types::FieldProblem {
            field: "child_birth_date".into(),
            message_id: "error-date-future".into(),
        }];
        assert!(
            matches!(classify(portal::Error::Invalid(problem(422, fields.clone()))), Attempt::SentBack(Refusal { reason: None, fields: ref got, .. }) if *got == fields),
            "a 422 naming fields goes back with its field errors"
        );
    }
}
