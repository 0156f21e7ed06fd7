//! Opening the app's data: the settings read from the environment, the data
//! key (OS keyring, or a passphrase where no keyring answers), the encrypted
//! store, the portal client, the sync worker and, in training mode, the
//! in-process sandbox portal.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use base64::Engine;
use l10n::Localizer;
use procedures::Catalog;
use store::{Store, StoreKey};
use tokio::runtime::Handle;
use vault::{DataKey, OsKeyring, SecretStore};

use crate::assistant::Assistant;
use crate::error::{AppError, ErrorCode};
use crate::tokens;

/// Environment variable that moves the data folder (tests, a second desk
/// profile); the platform's app-data folder otherwise. It must be a local
/// folder: the database takes an exclusive lock and refuses a second user.
pub const DATA_DIR_VARIABLE: &str = "TRO_LY_DATA_DIR";

/// Environment variable with a portal's base URL (https, or http on the
/// loopback only); without it the app runs in training mode against the
/// bundled sandbox portal.
pub const PORTAL_URL_VARIABLE: &str = "TRO_LY_PORTAL_URL";

/// Environment variable with the portal's Ed25519 public key (standard
/// base64 of 32 bytes), which signs catalog updates. Without it, a real
/// portal's updates are refused and the bundled definitions stay.
pub const PORTAL_KEY_VARIABLE: &str = "TRO_LY_PORTAL_KEY";

/// Environment variable naming the test account to sign in at start, against
/// a sandbox only (`cong-dan` by default in training mode).
pub const TEST_ACCOUNT_VARIABLE: &str = "TRO_LY_TEST_ACCOUNT";

/// Environment variable with the status polling interval in seconds.
pub const POLL_SECONDS_VARIABLE: &str = "TRO_LY_POLL_SECS";

/// The shortest polling interval accepted, so a typo never hammers a portal.
pub const MIN_POLL_SECONDS: u64 = 5;

/// The training portal's admin token is written here, inside the private
/// data folder, for the end-to-end tests and a trainer's own scripts.
pub const TRAINING_ADMIN_TOKEN_FILE: &str = "training-portal.admin-token";

/// Drafts deleted this long ago are removed for good at start-up; the UI
/// offers its undo for a few seconds only.
const UNDO_WINDOW: chrono::Duration = chrono::Duration::minutes(1);

