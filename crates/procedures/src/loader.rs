//! Reads a definition from TOML and checks every rule of the format before the
//! engine ever sees it, so that a broken definition fails at load time with a
//! message naming the file, the place and the problem, and never panics later.
//!
//! Every bound of [`crate::limits`] is checked here, before anything walks the
//! definition, and every walk is a loop, so no definition from any source can
//! exhaust the stack, the memory or the time of the app.

use std::collections::{HashMap, HashSet};

use crate::condition::Condition;
use crate::definition::{
    Definition, DocumentRequirement, FORMAT_VERSION, FieldKind, FileKind, LIFE_EVENTS, LocalizedText, PhotoRules,
    TOPICS,
};
use crate::error::{Error, Result};
use crate::limits::{
    MAX_CONDITION_BYTES, MAX_DEFINITION_BYTES, MAX_DOCUMENTS, MAX_FIELDS, MAX_FILE_SIZE_MB, MAX_ID_BYTES,
    MAX_LIST_ITEMS, MAX_OPTIONS, MAX_PHOTO_CM, MAX_PHOTO_PX, MAX_SOURCES, MAX_STEPS, MAX_TEXT_BYTES, MAX_VERSION,
};

/// A definition whose conditions are parsed and whose references all resolve.
#[derive(Debug, Clone)]
pub struct Procedure {
    /// The definition as written.
    pub definition: Definition,
    conditions: HashMap<String, Condition>,
    field_kinds: HashMap<String, FieldKind>,
    /// Every field as `(step, field)` indices, each after the fields its
    /// visibility depends on.
    visibility_order: Vec<(usize, usize)>,
}

impl Procedure {
    /// Parses and checks one definition written in TOML; `file` names it in
    /// errors. Text over [`MAX_DEFINITION_BYTES`] is refused unread.
    pub fn from_toml(file: &str, text: &str) -> Result<Self> {
        source_within_limit(file, text)?;
        let definition: Definition = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((1, 1), |span| line_and_column(text, span.start));
            Error::Syntax {
                file: file.to_owned(),
                line,
                column,
                problem: e.message().to_owned(),
            }
        })?;
        Self::checked(file, definition)
    }

    /// Parses and checks one definition written in JSON (the shape of a
    /// portal's catalog update); `file` names it in errors. Text over
    /// [`MAX_DEFINITION_BYTES`] is refused unread.
    pub fn from_json(file: &str, text: &str) -> Result<Self> {
        source_within_limit(file, text)?;
        let definition: Definition = serde_json::from_str(text).map_err(|e| Error::Syntax {
            file: file.to_owned(),
            line: e.line().max(1),
            column: e.column().max(1),
            problem: e.to_string(),
        })?;
        Self::checked(file, definition)
    }

    /// Checks a definition that arrived already parsed; `file` names its
    /// source in errors. Its size is measured as compact JSON against
    /// [`MAX_DEFINITION_BYTES`].
    pub fn from_definition(file: &str, definition: Definition) -> Result<Self> {
        let mut budget = Budget {
            left: MAX_DEFINITION_BYTES,
        };
        if serde_json::to_writer(&mut budget, &definition).is_err() {
            return Err(Error::Invalid {
                file: file.to_owned(),
                place: "definition".into(),
                problem: format!("the definition is larger than {MAX_DEFINITION_BYTES} bytes"),
            });
        }
        Self::checked(file, definition)
    }

    /// Checks a definition a portal sent when asked for the procedure
    /// `expected_code`: a body naming any other code is refused (so an update
    /// can never replace another procedure), then every rule and limit of
    /// [`Procedure::from_definition`] applies. `origin` names the source in
    /// errors, e.g. `portal:1.001193`.
    pub fn from_update(expected_code: &str, origin: &str, definition: Definition) -> Result<Self> {
        if definition.code != expected_code {
            return Err(Error::Invalid {
                file: origin.to_owned(),
                place: "code".into(),
                problem: format!(
                    "the update is for `{}`, but `{}` was asked for",
                    shown(&definition.code),
                    shown(expected_code)
                ),
            });
        }
        Self::from_definition(origin, definition)
    }

    fn checked(file: &str, definition: Definition) -> Result<Self> {
        let Checked {
            conditions,
            visibility_order,
        } = Checker::new(file, &definition).check()?;
        let field_kinds = definition
            .steps
            .iter()
            .flat_map(|s| &s.fields)
            .map(|f| (f.id.clone(), f.kind))
            .collect();
        Ok(Self {
            definition,
            conditions,
            field_kinds,
            visibility_order,
        })
    }

    /// The parsed form of a condition written in this definition.
    pub(crate) fn condition(&self, text: &str) -> Option<&Condition> {
        self.conditions.get(text)
    }

    /// The kind of a field, by id.
    pub(crate) fn field_kind(&self, id: &str) -> Option<FieldKind> {
        self.field_kinds.get(id).copied()
    }

    /// Every field as `(step, field)` indices, each after every field its
    /// `show_if` (or its step's) reads, so one pass settles visibility.
    pub(crate) fn visibility_order(&self) -> &[(usize, usize)] {
        &self.visibility_order
    }
}

