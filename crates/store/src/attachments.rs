//! Attachments: files the user attaches to a draft's documents. A file is
//! checked by its content (not its name) and copied, encrypted, into the
//! app's folder under a name derived from its SHA-256 (see the `crypto`
//! module), so moving or deleting the original breaks nothing.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use base64::Engine;
use procedures::definition::{DocumentRequirement, FileKind};
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{AttachmentProblem, Error, Result, Store, audit, files, now};

/// Sub-folder of the data folder that holds attached files.
pub(crate) const FOLDER: &str = "attachments";

/// An attached file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Attachment {
    /// Attachment id.
    pub id: i64,
    /// The document of the checklist it is for.
    pub document_id: String,
    /// The file's name as the user knew it.
    pub file_name: String,
    /// What the content is.
    pub kind: FileKind,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the content, hex.
    pub sha256: String,
}

/// The verdict on a file's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileCheck {
    /// A complete file of this kind.
    Complete(FileKind),
    /// A file of this kind that ends early.
    Truncated(FileKind),
    /// Not a PDF, JPEG or PNG.
    Unknown,
}

impl FileCheck {
    /// Recognises PDF, JPEG and PNG by their first bytes, and checks that
    /// each ends the way a complete file does.
    pub fn of(bytes: &[u8]) -> Self {
        let tail = &bytes[bytes.len().saturating_sub(1024)..];
        let (kind, complete) = if bytes.starts_with(b"%PDF-") {
            (FileKind::Pdf, tail.windows(5).any(|w| w == b"%%EOF"))
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            let trimmed = bytes.iter().rposition(|b| *b != 0).map_or(bytes, |end| &bytes[..=end]);
            (FileKind::Jpeg, trimmed.ends_with(&[0xFF, 0xD9]))
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            (FileKind::Png, tail.windows(8).any(|w| w == b"IEND\xAEB`\x82"))
        } else {
            return FileCheck::Unknown;
        };
        if complete {
            FileCheck::Complete(kind)
        } else {
            FileCheck::Truncated(kind)
        }
    }
}

fn kind_name(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Pdf => "PDF",
        FileKind::Jpeg => "JPEG",
        FileKind::Png => "PNG",
    }
}

fn refuse(problem: AttachmentProblem) -> Error {
    Error::Attachment(problem)
}

/// The name to keep: refused when it holds path separators or control
/// characters (a crafted name must never steer where anything is written).
fn file_name(path: &Path) -> Result<String> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or(refuse(AttachmentProblem::Name))?;
    if name.is_empty() || name.chars().any(|c| c == '/' || c == '\\' || c.is_control()) {
        return Err(refuse(AttachmentProblem::Name));
    }
    Ok(name.to_owned())
}

/// Opens the user's file for reading without ever blocking (a pipe opened
/// for reading waits for a writer unless non-blocking) and refuses anything
/// but a regular file, checked on the open handle so it cannot be swapped
/// between the check and the read.
fn open_regular(source: &Path) -> Result<(std::fs::File, u64)> {
    let io = |source_error| Error::Io {
        path: source.to_path_buf(),
        source: source_error,
    };
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(source).map_err(io)?;
    let metadata = file.metadata().map_err(io)?;
    if !metadata.is_file() {
        return Err(refuse(AttachmentProblem::NotAFile));
    }
    Ok((file, metadata.len()))
}

impl Store {
    /// Checks `source` against the document's rules and attaches it to the
    /// draft, replacing the document's earlier file if there was one. A
    /// submitted draft is refused with [`Error::Submitted`].
    pub fn attach(&self, draft: i64, document: &DocumentRequirement, source: &Path) -> Result<Attachment> {
        self.check_editable(draft, &document.id)?;
        let (name, kind, bytes, sha256) = read_checked(document, source)?;
        self.insert_attachment(draft, document, name, kind, &bytes, sha256)
    }

    /// Attaches content the app made for the document (a photo cropped and
    /// shrunk from the person's own), under `name`, by the same rules as a
    /// picked file, replacing the document's earlier file.
    pub fn attach_made(
        &self,
        draft: i64,
        document: &DocumentRequirement,
        name: &str,
        bytes: &[u8],
    ) -> Result<Attachment> {
        self.check_editable(draft, &document.id)?;
        let (kind, sha256) = checked_content(document, bytes)?;
        self.insert_attachment(draft, document, name.to_owned(), kind, bytes, sha256)
    }

