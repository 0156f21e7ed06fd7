//! The checklist as a real PDF: `pdftotext` (poppler-utils) reads back every
//! line in Vietnamese, NFC, with the font embedded; a long list runs onto a
//! second page; and the first page, rendered by `pdftoppm`, is kept as a
//! picture in target/e2e-screenshots.

use std::path::{Path, PathBuf};
use std::process::Command;

use forms::{Checklist, ChecklistItem};

fn birth_checklist(documents: usize) -> Checklist {
    let names = [
        "Tờ khai đăng ký khai sinh",
        "Giấy chứng sinh do bệnh viện, cơ sở y tế nơi trẻ sinh ra cấp",
        "Văn bản ủy quyền",
        "Giấy tờ chứng minh việc nuôi dưỡng trẻ bị bỏ rơi",
    ];
    Checklist {
        title: "Giấy tờ cần mang: Đăng ký khai sinh".into(),
        code_line: "Mã thủ tục: 1.001193".into(),
        facts: vec![
            (
                "Cơ quan giải quyết".into(),
                "Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ".into(),
            ),
            ("Thời hạn giải quyết".into(), "Ngay trong ngày làm việc".into()),
            ("Phí, lệ phí".into(), "Miễn phí".into()),
        ],
        documents_heading: "Thành phần hồ sơ".into(),
        documents: (0..documents)
            .map(|i| ChecklistItem {
                name: names[i % names.len()].into(),
                note: (i % 2 == 1)
                    .then(|| "Mang bản chính để đối chiếu; nộp bản sao có chứng thực nếu gửi qua bưu chính.".into()),
                conditional: i % 3 == 2,
            })
            .collect(),
        conditional: "(chỉ cần trong một số trường hợp)".into(),
        notes_heading: "Ghi chú".into(),
        notes: vec!["Đăng ký trong 60 ngày kể từ ngày sinh thì không mất lệ phí.".into()],
        footer: "In từ Trợ lý Dịch vụ công ngày 07/12/2026. Hãy hỏi lại cơ quan tiếp nhận trước khi nộp.".into(),
    }
}

fn written(checklist: &Checklist, name: &str) -> PathBuf {
    let pdf = checklist.to_pdf().expect("the checklist draws");
    assert!(pdf.starts_with(b"%PDF-"), "a PDF file");
    let path = std::env::temp_dir().join(format!("{name}-{}.pdf", std::process::id()));
    std::fs::write(&path, pdf).expect("written");
    path
}

fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} runs (poppler-utils): {e}"));
    assert!(
        out.status.success(),
        "{program}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The text as `pdftotext` reads it, with every run of white space one space.
fn text_of(path: &Path) -> String {
    let raw = run("pdftotext", &["-enc", "UTF-8", &path.to_string_lossy(), "-"]);
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_line_reads_back_in_vietnamese_with_the_font_embedded() {
    let checklist = birth_checklist(4);
    let path = written(&checklist, "checklist");
    let text = text_of(&path);
    for wanted in [
        checklist.title.as_str(),
        "Mã thủ tục: 1.001193",
        "Cơ quan giải quyết: Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ",
        "Phí, lệ phí: Miễn phí",
        "1. Tờ khai đăng ký khai sinh",
        "2. Giấy chứng sinh do bệnh viện, cơ sở y tế nơi trẻ sinh ra cấp",
        "3. Văn bản ủy quyền (chỉ cần trong một số trường hợp)",
        "Mang bản chính để đối chiếu",
        "• Đăng ký trong 60 ngày kể từ ngày sinh thì không mất lệ phí.",
        checklist.footer.as_str(),
    ] {
        assert!(text.contains(wanted), "{wanted:?} is in the PDF's text: {text}");
    }
    let fonts = run("pdffonts", &[&path.to_string_lossy()]);
    assert!(
        fonts.contains("NotoSans-Regular") && fonts.contains("NotoSans-Bold"),
        "both faces are used: {fonts}"
    );
    assert!(
        fonts.lines().skip(2).all(|line| line.contains(" yes ")),
        "every font is embedded: {fonts}"
    );

    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e-screenshots");
    std::fs::create_dir_all(&shots).expect("the screenshot folder");
    let prefix = shots.join("form-checklist");
    run(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            &path.to_string_lossy(),
            &prefix.to_string_lossy(),
        ],
    );
    assert!(shots.join("form-checklist.png").exists());
    std::fs::remove_file(path).ok();
}

#[test]
fn a_long_list_runs_onto_more_pages_and_loses_no_document() {
    let checklist = birth_checklist(60);
    let path = written(&checklist, "checklist-long");
    let info = run("pdfinfo", &[&path.to_string_lossy()]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives the pages");
    assert!(pages >= 3, "60 documents need several pages: {pages}");
    let text = text_of(&path);
    for i in [1, 30, 60] {
        assert!(text.contains(&format!("{i}. ")), "document {i} is there");
    }
    std::fs::remove_file(path).ok();
}
