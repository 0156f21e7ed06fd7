//! Photo checks on generated pictures: a good one, too small, the wrong
//! shape, a dark background, a busy one, too heavy, and not a picture; and
//! the fix, checked by the same rules.

use image::{DynamicImage, ImageFormat, Rgb, RgbImage};
use photo::{FitError, PhotoProblem, check, fit};
use procedures::definition::PhotoRules;

/// A 4 × 6 cm photo of at least 400 × 600 pixels, at most 1 MiB, on a light plain background.
fn rules() -> PhotoRules {
    PhotoRules {
        width_cm: 4,
        height_cm: 6,
        min_width_px: 400,
        min_height_px: 600,
        max_size_kb: 1024,
        plain_light_background: true,
    }
}

/// A portrait: a background, and a head and shoulders in the middle,
/// drawn with `face` (noise when `noisy`, to make the file heavy).
fn portrait(width: u32, height: u32, background: impl Fn(u32, u32) -> Rgb<u8>, noisy: bool) -> RgbImage {
    let mut seed = 0x9e37_79b9_u32;
    RgbImage::from_fn(width, height, |x, y| {
        let (cx, cy) = (width as f64 / 2.0, height as f64 * 0.45);
        let (rx, ry) = (width as f64 * 0.22, height as f64 * 0.2);
        let in_head = ((x as f64 - cx) / rx).powi(2) + ((y as f64 - cy) / ry).powi(2) <= 1.0;
        let in_shoulders = y as f64 > height as f64 * 0.7 && (x as f64 - cx).abs() < width as f64 * 0.4;
        if in_head || in_shoulders {
            if noisy {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                let v = seed.to_le_bytes();
                Rgb([v[0], v[1], v[2]])
            } else {
                Rgb([150, 110, 90])
            }
        } else {
            background(x, y)
        }
    })
}

fn white(_: u32, _: u32) -> Rgb<u8> {
    Rgb([246, 246, 244])
}

fn encode(picture: &RgbImage, format: ImageFormat) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(picture.clone())
        .write_to(&mut out, format)
        .unwrap();
    out.into_inner()
}

#[test]
fn a_good_photo_passes() {
    let good = encode(&portrait(480, 720, white, false), ImageFormat::Jpeg);
    let verdict = check(&good, &rules());
    assert_eq!(verdict.problems, vec![], "a 480 × 720 photo on white passes");
    assert!(!verdict.fixable, "nothing to fix");
}

#[test]
fn a_photo_with_too_few_pixels_says_how_many_it_has_and_needs_and_cannot_be_fixed() {
    let small = encode(&portrait(200, 300, white, false), ImageFormat::Jpeg);
    let verdict = check(&small, &rules());
    assert_eq!(
        verdict.problems,
        vec![PhotoProblem::TooFewPixels {
            width: 200,
            height: 300,
            min_width: 400,
            min_height: 600
        }]
    );
    assert!(!verdict.fixable, "cropping cannot add pixels");
    assert_eq!(fit(&small, &rules()), Err(FitError::TooSmall));
}

#[test]
fn a_square_photo_is_the_wrong_shape_and_cropping_fixes_it() {
    let square = encode(&portrait(900, 900, white, false), ImageFormat::Png);
    let verdict = check(&square, &rules());
    assert_eq!(
        verdict.problems,
        vec![PhotoProblem::WrongShape {
            width_cm: 4,
            height_cm: 6
        }]
    );
    assert!(verdict.fixable);
    let fixed = fit(&square, &rules()).expect("a cropped photo");
    let picture = image::load_from_memory(&fixed).unwrap();
    assert_eq!(
        (picture.width(), picture.height()),
        (600, 900),
        "cropped about its centre to 4 : 6, full height kept"
    );
    assert_eq!(image::guess_format(&fixed).unwrap(), ImageFormat::Jpeg);
    assert_eq!(
        check(&fixed, &rules()).problems,
        vec![],
        "the fixed photo passes the same rules"
    );
}

#[test]
fn a_ratio_within_three_percent_is_accepted_and_beyond_it_is_not() {
    let near = encode(&portrait(410, 600, white, false), ImageFormat::Png);
    assert_eq!(check(&near, &rules()).problems, vec![], "410 × 600 is 2.5 % off 4 : 6");
    let off = encode(&portrait(420, 600, white, false), ImageFormat::Png);
    assert_eq!(
        check(&off, &rules()).problems,
        vec![PhotoProblem::WrongShape {
            width_cm: 4,
            height_cm: 6
        }],
        "420 × 600 is 5 % off"
    );
}

#[test]
fn a_dark_background_is_named_and_not_offered_a_fix() {
    let dark = encode(&portrait(480, 720, |_, _| Rgb([60, 60, 70]), false), ImageFormat::Jpeg);
    let verdict = check(&dark, &rules());
    assert_eq!(verdict.problems, vec![PhotoProblem::DarkBackground]);
    assert!(!verdict.fixable, "only a new photo fixes a background");
}

#[test]
fn a_busy_background_is_named() {
    let stripes = |x: u32, _: u32| {
        if (x / 12).is_multiple_of(2) {
            Rgb([250, 250, 250])
        } else {
            Rgb([120, 160, 200])
        }
    };
    let busy = encode(&portrait(480, 720, stripes, false), ImageFormat::Png);
    assert_eq!(check(&busy, &rules()).problems, vec![PhotoProblem::BusyBackground]);
}

#[test]
fn a_light_background_is_not_required_unless_the_rules_say_so() {
    let dark = encode(&portrait(480, 720, |_, _| Rgb([60, 60, 70]), false), ImageFormat::Jpeg);
    let rules = PhotoRules {
        plain_light_background: false,
        ..rules()
    };
    assert_eq!(check(&dark, &rules).problems, vec![]);
}

#[test]
fn a_heavy_photo_is_shrunk_below_the_limit_and_keeps_at_least_the_minimum_pixels() {
    let heavy = encode(&portrait(2000, 3000, white, true), ImageFormat::Png);
    assert!(
        heavy.len() > 1024 * 1024,
        "the sample is over 1 MiB ({} bytes)",
        heavy.len()
    );
    let verdict = check(&heavy, &rules());
    assert_eq!(
        verdict.problems,
        vec![PhotoProblem::TooLarge {
            size_kb: heavy.len().div_ceil(1024) as u32,
            max_kb: 1024
        }]
    );
    assert!(verdict.fixable);
    let fixed = fit(&heavy, &rules()).expect("a lighter photo");
    assert!(fixed.len() <= 1024 * 1024, "{} bytes", fixed.len());
    let picture = image::load_from_memory(&fixed).unwrap();
    assert!(
        picture.width() >= 400 && picture.height() >= 600,
        "{}×{}",
        picture.width(),
        picture.height()
    );
    assert_eq!(check(&fixed, &rules()).problems, vec![]);
}

#[test]
fn what_is_not_a_picture_is_unreadable() {
    for bytes in [&b"not a picture"[..], b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n"] {
        let verdict = check(bytes, &rules());
        assert_eq!(verdict.problems, vec![PhotoProblem::Unreadable]);
        assert!(!verdict.fixable);
        assert_eq!(fit(bytes, &rules()), Err(FitError::Unreadable));
    }
}
