//! A database keyed by this crate opens with its key only.

use rusqlite::OpenFlags;

#[test]
fn a_database_opens_with_its_key_and_not_with_another() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("db");
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE;
    let connection = encrypted_db::open(&path, flags).unwrap();
    encrypted_db::unlock(&connection, &[1; 32]).unwrap();
    connection
        .execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (42);")
        .unwrap();
    drop(connection);

    let same = encrypted_db::open(&path, flags).unwrap();
    encrypted_db::unlock(&same, &[1; 32]).unwrap();
    let value: i64 = same.query_row("SELECT x FROM t", [], |r| r.get(0)).unwrap();
    assert_eq!(value, 42);

    let other = encrypted_db::open(&path, flags).unwrap();
    encrypted_db::unlock(&other, &[2; 32]).unwrap();
    let refused = other.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0));
    assert_eq!(
        refused.unwrap_err().sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase),
        "another key reads no page"
    );
}

#[test]
fn the_raw_key_is_sqlciphers_hex_form() {
    let key: [u8; 32] = std::array::from_fn(|i| i as u8);
    assert_eq!(
        encrypted_db::raw_key(&key).as_str(),
        "x'000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f'"
    );
}
