//! Every bound this crate puts on its input, in one place.
//!
//! Definitions come from the bundled catalog, from a portal's catalog update
//! and from the training sandbox's admin route; answers come from whatever a
//! user types or pastes. None of them may make the app crash, hang or hold
//! megabytes it never needed, so the loader, the condition parser, the
//! validators and search refuse (or, for search, cut) anything beyond these
//! limits. `docs/procedure-format.md` lists them under "Limits"; keep the two
//! in step.

/// Largest definition source text (TOML or JSON) the loader reads, in bytes.
/// A definition that arrives already parsed is measured as compact JSON.
pub const MAX_DEFINITION_BYTES: usize = 512 * 1024;

/// Most steps in one definition.
pub const MAX_STEPS: usize = 50;

/// Most fields in one definition, counted over all its steps.
pub const MAX_FIELDS: usize = 500;

/// Most documents in one definition's checklist.
pub const MAX_DOCUMENTS: usize = 100;

/// Most options of one `choice` field.
pub const MAX_OPTIONS: usize = 500;

/// Most entries of any other list in a definition (topics, life events,
/// keywords, notes, legal references, fee rules, accepted file kinds, and the
/// checks of one field).
pub const MAX_LIST_ITEMS: usize = 100;

/// Most entries of `sources`: one for every document and legal reference,
/// and a few for the procedure's other facts.
pub const MAX_SOURCES: usize = MAX_DOCUMENTS + MAX_LIST_ITEMS + 8;

/// Longest user-visible text (each language of a name, label, help, note,
/// message…) and longest keyword, in bytes of UTF-8.
pub const MAX_TEXT_BYTES: usize = 4 * 1024;

/// Longest id (step, field, document), option value, field link or legal
/// document number, in bytes.
pub const MAX_ID_BYTES: usize = 64;

/// Longest condition text, in bytes; checked before the condition is parsed.
pub const MAX_CONDITION_BYTES: usize = 2 * 1024;

/// Deepest nesting of a condition: every `(` and every `!`/`not` counts one
/// level, so parsing, evaluating and dropping a condition never recurse
/// deeper than a small multiple of this.
pub const MAX_CONDITION_DEPTH: usize = 32;

/// Largest `max_size_mb` a document may ask for, in MiB (the portal's own
/// upload limit).
pub const MAX_FILE_SIZE_MB: u32 = 20;

/// Largest side of a photo's printed size, in centimetres.
pub const MAX_PHOTO_CM: u32 = 20;

/// Largest pixel minimum a photo rule may ask for, on either side.
pub const MAX_PHOTO_PX: u32 = 10_000;

/// Largest definition `version`, so that an update cannot pin a procedure for
/// good with `u32::MAX` over every later bundled fix.
pub const MAX_VERSION: u32 = 1_000_000;

/// Longest answer to a `text` field, in characters.
pub const MAX_TEXT_ANSWER_CHARS: usize = 200;

/// Longest answer to a `long_text` field, in characters.
pub const MAX_LONG_TEXT_ANSWER_CHARS: usize = 2000;

/// Longest person's full name, in characters (after cleaning).
pub const MAX_NAME_CHARS: usize = 100;

/// Longest e-mail address, in characters (RFC 5321's path limit).
pub const MAX_EMAIL_CHARS: usize = 254;

/// Longest street part of an address, in characters.
pub const MAX_STREET_CHARS: usize = 200;

/// Longest typed citizen ID, phone number or date, in characters, spaces and
/// separators included; any valid one is far shorter.
pub const MAX_SHORT_ANSWER_CHARS: usize = 32;

/// Longest search query, in characters; a longer query is cut to this.
pub const MAX_QUERY_CHARS: usize = 256;
