//! Status tracking: ask the portal for dossiers changed since the last
//! cursor and report each status change, and each change of the day the
//! result is due.

use portal::types::Dossier;

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
            let body = serde_json::to_string(&dossier).expect("a dossier serializes");
            let previous = self.store.update_dossier(
                &dossier.id,
                &dossier.code,
                &dossier.procedure_code,
                dossier.status.name(),
                &body,
            )?;
            let Some(before) = previous.and_then(|body| serde_json::from_str::<Dossier>(&body).ok()) else {
                continue;
            };
            if before.status != dossier.status {
                changed += 1;
                self.emit(Event::StatusChanged {
                    dossier: Box::new(dossier),
                    previous: before.status,
                });
            } else if before.due_date != dossier.due_date {
                // A step brings its own notice; a new due day alone gets one too.
                changed += 1;
                self.emit(Event::DueChanged {
                    dossier: Box::new(dossier),
                    previous: before.due_date,
                });
            }
        }
        self.store.set_sync_value(CURSOR, &changes.cursor.to_string())?;
        Ok(changed)
    }
}
