//! Officer mode: an account the portal calls an officer (cán bộ một cửa)
//! turns it on. The officer sets the desk this PC serves once, and the
//! audit log names the officer in every entry from the sign-in on.

use portal::types::{AssistedChannel, Me, OnBehalf, Role};
use procedures::admin_units;
use procedures::fold::clean;
use serde::Serialize;
use store::Desk;

use crate::assistant::Assistant;
use crate::error::{Error, Result};

/// Longest desk name kept, in characters.
pub const MAX_DESK_NAME_CHARS: usize = 150;

/// The desk as the header and the slips show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DeskView {
    /// The unit's name.
    pub name: String,
    /// The province's code.
    pub province: String,
    /// The province's official name.
    pub province_name: String,
    /// The commune's code, for a commune's desk.
    pub commune: Option<String>,
    /// The commune's official name.
    pub commune_name: Option<String>,
}

impl DeskView {
    /// The desk with its province's and commune's names.
    pub fn of(desk: Desk) -> Self {
        let province_name = admin_units::province(&desk.province)
            .map(|p| p.name.clone())
            .unwrap_or_default();
        let commune_name = desk
            .commune
            .as_deref()
            .and_then(|c| admin_units::commune(&desk.province, c))
            .map(|c| c.name.clone());
        Self {
            name: desk.name,
            province: desk.province,
            province_name,
            commune: desk.commune,
            commune_name,
        }
    }
}

/// The desk's values, cleaned and checked: a name of 2 to
/// [`MAX_DESK_NAME_CHARS`] characters, a 2025 province, and a commune of
/// that province when one is given. A refusal names the field.
pub fn checked_desk(name: &str, province: &str, commune: Option<&str>) -> Result<Desk> {
    let name = clean(name);
    if !(2..=MAX_DESK_NAME_CHARS).contains(&name.chars().count()) {
        return Err(Error::DeskInvalid("name"));
    }
    if admin_units::province(province).is_none() {
        return Err(Error::DeskInvalid("province"));
    }
    let commune = commune.map(str::trim).filter(|c| !c.is_empty());
    if let Some(code) = commune
        && admin_units::commune(province, code).is_none()
    {
        return Err(Error::DeskInvalid("commune"));
    }
    Ok(Desk {
        name,
        province: province.to_owned(),
        commune: commune.map(str::to_owned),
    })
}

impl Assistant {
    /// The signed-in account, when the portal says it is an officer's.
    fn signed_in_officer(&self) -> Option<Me> {
        self.worker.session().me().filter(|me| me.role == Role::Officer)
    }

    /// The signed-in officer, or [`Error::NotOfficer`].
    pub(crate) fn officer(&self) -> Result<Me> {
        self.signed_in_officer().ok_or(Error::NotOfficer)
    }

    /// Whether the signed-in account is an officer's.
    pub fn is_officer(&self) -> bool {
        self.signed_in_officer().is_some()
    }

    /// Makes the audit log name the signed-in officer, or nobody when no
    /// officer is signed in, and pauses the citizen session when no officer
    /// is. Called after every sign-in and sign-out.
    pub(crate) fn follow_officer(&self) {
        let me = self.signed_in_officer();
        if me.is_none()
            && self.store.current_session().is_some()
            && let Err(error) = self.store.resume_session(None)
        {
            tracing::warn!(%error, "the citizen session could not be paused at sign-out");
        }
        self.store.set_officer(me.as_ref().map(|me| me.account.as_str()));
    }

    /// What a dossier the signed-in officer files now says of its filing:
    /// the officer, the desk, `channel`, and the citizen served with their
    /// recorded consent. Fails without a desk ([`Error::DeskNotSet`]) or a
    /// citizen being served ([`Error::NoCitizenServed`]).
    pub fn on_behalf(&self, channel: AssistedChannel) -> Result<OnBehalf> {
        let me = self.officer()?;
        let desk = self.store.desk()?.ok_or(Error::DeskNotSet)?;
        let citizen = self.store.served_citizen()?.ok_or(Error::NoCitizenServed)?;
        Ok(OnBehalf {
            officer: me.account,
            desk: desk.name,
            channel,
            applicant_name: citizen.name,
            applicant_id: citizen.citizen_id,
            consent_version: citizen.consent_version,
            consent_at: citizen.consent_at,
        })
    }

    /// The desk this PC serves, if one was set.
    pub fn desk(&self) -> Result<Option<DeskView>> {
        Ok(self.store.desk()?.map(DeskView::of))
    }

    /// Sets the desk (officers only); see [`checked_desk`] for the checks.
    pub fn set_desk(&self, name: &str, province: &str, commune: Option<&str>) -> Result<DeskView> {
        if !self.is_officer() {
            return Err(Error::NotOfficer);
        }
        let desk = checked_desk(name, province, commune)?;
        self.store.set_desk(&desk)?;
        Ok(DeskView::of(desk))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_desk_is_cleaned_and_checked_field_by_field() {
        let desk = checked_desk("  Bộ phận Một cửa   UBND phường Ba Đình ", "01", Some("00004")).unwrap();
        assert_eq!(desk.name, "Bộ phận Một cửa UBND phường Ba Đình");
        assert_eq!(desk.commune.as_deref(), Some("00004"));
        assert_eq!(checked_desk("Trung tâm", "01", Some(" ")).unwrap().commune, None);
        for (name, province, commune, field) in [
            (" ", "01", None, "name"),
            (&"x".repeat(MAX_DESK_NAME_CHARS + 1) as &str, "01", None, "name"),
            ("Trung tâm", "35", None, "province"),
            ("Trung tâm", "01", Some("26734"), "commune"),
        ] {
            assert!(
                matches!(checked_desk(name, province, commune), Err(Error::DeskInvalid(f)) if f == field),
                "{field} is refused"
            );
        }
    }
}
