//! The assistant: everything the app does, with no window. The desktop
//! shell calls one method per command; tests drive it directly.

use std::path::Path;
use std::sync::{Arc, RwLock, RwLockReadGuard};

use chrono::NaiveDate;
use l10n::Localizer;
use portal::types::AssistedChannel;
use procedures::definition::{DocumentRequirement, Supply};
use procedures::engine::{Answer, Attached, InterviewState};
use procedures::fee::FeeQuote;
use procedures::{Catalog, Procedure};
use store::{Attachment, Profile, Store};

use crate::error::{AppError, Error, Result};
use crate::views::{
    AttachmentAdded, DossierView, DraftView, PaymentCode, PortalStatus, Submissions, SubmitResult, TestAccountView,
};

/// The app's shared state: the catalog, the encrypted store, the sync worker
/// and, in training mode, the sandbox portal.
pub struct Assistant {
    /// The procedure catalog with its search index: the bundled one with the
    /// portal's newer versions in place.
    pub catalog: RwLock<Catalog>,
    /// Fluent bundles for the shell's own text (dialogs, notifications).
    pub localizer: Arc<Localizer>,
    /// The local database, shared with the sync worker.
    pub store: Arc<Store>,
    /// The outbox and status worker.
    pub worker: Arc<sync::Worker>,
    /// The in-process sandbox portal in training mode; kept here so it runs
    /// as long as the app does.
    pub training_portal: Option<portal_sandbox::Sandbox>,
    /// Whether the portal is a sandbox whose test accounts may sign in
    /// (see [`crate::launch::allows_test_accounts`]).
    pub test_accounts: bool,
    /// Messages for the user from start-up (a corrupt database set aside).
    pub startup_notices: Vec<AppError>,
}

/// Today's date on this machine, for the engine's date rules.
pub(crate) fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