fn source_within_limit(file: &str, text: &str) -> Result<()> {
    if text.len() > MAX_DEFINITION_BYTES {
        return Err(Error::Invalid {
            file: file.to_owned(),
            place: "definition".into(),
            problem: format!(
                "the definition is {} bytes long; the limit is {MAX_DEFINITION_BYTES}",
                text.len()
            ),
        });
    }
    Ok(())
}

/// A writer that only counts, and fails once more than `left` bytes came.
struct Budget {
    left: usize,
}

impl std::io::Write for Budget {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.left = self
            .left
            .checked_sub(buf.len())
            .ok_or_else(|| std::io::Error::other("over the size limit"))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A value from the definition as an error may quote it: at most
/// [`MAX_ID_BYTES`] of it, so a hostile megabyte never reaches a log.
fn shown(text: &str) -> String {
    if text.len() <= MAX_ID_BYTES {
        return text.to_owned();
    }
    format!("{}…", &text[..text.floor_char_boundary(MAX_ID_BYTES)])
}

fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..text.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Every condition in a definition with its place, in document order.
fn condition_places(d: &Definition) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    for (i, rule) in d.fee.rules.iter().enumerate() {
        if let Some(when) = &rule.when {
            out.push((format!("fee.rules[{i}].when"), when.as_str()));
        }
    }
    for (i, doc) in d.documents.iter().enumerate() {
        if let Some(c) = &doc.required_if {
            out.push((format!("documents[{i}].required_if"), c.as_str()));
        }
    }
    for (s, step) in d.steps.iter().enumerate() {
        if let Some(c) = &step.show_if {
            out.push((format!("steps[{s}].show_if"), c.as_str()));
        }
        for (f, field) in step.fields.iter().enumerate() {
            if let Some(c) = &field.show_if {
                out.push((format!("steps[{s}].fields[{f}].show_if"), c.as_str()));
            }
            for (k, check) in field.checks.iter().enumerate() {
                out.push((format!("steps[{s}].fields[{f}].checks[{k}].rule"), check.rule.as_str()));
            }
            for (k, rule) in field.same_as.iter().enumerate() {
                out.push((format!("steps[{s}].fields[{f}].same_as[{k}].when"), rule.when.as_str()));
            }
            if let Some(c) = &field.meaning_if {
                out.push((format!("steps[{s}].fields[{f}].meaning_if"), c.as_str()));
            }
        }
    }
    out
}

/// What checking yields besides the verdict.
struct Checked {
    /// The definition's conditions, parsed, by text.
    conditions: HashMap<String, Condition>,
    /// See [`Procedure::visibility_order`].
    visibility_order: Vec<(usize, usize)>,
}

struct Checker<'a> {
    file: &'a str,
    d: &'a Definition,
    kinds: HashMap<&'a str, FieldKind>,
}

impl<'a> Checker<'a> {
    fn new(file: &'a str, d: &'a Definition) -> Self {
        Self {
            file,
            d,
            kinds: HashMap::new(),
        }
    }

    fn fail(&self, place: impl Into<String>, problem: impl Into<String>) -> Error {
        Error::Invalid {
            file: self.file.to_owned(),
            place: place.into(),
            problem: problem.into(),
        }
    }

    /// Checks every rule and limit.
    fn check(mut self) -> Result<Checked> {
        let d = self.d;
        if d.format != FORMAT_VERSION {
            return Err(self.fail(
                "format",
                format!(
                    "format {} is not supported; this app reads format {FORMAT_VERSION}",
                    d.format
                ),
            ));
        }
        self.counts()?;
        if !is_procedure_code(&d.code) {
            return Err(self.fail(
                "code",
                format!("`{}` is not a procedure code like 1.001193", shown(&d.code)),
            ));
        }
        if d.version > MAX_VERSION {
            return Err(self.fail(
                "version",
                format!("version {} is above the limit of {MAX_VERSION}", d.version),
            ));
        }
        if let Some((i, topic)) = d.topics.iter().enumerate().find(|(_, t)| !TOPICS.contains(&t.as_str())) {
            return Err(self.fail(
                format!("topics[{i}]"),
                format!("`{}` is not a known topic", shown(topic)),
            ));
        }
        if let Some((i, event)) = d
            .life_events
            .iter()
            .enumerate()
            .find(|(_, e)| !LIFE_EVENTS.contains(&e.as_str()))
        {
            return Err(self.fail(
                format!("life_events[{i}]"),
                format!("`{}` is not a known life event", shown(event)),
            ));
        }
        self.texts()?;
        self.ids()?;
        self.sources()?;
        self.fields()?;
        self.named_fields()?;
        self.fee_rules()?;
        let conditions = self.conditions()?;
        let visibility_order = self.visibility_order(&conditions)?;
        Ok(Checked {
            conditions,
            visibility_order,
        })
    }

