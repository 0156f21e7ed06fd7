//! Localization for the Rust side: the Fluent bundles built from `locales/`
//! (the same files the UI loads), locale negotiation, and the Vietnamese ways
//! of writing dates and amounts of money.

mod format;
mod words;

use std::collections::{BTreeSet, HashMap};

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use include_dir::{Dir, include_dir};
use unic_langid::{LanguageIdentifier, langid};

pub use fluent_bundle::FluentArgs;
pub use format::{format_date, format_vnd};
pub use words::amount_in_words;

static LOCALES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../locales");

/// The locales the app ships, default first.
pub const SUPPORTED: [&str; 2] = ["vi", "en"];

/// Problems with the bundled `.ftl` files.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file does not parse as Fluent.
    #[error("{file}: {problem}")]
    Syntax {
        /// The file.
        file: String,
        /// Fluent's description of the first problem.
        problem: String,
    },
    /// Two files of one locale define the same id.
    #[error("{file}: message `{id}` is defined twice")]
    Duplicate {
        /// The file holding the second definition.
        file: String,
        /// The message id.
        id: String,
    },
}

/// Result of loading bundles.
pub type Result<T> = std::result::Result<T, Error>;

/// A supported locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    /// Vietnamese, the default.
    Vi,
    /// English.
    En,
}

impl Locale {
    /// The locale's language tag.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Vi => "vi",
            Locale::En => "en",
        }
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Locale::Vi => langid!("vi"),
            Locale::En => langid!("en"),
        }
    }

    /// Picks the best supported locale for the user's preferences
    /// (e.g. `["en-US", "vi-VN"]`); Vietnamese when nothing matches.
    pub fn negotiate(requested: &[&str]) -> Self {
        let requested: Vec<LanguageIdentifier> = requested.iter().filter_map(|r| r.parse().ok()).collect();
        let available = [langid!("vi"), langid!("en")];
        let default = langid!("vi");
        let chosen = fluent_langneg::negotiate_languages(
            &requested,
            &available,
            Some(&default),
            fluent_langneg::NegotiationStrategy::Lookup,
        );
        match chosen.first().map(|l| l.language.as_str()) {
            Some("en") => Locale::En,
            _ => Locale::Vi,
        }
    }
}

/// Fluent bundles for every supported locale.
pub struct Localizer {
    bundles: HashMap<Locale, FluentBundle<FluentResource>>,
}

impl Localizer {
    /// Builds the bundles from the `.ftl` files compiled into the binary.
    pub fn bundled() -> Result<Self> {
        let mut bundles = HashMap::new();
        for locale in [Locale::Vi, Locale::En] {
            let mut bundle = FluentBundle::new_concurrent(vec![locale.langid()]);
            bundle.set_use_isolating(false);
            let dir = LOCALES.get_dir(locale.tag()).into_iter().flat_map(|d| d.files());
            for file in dir.filter(|f| f.path().extension().is_some_and(|e| e == "ftl")) {
                let name = file.path().display().to_string();
                let text = file.contents_utf8().unwrap_or_default().to_owned();
                let resource = FluentResource::try_new(text).map_err(|(_, errors)| Error::Syntax {
                    file: name.clone(),
                    problem: errors.first().map(|e| e.to_string()).unwrap_or_default(),
                })?;
                bundle.add_resource(resource).map_err(|errors| Error::Duplicate {
                    file: name.clone(),
                    id: errors
                        .first()
                        .map(|e| match e {
                            fluent_bundle::FluentError::Overriding { id, .. } => id.clone(),
                            other => other.to_string(),
                        })
                        .unwrap_or_default(),
                })?;
            }
            bundles.insert(locale, bundle);
        }
        Ok(Self { bundles })
    }

    /// Formats a message; a missing id comes back as the id itself, so a
    /// gap shows up on screen and in tests instead of as blank text.
    pub fn message(&self, locale: Locale, id: &str, args: Option<&FluentArgs>) -> String {
        let bundle = &self.bundles[&locale];
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut errors = Vec::new();
        bundle.format_pattern(pattern, args, &mut errors).into_owned()
    }

    /// The message `id` in `locale` with `args` given as (name, text) pairs.
    pub fn say(&self, locale: Locale, id: &str, args: &[(&str, String)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        self.message(locale, id, Some(&fluent))
    }

    /// Every message id a locale defines.
    pub fn ids(&self, locale: Locale) -> BTreeSet<String> {
        let mut ids = BTreeSet::new();
        for file in LOCALES.get_dir(locale.tag()).into_iter().flat_map(|d| d.files()) {
            if let Some(Ok(resource)) = file
                .contents_utf8()
                .map(|text| FluentResource::try_new(text.to_owned()))
            {
                ids.extend(resource.entries().filter_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                    _ => None,
                }));
            }
        }
        ids
    }
}
