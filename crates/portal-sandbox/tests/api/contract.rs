//! The contract: `docs/portal-api.yaml` is loaded, and every response of a
//! scenario that exercises every operation it lists is checked against it
//! (documented status, media type and headers; JSON bodies validated with
//! the spec's schema). Request bodies the tests send are validated too, and
//! the test fails when an operation of the spec was not exercised.

use std::collections::BTreeSet;

use jsonschema::Validator;
use portal::types::{Fault, Status, StatusUpdate};
use procedures::Catalog;
use reqwest::{RequestBuilder, StatusCode};
use serde_json::{Value, json};

use crate::common::*;

struct Spec {
    doc: Value,
}

impl Spec {
    fn load() -> Spec {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/portal-api.yaml");
        let text = std::fs::read_to_string(path).expect("docs/portal-api.yaml exists");
        let doc: Value = serde_norway::from_str(&text).expect("the spec is YAML");
        assert_eq!(doc["openapi"], "3.1.0");
        Spec { doc }
    }

    /// Every `(METHOD, path)` the spec lists.
    fn operations(&self) -> BTreeSet<(String, String)> {
        let methods = ["get", "put", "post", "delete", "patch"];
        self.doc["paths"]
            .as_object()
            .unwrap()
            .iter()
            .flat_map(|(path, item)| {
                methods
                    .iter()
                    .filter(|m| item.get(**m).is_some())
                    .map(|m| (m.to_uppercase(), path.clone()))
            })
            .collect()
    }

    fn resolve<'a>(&'a self, value: &'a Value) -> &'a Value {
        match value.get("$ref").and_then(Value::as_str) {
            Some(reference) => {
                let pointer = reference.strip_prefix('#').expect("local $ref");
                self.resolve(
                    self.doc
                        .pointer(pointer)
                        .unwrap_or_else(|| panic!("{reference} resolves")),
                )
            }
            None => value,
        }
    }

    fn operation(&self, method: &str, path: &str) -> &Value {
        let operation = &self.doc["paths"][path][method.to_lowercase()];
        assert!(operation.is_object(), "the spec has {method} {path}");
        operation
    }

    /// The documented response for a status: exact, then `4XX`/`5XX`.
    fn response(&self, method: &str, path: &str, status: StatusCode) -> &Value {
        let responses = &self.operation(method, path)["responses"];
        let exact = status.as_str().to_owned();
        let range = format!("{}XX", status.as_u16() / 100);
        let found = responses
            .get(&exact)
            .or_else(|| responses.get(&range))
            .or_else(|| responses.get("default"))
            .unwrap_or_else(|| panic!("{method} {path} documents status {status}"));
        self.resolve(found)
    }

    /// A validator for a schema of the spec, `$ref`s resolving to its components.
    fn validator(&self, schema: &Value) -> Validator {
        let mut root = schema.as_object().cloned().unwrap_or_default();
        root.insert("components".into(), self.doc["components"].clone());
        root.insert("$schema".into(), json!("https://json-schema.org/draft/2020-12/schema"));
        jsonschema::options()
            .should_validate_formats(true)
            .build(&Value::Object(root))
            .expect("the schema compiles")
    }

    fn assert_valid(&self, schema: &Value, instance: &Value, what: &str) {
        let validator = self.validator(schema);
        let errors: Vec<String> = validator
            .iter_errors(instance)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{what} does not match the spec: {errors:#?}\n{instance:#}"
        );
    }

    fn component(&self, name: &str) -> Value {
        json!({ "$ref": format!("#/components/schemas/{name}") })
    }
}

struct Contract {
    spec: Spec,
    exercised: BTreeSet<(String, String)>,
}

