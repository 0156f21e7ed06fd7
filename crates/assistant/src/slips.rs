//! The desk's slips for a dossier it received: the receipt and appointment
//! slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả), with the fields the
//! circular lists (TT 03/2025/TT-VPCP, as the provinces restate it), in the
//! reader's language. Only an officer prints it, for a dossier filed from
//! this PC, once the desk is set.

use chrono::{DateTime, Datelike, Local, NaiveDate};
use forms::{ReceiptSlip, SlipLine};
use l10n::{Locale, format_date};
use procedures::Procedure;
use procedures::admin_units;
use procedures::definition::{LocalizedText, Meaning};
use procedures::engine::{Answer, Answers, meanings_in_force};

use crate::assistant::{Assistant, today};
use crate::error::{Error, Result};
use crate::officer::DeskView;

/// What the slip says of the applicant, from the answers of the filer.
#[derive(Debug, Default)]
struct Applicant {
    name: Option<String>,
    citizen_id: Option<String>,
    address: Option<String>,
    phone: Option<String>,
    email: Option<String>,
}

impl Applicant {
    /// The filer's values, read through the fields' meanings.
    fn of(procedure: &Procedure, answers: &Answers, today: NaiveDate) -> Self {
        let mut applicant = Applicant::default();
        for field in meanings_in_force(procedure, answers, today) {
            let (Some(meaning), Some(answer)) = (field.meaning, answers.get(&field.id)) else {
                continue;
            };
            let text = match answer {
                Answer::Text(text) => Some(text.clone()),
                Answer::Address(address) => Some(
                    [
                        Some(address.street.clone()).filter(|s| !s.is_empty()),
                        admin_units::commune(&address.province, &address.commune).map(|c| c.name.clone()),
                        admin_units::province(&address.province).map(|p| p.name.clone()),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", "),
                ),
                _ => None,
            };
            let slot = match meaning {
                Meaning::FullName => &mut applicant.name,
                Meaning::CitizenId => &mut applicant.citizen_id,
                Meaning::PermanentAddress | Meaning::CurrentAddress => &mut applicant.address,
                Meaning::Phone => &mut applicant.phone,
                Meaning::Email => &mut applicant.email,
                Meaning::BirthDate | Meaning::Sex => continue,
            };
            if slot.is_none() {
                *slot = text;
            }
        }
        applicant
    }
}

/// The `slip-time` arguments (hour, minute, day) of an RFC 3339 time, in local time.
fn time_of_day(at: &str) -> Option<[(&'static str, String); 3]> {
    let local = DateTime::parse_from_rfc3339(at).ok()?.with_timezone(&Local);
    Some([
        ("hour", local.format("%H").to_string()),
        ("minute", local.format("%M").to_string()),
        ("date", format_date(local.date_naive())),
    ])
}

impl Assistant {
    /// The receipt and appointment slip of a dossier filed from this PC, as
    /// a PDF of two copies, in `locale`. An officer only
    /// ([`Error::NotOfficer`]), once the desk is set ([`Error::DeskNotSet`]).
    pub fn receipt_slip_pdf(&self, dossier_id: &str, locale: Locale) -> Result<Vec<u8>> {
        let me = self.officer()?;
        let desk = self.desk()?.ok_or(Error::DeskNotSet)?;
        let dossier = self.stored_dossier(dossier_id)?;
        let draft = self.store.dossier_draft(dossier_id)?.ok_or(Error::DossierNotFound)?;
        let answers = self.store.open_draft(draft)?.answers;
        let procedure = Procedure::from_definition("submitted draft", self.store.draft_definition(draft)?)
            .map_err(Error::Definition)?;
        let slip = self.receipt_slip(&desk, &me.name, &dossier, &procedure, &answers, locale);
        let pdf = slip.to_pdf().map_err(Error::Form)?;
        self.store.record_action("slip-printed", Some(draft))?;
        Ok(pdf)
    }

    fn receipt_slip(
        &self,
        desk: &DeskView,
        receiver: &str,
        dossier: &portal::types::Dossier,
        procedure: &Procedure,
        answers: &Answers,
        locale: Locale,
    ) -> ReceiptSlip {
        let d = &procedure.definition;
        let pick = |text: &LocalizedText| match locale {
            Locale::Vi => text.vi.clone(),
            Locale::En => text.en.clone(),
        };
        let say = |id: &str, args: &[(&str, String)]| self.localizer.say(locale, id, args);
        let field = |id: &str, value: Option<String>| {
            SlipLine::Field(say(id, &[]), value.unwrap_or_else(|| say("slip-not-given", &[])))
        };
        let applicant = Applicant::of(procedure, answers, today());
        let today = today();
        let place = admin_units::province(&desk.province)
            .map(|p| p.proper_name().to_owned())
            .unwrap_or_default();
        let mut unit = vec![desk.name.clone()];
        if let Some(commune) = &desk.commune_name {
            unit.push(format!("{commune}, {}", desk.province_name));
        } else {
            unit.push(desk.province_name.clone());
        }
        let received = dossier
            .history
            .first()
            .and_then(|h| time_of_day(&h.at))
            .map(|args| say("slip-time", &args));
        let due = dossier
            .due_date
            .as_deref()
            .and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
            .map(format_date);
        let mut body = vec![
            SlipLine::Field(say("slip-code", &[]), dossier.code.clone()),
            SlipLine::Text(say("slip-received-from", &[("desk", desk.name.clone())])),
            field("slip-applicant", applicant.name),
            field("slip-citizen-id", applicant.citizen_id),
            field("slip-address", applicant.address),
            field("slip-phone", applicant.phone),
            field("slip-email", applicant.email),
            SlipLine::Field(say("slip-request", &[]), pick(&d.name)),
            SlipLine::Text(say("slip-documents", &[])),
        ];
        body.extend(
            d.documents
                .iter()
                .filter(|doc| dossier.attachments.iter().any(|a| a.document_id == doc.id))
                .map(|doc| SlipLine::Item(pick(&doc.name))),
        );
        body.extend([
            SlipLine::Field(say("slip-sets", &[]), say("slip-sets-value", &[])),
            SlipLine::Field(say("slip-time-limit", &[]), pick(&d.processing_time)),
            field("slip-received-at", received),
            SlipLine::Field(say("slip-due", &[]), due.unwrap_or_else(|| say("slip-due-later", &[]))),
            SlipLine::Field(say("slip-pickup", &[]), say("slip-pickup-value", &[])),
            SlipLine::Text(say("slip-register", &[])),
            SlipLine::Text(say("slip-qr", &[])),
        ]);
        ReceiptSlip {
            unit,
            motto: vec![say("slip-motto-1", &[]), say("slip-motto-2", &[])],
            number: say("slip-number", &[]),
            place_date: say(
                "slip-place-date",
                &[
                    ("place", place),
                    ("day", format!("{:02}", today.day())),
                    ("month", format!("{:02}", today.month())),
                    ("year", today.year().to_string()),
                ],
            ),
            title: say("slip-title", &[]),
            body,
            signatures: (say("slip-sign-applicant", &[]), say("slip-sign-receiver", &[])),
            sign_hint: say("slip-sign-hint", &[]),
            receiver: receiver.to_owned(),
            copies: vec![say("slip-copy-desk", &[]), say("slip-copy-applicant", &[])],
            qr_text: dossier.code.clone(),
        }
    }
}
