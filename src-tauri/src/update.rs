//! Signed updates through tauri-plugin-updater: where the app looks for a
//! new version, which key must have signed it, and installing only the
//! version the person agreed to.
//!
//! The manifest is asked for at `<server>/updates/{target}/{arch}/{version}`
//! (`docs/portal-api.yaml`): the server is `TRO_LY_UPDATE_URL`, or else the
//! portal's base URL (the bundled sandbox in training mode). Its address
//! follows the portal's rule: https, or plain http on the loopback only. The
//! bundle must carry a minisign signature by the project's key (in
//! `tauri.conf.json`, or `TRO_LY_UPDATE_KEY`) that also names the version
//! the manifest announces. Nothing is written before the whole bundle has
//! arrived and its signature checked; the plugin then swaps the executable
//! (AppImage or a bare binary) or hands the `.deb` to `pkexec dpkg -i`, and
//! puts the old one back if writing fails.

use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use assistant::{AppError, ErrorCode};
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, Url};
use tauri_plugin_updater::{Update, UpdaterExt};
use tauri_specta::Event as _;

/// Environment variable with the update server's base URL, when it is not
/// the portal's.
pub const UPDATE_URL_VARIABLE: &str = "TRO_LY_UPDATE_URL";

/// Environment variable with the public key updates must be signed with
/// (base64 of a minisign public key, as `tauri signer generate` writes it),
/// for a province that signs its own builds, and for the tests; the
/// project's key in `tauri.conf.json` otherwise.
pub const UPDATE_KEY_VARIABLE: &str = "TRO_LY_UPDATE_KEY";

/// The manifest's path under the server, with the plugin's placeholders.
const MANIFEST_PATH: &str = "updates/{{target}}/{{arch}}/{{current_version}}";

/// How long asking for the manifest may take.
const CHECK_TIMEOUT: Duration = Duration::from_secs(30);

/// How long downloading a bundle may take in all: a 15 MB package over a
/// 1 Mbit/s line takes two minutes.
const DOWNLOAD_TIMEOUT: Duration = Duration::from_secs(20 * 60);

/// The update found by the last check, waiting for the person's consent.
#[derive(Default)]
pub struct Updates {
    offered: Mutex<Option<Update>>,
}

impl Updates {
    /// The update on offer (a panic elsewhere never loses it).
    fn offered(&self) -> MutexGuard<'_, Option<Update>> {
        self.offered.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A newer version, as the person is asked about it.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct UpdateOffer {
    /// The version on offer, e.g. `0.2.0`.
    pub version: String,
    /// The version running now.
    pub current_version: String,
    /// What is new, as the release wrote it.
    pub notes: Option<String>,
    /// The day it was published (`yyyy-mm-dd`), when the manifest says.
    pub published: Option<String>,
}

/// How far the download of an update has come.
#[derive(Debug, Clone, Serialize, specta::Type, tauri_specta::Event)]
pub struct UpdateProgress {
    /// Bytes received so far.
    pub received: u64,
    /// Bytes in all, when the server says.
    pub total: Option<u64>,
}

/// What went wrong with an update. The installed version keeps working in
/// every case: nothing is written before the signature is checked.
#[derive(Debug, thiserror::Error)]
pub enum UpdateError {
    /// The update server's address is not https (nor loopback http).
    #[error("the update server's address is refused: {0}")]
    Address(portal::Error),
    /// The update server did not answer, or answered something unreadable.
    #[error("the update server could not be asked: {0}")]
    Unreachable(tauri_plugin_updater::Error),
    /// The bundle's signature is missing, malformed, by another key, or
    /// names another version than the manifest.
    #[error("the update's signature is refused: {0}")]
    Signature(tauri_plugin_updater::Error),
    /// The download stopped before the whole bundle arrived.
    #[error("the update's download stopped: {0}")]
    Interrupted(tauri_plugin_updater::Error),
    /// The verified bundle could not be installed.
    #[error("the update could not be installed: {0}")]
    Install(tauri_plugin_updater::Error),
    /// No update is waiting for consent (none found, or already installed).
    #[error("no update is on offer")]
    NothingOffered,
}

impl From<&UpdateError> for AppError {
    fn from(error: &UpdateError) -> Self {
        let code = match error {
            UpdateError::Address(e) => return AppError::from(e),
            UpdateError::Unreachable(_) => ErrorCode::UpdateUnreachable,
            UpdateError::Signature(_) => ErrorCode::UpdateSignature,
            UpdateError::Interrupted(_) => ErrorCode::UpdateInterrupted,
            UpdateError::Install(_) => ErrorCode::UpdateInstall,
            UpdateError::NothingOffered => ErrorCode::UpdateNothingOffered,
        };
        AppError::with(code, [])
    }
}

impl Serialize for UpdateError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        AppError::from(self).serialize(serializer)
    }
}

