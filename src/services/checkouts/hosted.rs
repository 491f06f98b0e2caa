//! The hosted pages' flow (SPEC §7): what each step shows, what the customer's choices do,
//! and which step comes next. The form's field names live at the edge
//! (`routes/hosted/forms.rs`); what comes in here is already parsed.

use std::collections::HashMap;

use anyhow::Context as _;
use uuid::Uuid;

use super::edit::{CheckoutChanges, apply};
use super::errors::{CloseError, ConfirmError, EditError, ReadError};
use super::pricing::{Draft, Loaded, load_session, resolved_items};
use super::{SessionRef, cancel, confirm, find, find_with_terms};
use crate::domain::catalog::{ContractItem, Plan, PlanStatus, Product, QuantityBounds};
use crate::domain::checkout::{Checkout, CheckoutStatus, CheckoutType, LinkKey};
use crate::domain::customer::CustomerData;
use crate::domain::overrides::ItemOverride;
use crate::domain::terms::ItemTerms;
use crate::domain::validation::{FieldError, Problem};
use crate::services::organisations::signed_redirect;
use crate::services::{Ctx, Errors, cache};

/// Everything a hosted page shows about a session.
#[derive(Debug, Clone)]
pub struct HostedCheckout {
    pub checkout: Checkout,
    pub status: CheckoutStatus,
    pub loaded: Loaded,
    /// Plans the customer may choose between (the session's plan first).
    pub plan_choices: Vec<Plan>,
    /// Product details for every plan shown.
    pub products: Vec<Product>,
    /// The contract's lines after this checkout (empty for closed sessions).
    pub items: Vec<ItemTerms>,
}

/// The steps of the flow, and where a request leads next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextStep {
    Plan,
    /// Guests only.
    Details,
    Review,
    /// The review again: confirm found a new estimate, now stored, for the customer to accept.
    ReviewChanged,
    /// The page that says the session is closed (or still open, with a link back).
    Status,
    /// A preview session went through confirm: everything checked, nothing written.
    PreviewDone,
    /// Back to the merchant: their `success_url` / `cancel_url` with the session id filled in.
    Merchant(String),
}

/// What a `GET` of a step answers.
#[derive(Debug)]
pub enum Shown {
    /// The step's page.
    Page(Box<HostedCheckout>),
    /// The session is no longer open: its status page, never the form.
    Closed(Box<HostedCheckout>),
    /// This step does not apply now; go there instead.
    Elsewhere(NextStep),
}

/// The session for the page of `step`.
pub async fn show(ctx: &Ctx, key: &LinkKey, step: NextStep) -> Result<Shown, ReadError> {
    let h = hosted(ctx, key).await?;
    if h.status != CheckoutStatus::Open {
        return Ok(Shown::Closed(Box::new(h)));
    }
    let c = &h.checkout;
    let elsewhere = match step {
        NextStep::Details if !c.guest_checkout => Some(NextStep::Review),
        NextStep::Review | NextStep::ReviewChanged if needs_details(c) => Some(NextStep::Details),
        _ => None,
    };
    Ok(match elsewhere {
        Some(step) => Shown::Elsewhere(step),
        None => Shown::Page(Box::new(h)),
    })
}

/// A guest must give complete details before the review.
fn needs_details(c: &Checkout) -> bool {
    c.guest_checkout && c.customer_data.validate_complete("customer_data").is_err()
}

/// A session with everything its pages show.
pub async fn hosted(ctx: &Ctx, key: &LinkKey) -> Result<HostedCheckout, ReadError> {
    let now = ctx.clock.now();
    let (c, terms) = find_with_terms(ctx, SessionRef::Link(key))
        .await?
        .ok_or(ReadError::NotFound)?;
    let status = c.status_at(now);
    if status != CheckoutStatus::Open {
        // A closed session shows a status page: only the seller's branding is needed.
        return Ok(HostedCheckout {
            status,
            loaded: seller_only(ctx, &c).await?,
            checkout: c,
            plan_choices: Vec::new(),
            products: Vec::new(),
            items: Vec::new(),
        });
    }
    // The page shows the stored quote: the discount's coupon and code are not read again
    // here (confirm and every edit do); that was two queries on each page view (issue 16).
    let draft = Draft {
        discount: None,
        ..Draft::of(&c)
    };
    let loaded = match load_session(ctx, &c, &draft, terms, &mut Errors::default()).await? {
        Some(l) => l,
        // The catalog changed under an open session (e.g. plan archived): show it as it was.
        None => seller_only(ctx, &c).await?,
    };
    let (plan_choices, products) = plan_choices(ctx, &c, &loaded).await?;
    let items = resolved_items(&draft, &loaded).unwrap_or_default();
    Ok(HostedCheckout {
        status,
        checkout: c,
        loaded,
        plan_choices,
        products,
        items,
    })
}

