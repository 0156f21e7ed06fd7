//! Every bundled procedure can be completed: random realistic answers are
//! given, wrong ones are given again, and every step, document and fee rule of
//! every definition must show up in some finished dossier.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, Duration, NaiveDate};
use procedures::admin_units;
use procedures::definition::{Field, FieldKind, HolderSex};
use procedures::engine::{AddressAnswer, Answer, Answers, Attached, evaluate};
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

#[test]
fn every_step_document_and_fee_rule_of_every_procedure_is_reachable() {
    let catalog = Catalog::bundled().expect("catalog loads");
    for procedure in catalog.procedures() {
        let d = &procedure.definition;
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ d.code.bytes().fold(0, |h, b| h * 31 + u64::from(b)));
        let (mut steps, mut documents, mut fees) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
        let mut finished = 0;
        for _ in 0..400 {
            let Some(state) = complete(procedure, &mut rng) else {
                continue;
            };
            finished += 1;
            steps.extend(state.steps.iter().map(|s| s.id.clone()));
            documents.extend(state.documents.iter().map(|doc| doc.id.clone()));
            fees.insert(state.fee.reason.map(|r| r.vi));
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
        for rule in &d.fee.rules {
            assert!(
                fees.contains(&Some(rule.reason.vi.clone())),
                "{}: fee rule `{}` never applied",
                d.code,
                rule.when
            );
        }
    }
}
