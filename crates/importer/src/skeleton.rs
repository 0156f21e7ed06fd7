//! The definition skeleton: the portal's facts written as a `catalog/` TOML
//! file that the real loader accepts, with every gap a person fills marked
//! `TODO`.

use std::fmt::Write;

use procedures::definition::{AgencyLevel, FORMAT_VERSION, OnlineLevel};

use crate::error::{Error, Result};
use crate::facts::{PortalFacts, level_id};
use crate::text::{id, thousands, todo_en};

/// Where the skeleton's facts come from: the portal file and the day it was
/// read.
#[derive(Debug, Clone)]
pub struct Provenance {
    /// The portal file's name, without its folders.
    pub file_name: String,
    /// The day it was read, `dd/mm/yyyy`.
    pub checked: String,
}

impl Provenance {
    /// The provenance of the portal file at `path`, read on `checked`,
    /// which must be a day written `dd/mm/yyyy`.
    pub fn new(path: &str, checked: &str) -> Result<Self> {
        let day = (checked.len() == 10)
            .then(|| chrono::NaiveDate::parse_from_str(checked, "%d/%m/%Y").ok())
            .flatten();
        if day.is_none() {
            return Err(Error::CheckedDay(checked.to_owned()));
        }
        let file_name = std::path::Path::new(path)
            .file_name()
            .map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned());
        Ok(Self {
            file_name,
            checked: checked.to_owned(),
        })
    }

    /// The citation every source of the skeleton carries.
    fn cite(&self, code: &str) -> String {
        format!(
            "https://dichvucong.gov.vn/ (thủ tục {code}), API data read from {}",
            self.file_name
        )
    }
}

/// The skeleton as TOML.
pub fn render(facts: &PortalFacts, provenance: &Provenance) -> String {
    let mut out = String::new();
    header(&mut out, facts, provenance);
    fee(&mut out, facts);
    legal_basis(&mut out, facts);
    documents(&mut out, facts);
    sources(&mut out, facts, provenance);
    placeholder_step(&mut out);
    out
}

fn header(out: &mut String, facts: &PortalFacts, provenance: &Provenance) {
    let updated = facts
        .updated
        .as_deref()
        .map_or(String::new(), |day| format!(", updated on the portal on {day}"));
    let _ = writeln!(
        out,
        "# Skeleton made by dvc-import from {}{updated}.",
        provenance.file_name
    );
    out.push_str(
        "# A person completes it before it joins the catalog: every TODO, the English, the\n\
         # summary, keywords and life events, each document's `required_if`, and the interview\n\
         # (the one step at the end is a placeholder). See docs/importer.md.\n\n",
    );
    let _ = writeln!(out, "format = {FORMAT_VERSION}");
    let _ = writeln!(out, "code = {}", quoted(&facts.code));
    out.push_str("version = 1\n");
    let _ = writeln!(out, "name = {}", todo_text(&facts.name));
    let results = match facts.results.as_slice() {
        [] => String::new(),
        results => format!(" Kết quả: {}.", results.join("; ")),
    };
    let summary = format!("TODO: một, hai câu về mục đích của thủ tục.{results}");
    let summary_en = "TODO(en): one or two sentences on what the procedure is for.";
    let _ = writeln!(out, "summary = {}", text(&summary, summary_en));
    if facts.topics.is_empty() {
        let _ = writeln!(
            out,
            "# TODO: topics for the portal's categories: {}.",
            facts.categories.join(", ")
        );
    }
    let topics: Vec<String> = facts.topics.iter().map(|t| quoted(t)).collect();
    let _ = writeln!(out, "topics = [{}]", topics.join(", "));
    let level = match facts.agency_level {
        Some(level) => level,
        None => {
            out.push_str("# TODO: the portal names no level; check whether the province or the commune handles it.\n");
            AgencyLevel::Province
        }
    };
    let agencies = match facts.agencies.as_slice() {
        [] => "TODO: Cổng Dịch vụ công không ghi cơ quan thực hiện".to_owned(),
        agencies => agencies.join(", "),
    };
    let _ = writeln!(
        out,
        "agency = {{ level = {}, name = {} }}",
        quoted(level_id(level)),
        todo_text(&agencies)
    );
    let online = match facts.online {
        OnlineLevel::Full => "full",
        OnlineLevel::Partial => {
            out.push_str("# The portal lists no online channel: check whether any step can be done online.\n");
            "partial"
        }
    };
    let _ = writeln!(out, "online = {}", quoted(online));
    let en = facts
        .processing_time_en
        .clone()
        .unwrap_or_else(|| todo_en(&facts.processing_time));
    let _ = writeln!(out, "processing_time = {}", text(&facts.processing_time, &en));
}