impl Assistant {
    /// The catalog as it stands.
    pub fn catalog(&self) -> RwLockReadGuard<'_, Catalog> {
        self.catalog.read().unwrap_or_else(|p| p.into_inner())
    }

    /// The catalog's procedure with this code (a copy, so no lock is held).
    pub fn procedure(&self, code: &str) -> Result<Procedure> {
        self.catalog()
            .get(code)
            .cloned()
            .ok_or_else(|| Error::ProcedureNotFound(code.to_owned()))
    }

    /// The fee as the procedure's page shows it today, for a person in
    /// `province` (a 2025 province code) when one is chosen.
    pub fn fee_quote(&self, code: &str, province: Option<&str>) -> Result<FeeQuote> {
        let catalog = self.catalog();
        let procedure = catalog
            .get(code)
            .ok_or_else(|| Error::ProcedureNotFound(code.to_owned()))?;
        Ok(procedures::engine::quote_fee(procedure, province, today()))
    }

    /// The what-to-bring checklist of a procedure as a PDF, in `locale`.
    pub fn checklist_pdf(&self, code: &str, locale: l10n::Locale) -> Result<Vec<u8>> {
        let procedure = self.procedure(code)?;
        crate::checklist::of(&procedure, &self.localizer, locale, today())
            .to_pdf()
            .map_err(Error::Form)
    }

    /// The procedure a draft was started on, checked against the one the
    /// web view named: a command never applies another procedure's rules.
    pub fn draft_procedure(&self, draft_id: i64, named: &str) -> Result<Procedure> {
        check_draft_procedure(&self.store, draft_id, named)?;
        self.procedure(named)
    }

    /// Puts a newer definition from the portal into the catalog.
    pub fn apply_update(&self, procedure: Procedure) {
        let mut catalog = self.catalog.write().unwrap_or_else(|p| p.into_inner());
        *catalog = catalog.with_updates([procedure]);
    }

    /// Starts a draft of `code`, filled in from a profile when one is given.
    pub fn create_draft(&self, code: &str, profile_id: Option<i64>) -> Result<DraftView> {
        let id = self.store.create_draft(&self.procedure(code)?, profile_id, today())?;
        self.open_draft(id)
    }

    /// A draft to resume, moved to the catalog's newer definition first if
    /// there is one, with its interview evaluated and its attachments. A
    /// submitted draft is shown as it was sent: never upgraded, evaluated
    /// with the definition it was submitted on.
    pub fn open_draft(&self, id: i64) -> Result<DraftView> {
        let mut saved = self.store.open_draft(id)?;
        let mut procedure = self.procedure(&saved.summary.procedure_code)?;
        if saved.summary.submitted_at.is_some() {
            if procedure.definition.version != saved.summary.procedure_version {
                let sent = self.store.draft_definition(id)?;
                procedure = Procedure::from_definition("submitted draft", sent).map_err(Error::Definition)?;
            }
        } else if procedure.definition.version > saved.summary.procedure_version {
            self.store.upgrade_draft(id, &procedure, today())?;
            saved = self.store.open_draft(id)?;
        }
        let attachments = self.store.attachments(id)?;
        Ok(DraftView {
            state: procedures::evaluate(&procedure, &saved.answers, &attached(&attachments), today()),
            attachments,
            rejection: saved.rejection,
            draft: saved.summary,
            answers: saved.answers,
            prefilled: saved.prefilled,
            notice: saved.notice,
            supplement: self.store.supplement(id)?,
        })
    }

    /// Saves one answer of a draft of `code` (`None` clears it); the
    /// interview as it now stands, once committed.
    pub fn save_answer(
        &self,
        draft_id: i64,
        code: &str,
        field_id: &str,
        answer: Option<&Answer>,
    ) -> Result<InterviewState> {
        let procedure = self.draft_procedure(draft_id, code)?;
        Ok(self
            .store
            .save_answer(draft_id, &procedure, field_id, answer, today())?)
    }

    /// The document `document_id` of a draft of `code`, whose rules an
    /// attachment must meet.
    pub fn document(&self, draft_id: i64, code: &str, document_id: &str) -> Result<DocumentRequirement> {
        attachable(&self.draft_procedure(draft_id, code)?, document_id)
    }

    /// Checks the file at `path` against the document's rules and attaches
    /// it, replacing the document's earlier file; the interview as it now
    /// stands comes with it (a document may have been what held it back).
    /// A portrait photo is checked against the document's photo rules too.
    pub fn attach(&self, draft_id: i64, document: &DocumentRequirement, path: &Path) -> Result<AttachmentAdded> {
        let attachment = self.store.attach(draft_id, document, path)?;
        self.attached(draft_id, document, attachment)
    }

    /// Replaces a portrait photo attached to the document with a copy
    /// cropped about its centre to the printed ratio and shrunk to the size
    /// limit (a new JPEG; the person's own file is not touched).
    pub fn fix_photo(&self, draft_id: i64, code: &str, document_id: &str) -> Result<AttachmentAdded> {
        let document = self.document(draft_id, code, document_id)?;
        let rules = document
            .photo
            .as_ref()
            .ok_or_else(|| Error::DocumentNotFound(document_id.to_owned()))?;
        let current = self
            .store
            .attachments(draft_id)?
            .into_iter()
            .find(|a| a.document_id == document.id)
            .ok_or_else(|| Error::DocumentNotFound(document_id.to_owned()))?;
        let bytes = self.store.attachment_bytes(&current.sha256)?;
        let fixed = photo::fit(&bytes, rules).map_err(Error::PhotoCannotFix)?;
        let stem = current
            .file_name
            .rsplit_once('.')
            .map_or(current.file_name.as_str(), |(stem, _)| stem);
        let name = format!("{stem}-{}x{}cm.jpg", rules.width_cm, rules.height_cm);
        let attachment = self.store.attach_made(draft_id, &document, &name, &fixed)?;
        self.attached(draft_id, &document, attachment)
    }

    fn attached(
        &self,
        draft_id: i64,
        document: &DocumentRequirement,
        attachment: Attachment,
    ) -> Result<AttachmentAdded> {
        let photo = match &document.photo {
            Some(rules) => Some(photo::check(&self.store.attachment_bytes(&attachment.sha256)?, rules)),
            None => None,
        };
        Ok(AttachmentAdded {
            attachment,
            state: self.draft_state(draft_id)?,
            photo,
        })
    }

    /// Removes an attached file; the interview of its draft as it now stands.
    pub fn remove_attachment(&self, id: i64) -> Result<InterviewState> {
        let draft_id = self.store.remove_attachment(id)?;
        self.draft_state(draft_id)
    }

    /// The interview of a draft as its saved answers and files stand.
    fn draft_state(&self, draft_id: i64) -> Result<InterviewState> {
        let saved = self.store.open_draft(draft_id)?;
        let procedure = self.procedure(&saved.summary.procedure_code)?;
        let attachments = self.store.attachments(draft_id)?;
        Ok(procedures::evaluate(
            &procedure,
            &saved.answers,
            &attached(&attachments),
            today(),
        ))
    }

    /// Copies a changed answer of a draft back into the profile it came from.
    pub fn update_profile_from_draft(&self, draft_id: i64, code: &str, field_id: &str) -> Result<Profile> {
        let procedure = self.draft_procedure(draft_id, code)?;
        let meaning = procedure
            .definition
            .field(field_id)
            .and_then(|f| f.meaning)
            .ok_or_else(|| Error::NoMeaning(field_id.to_owned()))?;
        Ok(self.store.update_profile_from_draft(draft_id, field_id, meaning)?)
    }

    /// Submits a ready draft: it goes into the outbox at once and out as
    /// soon as the portal is reachable. An officer files it on behalf of the
    /// citizen served, through `channel` (see [`Assistant::on_behalf`]);
    /// for a citizen the channel means nothing.
    pub fn submit_draft(&self, draft_id: i64, channel: AssistedChannel) -> Result<SubmitResult> {
        let draft = self.store.open_draft(draft_id)?;
        let procedure = self.procedure(&draft.summary.procedure_code)?;
        let attachments = self.store.attachments(draft_id)?;
        let mut payload =
            sync::submission_payload(&procedure, &draft.answers, &attachments, today()).ok_or(Error::NotReady)?;
        if self.is_officer() {
            payload.on_behalf = Some(self.on_behalf(channel)?);
        }
        let outbox_id = self.worker.submit(draft_id, &payload)?;
        Ok(SubmitResult {
            outbox_id,
            online: self.worker.is_online(),
        })
    }

    /// Submissions waiting in the outbox, and the dossiers the portal
    /// confirmed. A stored dossier that no longer reads is left out, logged.
    pub fn list_submissions(&self) -> Result<Submissions> {
        let dossiers = self
            .store
            .dossiers()?
            .into_iter()
            .filter_map(|d| match serde_json::from_str::<portal::types::Dossier>(&d.body) {
                Ok(dossier) => Some(DossierView::new(dossier, d.person, d.draft_id)),
                Err(error) => {
                    tracing::warn!(%error, "a stored dossier could not be read; it is left out of the list");
                    None
                }
            })
            .collect();
        Ok(Submissions {
            queued: self.store.queued_submissions()?,
            dossiers,
            actions: self.store.actions()?,
            results: self.store.results()?,
        })
    }

    /// The checked, drawn VietQR code that pays the waiting fee of the
    /// dossier the portal knows as `dossier_id`.
    pub fn payment_code(&self, dossier_id: &str) -> Result<PaymentCode> {
        let dossier = self.stored_dossier(dossier_id).map_err(|_| Error::NoPaymentWaiting)?;
        crate::payment::code_for(&dossier)
    }

    /// The dossier the portal knows as `dossier_id`, as last stored.
    pub(crate) fn stored_dossier(&self, dossier_id: &str) -> Result<portal::types::Dossier> {
        let stored = self
            .store
            .dossiers()?
            .into_iter()
            .find(|d| d.portal_id == dossier_id)
            .ok_or(Error::DossierNotFound)?;
        serde_json::from_str(&stored.body).map_err(|error| {
            tracing::warn!(%error, "a stored dossier could not be read");
            Error::DossierNotFound
        })
    }

    /// Signs in a test account (training mode, or a sandbox portal only).
    pub async fn sign_in(&self, account: &str) -> Result<PortalStatus> {
        if !self.test_accounts {
            return Err(Error::NotTraining);
        }
        self.worker
            .session()
            .sign_in_test_account(account)
            .await
            .map_err(Error::Portal)?;
        self.follow_officer();
        self.worker.wake();
        Ok(self.portal_status())
    }

    /// Signs in through the system browser: `open` shows the portal's page,
    /// `done_page` is what the browser shows once it came back.
    pub async fn sign_in_with_browser(&self, open: impl Fn(&str), done_page: &str) -> Result<PortalStatus> {
        self.worker
            .session()
            .sign_in_with_browser(open, done_page)
            .await
            .map_err(Error::Portal)?;
        self.follow_officer();
        self.worker.wake();
        Ok(self.portal_status())
    }

    /// Signs out (the portal revokes the session's tokens); queued
    /// submissions wait for the next sign-in.
    pub async fn sign_out(&self) -> PortalStatus {
        self.worker.session().sign_out().await;
        self.follow_officer();
        self.portal_status()
    }

    /// The portal connection as the UI shows it.
    pub fn portal_status(&self) -> PortalStatus {
        let me = self.worker.session().me();
        PortalStatus {
            training: self.training_portal.is_some(),
            base_url: self.worker.base_url().to_owned(),
            account: self.worker.session().account(),
            name: me.as_ref().map(|me| me.name.clone()),
            officer: me.is_some_and(|me| me.role == portal::types::Role::Officer),
            online: self.worker.is_online(),
            // Only a sandbox has test accounts; a real portal signs
            // people in through its own page.
            test_accounts: if self.test_accounts {
                portal_sandbox::TEST_ACCOUNTS
                    .iter()
                    .map(|a| TestAccountView {
                        id: a.id.to_owned(),
                        name: a.name.to_owned(),
                        officer: a.role == portal::types::Role::Officer,
                    })
                    .collect()
            } else {
                Vec::new()
            },
        }
    }
}

