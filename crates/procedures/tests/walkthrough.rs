//! Every bundled procedure can be completed: random realistic answers are
//! given, wrong ones are given again, and every step, document and fee rule of
//! every definition must show up in some finished dossier (a fee rule for
//! the counter or for another day, in the page's quote of the fee).

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, Duration, NaiveDate};
use procedures::admin_units;
use procedures::definition::{Field, FieldKind, FilingChannel, HolderSex};
use procedures::engine::{AddressAnswer, Answer, Answers, Attached, evaluate, evaluate_for_channel, quote_fee};
use procedures::{Catalog, Procedure};

/// A small deterministic generator, so a failure replays exactly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn realistic_date(rng: &mut Rng) -> NaiveDate {
    let days = match rng.below(6) {
        0 => 1 + rng.below(45),
        1 => 61 + rng.below(300),
        2 => 365 + rng.below(365 * 5),
        3 => 365 * 20 + rng.below(365 * 15),
        4 => 365 * 36 + rng.below(365 * 25),
        _ => 365 * 62 + rng.below(365 * 20),
    };
    today() - Duration::days(days as i64)
}

fn answer_for(field: &Field, answers: &Answers, rng: &mut Rng) -> Answer {
    let text = |s: String| Answer::Text(s);
    match field.kind {
        FieldKind::Text => text(
            rng.pick(&[
                "Bệnh viện Phụ sản Hà Nội",
                "Kinh",
                "Công ty TNHH Minh An",
                "Kỹ sư xây dựng",
            ])
            .to_string(),
        ),
        FieldKind::LongText => text("Tôi cần giấy tờ này để bổ sung hồ sơ xin việc.".into()),
        FieldKind::PersonName => text(
            rng.pick(&["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Thị Thu Hà"])
                .to_string(),
        ),
        FieldKind::Phone => text(format!("09{:08}", rng.below(100_000_000))),
        FieldKind::Email => text("an.nguyen@gmail.com".into()),
        FieldKind::Date => text(realistic_date(rng).format("%d/%m/%Y").to_string()),
        FieldKind::Choice => text(rng.pick(&field.options).value.clone()),
        FieldKind::YesNo => Answer::Bool(rng.below(2) == 0),
        FieldKind::Number | FieldKind::Money => {
            let (min, max) = (
                field.min.unwrap_or(0),
                field.max.unwrap_or(if field.kind == FieldKind::Money {
                    2_000_000_000
                } else {
                    10
                }),
            );
            text((min + rng.below(max - min + 1)).to_string())
        }
        FieldKind::Address => {
            let province = rng.pick(admin_units::provinces());
            let commune = rng.pick(&province.communes);
            Answer::Address(AddressAnswer {
                province: province.code.clone(),
                commune: commune.code.clone(),
                street: "Số 12, tổ dân phố 3".into(),
            })
        }
        FieldKind::CitizenId => {
            let born = field
                .birth_date_field
                .as_ref()
                .and_then(|f| answers.get(f))
                .and_then(|a| match a {
                    Answer::Text(t) => NaiveDate::parse_from_str(t, "%d/%m/%Y").ok(),
                    _ => None,
                })
                .unwrap_or_else(|| realistic_date(rng));
            let female = match (field.holder_sex, field.sex_field.as_ref().and_then(|f| answers.get(f))) {
                (Some(sex), _) => sex == HolderSex::Female,
                (None, Some(Answer::Text(sex))) => sex == "female",
                _ => rng.below(2) == 0,
            };
            let century = (born.year() - 1900) / 100 * 2 + i32::from(female);
            text(format!(
                "001{century}{:02}{:06}",
                born.year() % 100,
                rng.below(1_000_000)
            ))
        }
    }
}

