//! Catalog updates: newer procedure definitions from the portal, fetched
//! with ETags, accepted only with the portal's signature, checked by the
//! same loader as the bundled ones, and kept in the store so drafts can move
//! to them.

use std::collections::HashMap;

use procedures::Procedure;

use crate::{Event, Result, Worker};

impl Worker {
    /// Tells the worker which definition versions the app already has.
    pub fn set_known_versions(&self, versions: HashMap<String, u32>) {
        *self.known_versions.lock().unwrap_or_else(|p| p.into_inner()) = versions;
    }

    /// Fetches every definition the portal has in a newer version than the
    /// app; returns them after storing each. A definition that fails (not
    /// fetched, not signed by the portal, refused by the loader, or naming
    /// another code than the one asked for) is logged and skipped, and the
    /// others still come; the app keeps its earlier version of it. Without
    /// a catalog key, nothing is fetched. Fails only when the list itself
    /// cannot be read.
    pub async fn refresh_catalog(&self) -> Result<Vec<Procedure>> {
        let Some(token) = self.session.access_token() else {
            return Ok(Vec::new());
        };
        if !self.client.has_catalog_key() {
            tracing::warn!("catalog updates are refused: the app has no public key for the portal's catalog");
            return Ok(Vec::new());
        }
        let list = self.client.catalog(&token).await?;
        let etags: HashMap<String, String> = self
            .store
            .catalog_updates()?
            .into_iter()
            .map(|(code, _, etag, _)| (code, etag))
            .collect();
        let mut fetched = Vec::new();
        for entry in list.procedures {
            let known = self.known_version(&entry.code);
            if known.is_some_and(|v| v >= entry.version) {
                continue;
            }
            let definition = match self
                .client
                .definition(&token, &entry.code, etags.get(&entry.code).map(String::as_str))
                .await
            {
                Ok(Some((definition, etag))) => (definition, etag),
                Ok(None) => continue,
                Err(error) => {
                    tracing::warn!(code = %entry.code, %error, "a catalog update was not used");
                    continue;
                }
            };
            let (definition, etag) = definition;
            let body = serde_json::to_string(&definition).expect("a definition serializes");
            // Refuses a body naming another code, and applies the loader's limits.
            let procedure = match Procedure::from_update(&entry.code, &format!("portal:{}", entry.code), definition) {
                Ok(p) => p,
                Err(error) => {
                    tracing::warn!(code = %entry.code, %error, "a catalog update was not used: this app cannot load it");
                    continue;
                }
            };
            let version = procedure.definition.version;
            if known.is_some_and(|v| v >= version) {
                tracing::warn!(code = %entry.code, version, "a catalog update was not used: it is not newer");
                continue;
            }
            // Kept under the code asked for, never the one the body names.
            self.store.save_catalog_update(&entry.code, version, &etag, &body)?;
            self.known_versions
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .insert(entry.code.clone(), version);
            self.emit(Event::CatalogUpdated {
                procedure: Box::new(procedure.clone()),
            });
            fetched.push(procedure);
        }
        Ok(fetched)
    }

    fn known_version(&self, code: &str) -> Option<u32> {
        self.known_versions
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(code)
            .copied()
    }
}
