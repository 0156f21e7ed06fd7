//! A portrait photo picked for a passport: checked against the document's
//! photo rules when attached, and replaced on request by a copy cropped and
//! shrunk to them, the person's own file left as it was.

mod common;

use std::path::Path;

use image::{ImageFormat, Rgb, RgbImage};
use photo::PhotoProblem;

const PASSPORT: &str = "1.001456";

/// A square head-and-shoulders picture on white, written to `path`.
fn square_portrait(path: &Path, side: u32) {
    let picture = RgbImage::from_fn(side, side, |x, y| {
        let (dx, dy) = (x as f64 - side as f64 / 2.0, y as f64 - side as f64 * 0.45);
        if dx * dx + dy * dy < (side as f64 * 0.2).powi(2) || y > side * 3 / 4 && dx.abs() < side as f64 * 0.3 {
            Rgb([150, 110, 90])
        } else {
            Rgb([245, 245, 245])
        }
    });
    picture.save_with_format(path, ImageFormat::Png).unwrap();
}

#[test]
fn a_square_photo_is_named_wrong_and_fixed_into_a_new_file() {
    let opened = common::open(None);
    let assistant = &opened.assistant;
    let draft = assistant.create_draft(PASSPORT, None).unwrap().draft.id;
    let picked = opened.dir.path().join("ảnh của tôi.png");
    square_portrait(&picked, 900);
    let original = std::fs::read(&picked).unwrap();

    let document = assistant.document(draft, PASSPORT, "portrait_photo").unwrap();
    let added = assistant.attach(draft, &document, &picked).unwrap();
    let check = added.photo.expect("a portrait photo is checked");
    assert_eq!(
        check.problems,
        vec![PhotoProblem::WrongShape {
            width_cm: 4,
            height_cm: 6
        }]
    );
    assert!(check.fixable, "cropping fixes a square photo");

    let fixed = assistant.fix_photo(draft, PASSPORT, "portrait_photo").unwrap();
    assert_eq!(fixed.attachment.file_name, "ảnh của tôi-4x6cm.jpg");
    assert_eq!(fixed.attachment.document_id, "portrait_photo");
    assert_eq!(
        fixed.photo.expect("checked again").problems,
        vec![],
        "the fixed copy passes"
    );
    let files = opened.assistant.store.attachments(draft).unwrap();
    assert_eq!(files.len(), 1, "the copy replaces the first file in the draft");
    assert_eq!(files[0].sha256, fixed.attachment.sha256);
    let kept = opened.assistant.store.attachment_bytes(&files[0].sha256).unwrap();
    let picture = image::load_from_memory(&kept).unwrap();
    assert_eq!(
        (picture.width(), picture.height()),
        (600, 900),
        "cropped to 4 : 6 about the centre"
    );
    assert_eq!(
        std::fs::read(&picked).unwrap(),
        original,
        "the person's own file is untouched"
    );
}

#[test]
fn a_photo_too_small_to_crop_is_refused_a_fix_with_a_reason() {
    let opened = common::open(None);
    let assistant = &opened.assistant;
    let draft = assistant.create_draft(PASSPORT, None).unwrap().draft.id;
    let picked = opened.dir.path().join("nhỏ.png");
    square_portrait(&picked, 500);
    let document = assistant.document(draft, PASSPORT, "portrait_photo").unwrap();
    let check = assistant.attach(draft, &document, &picked).unwrap().photo.unwrap();
    assert!(check.problems.contains(&PhotoProblem::WrongShape {
        width_cm: 4,
        height_cm: 6
    }));
    assert!(!check.fixable, "a 500-pixel square cropped to 4 : 6 is under 400 × 600");
    let error = assistant.fix_photo(draft, PASSPORT, "portrait_photo").unwrap_err();
    assert_eq!(
        assistant::AppError::from(&error).code.as_str(),
        "photo-too-small-to-fix"
    );
}

#[test]
fn a_document_that_is_not_a_photo_gets_no_photo_check() {
    let opened = common::open(None);
    let assistant = &opened.assistant;
    let draft = assistant.create_draft(PASSPORT, None).unwrap().draft.id;
    let picked = opened.dir.path().join("hộ chiếu cũ.png");
    square_portrait(&picked, 300);
    let document = assistant.document(draft, PASSPORT, "previous_passport").unwrap();
    assert!(assistant.attach(draft, &document, &picked).unwrap().photo.is_none());
    let error = assistant.fix_photo(draft, PASSPORT, "previous_passport").unwrap_err();
    assert_eq!(
        assistant::AppError::from(&error).code.as_str(),
        "unexpected",
        "only a photo document is fixed"
    );
}