/// Only the seller, for pages that show nothing of the catalog.
async fn seller_only(ctx: &Ctx, c: &Checkout) -> Result<Loaded, ReadError> {
    let entity = cache::entity(ctx, c.organisation_id, c.business_entity_id)
        .await
        .context("reading the seller entity")?
        .ok_or(ReadError::NotFound)?;
    Ok(Loaded {
        plan: None,
        contract: None,
        contract_plan: None,
        products: Vec::new(),
        entity,
        discount: None,
        now: ctx.clock.now(),
    })
}

/// The plans offered (the session's own first) and every product they name.
async fn plan_choices(
    ctx: &Ctx,
    c: &Checkout,
    loaded: &Loaded,
) -> Result<(Vec<Plan>, Vec<Product>), ReadError> {
    if c.plan_options.is_empty() {
        // Only the session's own plan: already loaded with its products.
        return Ok((
            loaded.plan.iter().cloned().collect(),
            loaded.products.clone(),
        ));
    }
    let org = c.organisation_id;
    let mut ids: Vec<Uuid> = c
        .plan_id
        .into_iter()
        .chain(c.plan_options.iter().copied())
        .collect();
    ids.dedup();
    let mut plans = ctx
        .store
        .get_plans(org, &ids)
        .await
        .context("reading the plans offered")?;
    plans.retain(|p| p.status == PlanStatus::Active || Some(p.id) == c.plan_id);
    plans.sort_by_key(|p| ids.iter().position(|i| *i == p.id));
    let mut pids: Vec<Uuid> = plans.iter().flat_map(|p| p.product_ids()).collect();
    pids.sort_unstable();
    pids.dedup();
    let products = cache::products(ctx, org, &pids)
        .await
        .context("reading the products of the plans offered")?;
    Ok((plans, products))
}

/// The plan step's form, parsed: the chosen plan, quantities of adjustable items and the
/// add-ons ticked.
///
/// A page offering several plans names its inputs per plan, because the plans may share
/// products and a form without JavaScript sends every card's inputs; only the chosen plan's
/// are read then (`scoped`).
#[derive(Debug, Clone, Default)]
pub struct PlanChoice {
    pub plan_id: Option<Uuid>,
    pub quantities: HashMap<Uuid, String>,
    pub enabled: Vec<Uuid>,
    /// `(plan_id, product_id)` → quantity typed on that plan's card.
    pub plan_quantities: HashMap<(Uuid, Uuid), String>,
    /// `(plan_id, product_id)` of the add-ons ticked on that plan's card.
    pub plan_enabled: Vec<(Uuid, Uuid)>,
    /// The form named its inputs per plan.
    pub scoped: bool,
    /// Sent by "Update total": save the choice and show the plan step again with its new
    /// order summary.
    pub recalculate: bool,
}

impl PlanChoice {
    fn quantity(&self, plan: Option<Uuid>, product: Uuid) -> Option<&String> {
        match (self.scoped, plan) {
            (true, Some(plan)) => self.plan_quantities.get(&(plan, product)),
            _ => self.quantities.get(&product),
        }
    }

    fn enabled(&self, plan: Option<Uuid>, product: Uuid) -> bool {
        match (self.scoped, plan) {
            (true, Some(plan)) => self.plan_enabled.contains(&(plan, product)),
            _ => self.enabled.contains(&product),
        }
    }
}

/// What the customer may change on a contract line during a quantity update: its quantity if
/// the plan lets customers adjust it (or the merchant proposed a quantity for it), and whether
/// it is on if the plan offers it as an add-on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineFreedom {
    pub adjustable: bool,
    pub optional: bool,
}

pub fn contract_line_freedom(
    item: &ContractItem,
    plan: Option<&Plan>,
    merchant_overrides: &[ItemOverride],
) -> LineFreedom {
    let plan_item = plan.and_then(|p| p.item(item.product_id));
    let proposed = merchant_overrides
        .iter()
        .any(|o| o.product_id == item.product_id && o.quantity.is_some());
    LineFreedom {
        adjustable: plan_item.is_none_or(|pi| pi.adjustable) || proposed,
        optional: plan_item.is_some_and(|pi| pi.optional),
    }
}

