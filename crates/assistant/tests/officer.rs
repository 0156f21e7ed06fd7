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

#[test]
fn an_officer_serves_citizens_one_at_a_time_and_ending_wipes_them() {
    let opened = open(None);
    let assistant = &opened.assistant;
    assert!(matches!(
        assistant.start_session("Nguyễn Văn An", "001090012345", "01/02/1990", true),
        Err(Error::NotOfficer)
    ));
    opened.runtime.block_on(assistant.sign_in("can-bo")).unwrap();

    let refused = assistant.start_session("An", "12345", "31/02/1990", true).unwrap_err();
    let shown = assistant::AppError::from(&refused);
    assert_eq!(shown.code, assistant::error::ErrorCode::ProfileValue);
    for meaning in ["full_name", "citizen_id", "birth_date"] {
        assert!(shown.args.contains_key(meaning), "{meaning} is refused: {shown:?}");
    }
    assert!(matches!(
        assistant.start_session("Nguyễn Văn An", "001090012345", "01/02/1990", false),
        Err(Error::ConsentMissing)
    ));

    let started = assistant
        .start_session("  Nguyễn  Văn An ", "001090012345", "01/02/1990", true)
        .unwrap();
    let a = started.current.expect("A is served");
    assert_eq!(started.sessions[0].name.as_deref(), Some("Nguyễn Văn An"));
    assert_eq!(
        started.sessions[0].id_tail.as_deref(),
        Some("2345"),
        "only the last four digits"
    );
    let a_draft = assistant.create_draft("1.001193", None).unwrap().draft.id;

    let b = assistant
        .start_session("Phạm Thị Mai", "079185000321", "12/12/1985", true)
        .unwrap()
        .current
        .unwrap();
    assert_ne!(a, b);
    assert!(
        assistant.store.list_drafts().unwrap().is_empty(),
        "B sees none of A's drafts"
    );
    assert!(assistant.open_draft(a_draft).is_err());

    let after = assistant.end_session(a).unwrap();
    assert_eq!(after.current, Some(b));
    let ended = after.sessions.iter().find(|s| s.id == a).unwrap();
    assert!(ended.wiped && ended.name.is_none() && ended.id_tail.is_none());

    opened.runtime.block_on(assistant.sign_out());
    assert_eq!(assistant.store.current_session(), None, "signing out pauses B");
    assert!(matches!(assistant.sessions(), Err(Error::NotOfficer)));
    assert_eq!(assistant.check_audit_log().unwrap().problem, None);
}
