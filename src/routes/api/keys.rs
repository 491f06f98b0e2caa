//! API keys (issue 15): several per organisation, created, listed and revoked.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};

use super::dto::ListResponse;
use super::extract::{Body, Caller, idempotent, json_response, path_id, query, stored};
use crate::domain::catalog::ApiKey;
use crate::error::AppError;
use crate::services::{Ctx, ListParams, auth};

type Res = Result<HttpResponse, AppError>;

/// `POST /api_keys`.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateApiKey {
    /// What the key is for ("billing backend", "CI"); at most 100 characters.
    pub name: Option<String>,
}

/// A new key: the key's fields and, this once, its secret.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CreatedApiKey {
    #[serde(flatten)]
    pub key: ApiKey,
    /// The secret to send as `x-api-key`; shown only in this answer.
    pub secret: String,
}

pub async fn create(ctx: web::Data<Ctx>, caller: Caller, req: HttpRequest, body: Body) -> Res {
    let input: CreateApiKey = body.json()?;
    idempotent(&ctx, &caller, &req, &body, None, || async {
        let (key, secret) = auth::create_key(&ctx, caller.org, input.name).await?;
        stored(StatusCode::CREATED, &CreatedApiKey { key, secret })
    })
    .await
}

pub async fn list(ctx: web::Data<Ctx>, caller: Caller, req: HttpRequest) -> Res {
    let params: ListParams = query(&req)?;
    let page = auth::list_keys(&ctx, caller.org, params).await?;
    json_response(StatusCode::OK, &ListResponse::of(page, |k| k))
}

pub async fn revoke(
    ctx: web::Data<Ctx>,
    caller: Caller,
    req: HttpRequest,
    body: Body,
    id: web::Path<String>,
) -> Res {
    let id = path_id(&id, "API key")?;
    idempotent(&ctx, &caller, &req, &body, None, || async {
        stored(
            StatusCode::OK,
            &auth::revoke_key(&ctx, caller.org, id).await?,
        )
    })
    .await
}
