//! The table of units before 01/07/2025 (catalog/admin-units-legacy.json):
//! its counts match the source package (vietnamadminunits 1.0.4), every old
//! unit leads to a 2025 commune of the right province, and known cases come
//! out as the package's own converter gives them.

use std::collections::HashSet;

use procedures::admin_units::{self, Commune};
use procedures::legacy_units::{self, Counts, MAX_OLD_HITS, find_province, place_in_query, search_old};

#[test]
fn counts_match_the_source_package() {
    let provinces = legacy_units::old_provinces();
    assert_eq!(provinces.len(), 63, "63 provinces before the reform");
    let districts: usize = provinces.iter().map(|p| p.districts.len()).sum();
    let units: Vec<_> = provinces
        .iter()
        .flat_map(|p| &p.districts)
        .flat_map(|d| &d.units)
        .collect();
    let split = units.iter().filter(|u| u.became.len() > 1).count();
    let counted = Counts {
        provinces: provinces.len(),
        districts,
        units: units.len(),
        split,
    };
    assert_eq!(counted, legacy_units::counts(), "the header agrees with the data");
    // The package's admin_units_legacy table has 10,040 rows (10,035 communes,
    // wards and towns plus 5 island districts without any) in 696 districts;
    // its converter splits 471 of them.
    assert_eq!(
        counted,
        Counts {
            provinces: 63,
            districts: 696,
            units: 10_040,
            split: 471,
        }
    );
    let islands = units.iter().filter(|u| u.name.is_empty()).count();
    assert_eq!(islands, 5, "Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo");
}

#[test]
fn every_old_unit_leads_to_a_commune_of_its_new_province_and_every_commune_is_reached() {
    let mut reached = HashSet::new();
    let mut new_provinces = HashSet::new();
    for old in legacy_units::old_provinces() {
        assert!(admin_units::province(&old.new_code).is_some(), "{}", old.name);
        new_provinces.insert(old.new_code.as_str());
        for district in &old.districts {
            for unit in &district.units {
                assert!(!unit.became.is_empty());
                for code in &unit.became {
                    assert!(
                        admin_units::commune(&old.new_code, code).is_some(),
                        "{} {} {} → {code}",
                        old.name,
                        district.name,
                        unit.name
                    );
                    reached.insert(code.as_str());
                }
            }
        }
    }
    assert_eq!(new_provinces.len(), 34, "the 63 went into the 34");
    assert_eq!(reached.len(), 3321, "every 2025 commune was made of old units");
}

fn old_unit(province: &str, district: &str, unit: &str) -> Vec<String> {
    let old = legacy_units::old_provinces()
        .iter()
        .find(|p| p.name == province)
        .unwrap_or_else(|| panic!("{province}"));
    let district = old
        .districts
        .iter()
        .find(|d| d.name == district)
        .unwrap_or_else(|| panic!("{district}"));
    let unit = district
        .units
        .iter()
        .find(|u| u.name == unit)
        .unwrap_or_else(|| panic!("{unit}"));
    unit.became
        .iter()
        .map(|code| admin_units::commune(&old.new_code, code).unwrap().name.clone())
        .collect()
}

#[test]
fn known_cases_match_the_package_converter() {
    // Each checked against vietnamadminunits 1.0.4's converter_2025.json.
    assert_eq!(
        old_unit("Thành phố Hồ Chí Minh", "Quận 1", "Phường Bến Nghé"),
        ["Phường Sài Gòn"]
    );
    assert_eq!(
        old_unit("Tỉnh Bắc Giang", "Thành phố Bắc Giang", "Phường Trần Phú"),
        ["Phường Bắc Giang"]
    );
    // Split wards: the main share first.
    assert_eq!(
        old_unit("Thành phố Hà Nội", "Quận Ba Đình", "Phường Cống Vị"),
        ["Phường Ngọc Hà", "Phường Giảng Võ"]
    );
    assert_eq!(
        old_unit("Thành phố Hà Nội", "Huyện Đan Phượng", "Xã Tân Lập"),
        ["Xã Hoài Đức", "Xã Ô Diên"]
    );
    assert_eq!(
        old_unit("Tỉnh Bà Rịa - Vũng Tàu", "Huyện Côn Đảo", ""),
        ["Đặc khu Côn Đảo"]
    );
}

fn names(hits: &[Commune]) -> Vec<(&str, Option<&str>)> {
    hits.iter()
        .map(|c| (c.name.as_str(), c.formerly.as_ref().map(|f| f.name.as_str())))
        .collect()
}

