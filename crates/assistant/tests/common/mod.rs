//! Opening the assistant as the app does, for the tests of this crate: a
//! passphrase data key, the encrypted store in a temporary folder, the
//! training portal on 127.0.0.1 and the sync worker on a tokio runtime.

// Each test binary uses only some of these.
#![allow(dead_code)]

use std::sync::Arc;
use std::time::Duration;

use portal::types::Dossier;

use assistant::Assistant;
use assistant::launch::{self, Settings};
use l10n::Localizer;
use procedures::engine::{Answer, Answers};

/// An opened assistant with what keeps it running.
pub struct Opened {
    pub assistant: Assistant,
    pub runtime: tokio::runtime::Runtime,
    pub dir: tempfile::TempDir,
}

/// Opens the assistant on a fresh folder; `portal_url` `None` is training mode.
pub fn open(portal_url: Option<&str>) -> Opened {
    open_in(tempfile::tempdir().unwrap(), portal_url)
}

/// Opens the assistant again on the folder of an earlier run.
pub fn open_in(dir: tempfile::TempDir, portal_url: Option<&str>) -> Opened {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let settings = Settings {
        folder: dir.path().to_path_buf(),
        portal_url: portal_url.map(str::to_owned),
        portal_key: None,
        poll_every: Duration::from_secs(60),
    };
    let key = data_key(dir.path());
    let localizer = Arc::new(Localizer::bundled().unwrap());
    let assistant = launch::open(runtime.handle(), &settings, localizer, &key, None, |_| {}).expect("the data opens");
    Opened {
        assistant,
        runtime,
        dir,
    }
}

/// The data key the assistant of `folder` opens with.
pub fn data_key(folder: &std::path::Path) -> vault::DataKey {
    vault::passphrase_key(folder, "mật khẩu của bàn một cửa").unwrap()
}

/// The birth registration's answers, the child born ten days ago.
pub fn birth_answers() -> Answers {
    let mut answers: Answers = serde_json::from_str(include_str!(
        "../../../procedures/tests/fixtures/birth-registration.json"
    ))
    .unwrap();
    let born = chrono::Local::now().date_naive() - chrono::Duration::days(10);
    answers.insert(
        "child_birth_date".into(),
        Answer::Text(born.format("%d/%m/%Y").to_string()),
    );
    answers
}

impl Opened {
    /// An admin `POST` to the training portal, as the agency would.
    pub fn admin(&self, path: &str, body: serde_json::Value) -> Dossier {
        let portal = self.assistant.training_portal.as_ref().unwrap();
        let url = format!("{}{path}", portal.base_url());
        let token = portal.admin_token();
        self.runtime.block_on(async {
            let response = reqwest::Client::new()
                .post(url)
                .header("x-admin-token", token)
                .json(&body)
                .send()
                .await
                .unwrap();
            assert!(response.status().is_success(), "{path}: {}", response.status());
            response.json().await.unwrap()
        })
    }

    /// The dossier as the app holds it, once `done` says so (polling the portal).
    pub fn until(&self, done: impl Fn(&Dossier) -> bool) -> Dossier {
        for _ in 0..100 {
            self.assistant.worker.wake();
            let _ = self.runtime.block_on(self.assistant.worker.poll_changes());
            let views = self.assistant.list_submissions().unwrap().dossiers;
            if let Some(view) = views.first()
                && done(&view.dossier)
            {
                return view.dossier.clone();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("{:?}", self.assistant.list_submissions().unwrap().dossiers);
    }
}
