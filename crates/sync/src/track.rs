//! Status tracking: ask the portal for dossiers changed since the last
//! cursor and report each status change, and each change of the day the
//! result is due.

use portal::types::{Dossier, SupplementKind};
use store::SupplementScope;

use crate::{Event, Result, Worker};

const CURSOR: &str = "changes-cursor";

impl Worker {
    /// Reads changed dossiers, stores them, and reports status changes.
    pub async fn poll_changes(&self) -> Result<usize> {
        let Some(mut token) = self.session.access_token() else {
            return Ok(0);
        };
        let since = self.store.sync_value(CURSOR)?.and_then(|c| c.parse().ok()).unwrap_or(0);
        let changes = match self.client.changes(&token, since).await {
            Err(portal::Error::Unauthorized) => {
                token = self.session.refresh(&token).await?;
                self.client.changes(&token, since).await
            }
            other => other,
        };
        let changes = match changes {
            Ok(changes) => {
                if !self.is_online() {
                    // Back from offline: what waited for the connection goes now.
                    self.store.retry_queued_now()?;
                    self.wake();
                }
                self.set_online(true);
                changes
            }
            Err(error @ (portal::Error::Offline(_) | portal::Error::NoAnswer(_))) => {
                self.set_online(false);
                return Err(error.into());
            }
            Err(error) => return Err(error.into()),
        };
        let mut changed = 0;
        for dossier in changes.dossiers {
            if dossier.result.is_some()
                && let Err(error) = self.fetch_results(&token, &dossier).await
            {
                tracing::warn!(%error, dossier = %dossier.code, "result files could not be downloaded yet");
            }
            if self.record_dossier(dossier)? {
                changed += 1;
            }
        }
        if let Err(error) = self.poll_feedback(&token).await {
            tracing::warn!(%error, "answers to feedback could not be read");
        }
        self.store.set_sync_value(CURSOR, &changes.cursor.to_string())?;
        Ok(changed)
    }

    /// Stores the portal's view of a dossier and reports what changed: its
    /// status, or else its due day. A new supplement request opens the
    /// dossier's draft to what it asks for. Returns whether anything was reported.
    pub(crate) fn record_dossier(&self, dossier: Dossier) -> Result<bool> {
        let body = serde_json::to_string(&dossier).expect("a dossier serializes");
        let previous = self.store.update_dossier(
            &dossier.id,
            &dossier.code,
            &dossier.procedure_code,
            dossier.status.name(),
            &body,
        )?;
        if let Some(request) = dossier.supplement.as_ref().filter(|r| r.answered_at.is_none())
            && let Some(draft) = self.store.dossier_draft(&dossier.id)?
        {
            let asked = |kind: SupplementKind| -> Vec<String> {
                request
                    .items
                    .iter()
                    .filter(|i| i.kind == kind)
                    .map(|i| i.id.clone())
                    .collect()
            };
            self.store.open_supplement(
                draft,
                &SupplementScope {
                    dossier_id: dossier.id.clone(),
                    request_id: request.id.clone(),
                    fields: asked(SupplementKind::Answer),
                    documents: asked(SupplementKind::Document),
                    sent: false,
                },
            )?;
        }
        let Some(before) = previous.and_then(|body| serde_json::from_str::<Dossier>(&body).ok()) else {
            return Ok(false);
        };
        if before.status != dossier.status {
            self.emit(Event::StatusChanged {
                dossier: Box::new(dossier),
                previous: before.status,
            });
            Ok(true)
        } else if before.due_date != dossier.due_date {
            // A step brings its own notice; a new due day alone gets one too.
            self.emit(Event::DueChanged {
                dossier: Box::new(dossier),
                previous: before.due_date,
            });
            Ok(true)
        } else {
            Ok(false)
        }
    }
}
