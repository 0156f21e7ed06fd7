//! Delivering the writes that follow a submission (a supplement with its
//! files, a withdrawal, a rating, a feedback with its files) exactly once:
//! each carries the idempotency key it was queued with, an unknown outcome
//! is resolved by sending the same key again, and files the portal already
//! confirmed are not sent twice. Also: fetching the answers to feedback,
//! and downloading result files, each checked against its SHA-256 before
//! it is kept.

use std::collections::HashSet;
use std::time::Duration;

use portal::types::{AttachmentManifest, Dossier, Feedback, NewFeedback, Rating, SupplementReply, Withdrawal};
use serde::Serialize;
use sha2::{Digest, Sha256};
use store::{ActionItem, ActionKind, SavedResult};

use crate::deliver::{Attempt, classify, idempotency_key};
use crate::{Event, Result, Worker, backoff, now_plus};

/// The problem type of a second rating.
const ALREADY_RATED: &str = "urn:dvc:problem:already-rated";

/// What a delivered write brought back.
enum Answer {
    Dossier(Box<Dossier>),
    Feedback(Box<Feedback>),
}

/// Writes sent at the same time while the portal is healthy.
const IN_FLIGHT: usize = 4;

/// How a write's attempt was recorded.
enum Settled {
    Delivered,
    /// Refused for good; the next writes go on.
    Final,
    /// Retried later (or nobody is signed in): no more requests this round.
    Stop,
}

/// The due writes in groups of at most [`IN_FLIGHT`], in order, never two
/// about the same dossier in one group.
fn groups(due: &[ActionItem]) -> Vec<Vec<&ActionItem>> {
    let mut groups: Vec<Vec<&ActionItem>> = Vec::new();
    for item in due {
        let fits = groups.last().is_some_and(|g| {
            g.len() < IN_FLIGHT && (item.dossier_id.is_none() || g.iter().all(|o| o.dossier_id != item.dossier_id))
        });
        match groups.last_mut() {
            Some(group) if fits => group.push(item),
            _ => groups.push(vec![item]),
        }
    }
    groups
}

/// Why an attempt stopped.
enum Stop {
    Portal(portal::Error),
    /// A queued file is gone from the store: retrying cannot help.
    FileMissing,
    /// The body no longer reads (a newer app wrote it?): it cannot be sent.
    Unreadable,
    Local(String),
}

impl From<portal::Error> for Stop {
    fn from(error: portal::Error) -> Self {
        Stop::Portal(error)
    }
}

impl Worker {
    /// Queues a write about `dossier_id` (the portal's id) and wakes the worker.
    pub fn queue_action<T: Serialize>(
        &self,
        kind: ActionKind,
        dossier_id: Option<&str>,
        draft_id: Option<i64>,
        body: &T,
    ) -> Result<i64> {
        let payload = serde_json::to_string(body).expect("a request serializes");
        let id = self
            .store
            .enqueue_action(kind, dossier_id, draft_id, &idempotency_key(), &payload)?;
        self.wake();
        Ok(id)
    }

    /// Delivers every write that is due, a few at a time (never two about
    /// the same dossier together, so they reach the portal in the order
    /// they were made); stops after the group in which a transient failure
    /// happened. Returns how many were delivered.
    pub async fn deliver_actions(&self) -> Result<usize> {
        let mut delivered = 0;
        let due = self.store.due_actions(&now_plus(Duration::ZERO))?;
        for group in groups(&due) {
            let outcomes = futures_util::future::join_all(group.iter().map(|item| self.attempt_action(item))).await;
            let mut stop = false;
            for (item, outcome) in group.iter().zip(outcomes) {
                match self.settle(item, outcome).await? {
                    Settled::Delivered => delivered += 1,
                    Settled::Final => {}
                    Settled::Stop => stop = true,
                }
            }
            if stop {
                break;
            }
        }
        Ok(delivered)
    }

    /// One attempt, refreshing an expired token once; `None` when nobody is signed in.
    async fn attempt_action(&self, item: &ActionItem) -> Option<std::result::Result<Answer, Stop>> {
        let token = self.session.access_token()?;
        Some(match self.send_action(&token, item).await {
            Err(Stop::Portal(portal::Error::Unauthorized)) => match self.session.refresh(&token).await {
                Ok(token) => self.send_action(&token, item).await,
                Err(error) => Err(Stop::Portal(error)),
            },
            other => other,
        })
    }

