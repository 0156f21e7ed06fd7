//! The desk's receipt and appointment slip, as an officer prints it for a
//! dossier filed from this PC on the training portal: `pdftotext` finds
//! every field the circular lists with its value, on two copies; the fonts
//! are embedded; the QR code on the page, rendered by `pdftoppm`, decodes to
//! the dossier code; the page is kept as a picture in
//! target/e2e-screenshots; and printing is in the audit log.

use std::path::{Path, PathBuf};
use std::process::Command;

use assistant::Error;
use l10n::Locale;
use portal::types::{AssistedChannel, Status};
use serde_json::json;

mod common;

use common::{Opened, birth_answers};

/// A 1-page PDF, enough for the sandbox's content check.
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

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

/// The PDF written to a file of the test's temporary folder.
fn written(dir: &Path, pdf: &[u8]) -> PathBuf {
    let path = dir.join("giay-tiep-nhan.pdf");
    std::fs::write(&path, pdf).unwrap();
    path
}

/// An officer signed in on the training portal, the desk set, a citizen
/// served, and a birth registration filed for them and received, due on
/// 19/12/2026: its portal id.
fn filed_by_an_officer(o: &Opened) -> String {
    let a = &o.assistant;
    o.runtime.block_on(a.sign_in("can-bo")).unwrap();
    a.set_desk("Bộ phận Một cửa UBND phường Ba Đình", "01", Some("00004"))
        .unwrap();
    let draft = a.create_draft("1.001193", None).unwrap().draft.id;
    for (field, answer) in &birth_answers() {
        a.save_answer(draft, "1.001193", field, Some(answer)).unwrap();
    }
    let file = o.dir.path().join("giay-chung-sinh.pdf");
    std::fs::write(&file, PDF).unwrap();
    let document = a.document(draft, "1.001193", "giay_chung_sinh").unwrap();
    a.attach(draft, &document, &file).unwrap();
    assert!(
        matches!(
            a.submit_draft(draft, AssistedChannel::Desk),
            Err(Error::NoCitizenServed)
        ),
        "an officer files only for a citizen served"
    );
    a.start_session("Nguyễn Văn An", "001090012345", "01/02/1990", true)
        .unwrap();
    let draft = a.create_draft("1.001193", None).unwrap().draft.id;
    for (field, answer) in &birth_answers() {
        a.save_answer(draft, "1.001193", field, Some(answer)).unwrap();
    }
    let document = a.document(draft, "1.001193", "giay_chung_sinh").unwrap();
    a.attach(draft, &document, &file).unwrap();
    a.submit_draft(draft, AssistedChannel::Desk).unwrap();
    let id = o.until(|d| d.status == Status::Submitted).id;
    o.admin(
        &format!("/admin/dossiers/{id}/status"),
        json!({ "status": Status::Received, "note": null }),
    );
    o.admin(
        &format!("/admin/dossiers/{id}/due"),
        json!({ "due_date": "2026-12-19", "reason": null }),
    );
    o.until(|d| d.due_date.as_deref() == Some("2026-12-19"));
    id
}

