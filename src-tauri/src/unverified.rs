//! `tro-ly-dich-vu-cong --unverified`: the facts of the bundled catalog that
//! no verified source backs, for officers and maintainers (citizens see one
//! plain line on the procedure page instead). Printed in the language of the
//! environment (`LC_ALL`, `LC_MESSAGES`, `LANG`), Vietnamese by default.

use l10n::{FluentArgs, Locale, Localizer};
use procedures::Catalog;
use procedures::definition::UnverifiedFact;

/// The language the terminal asks for, from the POSIX locale variables.
pub fn terminal_locale(var: impl Fn(&str) -> Option<String>) -> Locale {
    let asked = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(&var)
        .find(|value| !value.is_empty())
        .unwrap_or_default();
    // `vi_VN.UTF-8` → `vi-VN`.
    let tag = asked.split(['.', '@']).next().unwrap_or_default().replace('_', "-");
    Locale::negotiate(&[&tag])
}

/// The report: each procedure with unverified facts, each fact with its
/// source as far as one is recorded, then how many there are.
pub fn report(catalog: &Catalog, localizer: &Localizer, locale: Locale) -> String {
    let message = |id: &str, args: &[(&str, String)]| {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        localizer.message(locale, id, Some(&fluent))
    };
    let mut lines = Vec::new();
    let (mut facts, mut procedures) = (0, 0);
    for procedure in catalog.procedures() {
        let definition = &procedure.definition;
        let unverified = definition.unverified_facts();
        if unverified.is_empty() {
            continue;
        }
        procedures += 1;
        facts += unverified.len();
        let name = match locale {
            Locale::Vi => &definition.name.vi,
            Locale::En => &definition.name.en,
        };
        lines.push(String::new());
        lines.push(message(
            "cli-unverified-procedure",
            &[("code", definition.code.clone()), ("name", name.clone())],
        ));
        for fact in unverified {
            lines.push(message(
                "cli-unverified-fact",
                &[("fact", fact.fact.clone()), ("source", source_text(&fact, &message))],
            ));
        }
    }
    let summary = if facts == 0 {
        message("cli-unverified-none", &[])
    } else {
        message(
            "cli-unverified-count",
            &[("facts", facts.to_string()), ("procedures", procedures.to_string())],
        )
    };
    lines.insert(0, summary);
    lines.join("\n") + "\n"
}

/// Where an unverified fact comes from, as far as it is recorded.
fn source_text(fact: &UnverifiedFact, message: &impl Fn(&str, &[(&str, String)]) -> String) -> String {
    let Some(source) = &fact.source else {
        return message("cli-unverified-no-source", &[]);
    };
    let mut parts: Vec<String> = Vec::new();
    parts.extend(source.cite.clone());
    parts.extend(
        source
            .checked
            .as_ref()
            .map(|day| message("cli-unverified-checked", &[("day", day.clone())])),
    );
    parts.extend(source.remark.clone());
    if parts.is_empty() {
        message("cli-unverified-no-source", &[])
    } else {
        parts.join(" · ")
    }
}

/// Prints the report for the bundled catalog.
pub fn print() {
    let catalog = Catalog::bundled().expect("the bundled catalog loads (its tests say so)");
    let localizer = Localizer::bundled().expect("the bundled locales load (their tests say so)");
    let locale = terminal_locale(|name| std::env::var(name).ok());
    print!("{}", report(&catalog, &localizer, locale));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned())
    }

    #[test]
    fn the_terminal_language_comes_from_the_posix_variables() {
        assert_eq!(terminal_locale(env(&[("LANG", "en_US.UTF-8")])), Locale::En);
        assert_eq!(terminal_locale(env(&[("LANG", "vi_VN.UTF-8")])), Locale::Vi);
        assert_eq!(
            terminal_locale(env(&[("LC_ALL", "vi_VN.UTF-8"), ("LANG", "en_GB.UTF-8")])),
            Locale::Vi,
            "LC_ALL wins"
        );
        assert_eq!(
            terminal_locale(env(&[("LANG", "C")])),
            Locale::Vi,
            "Vietnamese by default"
        );
        assert_eq!(terminal_locale(env(&[])), Locale::Vi);
    }

    #[test]
    fn the_report_lists_each_unverified_fact_under_its_procedure() {
        let catalog = Catalog::bundled().unwrap();
        let localizer = Localizer::bundled().unwrap();
        let text = report(&catalog, &localizer, Locale::Vi);
        let total: usize = catalog
            .procedures()
            .iter()
            .map(|p| p.definition.unverified_facts().len())
            .sum();
        let listed = text.lines().filter(|l| l.starts_with("  • ")).count();
        assert_eq!(listed, total, "one line per unverified fact:\n{text}");
        for procedure in catalog.procedures() {
            let d = &procedure.definition;
            let heading = text.lines().any(|l| l.starts_with(&d.code) && l.contains(&d.name.vi));
            assert_eq!(
                heading,
                !d.unverified_facts().is_empty(),
                "{} is listed only with unverified facts",
                d.code
            );
        }
        assert!(!text.contains("cli-unverified"), "every message is defined:\n{text}");
        let english = report(&catalog, &localizer, Locale::En);
        assert_ne!(
            english.lines().next(),
            text.lines().next(),
            "the report speaks the terminal's language"
        );
    }
}
