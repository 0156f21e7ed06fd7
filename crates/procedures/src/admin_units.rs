//! Provinces and communes after the 1 July 2025 reform (34 provinces,
//! 3,321 communes, wards and special zones; no districts), from
//! `catalog/admin-units-2025.json`. Keys are codes, never names: 238 commune
//! names repeat across provinces.

use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize};

use crate::fold::{collation_key, fold};
use crate::legacy_units;
use crate::limits::MAX_QUERY_CHARS;

/// A province or centrally governed city.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Province {
    /// Two-digit code from QĐ 19/2025/QĐ-TTg.
    pub code: String,
    /// Official name.
    pub name: String,
    /// `tinh` or `thanh_pho`.
    pub kind: String,
    /// Its communes, wards and special zones.
    #[serde(
        rename(deserialize = "wards"),
        skip_serializing,
        deserialize_with = "communes_from_file"
    )]
    #[cfg_attr(feature = "specta", specta(skip))]
    pub communes: Vec<Commune>,
}

/// A commune (xã), ward (phường) or special zone (đặc khu).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Commune {
    /// Five-digit code.
    pub code: String,
    /// Official name, with the official tone placement.
    pub name: String,
    /// `xa`, `phuong` or `dac_khu`.
    pub kind: String,
    /// What it was before 01/07/2025, when a search found it by an old name.
    pub formerly: Option<Formerly>,
}

/// The old unit (before 01/07/2025) a commune was found by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Formerly {
    /// "Xã Tân Lập, huyện Đan Phượng, thành phố Hà Nội".
    pub name: String,
    /// The old unit was split and only part of it went to this commune.
    pub part: bool,
}

/// The communes of the bundled file, which has no `formerly`.
fn communes_from_file<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Commune>, D::Error> {
    #[derive(Deserialize)]
    struct Listed {
        code: String,
        name: String,
        kind: String,
    }
    let listed = Vec::<Listed>::deserialize(deserializer)?;
    Ok(listed
        .into_iter()
        .map(|c| Commune {
            code: c.code,
            name: c.name,
            kind: c.kind,
            formerly: None,
        })
        .collect())
}

#[derive(Deserialize)]
struct File {
    provinces: Vec<Province>,
}

/// Every province, in code order.
pub fn provinces() -> &'static [Province] {
    static PROVINCES: OnceLock<Vec<Province>> = OnceLock::new();
    PROVINCES.get_or_init(|| {
        let file: File = serde_json::from_str(crate::catalog::bundled_data("admin-units-2025.json"))
            .expect("the bundled admin-units file is checked by tests");
        file.provinces
    })
}

/// Every province in Vietnamese alphabetical order of its proper name (An
/// Giang, Bắc Ninh, Cà Mau, … "Thành phố" and "Tỉnh" set aside), as a person
/// looks for it in a list.
pub fn provinces_by_name() -> Vec<&'static Province> {
    let mut sorted: Vec<&Province> = provinces().iter().collect();
    sorted.sort_by_cached_key(|p| collation_key(p.proper_name()));
    sorted
}

impl Province {
    /// The name without "Thành phố" or "Tỉnh" in front.
    pub fn proper_name(&self) -> &str {
        ["Thành phố ", "Tỉnh "]
            .iter()
            .find_map(|prefix| self.name.strip_prefix(prefix))
            .unwrap_or(&self.name)
    }
}

/// The province with this code.
pub fn province(code: &str) -> Option<&'static Province> {
    provinces().iter().find(|p| p.code == code)
}

/// The commune with this code in this province.
pub fn commune(province_code: &str, commune_code: &str) -> Option<&'static Commune> {
    province(province_code)?
        .communes
        .iter()
        .find(|c| c.code == commune_code)
}

