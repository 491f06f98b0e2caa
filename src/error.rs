//! `AppError`: what the API answers (problem+json, RFC 9457) and what pages show (a friendly
//! page with the request id). Logs get the whole cause chain; people never see internals.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

use crate::domain::checkout::CheckoutStatus;
use crate::domain::validation::FieldError;
use crate::services::auth::{AuthError, KeyError};
use crate::services::catalog::CatalogError;
use crate::services::checkouts::{CloseError, ConfirmError, CreateError, EditError, ReadError};
use crate::services::contracts::ContractError;
use crate::services::events::EventError;
use crate::services::idempotency::IdempotencyError;
use crate::services::webhooks::WebhookError;
use crate::storage::StorageError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("malformed request: {0}")]
    BadRequest(String),
    #[error("missing or invalid API key")]
    Unauthorized,
    #[error("forbidden: {0}")]
    Forbidden(String),
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("conflict: {detail}")]
    Conflict {
        detail: String,
        /// Extra members of the problem document (e.g. the new `estimates`).
        extra: Option<serde_json::Value>,
    },
    /// Existed and is no more (an inactive checkout link): `410`.
    #[error("{0} is no longer available")]
    Gone(&'static str),
    #[error("request body too large")]
    PayloadTooLarge,
    /// Over a rate limit (`routes::limits`); retry after this many seconds.
    #[error("too many requests")]
    TooManyRequests { retry_after: u64 },
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    #[error("service temporarily unavailable")]
    Unavailable(#[source] anyhow::Error),
    #[error("unexpected error")]
    Unexpected(#[from] anyhow::Error),
}

impl AppError {
    pub fn field(field: impl Into<String>, message: impl Into<String>) -> Self {
        AppError::Validation(vec![FieldError::new(field, message)])
    }

    pub fn conflict(detail: impl Into<String>) -> Self {
        AppError::Conflict {
            detail: detail.into(),
            extra: None,
        }
    }

    fn title(&self) -> &'static str {
        match self {
            AppError::BadRequest(_) => "Malformed request",
            AppError::Unauthorized => "Unauthorized",
            AppError::Forbidden(_) => "Forbidden",
            AppError::NotFound(_) => "Not found",
            AppError::Conflict { .. } => "Conflict",
            AppError::Gone(_) => "Gone",
            AppError::PayloadTooLarge => "Payload too large",
            AppError::TooManyRequests { .. } => "Too many requests",
            AppError::Validation(_) => "Validation failed",
            AppError::Unavailable(_) => "Service unavailable",
            AppError::Unexpected(_) => "Internal server error",
        }
    }

    fn slug(&self) -> &'static str {
        match self {
            AppError::BadRequest(_) => "malformed-request",
            AppError::Unauthorized => "unauthorized",
            AppError::Forbidden(_) => "forbidden",
            AppError::NotFound(_) => "not-found",
            AppError::Conflict { .. } => "conflict",
            AppError::Gone(_) => "gone",
            AppError::PayloadTooLarge => "payload-too-large",
            AppError::TooManyRequests { .. } => "rate-limited",
            AppError::Validation(_) => "validation-error",
            AppError::Unavailable(_) => "unavailable",
            AppError::Unexpected(_) => "internal",
        }
    }

    /// What a person may be told: never internals.
    pub fn public_detail(&self) -> String {
        match self {
            AppError::BadRequest(d) | AppError::Forbidden(d) => d.clone(),
            AppError::Unauthorized => "Provide a valid API key in the x-api-key header.".to_owned(),
            AppError::NotFound(what) => format!("No such {what}."),
            AppError::Conflict { detail, .. } => detail.clone(),
            AppError::Gone(what) => format!("This {what} is no longer available."),
            AppError::PayloadTooLarge => "The request body is larger than 64 KiB.".to_owned(),
            AppError::TooManyRequests { retry_after } => {
                format!("Too many requests; retry after {retry_after} seconds.")
            }
            AppError::Validation(errors) => {
                let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
                format!("Invalid fields: {}.", fields.join(", "))
            }
            AppError::Unavailable(_) => {
                "The service is briefly unavailable; please retry shortly.".to_owned()
            }
            AppError::Unexpected(_) => "Something went wrong on our side.".to_owned(),
        }
    }
}

impl From<StorageError> for AppError {
    fn from(e: StorageError) -> Self {
        AppError::unexpected(anyhow::Error::new(e))
    }
}

