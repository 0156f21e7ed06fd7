//! The bundled locales: they parse, they define the same ids, and they speak.

use l10n::{Locale, Localizer};

#[test]
fn every_id_exists_in_both_locales() {
    let localizer = Localizer::bundled().unwrap_or_else(|e| panic!("a .ftl file is broken: {e}"));
    let vi = localizer.ids(Locale::Vi);
    let en = localizer.ids(Locale::En);
    let only_vi: Vec<_> = vi.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&vi).collect();
    assert!(only_vi.is_empty(), "ids missing from locales/en: {only_vi:?}");
    assert!(only_en.is_empty(), "ids missing from locales/vi: {only_en:?}");
}

#[test]
fn messages_format_with_arguments_and_plural_selectors() {
    let localizer = Localizer::bundled().unwrap();
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("encoded", "female");
    let text = localizer.message(Locale::Vi, "error-citizen-id-sex", Some(&args));
    assert!(
        text.contains("giới tính nữ"),
        "the selector picks the Vietnamese word: {text}"
    );
    assert_eq!(
        localizer.message(Locale::Vi, "shell-window-title", None),
        "Trợ lý Dịch vụ công"
    );
    assert_eq!(
        localizer.message(Locale::En, "no-such-id", None),
        "no-such-id",
        "a gap shows as its id"
    );
}

#[test]
fn negotiation_prefers_the_users_languages_and_defaults_to_vietnamese() {
    assert_eq!(Locale::negotiate(&["en-US", "vi-VN"]), Locale::En);
    assert_eq!(Locale::negotiate(&["vi-VN"]), Locale::Vi);
    assert_eq!(
        Locale::negotiate(&["fr-FR"]),
        Locale::Vi,
        "unsupported languages fall back to Vietnamese"
    );
    assert_eq!(Locale::negotiate(&[]), Locale::Vi);
}
