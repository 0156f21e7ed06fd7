//! The entry point of the `portal_decode` fuzz target in `fuzz/`, kept here
//! so that the ordinary test `tests/fuzz_regressions.rs` replays saved inputs
//! through exactly the code the fuzzer ran. It takes arbitrary bytes as a
//! portal's answer body and must never panic, hang or overflow the stack.

use procedures::Procedure;
use procedures::definition::Definition;
use serde::de::DeserializeOwned;

use crate::types::{
    AttachmentReceipt, CatalogEntry, CatalogList, Dossier, DossierChanges, Fault, Feedback, FeedbackList, FieldProblem,
    Problem, Status, StatusChange, StatusUpdate, TokenResponse,
};

/// Decodes `body` as `T`; a value that decodes must encode and decode again
/// to itself.
fn round_trip<T: DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug>(body: &[u8]) {
    if let Ok(value) = serde_json::from_slice::<T>(body) {
        let again = serde_json::to_vec(&value).expect("a decoded value encodes");
        let decoded: T = serde_json::from_slice(&again).expect("an encoded value decodes");
        assert_eq!(decoded, value, "decoding is stable");
    }
}

/// Decodes every response body the app reads from a portal, and the
/// problem+json error body, chosen by the first byte; a definition that
/// decodes also goes through the loader as a catalog update.
pub fn decode(data: &[u8]) {
    let Some((&pick, body)) = data.split_first() else {
        return;
    };
    match pick % 15 {
        0 => round_trip::<CatalogList>(body),
        1 => round_trip::<CatalogEntry>(body),
        2 => round_trip::<Dossier>(body),
        3 => round_trip::<DossierChanges>(body),
        4 => round_trip::<AttachmentReceipt>(body),
        5 => round_trip::<StatusChange>(body),
        6 => round_trip::<Status>(body),
        7 => round_trip::<Problem>(body),
        8 => round_trip::<FieldProblem>(body),
        9 => round_trip::<TokenResponse>(body),
        10 => round_trip::<StatusUpdate>(body),
        11 => round_trip::<Fault>(body),
        12 => round_trip::<FeedbackList>(body),
        13 => round_trip::<Feedback>(body),
        _ => {
            if let Ok(definition) = serde_json::from_slice::<Definition>(body) {
                let code = definition.code.clone();
                let _ = Procedure::from_update(&code, "portal:fuzz", definition);
            }
        }
    }
}