impl AppError {
    /// A failure no input caused: `503` when the database could not be reached (anywhere in
    /// the cause chain), else `500`.
    pub fn unexpected(e: anyhow::Error) -> Self {
        let unavailable = e
            .chain()
            .any(|c| matches!(c.downcast_ref(), Some(StorageError::Unavailable(_))));
        if unavailable {
            AppError::Unavailable(e)
        } else {
            AppError::Unexpected(e)
        }
    }

    /// The `Retry-After` seconds of a response that asks to come back later.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            AppError::Unavailable(_) => Some(2),
            AppError::TooManyRequests { retry_after } => Some(*retry_after),
            _ => None,
        }
    }

    fn not_open(status: CheckoutStatus, action: &str) -> Self {
        AppError::conflict(format!(
            "This checkout session is {status} and cannot be {action}."
        ))
    }
}

impl From<Vec<FieldError>> for AppError {
    fn from(errors: Vec<FieldError>) -> Self {
        AppError::Validation(errors)
    }
}

// One mapping per use-case error, in one place.

impl From<CreateError> for AppError {
    fn from(e: CreateError) -> Self {
        match e {
            CreateError::Invalid(errors) => AppError::Validation(errors),
            CreateError::Unexpected(e) => AppError::unexpected(e),
        }
    }
}

impl From<ReadError> for AppError {
    fn from(e: ReadError) -> Self {
        match e {
            ReadError::NotFound => AppError::NotFound("checkout"),
            ReadError::Invalid(errors) => AppError::Validation(errors),
            ReadError::Unexpected(e) => AppError::unexpected(e),
        }
    }
}

impl From<EditError> for AppError {
    fn from(e: EditError) -> Self {
        match e {
            EditError::NotFound => AppError::NotFound("checkout"),
            EditError::NotOpen(status) => AppError::not_open(status, "changed"),
            EditError::Invalid(errors) => AppError::Validation(errors),
            EditError::Unexpected(e) => AppError::unexpected(e),
        }
    }
}

impl From<ConfirmError> for AppError {
    fn from(e: ConfirmError) -> Self {
        match e {
            ConfirmError::NotFound => AppError::NotFound("checkout"),
            ConfirmError::NotOpen(status) => AppError::not_open(status, "confirmed"),
            ConfirmError::Invalid(errors) => AppError::Validation(errors),
            ConfirmError::EstimateChanged { estimates } => AppError::Conflict {
                detail: "The estimate changed since it was shown (a price changed). Review the new estimate and confirm again.".into(),
                extra: Some(serde_json::json!({ "estimates": estimates })),
            },
            ConfirmError::ContractChanged => AppError::conflict(
                "The contract changed since this estimate was made. Create a new checkout session.",
            ),
            ConfirmError::Unexpected(e) => AppError::unexpected(e),
        }
    }
}

impl From<CloseError> for AppError {
    fn from(e: CloseError) -> Self {
        match e {
            CloseError::NotFound => AppError::NotFound("checkout"),
            CloseError::NotOpen { status, action } => AppError::not_open(status, action),
            CloseError::Unexpected(e) => AppError::unexpected(e),
        }
    }
}

impl From<KeyError> for AppError {
    fn from(e: KeyError) -> Self {
        match e {
            KeyError::NotFound => AppError::NotFound("API key"),
            KeyError::Invalid(errors) => AppError::Validation(errors),
            KeyError::LastKey => AppError::conflict(
                "This is the organisation's last active API key: create another before revoking it.",
            ),
            KeyError::Unexpected(e) => AppError::unexpected(e),
        }
    }
}

impl From<WebhookError> for AppError {
    fn from(e: WebhookError) -> Self {
        match e {
            WebhookError::NotFound => AppError::NotFound("webhook endpoint"),
            WebhookError::Invalid(errors) => AppError::Validation(errors),
            WebhookError::Unexpected(e) => AppError::unexpected(e),
        }
    }
}

impl From<EventError> for AppError {
    fn from(e: EventError) -> Self {
        match e {
            EventError::NotFound(what) => AppError::NotFound(what),
            EventError::Invalid(errors) => AppError::Validation(errors),
            EventError::EndpointDisabled => AppError::conflict(
                "The webhook endpoint is disabled: enable it (PATCH status) before resending.",
            ),
            EventError::Unexpected(e) => AppError::unexpected(e),
        }
    }
}

