//! Webhook endpoints, events and the organisation (SPEC §8, §9): wire shapes and handlers.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use uuid::Uuid;

use super::dto::{CheckoutView, ListResponse};
use super::extract::{Body, Caller, idempotent, json_response, path_id, query, stored};
use crate::domain::catalog::Contract;
use crate::domain::checkout::Checkout;
use crate::domain::events::{Delivery, EndpointStatus, Event, WebhookEndpoint};
use crate::error::AppError;
use crate::services::events::{EventQuery, Objects};
use crate::services::webhooks::{EndpointChanges, NewEndpoint};
use crate::services::{Ctx, ListParams, events, organisations, webhooks};

type Res = Result<HttpResponse, AppError>;

/// Objects in events exactly as `GET` shows them.
pub struct ApiObjects {
    pub public_url: String,
}

impl Objects for ApiObjects {
    fn checkout(&self, c: &Checkout) -> Result<String, serde_json::Error> {
        serde_json::to_string(&CheckoutView::new(
            c.clone(),
            &self.public_url,
            c.updated_at,
        ))
    }

    /// The contract as the API shows it on the day of the change (its phases).
    fn contract(&self, c: &Contract) -> Result<String, serde_json::Error> {
        serde_json::to_string(&c.clone().with_phases(c.updated_at.date_naive()))
    }
}

/// `POST /webhook_endpoints`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateEndpoint {
    /// Where events are POSTed: `https` (in development also `http` and loopback).
    pub url: String,
    /// `["*"]` for every type, or a list of event types.
    pub enabled_events: Vec<String>,
    pub description: Option<String>,
}

impl From<CreateEndpoint> for NewEndpoint {
    fn from(b: CreateEndpoint) -> Self {
        NewEndpoint {
            url: b.url,
            enabled_events: b.enabled_events,
            description: b.description,
        }
    }
}

/// `PATCH /webhook_endpoints/{id}`: the fields given change; `description: null` removes it.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PatchEndpoint {
    pub url: Option<String>,
    pub enabled_events: Option<Vec<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub description: Option<Option<String>>,
    pub status: Option<EndpointStatus>,
}

/// A field that is present, even as `null` (`Some(None)`), versus one left out (`None`).
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

impl From<PatchEndpoint> for EndpointChanges {
    fn from(b: PatchEndpoint) -> Self {
        EndpointChanges {
            url: b.url,
            enabled_events: b.enabled_events,
            description: b.description,
            status: b.status.map(|s| s.as_str().to_owned()),
        }
    }
}

/// A webhook endpoint. `secret` is shown only when it is made (create, rotate).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct EndpointView {
    pub id: Uuid,
    pub url: String,
    pub description: Option<String>,
    pub enabled_events: Vec<String>,
    pub status: EndpointStatus,
    pub disabled_reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl EndpointView {
    fn new(e: WebhookEndpoint, with_secret: bool) -> Self {
        Self {
            id: e.id,
            enabled_events: e.enabled_events.to_list(),
            url: e.url,
            description: e.description,
            status: e.status,
            disabled_reason: e.disabled_reason,
            secret: with_secret.then_some(e.secret),
            created_at: e.created_at,
            updated_at: e.updated_at,
        }
    }
}

/// `POST /events/{id}/resend`.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResendEvent {
    /// Only to this endpoint (it must be enabled); else to every enabled endpoint the event's
    /// type goes to.
    pub endpoint_id: Option<Uuid>,
}

/// `GET /events` query parameters.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListEvents {
    pub limit: Option<String>,
    pub starting_after: Option<String>,
    #[serde(rename = "type")]
    pub event_type: Option<String>,
    pub object_id: Option<String>,
}

impl From<ListEvents> for EventQuery {
    fn from(q: ListEvents) -> Self {
        EventQuery {
            limit: q.limit,
            starting_after: q.starting_after,
            event_type: q.event_type,
            object_id: q.object_id,
        }
    }
}

/// An event: `{id, type, created_at, organisation_id, data: {object}}`, as delivered.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct EventView {
    pub id: Uuid,
    #[serde(rename = "type")]
    pub event_type: crate::domain::events::EventType,
    pub created_at: DateTime<Utc>,
    pub organisation_id: Uuid,
    /// `{"object": <the checkout or contract as GET returned it then>}`.
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
    /// Only on `GET /events/{id}` and resend.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deliveries: Option<Vec<Delivery>>,
}

impl EventView {
    fn new(e: Event, deliveries: Option<Vec<Delivery>>) -> Result<Self, AppError> {
        let mut body: serde_json::Value =
            serde_json::from_str(&e.payload).map_err(|err| AppError::Unexpected(err.into()))?;
        Ok(Self {
            id: e.id,
            event_type: e.event_type,
            created_at: e.created_at,
            organisation_id: e.organisation_id,
            data: body["data"].take(),
            deliveries,
        })
    }
}