    fn insert_attachment(
        &self,
        draft: i64,
        document: &DocumentRequirement,
        name: String,
        kind: FileKind,
        bytes: &[u8],
        sha256: String,
    ) -> Result<Attachment> {
        self.write_file(&sha256, bytes)?;
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        editable(&tx, draft, &document.id)?;
        tx.execute(
            "DELETE FROM attachments WHERE draft_id = ?1 AND document_id = ?2",
            params![draft, document.id],
        )?;
        let stamp = now();
        tx.execute(
            "INSERT INTO attachments (draft_id, document_id, file_name, kind, size, sha256, added_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                draft,
                document.id,
                name,
                kind_name(kind),
                bytes.len() as i64,
                sha256,
                stamp
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.execute("UPDATE drafts SET updated_at = ?2 WHERE id = ?1", params![draft, stamp])?;
        audit::record(
            &tx,
            &self.actor(),
            "attachment-added",
            Some(draft),
            None,
            Some(&document.id),
        )?;
        tx.commit()?;
        Ok(Attachment {
            id,
            document_id: document.id.clone(),
            file_name: name,
            kind,
            size: bytes.len() as u64,
            sha256,
        })
    }

    /// Checks `source` against `rules` and keeps it encrypted, for a write
    /// queued with it (a feedback's file): no draft holds it.
    pub fn keep_file(&self, rules: &DocumentRequirement, source: &Path) -> Result<Attachment> {
        let (file_name, kind, bytes, sha256) = read_checked(rules, source)?;
        self.write_file(&sha256, &bytes)?;
        Ok(Attachment {
            id: 0,
            document_id: rules.id.clone(),
            file_name,
            kind,
            size: bytes.len() as u64,
            sha256,
        })
    }

    /// Fails unless the draft's file for `document` can change (see [`editable`]).
    fn check_editable(&self, draft: i64, document: &str) -> Result<()> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        self.check_draft_scope(&tx, draft)?;
        editable(&tx, draft, document)
    }

    /// Writes content encrypted under its name, atomically and owner-only.
    pub(crate) fn write_file(&self, sha256: &str, bytes: &[u8]) -> Result<()> {
        let target = self.file_path(sha256);
        if target.exists() {
            return Ok(());
        }
        files::write_atomically(&target, &self.keys.seal(sha256, bytes)).map_err(|e| {
            if e.raw_os_error() == Some(libc::ENOSPC) {
                Error::DiskFull
            } else {
                Error::Io {
                    path: target,
                    source: e,
                }
            }
        })
    }

    fn file_path(&self, sha256: &str) -> PathBuf {
        self.folder().join(FOLDER).join(self.keys.file_name(sha256))
    }

    /// The content of an attached file, by its SHA-256 (hex). A file that
    /// is gone or fails its integrity check is [`Error::AttachmentMissing`].
    pub fn attachment_bytes(&self, sha256: &str) -> Result<Vec<u8>> {
        let path = self.file_path(sha256);
        let sealed = std::fs::read(&path).map_err(|source| match source.kind() {
            std::io::ErrorKind::NotFound => Error::AttachmentMissing {
                sha256: sha256.to_owned(),
                damaged: false,
            },
            _ => Error::Io { path, source },
        })?;
        self.keys.open(sha256, &sealed).ok_or_else(|| {
            tracing::warn!("an attached file failed its integrity check");
            Error::AttachmentMissing {
                sha256: sha256.to_owned(),
                damaged: true,
            }
        })
    }