    /// Records how an attempt ended.
    async fn settle(&self, item: &ActionItem, outcome: Option<std::result::Result<Answer, Stop>>) -> Result<Settled> {
        let Some(outcome) = outcome else {
            return Ok(Settled::Stop);
        };
        match outcome {
            Ok(answer) => {
                self.set_online(true);
                self.store.action_delivered(item.id)?;
                self.record_answer(answer)?;
                self.emit(Event::ActionDone {
                    kind: item.kind,
                    dossier_id: item.dossier_id.clone(),
                    refusal: None,
                });
                Ok(Settled::Delivered)
            }
            Err(Stop::Portal(portal::Error::Refused(problem))) if problem.kind == ALREADY_RATED => {
                // The first rating stands: show it.
                self.set_online(true);
                self.store.action_refused(item.id, "already-rated")?;
                if let (Some(id), Some(token)) = (&item.dossier_id, self.session.access_token()) {
                    match self.client.dossier(&token, id).await {
                        Ok(dossier) => {
                            self.record_dossier(dossier)?;
                        }
                        Err(error) => tracing::warn!(%error, "the rated dossier could not be read again"),
                    }
                }
                self.done_refused(item, "already-rated");
                Ok(Settled::Final)
            }
            Err(Stop::Portal(error)) => match self.failed_with(error) {
                Attempt::Retry { error, after } => {
                    let wait = after.unwrap_or_else(|| {
                        backoff::delay(item.attempts, self.config.retry_base, self.config.retry_cap)
                    });
                    tracing::info!(action = item.id, kind = ?item.kind, ?wait, %error, "a follow-up will be retried");
                    self.store.retry_action(item.id, &error, &now_plus(wait))?;
                    Ok(Settled::Stop)
                }
                Attempt::NotSignedIn | Attempt::Delivered(_) => Ok(Settled::Stop),
                Attempt::SentBack(refusal) => {
                    let reason = refusal.reason.unwrap_or_else(|| "portal-refused".to_owned());
                    self.store.action_refused(item.id, &reason)?;
                    self.done_refused(item, &reason);
                    Ok(Settled::Final)
                }
            },
            Err(Stop::FileMissing) => {
                self.store.action_refused(item.id, "attachment-missing")?;
                self.done_refused(item, "attachment-missing");
                Ok(Settled::Final)
            }
            Err(Stop::Unreadable) => {
                tracing::error!(action = item.id, "a queued follow-up cannot be read");
                self.store.action_refused(item.id, "unexpected")?;
                self.done_refused(item, "unexpected");
                Ok(Settled::Final)
            }
            Err(Stop::Local(error)) => {
                let wait = backoff::delay(item.attempts, self.config.retry_base, self.config.retry_cap);
                self.store.retry_action(item.id, &error, &now_plus(wait))?;
                Ok(Settled::Stop)
            }
        }
    }

    fn done_refused(&self, item: &ActionItem, reason: &str) {
        self.emit(Event::ActionDone {
            kind: item.kind,
            dossier_id: item.dossier_id.clone(),
            refusal: Some(reason.to_owned()),
        });
    }

    fn failed_with(&self, error: portal::Error) -> Attempt {
        match &error {
            portal::Error::Offline(_) | portal::Error::NoAnswer(_) => self.set_online(false),
            _ => self.set_online(true),
        }
        classify(error)
    }

    fn record_answer(&self, answer: Answer) -> Result<()> {
        match answer {
            Answer::Dossier(dossier) => self.record_dossier(*dossier).map(|_| ()),
            Answer::Feedback(feedback) => {
                let body = serde_json::to_string(&feedback).expect("feedback serializes");
                self.store.save_feedback(&feedback.id, &feedback.code, &body)?;
                Ok(())
            }
        }
    }

    async fn send_action(&self, token: &str, item: &ActionItem) -> std::result::Result<Answer, Stop> {
        let dossier = item.dossier_id.as_deref().unwrap_or_default();
        let key = item.idempotency_key.as_str();
        let read = |_: serde_json::Error| Stop::Unreadable;
        match item.kind {
            ActionKind::Supplement => {
                let reply: SupplementReply = serde_json::from_str(&item.payload).map_err(read)?;
                let mut answer = self.client.send_supplement(token, key, dossier, &reply).await?;
                let confirmed = confirmed(&answer.attachments);
                let mut uploaded = false;
                for file in reply.attachments.iter().filter(|f| !is_confirmed(&confirmed, f)) {
                    let bytes = self.file_bytes(&file.sha256).await?;
                    self.client
                        .upload_attachment(token, dossier, &file.document_id, &file.file_name, bytes)
                        .await?;
                    uploaded = true;
                }
                if uploaded {
                    answer = self.client.dossier(token, dossier).await?;
                }
                Ok(Answer::Dossier(Box::new(answer)))
            }
            ActionKind::Withdrawal => {
                let withdrawal: Withdrawal = serde_json::from_str(&item.payload).map_err(read)?;
                let answer = self.client.withdraw(token, key, dossier, &withdrawal).await?;
                Ok(Answer::Dossier(Box::new(answer)))
            }
            ActionKind::Rating => {
                let rating: Rating = serde_json::from_str(&item.payload).map_err(read)?;
                let answer = self.client.rate(token, key, dossier, &rating).await?;
                Ok(Answer::Dossier(Box::new(answer)))
            }
            ActionKind::Feedback => {
                let feedback: NewFeedback = serde_json::from_str(&item.payload).map_err(read)?;
                let mut answer = self.client.send_feedback(token, key, &feedback).await?;
                let confirmed = confirmed(&answer.attachments);
                for file in feedback.attachments.iter().filter(|f| !is_confirmed(&confirmed, f)) {
                    let bytes = self.file_bytes(&file.sha256).await?;
                    let receipt = self
                        .client
                        .upload_feedback_attachment(token, &answer.id, &file.document_id, &file.file_name, bytes)
                        .await?;
                    answer.attachments.push(receipt);
                }
                Ok(Answer::Feedback(Box::new(answer)))
            }
        }
    }

