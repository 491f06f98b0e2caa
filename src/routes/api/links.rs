//! Checkout links (SPEC §13): shapes and handlers of `/checkout_links`.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::dto::ListResponse;
use super::extract::{Body, Caller, idempotent, json_response, path_id, query, stored};
use crate::domain::checkout_link::{CheckoutLink, LinkStats};
use crate::domain::overrides::ItemOverride;
use crate::error::AppError;
use crate::services::checkout_links::{self, LinkInput, LinkWithStats};
use crate::services::{Ctx, ListParams};

type Res = Result<HttpResponse, AppError>;

/// `POST /checkout_links`: what each visit's guest session is made from.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCheckoutLink {
    pub plan_id: Option<Uuid>,
    pub plan_options: Option<Vec<Uuid>>,
    pub product_overrides: Option<Vec<ItemOverride>>,
    pub allow_promotion_codes: Option<bool>,
    /// The seller; absent: the organisation's default business entity.
    pub business_entity_id: Option<Uuid>,
    pub success_url: Option<String>,
    pub cancel_url: Option<String>,
    /// A locale of SPEC §12 or `auto` (the default: negotiated from the browser).
    pub locale: Option<String>,
    pub metadata: Option<BTreeMap<String, String>>,
}

impl From<NewCheckoutLink> for LinkInput {
    fn from(b: NewCheckoutLink) -> Self {
        LinkInput {
            plan_id: b.plan_id,
            plan_options: b.plan_options,
            product_overrides: b.product_overrides,
            allow_promotion_codes: b.allow_promotion_codes,
            business_entity_id: b.business_entity_id,
            success_url: b.success_url,
            cancel_url: b.cancel_url,
            locale: b.locale,
            metadata: b.metadata,
        }
    }
}

/// `PATCH /checkout_links/{id}`.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckoutLinkChange {
    /// `false`: visits answer `410`; sessions already opened go on.
    pub active: Option<bool>,
}

/// A checkout link.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CheckoutLinkJson {
    pub id: Uuid,
    pub object: &'static str,
    /// `{public_url}/l/{slug}`: share it; every visit opens a new guest session.
    pub url: String,
    pub active: bool,
    pub plan_id: Uuid,
    pub plan_options: Vec<Uuid>,
    pub product_overrides: Vec<ItemOverride>,
    pub allow_promotion_codes: bool,
    pub business_entity_id: Uuid,
    pub success_url: Option<String>,
    pub cancel_url: Option<String>,
    pub locale: String,
    pub metadata: BTreeMap<String, String>,
    /// Sessions opened from the link (preview sessions are never opened from links).
    pub sessions: i64,
    /// Of those, the ones the customer confirmed.
    pub completed: i64,
    /// `completed / sessions` in whole percent; `null` before the first visit.
    pub conversion_percent: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl CheckoutLinkJson {
    pub fn of(link: CheckoutLink, stats: LinkStats, public_url: &str) -> Self {
        CheckoutLinkJson {
            id: link.id,
            object: "checkout_link",
            url: link.url(public_url),
            active: link.active,
            plan_id: link.plan_id,
            plan_options: link.plan_options,
            product_overrides: link.product_overrides,
            allow_promotion_codes: link.allow_promotion_codes,
            business_entity_id: link.business_entity_id,
            success_url: link.success_url.map(|u| u.as_str().to_owned()),
            cancel_url: link.cancel_url.map(|u| u.as_str().to_owned()),
            locale: link.locale.as_str().to_owned(),
            metadata: link.metadata,
            sessions: stats.sessions,
            completed: stats.completed,
            conversion_percent: stats.conversion_percent(),
            created_at: link.created_at,
            updated_at: link.updated_at,
        }
    }
}

fn json_of(ctx: &Ctx, l: LinkWithStats) -> CheckoutLinkJson {
    CheckoutLinkJson::of(l.link, l.stats, &ctx.public_url)
}

pub async fn create(ctx: web::Data<Ctx>, caller: Caller, req: HttpRequest, body: Body) -> Res {
    let input: NewCheckoutLink = body.json()?;
    idempotent(&ctx, &caller, &req, &body, None, || async {
        let link = checkout_links::create(&ctx, caller.org, input.into()).await?;
        let json = CheckoutLinkJson::of(link, LinkStats::default(), &ctx.public_url);
        stored(StatusCode::CREATED, &json)
    })
    .await
}

pub async fn list(ctx: web::Data<Ctx>, caller: Caller, req: HttpRequest) -> Res {
    let params: ListParams = query(&req)?;
    let page = checkout_links::list_with_stats(&ctx, caller.org, params).await?;
    json_response(
        StatusCode::OK,
        &ListResponse::of(page, |l| json_of(&ctx, l)),
    )
}

pub async fn get(ctx: web::Data<Ctx>, caller: Caller, id: web::Path<String>) -> Res {
    let id = path_id(&id, "checkout link")?;
    let link = checkout_links::get(&ctx, caller.org, id).await?;
    json_response(StatusCode::OK, &json_of(&ctx, link))
}

pub async fn patch(
    ctx: web::Data<Ctx>,
    caller: Caller,
    req: HttpRequest,
    body: Body,
    id: web::Path<String>,
) -> Res {
    let id = path_id(&id, "checkout link")?;
    let change: CheckoutLinkChange = body.json()?;
    idempotent(&ctx, &caller, &req, &body, None, || async {
        let link = checkout_links::set_active(&ctx, caller.org, id, change.active).await?;
        stored(StatusCode::OK, &json_of(&ctx, link))
    })
    .await
}
