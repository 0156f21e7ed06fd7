//! What keeps other programs on the same PC out: the per-run admin token on
//! `/admin/*`, and the `Host` allow-list that stops DNS rebinding (a web
//! page whose own name resolves to 127.0.0.1 cannot reach the sandbox,
//! because its requests carry that name, not a loopback one).

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;
use subtle::ConstantTimeEq;

use crate::ADMIN_TOKEN_HEADER;
use crate::problem::ApiError;
use crate::state::Shared;

/// The `Host` values the sandbox answers: loopback names with its port.
pub(crate) struct LoopbackHosts {
    allowed: [String; 3],
}

impl LoopbackHosts {
    /// The loopback names for a sandbox listening on `port`.
    pub fn new(port: u16) -> Self {
        Self {
            allowed: [
                format!("127.0.0.1:{port}"),
                format!("localhost:{port}"),
                format!("[::1]:{port}"),
            ],
        }
    }

    /// Whether `host` (a `Host` header value) names this sandbox.
    fn allows(&self, host: &str) -> bool {
        self.allowed.iter().any(|a| a.eq_ignore_ascii_case(host))
    }
}

/// Middleware on every route: 403 unless `Host` is a loopback name with
/// the sandbox's port.
pub(crate) async fn require_loopback_host(
    State(hosts): State<Arc<LoopbackHosts>>,
    request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    let host = request.headers().get(header::HOST).and_then(|v| v.to_str().ok());
    if !host.is_some_and(|h| hosts.allows(h)) {
        tracing::warn!("request refused: its Host header is not a loopback name of the sandbox");
        return Err(ApiError::forbidden(
            "Môi trường thử nghiệm chỉ phục vụ địa chỉ 127.0.0.1, [::1] hoặc localhost.",
        ));
    }
    Ok(next.run(request).await)
}

/// Middleware on `/admin/*`: the run's admin token in `X-Admin-Token`, or 401.
pub(crate) async fn require_admin(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    let given = request.headers().get(ADMIN_TOKEN_HEADER).map(|v| v.as_bytes());
    if !given.is_some_and(|given| bool::from(given.ct_eq(shared.admin_token.as_bytes()))) {
        tracing::warn!("admin request refused: missing or wrong admin token");
        return Err(ApiError::admin_unauthorized());
    }
    Ok(next.run(request).await)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_names_with_the_port_are_allowed() {
        let hosts = LoopbackHosts::new(4000);
        for good in ["127.0.0.1:4000", "localhost:4000", "LOCALHOST:4000", "[::1]:4000"] {
            assert!(hosts.allows(good), "{good} names the sandbox itself");
        }
        for bad in [
            "evil.example",
            "evil.example:4000",
            "127.0.0.1",
            "127.0.0.1:4001",
            "localhost.evil.example:4000",
            "",
        ] {
            assert!(!hosts.allows(bad), "{bad} could be a rebinding name or another server");
        }
    }
}
