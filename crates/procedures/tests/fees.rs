//! Fees by province, way of filing and date: the first rule whose limits all
//! hold sets the amount, a province with no figure is said to have none
//! (with the national rule) instead of being guessed, and the loader refuses
//! a rule it could not apply.

use chrono::NaiveDate;
use procedures::definition::{Definition, FeeRule, FeeRules, FilingChannel, LocalizedText};
use procedures::engine::{AddressAnswer, Answer, Answers, Attached, evaluate, quote_fee};
use procedures::{Error, Procedure};

const BUSINESS: &str = include_str!("../../../catalog/1.001612-dang-ky-ho-kinh-doanh.toml");

const HA_NOI: &str = "01";
const HO_CHI_MINH: &str = "79";
const DA_NANG: &str = "48";

fn text(vi: &str) -> LocalizedText {
    LocalizedText {
        vi: vi.to_owned(),
        en: vi.to_owned(),
    }
}

fn rule(reason: &str, amount: Option<u64>) -> FeeRule {
    FeeRule {
        when: None,
        province: None,
        channel: None,
        from: None,
        until: None,
        amount,
        reason: text(reason),
    }
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%d/%m/%Y").unwrap()
}

/// Hà Nội charges 100.000 at the counter and nothing online, but half
/// online until the end of 2026 in Hồ Chí Minh City; an exempt case beats
/// both; elsewhere the province sets it and the app has no figure.
fn fees() -> FeeRules {
    FeeRules {
        amount: None,
        rules: vec![
            FeeRule {
                when: Some("age(owner_birth_date) >= 75".into()),
                ..rule("exempt", Some(0))
            },
            FeeRule {
                province: Some(HA_NOI.into()),
                channel: Some(FilingChannel::Counter),
                ..rule("hà nội, counter", Some(100_000))
            },
            FeeRule {
                province: Some(HA_NOI.into()),
                ..rule("hà nội, online", Some(0))
            },
            FeeRule {
                province: Some(HO_CHI_MINH.into()),
                channel: Some(FilingChannel::Online),
                from: Some("01/07/2025".into()),
                until: Some("31/12/2026".into()),
                ..rule("hồ chí minh, online, cut", Some(50_000))
            },
            FeeRule {
                province: Some(HO_CHI_MINH.into()),
                ..rule("hồ chí minh", Some(100_000))
            },
        ],
        note: Some(text("Lệ phí do Hội đồng nhân dân tỉnh quy định.")),
        per_item: Vec::new(),
        province_field: Some("business_address".into()),
    }
}

fn load(fee: FeeRules) -> Result<Procedure, Error> {
    let mut definition: Definition = Procedure::from_toml("1.001612.toml", BUSINESS).unwrap().definition;
    definition.fee = fee;
    Procedure::from_definition("fees.toml", definition)
}

fn business() -> Procedure {
    load(fees()).expect("the fee rules load")
}

fn refused(fee: FeeRules) -> (String, String) {
    match load(fee) {
        Err(Error::Invalid { place, problem, .. }) => (place, problem),
        other => panic!("expected the fee to be refused, got {other:?}"),
    }
}

fn reason(state: &procedures::fee::FeeState) -> Option<&str> {
    state.reason.as_ref().map(|r| r.vi.as_str())
}

#[test]
fn the_page_quotes_each_way_of_filing_for_the_chosen_province() {
    let business = business();
    let today = day("07/12/2026");
    let quote = quote_fee(&business, Some(HA_NOI), today);
    assert_eq!((quote.online.amount, quote.counter.amount), (Some(0), Some(100_000)));
    assert_eq!(reason(&quote.counter), Some("hà nội, counter"));
    assert_eq!(quote.online.channel, FilingChannel::Online);
    assert_eq!(quote.counter.channel, FilingChannel::Counter);
    let named = quote.online.province.as_ref().map(|p| p.name.as_str());
    assert_eq!(named, Some("Thành phố Hà Nội"));
    assert!(!quote.online.province_unknown && quote.by_province);
    let cases: Vec<&str> = quote.cases.iter().map(|c| c.reason.vi.as_str()).collect();
    assert_eq!(cases, ["exempt"], "only the rules of a case are listed as cases");
}

#[test]
fn a_cut_applies_from_its_first_to_its_last_day_and_says_until_when() {
    let business = business();
    let on = |date: &str| quote_fee(&business, Some(HO_CHI_MINH), day(date));
    let before = on("30/06/2025");
    assert_eq!(
        (before.online.amount, reason(&before.online)),
        (Some(100_000), Some("hồ chí minh"))
    );
    assert_eq!(before.online.until, None);
    for date in ["01/07/2025", "07/12/2026", "31/12/2026"] {
        let during = on(date);
        assert_eq!(during.online.amount, Some(50_000), "{date}");
        assert_eq!(during.online.until.as_deref(), Some("31/12/2026"), "{date}");
        assert_eq!(during.counter.amount, Some(100_000), "the cut is online only ({date})");
    }
    assert_eq!(on("01/01/2027").online.amount, Some(100_000));
}

