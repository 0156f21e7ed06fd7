//! The facts a definition holds, read from a portal procedure: what the
//! skeleton writes and what a catalog definition is compared with.

use procedures::definition::{AgencyLevel, OnlineLevel};

use crate::portal::{Case, ExecutionMethod, Procedure};
use crate::text::{self, clean, key, quantity};

/// Topic ids by a word of the portal's category names.
const TOPICS_BY_CATEGORY: [(&str, &str); 12] = [
    ("ho tich", "civil-status"),
    ("chung thuc", "certification"),
    ("cu tru", "residence"),
    ("ly lich tu phap", "judicial-records"),
    ("duong bo", "transport"),
    ("xuat nhap canh", "immigration"),
    ("kinh doanh", "business"),
    ("viec lam", "employment"),
    ("bao hiem y te", "health-insurance"),
    ("can cuoc", "identity"),
    ("dat dai", "land"),
    ("bao tro xa hoi", "social-protection"),
];

/// What the portal says about one procedure, tidied.
#[derive(Debug, Clone)]
pub struct PortalFacts {
    /// National procedure code.
    pub code: String,
    /// Name, without a leading "Thủ tục".
    pub name: String,
    /// What the applicant receives.
    pub results: Vec<String>,
    /// Topic ids matching the portal's categories.
    pub topics: Vec<&'static str>,
    /// The portal's category names, for a person to pick topics from.
    pub categories: Vec<String>,
    /// The level that handles it; `None` when the portal does not say.
    pub agency_level: Option<AgencyLevel>,
    /// The agencies that handle it, kinds first.
    pub agencies: Vec<String>,
    /// Full when the portal takes it online, partial otherwise.
    pub online: OnlineLevel,
    /// The time limit in Vietnamese.
    pub processing_time: String,
    /// The time limit in English, when it is one plain figure.
    pub processing_time_en: Option<String>,
    /// Every fee of every channel, in the portal's order.
    pub fees: Vec<ChannelFee>,
    /// The dossier's components, in the portal's order.
    pub documents: Vec<Document>,
    /// Whether the components come in several groups (cases).
    pub several_cases: bool,
    /// The legal documents, numbers unique, in the portal's order.
    pub legal_basis: Vec<LegalDocument>,
    /// When the portal last changed the procedure, `dd/mm/yyyy`.
    pub updated: Option<String>,
}

/// One fee of one channel.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelFee {
    /// The channel as the portal names it: `ONLINE`, `POSTAL`, `DIRECT`.
    pub channel: String,
    /// The amount in đồng; `None` for another currency.
    pub dong: Option<u64>,
    /// The amount as written: "2.000 đồng/trang", "10 USD/bản".
    pub amount: String,
    /// How the channel counts it, in the portal's words; may be empty.
    pub how: String,
}

impl ChannelFee {
    /// The fee as the note lists it: "Trực tiếp: 2.000 đồng/trang (…)".
    pub fn line(&self) -> String {
        let channel = channel_vi(&self.channel);
        match self.how.as_str() {
            "" => format!("{channel}: {}", self.amount),
            how => format!("{channel}: {} ({how})", self.amount),
        }
    }
}

/// A level as the definition format writes it.
pub fn level_id(level: AgencyLevel) -> &'static str {
    match level {
        AgencyLevel::Province => "province",
        AgencyLevel::Commune => "commune",
    }
}

/// A channel (`ONLINE`, `POSTAL`, `DIRECT`) in Vietnamese.
pub fn channel_vi(channel: &str) -> &str {
    match channel {
        "ONLINE" => "Trực tuyến",
        "POSTAL" => "Qua bưu chính",
        "DIRECT" => "Trực tiếp",
        other => other,
    }
}

/// One component of the dossier.
#[derive(Debug, Clone)]
pub struct Document {
    /// What it is.
    pub name: String,
    /// The group (case) it belongs to, when there are several.
    pub case: Option<String>,
    /// Originals to file.
    pub originals: u32,
    /// Copies to file.
    pub copies: u32,
    /// The portal's component code.
    pub portal_code: String,
}

/// A legal document.
#[derive(Debug, Clone)]
pub struct LegalDocument {
    /// Its number, e.g. `60/2014/QH13`.
    pub number: String,
    /// Its title.
    pub title: String,
}