/// Communes of a province whose folded name contains every folded word of
/// `query`; names that match with their marks come first, so "Tân Thành"
/// ranks above "Tân Thạnh" for a query typed with diacritics. Then the
/// communes that old units (before 01/07/2025) of that name became, with
/// [`Commune::formerly`] set (see [`crate::legacy_units::search_old`]), so a
/// person who picks the new province and types the commune they knew finds
/// it; those found only through an old district's name come when nothing
/// else matched. Only the first [`MAX_QUERY_CHARS`] characters of the query count.
pub fn search_communes(province_code: &str, query: &str) -> Vec<Commune> {
    let mut hits: Vec<Commune> = search_current(province_code, query).into_iter().cloned().collect();
    let olds = legacy_units::search_old(province_code, query);
    // "Cần Giờ" is a commune now and was a district: the old district's
    // communes come only when no commune, old or new, bears the name.
    if !hits.is_empty() && olds.iter().all(|old| old.by_district) {
        return hits;
    }
    for old in olds {
        if hits.iter().any(|c| c.code == old.code) {
            continue;
        }
        if let Some(commune) = commune(province_code, old.code) {
            hits.push(Commune {
                formerly: Some(Formerly {
                    name: old.formerly.to_owned(),
                    part: old.part,
                }),
                ..commune.clone()
            });
        }
    }
    hits
}

/// Communes of a province whose current name matches `query`.
fn search_current(province_code: &str, query: &str) -> Vec<&'static Commune> {
    let Some(province) = province(province_code) else {
        return Vec::new();
    };
    let query = query
        .char_indices()
        .nth(MAX_QUERY_CHARS)
        .map_or(query, |(cut, _)| &query[..cut]);
    let words: Vec<String> = fold(query)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    let exact = query.trim().to_lowercase();
    let folded = folded_names(province);
    let mut hits: Vec<(&Commune, &str)> = province
        .communes
        .iter()
        .zip(folded)
        .filter(|(_, name)| words.iter().all(|w| name.split(' ').any(|n| n.starts_with(w.as_str()))))
        .map(|(c, name)| (c, name.as_str()))
        .collect();
    hits.sort_by_cached_key(|(c, name)| (!c.name.to_lowercase().contains(&exact), *name));
    hits.into_iter().map(|(c, _)| c).collect()
}

/// The folded names of a province's communes, in its order, folded once.
fn folded_names(province: &Province) -> &'static [String] {
    static FOLDED: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    let all = FOLDED.get_or_init(|| {
        provinces()
            .iter()
            .map(|p| p.communes.iter().map(|c| fold(&c.name)).collect())
            .collect()
    });
    provinces()
        .iter()
        .position(|p| p.code == province.code)
        .map_or(&[], |i| &all[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_match_the_2025_reform() {
        assert_eq!(provinces().len(), 34, "34 provinces after the reform");
        let communes: Vec<&Commune> = provinces().iter().flat_map(|p| &p.communes).collect();
        assert_eq!(communes.len(), 3321, "3,321 commune-level units");
        let count = |kind: &str| communes.iter().filter(|c| c.kind == kind).count();
        assert_eq!(
            (count("phuong"), count("xa"), count("dac_khu")),
            (687, 2621, 13),
            "by type on 01/07/2025"
        );
    }

    #[test]
    fn provinces_are_listed_by_their_proper_name_in_vietnamese_order() {
        let names: Vec<&str> = provinces_by_name().iter().map(|p| p.proper_name()).collect();
        assert_eq!(names.len(), 34);
        assert_eq!(names[0], "An Giang");
        let at = |name: &str| names.iter().position(|n| *n == name).unwrap();
        assert!(at("Cà Mau") < at("Cần Thơ"), "a before â: {names:?}");
        assert!(at("Điện Biên") < at("Gia Lai"), "đ comes before g: {names:?}");
        assert!(
            at("Đắk Lắk") > at("Đà Nẵng") && at("Đồng Tháp") > at("Đồng Nai"),
            "{names:?}"
        );
        assert!(at("Hà Nội") > at("Gia Lai") && at("Hà Nội") < at("Huế"), "{names:?}");
    }

    #[test]
    fn search_folds_marks_and_keeps_both_colliding_names() {
        let hits: Vec<String> = search_communes("79", "thanh an").into_iter().map(|c| c.name).collect();
        assert!(
            hits.len() >= 2
                && hits.iter().any(|n| n.contains("Thanh An"))
                && hits.iter().any(|n| n.contains("Thạnh An")),
            "both names that fold alike: {hits:?}"
        );
        let marked: Vec<String> = search_communes("79", "Thạnh An").into_iter().map(|c| c.name).collect();
        assert!(
            marked[0].contains("Thạnh An"),
            "the spelling typed with its marks comes first: {marked:?}"
        );
        assert_eq!(search_communes("01", "ba dinh")[0].name, "Phường Ba Đình");
        assert!(search_communes("99", "a").is_empty(), "unknown province");
    }
}