fn fee(out: &mut String, facts: &PortalFacts) {
    out.push_str("\n[fee]\n");
    match facts.fee_amount() {
        Some(amount) => {
            let _ = writeln!(out, "amount = {amount}");
        }
        None => out.push_str("# TODO: no one amount in đồng: say in the note which applies, or give `amount`.\n"),
    }
    let _ = writeln!(out, "note = {}", todo_text(&facts.fee_note()));
    if let Some(counter) = facts.counter_amount() {
        let reason = format!("Nộp trực tiếp: {} đồng.", thousands(counter));
        let _ = writeln!(
            out,
            "\n[[fee.rules]]\nchannel = \"counter\"\namount = {counter}\nreason = {}",
            todo_text(&reason)
        );
    }
}

fn legal_basis(out: &mut String, facts: &PortalFacts) {
    for basis in &facts.legal_basis {
        let _ = writeln!(
            out,
            "\n[[legal_basis]]\nnumber = {}\ntitle = {}",
            quoted(&basis.number),
            todo_text(&basis.title)
        );
    }
}

fn documents(out: &mut String, facts: &PortalFacts) {
    if facts.several_cases {
        out.push_str(
            "\n# The portal gives the documents in several groups (cases); each document's note names\n\
             # its group. Write a `required_if` for each once the interview exists.\n",
        );
    }
    let mut taken: Vec<String> = Vec::new();
    for doc in &facts.documents {
        let doc_id = id(&doc.name, &taken);
        let _ = writeln!(out, "\n# Portal component {}.", doc.portal_code);
        if doc.originals == 0 && doc.copies == 0 {
            out.push_str("# TODO: the portal asks for no original and no copy: likely a remark, not a document.\n");
        }
        let _ = writeln!(out, "[[documents]]\nid = {}", quoted(&doc_id));
        let _ = writeln!(out, "name = {}", todo_text(&doc.name));
        let mut note = format!("Bản chính: {}; bản sao: {}.", doc.originals, doc.copies);
        if let Some(case) = &doc.case {
            note = format!("Trường hợp: {case}. {note}");
        }
        let _ = writeln!(out, "note = {}", todo_text(&note));
        taken.push(doc_id);
    }
}

fn sources(out: &mut String, facts: &PortalFacts, provenance: &Provenance) {
    let mut facts_read = vec!["agency", "processing_time", "fee"];
    if !facts.documents.is_empty() {
        facts_read.push("documents");
    }
    if !facts.legal_basis.is_empty() {
        facts_read.push("legal_basis");
    }
    for fact in facts_read {
        let _ = writeln!(
            out,
            "\n[[sources]]\nfact = {}\ncite = {}\nchecked = {}\nverified = true",
            quoted(fact),
            quoted(&provenance.cite(&facts.code)),
            quoted(&provenance.checked)
        );
    }
}

fn placeholder_step(out: &mut String) {
    out.push_str(
        "\n# TODO: replace this placeholder with the interview (docs/procedure-format.md, `steps`).\n\
         [[steps]]\n\
         id = \"todo_interview\"\n\
         title = { vi = \"TODO: các bước phỏng vấn\", en = \"TODO: the interview's steps\" }\n\n\
         [[steps.fields]]\n\
         id = \"todo_question\"\n\
         type = \"text\"\n\
         label = { vi = \"TODO: câu hỏi đầu tiên\", en = \"TODO: the first question\" }\n",
    );
}

/// A text whose English a person still writes.
fn todo_text(vi: &str) -> String {
    text(vi, &todo_en(vi))
}

/// An inline `{ vi, en }` table.
fn text(vi: &str, en: &str) -> String {
    format!("{{ vi = {}, en = {} }}", quoted(vi), quoted(en))
}

/// A TOML basic string.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_for_toml() {
        assert_eq!(quoted("a \"b\" \\ c\u{1}"), "\"a \\\"b\\\" \\\\ c\\u0001\"");
    }

    #[test]
    fn the_checked_day_must_be_a_real_day() {
        assert!(Provenance::new("x.json", "31/12/2026").is_ok());
        for bad in ["2026-12-31", "31/02/2026", "1/1/2026", ""] {
            assert!(Provenance::new("x.json", bad).is_err(), "{bad}");
        }
    }
}