/// One line the customer sees on the plan step, and what they may change on it.
struct ChoiceLine {
    product_id: Uuid,
    freedom: LineFreedom,
    bounds: QuantityBounds,
}

/// The plan step: applies the customer's choices. Only adjustable quantities and optional
/// add-ons can change, and only to plans the merchant offered; the merchant's overrides on
/// lines the customer cannot change are kept.
pub async fn choose_plan(
    ctx: &Ctx,
    key: &LinkKey,
    choice: PlanChoice,
) -> Result<NextStep, EditError> {
    let now = ctx.clock.now();
    let h = hosted(ctx, key).await?;
    let c = &h.checkout;
    if c.status_at(now).edit().is_err() {
        return Ok(NextStep::Status);
    }
    let plan_id = match c.checkout_type {
        CheckoutType::QuantityUpdate => None,
        _ => {
            let chosen = choice.plan_id.or(c.plan_id);
            if chosen != c.plan_id && !chosen.is_some_and(|p| c.plan_options.contains(&p)) {
                return Err(not_offered());
            }
            chosen
        }
    };
    // Overrides the merchant wrote for this plan (a different plan starts from its defaults).
    let existing: &[ItemOverride] = if plan_id == c.plan_id {
        &c.product_overrides
    } else {
        &[]
    };
    let lines = choice_lines(&h, plan_id, existing)?;
    let overrides = chosen_overrides(&lines, &choice, plan_id, existing)?;
    let changes = CheckoutChanges {
        // None for a quantity update, which keeps the contract's plan.
        plan_id,
        product_overrides: Some(overrides),
        ..CheckoutChanges::default()
    };
    edited(apply(ctx, c, changes, now).await, |c| {
        if choice.recalculate {
            NextStep::Plan
        } else if c.guest_checkout {
            NextStep::Details
        } else {
            NextStep::Review
        }
    })
}

fn not_offered() -> EditError {
    EditError::Invalid(vec![FieldError::because("plan_id", Problem::NotOffered)])
}

/// The lines of the chosen plan (or of the contract, for a quantity update).
fn choice_lines(
    h: &HostedCheckout,
    plan_id: Option<Uuid>,
    existing: &[ItemOverride],
) -> Result<Vec<ChoiceLine>, EditError> {
    if h.checkout.checkout_type == CheckoutType::QuantityUpdate {
        let contract = h.loaded.contract.as_ref().ok_or(EditError::NotFound)?;
        let plan = h.loaded.contract_plan.as_ref();
        return Ok(contract
            .items
            .iter()
            .map(|i| ChoiceLine {
                product_id: i.product_id,
                freedom: contract_line_freedom(i, plan, existing),
                bounds: i.bounds(),
            })
            .collect());
    }
    let plan = h
        .plan_choices
        .iter()
        .find(|p| Some(p.id) == plan_id)
        .ok_or_else(not_offered)?;
    Ok(plan
        .items
        .iter()
        .map(|i| ChoiceLine {
            product_id: i.product_id,
            freedom: LineFreedom {
                adjustable: i.adjustable,
                optional: i.optional,
            },
            bounds: i.bounds(),
        })
        .collect())
}

/// The overrides the customer's choices lead to, each quantity within its line's bounds.
fn chosen_overrides(
    lines: &[ChoiceLine],
    choice: &PlanChoice,
    plan_id: Option<Uuid>,
    existing: &[ItemOverride],
) -> Result<Vec<ItemOverride>, EditError> {
    let mut errors = Errors::default();
    let mut overrides = Vec::new();
    for line in lines {
        let pid = line.product_id;
        let kept = existing.iter().find(|o| o.product_id == pid);
        let mut o = ItemOverride {
            product_id: pid,
            quantity: kept.and_then(|k| k.quantity),
            is_enabled: if line.freedom.optional {
                Some(choice.enabled(plan_id, pid))
            } else {
                kept.and_then(|k| k.is_enabled)
            },
        };
        // Not on the form: whatever was chosen before stays.
        if let Some(raw) = choice
            .quantity(plan_id, pid)
            .filter(|_| line.freedom.adjustable)
        {
            match raw.trim().parse::<u64>() {
                // Written out always: the default of a plan change or quantity update is the
                // contract's quantity, not the plan's.
                Ok(q) if line.bounds.allows(q) => o.quantity = Some(q),
                _ => errors.because(quantity_path(pid), Problem::Quantity),
            }
        }
        if o.quantity.is_some() || o.is_enabled.is_some() {
            overrides.push(o);
        }
    }
    errors.finish().map_err(EditError::Invalid)?;
    Ok(overrides)
}