impl From<CatalogError> for AppError {
    fn from(e: CatalogError) -> Self {
        match e {
            CatalogError::NotFound(what) => AppError::NotFound(what),
            CatalogError::Invalid(errors) => AppError::Validation(errors),
            CatalogError::Unexpected(e) => AppError::unexpected(e),
        }
    }
}

impl From<crate::services::discounts::DiscountError> for AppError {
    fn from(e: crate::services::discounts::DiscountError) -> Self {
        use crate::services::discounts::DiscountError;
        match e {
            DiscountError::NotFound(what) => AppError::NotFound(what),
            DiscountError::Invalid(errors) => AppError::Validation(errors),
            DiscountError::Unexpected(e) => AppError::unexpected(e),
        }
    }
}

impl From<crate::services::checkout_links::LinkError> for AppError {
    fn from(e: crate::services::checkout_links::LinkError) -> Self {
        use crate::services::checkout_links::LinkError;
        match e {
            LinkError::NotFound => AppError::NotFound("checkout link"),
            LinkError::Invalid(errors) => AppError::Validation(errors),
            LinkError::Inactive => AppError::Gone("checkout link"),
            LinkError::Unavailable(errors) => {
                tracing::warn!(?errors, "an active checkout link could not make a session");
                AppError::Gone("checkout link")
            }
            LinkError::Unexpected(e) => AppError::unexpected(e),
        }
    }
}

impl From<crate::services::console::ConsoleError> for AppError {
    fn from(e: crate::services::console::ConsoleError) -> Self {
        use crate::services::console::ConsoleError;
        match e {
            ConsoleError::BadCredentials => AppError::Unauthorized,
            ConsoleError::Invalid(errors) => AppError::Validation(errors),
            ConsoleError::SignedOut => AppError::Unauthorized,
            ConsoleError::Unexpected(e) => AppError::unexpected(e),
        }
    }
}

impl From<ContractError> for AppError {
    fn from(e: ContractError) -> Self {
        match e {
            ContractError::NotFound => AppError::NotFound("contract"),
            ContractError::Invalid(errors) => AppError::Validation(errors),
            ContractError::Unexpected(e) => AppError::unexpected(e),
        }
    }
}

impl From<IdempotencyError> for AppError {
    fn from(e: IdempotencyError) -> Self {
        match e {
            IdempotencyError::InvalidKey(field) => AppError::Validation(vec![field]),
            IdempotencyError::Unexpected(e) => AppError::unexpected(e),
            conflict => AppError::conflict(conflict.to_string()),
        }
    }
}

#[derive(Serialize)]
struct Problem<'a> {
    #[serde(rename = "type")]
    kind: String,
    title: &'a str,
    status: u16,
    detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<&'a [FieldError]>,
}

pub const PROBLEM_JSON: &str = "application/problem+json";

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::Conflict { .. } => StatusCode::CONFLICT,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Gone(_) => StatusCode::GONE,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Unexpected(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        log_error(self);
        let status = self.status_code();
        let problem = Problem {
            kind: format!("https://hosted-checkout.dev/problems/{}", self.slug()),
            title: self.title(),
            status: status.as_u16(),
            detail: self.public_detail(),
            errors: match self {
                AppError::Validation(e) => Some(e),
                _ => None,
            },
        };
        let mut body = serde_json::to_value(&problem).unwrap_or_default();
        if let (
            AppError::Conflict {
                extra: Some(extra), ..
            },
            Some(obj),
        ) = (self, body.as_object_mut())
            && let Some(extra) = extra.as_object()
        {
            for (k, v) in extra {
                obj.insert(k.clone(), v.clone());
            }
        }
        let mut resp = HttpResponse::build(status);
        resp.insert_header((header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON)));
        if let Some(seconds) = self.retry_after() {
            resp.insert_header((header::RETRY_AFTER, seconds));
        }
        if matches!(self, AppError::Unauthorized) {
            resp.insert_header((header::WWW_AUTHENTICATE, HeaderValue::from_static("ApiKey")));
        }
        resp.body(body.to_string())
    }
}

pub fn log_error(e: &AppError) {
    match e {
        AppError::Unexpected(inner) => tracing::error!(error = ?inner, "unexpected error"),
        AppError::Unavailable(inner) => tracing::warn!(error = %inner, "database unavailable"),
        other => tracing::debug!(error = %other, "request rejected"),
    }
}

impl From<AuthError> for AppError {
    fn from(e: AuthError) -> Self {
        match e {
            AuthError::Unauthorized => AppError::Unauthorized,
            AuthError::Unexpected(e) => AppError::unexpected(e),
        }
    }
}
