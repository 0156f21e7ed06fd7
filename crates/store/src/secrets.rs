//! Secrets kept in the encrypted database: the portal session's tokens on a
//! PC with no OS keyring. They are never logged.

use rusqlite::{OptionalExtension, params};

use crate::{Result, Store};

impl Store {
    /// The secret stored under `name`, if any.
    pub fn secret(&self, name: &str) -> Result<Option<Vec<u8>>> {
        Ok(self
            .lock()
            .query_row("SELECT value FROM secrets WHERE name = ?1", [name], |row| row.get(0))
            .optional()?)
    }

    /// Stores (or replaces) the secret under `name`.
    pub fn set_secret(&self, name: &str, value: &[u8]) -> Result<()> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        tx.execute(
            "INSERT INTO secrets (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            params![name, value],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Forgets the secret under `name`; forgetting a missing one is not an error.
    pub fn delete_secret(&self, name: &str) -> Result<()> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        tx.execute("DELETE FROM secrets WHERE name = ?1", [name])?;
        tx.commit()?;
        Ok(())
    }
}