    /// How many of each thing a definition holds, checked before any walk.
    fn counts(&self) -> Result<()> {
        let d = self.d;
        let mut lists: Vec<(String, usize, usize)> = vec![
            ("steps".into(), d.steps.len(), MAX_STEPS),
            ("documents".into(), d.documents.len(), MAX_DOCUMENTS),
            ("topics".into(), d.topics.len(), MAX_LIST_ITEMS),
            ("life_events".into(), d.life_events.len(), MAX_LIST_ITEMS),
            ("keywords".into(), d.keywords.len(), MAX_LIST_ITEMS),
            ("notes".into(), d.notes.len(), MAX_LIST_ITEMS),
            ("legal_basis".into(), d.legal_basis.len(), MAX_LIST_ITEMS),
            ("fee.rules".into(), d.fee.rules.len(), MAX_LIST_ITEMS),
            ("fee.per_item".into(), d.fee.per_item.len(), MAX_LIST_ITEMS),
            ("sources".into(), d.sources.len(), MAX_SOURCES),
        ];
        for (i, doc) in d.documents.iter().enumerate() {
            lists.push((format!("documents[{i}].accepted"), doc.accepted.len(), MAX_LIST_ITEMS));
        }
        for (place, count, limit) in lists {
            if count > limit {
                return Err(self.fail(place, format!("{count} entries; the limit is {limit}")));
            }
        }
        let fields: usize = d.steps.iter().map(|s| s.fields.len()).sum();
        if fields > MAX_FIELDS {
            return Err(self.fail("steps", format!("{fields} fields in all; the limit is {MAX_FIELDS}")));
        }
        for (s, step) in d.steps.iter().enumerate() {
            for (f, field) in step.fields.iter().enumerate() {
                let lists = [
                    ("options", field.options.len(), MAX_OPTIONS),
                    ("checks", field.checks.len(), MAX_LIST_ITEMS),
                    ("same_as", field.same_as.len(), MAX_LIST_ITEMS),
                ];
                for (key, count, limit) in lists {
                    if count > limit {
                        return Err(self.fail(
                            format!("steps[{s}].fields[{f}].{key}"),
                            format!("{count} entries; the limit is {limit}"),
                        ));
                    }
                }
            }
        }
        Ok(())
    }

    /// Strings that are not user-visible text: short values, at most
    /// [`MAX_ID_BYTES`]; keywords, at most [`MAX_TEXT_BYTES`].
    fn short_strings(&self) -> Result<()> {
        let d = self.d;
        let mut strings: Vec<(String, &str, usize)> = Vec::new();
        strings.extend(
            d.keywords
                .iter()
                .enumerate()
                .map(|(i, k)| (format!("keywords[{i}]"), k.as_str(), MAX_TEXT_BYTES)),
        );
        strings.extend(
            d.legal_basis
                .iter()
                .enumerate()
                .map(|(i, l)| (format!("legal_basis[{i}].number"), l.number.as_str(), MAX_ID_BYTES)),
        );
        strings.extend(
            d.subject_field
                .as_deref()
                .map(|s| ("subject_field".to_owned(), s, MAX_ID_BYTES)),
        );
        strings.extend(
            d.fee
                .per_item
                .iter()
                .enumerate()
                .map(|(i, item)| (format!("fee.per_item[{i}].field"), item.field.as_str(), MAX_ID_BYTES)),
        );
        strings.extend(
            d.documents
                .iter()
                .enumerate()
                .map(|(i, doc)| (format!("documents[{i}].id"), doc.id.as_str(), MAX_ID_BYTES)),
        );
        for (s, step) in d.steps.iter().enumerate() {
            strings.push((format!("steps[{s}].id"), step.id.as_str(), MAX_ID_BYTES));
            for (f, field) in step.fields.iter().enumerate() {
                let place = format!("steps[{s}].fields[{f}]");
                strings.push((format!("{place}.id"), field.id.as_str(), MAX_ID_BYTES));
                for (key, link) in [
                    ("birth_date_field", &field.birth_date_field),
                    ("sex_field", &field.sex_field),
                ] {
                    strings.extend(link.as_deref().map(|l| (format!("{place}.{key}"), l, MAX_ID_BYTES)));
                }
                strings.extend(
                    field
                        .same_as
                        .iter()
                        .enumerate()
                        .map(|(k, rule)| (format!("{place}.same_as[{k}].field"), rule.field.as_str(), MAX_ID_BYTES)),
                );
                strings.extend(
                    field
                        .options
                        .iter()
                        .enumerate()
                        .map(|(o, opt)| (format!("{place}.options[{o}].value"), opt.value.as_str(), MAX_ID_BYTES)),
                );
            }
        }
        for (place, text, limit) in strings {
            if text.len() > limit {
                return Err(self.fail(place, format!("{} bytes long; the limit is {limit}", text.len())));
            }
        }
        Ok(())
    }