impl Contract {
    /// Sends a request built for `METHOD path-template`, checks the
    /// response against the spec, and returns its status and JSON body.
    async fn call(&mut self, method: &str, template: &str, request: RequestBuilder) -> (StatusCode, Option<Value>) {
        self.exercised.insert((method.to_owned(), template.to_owned()));
        let response = request.send().await.unwrap();
        let status = response.status();
        let documented = self.spec.response(method, template, status).clone();
        if let Some(headers) = documented["headers"].as_object() {
            for name in headers.keys() {
                assert!(
                    response.headers().contains_key(name.as_str()),
                    "{method} {template} {status} documents the header {name}"
                );
            }
        }
        let media = response
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().split(';').next().unwrap().trim().to_owned());
        let body = response.bytes().await.unwrap();
        let Some(content) = documented["content"].as_object() else {
            assert!(body.is_empty(), "{method} {template} {status} documents no body");
            return (status, None);
        };
        let media = media.unwrap_or_else(|| panic!("{method} {template} {status} has a Content-Type"));
        let entry = content
            .get(&media)
            .unwrap_or_else(|| panic!("{method} {template} {status} documents {media}"));
        if !media.ends_with("json") {
            return (status, None);
        }
        let json: Value = serde_json::from_slice(&body).expect("a JSON body");
        self.spec
            .assert_valid(&entry["schema"], &json, &format!("{method} {template} {status}"));
        (status, Some(json))
    }

    /// Validates a JSON request body against the operation's request schema.
    /// An admin `POST` of `body` to `url`, its body checked against the spec.
    fn admin_post(&self, http: &reqwest::Client, url: &str, template: &str, body: Value) -> RequestBuilder {
        self.request("POST", template, &body);
        http.post(url).json(&body)
    }

    fn request(&self, method: &str, template: &str, body: &Value) {
        let operation = self.spec.operation(method, template);
        let schema = &self.spec.resolve(&operation["requestBody"])["content"]["application/json"]["schema"];
        self.spec
            .assert_valid(schema, body, &format!("the request of {method} {template}"));
    }
}

