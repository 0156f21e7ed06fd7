//! The importer on the portal's own files for birth registration (1.001193)
//! and certified copies (2.000815), kept in tests/data.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use importer::Difference;
use procedures::Procedure;
use procedures::definition::{AgencyLevel, OnlineLevel};

const BIRTH: &str = "dvc-api-detail-1.001193.json";
const COPIES: &str = "dvc-api-detail-2.000815.json";
const CHECKED: &str = "20/10/2026";

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

fn catalog(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalog").join(name)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("the test file is there")
}

fn skeleton_of(name: &str) -> String {
    importer::skeleton(name, &read(&data(name)), CHECKED).expect("the sample makes a skeleton")
}

fn loaded(name: &str) -> Procedure {
    let toml = skeleton_of(name);
    Procedure::from_toml(name, &toml).unwrap_or_else(|e| panic!("the skeleton of {name} loads: {e}\n{toml}"))
}

fn run(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dvc-import"))
        .args(args)
        .output()
        .expect("dvc-import runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

#[test]
fn both_skeletons_pass_the_real_loader() {
    for name in [BIRTH, COPIES] {
        let procedure = loaded(name);
        let d = &procedure.definition;
        assert_eq!(d.version, 1);
        assert!(d.name.en.starts_with("TODO(en): "), "English is left to a person");
        assert_eq!(d.steps.len(), 1, "one placeholder step");
        assert!(
            d.unverified_facts().is_empty(),
            "every fact cites the portal file: {:?}",
            d.unverified_facts()
        );
        for source in &d.sources {
            assert_eq!(source.checked.as_deref(), Some(CHECKED));
            assert!(
                source
                    .cite
                    .as_deref()
                    .is_some_and(|c| c.contains(name) && c.contains(&d.code))
            );
        }
    }
}

#[test]
fn birth_registration_skeleton_holds_the_portal_facts() {
    let d = loaded(BIRTH).definition;
    assert_eq!(d.code, "1.001193");
    assert_eq!(d.name.vi, "Đăng ký khai sinh");
    assert_eq!(d.topics, ["civil-status"]);
    assert_eq!(d.agency.level, AgencyLevel::Commune);
    assert_eq!(d.agency.name.vi, "Ủy ban nhân dân cấp xã");
    assert_eq!(d.online, OnlineLevel::Full, "the portal lists an ONLINE channel");
    assert_eq!(d.processing_time.vi, "1 ngày làm việc");
    assert_eq!(d.processing_time.en, "1 working day");
    assert_eq!(d.fee.amount, Some(0), "the online channel's fee is 0");
    let note = &d.fee.note.as_ref().expect("a fee note").vi;
    for channel in ["Trực tuyến: 0 đồng", "Qua bưu chính: 0 đồng", "Trực tiếp: 0 đồng"] {
        assert!(note.contains(channel), "{note}");
    }
    let numbers: Vec<&str> = d.legal_basis.iter().map(|l| l.number.as_str()).collect();
    assert_eq!(numbers.len(), 15);
    for number in [
        "60/2014/QH13",
        "123/2015/NĐ-CP",
        "87/2020/NĐ-CP",
        "66.7/2025/NQ-CP",
        "18/2026/NĐ-CP",
    ] {
        assert!(numbers.contains(&number), "{number} in {numbers:?}");
    }
    assert!(
        numbers.contains(&"03/2023/TT-BTP"),
        "the words of “Thông tư số 03/2023/TT-BTP” are dropped"
    );
    let law = d
        .legal_basis
        .iter()
        .find(|l| l.number == "60/2014/QH13")
        .expect("the law");
    assert_eq!(law.title.vi, "Luật 60/2014/QH13");
    assert_eq!(
        d.documents.len(),
        33,
        "one document per component of the four groups (5, 6, 19, 3)"
    );
    let certificate = d
        .documents
        .iter()
        .find(|doc| {
            doc.name
                .vi
                .starts_with("Giấy chứng sinh; trường hợp không có Giấy chứng sinh")
        })
        .expect("the birth certificate, its list mark dropped");
    assert_eq!(certificate.id, "giay_chung_sinh_truong_hop_khong_co_giay");
    let note = &certificate.note.as_ref().expect("a note with the group").vi;
    assert!(note.contains("Trường hợp: Giấy tờ phải nộp"), "{note}");
    assert!(note.contains("Bản chính: 1; bản sao: 0"), "{note}");
    assert!(
        d.documents
            .iter()
            .any(|doc| doc.name.vi.starts_with("Tờ khai đăng ký khai sinh theo mẫu (nếu"))
    );
    assert!(
        d.documents.iter().all(|doc| doc.required_if.is_none()),
        "conditions wait for the interview"
    );
    let toml = skeleton_of(BIRTH);
    assert!(toml.contains("Write a `required_if` for each once the interview exists"));
}

#[test]
fn certified_copy_skeleton_holds_the_portal_facts() {
    let d = loaded(COPIES).definition;
    assert_eq!(d.code, "2.000815");
    assert!(
        d.name
            .vi
            .starts_with("Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan")
    );
    assert!(d.name.vi.ends_with("của nước ngoài cấp hoặc chứng nhận"));
    assert_eq!(d.topics, ["certification"]);
    assert_eq!(d.agency.level, AgencyLevel::Commune);
    assert_eq!(
        d.agency.name.vi,
        "Ủy ban nhân dân cấp xã, Cơ quan đại diện có thẩm quyền, Tổ chức hành nghề công chứng"
    );
    assert_eq!(d.online, OnlineLevel::Partial, "in person only");
    assert_eq!(d.processing_time.vi, "1 ngày làm việc");
    assert_eq!(d.fee.amount, Some(2000), "the one amount in đồng");
    let note = &d.fee.note.as_ref().expect("a fee note").vi;
    assert!(
        note.contains("Trực tiếp: 2.000 đồng/trang (Tại Ủy ban nhân dân cấp xã"),
        "{note}"
    );
    assert!(
        note.contains("Trực tiếp: 10 USD/bản (Tại cơ quan đại diện: 10 USD/bản.)"),
        "{note}"
    );
    let numbers: Vec<&str> = d.legal_basis.iter().map(|l| l.number.as_str()).collect();
    assert_eq!(
        numbers,
        [
            "226/2016/TT-BTC",
            "280/2025/NĐ-CP",
            "01/2020/TT-BTP",
            "257/2016/TT-BTC",
            "23/2015/NĐ-CP",
            "264/2016/TT-BTC"
        ]
    );
    assert_eq!(d.legal_basis[0].title.vi, "Thông tư 226/2016/TT-BTC", "the tab is gone");
    assert_eq!(d.documents.len(), 1);
    assert!(
        d.documents[0]
            .name
            .vi
            .starts_with("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao")
    );
    assert_eq!(
        d.documents[0].note.as_ref().map(|n| n.vi.as_str()),
        Some("Bản chính: 1; bản sao: 0."),
        "one group: no case in the note"
    );
}

#[test]
fn a_skeleton_agrees_with_its_own_portal_file() {
    let dir = std::env::temp_dir().join(format!("dvc-import-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    for name in [BIRTH, COPIES] {
        let toml = skeleton_of(name);
        let differences = importer::differences("skeleton.toml", &toml, name, &read(&data(name))).expect("compares");
        assert_eq!(differences, [], "{name}");
        let file = dir.join(format!("{name}.toml"));
        std::fs::write(&file, &toml).expect("the skeleton is written");
        let out = run(&[Path::new("--diff"), &file, &data(name)]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    }
    std::fs::remove_dir_all(&dir).expect("the temporary folder goes");
}

#[test]
fn birth_registration_in_the_catalog_differs_from_the_portal_file() {
    let path = catalog("1.001193-dang-ky-khai-sinh.toml");
    let differences = importer::differences("catalog", &read(&path), BIRTH, &read(&data(BIRTH))).expect("compares");
    for number in ["66.7/2025/NQ-CP", "01/2022/TT-BTP", "18/2026/NĐ-CP", "104/2022/NĐ-CP"] {
        assert!(
            differences
                .iter()
                .any(|d| matches!(d, Difference::LegalBasisAdded { number: n, .. } if n == number)),
            "{number} is new on the portal: {differences:#?}"
        );
    }
    assert!(
        differences.contains(&Difference::LegalBasisRemoved {
            number: "281/2016/TT-BTC".into()
        }),
        "the extract-copy fee circular is not on the portal page"
    );
    assert!(
        !differences
            .iter()
            .any(|d| matches!(d, Difference::Name { .. } | Difference::AgencyLevel { .. })),
        "same name and level"
    );
    let out = run(&[Path::new("--diff"), &path, &data(BIRTH)]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("legal_basis: in the definition, not on the portal: 281/2016/TT-BTC"),
        "{stdout}"
    );
    assert!(
        stdout.contains("processing_time: the portal says “1 ngày làm việc”"),
        "{stdout}"
    );
}

#[test]
fn certified_copies_in_the_catalog_differ_from_the_portal_file() {
    let path = catalog("2.000815-chung-thuc-ban-sao.toml");
    let differences = importer::differences("catalog", &read(&path), COPIES, &read(&data(COPIES))).expect("compares");
    assert!(
        differences.iter().any(|d| matches!(d, Difference::Name { .. })),
        "the portal's name now covers foreign papers"
    );
    assert!(differences.contains(&Difference::Fee {
        channel: "DIRECT".into(),
        portal: "10 USD/bản".into(),
        definition: Some(2000),
    }));
    assert!(
        !differences
            .iter()
            .any(|d| matches!(d, Difference::Fee { portal, .. } if portal.contains("2.000"))),
        "2.000 đồng/trang is the definition's amount"
    );
    for number in ["280/2025/NĐ-CP", "257/2016/TT-BTC", "264/2016/TT-BTC"] {
        assert!(
            differences
                .iter()
                .any(|d| matches!(d, Difference::LegalBasisAdded { number: n, .. } if n == number)),
            "{number}: {differences:#?}"
        );
    }
    assert!(differences.contains(&Difference::LegalBasisRemoved {
        number: "45/2020/NĐ-CP".into()
    }));
    let out = run(&[Path::new("--diff"), &path, &data(COPIES)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("fee (Trực tiếp): the portal says 10 USD/bản"));
}

#[test]
fn the_binary_prints_a_skeleton_and_refuses_bad_input_without_panicking() {
    let out = run(&[Path::new("--checked"), Path::new(CHECKED), &data(BIRTH)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let toml = text(&out.stdout);
    Procedure::from_toml("stdout", &toml).expect("the printed skeleton loads");

    let dir = std::env::temp_dir().join(format!("dvc-import-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{\"code\":\"OK\",\"data\":{\"code\":").expect("written");
    let out = run(&[Path::new("--checked"), Path::new(CHECKED), &broken]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("not the portal's procedure JSON"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    let error = std::fs::write(&broken, "{\"code\":\"ERR\",\"message\":\"Không tìm thấy\"}")
        .map(|()| importer::skeleton("broken.json", &read(&broken), CHECKED));
    assert!(
        matches!(error, Ok(Err(importer::Error::NoProcedure { .. }))),
        "{error:?}"
    );

    let out = run(&[Path::new("--checked"), Path::new("2026-10-20"), &data(BIRTH)]);
    assert_eq!(out.status.code(), Some(2), "a day not written dd/mm/yyyy");
    let out = run(&[&data(BIRTH)]);
    assert_eq!(out.status.code(), Some(2), "--checked is required");
    let out = run(&[
        Path::new("--diff"),
        &catalog("2.000815-chung-thuc-ban-sao.toml"),
        &data(BIRTH),
    ]);
    assert_eq!(out.status.code(), Some(2), "another procedure's file");
    assert!(text(&out.stderr).contains("the definition is for 2.000815, the portal file for 1.001193"));
    std::fs::remove_dir_all(&dir).expect("the temporary folder goes");
}

/// The birth registration's portal file, charging 20.000 đồng at the counter.
fn birth_with_counter_fee() -> String {
    let mut portal: serde_json::Value = serde_json::from_str(&read(&data(BIRTH))).unwrap();
    for method in portal["data"]["executionMethods"].as_array_mut().unwrap() {
        if method["submissionMethod"] == "DIRECT" {
            method["fees"][0]["value"] = serde_json::json!(20000);
        }
    }
    portal.to_string()
}

#[test]
fn a_fee_at_the_counter_unlike_the_online_one_becomes_a_rule_for_that_channel() {
    let toml = importer::skeleton(BIRTH, &birth_with_counter_fee(), CHECKED).expect("a skeleton");
    let d = Procedure::from_toml(BIRTH, &toml)
        .unwrap_or_else(|e| panic!("the skeleton loads: {e}\n{toml}"))
        .definition;
    assert_eq!(d.fee.amount, Some(0), "online stays the base amount");
    let [rule] = &d.fee.rules[..] else {
        panic!("one rule: {:?}", d.fee.rules)
    };
    assert_eq!(rule.channel, Some(procedures::definition::FilingChannel::Counter));
    assert_eq!(rule.amount, Some(20_000));
    assert!(rule.reason.vi.contains("20.000 đồng"), "{}", rule.reason.vi);
    assert!(
        loaded(BIRTH).definition.fee.rules.is_empty(),
        "the same amount on every channel needs no rule"
    );
}

#[test]
fn a_counter_rule_answers_the_portal_counter_fee_in_the_comparison() {
    let portal = birth_with_counter_fee();
    let with_rule = importer::skeleton(BIRTH, &portal, CHECKED).expect("a skeleton");
    let fee_differences = |toml: &str| {
        importer::differences("skeleton.toml", toml, BIRTH, &portal)
            .expect("compared")
            .into_iter()
            .filter(|d| matches!(d, Difference::Fee { .. }))
            .count()
    };
    assert_eq!(
        fee_differences(&with_rule),
        0,
        "its own skeleton agrees with the portal"
    );
    // Without the rule, and without the note that names every channel's fee.
    let start = with_rule.find("\n[[fee.rules]]").expect("a rule");
    let end = start + 1 + with_rule[start + 1..].find("\n[").expect("more follows");
    let without: String = with_rule[..start]
        .lines()
        .filter(|line| !line.starts_with("note = "))
        .map(|line| format!("{line}\n"))
        .collect::<String>()
        + &with_rule[end..];
    assert_eq!(
        fee_differences(&without),
        1,
        "20.000 at the counter is reported:\n{without}"
    );
}