    fn texts(&self) -> Result<()> {
        let d = self.d;
        let mut texts: Vec<(String, &LocalizedText)> = vec![
            ("name".into(), &d.name),
            ("summary".into(), &d.summary),
            ("agency.name".into(), &d.agency.name),
            ("processing_time".into(), &d.processing_time),
        ];
        texts.extend(d.fee.note.iter().map(|t| ("fee.note".to_owned(), t)));
        texts.extend(
            d.fee
                .rules
                .iter()
                .enumerate()
                .map(|(i, r)| (format!("fee.rules[{i}].reason"), &r.reason)),
        );
        texts.extend(
            d.fee
                .per_item
                .iter()
                .enumerate()
                .map(|(i, item)| (format!("fee.per_item[{i}].label"), &item.label)),
        );
        texts.extend(d.notes.iter().enumerate().map(|(i, n)| (format!("notes[{i}]"), n)));
        texts.extend(
            d.documents
                .iter()
                .enumerate()
                .filter_map(|(i, doc)| Some((format!("documents[{i}].note"), doc.note.as_ref()?))),
        );
        texts.extend(
            d.legal_basis
                .iter()
                .enumerate()
                .map(|(i, l)| (format!("legal_basis[{i}].title"), &l.title)),
        );
        texts.extend(
            d.documents
                .iter()
                .enumerate()
                .map(|(i, doc)| (format!("documents[{i}].name"), &doc.name)),
        );
        for (s, step) in d.steps.iter().enumerate() {
            texts.push((format!("steps[{s}].title"), &step.title));
            texts.extend(step.intro.iter().map(|t| (format!("steps[{s}].intro"), t)));
            for (f, field) in step.fields.iter().enumerate() {
                texts.push((format!("steps[{s}].fields[{f}].label"), &field.label));
                texts.extend(field.help.iter().map(|t| (format!("steps[{s}].fields[{f}].help"), t)));
                texts.extend(
                    field
                        .options
                        .iter()
                        .enumerate()
                        .map(|(o, opt)| (format!("steps[{s}].fields[{f}].options[{o}].label"), &opt.label)),
                );
                texts.extend(
                    field
                        .checks
                        .iter()
                        .enumerate()
                        .map(|(k, c)| (format!("steps[{s}].fields[{f}].checks[{k}].message"), &c.message)),
                );
            }
        }
        for (place, text) in texts {
            if text.vi.trim().is_empty() || text.en.trim().is_empty() {
                return Err(self.fail(place, "text is empty in one language; give both `vi` and `en`"));
            }
            if let Some((language, long)) = [("vi", &text.vi), ("en", &text.en)]
                .into_iter()
                .find(|(_, t)| t.len() > MAX_TEXT_BYTES)
            {
                return Err(self.fail(
                    place,
                    format!(
                        "text in `{language}` is {} bytes long; the limit is {MAX_TEXT_BYTES}",
                        long.len()
                    ),
                ));
            }
        }
        self.short_strings()?;
        if d.steps.is_empty() {
            return Err(self.fail("steps", "a procedure needs at least one step"));
        }
        Ok(())
    }

