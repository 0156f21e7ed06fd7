//! The TypeScript types in `ui/src/lib/bindings/` are generated from the Rust
//! types that cross the IPC boundary. This test fails when they are stale;
//! run it with `UPDATE_BINDINGS=1` to write them again.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use app_lib::commands::drafts::DraftView;
use app_lib::error::AppError;
use procedures::admin_units::{Commune, Province};
use procedures::catalog::ProcedureSummary;
use procedures::definition::Definition;
use procedures::engine::Answer;
use ts_rs::TS;

fn export(dir: &Path) {
    Definition::export_all_to(dir).unwrap();
    ProcedureSummary::export_all_to(dir).unwrap();
    Answer::export_all_to(dir).unwrap();
    Province::export_all_to(dir).unwrap();
    Commune::export_all_to(dir).unwrap();
    AppError::export_all_to(dir).unwrap();
    DraftView::export_all_to(dir).unwrap();
    store::Profile::export_all_to(dir).unwrap();
    app_lib::commands::portal::PortalStatus::export_all_to(dir).unwrap();
    app_lib::commands::portal::SubmitResult::export_all_to(dir).unwrap();
    app_lib::commands::portal::Submissions::export_all_to(dir).unwrap();
    app_lib::events::SyncNotice::export_all_to(dir).unwrap();
    app_lib::commands::lock::LockState::export_all_to(dir).unwrap();
}

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .filter_map(Result::ok)
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read_to_string(e.path()).unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn typescript_bindings_are_fresh() {
    let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let _ = fs::remove_dir_all(&committed);
        export(&committed);
        return;
    }
    let fresh = tempfile::tempdir().unwrap();
    export(fresh.path());
    let (fresh, committed_files) = (read_dir(fresh.path()), read_dir(&committed));
    let stale: Vec<&String> = fresh
        .keys()
        .filter(|k| committed_files.get(*k) != fresh.get(*k))
        .collect();
    let extra: Vec<&String> = committed_files.keys().filter(|k| !fresh.contains_key(*k)).collect();
    assert!(
        stale.is_empty() && extra.is_empty(),
        "ui/src/lib/bindings is stale (changed or missing: {stale:?}; no longer generated: {extra:?}); run `UPDATE_BINDINGS=1 cargo test -p tro-ly-dich-vu-cong --test bindings`"
    );
}
