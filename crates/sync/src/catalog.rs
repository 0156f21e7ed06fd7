//! Catalog updates: newer procedure definitions from the portal, fetched
//! with ETags, checked by the same loader as the bundled ones, and kept in
//! the store so drafts can move to them.

use std::collections::HashMap;

use procedures::Procedure;

use crate::{Event, Result, Worker};

impl Worker {
    /// Tells the worker which definition versions the app already has.
    pub fn set_known_versions(&self, versions: HashMap<String, u32>) {
        *self.known_versions.lock().unwrap_or_else(|p| p.into_inner()) = versions;
    }

    /// Fetches every definition the portal has in a newer version than the
    /// app; returns them after storing each. A definition the loader refuses
    /// is skipped and logged, never used.
    pub async fn refresh_catalog(&self) -> Result<Vec<Procedure>> {
        let Some(token) = self.session.access_token() else {
            return Ok(Vec::new());
        };
        let list = self.client.catalog(&token).await?;
        let etags: HashMap<String, String> = self
            .store
            .catalog_updates()?
            .into_iter()
            .map(|(code, _, etag, _)| (code, etag))
            .collect();
        let mut fetched = Vec::new();
        for entry in list.procedures {
            let known = self
                .known_versions
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .get(&entry.code)
                .copied();
            if known.is_some_and(|v| v >= entry.version) {
                continue;
            }
            let Some((definition, etag)) = self
                .client
                .definition(&token, &entry.code, etags.get(&entry.code).map(String::as_str))
                .await?
            else {
                continue;
            };
            let body = serde_json::to_string(&definition).expect("a definition serializes");
            let procedure = match Procedure::from_definition(&format!("portal:{}", entry.code), definition) {
                Ok(p) => p,
                Err(error) => {
                    tracing::warn!(%error, "the portal sent a definition this app cannot use");
                    continue;
                }
            };
            let d = &procedure.definition;
            self.store.save_catalog_update(&d.code, d.version, &etag, &body)?;
            self.known_versions
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .insert(d.code.clone(), d.version);
            self.emit(Event::CatalogUpdated {
                procedure: Box::new(procedure.clone()),
            });
            fetched.push(procedure);
        }
        Ok(fetched)
    }
}