    /// Each source names a fact of this definition (or a whole list) once;
    /// a verified one says where and when it was checked.
    fn sources(&self) -> Result<()> {
        let d = self.d;
        let facts: HashSet<String> = d
            .facts()
            .into_iter()
            .chain(["documents".into(), "legal_basis".into()])
            .collect();
        let mut seen = HashSet::new();
        for (i, source) in d.sources.iter().enumerate() {
            let place = format!("sources[{i}]");
            if !facts.contains(&source.fact) {
                return Err(self.fail(
                    format!("{place}.fact"),
                    format!(
                        "`{}` is not a fact of this procedure: agency, processing_time, fee, documents, documents.<id>, legal_basis or legal_basis.<number>",
                        shown(&source.fact)
                    ),
                ));
            }
            if !seen.insert(source.fact.as_str()) {
                return Err(self.fail(
                    format!("{place}.fact"),
                    format!("`{}` has a source already", source.fact),
                ));
            }
            for (key, text) in [("cite", &source.cite), ("remark", &source.remark)] {
                if let Some(text) = text.as_deref().filter(|t| t.len() > MAX_TEXT_BYTES) {
                    return Err(self.fail(
                        format!("{place}.{key}"),
                        format!("{} bytes long; the limit is {MAX_TEXT_BYTES}", text.len()),
                    ));
                }
            }
            if let Some(checked) = &source.checked {
                let day = (checked.len() == 10).then(|| chrono::NaiveDate::parse_from_str(checked, "%d/%m/%Y").ok());
                if day.flatten().is_none() {
                    return Err(self.fail(
                        format!("{place}.checked"),
                        format!("`{}` is not a day written dd/mm/yyyy", shown(checked)),
                    ));
                }
            }
            if source.verified && (source.cite.is_none() || source.checked.is_none()) {
                return Err(self.fail(
                    place,
                    "a verified source needs `cite` and `checked`: where and when it was checked",
                ));
            }
        }
        Ok(())
    }

    fn ids(&mut self) -> Result<()> {
        let d = self.d;
        let mut steps = HashSet::new();
        for (s, step) in d.steps.iter().enumerate() {
            if !is_id(&step.id) || !steps.insert(step.id.as_str()) {
                return Err(self.fail(
                    format!("steps[{s}].id"),
                    format!(
                        "`{}` is not a unique id of lowercase letters, digits and _",
                        shown(&step.id)
                    ),
                ));
            }
            if step.fields.is_empty() {
                return Err(self.fail(format!("steps[{s}].fields"), "a step needs at least one field"));
            }
            for (f, field) in step.fields.iter().enumerate() {
                if !is_id(&field.id) || self.kinds.insert(field.id.as_str(), field.kind).is_some() {
                    return Err(self.fail(
                        format!("steps[{s}].fields[{f}].id"),
                        format!(
                            "`{}` is not a unique id of lowercase letters, digits and _",
                            shown(&field.id)
                        ),
                    ));
                }
            }
        }
        let mut docs = HashSet::new();
        for (i, doc) in d.documents.iter().enumerate() {
            if !is_id(&doc.id) || !docs.insert(doc.id.as_str()) {
                return Err(self.fail(
                    format!("documents[{i}].id"),
                    format!("`{}` is not a unique id", shown(&doc.id)),
                ));
            }
            if doc.accepted.is_empty() || doc.max_size_mb == 0 {
                return Err(self.fail(
                    format!("documents[{i}]"),
                    "a document needs at least one accepted file kind and a size limit above 0",
                ));
            }
            if doc.max_size_mb > MAX_FILE_SIZE_MB {
                return Err(self.fail(
                    format!("documents[{i}].max_size_mb"),
                    format!("{} MiB is above the limit of {MAX_FILE_SIZE_MB} MiB", doc.max_size_mb),
                ));
            }
            if let Some(photo) = &doc.photo {
                self.photo_rules(i, doc, photo)?;
            }
        }
        Ok(())
    }

    fn photo_rules(&self, i: usize, doc: &DocumentRequirement, photo: &PhotoRules) -> Result<()> {
        let place = format!("documents[{i}].photo");
        if doc.accepted.contains(&FileKind::Pdf) {
            return Err(self.fail(
                format!("documents[{i}].accepted"),
                "a photo is a JPEG or PNG, never a PDF",
            ));
        }
        let cm = 1..=MAX_PHOTO_CM;
        if !cm.contains(&photo.width_cm) || !cm.contains(&photo.height_cm) {
            return Err(self.fail(place, format!("the printed size must be 1 to {MAX_PHOTO_CM} cm a side")));
        }
        let px = 1..=MAX_PHOTO_PX;
        if !px.contains(&photo.min_width_px) || !px.contains(&photo.min_height_px) {
            return Err(self.fail(place, format!("the pixel minimums must be 1 to {MAX_PHOTO_PX}")));
        }
        if photo.max_size_kb == 0 || u64::from(photo.max_size_kb) > u64::from(doc.max_size_mb) * 1024 {
            return Err(self.fail(
                format!("{place}.max_size_kb"),
                "the photo's size limit must be above 0 and within the document's max_size_mb",
            ));
        }
        Ok(())
    }

