//! The what-to-bring checklist of a procedure, in the reader's language:
//! the agency, the time limit, the fee quoted for today, every document
//! (marked when only some cases need it) and the notes. It holds the
//! procedure's facts only, nothing of a person.

use chrono::NaiveDate;
use forms::{Checklist, ChecklistItem};
use l10n::{Locale, Localizer, format_date, format_vnd};
use procedures::Procedure;
use procedures::definition::LocalizedText;

/// The checklist of `procedure` as of `today`, with every text in `locale`.
pub fn of(procedure: &Procedure, localizer: &Localizer, locale: Locale, today: NaiveDate) -> Checklist {
    let d = &procedure.definition;
    let pick = |text: &LocalizedText| match locale {
        Locale::Vi => text.vi.clone(),
        Locale::En => text.en.clone(),
    };
    let say = |id: &str, args: &[(&str, String)]| localizer.say(locale, id, args);
    let amount = |amount: Option<u64>| match amount {
        Some(0) => localizer.message(locale, "fee-free", None),
        Some(dong) => format_vnd(dong, locale),
        None => localizer.message(locale, "fee-varies", None),
    };
    let quote = procedures::engine::quote_fee(procedure, None, today);
    let mut fee = amount(quote.online.amount);
    if quote.counter.amount != quote.online.amount {
        fee = format!(
            "{fee}; {}",
            say("checklist-fee-counter", &[("fee", amount(quote.counter.amount))])
        );
    }
    if let Some(note) = &quote.online.note {
        fee = format!("{fee}. {}", pick(note));
    }
    Checklist {
        title: say("checklist-title", &[("name", pick(&d.name))]),
        code_line: say("checklist-code", &[("code", d.code.clone())]),
        facts: vec![
            (say("checklist-agency", &[]), pick(&d.agency.name)),
            (say("checklist-time", &[]), pick(&d.processing_time)),
            (say("checklist-fee", &[]), fee),
        ],
        documents_heading: say("checklist-documents", &[]),
        documents: d
            .documents
            .iter()
            .map(|doc| ChecklistItem {
                name: pick(&doc.name),
                note: doc.note.as_ref().map(pick),
                conditional: doc.required_if.is_some(),
            })
            .collect(),
        conditional: say("checklist-conditional", &[]),
        notes_heading: say("checklist-notes", &[]),
        notes: d.notes.iter().map(pick).collect(),
        footer: say("checklist-footer", &[("date", format_date(today))]),
    }
}
