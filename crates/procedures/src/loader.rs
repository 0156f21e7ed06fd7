//! Reads a definition from TOML and checks every rule of the format before the
//! engine ever sees it, so that a broken definition fails at load time with a
//! message naming the file, the place and the problem, and never panics later.

use std::collections::{HashMap, HashSet};

use crate::condition::Condition;
use crate::definition::{Definition, FORMAT_VERSION, FieldKind, LIFE_EVENTS, LocalizedText, TOPICS};
use crate::error::{Error, Result};

/// A definition whose conditions are parsed and whose references all resolve.
#[derive(Debug, Clone)]
pub struct Procedure {
    /// The definition as written.
    pub definition: Definition,
    conditions: HashMap<String, Condition>,
    field_kinds: HashMap<String, FieldKind>,
}

impl Procedure {
    /// Parses and checks one definition; `file` names it in errors.
    pub fn from_toml(file: &str, text: &str) -> Result<Self> {
        let definition: Definition = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((1, 1), |span| line_and_column(text, span.start));
            Error::Syntax {
                file: file.to_owned(),
                line,
                column,
                problem: e.message().to_owned(),
            }
        })?;
        Self::from_definition(file, definition)
    }

    /// Checks a definition that arrived already parsed (from a portal's
    /// catalog update, as JSON); `file` names its source in errors.
    pub fn from_definition(file: &str, definition: Definition) -> Result<Self> {
        let conditions = Checker::new(file, &definition).check()?;
        Ok(Self::compile(definition, conditions))
    }

    fn compile(definition: Definition, conditions: HashMap<String, Condition>) -> Self {
        let field_kinds = definition
            .steps
            .iter()
            .flat_map(|s| &s.fields)
            .map(|f| (f.id.clone(), f.kind))
            .collect();
        Self {
            definition,
            conditions,
            field_kinds,
        }
    }

    /// The parsed form of a condition written in this definition.
    pub(crate) fn condition(&self, text: &str) -> Option<&Condition> {
        self.conditions.get(text)
    }

    /// The kind of a field, by id.
    pub(crate) fn field_kind(&self, id: &str) -> Option<FieldKind> {
        self.field_kinds.get(id).copied()
    }
}

fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Every condition in a definition with its place, in document order.
fn condition_places(d: &Definition) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    for (i, rule) in d.fee.rules.iter().enumerate() {
        out.push((format!("fee.rules[{i}].when"), rule.when.as_str()));
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
        }
    }
    out
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

    /// Checks every rule; returns the definition's conditions, parsed, by text.
    fn check(mut self) -> Result<HashMap<String, Condition>> {
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
        if !is_procedure_code(&d.code) {
            return Err(self.fail("code", format!("`{}` is not a procedure code like 1.001193", d.code)));
        }
        if let Some((i, topic)) = d.topics.iter().enumerate().find(|(_, t)| !TOPICS.contains(&t.as_str())) {
            return Err(self.fail(format!("topics[{i}]"), format!("`{topic}` is not a known topic")));
        }
        if let Some((i, event)) = d
            .life_events
            .iter()
            .enumerate()
            .find(|(_, e)| !LIFE_EVENTS.contains(&e.as_str()))
        {
            return Err(self.fail(
                format!("life_events[{i}]"),
                format!("`{event}` is not a known life event"),
            ));
        }
        self.texts()?;
        self.ids()?;
        self.fields()?;
        let conditions = self.conditions()?;
        self.no_cycles(&conditions)?;
        Ok(conditions)
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
        }
        if d.steps.is_empty() {
            return Err(self.fail("steps", "a procedure needs at least one step"));
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
                    format!("`{}` is not a unique id of lowercase letters, digits and _", step.id),
                ));
            }
            if step.fields.is_empty() {
                return Err(self.fail(format!("steps[{s}].fields"), "a step needs at least one field"));
            }
            for (f, field) in step.fields.iter().enumerate() {
                if !is_id(&field.id) || self.kinds.insert(field.id.as_str(), field.kind).is_some() {
                    return Err(self.fail(
                        format!("steps[{s}].fields[{f}].id"),
                        format!("`{}` is not a unique id of lowercase letters, digits and _", field.id),
                    ));
                }
            }
        }
        let mut docs = HashSet::new();
        for (i, doc) in d.documents.iter().enumerate() {
            if !is_id(&doc.id) || !docs.insert(doc.id.as_str()) {
                return Err(self.fail(format!("documents[{i}].id"), format!("`{}` is not a unique id", doc.id)));
            }
            if doc.accepted.is_empty() || doc.max_size_mb == 0 {
                return Err(self.fail(
                    format!("documents[{i}]"),
                    "a document needs at least one accepted file kind and a size limit above 0",
                ));
            }
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
                    let twice = self
                        .d
                        .steps
                        .iter()
                        .flat_map(|s| &s.fields)
                        .filter(|f| f.meaning == Some(meaning))
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
                                format!("field `{target}` must have exactly the options `male` and `female`"),
                            ));
                        }
                        Some(kind) if *kind == wanted => {}
                        Some(_) => {
                            return Err(
                                self.fail(format!("{place}.{key}"), format!("field `{target}` has the wrong type"))
                            );
                        }
                        None => {
                            return Err(self.fail(format!("{place}.{key}"), format!("there is no field `{target}`")));
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn is_sex_choice(&self, id: &str) -> bool {
        let field = self.d.steps.iter().flat_map(|s| &s.fields).find(|f| f.id == id);
        let mut values: Vec<&str> = field
            .into_iter()
            .flat_map(|f| &f.options)
            .map(|o| o.value.as_str())
            .collect();
        values.sort_unstable();
        values == ["female", "male"]
    }

    fn conditions(&self) -> Result<HashMap<String, Condition>> {
        let mut parsed = HashMap::new();
        for (place, text) in condition_places(self.d) {
            let condition =
                Condition::parse(text).map_err(|e| self.fail(&place, format!("condition `{text}`: {e}")))?;
            if let Some(missing) = condition.fields().into_iter().find(|f| !self.kinds.contains_key(f)) {
                return Err(self.fail(
                    place,
                    format!("condition `{text}` names `{missing}`, which is not a field of this procedure"),
                ));
            }
            parsed.insert(text.to_owned(), condition);
        }
        Ok(parsed)
    }

    /// A field must not depend, through the conditions that show it, on itself.
    fn no_cycles(&self, conditions: &HashMap<String, Condition>) -> Result<()> {
        let mut depends: HashMap<&str, Vec<&str>> = HashMap::new();
        for step in &self.d.steps {
            for field in &step.fields {
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
            }
        }
        let mut done = HashSet::new();
        for start in self.d.steps.iter().flat_map(|s| &s.fields).map(|f| f.id.as_str()) {
            let mut path = Vec::new();
            if let Some(cycle) = find_cycle(start, &depends, &mut path, &mut done) {
                return Err(self.fail("show_if", format!("conditions form a cycle: {}", cycle.join(" → "))));
            }
        }
        Ok(())
    }
}

fn find_cycle<'a>(
    node: &'a str,
    depends: &HashMap<&'a str, Vec<&'a str>>,
    path: &mut Vec<&'a str>,
    done: &mut HashSet<&'a str>,
) -> Option<Vec<&'a str>> {
    if let Some(at) = path.iter().position(|n| *n == node) {
        let mut cycle = path[at..].to_vec();
        cycle.push(node);
        return Some(cycle);
    }
    if done.contains(node) {
        return None;
    }
    path.push(node);
    for next in depends.get(node).into_iter().flatten() {
        if let Some(cycle) = find_cycle(next, depends, path, done) {
            return Some(cycle);
        }
    }
    path.pop();
    done.insert(node);
    None
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
