//! Entry points of the fuzz targets in `fuzz/`, kept here so that the ordinary
//! test `tests/fuzz_regressions.rs` replays saved inputs through exactly the
//! code the fuzzer ran. Each takes arbitrary bytes, must never panic, hang or
//! overflow the stack, and asserts the properties that must hold for any input.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::condition::{Condition, Scope, Value};
use crate::definition::FieldKind;
use crate::engine::{AddressAnswer, Answer, Answers, Attached, evaluate};
use crate::{Catalog, Procedure, admin_units, fold, validate};

/// The day every harness evaluates on, so a saved input replays exactly.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).unwrap_or_default()
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::bundled().expect("the bundled catalog loads"))
}

/// Answers every field by its name's length, so conditions meet every kind
/// of value, the empty one included.
struct ByName;

impl Scope for ByName {
    fn value(&self, field: &str) -> Value {
        match field.len() % 5 {
            0 => Value::Empty,
            1 => Value::Text(field.to_owned()),
            2 => Value::Integer(field.len() as i64),
            3 => Value::Bool(field.len().is_multiple_of(2)),
            _ => Value::Date(today()),
        }
    }

    fn today(&self) -> NaiveDate {
        today()
    }
}

/// The condition parser on arbitrary text, then the fields and the
/// evaluation of whatever parsed.
pub fn condition(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(condition) = Condition::parse(&text) {
        for field in condition.fields() {
            assert!(text.contains(field), "a listed field `{field}` occurs in the text");
        }
        condition.holds(&ByName);
    }
}

/// The loader on arbitrary text read as TOML and as JSON; whatever loads is
/// evaluated with no answers.
pub fn definition(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let loaded = [
        Procedure::from_toml("fuzz.toml", &text),
        Procedure::from_json("fuzz.json", &text),
    ];
    for procedure in loaded.into_iter().flatten() {
        let state = evaluate(&procedure, &Answers::new(), &Attached::new(), today());
        assert_eq!(
            state.code, procedure.definition.code,
            "the state is of the procedure evaluated"
        );
    }
}

/// One validator, picked by the first byte, on the rest as text; the last
/// choices fill a bundled procedure's fields (citizen IDs with their linked
/// birth date and sex among them) from the lines of the text.
pub fn validators(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    match pick % 8 {
        0 => {
            if let Ok(id) = validate::citizen_id(&text) {
                assert_eq!(validate::citizen_id(&id.digits), Ok(id.clone()), "a valid ID is stable");
            }
        }
        1 => {
            if let Ok(phone) = validate::phone(&text) {
                assert_eq!(
                    validate::phone(&phone),
                    Ok(phone.clone()),
                    "the national form is stable"
                );
            }
        }
        2 => {
            if let Ok(day) = validate::date(&text) {
                let shown = validate::format_date(day);
                assert_eq!(validate::date(&shown), Ok(day), "dd/mm/yyyy reads back as the same day");
            }
        }
        3 => {
            if let Ok(name) = validate::person_name(&text) {
                assert_eq!(
                    validate::person_name(&name),
                    Ok(name.clone()),
                    "a cleaned name is stable"
                );
            }
        }
        4 => {
            if let Ok(email) = validate::email(&text) {
                assert_eq!(
                    validate::email(&email),
                    Ok(email.clone()),
                    "a trimmed address is stable"
                );
            }
        }
        5 => {
            let cleaned = fold::clean(&text);
            assert_eq!(fold::clean(&cleaned), cleaned, "cleaning twice changes nothing");
            let folded = fold::fold(&text);
            assert_eq!(fold::fold(&folded), folded, "folding twice changes nothing");
        }
        6 => {
            let mut parts = text.splitn(2, '|');
            let (province, commune) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
            admin_units::commune(province, commune);
            for hit in admin_units::search_communes(province, commune) {
                assert!(
                    admin_units::commune(province, &hit.code).is_some(),
                    "a commune found is a commune of the province"
                );
            }
        }
        _ => interview(&text),
    }
}

/// Fills a bundled procedure, picked by the first line, from the next lines
/// in field order, then evaluates it.
fn interview(text: &str) {
    let mut lines = text.lines();
    let procedures = catalog().procedures();
    let pick = lines.next().map_or(0, str::len) % procedures.len().max(1);
    let Some(procedure) = procedures.get(pick) else {
        return;
    };
    let mut answers: Answers = BTreeMap::new();
    for (field, line) in procedure.definition.fields().zip(lines) {
        let answer = match field.kind {
            FieldKind::YesNo => Answer::Bool(line.len().is_multiple_of(2)),
            FieldKind::Address => {
                let mut parts = line.splitn(3, '|');
                Answer::Address(AddressAnswer {
                    province: parts.next().unwrap_or_default().to_owned(),
                    commune: parts.next().unwrap_or_default().to_owned(),
                    street: parts.next().unwrap_or_default().to_owned(),
                })
            }
            _ => Answer::Text(line.to_owned()),
        };
        answers.insert(field.id.clone(), answer);
    }
    let state = evaluate(procedure, &answers, &Attached::new(), today());
    let again = evaluate(procedure, &state.answers, &Attached::new(), today());
    assert_eq!(again.answers, state.answers, "cleaned answers are stable");
}

/// Catalog search and commune search on an arbitrary query.
pub fn search(data: &[u8]) {
    let query = String::from_utf8_lossy(data);
    let hits = catalog().search(&query);
    assert!(
        hits.len() <= catalog().procedures().len(),
        "no procedure is found twice"
    );
    for hit in &hits {
        assert!(
            catalog().get(&hit.code).is_some(),
            "every hit is a procedure of the catalog"
        );
    }
    admin_units::search_communes("01", &query);
}

/// Runs `f` on a thread with the 2 MiB stack of a tokio worker, where portal
/// definitions are parsed and checked, and waits for it. Panics if the
/// thread overflows its stack or `f` panics (a failed property included).
/// For tests.
#[doc(hidden)]
pub fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .expect("a test thread starts")
        .join()
        .expect("the thread ends without a stack overflow or a panic");
}
