//! The one-stop desk this PC serves, set once by an officer: its name and
//! the province and commune it belongs to. It names no citizen.

use rusqlite::{OptionalExtension, params};

use crate::{Result, Store, audit};

/// The desk as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Desk {
    /// The unit's name, e.g. "Bộ phận Một cửa UBND phường Ba Đình".
    pub name: String,
    /// The 2025 province code.
    pub province: String,
    /// The commune code, for a commune's desk; `None` for a province's centre.
    pub commune: Option<String>,
}

impl Store {
    /// The desk set on this PC, if any.
    pub fn desk(&self) -> Result<Option<Desk>> {
        Ok(self
            .lock()
            .query_row("SELECT name, province, commune FROM desk WHERE id = 1", [], |row| {
                Ok(Desk {
                    name: row.get(0)?,
                    province: row.get(1)?,
                    commune: row.get(2)?,
                })
            })
            .optional()?)
    }

    /// Sets (or replaces) the desk; the caller has checked its values.
    pub fn set_desk(&self, desk: &Desk) -> Result<()> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        tx.execute(
            "INSERT INTO desk (id, name, province, commune, updated_at) VALUES (1, ?1, ?2, ?3, ?4)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, province = excluded.province,
             commune = excluded.commune, updated_at = excluded.updated_at",
            params![desk.name, desk.province, desk.commune, crate::now()],
        )?;
        audit::record(&tx, &self.actor(), "desk-set", None, None, None)?;
        tx.commit()?;
        Ok(())
    }
}