/// Answers a procedure from scratch, re-answering every field with an error,
/// until it is ready or the rounds run out.
fn complete(procedure: &Procedure, rng: &mut Rng) -> Option<procedures::InterviewState> {
    let fields: Vec<&Field> = procedure.definition.steps.iter().flat_map(|s| &s.fields).collect();
    let by_id: HashMap<&str, &Field> = fields.iter().map(|f| (f.id.as_str(), *f)).collect();
    let mut answers = Answers::new();
    for pass in [false, true] {
        for field in fields.iter().filter(|f| (f.kind == FieldKind::CitizenId) == pass) {
            let answer = answer_for(field, &answers, rng);
            answers.insert(field.id.clone(), answer);
        }
    }
    // Every document attached: readiness here is the answers'.
    let attached: Attached = procedure.definition.documents.iter().map(|d| d.id.clone()).collect();
    for _ in 0..60 {
        let state = evaluate(procedure, &answers, &attached, today());
        if state.ready {
            return Some(state);
        }
        let wrong: Vec<&str> = state
            .steps
            .iter()
            .flat_map(|s| &s.fields)
            .filter(|f| !f.errors.is_empty())
            .map(|f| f.id.as_str())
            .collect();
        for id in wrong {
            // Give the wrong field a new answer; a citizen ID follows its holder's birth date and sex.
            let field = by_id[id];
            let answer = answer_for(field, &answers, rng);
            answers.insert(field.id.clone(), answer);
            if rng.below(3) == 0 {
                for linked in [&field.birth_date_field, &field.sex_field].into_iter().flatten() {
                    let answer = answer_for(by_id[linked.as_str()], &answers, rng);
                    answers.insert(linked.clone(), answer);
                }
            }
        }
    }
    None
}

/// The definitions to walk: the bundled catalog, or, when the environment
/// variable `WALK_DEFINITIONS` names a folder, every `*.toml` in it. The second
/// checks a definition being written without rebuilding the catalog: run the
/// already built test binary with the variable set.
fn definitions_to_walk() -> Vec<Procedure> {
    let Some(folder) = std::env::var_os("WALK_DEFINITIONS") else {
        return Catalog::bundled().expect("catalog loads").procedures().to_vec();
    };
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .expect("WALK_DEFINITIONS is a folder")
        .map(|entry| entry.expect("the folder can be listed").path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("the definition can be read");
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            Procedure::from_toml(&name, &text).unwrap_or_else(|e| panic!("{name}: {e}"))
        })
        .collect()
}

#[test]
fn every_step_document_and_fee_rule_of_every_procedure_is_reachable() {
    for procedure in &definitions_to_walk() {
        let d = &procedure.definition;
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ d.code.bytes().fold(0, |h, b| h * 31 + u64::from(b)));
        let (mut steps, mut documents, mut fees) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
        // A rule for the counter, or for days around a dated rule (its first
        // and last day, and the day after it ends), never applies in online
        // dossiers today: each finished dossier's fee is also worked out for
        // both ways of filing on each of those days.
        let days: BTreeSet<NaiveDate> = d
            .fee
            .rules
            .iter()
            .flat_map(|r| {
                let day = |text: &Option<String>| {
                    text.as_deref()
                        .and_then(|t| NaiveDate::parse_from_str(t, "%d/%m/%Y").ok())
                };
                let until = day(&r.until);
                [day(&r.from), until, until.map(|u| u + Duration::days(1))]
            })
            .flatten()
            .chain([today()])
            .collect();
        let mut finished = 0;
        for _ in 0..400 {
            let Some(state) = complete(procedure, &mut rng) else {
                continue;
            };
            finished += 1;
            steps.extend(state.steps.iter().map(|s| s.id.clone()));
            documents.extend(state.documents.iter().map(|doc| doc.id.clone()));
            for day in &days {
                for channel in [FilingChannel::Online, FilingChannel::Counter] {
                    let fee = evaluate_for_channel(procedure, &state.answers, &Attached::new(), channel, *day).fee;
                    fees.insert(fee.reason.map(|r| r.vi));
                }
            }
        }
        // A rule for a province the random addresses missed: the page's
        // quote for each province must reach it.
        let provinces = admin_units::provinces().iter().map(|p| Some(p.code.as_str()));
        for province in provinces.chain([None]) {
            for day in &days {
                let quote = quote_fee(procedure, province, *day);
                fees.insert(quote.online.reason.map(|r| r.vi));
                fees.insert(quote.counter.reason.map(|r| r.vi));
            }
        }
        assert!(
            finished >= 100,
            "{}: only {finished} of 400 random dossiers could be finished",
            d.code
        );
        for step in &d.steps {
            assert!(
                steps.contains(&step.id),
                "{}: step `{}` never appeared in a finished dossier",
                d.code,
                step.id
            );
        }
        for doc in &d.documents {
            assert!(
                documents.contains(&doc.id),
                "{}: document `{}` was never required",
                d.code,
                doc.id
            );
        }
        for (i, rule) in d.fee.rules.iter().enumerate() {
            assert!(
                fees.contains(&Some(rule.reason.vi.clone())),
                "{}: fee rule {i} ({}) never applied",
                d.code,
                rule.reason.vi
            );
        }
    }
}
