//! RFC 9457 problem documents: every error the API answers, with a `type`
//! URN per kind and a Vietnamese title.

use axum::extract::rejection::{BytesRejection, JsonRejection};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use portal::types::{FieldProblem, PROBLEM_JSON, Problem};

/// The kinds of problem, each a `urn:dvc:problem:<kind>` type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    NotFound,
    Unauthorized,
    Forbidden,
    Validation,
    Version,
    IdempotencyConflict,
    AttachmentMismatch,
    UnacceptedFileType,
    Conflict,
    AlreadyRated,
    RateLimited,
    ServerError,
    TooLarge,
    BadRequest,
}

impl Kind {
    fn urn(self) -> &'static str {
        match self {
            Kind::NotFound => "urn:dvc:problem:not-found",
            Kind::Unauthorized => "urn:dvc:problem:unauthorized",
            Kind::Forbidden => "urn:dvc:problem:forbidden",
            Kind::Validation => "urn:dvc:problem:validation",
            Kind::Version => "urn:dvc:problem:version",
            Kind::IdempotencyConflict => "urn:dvc:problem:idempotency-conflict",
            Kind::AttachmentMismatch => "urn:dvc:problem:attachment-mismatch",
            Kind::UnacceptedFileType => "urn:dvc:problem:attachment-kind",
            Kind::Conflict => "urn:dvc:problem:conflict",
            Kind::AlreadyRated => "urn:dvc:problem:already-rated",
            Kind::RateLimited => "urn:dvc:problem:rate-limited",
            Kind::ServerError => "urn:dvc:problem:server-error",
            Kind::TooLarge => "urn:dvc:problem:too-large",
            Kind::BadRequest => "urn:dvc:problem:bad-request",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Kind::NotFound => "Không tìm thấy",
            Kind::Unauthorized => "Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn",
            Kind::Forbidden => "Không được phép truy cập",
            Kind::Validation => "Hồ sơ chưa hợp lệ",
            Kind::Version => "Phiên bản thủ tục không còn được tiếp nhận",
            Kind::IdempotencyConflict => "Mã chống gửi trùng đã dùng cho một yêu cầu khác",
            Kind::AttachmentMismatch => "Tệp đính kèm không khớp với tệp đã khai báo",
            Kind::UnacceptedFileType => "Loại tệp không được chấp nhận",
            Kind::Conflict => "Không thể chuyển hồ sơ sang trạng thái này",
            Kind::AlreadyRated => "Hồ sơ đã được đánh giá",
            Kind::RateLimited => "Quá nhiều yêu cầu, vui lòng thử lại sau",
            Kind::ServerError => "Hệ thống đang gặp sự cố, vui lòng thử lại sau",
            Kind::TooLarge => "Nội dung gửi lên quá lớn",
            Kind::BadRequest => "Yêu cầu không hợp lệ",
        }
    }
}

/// An error answered as `application/problem+json`.
#[derive(Debug)]
pub(crate) struct ApiError {
    kind: Kind,
    status: StatusCode,
    detail: Option<String>,
    errors: Vec<FieldProblem>,
    headers: Vec<(HeaderName, HeaderValue)>,
}

impl ApiError {
    /// A problem of `kind` with `status`.
    pub fn new(kind: Kind, status: StatusCode) -> Self {
        Self {
            kind,
            status,
            detail: None,
            errors: Vec::new(),
            headers: Vec::new(),
        }
    }

