//! Logs an officer can send: daily files in the log folder (the newest
//! seven kept), no personal data in them or in the support text, and the
//! last warnings carried by that text.

use assistant::support::{LOG_FILES_KEPT, start_logging, support_text};

mod common;

#[test]
fn log_files_rotate_hide_personal_data_and_feed_the_support_text() {
    let folder = tempfile::tempdir().unwrap();
    let logs = folder.path().join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    for day in 1..=10 {
        std::fs::write(logs.join(format!("tro-ly-dich-vu-cong.2026-11-{day:02}.log")), "old\n").unwrap();
    }
    std::fs::write(logs.join("not-a-log.txt"), "kept").unwrap();
    let logging = start_logging(Some(&logs));
    let kept = std::fs::read_dir(&logs)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".log"))
        .count();
    assert!(kept <= LOG_FILES_KEPT, "{kept} log files kept");
    assert!(logs.join("not-a-log.txt").exists(), "other files are left alone");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&logs).unwrap().permissions().mode() & 0o777, 0o700);
    }

    tracing::warn!(detail = "an.nguyen@example.vn", "căn cước 001085012345 không khớp");
    tracing::info!("đã nộp hồ sơ X01-20261207-0001");
    let recent = logging.recent.list();
    let warning = recent.last().expect("the warning is kept");
    assert_eq!(warning.level, "WARN");
    assert!(
        warning.text.contains("<số>") && warning.text.contains("<email>") && !warning.text.contains("001085012345"),
        "{warning:?}"
    );

    let opened = common::open(None);
    let (assistant, dir) = (&opened.assistant, &opened.dir);
    let text = support_text(Some(assistant), &recent, "vi", 150);
    assert!(text.starts_with("Trợ lý Dịch vụ công "), "{text}");
    assert!(
        text.contains("portal: training sandbox") && text.contains("text size: 150%"),
        "{text}"
    );
    assert!(
        text.contains("căn cước <số> không khớp"),
        "the warning, scrubbed: {text}"
    );
    assert!(!text.contains("001085012345") && !text.contains("example.vn"), "{text}");
    assert!(
        !text.contains(&dir.path().to_string_lossy().to_string()),
        "no path of the data folder: {text}"
    );
    let locked = support_text(None, &[], "en", 100);
    assert!(
        locked.contains("data: locked") && locked.contains("recent warnings and errors: 0"),
        "{locked}"
    );

    drop(logging);
    let written: String = std::fs::read_dir(&logs)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap_or_default())
        .collect();
    assert!(
        written.contains("đã nộp hồ sơ X01-20261207-0001"),
        "the file has the lines"
    );
    assert!(
        written.contains("căn cước <số> không khớp") && !written.contains("001085012345"),
        "no citizen ID in the log file"
    );
    assert!(!written.contains("an.nguyen@example.vn"));
}
