//! Officer mode through the application layer, on the training portal: the
//! portal's role turns it on, only an officer sets the desk, and the audit
//! log names the officer for exactly the time they are signed in.

use assistant::Error;

mod common;

use common::open;

#[test]
fn an_officer_sets_the_desk_and_the_log_names_them_while_signed_in() {
    let opened = open(None);
    let assistant = &opened.assistant;
    let status = assistant.portal_status();
    assert_eq!(
        status.account.as_deref(),
        Some("cong-dan"),
        "training starts as the citizen"
    );
    assert!(!status.officer);
    assert_eq!(status.name.as_deref(), Some("Nguyễn Văn An"));
    assert!(
        status.test_accounts.iter().any(|a| a.id == "can-bo" && a.officer),
        "the chooser can tell the officer's account"
    );
    assert!(matches!(
        assistant.set_desk("Bộ phận Một cửa", "01", None),
        Err(Error::NotOfficer)
    ));
    assert_eq!(assistant.desk().unwrap(), None);

    let status = opened.runtime.block_on(assistant.sign_in("can-bo")).unwrap();
    assert!(status.officer);
    assert_eq!(status.name.as_deref(), Some("Lê Thị Hoa"));
    assert!(matches!(
        assistant.set_desk("Bộ phận Một cửa", "01", Some("26734")),
        Err(Error::DeskInvalid("commune"))
    ));
    let desk = assistant
        .set_desk(" Bộ phận Một cửa UBND phường Ba Đình ", "01", Some("00004"))
        .unwrap();
    assert_eq!(desk.name, "Bộ phận Một cửa UBND phường Ba Đình");
    assert_eq!(desk.province_name, "Thành phố Hà Nội");
    assert_eq!(desk.commune_name.as_deref(), Some("Phường Ba Đình"));
    assert_eq!(assistant.desk().unwrap(), Some(desk));
    assistant.create_draft("1.001193", None).unwrap();

    let status = opened.runtime.block_on(assistant.sign_out());
    assert!(!status.officer);
    assistant.create_draft("1.001193", None).unwrap();

    let entries = assistant.store.audit_entries().unwrap();
    let by = |action: &str| -> Vec<Option<String>> {
        entries
            .iter()
            .filter(|e| e.action == action)
            .map(|e| e.officer.clone())
            .collect()
    };
    assert_eq!(by("desk-set"), vec![Some("can-bo".to_owned())]);
    assert_eq!(
        by("draft-created"),
        vec![Some("can-bo".to_owned()), None],
        "the officer's draft names them; the one after sign-out names nobody"
    );
    assert_eq!(assistant.check_audit_log().unwrap().problem, None);
}
