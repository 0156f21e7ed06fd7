//! Portrait photos, checked before anything is sent: the national portal
//! refuses photos of the wrong shape, too small, too heavy or on a dark or
//! busy background, and a refusal costs the person a trip or a day.
//!
//! [`check`] says exactly what is wrong with a picked photo against a
//! document's [`PhotoRules`]; [`fit`] makes a new JPEG cropped to the
//! ratio (centred) and shrunk to the size limit. The person's own file is
//! never changed: the fixed photo is a new file.

use std::io::Cursor;

use image::{DynamicImage, GenericImageView, ImageFormat, ImageReader, Limits};
use procedures::definition::PhotoRules;
use serde::Serialize;

/// How far the picture's ratio may be from the printed size's, as a share.
pub const RATIO_TOLERANCE: f64 = 0.03;

/// The border band sampled for the background, as a share of each side.
const BAND: f64 = 0.08;

/// Mean luminance (0–255) under which the background is too dark.
pub const LIGHT_ENOUGH: f64 = 170.0;

/// Spread of the luminance (standard deviation) above which the
/// background is not plain.
pub const PLAIN_ENOUGH: f64 = 28.0;

/// Largest picture decoded, a side in pixels, so a crafted file cannot
/// make the app allocate gigabytes.
const MAX_SIDE_PX: u32 = 12_000;

/// What is wrong with a photo; each has a message `photo-<kind>` in the
/// locales, with these fields as its arguments.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PhotoProblem {
    /// Not a JPEG or PNG picture the app can read.
    Unreadable,
    /// Fewer pixels than the rules ask for.
    TooFewPixels {
        /// The photo's width, in pixels.
        width: u32,
        /// The photo's height, in pixels.
        height: u32,
        /// Fewest pixels across.
        min_width: u32,
        /// Fewest pixels down.
        min_height: u32,
    },
    /// Not the printed size's shape (e.g. a square photo for 4 × 6 cm).
    WrongShape {
        /// The printed width, in centimetres.
        width_cm: u32,
        /// The printed height, in centimetres.
        height_cm: u32,
    },
    /// A heavier file than the rules allow.
    TooLarge {
        /// The file's size, in KiB (rounded up).
        size_kb: u32,
        /// The largest allowed, in KiB.
        max_kb: u32,
    },
    /// The background is too dark.
    DarkBackground,
    /// The background is not plain (patterns, objects, strong shadows).
    BusyBackground,
}

/// The verdict on a photo.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PhotoCheck {
    /// Everything to fix; empty when the photo is fine.
    pub problems: Vec<PhotoProblem>,
    /// Cropping and shrinking ([`fit`]) would fix the shape and the size;
    /// false when neither is wrong or the photo is too small to crop.
    pub fixable: bool,
}

/// Why [`fit`] made no photo.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum FitError {
    /// The picture could not be read.
    #[error("the picture cannot be read")]
    Unreadable,
    /// Cropped to the ratio, it has fewer pixels than the rules ask for.
    #[error("cropped to the ratio, the picture is smaller than the minimum")]
    TooSmall,
    /// Even at the minimum pixels and a low quality, it stays too heavy.
    #[error("the picture cannot be made light enough")]
    CannotShrink,
}

/// Checks a photo's bytes against the rules.
pub fn check(bytes: &[u8], rules: &PhotoRules) -> PhotoCheck {
    let Some(picture) = decode(bytes) else {
        return PhotoCheck {
            problems: vec![PhotoProblem::Unreadable],
            fixable: false,
        };
    };
    let (width, height) = picture.dimensions();
    let mut problems = Vec::new();
    if width < rules.min_width_px || height < rules.min_height_px {
        problems.push(PhotoProblem::TooFewPixels {
            width,
            height,
            min_width: rules.min_width_px,
            min_height: rules.min_height_px,
        });
    }
    let wrong_shape = !has_ratio(width, height, rules);
    if wrong_shape {
        problems.push(PhotoProblem::WrongShape {
            width_cm: rules.width_cm,
            height_cm: rules.height_cm,
        });
    }
    let too_large = bytes.len() as u64 > u64::from(rules.max_size_kb) * 1024;
    if too_large {
        problems.push(PhotoProblem::TooLarge {
            size_kb: u32::try_from(bytes.len().div_ceil(1024)).unwrap_or(u32::MAX),
            max_kb: rules.max_size_kb,
        });
    }
    if rules.plain_light_background {
        let (mean, spread) = background(&picture);
        if mean < LIGHT_ENOUGH {
            problems.push(PhotoProblem::DarkBackground);
        } else if spread > PLAIN_ENOUGH {
            problems.push(PhotoProblem::BusyBackground);
        }
    }
    let (crop_width, crop_height) = crop_size(width, height, rules);
    let big_enough = crop_width >= rules.min_width_px && crop_height >= rules.min_height_px;
    PhotoCheck {
        problems,
        fixable: (wrong_shape || too_large) && big_enough,
    }
}