/// `GET /organisation`.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct OrganisationView {
    pub id: Uuid,
    pub name: String,
    pub default_business_entity_id: Option<Uuid>,
    /// Keys the HMAC of the parameters appended to redirects (SPEC §9).
    pub redirect_secret: String,
}

impl From<organisations::OrganisationView> for OrganisationView {
    fn from(o: organisations::OrganisationView) -> Self {
        Self {
            id: o.id,
            name: o.name,
            default_business_entity_id: o.default_business_entity_id,
            redirect_secret: o.redirect_secret,
        }
    }
}

fn endpoint_id(raw: &str) -> Result<Uuid, AppError> {
    path_id(raw, "webhook endpoint")
}

pub async fn create_endpoint(
    ctx: web::Data<Ctx>,
    caller: Caller,
    req: HttpRequest,
    body: Body,
) -> Res {
    let input: CreateEndpoint = body.json()?;
    idempotent(&ctx, &caller, &req, &body, None, || async {
        let e = webhooks::create(&ctx, caller.org, input.into()).await?;
        stored(StatusCode::CREATED, &EndpointView::new(e, true))
    })
    .await
}

pub async fn list_endpoints(ctx: web::Data<Ctx>, caller: Caller, req: HttpRequest) -> Res {
    let params: ListParams = query(&req)?;
    let page = webhooks::list(&ctx, caller.org, params).await?;
    let list = ListResponse::of(page, |e| EndpointView::new(e, false));
    json_response(StatusCode::OK, &list)
}

pub async fn get_endpoint(ctx: web::Data<Ctx>, caller: Caller, id: web::Path<String>) -> Res {
    let e = webhooks::get(&ctx, caller.org, endpoint_id(&id)?).await?;
    json_response(StatusCode::OK, &EndpointView::new(e, false))
}

pub async fn patch_endpoint(
    ctx: web::Data<Ctx>,
    caller: Caller,
    id: web::Path<String>,
    body: Body,
) -> Res {
    let id = endpoint_id(&id)?;
    let input: PatchEndpoint = body.json()?;
    let e = webhooks::update(&ctx, caller.org, id, input.into()).await?;
    json_response(StatusCode::OK, &EndpointView::new(e, false))
}

pub async fn delete_endpoint(ctx: web::Data<Ctx>, caller: Caller, id: web::Path<String>) -> Res {
    webhooks::delete(&ctx, caller.org, endpoint_id(&id)?).await?;
    Ok(HttpResponse::NoContent().finish())
}

pub async fn rotate_secret(
    ctx: web::Data<Ctx>,
    caller: Caller,
    req: HttpRequest,
    body: Body,
    id: web::Path<String>,
) -> Res {
    let id = endpoint_id(&id)?;
    idempotent(&ctx, &caller, &req, &body, None, || async {
        let e = webhooks::rotate_secret(&ctx, caller.org, id).await?;
        stored(StatusCode::OK, &EndpointView::new(e, true))
    })
    .await
}

pub async fn list_events(ctx: web::Data<Ctx>, caller: Caller, req: HttpRequest) -> Res {
    let q: ListEvents = query(&req)?;
    let page = events::list(&ctx, caller.org, q.into()).await?;
    let data = page
        .data
        .into_iter()
        .map(|e| EventView::new(e, None))
        .collect::<Result<Vec<_>, _>>()?;
    let list = ListResponse {
        data,
        has_more: page.has_more,
    };
    json_response(StatusCode::OK, &list)
}

pub async fn get_event(ctx: web::Data<Ctx>, caller: Caller, id: web::Path<String>) -> Res {
    let id = path_id(&id, "event")?;
    let (e, deliveries) = events::get(&ctx, caller.org, id).await?;
    json_response(StatusCode::OK, &EventView::new(e, Some(deliveries))?)
}

pub async fn resend_event(
    ctx: web::Data<Ctx>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<String>,
    body: Body,
) -> Res {
    let id = path_id(&id, "event")?;
    let input: ResendEvent = body.json()?;
    idempotent(&ctx, &caller, &req, &body, None, || async {
        let (e, deliveries) = events::resend(&ctx, caller.org, id, input.endpoint_id).await?;
        stored(StatusCode::OK, &EventView::new(e, Some(deliveries))?)
    })
    .await
}

pub async fn get_organisation(ctx: web::Data<Ctx>, caller: Caller) -> Res {
    let o = organisations::get(&ctx, caller.org)
        .await
        .map_err(AppError::unexpected)?;
    json_response(StatusCode::OK, &OrganisationView::from(o))
}

pub async fn rotate_redirect_secret(
    ctx: web::Data<Ctx>,
    caller: Caller,
    req: HttpRequest,
    body: Body,
) -> Res {
    idempotent(&ctx, &caller, &req, &body, None, || async {
        let o = organisations::rotate_redirect_secret(&ctx, caller.org)
            .await
            .map_err(AppError::unexpected)?;
        stored(StatusCode::OK, &OrganisationView::from(o))
    })
    .await
}
