//! Checkout links (SPEC §13): create, read, (de)activate, and open — each visit makes a guest
//! session from the link. A link is checked by the same rules as a session (`checkouts::preview`
//! prices it as a guest session would be), so a link that is accepted opens.

use std::collections::BTreeMap;

use anyhow::Context as _;
use uuid::Uuid;

use super::checkouts::fields::{parse_locale, parse_url};
use super::checkouts::{self, CreateError, NewCheckout};
use super::{Ctx, Errors, ListParams};
use crate::domain::checkout::Checkout;
use crate::domain::checkout_link::{CheckoutLink, LinkStats};
use crate::domain::overrides::ItemOverride;
use crate::domain::validation::FieldError;
use crate::storage::PageOf;

#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    #[error("no such checkout link")]
    NotFound,
    #[error("invalid checkout link")]
    Invalid(Vec<FieldError>),
    /// The link was deactivated (`410`).
    #[error("this checkout link is no longer active")]
    Inactive,
    /// The link is active but what it sells cannot be sold now (its plan was archived, say):
    /// the customer sees the same page as for an inactive link; the log says why.
    #[error("this checkout link cannot be used now: {0:?}")]
    Unavailable(Vec<FieldError>),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// What a link sells, as the merchant sent it.
#[derive(Debug, Clone, Default)]
pub struct LinkInput {
    pub plan_id: Option<Uuid>,
    pub plan_options: Option<Vec<Uuid>>,
    pub product_overrides: Option<Vec<ItemOverride>>,
    pub allow_promotion_codes: Option<bool>,
    /// The seller; absent: the organisation's default entity.
    pub business_entity_id: Option<Uuid>,
    pub success_url: Option<String>,
    pub cancel_url: Option<String>,
    pub locale: Option<String>,
    pub metadata: Option<BTreeMap<String, String>>,
}

/// A link with how it has done.
#[derive(Debug, Clone)]
pub struct LinkWithStats {
    pub link: CheckoutLink,
    pub stats: LinkStats,
}

/// The guest session a visit to `link` makes (and that `create` previews).
fn session_of(
    link_id: Option<Uuid>,
    plan_id: Option<Uuid>,
    entity: Option<Uuid>,
    input: &LinkInput,
) -> NewCheckout {
    NewCheckout {
        plan_id,
        guest_checkout: Some(true),
        business_entity_id: entity,
        success_url: input.success_url.clone(),
        cancel_url: input.cancel_url.clone(),
        product_overrides: input.product_overrides.clone(),
        plan_options: input.plan_options.clone(),
        metadata: input.metadata.clone(),
        allow_promotion_codes: input.allow_promotion_codes,
        locale: input.locale.clone(),
        checkout_link_id: link_id,
        ..NewCheckout::default()
    }
}

fn input_of(l: &CheckoutLink) -> LinkInput {
    LinkInput {
        plan_id: Some(l.plan_id),
        plan_options: Some(l.plan_options.clone()),
        product_overrides: Some(l.product_overrides.clone()),
        allow_promotion_codes: Some(l.allow_promotion_codes),
        business_entity_id: Some(l.business_entity_id),
        success_url: l.success_url.as_ref().map(|u| u.as_str().to_owned()),
        cancel_url: l.cancel_url.as_ref().map(|u| u.as_str().to_owned()),
        locale: Some(l.locale.as_str().to_owned()),
        metadata: Some(l.metadata.clone()),
    }
}

