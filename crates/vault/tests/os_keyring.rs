//! The real OS keyring (Secret Service). `scripts/test.sh` runs the tests
//! inside `dbus-run-session` with an unlocked gnome-keyring, as a desktop
//! session has; run alone, this test says what it needs.

use vault::{OsKeyring, SecretStore};

#[test]
fn the_data_key_is_made_once_and_found_again_per_folder() {
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
        "needs a D-Bus session with a Secret Service: run through scripts/test.sh"
    );
    let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let ring = OsKeyring::for_folder(one.path());
    ring.probe().expect("the keyring answers");
    let first = vault::data_key(&ring).expect("a data key is made");
    let again = vault::data_key(&OsKeyring::for_folder(one.path())).expect("the data key is found");
    assert_eq!(
        first.as_bytes(),
        again.as_bytes(),
        "the next start must find the same key"
    );
    let other = vault::data_key(&OsKeyring::for_folder(two.path())).unwrap();
    assert_ne!(first.as_bytes(), other.as_bytes(), "each data folder has its own key");

    ring.set("portal-session", b"{\"refresh\":\"x\"}").unwrap();
    assert_eq!(
        ring.get("portal-session").unwrap().as_deref().map(Vec::as_slice),
        Some(&b"{\"refresh\":\"x\"}"[..])
    );
    ring.delete("portal-session").unwrap();
    assert!(
        ring.get("portal-session").unwrap().is_none(),
        "a deleted secret is gone"
    );
    ring.delete("portal-session").expect("deleting twice is not an error");
    for ring in [ring, OsKeyring::for_folder(two.path())] {
        ring.delete("data-key").unwrap();
    }
}
