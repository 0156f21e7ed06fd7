//! What the sync worker reports, turned into an event for the window and,
//! for a status change, a desktop notification.

use std::sync::Arc;

use l10n::{Locale, Localizer};
use portal::types::Status;
use serde::Serialize;
use sync::Event;
use tauri::{AppHandle, Manager};
use tauri_plugin_notification::NotificationExt;
use tauri_specta::Event as _;

/// A change the UI reacts to.
#[derive(Debug, Clone, Serialize, specta::Type, tauri_specta::Event)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SyncNotice {
    /// The portal became reachable or unreachable.
    Online {
        /// Reachable now.
        online: bool,
    },
    /// A submission was confirmed by the portal.
    Delivered {
        /// The draft it came from.
        draft_id: i64,
        /// The dossier code.
        code: String,
    },
    /// A submission's files are going out: the file now (from 1) of
    /// `files`, bytes `sent` of `total`; `stalled` when that file sent
    /// nothing for a while and goes again at the next attempt.
    Upload {
        /// The draft the submission came from.
        draft_id: i64,
        /// The file going out now, from 1.
        file: u32,
        /// How many files go out in this attempt.
        files: u32,
        /// Bytes sent so far.
        sent: u64,
        /// Bytes to send in all.
        total: u64,
        /// The file sent nothing for a while; it is tried again.
        stalled: bool,
    },
    /// The portal refused a submission; the draft is sent back to the user.
    /// (Not the agency's decision, which is a status change to `rejected`.)
    SentBack {
        /// The draft.
        draft_id: i64,
        /// Why, when the draft's field errors do not say it: names the
        /// Fluent message `error-<reason>`.
        reason: Option<String>,
    },
    /// A dossier's status changed.
    StatusChanged {
        /// The dossier code.
        code: String,
        /// The new status.
        status: Status,
        /// The agency's note.
        note: Option<String>,
    },
    /// A supplement, withdrawal, rating or feedback reached the portal, or was refused.
    ActionDone {
        /// What it was.
        action: store::ActionKind,
        /// The dossier's code, when it was about one.
        code: Option<String>,
        /// Why the portal refused it: names the Fluent message `error-<refusal>`.
        refusal: Option<String>,
    },
    /// A feedback got its answer.
    FeedbackAnswered {
        /// Its tracking code.
        code: String,
    },
    /// A dossier's result files were downloaded and checked.
    ResultSaved {
        /// The dossier code.
        code: String,
    },
    /// The day a dossier's result is due changed.
    DueChanged {
        /// The dossier code.
        code: String,
        /// The new day (`YYYY-MM-DD`).
        due_date: String,
        /// True when the agency sent an apology letter with it.
        apology: bool,
    },
}

/// Forwards a worker event to the window, raises a desktop notification
/// when a dossier moved on, and puts newer definitions into the catalog
/// (drafts move to them when next opened).
pub fn forward(app: &AppHandle, localizer: &Localizer, event: Event) {
    let notice = match event {
        Event::CatalogUpdated { procedure } => {
            if let Some(state) = app.try_state::<assistant::Assistant>() {
                state.apply_update(*procedure);
            }
            return;
        }
        Event::Online(online) => SyncNotice::Online { online },
        Event::Delivered { draft_id, dossier } => SyncNotice::Delivered {
            draft_id,
            code: dossier.code,
        },
        Event::SentBack { draft_id, reason } => SyncNotice::SentBack { draft_id, reason },
        Event::Upload(progress) => SyncNotice::Upload {
            draft_id: progress.draft_id,
            file: u32::try_from(progress.file).unwrap_or(u32::MAX),
            files: u32::try_from(progress.files).unwrap_or(u32::MAX),
            sent: progress.sent,
            total: progress.total,
            stalled: progress.stalled,
        },
        Event::ActionDone {
            kind,
            dossier_id,
            refusal,
        } => SyncNotice::ActionDone {
            action: kind,
            code: dossier_id.and_then(|id| dossier_code(app, &id)),
            refusal,
        },
        Event::FeedbackAnswered { code } => SyncNotice::FeedbackAnswered { code },
        Event::ResultSaved { dossier } => SyncNotice::ResultSaved { code: dossier.code },
        Event::DueChanged { dossier, .. } => {
            let Some(due_date) = dossier.due_date.clone() else {
                return;
            };
            SyncNotice::DueChanged {
                code: dossier.code.clone(),
                due_date,
                apology: dossier.due_changes.last().is_some_and(|c| c.apology),
            }
        }
        Event::StatusChanged { dossier, .. } => {
            // The notification speaks the language the person chose in the window.
            let locale = app
                .try_state::<crate::language::Language>()
                .map_or(Locale::Vi, |language| language.current());
            let mut args = fluent_args(&dossier.code);
            let label = localizer.message(locale, &format!("dossier-status-{}", dossier.status.name()), None);
            args.set("status", label);
            args.set("date", l10n::format_date(chrono::Local::now().date_naive()));
            let title = localizer.message(locale, "notification-status-title", Some(&args));
            let body = localizer.message(locale, "notification-status-body", Some(&args));
            if let Err(error) = app.notification().builder().title(title).body(body).show() {
                tracing::warn!(%error, "no desktop notification (no notification service?)");
            }
            let note = dossier.history.last().and_then(|h| h.note.clone());
            SyncNotice::StatusChanged {
                code: dossier.code,
                status: dossier.status,
                note,
            }
        }
    };
    if let Err(error) = notice.emit(app) {
        tracing::warn!(%error, "the window did not get a sync event");
    }
}

/// What the worker reports, forwarded to the window (see [`forward`]).
pub fn forwarder(app: &AppHandle, localizer: Arc<Localizer>) -> impl Fn(Event) + Send + Sync + 'static {
    let app = app.clone();
    move |event| forward(&app, &localizer, event)
}

/// The code of a dossier kept on this machine, by the portal's id.
fn dossier_code(app: &AppHandle, portal_id: &str) -> Option<String> {
    let state = app.try_state::<assistant::Assistant>()?;
    let dossiers = state.store.dossiers().ok()?;
    dossiers.into_iter().find(|d| d.portal_id == portal_id).map(|d| d.code)
}

fn fluent_args(code: &str) -> l10n::FluentArgs<'static> {
    let mut args = l10n::FluentArgs::new();
    args.set("code", code.to_owned());
    args
}