    /// Adds the explanation of this occurrence.
    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Adds a response header.
    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.push((name, value));
        self
    }

    /// 404.
    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(Kind::NotFound, StatusCode::NOT_FOUND).detail(detail)
    }

    /// 400.
    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(Kind::BadRequest, StatusCode::BAD_REQUEST).detail(detail)
    }

    /// 401 with `WWW-Authenticate: Bearer error="invalid_token"`.
    pub fn unauthorized(detail: impl Into<String>) -> Self {
        Self::new(Kind::Unauthorized, StatusCode::UNAUTHORIZED)
            .detail(detail)
            .header(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(r#"Bearer error="invalid_token""#),
            )
    }

    /// 401 of an `/admin/*` request without the run's admin token.
    pub fn admin_unauthorized() -> Self {
        Self::new(Kind::Unauthorized, StatusCode::UNAUTHORIZED)
            .detail("Yêu cầu quản trị cần tiêu đề X-Admin-Token đúng với mã của lần chạy này.")
    }

    /// 403.
    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::new(Kind::Forbidden, StatusCode::FORBIDDEN).detail(detail)
    }

    /// 422 naming every field refused.
    pub fn validation(errors: Vec<FieldProblem>) -> Self {
        let mut problem = Self::new(Kind::Validation, StatusCode::UNPROCESSABLE_ENTITY)
            .detail("Một số câu trả lời chưa hợp lệ; xem danh sách lỗi theo từng trường.");
        problem.errors = errors;
        problem
    }

    /// 422 of another kind (version, idempotency conflict, attachment mismatch).
    pub fn unprocessable(kind: Kind, detail: impl Into<String>) -> Self {
        Self::new(kind, StatusCode::UNPROCESSABLE_ENTITY).detail(detail)
    }

    /// 409.
    pub fn conflict(detail: impl Into<String>) -> Self {
        Self::new(Kind::Conflict, StatusCode::CONFLICT).detail(detail)
    }

    /// 413.
    pub fn too_large(detail: impl Into<String>) -> Self {
        Self::new(Kind::TooLarge, StatusCode::PAYLOAD_TOO_LARGE).detail(detail)
    }

    /// A 5xx answered by the sandbox itself (a fault, or a database failure).
    pub fn server_error(status: StatusCode, detail: impl Into<String>) -> Self {
        Self::new(Kind::ServerError, status).detail(detail)
    }

    /// The problem document this error answers with.
    pub fn problem(&self) -> Problem {
        Problem {
            kind: self.kind.urn().to_owned(),
            title: self.kind.title().to_owned(),
            status: self.status.as_u16(),
            detail: self.detail.clone(),
            errors: self.errors.clone(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self.problem()).unwrap_or_default();
        let mut response = (self.status, [(header::CONTENT_TYPE, PROBLEM_JSON)], body).into_response();
        for (name, value) in self.headers {
            response.headers_mut().append(name, value);
        }
        response
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        tracing::error!("database: {e}");
        Self::server_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Lỗi cơ sở dữ liệu của môi trường thử nghiệm.",
        )
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection.status() {
            StatusCode::PAYLOAD_TOO_LARGE => Self::too_large("Nội dung yêu cầu vượt quá giới hạn cho phép."),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => Self::new(Kind::BadRequest, StatusCode::UNSUPPORTED_MEDIA_TYPE)
                .detail("Nội dung phải là application/json."),
            _ => Self::bad_request(format!("Nội dung JSON không hợp lệ: {}", rejection.body_text())),
        }
    }
}

impl From<BytesRejection> for ApiError {
    fn from(rejection: BytesRejection) -> Self {
        match rejection.status() {
            StatusCode::PAYLOAD_TOO_LARGE => Self::too_large(format!(
                "Tệp vượt quá giới hạn {} MiB.",
                crate::MAX_ATTACHMENT_BYTES / (1024 * 1024)
            )),
            _ => Self::bad_request(rejection.body_text()),
        }
    }
}

/// Fallback for paths the API does not have.
pub(crate) async fn no_route() -> ApiError {
    ApiError::not_found("Không có đường dẫn này trong API.")
}

/// Fallback for a known path with a method it does not take.
pub(crate) async fn wrong_method() -> ApiError {
    ApiError::new(Kind::BadRequest, StatusCode::METHOD_NOT_ALLOWED).detail("Đường dẫn này không nhận phương thức này.")
}