#[test]
fn commune_search_finds_a_new_commune_by_an_old_name() {
    // Bắc Giang is now part of Bắc Ninh (24): a person picks Bắc Ninh and
    // types the ward they knew, without marks.
    let hits = admin_units::search_communes("24", "tran phu bac giang");
    assert_eq!(
        names(&hits)[0],
        (
            "Phường Bắc Giang",
            Some("Phường Trần Phú, thành phố Bắc Giang, tỉnh Bắc Giang")
        ),
        "{:?}",
        names(&hits)
    );
    assert!(!hits[0].formerly.as_ref().unwrap().part);

    let hits = admin_units::search_communes("01", "Tân Lập Đan Phượng");
    let got = names(&hits);
    assert_eq!(
        got,
        [
            ("Xã Hoài Đức", Some("Xã Tân Lập, huyện Đan Phượng, thành phố Hà Nội")),
            ("Xã Ô Diên", Some("Xã Tân Lập, huyện Đan Phượng, thành phố Hà Nội")),
        ]
    );
    assert!(hits.iter().all(|c| c.formerly.as_ref().unwrap().part), "a split ward");

    // Current names come first and carry no "formerly".
    let hits = admin_units::search_communes("79", "ben nghe");
    assert_eq!(
        names(&hits)[0],
        ("Phường Sài Gòn", Some("Phường Bến Nghé, quận 1, thành phố Hồ Chí Minh"))
    );
    // A name that is a commune now and was a district: the commune alone,
    // not the old district's communes.
    let hits = admin_units::search_communes("79", "cần giờ");
    assert_eq!(names(&hits), [("Xã Cần Giờ", None)]);
    // An old district's name alone: the communes its wards became.
    let hits = admin_units::search_communes("01", "đan phượng");
    assert_eq!(names(&hits)[0], ("Xã Đan Phượng", None));
    let hits = admin_units::search_communes("79", "quan 1");
    assert_eq!(
        names(&hits).iter().map(|(name, _)| *name).collect::<Vec<_>>(),
        [
            "Phường Tân Định",
            "Phường Sài Gòn",
            "Phường Bến Thành",
            "Phường Cầu Ông Lãnh"
        ],
        "the four wards the old Quận 1 became"
    );
    assert!(
        hits.iter()
            .all(|c| c.formerly.as_ref().unwrap().name.contains(", quận 1,"))
    );
    let codes: HashSet<&str> = hits.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes.len(), hits.len(), "each commune once");

    // Numbers match whole: "phường 1 quận 3" is not phường 10, 11, 12…
    let hits = search_old("79", "phuong 1 quan 3");
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert!(hits[0].formerly.starts_with("Phường 1, quận 3,"), "{hits:?}");

    // Island districts that had no communes.
    let hits = admin_units::search_communes("79", "con dao");
    assert_eq!(names(&hits)[0].0, "Đặc khu Côn Đảo");

    // Bounded, and nothing for nothing.
    assert!(search_old("79", "p").len() <= MAX_OLD_HITS);
    assert!(search_old("79", "").is_empty());
    assert!(search_old("99", "tan").is_empty());
    assert!(
        admin_units::search_communes("01", "")
            .iter()
            .all(|c| c.formerly.is_none())
    );
}

#[test]
fn provinces_are_found_by_old_names() {
    let find = |name: &str| {
        let found = find_province(name).unwrap_or_else(|| panic!("{name}"));
        (found.province.code.as_str(), found.formerly)
    };
    assert_eq!(find("Hà Nội"), ("01", None));
    assert_eq!(find("tinh bac ninh"), ("24", None));
    assert_eq!(find("Bắc Giang"), ("24", Some("Tỉnh Bắc Giang")));
    assert_eq!(find("Tỉnh Hà Giang"), ("08", Some("Tỉnh Hà Giang")));
    assert_eq!(find("Quảng Bình"), ("44", Some("Tỉnh Quảng Bình")));
    assert_eq!(find("thừa thiên huế"), ("46", Some("Tỉnh Thừa Thiên Huế")));
    assert_eq!(find("Bà Rịa - Vũng Tàu"), ("79", Some("Tỉnh Bà Rịa - Vũng Tàu")));
    assert_eq!(find("Hà Tây"), ("01", Some("Tỉnh Hà Tây")));
    assert_eq!(find("Sài Gòn").0, "79");
    assert_eq!(find("TP HCM").0, "79");
    assert_eq!(find("TP. Hồ Chí Minh").0, "79");
    assert!(find_province("Atlantis").is_none());
    assert!(find_province("").is_none());
    // Every old name leads to its new province.
    for old in legacy_units::old_provinces() {
        assert_eq!(find(&old.name).0, old.new_code, "{}", old.name);
    }
}

#[test]
fn a_search_naming_a_province_says_which_and_keeps_its_other_words() {
    let place = |query: &str| {
        let (place, rest) = place_in_query(query).unwrap_or_else(|| panic!("{query}"));
        (place.code, place.formerly, rest)
    };
    assert_eq!(
        place("khai tu o Ha Tay"),
        ("01".into(), Some("Tỉnh Hà Tây".into()), "khai tu".into())
    );
    assert_eq!(
        place("đăng ký hộ kinh doanh tỉnh Bắc Giang"),
        (
            "24".into(),
            Some("Tỉnh Bắc Giang".into()),
            "dang ky ho kinh doanh".into()
        )
    );
    assert_eq!(
        place("làm căn cước ở thành phố Hồ Chí Minh nhanh nhất"),
        ("79".into(), None, "lam can cuoc nhanh nhat".into()),
        "the longest name wins, and its 'ở thành phố' goes with it"
    );
    assert_eq!(place("tam tru vung tau").0, "79");
    assert_eq!(place("Bà Rịa - Vũng Tàu").2, "");
    assert!(place_in_query("lam giay khai sinh cho con").is_none());
    assert!(place_in_query("").is_none());
}

#[test]
fn a_province_in_the_search_does_not_change_what_it_finds() {
    let catalog = procedures::Catalog::bundled().unwrap();
    let codes = |query: &str| -> Vec<String> { catalog.search(query).into_iter().map(|p| p.code).collect() };
    assert_eq!(codes("khai tu o ha tay"), codes("khai tu"));
    assert_eq!(
        codes("dang ky ho kinh doanh o Sai Gon").first().map(String::as_str),
        Some("1.001612")
    );
    assert!(
        codes("thoi tiet ha noi hom nay").is_empty() == codes("thoi tiet hom nay").is_empty(),
        "the place is no word about a procedure"
    );
}
