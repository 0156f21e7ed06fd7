//! The schema, as migrations. A shipped migration never changes; a change is
//! a new migration appended to the list.

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use crate::{Error, Result};

/// Every migration, oldest first; tests use it to build databases as
/// earlier versions of the app left them.
pub fn migrations() -> Migrations<'static> {
    Migrations::new(steps())
}

/// How many schema versions this build knows (the newest `user_version`).
pub fn version_count() -> usize {
    steps().len()
}

/// Refuses a database written by a newer app, before anything touches it.
pub(crate) fn check_version(connection: &Connection) -> Result<()> {
    let found: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let found = usize::try_from(found).unwrap_or(usize::MAX);
    let supported = version_count();
    if found > supported {
        return Err(Error::TooNew { found, supported });
    }
    Ok(())
}

fn steps() -> Vec<M<'static>> {
    vec![
        M::up(
            "CREATE TABLE profiles (
            id INTEGER PRIMARY KEY,
            label TEXT NOT NULL,
            data TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE definitions (
            code TEXT NOT NULL,
            version INTEGER NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (code, version)
        );
        CREATE TABLE drafts (
            id INTEGER PRIMARY KEY,
            procedure_code TEXT NOT NULL,
            procedure_version INTEGER NOT NULL,
            title TEXT,
            person TEXT,
            profile_id INTEGER REFERENCES profiles(id) ON DELETE SET NULL,
            current_step TEXT,
            steps_done INTEGER NOT NULL DEFAULT 0,
            steps_total INTEGER NOT NULL DEFAULT 0,
            notice TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT,
            FOREIGN KEY (procedure_code, procedure_version) REFERENCES definitions(code, version)
        );
        CREATE INDEX drafts_by_update ON drafts(deleted_at, updated_at);
        CREATE TABLE answers (
            draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
            field_id TEXT NOT NULL,
            value TEXT NOT NULL,
            prefilled INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (draft_id, field_id)
        ) WITHOUT ROWID;
        CREATE TABLE attachments (
            id INTEGER PRIMARY KEY,
            draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
            document_id TEXT NOT NULL,
            file_name TEXT NOT NULL,
            kind TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            added_at TEXT NOT NULL,
            UNIQUE (draft_id, document_id)
        );
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            draft_id INTEGER,
            profile_id INTEGER,
            detail TEXT
        );",
        ),
        M::up(
            "ALTER TABLE drafts ADD COLUMN submitted_at TEXT;
        ALTER TABLE drafts ADD COLUMN rejection TEXT;
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            draft_id INTEGER NOT NULL REFERENCES drafts(id),
            idempotency_key TEXT NOT NULL UNIQUE,
            payload TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('queued', 'delivered', 'rejected')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            last_error TEXT,
            portal_id TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
        CREATE TABLE dossiers (
            portal_id TEXT PRIMARY KEY,
            draft_id INTEGER REFERENCES drafts(id),
            code TEXT NOT NULL,
            procedure_code TEXT NOT NULL,
            status TEXT NOT NULL,
            body TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE sync_state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE catalog_updates (
            code TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            etag TEXT NOT NULL,
            body TEXT NOT NULL,
            fetched_at TEXT NOT NULL
        );",
        ),
        // Purging a deleted draft takes its refused submissions with it, and
        // leaves a dossier the portal holds without its draft; the outbox's
        // copy of the answers is kept only while queued; secrets (portal
        // tokens where no OS keyring exists) live in the encrypted database.
        M::up(
            "CREATE TABLE outbox_next (
            id INTEGER PRIMARY KEY,
            draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
            idempotency_key TEXT NOT NULL UNIQUE,
            payload TEXT,
            state TEXT NOT NULL CHECK (state IN ('queued', 'delivered', 'rejected')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            last_error TEXT,
            portal_id TEXT,
            created_at TEXT NOT NULL,
            CHECK (state <> 'queued' OR payload IS NOT NULL)
        );
        INSERT INTO outbox_next (id, draft_id, idempotency_key, payload, state, attempts, next_attempt_at,
            last_error, portal_id, created_at)
            SELECT id, draft_id, idempotency_key, CASE WHEN state = 'queued' THEN payload END, state, attempts,
            next_attempt_at, last_error, portal_id, created_at FROM outbox;
        DROP TABLE outbox;
        ALTER TABLE outbox_next RENAME TO outbox;
        CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
        CREATE TABLE dossiers_next (
            portal_id TEXT PRIMARY KEY,
            draft_id INTEGER REFERENCES drafts(id) ON DELETE SET NULL,
            code TEXT NOT NULL,
            procedure_code TEXT NOT NULL,
            status TEXT NOT NULL,
            body TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        INSERT INTO dossiers_next SELECT portal_id, draft_id, code, procedure_code, status, body, updated_at
            FROM dossiers;
        DROP TABLE dossiers;
        ALTER TABLE dossiers_next RENAME TO dossiers;
        CREATE TABLE secrets (
            name TEXT PRIMARY KEY,
            value BLOB NOT NULL
        );",
        ),
        // Whom a draft is about (the child of a birth registration), so the
        // drafts list can tell drafts of one procedure apart.
        M::up("ALTER TABLE drafts ADD COLUMN subject TEXT;"),
        // What follows a submission: the queue of writes to the portal
        // (payload kept only while queued), what a supplement request lets
        // change in a submitted draft, feedback sent, and result files
        // (their content encrypted in the attachments folder).
        M::up(
            "CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('supplement', 'withdrawal', 'rating', 'feedback')),
            dossier_id TEXT,
            draft_id INTEGER REFERENCES drafts(id) ON DELETE SET NULL,
            idempotency_key TEXT NOT NULL UNIQUE,
            payload TEXT,
            state TEXT NOT NULL CHECK (state IN ('queued', 'delivered', 'refused')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            last_error TEXT,
            created_at TEXT NOT NULL,
            CHECK (state <> 'queued' OR payload IS NOT NULL)
        );
        CREATE INDEX actions_due ON actions(state, next_attempt_at);
        ALTER TABLE drafts ADD COLUMN supplement TEXT;
        CREATE TABLE feedback (
            portal_id TEXT PRIMARY KEY,
            code TEXT NOT NULL,
            body TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE result_files (
            dossier_id TEXT NOT NULL,
            document_id TEXT NOT NULL,
            file_name TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            PRIMARY KEY (dossier_id, document_id)
        );",
        ),
        // Officer mode: the audit log becomes a hash chain with a seal (see
        // `audit`) and names the officer who acted (entries logged before
        // are chained as they are), and the desk this PC serves.
        M::up_with_hook(
            "ALTER TABLE audit_log ADD COLUMN officer TEXT;
        ALTER TABLE audit_log ADD COLUMN citizen TEXT;
        ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
        ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';
        CREATE TABLE audit_seal (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            entries INTEGER NOT NULL,
            last_hash TEXT NOT NULL
        );
        CREATE TABLE desk (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL,
            province TEXT NOT NULL,
            commune TEXT,
            updated_at TEXT NOT NULL
        );",
            |tx: &rusqlite::Transaction<'_>| Ok(crate::audit::seal_existing(tx)?),
        ),
        // Citizen sessions at a desk: whom an officer serves, with the
        // consent recorded; drafts and profiles belong to the session they
        // were made in, and the register keeps one line per dossier once a
        // session's data is wiped.
        M::up(
            "CREATE TABLE citizen_sessions (
            id INTEGER PRIMARY KEY,
            officer TEXT NOT NULL,
            citizen TEXT NOT NULL,
            name TEXT,
            citizen_id TEXT,
            birth_date TEXT,
            consent_version TEXT NOT NULL,
            consent_at TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            wiped_at TEXT
        );
        ALTER TABLE drafts ADD COLUMN session_id INTEGER REFERENCES citizen_sessions(id);
        ALTER TABLE profiles ADD COLUMN session_id INTEGER REFERENCES citizen_sessions(id);
        CREATE TABLE register (
            id INTEGER PRIMARY KEY,
            dossier_code TEXT NOT NULL UNIQUE,
            procedure_code TEXT NOT NULL,
            received_at TEXT NOT NULL,
            due_date TEXT,
            status TEXT NOT NULL,
            officer TEXT NOT NULL,
            citizen TEXT NOT NULL,
            session_id INTEGER NOT NULL
        );",
        ),
    ]
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::migrations()
            .validate()
            .expect("every migration applies to an empty database");
    }
}
