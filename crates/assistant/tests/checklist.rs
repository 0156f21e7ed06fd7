//! The what-to-bring checklist of real procedures, as the person saves it:
//! `pdftotext` reads back every document of the definition, the agency, the
//! fee quoted for the day, and the footer, in the chosen language.

use std::process::Command;

use chrono::NaiveDate;
use l10n::{Locale, Localizer};
use procedures::Catalog;

fn text_of(pdf: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("checklist-{}.pdf", std::process::id()));
    std::fs::write(&path, pdf).expect("written");
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", &path.to_string_lossy(), "-"])
        .output()
        .expect("pdftotext runs (poppler-utils)");
    std::fs::remove_file(&path).ok();
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_checklist_lists_every_document_with_the_fee_of_the_day() {
    let catalog = Catalog::bundled().unwrap();
    let localizer = Localizer::bundled().unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let residence = catalog.get("1.004222").unwrap();
    let pdf = assistant::checklist::of(residence, &localizer, Locale::Vi, day)
        .to_pdf()
        .expect("drawn");
    let text = text_of(&pdf);
    assert!(text.contains("Giấy tờ cần mang: Đăng ký thường trú"), "{text}");
    assert!(text.contains("Mã thủ tục: 1.004222"));
    for document in &residence.definition.documents {
        let first_words: String = document
            .name
            .vi
            .split_whitespace()
            .take(6)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains(&first_words), "{first_words:?} is listed: {text}");
    }
    assert!(
        text.contains("Phí, lệ phí: 10.000 ₫; nộp trực tiếp: 20.000 ₫"),
        "both ways of filing: {text}"
    );
    assert!(text.contains("(chỉ cần trong một số trường hợp)"));
    assert!(text.contains("ngày 07/12/2026"), "the footer dates it");

    let card = catalog.get("1.116410").unwrap();
    let english = text_of(
        &assistant::checklist::of(card, &localizer, Locale::En, day)
            .to_pdf()
            .expect("drawn"),
    );
    assert!(
        english.contains("What to bring: Issuing, exchanging or replacing an ID card"),
        "{english}"
    );
    assert!(
        english.contains("Fees: 25,000 ₫"),
        "the cut of the day, in English: {english}"
    );
}
