//! Webhook endpoints (SPEC §8): create, list, get, change, delete, rotate the secret. The
//! delivery worker is in [`worker`]; signatures in [`signature`]; the SSRF guard in [`ssrf`].

pub mod signature;
pub mod ssrf;
pub mod worker;

use anyhow::Context as _;
use uuid::Uuid;

use super::{Ctx, Errors, ListParams};
use crate::domain::events::{Delivery, EnabledEvents, EndpointStatus, EventType, WebhookEndpoint};
use crate::domain::validation::FieldError;
use crate::storage::{PageOf, PageRequest};

/// After a rotation, the old secret signs too for this long.
pub const ROTATION_GRACE_HOURS: i64 = 24;
const MAX_DESCRIPTION: usize = 500;

#[derive(Debug, thiserror::Error)]
pub enum WebhookError {
    #[error("no such webhook endpoint")]
    NotFound,
    #[error("invalid webhook endpoint")]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// `POST /webhook_endpoints`.
#[derive(Debug, Clone, Default)]
pub struct NewEndpoint {
    pub url: String,
    pub enabled_events: Vec<String>,
    pub description: Option<String>,
}

/// `PATCH /webhook_endpoints/{id}`: what is given changes.
#[derive(Debug, Clone, Default)]
pub struct EndpointChanges {
    pub url: Option<String>,
    pub enabled_events: Option<Vec<String>>,
    /// `Some(None)`: remove it.
    pub description: Option<Option<String>>,
    pub status: Option<String>,
}

fn check_url(ctx: &Ctx, errors: &mut Errors, url: &str) -> String {
    match ctx.webhook_policy.check_url(url) {
        Ok(_) => url.to_owned(),
        Err(why) => {
            errors.add("url", why);
            String::new()
        }
    }
}

fn check_events(errors: &mut Errors, list: &[String]) -> EnabledEvents {
    EnabledEvents::parse(list).unwrap_or_else(|why| {
        errors.add("enabled_events", why);
        EnabledEvents::All
    })
}

fn check_description(errors: &mut Errors, d: Option<String>) -> Option<String> {
    let d = d.map(|d| d.trim().to_owned()).filter(|d| !d.is_empty());
    if d.as_ref()
        .is_some_and(|d| d.chars().count() > MAX_DESCRIPTION)
    {
        errors.add("description", "must be at most 500 characters");
    }
    d
}

/// A new endpoint, enabled, with a new secret (shown only in this answer and on rotation).
pub async fn create(
    ctx: &Ctx,
    org: Uuid,
    input: NewEndpoint,
) -> Result<WebhookEndpoint, WebhookError> {
    let mut errors = Errors::default();
    let url = check_url(ctx, &mut errors, &input.url);
    let enabled_events = check_events(&mut errors, &input.enabled_events);
    let description = check_description(&mut errors, input.description);
    errors.finish().map_err(WebhookError::Invalid)?;
    let now = ctx.clock.now();
    let e = WebhookEndpoint {
        id: Uuid::new_v4(),
        organisation_id: org,
        url,
        description,
        enabled_events,
        status: EndpointStatus::Enabled,
        disabled_reason: None,
        secret: signature::new_secret(),
        previous_secret: None,
        previous_secret_expires_at: None,
        failing_since: None,
        created_at: now,
        updated_at: now,
    };
    ctx.store
        .insert_endpoint(&e)
        .await
        .context("storing the webhook endpoint")?;
    Ok(e)
}

pub async fn get(ctx: &Ctx, org: Uuid, id: Uuid) -> Result<WebhookEndpoint, WebhookError> {
    ctx.store
        .get_endpoint(org, id)
        .await
        .context("reading the webhook endpoint")?
        .ok_or(WebhookError::NotFound)
}

pub async fn list(
    ctx: &Ctx,
    org: Uuid,
    params: ListParams,
) -> Result<PageOf<WebhookEndpoint>, WebhookError> {
    let page: PageRequest = params.page().map_err(WebhookError::Invalid)?;
    Ok(ctx
        .store
        .list_endpoints(org, page)
        .await
        .context("listing webhook endpoints")?)
}

/// Changes what is given. Enabling a disabled endpoint clears its reason and failing streak.
pub async fn update(
    ctx: &Ctx,
    org: Uuid,
    id: Uuid,
    changes: EndpointChanges,
) -> Result<WebhookEndpoint, WebhookError> {
    let mut e = get(ctx, org, id).await?;
    let mut errors = Errors::default();
    if let Some(url) = changes.url {
        e.url = check_url(ctx, &mut errors, &url);
    }
    if let Some(list) = changes.enabled_events {
        e.enabled_events = check_events(&mut errors, &list);
    }
    if let Some(d) = changes.description {
        e.description = check_description(&mut errors, d);
    }
    if let Some(s) = changes.status {
        match EndpointStatus::parse(&s) {
            Some(EndpointStatus::Enabled) if e.status == EndpointStatus::Disabled => {
                e.status = EndpointStatus::Enabled;
                e.disabled_reason = None;
                e.failing_since = None;
            }
            Some(EndpointStatus::Disabled) if e.status == EndpointStatus::Enabled => {
                e.status = EndpointStatus::Disabled;
                e.disabled_reason = Some("disabled through the API".into());
            }
            Some(_) => {}
            None => errors.add("status", "must be \"enabled\" or \"disabled\""),
        }
    }
    errors.finish().map_err(WebhookError::Invalid)?;
    e.updated_at = ctx.clock.now();
    write(ctx, &e).await?;
    Ok(e)
}

/// A new secret; the old one keeps signing (a second signature) for 24 hours.
pub async fn rotate_secret(
    ctx: &Ctx,
    org: Uuid,
    id: Uuid,
) -> Result<WebhookEndpoint, WebhookError> {
    let mut e = get(ctx, org, id).await?;
    let now = ctx.clock.now();
    e.previous_secret = Some(std::mem::replace(&mut e.secret, signature::new_secret()));
    e.previous_secret_expires_at = Some(now + chrono::Duration::hours(ROTATION_GRACE_HOURS));
    e.updated_at = now;
    write(ctx, &e).await?;
    Ok(e)
}

/// The endpoint with its latest `limit` deliveries, newest first (the console).
pub async fn with_deliveries(
    ctx: &Ctx,
    org: Uuid,
    id: Uuid,
    limit: i64,
) -> Result<(WebhookEndpoint, Vec<(Uuid, EventType, Delivery)>), WebhookError> {
    let endpoint = get(ctx, org, id).await?;
    let deliveries = ctx
        .store
        .endpoint_deliveries(org, id, limit)
        .await
        .context("reading the endpoint's deliveries")?;
    Ok((endpoint, deliveries))
}

pub async fn delete(ctx: &Ctx, org: Uuid, id: Uuid) -> Result<(), WebhookError> {
    let deleted = ctx
        .store
        .delete_endpoint(org, id)
        .await
        .context("deleting the webhook endpoint")?;
    if deleted {
        Ok(())
    } else {
        Err(WebhookError::NotFound)
    }
}

async fn write(ctx: &Ctx, e: &WebhookEndpoint) -> Result<(), WebhookError> {
    let written = ctx
        .store
        .update_endpoint(e)
        .await
        .context("storing the webhook endpoint")?;
    if written {
        Ok(())
    } else {
        Err(WebhookError::NotFound)
    }
}
