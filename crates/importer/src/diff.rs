//! What changed between a definition in the catalog and the portal's file,
//! fact by fact.

use std::fmt;

use procedures::definition::{AgencyLevel, Definition, FilingChannel};

use crate::facts::{PortalFacts, channel_vi, level_id};
use crate::text::{key, mentions, thousands};

/// One fact on which the definition and the portal differ.
#[derive(Debug, Clone, PartialEq)]
pub enum Difference {
    /// The names differ (marks, case and a leading "Thủ tục" aside).
    Name {
        /// The definition's Vietnamese name.
        definition: String,
        /// The portal's.
        portal: String,
    },
    /// The level differs.
    AgencyLevel {
        /// The definition's level.
        definition: AgencyLevel,
        /// The portal's.
        portal: AgencyLevel,
    },
    /// The portal names an agency the definition's agency name does not mention.
    Agency {
        /// The agency the portal names.
        portal: String,
        /// The definition's agency name.
        definition: String,
    },
    /// The portal's time limit is not what the definition says.
    ProcessingTime {
        /// The portal's time limit.
        portal: String,
        /// The definition's.
        definition: String,
    },
    /// A channel's fee is neither the definition's amount nor named in its note.
    Fee {
        /// The channel: `ONLINE`, `POSTAL`, `DIRECT`.
        channel: String,
        /// The portal's amount, written out.
        portal: String,
        /// The definition's amount in đồng.
        definition: Option<u64>,
    },
    /// The portal lists no fee, but the definition counts one.
    FeeDropped {
        /// The definition's amount in đồng.
        definition: u64,
    },
    /// A document on the portal the definition does not list.
    DocumentAdded {
        /// Its name on the portal.
        name: String,
        /// Its group (case) on the portal, when there are several.
        case: Option<String>,
    },
    /// A document of the definition the portal no longer lists.
    DocumentRemoved {
        /// Its id in the definition.
        id: String,
        /// Its Vietnamese name in the definition.
        name: String,
    },
    /// A legal document on the portal the definition does not cite.
    LegalBasisAdded {
        /// Its number.
        number: String,
        /// Its title on the portal.
        title: String,
    },
    /// A legal document the definition cites and the portal no longer does.
    LegalBasisRemoved {
        /// Its number.
        number: String,
    },
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Name { definition, portal } => {
                write!(f, "name: the portal says “{portal}”, the definition “{definition}”")
            }
            Self::AgencyLevel { definition, portal } => write!(
                f,
                "agency.level: the portal says {}, the definition {}",
                level_id(*portal),
                level_id(*definition)
            ),
            Self::Agency { portal, definition } => write!(
                f,
                "agency.name: the portal names “{portal}”, which the definition's “{definition}” does not mention"
            ),
            Self::ProcessingTime { portal, definition } => write!(
                f,
                "processing_time: the portal says “{portal}”, the definition “{definition}”"
            ),
            Self::Fee {
                channel,
                portal,
                definition,
            } => {
                let counted = definition.map_or("no amount".to_owned(), |a| format!("{} đồng", thousands(a)));
                write!(
                    f,
                    "fee ({}): the portal says {portal}; the definition counts {counted} and its note does not name it",
                    channel_vi(channel)
                )
            }
            Self::FeeDropped { definition } => write!(
                f,
                "fee: the portal lists no fee; the definition counts {} đồng",
                thousands(*definition)
            ),
            Self::DocumentAdded { name, case } => {
                write!(f, "documents: on the portal, not in the definition: “{name}”")?;
                match case {
                    Some(case) => write!(f, " (group “{case}”)"),
                    None => Ok(()),
                }
            }
            Self::DocumentRemoved { id, name } => {
                write!(f, "documents: in the definition, not on the portal: {id} “{name}”")
            }
            Self::LegalBasisAdded { number, title } => write!(
                f,
                "legal_basis: on the portal, not in the definition: {number} ({title})"
            ),
            Self::LegalBasisRemoved { number } => {
                write!(f, "legal_basis: in the definition, not on the portal: {number}")
            }
        }
    }
}

