//! Status tracking: ask the portal for dossiers changed since the last
//! cursor and report each status change.

use portal::types::Status;

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
            if let Some(previous) = previous.as_deref().and_then(Status::from_name) {
                changed += 1;
                self.emit(Event::StatusChanged {
                    dossier: Box::new(dossier),
                    previous,
                });
            }
        }
        self.store.set_sync_value(CURSOR, &changes.cursor.to_string())?;
        Ok(changed)
    }
}