/// Fails with [`Error::ProcedureMismatch`] unless the draft was started on
/// the procedure `named`.
fn check_draft_procedure(store: &Store, draft_id: i64, named: &str) -> Result<()> {
    if store.draft_procedure_code(draft_id)? != named {
        return Err(Error::ProcedureMismatch);
    }
    Ok(())
}

/// The documents that have a file among `attachments`.
pub(crate) fn attached(attachments: &[Attachment]) -> Attached {
    attachments.iter().map(|a| a.document_id.clone()).collect()
}

/// The procedure's document `document_id`, if a file can be attached to it:
/// the form the app fills from the answers takes none.
pub fn attachable(procedure: &Procedure, document_id: &str) -> Result<DocumentRequirement> {
    let document = procedure.definition.documents.iter().find(|d| d.id == document_id);
    match document {
        None => Err(Error::DocumentNotFound(document_id.to_owned())),
        Some(d) if d.supply == Supply::AppForm => Err(Error::DocumentFilledByApp(d.id.clone())),
        Some(d) => Ok(d.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_naming_another_procedure_than_the_drafts_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open(dir.path(), &store::StoreKey::from_bytes([3; 32])).unwrap();
        let catalog = Catalog::bundled().unwrap();
        let birth = catalog.get("1.001193").unwrap();
        let other = catalog
            .procedures()
            .iter()
            .find(|p| p.definition.code != "1.001193")
            .unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let draft = store.create_draft(birth, None, today).unwrap();
        assert!(
            matches!(
                check_draft_procedure(&store, draft, &other.definition.code),
                Err(Error::ProcedureMismatch)
            ),
            "another procedure's size, kind and meaning rules are never applied to this draft"
        );
        assert!(
            check_draft_procedure(&store, draft, "1.001193").is_ok(),
            "its own procedure is"
        );
    }
}