#[test]
fn the_slip_holds_every_field_with_its_value_on_two_copies() {
    let o = common::open(None);
    let id = filed_by_an_officer(&o);
    let a = &o.assistant;
    let dossier = o.until(|_| true);
    let pdf = a.receipt_slip_pdf(&id, Locale::Vi).expect("the slip is drawn");
    let path = written(o.dir.path(), &pdf);

    let info = run("pdfinfo", &[&path.to_string_lossy()]);
    assert!(
        info.lines().any(|l| l.starts_with("Pages:") && l.ends_with(" 2")),
        "two copies, a page each: {info}"
    );
    let text = run("pdftotext", &["-enc", "UTF-8", &path.to_string_lossy(), "-"]);
    let pages: Vec<String> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(pages.len(), 2);
    for (page, copy) in pages
        .iter()
        .zip(["Liên 1: lưu tại Bộ phận tiếp nhận", "Liên 2: giao người nộp hồ sơ"])
    {
        for wanted in [
            "Bộ phận Một cửa UBND phường Ba Đình",
            "Phường Ba Đình, Thành phố Hà Nội",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Hà Nội, ngày",
            "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
            &format!("Mã hồ sơ: {}", dossier.code),
            "Bộ phận Một cửa UBND phường Ba Đình tiếp nhận hồ sơ của:",
            "Ông (Bà): Nguyễn Văn An",
            "Số định danh cá nhân: 001090012345",
            "Địa chỉ:",
            "Số điện thoại: 0912345678",
            "Thư điện tử: (không khai)",
            "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
            "Thành phần hồ sơ nộp gồm: 1. Giấy chứng sinh",
            "Số lượng hồ sơ: 01 (bộ)",
            "Thời gian giải quyết hồ sơ theo quy định:",
            "Thời gian nhận hồ sơ:",
            "Thời gian trả kết quả giải quyết hồ sơ: 19/12/2026",
            "Đăng ký nhận kết quả tại:",
            "Vào Sổ theo dõi hồ sơ, Quyển số",
            "NGƯỜI NỘP HỒ SƠ",
            "NGƯỜI TIẾP NHẬN HỒ SƠ",
            "(Ký và ghi rõ họ tên)",
            "Lê Thị Hoa",
            copy,
        ] {
            assert!(page.contains(wanted), "{wanted:?} is on the page: {page}");
        }
        let received = page
            .split("Thời gian nhận hồ sơ: ")
            .nth(1)
            .expect("the time received is given");
        let words: Vec<&str> = received.split_whitespace().take(6).collect();
        assert!(
            words[1] == "giờ" && words[3] == "phút," && words[4] == "ngày" && words[5].len() == 10,
            "hour, minute and day: {words:?}"
        );
    }

    let fonts = run("pdffonts", &[&path.to_string_lossy()]);
    assert!(
        fonts.contains("NotoSans-Regular") && fonts.contains("NotoSans-Bold"),
        "{fonts}"
    );
    assert!(
        fonts.lines().skip(2).all(|line| line.contains(" yes ")),
        "embedded: {fonts}"
    );

    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let prefix = shots.join("form-receipt-slip");
    run(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "110",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            &path.to_string_lossy(),
            &prefix.to_string_lossy(),
        ],
    );
    let page = image::open(prefix.with_extension("png")).unwrap().to_luma8();
    let mut grids =
        rqrr::PreparedImage::prepare_from_greyscale(page.width() as usize, page.height() as usize, |x, y| {
            page.get_pixel(x as u32, y as u32).0[0]
        });
    let codes: Vec<String> = grids
        .detect_grids()
        .into_iter()
        .filter_map(|grid| grid.decode().ok().map(|(_, content)| content))
        .collect();
    assert_eq!(codes, vec![dossier.code.clone()], "the QR code holds the dossier code");

    let printed = a.store.audit_entries().unwrap();
    let last = printed.last().unwrap();
    assert_eq!(
        (last.action.as_str(), last.officer.as_deref()),
        ("slip-printed", Some("can-bo"))
    );
}

#[test]
fn only_an_officer_with_a_desk_prints_a_slip() {
    let o = common::open(None);
    let id = filed_by_an_officer(&o);
    let a = &o.assistant;
    let english = a.receipt_slip_pdf(&id, Locale::En).unwrap();
    let path = written(o.dir.path(), &english);
    let text = run("pdftotext", &["-enc", "UTF-8", &path.to_string_lossy(), "-"]);
    assert!(text.contains("DOSSIER RECEIPT AND APPOINTMENT SLIP"), "{text}");
    assert!(text.contains("Result due: 19/12/2026"), "{text}");

    assert!(matches!(
        a.receipt_slip_pdf("no-such-dossier", Locale::Vi),
        Err(Error::DossierNotFound)
    ));
    o.runtime.block_on(a.sign_out());
    o.runtime.block_on(a.sign_in("cong-dan")).unwrap();
    assert!(matches!(a.receipt_slip_pdf(&id, Locale::Vi), Err(Error::NotOfficer)));

    let fresh = common::open(None);
    fresh.runtime.block_on(fresh.assistant.sign_in("can-bo")).unwrap();
    assert!(matches!(
        fresh.assistant.receipt_slip_pdf(&id, Locale::Vi),
        Err(Error::DeskNotSet)
    ));
}