/// Every difference between `definition` and the portal's `facts`, in the
/// order name, agency, time limit, fee, documents, legal basis.
pub fn compare(definition: &Definition, facts: &PortalFacts) -> Vec<Difference> {
    let mut out = Vec::new();
    if key(&definition.name.vi) != key(&facts.name) {
        out.push(Difference::Name {
            definition: definition.name.vi.clone(),
            portal: facts.name.clone(),
        });
    }
    if let Some(level) = facts.agency_level.filter(|l| *l != definition.agency.level) {
        out.push(Difference::AgencyLevel {
            definition: definition.agency.level,
            portal: level,
        });
    }
    let agency = &definition.agency.name.vi;
    out.extend(
        facts
            .agencies
            .iter()
            .filter(|a| !mentions(agency, a))
            .map(|a| Difference::Agency {
                portal: a.clone(),
                definition: agency.clone(),
            }),
    );
    if !mentions(&definition.processing_time.vi, &facts.processing_time) {
        out.push(Difference::ProcessingTime {
            portal: facts.processing_time.clone(),
            definition: definition.processing_time.vi.clone(),
        });
    }
    fees(definition, facts, &mut out);
    documents(definition, facts, &mut out);
    legal_basis(definition, facts, &mut out);
    out
}

/// Each channel's fee is the definition's amount (at the counter, that of
/// its national rule for the counter, if any) or is named in its note.
fn fees(definition: &Definition, facts: &PortalFacts, out: &mut Vec<Difference>) {
    let amount = definition.fee.amount;
    let counter = definition
        .fee
        .rules
        .iter()
        .find(|r| r.channel == Some(FilingChannel::Counter) && r.when.is_none() && r.province.is_none())
        .map_or(amount, |r| r.amount);
    let note = definition.fee.note.as_ref().map_or("", |n| n.vi.as_str());
    let counted = |channel: &str| if channel == "DIRECT" { counter } else { amount };
    out.extend(
        facts
            .fees
            .iter()
            .filter(|fee| {
                fee.dong.is_none_or(|dong| Some(dong) != counted(&fee.channel)) && !mentions(note, &fee.amount)
            })
            .map(|fee| Difference::Fee {
                channel: fee.channel.clone(),
                portal: fee.amount.clone(),
                definition: amount,
            }),
    );
    if let Some(amount) = amount.filter(|a| *a > 0 && facts.fees.is_empty()) {
        out.push(Difference::FeeDropped { definition: amount });
    }
}

/// Documents matched by their names, folded.
fn documents(definition: &Definition, facts: &PortalFacts, out: &mut Vec<Difference>) {
    let portal: Vec<String> = facts.documents.iter().map(|d| key(&d.name)).collect();
    let ours: Vec<String> = definition.documents.iter().map(|d| key(&d.name.vi)).collect();
    let mut added: Vec<String> = Vec::new();
    for (doc, folded) in facts.documents.iter().zip(&portal) {
        if !ours.contains(folded) && !added.contains(folded) {
            added.push(folded.clone());
            out.push(Difference::DocumentAdded {
                name: doc.name.clone(),
                case: doc.case.clone(),
            });
        }
    }
    for (doc, folded) in definition.documents.iter().zip(&ours) {
        if !portal.contains(folded) {
            out.push(Difference::DocumentRemoved {
                id: doc.id.clone(),
                name: doc.name.vi.clone(),
            });
        }
    }
}

/// Legal documents matched by their numbers, folded.
fn legal_basis(definition: &Definition, facts: &PortalFacts, out: &mut Vec<Difference>) {
    let ours: Vec<String> = definition.legal_basis.iter().map(|l| key(&l.number)).collect();
    let portal: Vec<String> = facts.legal_basis.iter().map(|l| key(&l.number)).collect();
    for (basis, folded) in facts.legal_basis.iter().zip(&portal) {
        if !ours.contains(folded) {
            out.push(Difference::LegalBasisAdded {
                number: basis.number.clone(),
                title: basis.title.clone(),
            });
        }
    }
    for (basis, folded) in definition.legal_basis.iter().zip(&ours) {
        if !portal.contains(folded) {
            out.push(Difference::LegalBasisRemoved {
                number: basis.number.clone(),
            });
        }
    }
}