#[test]
fn a_province_without_a_figure_is_named_and_given_the_national_rule() {
    let business = business();
    let quote = quote_fee(&business, Some(DA_NANG), day("07/12/2026"));
    assert_eq!(quote.online.amount, None);
    assert!(
        quote.online.province_unknown,
        "the app says it has no figure for Đà Nẵng"
    );
    assert_eq!(quote.online.province.as_ref().map(|p| p.code.as_str()), Some(DA_NANG));
    assert_eq!(
        quote.online.note.as_ref().map(|n| n.vi.as_str()),
        Some("Lệ phí do Hội đồng nhân dân tỉnh quy định.")
    );
    let unchosen = quote_fee(&business, None, day("07/12/2026"));
    assert!(
        !unchosen.online.province_unknown && unchosen.online.province.is_none(),
        "before a province is chosen nothing is claimed about one"
    );
}

fn answered(province: &str, birth: &str) -> Answers {
    let mut answers = Answers::new();
    answers.insert(
        "business_address".into(),
        Answer::Address(AddressAnswer {
            province: province.into(),
            commune: String::new(),
            street: String::new(),
        }),
    );
    answers.insert("owner_birth_date".into(), Answer::Text(birth.into()));
    answers
}

#[test]
fn the_interview_reads_the_province_from_the_address_and_files_online() {
    let business = business();
    let today = day("07/12/2026");
    let fee = |answers: &Answers| evaluate(&business, answers, &Attached::new(), today).fee;
    let ha_noi = fee(&answered(HA_NOI, "01/02/1980"));
    assert_eq!((ha_noi.amount, ha_noi.channel), (Some(0), FilingChannel::Online));
    assert_eq!(reason(&ha_noi), Some("hà nội, online"));
    let saigon = fee(&answered(HO_CHI_MINH, "01/02/1980"));
    assert_eq!(saigon.amount, Some(50_000));
    let exempt = fee(&answered(HO_CHI_MINH, "01/02/1945"));
    assert_eq!(
        (exempt.amount, reason(&exempt)),
        (Some(0), Some("exempt")),
        "a case written first beats the province's amount"
    );
    let elsewhere = fee(&answered(DA_NANG, "01/02/1980"));
    assert!(elsewhere.province_unknown && elsewhere.amount.is_none() && elsewhere.total.is_none());
    let unanswered = fee(&Answers::new());
    assert!(unanswered.province.is_none() && !unanswered.province_unknown);
}

#[test]
fn a_rule_that_could_not_be_applied_is_refused_with_its_place() {
    let with = |edit: fn(&mut FeeRules)| {
        let mut fee = fees();
        edit(&mut fee);
        refused(fee)
    };
    let (place, problem) = with(|f| f.rules[1] = rule("no limit", Some(1)));
    assert_eq!(place, "fee.rules[1]");
    assert!(problem.contains("`when`, `province`"), "{problem}");

    let (place, problem) = with(|f| f.rules[1].province = Some("35".into()));
    assert_eq!(place, "fee.rules[1].province");
    assert!(
        problem.contains("`35`"),
        "Hà Nam's old code is not a province since 2025: {problem}"
    );

    let (place, problem) = with(|f| f.rules[3].until = Some("31/02/2026".into()));
    assert_eq!(
        (place.as_str(), problem.as_str()),
        ("fee.rules[3].until", "`31/02/2026` is not a day written dd/mm/yyyy")
    );

    let (place, problem) = with(|f| f.rules[3].from = Some("01/01/2027".into()));
    assert_eq!(
        (place.as_str(), problem.as_str()),
        ("fee.rules[3].until", "the last day comes before the first")
    );

    let (place, problem) = with(|f| f.province_field = None);
    assert_eq!(place, "fee.rules[1].province");
    assert!(problem.contains("fee.province_field"), "{problem}");

    let (place, problem) = with(|f| f.province_field = Some("owner_name".into()));
    assert_eq!(
        (place.as_str(), problem.as_str()),
        ("fee.province_field", "field `owner_name` is not an address")
    );
}

#[test]
fn a_case_shows_one_amount_while_its_dated_cut_holds() {
    let mut fee = fees();
    fee.rules.insert(
        1,
        FeeRule {
            when: Some("age(owner_birth_date) >= 60".into()),
            from: Some("01/07/2025".into()),
            until: Some("31/12/2026".into()),
            ..rule("older, halved", Some(50_000))
        },
    );
    fee.rules.insert(
        2,
        FeeRule {
            when: Some("age(owner_birth_date) >= 60".into()),
            ..rule("older", Some(100_000))
        },
    );
    let business = load(fee).unwrap();
    let cases = |date: &str| -> Vec<String> {
        quote_fee(&business, None, day(date))
            .cases
            .into_iter()
            .map(|c| c.reason.vi)
            .collect()
    };
    assert_eq!(cases("07/12/2026"), ["exempt", "older, halved"]);
    assert_eq!(cases("01/01/2027"), ["exempt", "older"]);
}