impl specta::Type for UpdateError {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        AppError::definition(types)
    }
}

/// Where the manifest is asked for: under `TRO_LY_UPDATE_URL` when set,
/// under the portal's base URL otherwise.
pub fn manifest_url(server: Option<&str>, portal_base: &str) -> Result<Url, UpdateError> {
    let base = server.unwrap_or(portal_base).trim_end_matches('/');
    let parsed = Url::parse(base).map_err(|e| UpdateError::Address(portal::Error::InvalidUrl(e.to_string())))?;
    portal::client::check_transport(&parsed).map_err(UpdateError::Address)?;
    Url::parse(&format!("{base}/{MANIFEST_PATH}"))
        .map_err(|e| UpdateError::Address(portal::Error::InvalidUrl(e.to_string())))
}

/// Whether a download error means the signature was refused.
fn is_signature(error: &tauri_plugin_updater::Error) -> bool {
    use tauri_plugin_updater::Error as E;
    matches!(
        error,
        E::Minisign(_) | E::Base64(_) | E::SignatureUtf8(_) | E::SignedVersionMismatch { .. } | E::MissingSignedVersion
    )
}

/// Asks the update server whether a newer version is out; keeps it, waiting
/// for consent, and describes it.
pub async fn check<R: Runtime>(app: &AppHandle<R>, portal_base: &str) -> Result<Option<UpdateOffer>, UpdateError> {
    let endpoint = manifest_url(std::env::var(UPDATE_URL_VARIABLE).ok().as_deref(), portal_base)?;
    let mut builder = app
        .updater_builder()
        .timeout(CHECK_TIMEOUT)
        .endpoints(vec![endpoint])
        .map_err(UpdateError::Unreachable)?;
    if let Ok(key) = std::env::var(UPDATE_KEY_VARIABLE) {
        builder = builder.pubkey(key);
    }
    let found = builder
        .build()
        .map_err(UpdateError::Unreachable)?
        .check()
        .await
        .map_err(UpdateError::Unreachable)?;
    let offer = found.as_ref().map(|update| UpdateOffer {
        version: update.version.clone(),
        current_version: update.current_version.clone(),
        notes: update.body.clone().filter(|notes| !notes.trim().is_empty()),
        published: update.date.map(|date| date.date().to_string()),
    });
    match &offer {
        Some(offer) => tracing::info!(version = offer.version, "an update is on offer"),
        None => tracing::info!("no update on offer"),
    }
    *app.state::<Updates>().offered() = found;
    Ok(offer)
}

/// Downloads the update on offer, checks its signature, and installs it,
/// reporting progress as [`UpdateProgress`] events. The new version runs
/// after a restart.
pub async fn install<R: Runtime>(app: &AppHandle<R>) -> Result<String, UpdateError> {
    let mut update = app
        .state::<Updates>()
        .offered()
        .clone()
        .ok_or(UpdateError::NothingOffered)?;
    update.timeout = Some(DOWNLOAD_TIMEOUT);
    let mut received = 0u64;
    let bytes = update
        .download(
            |chunk, total| {
                received += chunk as u64;
                let _ = UpdateProgress { received, total }.emit(app);
            },
            || {},
        )
        .await
        .map_err(|error| {
            if is_signature(&error) {
                tracing::warn!(%error, version = update.version, "update refused: its signature does not check");
                UpdateError::Signature(error)
            } else {
                tracing::warn!(%error, version = update.version, "update download stopped");
                UpdateError::Interrupted(error)
            }
        })?;
    let version = update.version.clone();
    // Writing the executable, or waiting for `pkexec`, blocks.
    tauri::async_runtime::spawn_blocking(move || update.install(bytes))
        .await
        .map_err(|e| UpdateError::Install(tauri_plugin_updater::Error::Io(std::io::Error::other(e))))?
        .map_err(|error| {
            tracing::warn!(%error, version, "update not installed");
            UpdateError::Install(error)
        })?;
    tracing::info!(version, "update installed; it runs after a restart");
    app.state::<Updates>().offered().take();
    Ok(version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_is_asked_for_under_the_update_server_or_the_portal() {
        let portal = "https://dichvucong.example.vn/";
        assert_eq!(
            manifest_url(None, portal).unwrap().as_str(),
            "https://dichvucong.example.vn/updates/%7B%7Btarget%7D%7D/%7B%7Barch%7D%7D/%7B%7Bcurrent_version%7D%7D",
        );
        let own = manifest_url(Some("http://127.0.0.1:4000"), portal).unwrap();
        assert_eq!(own.host_str(), Some("127.0.0.1"), "a loopback server may be plain http");
        assert!(matches!(
            manifest_url(Some("http://updates.example.vn"), portal),
            Err(UpdateError::Address(portal::Error::InsecureUrl))
        ));
        assert!(matches!(manifest_url(None, "not a url"), Err(UpdateError::Address(_))));
    }
}
