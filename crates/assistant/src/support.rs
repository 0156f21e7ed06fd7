//! Logs an officer can send: daily log files in the app's log folder (the
//! newest [`LOG_FILES_KEPT`] kept), the last warnings and errors kept in
//! memory, and the support text "Sao chép thông tin hỗ trợ" copies.
//!
//! No log line is built from answers, names or files; as a second guard,
//! every line written to the log file or kept for the support text passes
//! [`scrub`], which hides long digit runs (ID, phone and account numbers),
//! e-mail addresses and the home folder (which may carry a person's name).

use std::collections::VecDeque;
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_appender::non_blocking::WorkerGuard;
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

use crate::Assistant;

/// How many daily log files are kept.
pub const LOG_FILES_KEPT: usize = 7;

/// How many recent warnings and errors the support text carries.
pub const RECENT_KEPT: usize = 20;

/// The log files' names: `tro-ly-dich-vu-cong.<yyyy-mm-dd>.log`.
const LOG_PREFIX: &str = "tro-ly-dich-vu-cong";

/// What a digit run of at least this many digits is taken for: an ID,
/// phone or account number.
const HIDDEN_DIGITS: usize = 9;

/// Hides what could name or identify a person in a log line: runs of
/// [`HIDDEN_DIGITS`] digits or more (dots and spaces inside allowed),
/// e-mail addresses, and the home folder.
pub fn scrub(line: &str) -> String {
    let home = std::env::var("HOME").ok().filter(|h| h.len() > 1);
    let line = match &home {
        Some(home) => line.replace(home.as_str(), "~"),
        None => line.to_owned(),
    };
    let line = hide_digits(&line);
    let mut out = String::with_capacity(line.len());
    for word in line.split_inclusive(|c: char| c.is_whitespace() || c == ',' || c == ';') {
        let trimmed = word.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ';');
        if trimmed.contains('@') && trimmed.contains('.') && !trimmed.starts_with('@') {
            out.push_str("<email>");
            out.push_str(&word[trimmed.len()..]);
        } else {
            out.push_str(word);
        }
    }
    out
}

/// Replaces each run of [`HIDDEN_DIGITS`]+ digits (with dots or spaces
/// between digits, as people write ID and phone numbers) by `<số>`; a dash
/// ends a run, so dossier codes and dates stay.
fn hide_digits(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let mut end = i;
            let mut digits = 0;
            let mut j = i;
            while j < chars.len() {
                if chars[j].is_ascii_digit() {
                    digits += 1;
                    end = j + 1;
                } else if !(matches!(chars[j], '.' | ' ') && chars.get(j + 1).is_some_and(char::is_ascii_digit)) {
                    break;
                }
                j += 1;
            }
            if digits >= HIDDEN_DIGITS {
                out.push_str("<số>");
            } else {
                out.extend(&chars[i..end]);
            }
            i = end;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// A warning or error kept for the support text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecentError {
    /// When (RFC 3339, UTC).
    pub at: String,
    /// `WARN` or `ERROR`.
    pub level: String,
    /// Where it came from (the module).
    pub target: String,
    /// The message and its fields, scrubbed.
    pub text: String,
}

/// The last [`RECENT_KEPT`] warnings and errors, as a tracing layer.
#[derive(Debug, Clone, Default)]
pub struct RecentErrors(Arc<Mutex<VecDeque<RecentError>>>);

impl RecentErrors {
    /// The kept warnings and errors, oldest first.
    pub fn list(&self) -> Vec<RecentError> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .cloned()
            .collect()
    }

    fn push(&self, error: RecentError) {
        let mut kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if kept.len() == RECENT_KEPT {
            kept.pop_front();
        }
        kept.push_back(error);
    }
}

/// Writes an event's message and fields as `message key=value …`.
#[derive(Default)]
struct Fields(String);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if !self.0.is_empty() {
            self.0.push(' ');
        }
        if field.name() == "message" {
            let _ = write!(self.0, "{value:?}");
        } else {
            let _ = write!(self.0, "{}={value:?}", field.name());
        }
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            if !self.0.is_empty() {
                self.0.push(' ');
            }
            self.0.push_str(value);
        } else {
            self.record_debug(field, &value);
        }
    }
}

impl<S: Subscriber> Layer<S> for RecentErrors {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let level = *event.metadata().level();
        if level > Level::WARN {
            return;
        }
        let mut fields = Fields::default();
        event.record(&mut fields);
        self.push(RecentError {
            at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            level: level.to_string(),
            target: event.metadata().target().to_owned(),
            text: scrub(&fields.0),
        });
    }
}

/// A writer that scrubs each formatted log line before passing it on.
pub struct Scrubbing<W>(W);

impl<W: Write> Write for Scrubbing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.0.write_all(scrub(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// Makes [`Scrubbing`] writers around another writer maker's.
#[derive(Clone)]
pub struct ScrubbingMaker<M>(M);

impl<'a, M: MakeWriter<'a>> MakeWriter<'a> for ScrubbingMaker<M> {
    type Writer = Scrubbing<M::Writer>;

    fn make_writer(&'a self) -> Self::Writer {
        Scrubbing(self.0.make_writer())
    }
}

/// The app's logging, while it runs: keep it alive as long as the app.
pub struct Logging {
    /// Where the log files are; none when no folder could be written.
    pub folder: Option<PathBuf>,
    /// The last warnings and errors.
    pub recent: RecentErrors,
    _flush: Option<WorkerGuard>,
}

/// Makes `folder` owner-only and opens its daily log file, pruning all but
/// the newest [`LOG_FILES_KEPT`].
fn open_log_folder(folder: &Path) -> std::io::Result<RollingFileAppender> {
    std::fs::create_dir_all(folder)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700))?;
    }
    RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix(LOG_PREFIX)
        .filename_suffix("log")
        .max_log_files(LOG_FILES_KEPT)
        .build(folder)
        .map_err(std::io::Error::other)
}

