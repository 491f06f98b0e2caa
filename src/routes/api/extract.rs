//! Extractors for the API: the authenticated caller, a size-limited JSON body whose errors
//! name the field, ids in paths, and idempotent responses.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::http::header::CONTENT_TYPE;
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use futures_util::StreamExt;
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::error::{AppError, PROBLEM_JSON};
use crate::routes::limits::Limits;
use crate::services::idempotency::{self, Begun, StoredResponse};
use crate::services::{Ctx, auth};

pub const BODY_LIMIT: usize = 64 * 1024;

/// The organisation the API key belongs to.
pub struct Caller {
    pub org: Uuid,
}

fn ctx_of(req: &HttpRequest) -> Result<web::Data<Ctx>, AppError> {
    req.app_data::<web::Data<Ctx>>()
        .cloned()
        .ok_or_else(|| AppError::Unexpected(anyhow::anyhow!("application context missing")))
}

impl FromRequest for Caller {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let ctx = ctx_of(&req)?;
            let header = |name: &str| {
                req.headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned)
            };
            let key = header("x-api-key");
            let claimed = header("organisation");
            let (org, key_hash) =
                auth::authenticate_key(&ctx, key.as_deref(), claimed.as_deref()).await?;
            // Counted per key once it is known to be one (an unknown key is 401 already).
            if let Some(limits) = req.app_data::<web::Data<Limits>>() {
                limits.api(&key_hash)?;
            }
            Ok(Caller { org })
        })
    }
}

/// The raw request body, at most [`BODY_LIMIT`] bytes.
pub struct Body(pub web::Bytes);

impl FromRequest for Body {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let declared = req
            .headers()
            .get("content-length")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        let mut payload = payload.take();
        Box::pin(async move {
            if declared.is_some_and(|n| n > BODY_LIMIT) {
                return Err(AppError::PayloadTooLarge);
            }
            let mut buf = web::BytesMut::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk
                    .map_err(|e| AppError::BadRequest(format!("could not read the body: {e}")))?;
                if buf.len() + chunk.len() > BODY_LIMIT {
                    return Err(AppError::PayloadTooLarge);
                }
                buf.extend_from_slice(&chunk);
            }
            Ok(Body(buf.freeze()))
        })
    }
}

impl Body {
    /// Parses JSON: syntax errors are `400`; wrong types, unknown fields and bad enum values
    /// are `422` naming the field by its JSON path. An empty body reads as `{}`.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, AppError> {
        let bytes: &[u8] = if self.0.iter().all(u8::is_ascii_whitespace) {
            b"{}"
        } else {
            &self.0
        };
        // Every body is an object; serde would otherwise read an array as positional fields.
        let starts_as_object = bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
        if !starts_as_object && serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok() {
            return Err(AppError::field("body", "must be a JSON object"));
        }
        let de = &mut serde_json::Deserializer::from_slice(bytes);
        match serde_path_to_error::deserialize::<_, T>(de) {
            Ok(v) => Ok(v),
            Err(e) => {
                let path = e.path().to_string();
                let inner = e.into_inner();
                // Valid JSON of the wrong shape is a 422 naming the field; only text that is
                // not JSON at all is a 400.
                let is_json = serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok();
                match inner.classify() {
                    serde_json::error::Category::Data | serde_json::error::Category::Syntax
                        if is_json =>
                    {
                        let field = if path == "." {
                            String::from("body")
                        } else {
                            path
                        };
                        Err(AppError::field(
                            field,
                            clean_serde_message(&inner.to_string()),
                        ))
                    }
                    _ => Err(AppError::BadRequest(format!(
                        "The body is not valid JSON: {inner}"
                    ))),
                }
            }
        }
    }
}

/// serde's messages end with " at line 1 column 42"; the field path says where.
fn clean_serde_message(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

/// The query string as `T`; an unknown or malformed parameter is a `422`.
pub fn query<T: DeserializeOwned>(req: &HttpRequest) -> Result<T, AppError> {
    serde_urlencoded::from_str(req.query_string())
        .map_err(|e| AppError::field("query", e.to_string()))
}

/// A UUID path segment; anything else is `404` (no such object).
pub fn path_id(raw: &str, what: &'static str) -> Result<Uuid, AppError> {
    Uuid::parse_str(raw).map_err(|_| AppError::NotFound(what))
}

pub fn json_response<T: Serialize>(
    status: StatusCode,
    value: &T,
) -> Result<HttpResponse, AppError> {
    let body = serde_json::to_string(value).map_err(|e| AppError::Unexpected(e.into()))?;
    Ok(HttpResponse::build(status)
        .content_type("application/json")
        .body(body))
}

pub fn stored(status: StatusCode, value: &impl Serialize) -> Result<StoredResponse, AppError> {
    let body = serde_json::to_string(value).map_err(|e| AppError::Unexpected(e.into()))?;
    Ok(StoredResponse {
        status: status.as_u16(),
        body,
    })
}

pub fn replay(resp: StoredResponse) -> HttpResponse {
    let status = StatusCode::from_u16(resp.status).unwrap_or(StatusCode::OK);
    let ct = if status.is_success() {
        "application/json"
    } else {
        PROBLEM_JSON
    };
    HttpResponse::build(status)
        .insert_header((CONTENT_TYPE, ct))
        .body(resp.body)
}

/// Runs a POST once per `Idempotency-Key` (header, else `body_key`).
pub async fn idempotent<F, Fut>(
    ctx: &Ctx,
    caller: &Caller,
    req: &HttpRequest,
    body: &Body,
    body_key: Option<&str>,
    work: F,
) -> Result<HttpResponse, AppError>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<StoredResponse, AppError>>,
{
    let header = req
        .headers()
        .get("idempotency-key")
        .map(|v| v.to_str().map(str::to_owned));
    let key = match header {
        Some(Ok(k)) => Some(k),
        Some(Err(_)) => {
            return Err(AppError::field(
                "idempotency_key",
                "must be printable ASCII",
            ));
        }
        None => body_key.map(str::to_owned),
    };
    let Some(key) = key else {
        return work().await.map(replay);
    };
    let fp = idempotency::fingerprint(req.method().as_str(), req.path(), &body.0);
    if let Begun::Replay(first) = idempotency::begin(ctx, caller.org, &key, &fp).await? {
        return Ok(replay(first));
    }
    let outcome = work().await;
    // Answers that depend only on the request are replayed; server errors are not stored, so
    // the client may retry them.
    let to_store = match &outcome {
        Ok(resp) => Some(resp.clone()),
        Err(e @ (AppError::Validation(_) | AppError::NotFound(_) | AppError::Conflict { .. })) => {
            rendered(e).await
        }
        Err(_) => None,
    };
    idempotency::finish(ctx, caller.org, &key, to_store.as_ref()).await?;
    outcome.map(replay)
}

/// An error's response as it would be sent, for replay.
async fn rendered(e: &AppError) -> Option<StoredResponse> {
    let resp = actix_web::ResponseError::error_response(e);
    let status = resp.status().as_u16();
    let body = actix_web::body::to_bytes(resp.into_body()).await.ok()?;
    Some(StoredResponse {
        status,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}