/// What went wrong while opening; each has a message for the person.
#[derive(Debug, thiserror::Error)]
pub enum LaunchError {
    /// `TRO_LY_PORTAL_URL` is not a URL, or is plain http to another host.
    #[error(transparent)]
    PortalUrl(portal::Error),
    /// `TRO_LY_PORTAL_KEY` is not a base64 Ed25519 public key.
    #[error("the portal key is not a base64 Ed25519 public key")]
    PortalKey,
    /// The data folder could not be found.
    #[error("the data folder is unknown: {0}")]
    DataFolder(String),
    /// The keyring or the passphrase failed.
    #[error(transparent)]
    Vault(#[from] vault::Error),
    /// The database could not be opened.
    #[error(transparent)]
    Store(#[from] store::Error),
    /// The training portal did not start.
    #[error(transparent)]
    TrainingPortal(#[from] portal_sandbox::Error),
}

impl From<&LaunchError> for AppError {
    fn from(error: &LaunchError) -> Self {
        let code = match error {
            LaunchError::PortalUrl(portal::Error::InsecureUrl) => ErrorCode::LaunchPortalInsecure,
            LaunchError::PortalUrl(_) => ErrorCode::LaunchPortalUrl,
            LaunchError::PortalKey => ErrorCode::LaunchPortalKey,
            LaunchError::DataFolder(_) => ErrorCode::LaunchDataFolder,
            LaunchError::Vault(vault::Error::PassphraseTooShort { min }) => {
                return AppError::with(ErrorCode::VaultPassphraseShort, [("min", min.to_string())]);
            }
            LaunchError::Vault(_) => ErrorCode::VaultKeyring,
            LaunchError::Store(store::Error::WrongKey) => ErrorCode::VaultWrongKey,
            LaunchError::Store(e) => return AppError::from(e),
            LaunchError::TrainingPortal(_) => ErrorCode::LaunchTrainingPortal,
        };
        AppError::with(code, [])
    }
}

/// The settings the app starts with.
pub struct Settings {
    /// Where the database and attachments live.
    pub folder: PathBuf,
    /// A real portal's URL, or `None` for training mode.
    pub portal_url: Option<String>,
    /// The real portal's catalog-signing key.
    pub portal_key: Option<[u8; 32]>,
    /// How often the worker asks for status changes.
    pub poll_every: Duration,
}

impl Settings {
    /// Reads the settings from the environment, checking each.
    pub fn from_env(default_folder: impl FnOnce() -> Option<PathBuf>) -> Result<Self, LaunchError> {
        let folder = match std::env::var_os(DATA_DIR_VARIABLE) {
            Some(dir) => PathBuf::from(dir),
            None => default_folder().ok_or_else(|| LaunchError::DataFolder("no app-data folder".into()))?,
        };
        let portal_url = std::env::var(PORTAL_URL_VARIABLE).ok();
        if let Some(url) = &portal_url {
            portal::Client::new(url).map_err(LaunchError::PortalUrl)?;
        }
        let portal_key = std::env::var(PORTAL_KEY_VARIABLE)
            .ok()
            .map(|text| parse_public_key(&text))
            .transpose()?;
        Ok(Self {
            folder,
            portal_url,
            portal_key,
            poll_every: poll_interval(std::env::var(POLL_SECONDS_VARIABLE).ok().as_deref()),
        })
    }
}

/// The polling interval from its setting: 10 s by default, never under 5 s.
pub fn poll_interval(setting: Option<&str>) -> Duration {
    let seconds = setting.and_then(|s| s.trim().parse::<u64>().ok()).unwrap_or(10);
    Duration::from_secs(seconds.max(MIN_POLL_SECONDS))
}

fn parse_public_key(text: &str) -> Result<[u8; 32], LaunchError> {
    base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .ok()
        .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
        .ok_or(LaunchError::PortalKey)
}

/// Where the data key comes from on this machine.
pub enum KeySource {
    /// The OS keyring answers.
    Keyring(OsKeyring),
    /// No keyring: the person types a passphrase. `new_folder` is true when
    /// the folder has none yet, so the passphrase is being chosen.
    Passphrase {
        /// The folder has no passphrase yet.
        new_folder: bool,
    },
}

impl KeySource {
    /// The keyring when it answers, else a passphrase; a folder once set up
    /// with a passphrase keeps it.
    pub fn for_folder(folder: &Path) -> Self {
        if vault::has_passphrase(folder) {
            return KeySource::Passphrase { new_folder: false };
        }
        let ring = OsKeyring::for_folder(folder);
        match ring.probe() {
            Ok(()) => KeySource::Keyring(ring),
            Err(error) => {
                tracing::warn!(%error, "no OS keyring; the data will be opened with a passphrase");
                KeySource::Passphrase { new_folder: true }
            }
        }
    }
}

/// Opens everything with the data key and starts the worker on `runtime`;
/// the assistant the commands share. `keyring` keeps the portal session
/// (without one, the encrypted store itself keeps it); `on_event` hears
/// what the worker reports. Blocks while the training portal starts, so it
/// is called from a thread that may block, never from an async task.
pub fn open(
    runtime: &Handle,
    settings: &Settings,
    localizer: Arc<Localizer>,
    key: &DataKey,
    keyring: Option<OsKeyring>,
    on_event: impl Fn(sync::Event) + Send + Sync + 'static,
) -> Result<Assistant, LaunchError> {
    let (store, report) = Store::open(&settings.folder, &StoreKey::from_bytes(*key.as_bytes()))?;
    let cutoff = (chrono::Utc::now() - UNDO_WINDOW).to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    if let Err(error) = store.purge_deleted(&cutoff) {
        tracing::warn!(%error, "deleted drafts could not be purged; they stay in the bin");
    }
    let startup_notices = report
        .set_aside
        .map(|path| AppError {
            code: ErrorCode::StoreSetAside,
            args: BTreeMap::from([("path".into(), path.display().to_string())]),
        })
        .into_iter()
        .chain(crate::audit::startup_notice(&store))
        .collect();
    let store = Arc::new(store);
    let catalog = with_stored_updates(&Catalog::bundled().expect("the bundled catalog loads"), &store);
    let (training_portal, base_url, catalog_key) = match &settings.portal_url {
        Some(url) => (None, url.clone(), settings.portal_key),
        None => {
            let sandbox = runtime.block_on(start_training_portal(&settings.folder, key))?;
            let (url, public) = (sandbox.base_url(), sandbox.catalog_public_key());
            (Some(sandbox), url, Some(public))
        }
    };
    let mut client = portal::Client::new(&base_url).map_err(LaunchError::PortalUrl)?;
    if let Some(key) = catalog_key {
        client = client.with_catalog_key(&key).map_err(|_| LaunchError::PortalKey)?;
    }
    let config = sync::Config {
        poll_every: settings.poll_every,
        ..sync::Config::default()
    };
    let vault: Arc<dyn SecretStore> = match keyring {
        Some(ring) => Arc::new(ring),
        None => Arc::new(tokens::InStore(store.clone())),
    };
    let worker = sync::Worker::new(store.clone(), client, config, on_event);
    worker.session().use_vault(Arc::new(tokens::SessionVault(vault)));
    worker.set_known_versions(
        catalog
            .procedures()
            .iter()
            .map(|p| (p.definition.code.clone(), p.definition.version))
            .collect(),
    );
    let test_accounts = allows_test_accounts(training_portal.is_some(), &base_url);
    let account = match std::env::var(TEST_ACCOUNT_VARIABLE) {
        Ok(account) if test_accounts => Some(account),
        _ => training_portal.as_ref().map(|_| "cong-dan".to_owned()),
    };
    // Signed in before `open` returns, so the window, which asks who is
    // signed in as soon as the data is open, never finds nobody.
    if let Some(account) = account
        && worker.session().account().is_none()
        && let Err(error) = runtime.block_on(worker.session().sign_in_test_account(&account))
    {
        tracing::warn!(%error, "the test account could not sign in at start");
    }
    let running = worker.clone();
    runtime.spawn(async move { running.run().await });
    let assistant = Assistant {
        catalog: std::sync::RwLock::new(catalog),
        localizer,
        store,
        worker,
        training_portal,
        test_accounts,
        startup_notices,
    };
    assistant.follow_officer();
    Ok(assistant)
}

/// Whether test accounts may sign in: only against a sandbox, which is the
/// training portal or a portal on this computer (a real portal is https and
/// never on the loopback; `portal::Client::new` refuses http elsewhere).
pub fn allows_test_accounts(training: bool, base_url: &str) -> bool {
    training || base_url.starts_with("http://")
}

/// The bundled catalog with the newer definitions fetched from the portal
/// in earlier runs (checked and signed when fetched, kept in the encrypted
/// store); one that no longer loads under today's limits is skipped.
fn with_stored_updates(bundled: &Catalog, store: &Store) -> Catalog {
    let updates = store
        .catalog_updates()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(code, _, _, body)| {
            let definition = serde_json::from_str(&body).ok()?;
            procedures::Procedure::from_update(&code, &format!("portal:{code}"), definition)
                .inspect_err(|error| tracing::warn!(%error, "a stored catalog update is skipped"))
                .ok()
        });
    bundled.with_updates(updates)
}

/// Starts the bundled sandbox portal on 127.0.0.1 with its own encrypted
/// database in the data folder; its dossiers move on by themselves every
/// minute and are forgotten after 30 days.
async fn start_training_portal(folder: &Path, key: &DataKey) -> Result<portal_sandbox::Sandbox, portal_sandbox::Error> {
    let config = portal_sandbox::Config {
        database: Some(folder.join("training-portal.sqlite3")),
        database_key: Some(key.derive("training-portal-database")),
        admin_token_file: Some(folder.join(TRAINING_ADMIN_TOKEN_FILE)),
        auto_advance: Some(Duration::from_secs(60)),
        ..portal_sandbox::Config::default()
    };
    portal_sandbox::Sandbox::start(config).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_poll_interval_is_never_under_five_seconds() {
        assert_eq!(poll_interval(None), Duration::from_secs(10), "the default");
        assert_eq!(
            poll_interval(Some("0")),
            Duration::from_secs(5),
            "0 would spin against the portal"
        );
        assert_eq!(poll_interval(Some("30")), Duration::from_secs(30));
        assert_eq!(
            poll_interval(Some("soon")),
            Duration::from_secs(10),
            "a typo falls back to the default"
        );
    }

    #[test]
    fn test_accounts_only_sign_in_against_a_sandbox() {
        assert!(
            allows_test_accounts(true, "http://127.0.0.1:41000"),
            "the training portal"
        );
        assert!(
            allows_test_accounts(false, "http://127.0.0.1:41000"),
            "a sandbox on this computer"
        );
        assert!(
            !allows_test_accounts(false, "https://dichvucong.example.vn"),
            "never a real portal"
        );
    }

    #[test]
    fn a_portal_key_must_be_32_bytes_of_base64() {
        assert!(parse_public_key("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").is_ok());
        assert!(matches!(parse_public_key("not a key"), Err(LaunchError::PortalKey)));
        assert!(
            matches!(parse_public_key("AAAA"), Err(LaunchError::PortalKey)),
            "too short"
        );
    }

    #[test]
    fn a_damaged_training_portal_database_is_a_launch_error_with_its_message() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("training-portal.sqlite3"), vec![0x5a; 8192]).unwrap();
        let key = vault::passphrase_key(dir.path(), "mật khẩu tập huấn").unwrap();
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let error = runtime
            .block_on(start_training_portal(dir.path(), &key))
            .map(|_| ())
            .expect_err("a file that is no database does not start the training portal");
        assert_eq!(
            AppError::from(&LaunchError::TrainingPortal(error)).code,
            ErrorCode::LaunchTrainingPortal,
            "setup shows this code's message in the error dialog instead of panicking"
        );
    }

    #[test]
    fn launch_errors_name_a_message() {
        let code = |e: LaunchError| AppError::from(&e).code;
        assert_eq!(
            code(LaunchError::PortalUrl(portal::Error::InsecureUrl)),
            ErrorCode::LaunchPortalInsecure
        );
        assert_eq!(
            code(LaunchError::Store(store::Error::WrongKey)),
            ErrorCode::VaultWrongKey
        );
        assert_eq!(
            AppError::from(&LaunchError::Vault(vault::Error::PassphraseTooShort { min: 8 })).args["min"],
            "8"
        );
    }
}