impl PortalFacts {
    /// The fee a definition counts on: the online channel's amount in đồng
    /// when the portal gives one, else the one amount in đồng every channel
    /// agrees on, else none.
    pub fn fee_amount(&self) -> Option<u64> {
        let online: Vec<u64> = self
            .fees
            .iter()
            .filter(|f| f.channel == "ONLINE")
            .filter_map(|f| f.dong)
            .collect();
        if !online.is_empty() {
            return Some(online.iter().sum());
        }
        let mut amounts: Vec<u64> = self.fees.iter().filter_map(|f| f.dong).collect();
        amounts.sort_unstable();
        amounts.dedup();
        match amounts.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// The amount in đồng at the counter (`DIRECT`), when the portal gives
    /// one there that is not the amount online: a rule for that channel.
    pub fn counter_amount(&self) -> Option<u64> {
        let direct: Vec<&ChannelFee> = self.fees.iter().filter(|f| f.channel == "DIRECT").collect();
        if direct.is_empty() || direct.iter().any(|f| f.dong.is_none()) {
            return None;
        }
        let counter = direct.iter().filter_map(|f| f.dong).sum();
        (Some(counter) != self.fee_amount()).then_some(counter)
    }

    /// The fee note: every channel's fees, or that the portal lists none.
    pub fn fee_note(&self) -> String {
        if self.fees.is_empty() {
            return "Cổng Dịch vụ công không ghi phí, lệ phí.".to_owned();
        }
        let lines: Vec<String> = self.fees.iter().map(ChannelFee::line).collect();
        format!("Theo Cổng Dịch vụ công: {}.", lines.join(". "))
    }
}

impl From<&Procedure> for PortalFacts {
    fn from(p: &Procedure) -> Self {
        let categories: Vec<String> = p.categories_details.iter().map(|c| clean(&c.name)).collect();
        let mut topics: Vec<&'static str> = Vec::new();
        for category in &categories {
            for (word, topic) in TOPICS_BY_CATEGORY {
                if text::mentions(category, word) && !topics.contains(&topic) {
                    topics.push(topic);
                }
            }
        }
        let mut agencies: Vec<String> = Vec::new();
        for name in p.unit_groups_executing.iter().chain(&p.departments_executing) {
            let name = clean(&name.name);
            if !name.is_empty() && !agencies.contains(&name) {
                agencies.push(name);
            }
        }
        let (processing_time, processing_time_en) = processing_time(&p.cases, &p.execution_methods);
        let groups: Vec<_> = p
            .execution_cases
            .iter()
            .filter(|c| !c.profile_components.is_empty())
            .collect();
        let several_cases = groups.len() > 1;
        let documents = groups
            .iter()
            .enumerate()
            .flat_map(|(i, group)| {
                let case = several_cases.then(|| match clean(&group.name) {
                    name if name.is_empty() => format!("nhóm giấy tờ thứ {} (không có tên trên Cổng)", i + 1),
                    name => name,
                });
                group.profile_components.iter().map(move |c| Document {
                    name: clean(&c.name),
                    case: case.clone(),
                    originals: c.original_qty,
                    copies: c.copy_qty,
                    portal_code: c.code.clone(),
                })
            })
            .filter(|d| !d.name.is_empty())
            .collect();
        let mut legal_basis: Vec<LegalDocument> = Vec::new();
        for basis in &p.legal_basises_details {
            let Some(number) = legal_number(&basis.code).or_else(|| legal_number(&basis.name)) else {
                continue;
            };
            if legal_basis.iter().all(|l| key(&l.number) != key(&number)) {
                let title = match clean(&basis.name) {
                    title if title.is_empty() => number.clone(),
                    title => title,
                };
                legal_basis.push(LegalDocument { number, title });
            }
        }
        Self {
            code: p.code.trim().to_owned(),
            name: procedure_name(&p.name),
            results: p.results_details.iter().map(|r| clean(&r.name)).collect(),
            topics,
            categories,
            agency_level: agency_level(p, &agencies),
            agencies,
            online: if p.execution_methods.iter().any(|m| m.submission_method == "ONLINE") {
                OnlineLevel::Full
            } else {
                OnlineLevel::Partial
            },
            processing_time,
            processing_time_en,
            fees: channel_fees(&p.execution_methods),
            documents,
            several_cases,
            legal_basis,
            updated: p
                .updated_at
                .and_then(chrono::DateTime::from_timestamp_millis)
                .map(|t| t.format("%d/%m/%Y").to_string()),
        }
    }
}

/// The name without a leading "Thủ tục", its first letter a capital.
fn procedure_name(name: &str) -> String {
    let name = clean(name);
    let rest = ["Thủ tục ", "thủ tục "]
        .iter()
        .find_map(|prefix| name.strip_prefix(prefix))
        .unwrap_or(&name);
    let mut chars = rest.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Commune when the portal marks the procedure as a ward's or names a
/// commune-level agency; province likewise; `None` when it says neither.
fn agency_level(p: &Procedure, agencies: &[String]) -> Option<AgencyLevel> {
    let named = |words: &[&str]| agencies.iter().any(|a| words.iter().any(|w| text::mentions(a, w)));
    if p.is_ward || named(&["cap xa", "uy ban nhan dan xa", "uy ban nhan dan phuong"]) {
        Some(AgencyLevel::Commune)
    } else if p.is_province || named(&["cap tinh", "uy ban nhan dan tinh"]) {
        Some(AgencyLevel::Province)
    } else {
        None
    }
}

/// A legal document's number: the first word with a `/` (`03/2023/TT-BTP`
/// out of "Thông tư số 03/2023/TT-BTP"), trimmed of punctuation.
fn legal_number(text: &str) -> Option<String> {
    text.split_whitespace()
        .find(|w| w.contains('/'))
        .map(|w| {
            w.trim_matches(|c: char| matches!(c, ',' | ';' | '.' | ':' | '(' | ')'))
                .to_owned()
        })
        .filter(|n| !n.is_empty())
}

/// The time limit from the cases, or from the channels when no case gives
/// one: Vietnamese, and English when it is one plain figure.
fn processing_time(cases: &[Case], methods: &[ExecutionMethod]) -> (String, Option<String>) {
    let mut limits: Vec<(String, f64, String)> = cases
        .iter()
        .filter_map(|c| {
            c.processing_day
                .as_ref()
                .map(|d| (clean(&c.name), d.qty, d.unit.clone()))
        })
        .collect();
    if limits.is_empty() {
        limits = methods
            .iter()
            .filter_map(|m| {
                m.processing_time.map(|t| {
                    (
                        channel_vi(&m.submission_method).to_owned(),
                        t,
                        m.processing_time_unit.clone(),
                    )
                })
            })
            .collect();
    }
    let same = limits.windows(2).all(|w| w[0].1 == w[1].1 && w[0].2 == w[1].2);
    match limits.as_slice() {
        [] => ("TODO: Cổng Dịch vụ công không ghi thời hạn giải quyết".to_owned(), None),
        [(_, qty, unit), ..] if same => (limit_vi(*qty, unit), limit_en(*qty, unit)),
        _ => {
            let parts: Vec<String> = limits
                .iter()
                .map(|(name, qty, unit)| format!("{name}: {}", limit_vi(*qty, unit)))
                .collect();
            (parts.join("; "), None)
        }
    }
}

fn limit_vi(qty: f64, unit: &str) -> String {
    let unit = match unit {
        "WORKING_DAY" => "ngày làm việc",
        "DAY" | "CALENDAR_DAY" => "ngày",
        "WORKING_HOUR" | "HOUR" => "giờ",
        "MONTH" => "tháng",
        "OTHER" => "(đơn vị không ghi rõ trên Cổng)",
        other => other,
    };
    format!("{} {unit}", quantity(qty))
}

fn limit_en(qty: f64, unit: &str) -> Option<String> {
    let unit = match unit {
        "WORKING_DAY" => "working day",
        "DAY" | "CALENDAR_DAY" => "day",
        "WORKING_HOUR" | "HOUR" => "hour",
        "MONTH" => "month",
        _ => return None,
    };
    let plural = if qty == 1.0 { "" } else { "s" };
    Some(format!("{qty} {unit}{plural}"))
}

/// Every fee of every channel, with its amount written out.
fn channel_fees(methods: &[ExecutionMethod]) -> Vec<ChannelFee> {
    methods
        .iter()
        .flat_map(|m| {
            m.fees.iter().map(|fee| {
                let currency = clean(&fee.currency_name);
                let in_dong = currency.is_empty() || ["dong", "vnd"].iter().any(|w| text::mentions(&currency, w));
                let whole = fee.value >= 0.0 && fee.value.fract() == 0.0;
                let dong = (in_dong && whole).then_some(fee.value as u64);
                let unit = if in_dong { "đồng" } else { currency.as_str() };
                let per = match clean(&fee.description) {
                    per if per.is_empty() || per.starts_with('/') => per,
                    per => format!(" {per}"),
                };
                ChannelFee {
                    channel: m.submission_method.clone(),
                    dong,
                    amount: format!("{} {unit}{per}", quantity(fee.value)),
                    how: clean(&m.description),
                }
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_numbers_are_found_among_words() {
        assert_eq!(
            legal_number("Thông tư số 03/2023/TT-BTP").as_deref(),
            Some("03/2023/TT-BTP")
        );
        assert_eq!(legal_number("Luật 60/2014/QH13,").as_deref(), Some("60/2014/QH13"));
        assert_eq!(legal_number("Luật Hộ tịch"), None);
    }

    #[test]
    fn the_name_loses_its_thu_tuc() {
        assert_eq!(procedure_name("Thủ tục đăng ký khai sinh"), "Đăng ký khai sinh");
        assert_eq!(procedure_name("Chứng thực bản sao"), "Chứng thực bản sao");
    }
}