/// The path of a quantity error on the plan step: the product's override's quantity.
pub fn quantity_path(product: Uuid) -> String {
    format!("product_overrides[{product}].quantity")
}

/// The details step (guests): stores what was typed; every problem named by its field.
pub async fn save_details(
    ctx: &Ctx,
    key: &LinkKey,
    data: CustomerData,
) -> Result<NextStep, EditError> {
    let now = ctx.clock.now();
    let c = find(ctx, SessionRef::Link(key))
        .await?
        .ok_or(EditError::NotFound)?;
    if c.status_at(now).edit().is_err() {
        return Ok(NextStep::Status);
    }
    let data = data.normalised();
    data.validate_complete("customer_data")
        .map_err(EditError::Invalid)?;
    let changes = CheckoutChanges {
        customer_data: Some(data),
        ..CheckoutChanges::default()
    };
    edited(apply(ctx, &c, changes, now).await, |_| NextStep::Review)
}

/// The review step's promotion code form: applies the code typed (or removes the session's
/// with an empty one). A code that cannot be used is an `Invalid` on `promotion_code` with
/// the reason, and changes nothing.
pub async fn apply_promotion_code(
    ctx: &Ctx,
    key: &LinkKey,
    typed: String,
) -> Result<NextStep, EditError> {
    let now = ctx.clock.now();
    let c = find(ctx, SessionRef::Link(key))
        .await?
        .ok_or(EditError::NotFound)?;
    if c.status_at(now).edit().is_err() {
        return Ok(NextStep::Status);
    }
    let changes = CheckoutChanges {
        promotion_code: Some(typed),
        ..CheckoutChanges::default()
    };
    edited(apply(ctx, &c, changes, now).await, |_| NextStep::Review)
}

/// Where an edit leads: `next` once stored; the status page if the session closed meanwhile.
fn edited(
    result: Result<Checkout, EditError>,
    next: impl FnOnce(&Checkout) -> NextStep,
) -> Result<NextStep, EditError> {
    match result {
        Ok(c) => Ok(next(&c)),
        Err(EditError::NotOpen(_)) => Ok(NextStep::Status),
        Err(e) => Err(e),
    }
}

/// The review's confirm button. Confirming twice leads both to the same place.
pub async fn confirm_hosted(ctx: &Ctx, key: &LinkKey) -> Result<NextStep, ConfirmError> {
    match confirm::confirm(ctx, SessionRef::Link(key)).await {
        Ok(confirm::Confirmed::Done(c)) => merchant(ctx, &c, c.success_url.as_ref())
            .await
            .map_err(ConfirmError::Unexpected),
        Ok(confirm::Confirmed::Previewed(_)) => Ok(NextStep::PreviewDone),
        Err(ConfirmError::EstimateChanged { .. }) => Ok(NextStep::ReviewChanged),
        Err(ConfirmError::Invalid(_)) => Ok(NextStep::Details),
        Err(ConfirmError::NotOpen(_) | ConfirmError::ContractChanged) => Ok(NextStep::Status),
        Err(e) => Err(e),
    }
}

/// The cancel button.
pub async fn cancel_hosted(ctx: &Ctx, key: &LinkKey) -> Result<NextStep, CloseError> {
    let reason = Some("cancelled by the customer".to_owned());
    match cancel::cancel(ctx, SessionRef::Link(key), reason).await {
        Ok(c) => merchant(ctx, &c, c.cancel_url.as_ref())
            .await
            .map_err(CloseError::Unexpected),
        Err(CloseError::NotOpen { .. }) => Ok(NextStep::Status),
        Err(e) => Err(e),
    }
}

/// Back to the merchant's URL, if the session has one, signed (SPEC §9) with the session's
/// status now; else our status page.
async fn merchant(
    ctx: &Ctx,
    c: &Checkout,
    url: Option<&crate::domain::redirect_url::RedirectUrl>,
) -> anyhow::Result<NextStep> {
    let Some(url) = url else {
        return Ok(NextStep::Status);
    };
    let org = ctx
        .store
        .get_organisation(c.organisation_id)
        .await
        .context("reading the redirect secret")?
        .context("the session's organisation is gone")?;
    let now = ctx.clock.now();
    Ok(NextStep::Merchant(signed_redirect(
        &url.for_checkout(c.id),
        c.id,
        c.status_at(now).as_str(),
        now.timestamp(),
        &org.redirect_secret,
    )))
}