    /// The attachments of a draft, by document.
    pub fn attachments(&self, draft: i64) -> Result<Vec<Attachment>> {
        let connection = self.lock();
        self.check_draft_scope(&connection, draft)?;
        let mut stmt = connection.prepare_cached(
            "SELECT id, document_id, file_name, kind, size, sha256 FROM attachments WHERE draft_id = ?1 ORDER BY document_id",
        )?;
        let rows = stmt.query_map([draft], |row| {
            let kind = match row.get::<_, String>(3)?.as_str() {
                "PDF" => FileKind::Pdf,
                "JPEG" => FileKind::Jpeg,
                _ => FileKind::Png,
            };
            Ok(Attachment {
                id: row.get(0)?,
                document_id: row.get(1)?,
                file_name: row.get(2)?,
                kind,
                size: row.get::<_, i64>(4)? as u64,
                sha256: row.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Detaches a file from its draft and names that draft; the file itself
    /// goes when no draft uses it. A submitted draft is refused with
    /// [`Error::Submitted`].
    pub fn remove_attachment(&self, id: i64) -> Result<i64> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        let (draft, document): (i64, String) = tx
            .query_row(
                "SELECT draft_id, document_id FROM attachments WHERE id = ?1",
                [id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?
            .ok_or(Error::NotFound { what: "attachment", id })?;
        self.check_draft_scope(&tx, draft)?;
        editable(&tx, draft, &document)?;
        tx.execute("DELETE FROM attachments WHERE id = ?1", [id])?;
        tx.execute("UPDATE drafts SET updated_at = ?2 WHERE id = ?1", params![draft, now()])?;
        audit::record(&tx, &self.actor(), "attachment-removed", Some(draft), None, None)?;
        tx.commit()?;
        drop(connection);
        self.remove_unused_files()?;
        Ok(draft)
    }

    /// An image attachment as a `data:` URL for a preview; `None` for a PDF.
    pub fn attachment_preview(&self, id: i64) -> Result<Option<String>> {
        let (kind, sha256) = {
            let connection = self.lock();
            let (draft, kind, sha256): (i64, String, String) = connection
                .query_row(
                    "SELECT draft_id, kind, sha256 FROM attachments WHERE id = ?1",
                    [id],
                    |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
                )
                .optional()?
                .ok_or(Error::NotFound { what: "attachment", id })?;
            self.check_draft_scope(&connection, draft)?;
            (kind, sha256)
        };
        let mime = match kind.as_str() {
            "JPEG" => "image/jpeg",
            "PNG" => "image/png",
            _ => return Ok(None),
        };
        let bytes = self.attachment_bytes(&sha256)?;
        Ok(Some(format!(
            "data:{mime};base64,{}",
            base64::engine::general_purpose::STANDARD.encode(bytes)
        )))
    }

    /// Deletes files in the attachment folder that neither an attachment row
    /// nor a queued submission's payload names (a queued payload keeps its
    /// files even if the rows went, so a delivery never finds one missing).
    pub(crate) fn remove_unused_files(&self) -> Result<()> {
        let used: HashSet<String> = {
            let connection = self.lock();
            let mut stmt = connection.prepare_cached("SELECT DISTINCT sha256 FROM attachments")?;
            let mut used: HashSet<String> = stmt.query_map([], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
            let mut stmt = connection
                .prepare_cached("SELECT payload FROM outbox WHERE state = 'queued' AND payload IS NOT NULL")?;
            for payload in stmt.query_map([], |row| row.get::<_, String>(0))? {
                hashes_in(&serde_json::from_str(&payload?).unwrap_or_default(), &mut used);
            }
            let mut stmt = connection
                .prepare_cached("SELECT payload FROM actions WHERE state = 'queued' AND payload IS NOT NULL")?;
            for payload in stmt.query_map([], |row| row.get::<_, String>(0))? {
                hashes_in(&serde_json::from_str(&payload?).unwrap_or_default(), &mut used);
            }
            let mut stmt = connection.prepare_cached("SELECT sha256 FROM result_files")?;
            for sha256 in stmt.query_map([], |row| row.get::<_, String>(0))? {
                used.insert(sha256?);
            }
            used.iter().map(|sha256| self.keys.file_name(sha256)).collect()
        };
        let folder = self.folder().join(FOLDER);
        let entries = std::fs::read_dir(&folder).map_err(|source| Error::Io {
            path: folder.clone(),
            source,
        })?;
        for entry in entries.filter_map(std::result::Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !used.contains(&name) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
        Ok(())
    }
}

/// Reads `source` and checks it against the document's rules (size, kind,
/// completeness): its name, kind, content and SHA-256.
fn read_checked(document: &DocumentRequirement, source: &Path) -> Result<(String, FileKind, Vec<u8>, String)> {
    let name = file_name(source)?;
    let limit = u64::from(document.max_size_mb) * 1024 * 1024;
    let too_large = |size: u64| {
        refuse(AttachmentProblem::TooLarge {
            limit_mb: document.max_size_mb,
            size_mb: size.div_ceil(1024 * 1024),
        })
    };
    let (file, size) = open_regular(source)?;
    if size > limit {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // One byte past the limit tells a file that grew after the size check.
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| Error::Io {
        path: source.to_path_buf(),
        source: e,
    })?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    let (kind, sha256) = checked_content(document, &bytes)?;
    Ok((name, kind, bytes, sha256))
}

/// The kind and SHA-256 of content the document accepts; refused when it
/// is empty, cut short, or of a kind the document does not take.
fn checked_content(document: &DocumentRequirement, bytes: &[u8]) -> Result<(FileKind, String)> {
    if bytes.is_empty() {
        return Err(refuse(AttachmentProblem::Empty));
    }
    let accepted = || {
        document
            .accepted
            .iter()
            .map(|k| kind_name(*k))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let kind = match FileCheck::of(bytes) {
        FileCheck::Complete(kind) if document.accepted.contains(&kind) => kind,
        FileCheck::Truncated(kind) if document.accepted.contains(&kind) => {
            return Err(refuse(AttachmentProblem::Truncated));
        }
        _ => return Err(refuse(AttachmentProblem::Kind { accepted: accepted() })),
    };
    Ok((kind, format!("{:x}", Sha256::digest(bytes))))
}

/// Fails unless the draft exists, is not deleted, and is not submitted or
/// has an open supplement request asking for `document`.
fn editable(tx: &Transaction<'_>, draft: i64, document: &str) -> Result<()> {
    let submitted: Option<bool> = tx
        .query_row(
            "SELECT submitted_at IS NOT NULL FROM drafts WHERE id = ?1 AND deleted_at IS NULL",
            [draft],
            |row| row.get(0),
        )
        .optional()?;
    match submitted {
        None => Err(Error::NotFound {
            what: "draft",
            id: draft,
        }),
        Some(true) => match crate::followups::supplement_scope(tx, draft)? {
            Some(scope) if !scope.sent && scope.documents.iter().any(|d| d == document) => Ok(()),
            _ => Err(Error::Submitted),
        },
        Some(false) => Ok(()),
    }
}

/// Collects every string in a payload (the portal's JSON, whose shape this
/// crate does not know) that has the form of a SHA-256: 64 hex digits.
fn hashes_in(value: &serde_json::Value, found: &mut HashSet<String>) {
    let mut pending = vec![value];
    while let Some(value) = pending.pop() {
        match value {
            serde_json::Value::String(s) if s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit()) => {
                found.insert(s.to_ascii_lowercase());
            }
            serde_json::Value::Array(items) => pending.extend(items),
            serde_json::Value::Object(fields) => pending.extend(fields.values()),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_kinds_by_content_and_spots_truncation() {
        assert_eq!(
            FileCheck::of(b"%PDF-1.7\n1 0 obj\n%%EOF\n"),
            FileCheck::Complete(FileKind::Pdf)
        );
        assert_eq!(
            FileCheck::of(b"%PDF-1.7\n1 0 obj\n"),
            FileCheck::Truncated(FileKind::Pdf)
        );
        assert_eq!(
            FileCheck::of(&[0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 0xFF, 0xD9]),
            FileCheck::Complete(FileKind::Jpeg)
        );
        assert_eq!(
            FileCheck::of(&[0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]),
            FileCheck::Truncated(FileKind::Jpeg)
        );
        assert_eq!(
            FileCheck::of(b"MZ\x90\x00 this is a Windows program"),
            FileCheck::Unknown,
            "an .exe renamed to .pdf"
        );
    }

    #[test]
    fn names_with_separators_or_control_characters_are_refused() {
        assert!(file_name(Path::new("/tmp/giay-khai-sinh.pdf")).is_ok());
        for bad in ["/tmp/a\\..\\b.pdf", "/tmp/a\nb.pdf", "/tmp/a\u{7}.pdf"] {
            assert!(
                matches!(
                    file_name(Path::new(bad)),
                    Err(Error::Attachment(AttachmentProblem::Name))
                ),
                "{bad:?}"
            );
        }
    }
}
