//! A portrait photo for a passport, in the real window: a square picture is
//! named as the wrong shape with the rules beside it, and "Cắt và thu nhỏ
//! ảnh cho đúng yêu cầu" replaces it with a copy that passes.

use e2e::{App, Driver};
use image::{ImageFormat, Rgb, RgbImage};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_square_portrait_is_flagged_and_cropped_to_4_by_6() {
    let data = tempfile::tempdir().expect("a data folder for this run");
    let files = tempfile::tempdir().expect("a folder for the citizen's files");
    let photo = files.path().join("ảnh chân dung.png");
    let side = 900;
    RgbImage::from_fn(side, side, |x, y| {
        let (dx, dy) = (x as f64 - 450.0, y as f64 - 400.0);
        if dx * dx + dy * dy < 180.0 * 180.0 || (y > 680 && dx.abs() < 280.0) {
            Rgb([150, 110, 90])
        } else {
            Rgb([245, 245, 245])
        }
    })
    .save_with_format(&photo, ImageFormat::Png)
    .expect("the photo is written");
    let original = std::fs::read(&photo).unwrap();

    let driver = Driver::start(data.path());
    let app = App::start(&driver).await;
    app.wait("#search").await.send_keys("ho chieu").await.expect("search");
    app.click("[data-procedure='1.001456']").await;
    app.click("#start-interview").await;
    app.wait("#documents-panel").await;
    let rules = app.text("[data-photo-rules='portrait_photo']").await;
    assert!(rules.contains("4 × 6 cm"), "the rules show before picking: {rules}");

    let picking = e2e::pick_in_file_dialog(&photo);
    app.click("[data-attach='portrait_photo']").await;
    picking.join().expect("the photo was picked in the dialog");
    let problems = app
        .wait_for_text("[data-photo-problems='portrait_photo']", "tỉ lệ 4 × 6 cm")
        .await;
    assert!(problems.contains("Ảnh chưa đúng tỉ lệ"), "{problems}");
    app.scroll_to("[data-document='portrait_photo']").await;
    app.shot("31-photo-wrong-shape").await;

    app.click("[data-fix-photo='portrait_photo']").await;
    app.wait_for_text("[data-photo-ok='portrait_photo']", "Ảnh đạt yêu cầu")
        .await;
    let name = app.text("[data-attachment='portrait_photo'] .file-name").await;
    assert!(
        name.contains("ảnh chân dung-4x6cm.jpg"),
        "the fixed copy replaces it: {name}"
    );
    assert_eq!(
        std::fs::read(&photo).unwrap(),
        original,
        "the person's own photo is untouched"
    );
    app.scroll_to("[data-document='portrait_photo']").await;
    app.shot("32-photo-fixed").await;
    app.close().await;
}