    /// A queued file's content, read off the async threads.
    async fn file_bytes(&self, sha256: &str) -> std::result::Result<Vec<u8>, Stop> {
        let store = self.store.clone();
        let sha256 = sha256.to_owned();
        match tokio::task::spawn_blocking(move || store.attachment_bytes(&sha256)).await {
            Ok(Ok(bytes)) => Ok(bytes),
            Ok(Err(store::Error::AttachmentMissing { .. })) => Err(Stop::FileMissing),
            Ok(Err(error)) => Err(Stop::Local(format!("a queued file could not be read: {error}"))),
            Err(error) => Err(Stop::Local(format!("reading a queued file stopped: {error}"))),
        }
    }

    /// Reads the answers to feedback sent from this machine; returns how
    /// many were newly answered.
    pub async fn poll_feedback(&self, token: &str) -> Result<usize> {
        let known: Vec<Feedback> = self
            .store
            .feedback()?
            .iter()
            .filter_map(|body| serde_json::from_str(body).ok())
            .collect();
        if known.iter().all(|f| f.answer.is_some()) {
            return Ok(0);
        }
        let mut answered = 0;
        for feedback in self.client.feedback_list(token).await?.feedback {
            let Some(before) = known.iter().find(|k| k.id == feedback.id) else {
                continue;
            };
            if before.answer.is_none() && feedback.answer.is_some() {
                answered += 1;
                let body = serde_json::to_string(&feedback).expect("feedback serializes");
                self.store.save_feedback(&feedback.id, &feedback.code, &body)?;
                self.emit(Event::FeedbackAnswered { code: feedback.code });
            }
        }
        Ok(answered)
    }

    /// Downloads the result files of `dossier` not kept yet, each checked
    /// against its SHA-256; a file that does not match is not kept, and is
    /// tried again when the portal next reports the dossier changed.
    pub(crate) async fn fetch_results(&self, token: &str, dossier: &Dossier) -> Result<usize> {
        let Some(result) = &dossier.result else {
            return Ok(0);
        };
        let kept: HashSet<(String, String)> = self
            .store
            .results()?
            .into_iter()
            .filter(|r| r.dossier_id == dossier.id)
            .map(|r| (r.document_id, r.sha256))
            .collect();
        let mut saved = 0;
        for document in &result.documents {
            if kept.contains(&(document.id.clone(), document.sha256.clone())) {
                continue;
            }
            let bytes = self.client.result_file(token, &dossier.id, &document.id).await?;
            let sha256 = format!("{:x}", Sha256::digest(&bytes));
            if sha256 != document.sha256 || bytes.len() as u64 != document.size {
                tracing::warn!(dossier = %dossier.code, document = %document.id, "a result file does not match its checksum; it is not kept");
                continue;
            }
            let entry = SavedResult {
                dossier_id: dossier.id.clone(),
                document_id: document.id.clone(),
                file_name: document.file_name.clone(),
                size: document.size,
                sha256,
                saved_at: now_plus(Duration::ZERO),
            };
            let store = self.store.clone();
            tokio::task::spawn_blocking(move || store.save_result(&entry, &bytes))
                .await
                .map_err(|e| store::Error::Io {
                    path: std::path::PathBuf::new(),
                    source: std::io::Error::other(e.to_string()),
                })??;
            saved += 1;
        }
        if saved > 0 {
            self.emit(Event::ResultSaved {
                dossier: Box::new(dossier.clone()),
            });
        }
        Ok(saved)
    }
}

fn confirmed(receipts: &[portal::types::AttachmentReceipt]) -> HashSet<(String, String)> {
    receipts
        .iter()
        .map(|r| (r.document_id.clone(), r.sha256.clone()))
        .collect()
}

fn is_confirmed(confirmed: &HashSet<(String, String)>, file: &AttachmentManifest) -> bool {
    confirmed.contains(&(file.document_id.clone(), file.sha256.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: i64, dossier: Option<&str>) -> ActionItem {
        ActionItem {
            id,
            kind: ActionKind::Rating,
            dossier_id: dossier.map(str::to_owned),
            draft_id: None,
            idempotency_key: format!("k{id}"),
            payload: "{}".into(),
            attempts: 0,
        }
    }

    #[test]
    fn writes_about_one_dossier_never_travel_together_and_keep_their_order() {
        let due = [
            item(1, Some("a")),
            item(2, Some("b")),
            item(3, Some("a")),
            item(4, None),
            item(5, Some("c")),
            item(6, Some("d")),
            item(7, Some("e")),
        ];
        let ids: Vec<Vec<i64>> = groups(&due).iter().map(|g| g.iter().map(|i| i.id).collect()).collect();
        assert_eq!(ids, [vec![1, 2], vec![3, 4, 5, 6], vec![7]]);
    }
}