/// Starts logging, every line scrubbed, to standard error and to daily
/// files in `folder` (made owner-only, the newest [`LOG_FILES_KEPT`] kept);
/// where no folder is given or it cannot be written, to standard error
/// only, which is logged. `RUST_LOG` sets the level (default `info`).
/// Only the first call in a process installs the subscriber.
pub fn start_logging(folder: Option<&Path>) -> Logging {
    let (file, flush, failure) = match folder.map(open_log_folder) {
        Some(Ok(appender)) => {
            let (file, flush) = tracing_appender::non_blocking(appender);
            (Some(file), Some(flush), None)
        }
        Some(Err(error)) => (None, None, Some(error)),
        None => (None, None, None),
    };
    let recent = RecentErrors::default();
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into());
    let installed = tracing_subscriber::registry()
        .with(filter)
        .with(tracing_subscriber::fmt::layer().with_writer(ScrubbingMaker(std::io::stderr)))
        .with(file.as_ref().map(|file| {
            tracing_subscriber::fmt::layer()
                .with_ansi(false)
                .with_writer(ScrubbingMaker(file.clone()))
        }))
        .with(recent.clone())
        .try_init();
    if installed.is_err() {
        tracing::debug!("logging was already set up in this process");
    }
    if let Some(error) = failure {
        tracing::warn!(kind = ?error.kind(), "the log folder cannot be written; logging to standard error only");
    }
    Logging {
        folder: flush.as_ref().and(folder.map(Path::to_path_buf)),
        recent,
        _flush: flush,
    }
}

/// The text "Sao chép thông tin hỗ trợ" copies for a support call: the
/// version and platform, the settings, the connection and queues, and the
/// last warnings and errors, with nothing that names a citizen (no answers,
/// names, numbers, account or paths under the home folder).
pub fn support_text(assistant: Option<&Assistant>, recent: &[RecentError], locale: &str, text_size: u16) -> String {
    let mut text = String::new();
    let _ = writeln!(text, "Trợ lý Dịch vụ công {}", env!("CARGO_PKG_VERSION"));
    let _ = writeln!(text, "platform: {} {}", std::env::consts::OS, std::env::consts::ARCH);
    let _ = writeln!(
        text,
        "time: {}",
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    );
    let _ = writeln!(text, "language: {locale}; text size: {text_size}%");
    match assistant {
        Some(assistant) => {
            let portal = assistant.portal_status();
            let queued = assistant.store.queued_submissions().map(|q| q.len()).unwrap_or(0);
            let actions = assistant
                .store
                .actions()
                .map(|a| a.iter().filter(|a| a.state == store::ActionState::Queued).count())
                .unwrap_or(0);
            let _ = writeln!(
                text,
                "portal: {} ({})",
                if portal.training {
                    "training sandbox"
                } else {
                    "configured portal"
                },
                scrub(&portal.base_url)
            );
            let _ = writeln!(
                text,
                "connection: {}; signed in: {}",
                if portal.online { "reachable" } else { "unreachable" },
                if portal.account.is_some() { "yes" } else { "no" }
            );
            let _ = writeln!(text, "waiting to be sent: {queued} dossiers, {actions} follow-ups");
        }
        None => {
            let _ = writeln!(text, "data: locked (waiting for the passphrase)");
        }
    }
    let _ = writeln!(text, "recent warnings and errors: {}", recent.len());
    for error in recent {
        let _ = writeln!(text, "  {} {} {}: {}", error.at, error.level, error.target, error.text);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_emails_and_the_home_folder_are_hidden() {
        assert_eq!(scrub("căn cước 001085012345 sai"), "căn cước <số> sai");
        assert_eq!(
            scrub("số 001.085.012345, điện thoại 0912 345 678"),
            "số <số>, điện thoại <số>"
        );
        assert_eq!(scrub("gửi an.nguyen@example.vn lúc 10:30"), "gửi <email> lúc 10:30");
        assert_eq!(
            scrub("dossier X01-20261207-0001 in 12 ms"),
            "dossier X01-20261207-0001 in 12 ms",
            "a dossier code and small numbers stay"
        );
        if let Ok(home) = std::env::var("HOME")
            && home.len() > 1
        {
            assert_eq!(scrub(&format!("{home}/data/x.sqlite3")), "~/data/x.sqlite3");
        }
    }

    #[test]
    fn only_the_last_twenty_warnings_are_kept() {
        let recent = RecentErrors::default();
        for i in 0..25 {
            recent.push(RecentError {
                at: String::new(),
                level: "WARN".into(),
                target: "t".into(),
                text: i.to_string(),
            });
        }
        let kept = recent.list();
        assert_eq!(kept.len(), RECENT_KEPT);
        assert_eq!((kept[0].text.as_str(), kept[19].text.as_str()), ("5", "24"));
    }
}