    fn fields(&self) -> Result<()> {
        for (s, step) in self.d.steps.iter().enumerate() {
            for (f, field) in step.fields.iter().enumerate() {
                let place = format!("steps[{s}].fields[{f}]");
                let is_choice = field.kind == FieldKind::Choice;
                if is_choice && field.options.len() < 2 {
                    return Err(self.fail(format!("{place}.options"), "a choice field needs at least two options"));
                }
                if !is_choice && !field.options.is_empty() {
                    return Err(self.fail(format!("{place}.options"), "only choice fields take options"));
                }
                if field.meaning_if.is_some() && field.meaning.is_none() {
                    return Err(self.fail(format!("{place}.meaning_if"), "meaning_if needs a meaning"));
                }
                if let Some(meaning) = field.meaning {
                    if meaning.kind() != field.kind {
                        return Err(self.fail(
                            format!("{place}.meaning"),
                            format!("a field meaning {meaning:?} must have the type {:?}", meaning.kind()),
                        ));
                    }
                    if meaning == crate::definition::Meaning::Sex && !self.is_sex_choice(&field.id) {
                        return Err(self.fail(
                            format!("{place}.meaning"),
                            "a field meaning sex must have exactly the options `male` and `female`",
                        ));
                    }
                    // Fields whose meaning holds only under a condition (the
                    // groom's or the bride's name) may share it.
                    let twice = field.meaning_if.is_none()
                        && self
                            .d
                            .steps
                            .iter()
                            .flat_map(|s| &s.fields)
                            .filter(|f| f.meaning == Some(meaning) && f.meaning_if.is_none())
                            .count()
                            > 1;
                    if twice {
                        return Err(self.fail(
                            format!("{place}.meaning"),
                            format!("only one field may mean {meaning:?}"),
                        ));
                    }
                }
                let mut values = HashSet::new();
                if let Some(o) = field.options.iter().position(|o| !values.insert(o.value.as_str())) {
                    return Err(self.fail(format!("{place}.options[{o}].value"), "option values must be unique"));
                }
                for (k, rule) in field.same_as.iter().enumerate() {
                    let key = format!("{place}.same_as[{k}].field");
                    match self.kinds.get(rule.field.as_str()) {
                        _ if rule.field == field.id => {
                            return Err(self.fail(key, "a field cannot repeat itself"));
                        }
                        Some(kind) if *kind == field.kind => {}
                        Some(_) => {
                            return Err(self.fail(
                                key,
                                format!("field `{}` has another type than this field", shown(&rule.field)),
                            ));
                        }
                        None => {
                            return Err(self.fail(key, format!("there is no field `{}`", shown(&rule.field))));
                        }
                    }
                }
                if field.holder_sex.is_some() {
                    if field.kind != FieldKind::CitizenId {
                        return Err(self.fail(format!("{place}.holder_sex"), "only citizen_id fields take this key"));
                    }
                    if field.sex_field.is_some() {
                        return Err(self.fail(
                            format!("{place}.holder_sex"),
                            "a field takes either holder_sex or sex_field, not both",
                        ));
                    }
                }
                let links = [
                    ("birth_date_field", &field.birth_date_field, FieldKind::Date),
                    ("sex_field", &field.sex_field, FieldKind::Choice),
                ];
                for (key, link, wanted) in links {
                    let Some(target) = link else { continue };
                    if field.kind != FieldKind::CitizenId {
                        return Err(self.fail(format!("{place}.{key}"), "only citizen_id fields take this key"));
                    }
                    match self.kinds.get(target.as_str()) {
                        Some(FieldKind::Choice) if key == "sex_field" && !self.is_sex_choice(target) => {
                            return Err(self.fail(
                                format!("{place}.{key}"),
                                format!(
                                    "field `{}` must have exactly the options `male` and `female`",
                                    shown(target)
                                ),
                            ));
                        }
                        Some(kind) if *kind == wanted => {}
                        Some(_) => {
                            return Err(self.fail(
                                format!("{place}.{key}"),
                                format!("field `{}` has the wrong type", shown(target)),
                            ));
                        }
                        None => {
                            return Err(self.fail(
                                format!("{place}.{key}"),
                                format!("there is no field `{}`", shown(target)),
                            ));
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// Each fee per item is counted by an existing `number` field, and the
    /// subject field is an existing `person_name` field.
    fn named_fields(&self) -> Result<()> {
        if let Some(subject) = &self.d.subject_field {
            match self.kinds.get(subject.as_str()) {
                Some(FieldKind::PersonName) => {}
                Some(_) => {
                    return Err(self.fail(
                        "subject_field",
                        format!("field `{}` is not a person_name", shown(subject)),
                    ));
                }
                None => return Err(self.fail("subject_field", format!("there is no field `{}`", shown(subject)))),
            }
        }
        for (i, item) in self.d.fee.per_item.iter().enumerate() {
            let place = format!("fee.per_item[{i}].field");
            match self.kinds.get(item.field.as_str()) {
                Some(FieldKind::Number) => {}
                Some(_) => return Err(self.fail(place, format!("field `{}` is not a number", shown(&item.field)))),
                None => return Err(self.fail(place, format!("there is no field `{}`", shown(&item.field)))),
            }
        }
        Ok(())
    }

    /// Each fee rule is limited by something; its province is a 2025
    /// province, its dates are days in order, and a rule for a province has
    /// an address field (`fee.province_field`) to say whose province it is.
    fn fee_rules(&self) -> Result<()> {
        let fee = &self.d.fee;
        if let Some(field) = &fee.province_field {
            match self.kinds.get(field.as_str()) {
                Some(FieldKind::Address) => {}
                Some(_) => {
                    return Err(self.fail(
                        "fee.province_field",
                        format!("field `{}` is not an address", shown(field)),
                    ));
                }
                None => return Err(self.fail("fee.province_field", format!("there is no field `{}`", shown(field)))),
            }
        }
        for (i, rule) in fee.rules.iter().enumerate() {
            let place = format!("fee.rules[{i}]");
            if rule.when.is_none()
                && rule.province.is_none()
                && rule.channel.is_none()
                && rule.from.is_none()
                && rule.until.is_none()
            {
                return Err(self.fail(
                    place,
                    "a fee rule needs `when`, `province`, `channel`, `from` or `until`; without one, use `fee.amount`",
                ));
            }
            if let Some(code) = &rule.province {
                if crate::admin_units::province(code).is_none() {
                    return Err(self.fail(
                        format!("{place}.province"),
                        format!(
                            "`{}` is not the code of a province since 01/07/2025, like 01 or 79",
                            shown(code)
                        ),
                    ));
                }
                if fee.province_field.is_none() {
                    return Err(self.fail(
                        format!("{place}.province"),
                        "a fee for a province needs `fee.province_field`, the address whose province it is",
                    ));
                }
            }
            let mut days = Vec::new();
            for (key, text) in [("from", &rule.from), ("until", &rule.until)] {
                let Some(text) = text else { continue };
                let day = (text.len() == 10)
                    .then(|| chrono::NaiveDate::parse_from_str(text, "%d/%m/%Y").ok())
                    .flatten();
                match day {
                    Some(day) => days.push(day),
                    None => {
                        return Err(self.fail(
                            format!("{place}.{key}"),
                            format!("`{}` is not a day written dd/mm/yyyy", shown(text)),
                        ));
                    }
                }
            }
            if let [from, until] = days[..]
                && from > until
            {
                return Err(self.fail(format!("{place}.until"), "the last day comes before the first"));
            }
        }
        Ok(())
    }

    fn is_sex_choice(&self, id: &str) -> bool {
        let field = self.d.field(id);
        let mut values: Vec<&str> = field
            .into_iter()
            .flat_map(|f| &f.options)
            .map(|o| o.value.as_str())
            .collect();
        values.sort_unstable();
        values == ["female", "male"]
    }

    fn conditions(&self) -> Result<HashMap<String, Condition>> {
        let mut parsed: HashMap<String, Condition> = HashMap::new();
        for (place, text) in condition_places(self.d) {
            if parsed.contains_key(text) {
                continue;
            }
            let condition = Condition::parse(text).map_err(|e| {
                if text.len() > MAX_CONDITION_BYTES {
                    self.fail(&place, format!("condition: {e}"))
                } else {
                    self.fail(&place, format!("condition `{text}`: {e}"))
                }
            })?;
            if let Some(missing) = condition.fields().into_iter().find(|f| !self.kinds.contains_key(f)) {
                return Err(self.fail(
                    place,
                    format!(
                        "condition `{text}` names `{}`, which is not a field of this procedure",
                        shown(missing)
                    ),
                ));
            }
            parsed.insert(text.to_owned(), condition);
        }
        Ok(parsed)
    }

    /// A field must not depend, through the conditions that show it, on
    /// itself. Returns the fields in an order where each comes after every
    /// field it depends on.
    fn visibility_order(&self, conditions: &HashMap<String, Condition>) -> Result<Vec<(usize, usize)>> {
        let mut depends: HashMap<&str, Vec<&str>> = HashMap::new();
        let mut at: HashMap<&str, (usize, usize)> = HashMap::new();
        for (s, step) in self.d.steps.iter().enumerate() {
            for (f, field) in step.fields.iter().enumerate() {
                let mut on = Vec::new();
                for text in [&step.show_if, &field.show_if].into_iter().flatten() {
                    if let Some(c) = conditions.get(text.as_str()) {
                        on.extend(
                            c.fields()
                                .into_iter()
                                .filter_map(|f| self.kinds.get_key_value(f).map(|(k, _)| *k)),
                        );
                    }
                }
                depends.insert(field.id.as_str(), on);
                at.insert(field.id.as_str(), (s, f));
            }
        }
        let nodes: Vec<&str> = self
            .d
            .steps
            .iter()
            .flat_map(|s| &s.fields)
            .map(|f| f.id.as_str())
            .collect();
        match dependencies_first(&nodes, &depends) {
            Ok(order) => Ok(order.into_iter().filter_map(|id| at.get(id).copied()).collect()),
            Err(cycle) => Err(self.fail("show_if", format!("conditions form a cycle: {}", cycle.join(" → ")))),
        }
    }
}

/// `nodes` ordered so that each comes after everything it depends on, or
/// the first cycle found (its first node repeated at the end). A depth-first
/// search with its own stack, so a chain of any length needs no recursion.
fn dependencies_first<'a>(
    nodes: &[&'a str],
    depends: &HashMap<&'a str, Vec<&'a str>>,
) -> std::result::Result<Vec<&'a str>, Vec<&'a str>> {
    let mut done: HashSet<&str> = HashSet::new();
    let mut order = Vec::with_capacity(nodes.len());
    for &start in nodes {
        if done.contains(start) {
            continue;
        }
        // The path from `start`, each node with how many of its dependencies
        // were followed, and where each node on the path sits.
        let mut path: Vec<(&str, usize)> = vec![(start, 0)];
        let mut on_path: HashMap<&str, usize> = HashMap::from([(start, 0)]);
        while let Some(&(node, followed)) = path.last() {
            let next = depends.get(node).and_then(|on| on.get(followed)).copied();
            let Some(next) = next else {
                path.pop();
                on_path.remove(node);
                done.insert(node);
                order.push(node);
                continue;
            };
            if let Some(top) = path.last_mut() {
                top.1 += 1;
            }
            if let Some(&from) = on_path.get(next) {
                let mut cycle: Vec<&str> = path[from..].iter().map(|(n, _)| *n).collect();
                cycle.push(next);
                return Err(cycle);
            }
            if !done.contains(next) {
                on_path.insert(next, path.len());
                path.push((next, 0));
            }
        }
    }
    Ok(order)
}

fn is_id(id: &str) -> bool {
    id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn is_procedure_code(code: &str) -> bool {
    let mut parts = code.split('.');
    let digits =
        |p: Option<&str>, len: usize| p.is_some_and(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()));
    digits(parts.next(), 1) && digits(parts.next(), 6) && parts.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dependency_order_of_a_200k_chain_needs_no_deep_stack() {
        let ids: Vec<String> = (0..200_000).map(|i| format!("f{i}")).collect();
        std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || {
                let nodes: Vec<&str> = ids.iter().map(String::as_str).collect();
                let mut depends: HashMap<&str, Vec<&str>> =
                    nodes.windows(2).map(|pair| (pair[0], vec![pair[1]])).collect();
                let order = dependencies_first(&nodes, &depends).expect("a chain has no cycle");
                assert_eq!(
                    order.first(),
                    nodes.last(),
                    "the end of the chain, which depends on nothing, comes first"
                );
                assert_eq!(order.len(), nodes.len(), "every field is ordered once");
                depends.insert(nodes[nodes.len() - 1], vec![nodes[0]]);
                let cycle = dependencies_first(&nodes, &depends).expect_err("closing the chain makes a cycle");
                assert_eq!(
                    cycle.len(),
                    nodes.len() + 1,
                    "the whole ring is named, its start repeated"
                );
            })
            .expect("a test thread starts")
            .join()
            .expect("the thread ends without a stack overflow or a panic");
    }

    #[test]
    fn dependencies_come_first_and_self_references_are_cycles() {
        let depends = HashMap::from([("a", vec!["b", "c"]), ("b", vec!["c"]), ("c", vec![])]);
        let order = dependencies_first(&["a", "b", "c"], &depends).expect("no cycle");
        assert_eq!(order, ["c", "b", "a"], "each field after what it reads");
        let depends = HashMap::from([("a", vec!["a"])]);
        assert_eq!(
            dependencies_first(&["a"], &depends),
            Err(vec!["a", "a"]),
            "a field reading itself is a cycle"
        );
    }
}
