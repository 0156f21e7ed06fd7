//! What the engine tells the user: a Fluent message id with arguments (the
//! words live in `locales/`), or a definition's own text.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::definition::LocalizedText;

/// An argument of a Fluent message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(untagged)]
pub enum Arg {
    /// A number, so Fluent can pick the plural form.
    Number(i64),
    /// Any other value.
    Text(String),
}

/// A message for the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Message {
    /// A message from `locales/`, e.g. `error-citizen-id-format`.
    Fluent {
        /// Fluent message id.
        id: String,
        /// Its arguments.
        args: BTreeMap<String, Arg>,
    },
    /// Text written in the procedure's definition.
    Text {
        /// The text in every language.
        text: LocalizedText,
    },
}

impl Message {
    /// A Fluent message without arguments.
    pub fn id(id: &str) -> Self {
        Self::Fluent {
            id: id.to_owned(),
            args: BTreeMap::new(),
        }
    }

    /// Adds an argument to a Fluent message.
    pub fn arg(mut self, name: &str, value: impl Into<Arg>) -> Self {
        if let Self::Fluent { args, .. } = &mut self {
            args.insert(name.to_owned(), value.into());
        }
        self
    }

    /// The Fluent id, if this is a Fluent message.
    pub fn fluent_id(&self) -> Option<&str> {
        match self {
            Self::Fluent { id, .. } => Some(id),
            Self::Text { .. } => None,
        }
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Self::Number(n)
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Self::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Self::Text(s.to_owned())
    }
}