/// The code of dossier `id`.
async fn dossier_code_of(get: &impl Fn(&str) -> RequestBuilder, id: &str) -> String {
    let dossier: Value = get(&format!("/v1/dossiers/{id}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    dossier["code"].as_str().unwrap().to_owned()
}

#[test]
fn every_bundled_definition_matches_the_definition_schema() {
    let spec = Spec::load();
    let schema = spec.component("Definition");
    for procedure in Catalog::bundled().unwrap().procedures() {
        let json = serde_json::to_value(&procedure.definition).unwrap();
        spec.assert_valid(&schema, &json, &procedure.definition.code);
    }
}

#[test]
fn every_fault_matches_the_fault_schema() {
    let spec = Spec::load();
    let faults = [
        Fault::Latency { millis: 10 },
        Fault::ServerError { status: 503, count: 1 },
        Fault::RateLimited {
            retry_after: 2,
            count: 1,
        },
        Fault::DropAfterStore,
        Fault::MalformedBody,
        Fault::ExpireTokens,
        Fault::Clear,
    ];
    for fault in faults {
        spec.assert_valid(
            &spec.component("Fault"),
            &serde_json::to_value(&fault).unwrap(),
            "a fault",
        );
    }
}

#[tokio::test]
async fn every_operation_answers_as_the_spec_says() {
    let mut c = Contract {
        spec: Spec::load(),
        exercised: BTreeSet::new(),
    };
    let sandbox = start().await;
    let base = sandbox.base_url();
    let http = http();

    // Health, the Host check, and sign-in.
    c.call("GET", "/health", http.get(format!("{base}/health"))).await;
    let (status, _) = c
        .call(
            "GET",
            "/health",
            http.get(format!("{base}/health")).header("host", "evil.example"),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a foreign Host header");
    let (verifier, challenge) = pkce();
    let (status, _) = c
        .call(
            "GET",
            "/oauth/authorize",
            http.get(authorize_url(&base, &challenge, "s", None)),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let bad_redirect = authorize_url(&base, &challenge, "s", None).replace("127.0.0.1%3A49152", "example.com");
    let (status, _) = c.call("GET", "/oauth/authorize", http.get(bad_redirect)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = c
        .call(
            "GET",
            "/oauth/authorize",
            http.get(authorize_url(&base, &challenge, "s", Some("cong-dan"))),
        )
        .await;
    assert_eq!(status, StatusCode::FOUND);
    let code = authorization_code(&base, &challenge, "cong-dan").await;
    let exchange_form = form(&[
        ("grant_type", "authorization_code"),
        ("code", &code),
        ("redirect_uri", REDIRECT_URI),
        ("client_id", portal_sandbox::CLIENT_ID),
        ("code_verifier", &verifier),
    ]);
    let token_call = || {
        http.post(format!("{base}/oauth/token"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(exchange_form.clone())
    };
    let (status, tokens) = c.call("POST", "/oauth/token", token_call()).await;
    assert_eq!(status, StatusCode::OK);
    let token = tokens.unwrap()["access_token"].as_str().unwrap().to_owned();
    let (status, error) = c.call("POST", "/oauth/token", token_call()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error.unwrap()["error"], "invalid_grant");
    let token = {
        // The reuse revoked that code's tokens; sign in again.
        let _ = token;
        sign_in(&base, "cong-dan").await.access_token
    };
    let revoke = |pairs: &[(&str, &str)]| {
        http.post(format!("{base}/oauth/revoke"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form(pairs))
    };
    let spare = sign_in(&base, "cong-dan").await;
    let (status, _) = c
        .call("POST", "/oauth/revoke", revoke(&[("token", &spare.refresh_token)]))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, error) = c.call("POST", "/oauth/revoke", revoke(&[])).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error.unwrap()["error"], "invalid_request");
    let get = |path: &str| http.get(format!("{base}{path}")).bearer_auth(&token);
    let post = |path: &str| http.post(format!("{base}{path}")).bearer_auth(&token);

    // Who signed in.
    let (status, me) = c.call("GET", "/v1/me", get("/v1/me")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me.unwrap()["role"], "citizen");
    let (status, _) = c.call("GET", "/v1/me", http.get(format!("{base}/v1/me"))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // Catalog.
    let (status, _) = c
        .call("GET", "/v1/catalog", http.get(format!("{base}/v1/catalog")))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, list) = c.call("GET", "/v1/catalog", get("/v1/catalog")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!list.unwrap()["procedures"].as_array().unwrap().is_empty());
    let (status, definition) = c.call("GET", "/v1/catalog/{code}", get("/v1/catalog/1.001193")).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = c
        .call(
            "GET",
            "/v1/catalog/{code}",
            get("/v1/catalog/1.001193").header("if-none-match", "\"1.001193@1\""),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    let (status, _) = c.call("GET", "/v1/catalog/{code}", get("/v1/catalog/9.999999")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Dossiers.
    let mut invalid = birth_dossier_with_certificate();
    invalid
        .answers
        .insert("requester_id".into(), procedures::engine::Answer::Text("12345".into()));
    let invalid = serde_json::to_value(&invalid).unwrap();
    c.request("POST", "/v1/dossiers", &invalid);
    let (status, problem) = c
        .call(
            "POST",
            "/v1/dossiers",
            post("/v1/dossiers")
                .header("Idempotency-Key", "k-invalid")
                .json(&invalid),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem.unwrap()["errors"][0]["field"], "requester_id");
    let new = serde_json::to_value(birth_dossier_with_certificate()).unwrap();
    c.request("POST", "/v1/dossiers", &new);
    let (status, _) = c.call("POST", "/v1/dossiers", post("/v1/dossiers").json(&new)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "no Idempotency-Key");
    let create = || post("/v1/dossiers").header("Idempotency-Key", "k-1").json(&new);
    let (status, created) = c.call("POST", "/v1/dossiers", create()).await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _) = c.call("POST", "/v1/dossiers", create()).await;
    assert_eq!(status, StatusCode::OK);
    let id = created.unwrap()["id"].as_str().unwrap().to_owned();
    let attachment = format!("/v1/dossiers/{id}/attachments/giay_chung_sinh");
    let upload = |bytes: Vec<u8>| {
        http.put(format!("{base}{attachment}"))
            .bearer_auth(&token)
            .header("content-type", "application/octet-stream")
            .header("X-File-Name", "Gi%E1%BA%A5y%20ch%E1%BB%A9ng%20sinh.pdf")
            .body(bytes)
    };
    let template = "/v1/dossiers/{id}/attachments/{document_id}";
    let (status, _) = c.call("PUT", template, upload(b"not it".to_vec())).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = c.call("PUT", template, upload(vec![0; 20 * 1024 * 1024 + 1])).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    let (status, receipt) = c.call("PUT", template, upload(certificate())).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(receipt.unwrap()["file_name"], "Giấy chứng sinh.pdf");
    let (status, _) = c
        .call(
            "PUT",
            template,
            http.put(format!("{base}/v1/dossiers/{id}/attachments/to_khai"))
                .bearer_auth(&token)
                .body(certificate()),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, dossier) = c
        .call("GET", "/v1/dossiers/{id}", get(&format!("/v1/dossiers/{id}")))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(dossier.unwrap()["status"], "submitted");
    let (status, _) = c.call("GET", "/v1/dossiers/{id}", get("/v1/dossiers/nope")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, changes) = c.call("GET", "/v1/dossiers", get("/v1/dossiers?since=0")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(changes.unwrap()["dossiers"].as_array().unwrap().len(), 1);
    let (status, _) = c.call("GET", "/v1/dossiers", get("/v1/dossiers?since=x")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // The agency side, then withdrawal.
    let status_url = format!("{base}/admin/dossiers/{id}/status");
    let due_url = format!("{base}/admin/dossiers/{id}/due");
    let received = c.admin_post(
        &http,
        &status_url,
        "/admin/dossiers/{id}/status",
        json!(StatusUpdate {
            status: Status::Received,
            note: Some("Đã tiếp nhận".into()),
            handler: Some("Lê Thị Hoa, Bộ phận Một cửa".into()),
            due_date: Some("2026-12-04".into()),
        }),
    );
    let returned = c.admin_post(
        &http,
        &status_url,
        "/admin/dossiers/{id}/status",
        json!(StatusUpdate {
            status: Status::Returned,
            note: None,
            handler: None,
            due_date: None,
        }),
    );
    let (status, dossier) = c.call("POST", "/admin/dossiers/{id}/status", received).await;
    assert_eq!(status, StatusCode::OK);
    let dossier = dossier.unwrap();
    let entered = dossier["history"].as_array().unwrap().last().unwrap();
    assert_eq!(entered["handler"], "Lê Thị Hoa, Bộ phận Một cửa");
    assert_eq!(dossier["due_date"], "2026-12-04");
    let (status, _) = c.call("POST", "/admin/dossiers/{id}/status", returned).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let later = c.admin_post(
        &http,
        &due_url,
        "/admin/dossiers/{id}/due",
        json!({ "due_date": "2026-12-09", "reason": "Cần xác minh thêm", "apology": true }),
    );
    let (status, dossier) = c.call("POST", "/admin/dossiers/{id}/due", later).await;
    assert_eq!(status, StatusCode::OK);
    let dossier = dossier.unwrap();
    assert_eq!(dossier["due_date"], "2026-12-09");
    assert_eq!(dossier["due_changes"][1]["from"], "2026-12-04");
    assert_eq!(dossier["due_changes"][1]["apology"], true);
    let unreadable = http
        .post(format!("{base}/admin/dossiers/{id}/due"))
        .json(&json!({ "due_date": "09/12/2026" }));
    let (status, _) = c.call("POST", "/admin/dossiers/{id}/due", unreadable).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let nobody = http
        .post(format!("{base}/admin/dossiers/nope/due"))
        .json(&json!({ "due_date": "2026-12-09" }));
    let (status, _) = c.call("POST", "/admin/dossiers/{id}/due", nobody).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The fee, paid once.
    let in_review = c.admin_post(
        &http,
        &status_url,
        "/admin/dossiers/{id}/status",
        json!(StatusUpdate {
            status: Status::InReview,
            note: None,
            handler: None,
            due_date: None,
        }),
    );
    let (status, _) = c.call("POST", "/admin/dossiers/{id}/status", in_review).await;
    assert_eq!(status, StatusCode::OK);
    let payment_url = format!("{base}/admin/dossiers/{id}/payment");
    // A payment that fails, one that expires.
    for (template, state) in [
        ("/admin/dossiers/{id}/payment/fail", "failed"),
        ("/admin/dossiers/{id}/payment/expire", "expired"),
    ] {
        let order =
            json!({ "lines": [{ "name": "Lệ phí", "kind": "levy", "amount": 8000, "collected": "with_result" }] });
        let ask = c.admin_post(&http, &payment_url, "/admin/dossiers/{id}/payment", order);
        let (status, _) = c.call("POST", "/admin/dossiers/{id}/payment", ask).await;
        assert_eq!(status, StatusCode::OK);
        let url = format!("{base}{}", template.replace("{id}", &id));
        let (status, dossier) = c.call("POST", template, http.post(&url)).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(dossier.unwrap()["payment"]["state"], state);
        let (status, _) = c.call("POST", template, http.post(&url)).await;
        assert_eq!(status, StatusCode::CONFLICT, "nothing pending any more");
        let back = c.admin_post(
            &http,
            &status_url,
            "/admin/dossiers/{id}/status",
            json!(StatusUpdate {
                status: Status::InReview,
                note: None,
                handler: None,
                due_date: None,
            }),
        );
        c.call("POST", "/admin/dossiers/{id}/status", back).await;
    }

    let order = json!({ "lines": [{ "name": "Lệ phí cấp bản sao trích lục", "kind": "levy", "amount": 8000 }] });
    let ask = c.admin_post(&http, &payment_url, "/admin/dossiers/{id}/payment", order);
    let (status, dossier) = c.call("POST", "/admin/dossiers/{id}/payment", ask).await;
    assert_eq!(status, StatusCode::OK);
    let dossier = dossier.unwrap();
    assert_eq!(dossier["status"], "payment_required");
    let payload = dossier["payment"]["payload"].as_str().unwrap();
    let code = dossier["code"].as_str().unwrap();
    assert!(
        vietqr::check_fee_payment(payload, 8000, code).is_ok(),
        "the code pays 8.000 ₫ for this dossier: {payload}"
    );
    let nothing = http.post(&payment_url).json(&json!({ "lines": [] }));
    let (status, _) = c.call("POST", "/admin/dossiers/{id}/payment", nothing).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let confirm_url = format!("{base}/admin/dossiers/{id}/payment/confirm");
    let (status, dossier) = c
        .call("POST", "/admin/dossiers/{id}/payment/confirm", http.post(&confirm_url))
        .await;
    assert_eq!(status, StatusCode::OK);
    let dossier = dossier.unwrap();
    assert_eq!(
        (dossier["status"].as_str(), dossier["payment"]["state"].as_str()),
        (Some("in_review"), Some("paid"))
    );
    let (status, _) = c
        .call("POST", "/admin/dossiers/{id}/payment/confirm", http.post(&confirm_url))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "never confirmed twice");
    let missing = http.post(format!("{base}/admin/dossiers/nope/payment/confirm"));
    let (status, _) = c.call("POST", "/admin/dossiers/{id}/payment/confirm", missing).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // A supplement, asked once and answered with a new file.
    let supplement_url = format!("{base}/admin/dossiers/{id}/supplement");
    let order = json!({
        "reason": "Bản chụp giấy chứng sinh bị mờ.",
        "items": [{ "number": 1, "kind": "document", "id": "giay_chung_sinh", "note": "Chụp lại rõ nét." }],
        "contact": "Bộ phận Một cửa",
        "deadline": "2026-12-20",
    });
    let ask = c.admin_post(&http, &supplement_url, "/admin/dossiers/{id}/supplement", order.clone());
    let (status, dossier) = c.call("POST", "/admin/dossiers/{id}/supplement", ask).await;
    assert_eq!(status, StatusCode::OK);
    let dossier = dossier.unwrap();
    assert_eq!(dossier["status"], "supplement_required");
    let request_id = dossier["supplement"]["id"].as_str().unwrap().to_owned();
    let again = c.admin_post(&http, &supplement_url, "/admin/dossiers/{id}/supplement", order);
    let (status, _) = c.call("POST", "/admin/dossiers/{id}/supplement", again).await;
    assert_eq!(status, StatusCode::CONFLICT, "asked once only");
    let unknown_item = http.post(&supplement_url).json(&json!({
        "reason": "x", "items": [{ "number": 1, "kind": "answer", "id": "no_such_field", "note": null }]
    }));
    let (status, _) = c.call("POST", "/admin/dossiers/{id}/supplement", unknown_item).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let mut clearer = certificate();
    clearer.extend_from_slice(b"% chup lai\n");
    let reply = json!({
        "request_id": request_id,
        "answers": {},
        "attachments": [manifest("giay_chung_sinh", "Giấy chứng sinh (chụp lại).pdf", &clearer)],
    });
    c.request("POST", "/v1/dossiers/{id}/supplement", &reply);
    let supplement = format!("/v1/dossiers/{id}/supplement");
    let (status, _) = c
        .call("POST", "/v1/dossiers/{id}/supplement", post(&supplement).json(&reply))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "no Idempotency-Key");
    let send = || post(&supplement).header("Idempotency-Key", "s-1").json(&reply);
    let (status, dossier) = c.call("POST", "/v1/dossiers/{id}/supplement", send()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        dossier.unwrap()["supplement"]["answered_at"],
        Value::Null,
        "the file is awaited"
    );
    let (status, _) = c.call("POST", "/v1/dossiers/{id}/supplement", send()).await;
    assert_eq!(status, StatusCode::OK, "the same key answers again");
    let not_asked = json!({ "request_id": request_id, "answers": {}, "attachments": [] });
    let (status, _) = c
        .call(
            "POST",
            "/v1/dossiers/{id}/supplement",
            post(&supplement).header("Idempotency-Key", "s-2").json(&not_asked),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "the asked file is missing");
    let (status, _) = c.call("PUT", template, upload(clearer.clone())).await;
    assert_eq!(status, StatusCode::OK);
    let (_, dossier) = c
        .call("GET", "/v1/dossiers/{id}", get(&format!("/v1/dossiers/{id}")))
        .await;
    let dossier = dossier.unwrap();
    assert_eq!(dossier["status"], "in_review");
    assert!(dossier["supplement"]["answered_at"].is_string());
    assert_eq!(dossier["due_date"], "2026-12-10", "the day waited is not counted");

    // The result, then the rating.
    let result_url = format!("{base}/admin/dossiers/{id}/result");
    let issue = c.admin_post(
        &http,
        &result_url,
        "/admin/dossiers/{id}/result",
        json!({ "electronic": true, "paper": true }),
    );
    let (status, dossier) = c.call("POST", "/admin/dossiers/{id}/result", issue).await;
    assert_eq!(status, StatusCode::OK);
    let dossier = dossier.unwrap();
    let document = dossier["result"]["documents"][0].clone();
    let nothing = http.post(&result_url).json(&json!({ "electronic": false }));
    let (status, _) = c.call("POST", "/admin/dossiers/{id}/result", nothing).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let file = format!("/v1/dossiers/{id}/results/{}", document["id"].as_str().unwrap());
    let (status, _) = c
        .call("GET", "/v1/dossiers/{id}/results/{document_id}", get(&file))
        .await;
    assert_eq!(status, StatusCode::OK);
    let bytes = get(&file).send().await.unwrap().bytes().await.unwrap();
    assert_eq!(
        format!("{:x}", <sha2::Sha256 as sha2::Digest>::digest(&bytes)),
        document["sha256"].as_str().unwrap()
    );
    let (status, _) = c
        .call(
            "GET",
            "/v1/dossiers/{id}/results/{document_id}",
            get(&format!("/v1/dossiers/{id}/results/nope")),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let withdraw = format!("/v1/dossiers/{id}/withdraw");
    let reason = json!({ "reason": "Tôi đã nộp nhầm." });
    c.request("POST", "/v1/dossiers/{id}/withdraw", &reason);
    let (status, _) = c
        .call(
            "POST",
            "/v1/dossiers/{id}/withdraw",
            post(&withdraw).header("Idempotency-Key", "w-0").json(&reason),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "too late once the result is ready");
    let rating = json!({ "scores": [2, 2, 1, 2, 2, 2, 2, 1, 2], "ease": "satisfied", "overall": "very_satisfied", "comment": null });
    c.request("POST", "/v1/dossiers/{id}/rating", &rating);
    let rate = |key: &str| {
        post(&format!("/v1/dossiers/{id}/rating"))
            .header("Idempotency-Key", key)
            .json(&rating)
    };
    let (status, _) = c.call("POST", "/v1/dossiers/{id}/rating", rate("r-0")).await;
    assert_eq!(status, StatusCode::CONFLICT, "not returned yet");
    let returned = c.admin_post(
        &http,
        &status_url,
        "/admin/dossiers/{id}/status",
        json!(StatusUpdate {
            status: Status::Returned,
            note: None,
            handler: None,
            due_date: None,
        }),
    );
    c.call("POST", "/admin/dossiers/{id}/status", returned).await;
    let (status, dossier) = c.call("POST", "/v1/dossiers/{id}/rating", rate("r-1")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(dossier.unwrap()["rating"]["rating"]["overall"], "very_satisfied");
    let (status, _) = c.call("POST", "/v1/dossiers/{id}/rating", rate("r-1")).await;
    assert_eq!(status, StatusCode::OK, "the same key answers again");
    let (status, problem) = c.call("POST", "/v1/dossiers/{id}/rating", rate("r-2")).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(problem.unwrap()["type"], "urn:dvc:problem:already-rated");
    let bad = json!({ "scores": [3], "ease": "satisfied", "overall": "satisfied", "comment": null });
    let (status, _) = c
        .call(
            "POST",
            "/v1/dossiers/{id}/rating",
            post(&format!("/v1/dossiers/{id}/rating"))
                .header("Idempotency-Key", "r-3")
                .json(&bad),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // Feedback with a file, answered.
    let dossier_code = dossier_code_of(&get, &id).await;
    let photo = b"\x89PNG\r\n\x1a\n anh chup quay tiep nhan".to_vec();
    let feedback = json!({
        "dossier_code": dossier_code,
        "subject": "Trả kết quả chậm",
        "content": "Hồ sơ trả chậm so với ngày hẹn.",
        "attachments": [manifest("tep-1", "anh.png", &photo)],
    });
    c.request("POST", "/v1/feedback", &feedback);
    let send = || post("/v1/feedback").header("Idempotency-Key", "f-1").json(&feedback);
    let (status, sent) = c.call("POST", "/v1/feedback", send()).await;
    assert_eq!(status, StatusCode::CREATED);
    let sent = sent.unwrap();
    assert!(sent["code"].as_str().unwrap().starts_with("PAKN-"));
    let (status, again) = c.call("POST", "/v1/feedback", send()).await;
    assert_eq!((status, &again.unwrap()["code"]), (StatusCode::OK, &sent["code"]));
    let (status, _) = c
        .call(
            "POST",
            "/v1/feedback",
            post("/v1/feedback").header("Idempotency-Key", "f-2").json(&json!({
                "dossier_code": "X99-20260101-0001", "subject": "a", "content": "b", "attachments": []
            })),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "another account's or no dossier");
    let feedback_id = sent["id"].as_str().unwrap().to_owned();
    let file_template = "/v1/feedback/{id}/attachments/{document_id}";
    let put_file = |bytes: Vec<u8>| {
        http.put(format!("{base}/v1/feedback/{feedback_id}/attachments/tep-1"))
            .bearer_auth(&token)
            .body(bytes)
    };
    let (status, _) = c.call("PUT", file_template, put_file(b"other".to_vec())).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = c.call("PUT", file_template, put_file(photo.clone())).await;
    assert_eq!(status, StatusCode::OK);
    let answer_url = format!("{base}/admin/feedback/{feedback_id}/answer");
    let reply = c.admin_post(
        &http,
        &answer_url,
        "/admin/feedback/{id}/answer",
        json!({ "by": "UBND xã (tập huấn)", "text": "Đã chấn chỉnh bộ phận trả kết quả." }),
    );
    let (status, _) = c.call("POST", "/admin/feedback/{id}/answer", reply).await;
    assert_eq!(status, StatusCode::OK);
    let nobody = http
        .post(format!("{base}/admin/feedback/nope/answer"))
        .json(&json!({ "by": "x", "text": "y" }));
    let (status, _) = c.call("POST", "/admin/feedback/{id}/answer", nobody).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, list) = c.call("GET", "/v1/feedback", get("/v1/feedback")).await;
    assert_eq!(status, StatusCode::OK);
    let list = list.unwrap();
    assert_eq!(list["feedback"][0]["attachments"][0]["file_name"], "anh.png");
    assert_eq!(list["feedback"][0]["answer"]["by"], "UBND xã (tập huấn)");

    // Withdrawal of a second dossier: withdrawn, stopped, with the notice.
    let (_, second) = c
        .call(
            "POST",
            "/v1/dossiers",
            post("/v1/dossiers").header("Idempotency-Key", "k-2").json(&new),
        )
        .await;
    let second = second.unwrap()["id"].as_str().unwrap().to_owned();
    http.put(format!("{base}/v1/dossiers/{second}/attachments/giay_chung_sinh"))
        .bearer_auth(&token)
        .body(certificate())
        .send()
        .await
        .unwrap();
    let withdraw = format!("/v1/dossiers/{second}/withdraw");
    let (status, _) = c
        .call("POST", "/v1/dossiers/{id}/withdraw", post(&withdraw).json(&reason))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "no Idempotency-Key");
    let (status, withdrawn) = c
        .call(
            "POST",
            "/v1/dossiers/{id}/withdraw",
            post(&withdraw).header("Idempotency-Key", "w-1").json(&reason),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let withdrawn = withdrawn.unwrap();
    assert_eq!(withdrawn["status"], "stopped");
    assert!(
        withdrawn["stop_notice"]["number"]
            .as_str()
            .unwrap()
            .ends_with("/TB-DXL")
    );
    let (status, _) = c
        .call(
            "POST",
            "/v1/dossiers/{id}/withdraw",
            post(&withdraw).header("Idempotency-Key", "w-2").json(&reason),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "already stopped");
    let (status, _) = c
        .call(
            "POST",
            "/v1/dossiers/{id}/withdraw",
            post(&withdraw)
                .header("Idempotency-Key", "w-1")
                .json(&json!({ "reason": "Khác" })),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the same key with another body"
    );
    let too_late = c.admin_post(
        &http,
        &format!("{base}/admin/dossiers/{second}/due"),
        "/admin/dossiers/{id}/due",
        json!({ "due_date": "2026-12-10" }),
    );
    let (status, _) = c.call("POST", "/admin/dossiers/{id}/due", too_late).await;
    assert_eq!(status, StatusCode::CONFLICT, "a stopped dossier has no due day");

    // Catalog publishing.
    let mut definition = definition.unwrap();
    definition["version"] = 2.into();
    c.request("PUT", "/admin/catalog", &definition);
    let publish = |body: &Value| http.put(format!("{base}/admin/catalog")).json(body);
    let (status, entry) = c.call("PUT", "/admin/catalog", publish(&definition)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(entry.unwrap()["version"], 2);
    let (status, _) = c.call("PUT", "/admin/catalog", publish(&definition)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let without_token = http_without_admin_token()
        .put(format!("{base}/admin/catalog"))
        .json(&definition);
    let (status, _) = c.call("PUT", "/admin/catalog", without_token).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let mut oversized = definition.clone();
    oversized["version"] = 3.into();
    oversized["processing_time"]["vi"] = "x".repeat(portal_sandbox::MAX_DEFINITION_BYTES).into();
    let (status, _) = c.call("PUT", "/admin/catalog", publish(&oversized)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);

    // Faults.
    let arm = |fault: Fault| {
        let body = serde_json::to_value(fault).unwrap();
        c.request("POST", "/admin/faults", &body);
        http.post(format!("{base}/admin/faults")).json(&body)
    };
    let rate_limited = arm(Fault::RateLimited {
        retry_after: 3,
        count: 1,
    });
    let server_error = arm(Fault::ServerError { status: 503, count: 1 });
    let (status, _) = c.call("POST", "/admin/faults", rate_limited).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = c.call("GET", "/v1/dossiers", get("/v1/dossiers")).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    c.call("POST", "/admin/faults", server_error).await;
    let (status, _) = c.call("GET", "/v1/catalog", get("/v1/catalog")).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);

    // App updates.
    let manifest = "/updates/{target}/{arch}/{current_version}";
    let (status, _) = c
        .call("GET", manifest, http.get(format!("{base}/updates/linux/x86_64/0.1.0")))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let release = json!({
        "version": "0.2.0",
        "notes": "Sửa lỗi.",
        "signature": "c2lnbmF0dXJl",
        "bundle": "AAEC",
        "cut_after_bytes": null,
    });
    c.request("PUT", "/admin/update", &release);
    let (status, _) = c
        .call(
            "PUT",
            "/admin/update",
            http.put(format!("{base}/admin/update")).json(&release),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, offer) = c
        .call("GET", manifest, http.get(format!("{base}/updates/linux/x86_64/0.1.0")))
        .await;
    assert_eq!(status, StatusCode::OK);
    let url = offer.unwrap()["url"].as_str().unwrap().to_owned();
    let (status, _) = c.call("GET", "/updates/bundle/{version}", http.get(url)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = c
        .call(
            "GET",
            "/updates/bundle/{version}",
            http.get(format!("{base}/updates/bundle/0.0.1")),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = c
        .call("GET", manifest, http.get(format!("{base}/updates/linux/x86_64/latest")))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = c
        .call("DELETE", "/admin/update", http.delete(format!("{base}/admin/update")))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);

    let missing: Vec<_> = c.spec.operations().difference(&c.exercised).cloned().collect();
    assert!(
        missing.is_empty(),
        "operations of the spec no test exercised: {missing:?}"
    );
    let undocumented: Vec<_> = c.exercised.difference(&c.spec.operations()).cloned().collect();
    assert!(
        undocumented.is_empty(),
        "exercised but not in the spec: {undocumented:?}"
    );
    sandbox.stop().await;
}