/// A new link's slug: 16 bytes from the operating system's CSPRNG, unpadded base64url.
fn new_slug() -> String {
    use base64::Engine as _;
    use rand::RngCore as _;
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

pub async fn create(ctx: &Ctx, org: Uuid, input: LinkInput) -> Result<CheckoutLink, LinkError> {
    let Some(plan_id) = input.plan_id else {
        return Err(LinkError::Invalid(vec![FieldError::new(
            "plan_id",
            "is required",
        )]));
    };
    let entity =
        checkouts::seller::guest_seller(ctx, org, input.business_entity_id, plan_id).await?;
    // Every rule a session has, on the session a visit would make.
    match checkouts::preview(ctx, org, session_of(None, Some(plan_id), entity, &input)).await {
        Ok(_) => {}
        Err(CreateError::Invalid(errors)) => return Err(LinkError::Invalid(errors)),
        Err(CreateError::Unexpected(e)) => return Err(LinkError::Unexpected(e)),
    }
    let Some(business_entity_id) = entity else {
        return Err(LinkError::Invalid(vec![FieldError::new(
            "business_entity_id",
            "is required (the organisation has no default entity)",
        )]));
    };
    let mut errors = Errors::default();
    let success_url = parse_url(&mut errors, "success_url", input.success_url.as_deref());
    let cancel_url = parse_url(&mut errors, "cancel_url", input.cancel_url.as_deref());
    let locale = parse_locale(&mut errors, input.locale.as_deref()).unwrap_or_default();
    errors.finish().map_err(LinkError::Invalid)?;
    let now = ctx.clock.now();
    let mut plan_options = input.plan_options.unwrap_or_default();
    plan_options.dedup();
    let link = CheckoutLink {
        id: Uuid::now_v7(),
        organisation_id: org,
        slug: new_slug(),
        active: true,
        plan_id,
        plan_options,
        product_overrides: input.product_overrides.unwrap_or_default(),
        allow_promotion_codes: input.allow_promotion_codes.unwrap_or(false),
        business_entity_id,
        success_url,
        cancel_url,
        locale,
        metadata: input.metadata.unwrap_or_default(),
        created_at: now,
        updated_at: now,
    };
    ctx.store
        .insert_link(&link)
        .await
        .context("storing the checkout link")?;
    Ok(link)
}

pub async fn get(ctx: &Ctx, org: Uuid, id: Uuid) -> Result<LinkWithStats, LinkError> {
    let link = ctx
        .store
        .get_link(org, id)
        .await
        .context("reading the checkout link")?
        .ok_or(LinkError::NotFound)?;
    let stats = ctx
        .store
        .link_stats(org, id)
        .await
        .context("counting the link's sessions")?;
    Ok(LinkWithStats { link, stats })
}

pub async fn list(
    ctx: &Ctx,
    org: Uuid,
    params: ListParams,
) -> Result<PageOf<CheckoutLink>, LinkError> {
    let page = params.page().map_err(LinkError::Invalid)?;
    Ok(ctx
        .store
        .list_links(org, page)
        .await
        .context("listing checkout links")?)
}

/// A page of links, each with how it has done (one count per link: a page holds ≤ 100).
pub async fn list_with_stats(
    ctx: &Ctx,
    org: Uuid,
    params: ListParams,
) -> Result<PageOf<LinkWithStats>, LinkError> {
    let page = list(ctx, org, params).await?;
    let mut data = Vec::with_capacity(page.data.len());
    for link in page.data {
        let stats = ctx
            .store
            .link_stats(org, link.id)
            .await
            .context("counting the link's sessions")?;
        data.push(LinkWithStats { link, stats });
    }
    Ok(PageOf {
        data,
        has_more: page.has_more,
    })
}

/// `PATCH` (`active`): a deactivated link answers `410`; sessions already made go on.
pub async fn set_active(
    ctx: &Ctx,
    org: Uuid,
    id: Uuid,
    active: Option<bool>,
) -> Result<LinkWithStats, LinkError> {
    if let Some(active) = active {
        let found = ctx
            .store
            .set_link_active(org, id, active, ctx.clock.now())
            .await
            .context("changing the checkout link")?;
        if !found {
            return Err(LinkError::NotFound);
        }
    }
    get(ctx, org, id).await
}

/// Turns an active link off and an inactive one on (the console's one button).
pub async fn toggle_active(ctx: &Ctx, org: Uuid, id: Uuid) -> Result<(), LinkError> {
    let link = ctx
        .store
        .get_link(org, id)
        .await
        .context("reading the checkout link")?
        .ok_or(LinkError::NotFound)?;
    let found = ctx
        .store
        .set_link_active(org, id, !link.active, ctx.clock.now())
        .await
        .context("changing the checkout link")?;
    if found {
        Ok(())
    } else {
        Err(LinkError::NotFound)
    }
}

/// The active link at `/l/{slug}` (what a `HEAD` checks without opening a session).
pub async fn find_active(ctx: &Ctx, slug: &str) -> Result<CheckoutLink, LinkError> {
    if !CheckoutLink::slug_well_formed(slug) {
        return Err(LinkError::NotFound);
    }
    let link = ctx
        .store
        .get_link_by_slug(slug)
        .await
        .context("reading the checkout link")?
        .ok_or(LinkError::NotFound)?;
    if !link.active {
        return Err(LinkError::Inactive);
    }
    Ok(link)
}

/// A visit to `/l/{slug}`: a new guest session made from the link, recording it.
pub async fn open(ctx: &Ctx, slug: &str) -> Result<Checkout, LinkError> {
    let link = find_active(ctx, slug).await?;
    let input = input_of(&link);
    let session = session_of(
        Some(link.id),
        Some(link.plan_id),
        Some(link.business_entity_id),
        &input,
    );
    match checkouts::create(ctx, link.organisation_id, session).await {
        Ok(c) => Ok(c),
        Err(CreateError::Invalid(errors)) => Err(LinkError::Unavailable(errors)),
        Err(CreateError::Unexpected(e)) => Err(LinkError::Unexpected(e)),
    }
}
