//! The bundled catalog: every `catalog/*.toml` compiled into the binary, loaded
//! and checked once.

use include_dir::{Dir, include_dir};
use serde::Serialize;

use crate::definition::{AgencyLevel, Definition, LocalizedText, OnlineLevel};
use crate::error::Result;
use crate::loader::Procedure;
use crate::search::{Place, SearchIndex};

/// The whole `catalog/` folder: the definitions, and the data files the
/// places and "done elsewhere" lists read (through [`bundled_data`], so each
/// is compiled in once).
static BUNDLED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../catalog");

/// A data file of the bundled `catalog/` folder, e.g. `elsewhere.json`.
pub(crate) fn bundled_data(name: &str) -> &'static str {
    BUNDLED
        .get_file(name)
        .and_then(|file| file.contents_utf8())
        .unwrap_or_else(|| panic!("catalog/{name} is compiled in (its tests read it)"))
}

/// The procedures the app knows, in a stable order (by code).
#[derive(Debug, Clone)]
pub struct Catalog {
    procedures: Vec<Procedure>,
    index: SearchIndex,
}

/// What a list of procedures shows of each.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProcedureSummary {
    /// Procedure code.
    pub code: String,
    /// Name.
    pub name: LocalizedText,
    /// What it is for.
    pub summary: LocalizedText,
    /// Topic ids.
    pub topics: Vec<String>,
    /// Life-event ids.
    pub life_events: Vec<String>,
    /// Receiving level.
    pub agency_level: AgencyLevel,
    /// Fully or partly online.
    pub online: OnlineLevel,
    /// Base fee in đồng, `None` when the province sets it.
    pub fee: Option<u64>,
    /// For a search result found by a word outside the name: where.
    pub matched: Option<SearchMatch>,
}

/// Why a search result matched when its name alone does not say it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", content = "text", rename_all = "snake_case")]
pub enum SearchMatch {
    /// An everyday phrase for the procedure (as written in the definition).
    Keyword(String),
    /// A document the procedure needs (its name).
    Document(String),
}

impl From<&Definition> for ProcedureSummary {
    fn from(d: &Definition) -> Self {
        Self {
            code: d.code.clone(),
            name: d.name.clone(),
            summary: d.summary.clone(),
            topics: d.topics.clone(),
            life_events: d.life_events.clone(),
            agency_level: d.agency.level,
            online: d.online,
            fee: d.fee.amount,
            matched: None,
        }
    }
}

impl Catalog {
    /// Loads the catalog compiled into the binary.
    pub fn bundled() -> Result<Self> {
        let files = BUNDLED
            .files()
            .filter(|f| f.path().extension().is_some_and(|e| e == "toml"))
            .map(|f| (f.path().display().to_string(), f.contents_utf8().unwrap_or_default()));
        Self::from_files(files)
    }

    /// Loads a catalog from `(file name, TOML text)` pairs.
    pub fn from_files<'a>(files: impl IntoIterator<Item = (String, &'a str)>) -> Result<Self> {
        let procedures = files
            .into_iter()
            .map(|(name, text)| Procedure::from_toml(&name, text))
            .collect::<Result<Vec<_>>>()?;
        let mut seen = std::collections::HashSet::new();
        if let Some(twice) = procedures.iter().find(|p| !seen.insert(p.definition.code.clone())) {
            return Err(crate::Error::Invalid {
                file: "catalog".into(),
                place: "code".into(),
                problem: format!("two definitions have the code {}", twice.definition.code),
            });
        }
        Ok(Self::indexed(procedures))
    }

    /// Every procedure, ordered by code.
    pub fn procedures(&self) -> &[Procedure] {
        &self.procedures
    }

    /// Procedures matching `query`, best first, where not every word of the
    /// query need match (see [`SearchIndex::search_forgiving`]); all of them
    /// by Vietnamese name when the query is blank. A province the query
    /// names, by its current or old name, is left out of the words matched
    /// (see [`crate::legacy_units::place_in_query`]).
    pub fn search(&self, query: &str) -> Vec<ProcedureSummary> {
        if query.trim().is_empty() {
            let mut all: Vec<ProcedureSummary> = self.procedures.iter().map(|p| (&p.definition).into()).collect();
            all.sort_by_key(|s| crate::fold::fold(&s.name.vi));
            return all;
        }
        // A province named in the search ("ở Hà Tây") says where, not what.
        let without_place = crate::legacy_units::place_in_query(query)
            .map(|(_, rest)| rest)
            .filter(|rest| !rest.is_empty());
        self.index
            .search_forgiving(without_place.as_deref().unwrap_or(query), self.procedures.len())
            .into_iter()
            .filter_map(|hit| {
                let mut summary: ProcedureSummary = (&self.get(&hit.key)?.definition).into();
                summary.matched = hit.matched.map(|(place, text)| match place {
                    Place::Document => SearchMatch::Document(text),
                    Place::Keyword | Place::Name => SearchMatch::Keyword(text),
                });
                Some(summary)
            })
            .collect()
    }

    /// This catalog with newer versions of some procedures (from a portal's
    /// catalog update) in place of older ones; older or equal versions are ignored.
    pub fn with_updates(&self, updates: impl IntoIterator<Item = Procedure>) -> Self {
        let mut procedures = self.procedures.clone();
        for update in updates {
            match procedures
                .iter_mut()
                .find(|p| p.definition.code == update.definition.code)
            {
                Some(current) if current.definition.version < update.definition.version => *current = update,
                Some(_) => {}
                None => procedures.push(update),
            }
        }
        Self::indexed(procedures)
    }

    fn indexed(mut procedures: Vec<Procedure>) -> Self {
        procedures.sort_by(|a, b| a.definition.code.cmp(&b.definition.code));
        let mut catalog = Self {
            procedures,
            index: SearchIndex::new([]),
        };
        catalog.index = SearchIndex::from_catalog(&catalog);
        catalog
    }

    /// The procedure with this code.
    pub fn get(&self, code: &str) -> Option<&Procedure> {
        self.procedures.iter().find(|p| p.definition.code == code)
    }
}