/// A new JPEG of the photo: cropped about its centre to the rules' ratio,
/// and made light enough (lower JPEG quality first, then fewer pixels, never
/// below the minimum).
pub fn fit(bytes: &[u8], rules: &PhotoRules) -> Result<Vec<u8>, FitError> {
    let picture = decode(bytes).ok_or(FitError::Unreadable)?;
    let (width, height) = picture.dimensions();
    let (crop_width, crop_height) = crop_size(width, height, rules);
    if crop_width < rules.min_width_px || crop_height < rules.min_height_px {
        return Err(FitError::TooSmall);
    }
    let mut cropped = picture.crop_imm(
        (width - crop_width) / 2,
        (height - crop_height) / 2,
        crop_width,
        crop_height,
    );
    let limit = u64::from(rules.max_size_kb) * 1024;
    loop {
        for quality in [92, 85, 75, 65] {
            let encoded = jpeg(&cropped, quality).ok_or(FitError::CannotShrink)?;
            if encoded.len() as u64 <= limit {
                return Ok(encoded);
            }
        }
        let (w, h) = cropped.dimensions();
        let (next_w, next_h) = ((f64::from(w) * 0.85) as u32, (f64::from(h) * 0.85) as u32);
        if next_w < rules.min_width_px || next_h < rules.min_height_px {
            return Err(FitError::CannotShrink);
        }
        cropped = cropped.resize_exact(next_w, next_h, image::imageops::FilterType::Lanczos3);
    }
}

fn decode(bytes: &[u8]) -> Option<DynamicImage> {
    let mut reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().ok()?;
    if !matches!(reader.format(), Some(ImageFormat::Jpeg | ImageFormat::Png)) {
        return None;
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE_PX);
    limits.max_image_height = Some(MAX_SIDE_PX);
    reader.limits(limits);
    reader.decode().ok()
}

fn jpeg(picture: &DynamicImage, quality: u8) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality);
    picture.to_rgb8().write_with_encoder(encoder).ok()?;
    Some(out)
}

/// Whether width : height is the printed size's ratio, within the tolerance.
fn has_ratio(width: u32, height: u32, rules: &PhotoRules) -> bool {
    let wanted = f64::from(rules.width_cm) / f64::from(rules.height_cm);
    let actual = f64::from(width) / f64::from(height.max(1));
    (actual / wanted - 1.0).abs() <= RATIO_TOLERANCE
}

/// The largest centred rectangle of the rules' ratio inside the picture.
fn crop_size(width: u32, height: u32, rules: &PhotoRules) -> (u32, u32) {
    let (wc, hc) = (u64::from(rules.width_cm), u64::from(rules.height_cm));
    let (w, h) = (u64::from(width), u64::from(height));
    if w * hc > h * wc {
        // Too wide: keep the height.
        (u32::try_from(h * wc / hc).unwrap_or(width), height)
    } else {
        (width, u32::try_from(w * hc / wc).unwrap_or(height))
    }
}

/// Mean and standard deviation of the luminance along the top and the two
/// sides of the upper two thirds, where a portrait shows its background.
fn background(picture: &DynamicImage) -> (f64, f64) {
    let rgb = picture.to_rgb8();
    let (width, height) = rgb.dimensions();
    let band_x = ((f64::from(width) * BAND) as u32).max(1);
    let band_y = ((f64::from(height) * BAND) as u32).max(1);
    let upper = (height * 2 / 3).max(1);
    let step = (width.max(height) / 200).max(1);
    let (mut sum, mut sum_sq, mut n) = (0.0, 0.0, 0.0);
    for y in (0..upper).step_by(step as usize) {
        for x in (0..width).step_by(step as usize) {
            if y >= band_y && x >= band_x && x < width.saturating_sub(band_x) {
                continue;
            }
            let [r, g, b] = rgb.get_pixel(x, y).0;
            let luma = 0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b);
            sum += luma;
            sum_sq += luma * luma;
            n += 1.0;
        }
    }
    let mean = sum / n;
    (mean, (sum_sq / n - mean * mean).max(0.0).sqrt())
}
