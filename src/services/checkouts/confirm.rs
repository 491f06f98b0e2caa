//! Confirm (SPEC §5): recompute the estimate with the same inputs and dates, compare it with
//! what the customer reviewed, then claim the session and write the contract in one
//! transaction. Confirming twice creates one contract and answers both the same.

use anyhow::Context as _;
use chrono::{DateTime, NaiveDate, SubsecRound as _, Utc};
use uuid::Uuid;

use super::errors::ConfirmError;
use super::pricing::{Draft, Loaded, Priced, load_session, price};
use super::{SessionRef, find_with_terms};
use crate::domain::catalog::{Contract, Customer, NewContract};
use crate::domain::checkout::{Checkout, CheckoutStatus, CheckoutType, Quote};
use crate::domain::validation::{FieldError, Problem};
use crate::services::{Ctx, Errors};
use crate::storage::{CheckoutUpdate, ConfirmOutcome, ConfirmWrite, KeptTerms, Redemption, Terms};

/// What confirm did, for the API (JSON) and the hosted page (redirect).
#[derive(Debug)]
pub enum Confirmed {
    /// The session is (now, or already was) `contract_created`.
    Done(Box<Checkout>),
    /// A preview session: everything validated, nothing written.
    Previewed(Box<Checkout>),
}

impl Confirmed {
    /// The session as it now is.
    pub fn into_checkout(self) -> Checkout {
        match self {
            Confirmed::Done(c) | Confirmed::Previewed(c) => *c,
        }
    }
}

/// `POST /checkouts/{id}/confirm` and the hosted confirm.
pub async fn confirm(ctx: &Ctx, at: SessionRef<'_>) -> Result<Confirmed, ConfirmError> {
    let (c, terms) = find_with_terms(ctx, at)
        .await?
        .ok_or(ConfirmError::NotFound)?;
    confirm_session(ctx, c, terms).await
}

async fn confirm_session(ctx: &Ctx, c: Checkout, terms: Terms) -> Result<Confirmed, ConfirmError> {
    // Whole microseconds: what both databases keep, so the rows the write returns equal what
    // was expected of them (`announcer_expecting`).
    let now = ctx.clock.now().trunc_subsecs(6);
    let (org, id) = (c.organisation_id, c.id);
    match c.status_at(now) {
        CheckoutStatus::ContractCreated => return Ok(Confirmed::Done(Box::new(c))),
        status => {
            status
                .confirm()
                .map_err(|_| ConfirmError::NotOpen(status))?;
        }
    }
    if c.guest_checkout {
        c.customer_data
            .validate_complete("customer_data")
            .map_err(ConfirmError::Invalid)?;
    }
    let (draft, loaded, priced) = reprice(ctx, &c, terms).await?;
    if priced.quote != c.quote {
        return changed(ctx, org, id, priced.quote, now).await;
    }
    if c.preview {
        return Ok(Confirmed::Previewed(Box::new(c)));
    }
    if c.checkout_type == CheckoutType::NewSubscription
        && c.customer_id.is_none()
        && !c.guest_checkout
    {
        return Err(required("customer_id"));
    }
    let write = confirm_write(&c, &loaded, &priced, now)?;
    // What the transaction writes, if it claims the session: the answer, and what the events
    // of a new subscription are rendered from before the write (see `Announcer`).
    let (contract_id, customer_id) = match &write {
        ConfirmWrite::NewContract { contract, .. } => {
            (contract.id, c.customer_id.or(Some(contract.customer_id)))
        }
        ConfirmWrite::Amend { contract_id, .. } => (*contract_id, c.customer_id),
    };
    let done = Checkout {
        status: CheckoutStatus::ContractCreated,
        contract_id: Some(contract_id),
        customer_id,
        completed_at: Some(now),
        updated_at: now,
        ..c
    };
    let announcer = match &write {
        ConfirmWrite::NewContract { contract, .. } => ctx
            .announcer_expecting(&done, contract)
            .context("rendering the events")?,
        ConfirmWrite::Amend { .. } => ctx.announcer(),
    };
    let redemption = match (&draft.discount, priced.redeems(&draft)) {
        (Some(r), true) => Some(Redemption {
            coupon_id: r.coupon_id,
            promotion_code_id: r.promotion_code_id,
            first_time_customer: first_time_customer(&loaded, &draft),
        }),
        _ => None,
    };
    let outcome = ctx
        .store
        .confirm_checkout(org, id, &write, redemption.as_ref(), now, &announcer)
        .await
        .context("writing the contract")?;
    match outcome {
        ConfirmOutcome::Confirmed { .. } => {
            super::count("completed", 1);
            ctx.outbox.wake();
            Ok(Confirmed::Done(Box::new(done)))
        }
        ConfirmOutcome::NotOpen => finished(ctx, org, id, now).await,
        ConfirmOutcome::ContractChanged => Err(ConfirmError::ContractChanged),
        ConfirmOutcome::DiscountUnavailable => {
            // Another confirm took the last redemption (or the code stopped meanwhile): the
            // customer sees the estimate without it instead of being billed another amount.
            requote(ctx, org, id, now).await
        }
    }
}

/// The existing customer a first-time code needs without a contract, checked again in the
/// confirm transaction.
fn first_time_customer(l: &Loaded, draft: &Draft) -> Option<Uuid> {
    let code = l.discount.as_ref()?.code.as_ref()?;
    if code.restrictions.first_time_transaction && draft.kind == CheckoutType::NewSubscription {
        draft.customer_id
    } else {
        None
    }
}

/// Prices the session again as it now is, stores that estimate and answers it as changed.
async fn requote(
    ctx: &Ctx,
    org: Uuid,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<Confirmed, ConfirmError> {
    let (c, terms) = find_with_terms(ctx, SessionRef::Api { org, id })
        .await?
        .ok_or(ConfirmError::NotFound)?;
    let (_, _, priced) = reprice(ctx, &c, terms).await?;
    changed(ctx, org, id, priced.quote, now).await
}

/// The session priced again with the same inputs, from the rows as they now are.
async fn reprice(
    ctx: &Ctx,
    c: &Checkout,
    terms: Terms,
) -> Result<(Draft, Loaded, Priced), ConfirmError> {
    let draft = Draft::of(c);
    let mut errors = Errors::default();
    let loaded = load_session(ctx, c, &draft, terms, &mut errors).await?;
    errors.finish().map_err(ConfirmError::Invalid)?;
    let loaded = loaded.context("terms missing although no field error was found")?;
    match price(&draft, &loaded) {
        Ok(priced) => Ok((draft, loaded, priced)),
        Err(e) => Err(ConfirmError::Invalid(e.into_invalid()?)),
    }
}

/// Stores the new estimate and answers it as changed (SPEC §5: the customer accepts it
/// before being billed).
async fn changed(
    ctx: &Ctx,
    org: Uuid,
    id: Uuid,
    quote: Quote,
    now: DateTime<Utc>,
) -> Result<Confirmed, ConfirmError> {
    let estimates = Box::new(quote.estimates.clone());
    let update = CheckoutUpdate::Requoted {
        quote: Box::new(quote),
    };
    let stored = ctx
        .store
        .update_checkout(org, id, &update, now)
        .await
        .context("storing the new estimate")?;
    if !stored {
        // The session closed meanwhile: typically a concurrent confirm of this very
        // session, whose amendment is what changed the contract we just read.
        return finished(ctx, org, id, now).await;
    }
    Err(ConfirmError::EstimateChanged { estimates })
}

fn required(field: &str) -> ConfirmError {
    ConfirmError::Invalid(vec![FieldError::because(field, Problem::Required)])
}

/// The outcome for a confirm that found the session closed by someone else: the final state
/// if it was confirmed, else why not.
async fn finished(
    ctx: &Ctx,
    org: Uuid,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<Confirmed, ConfirmError> {
    let fresh = super::find(ctx, SessionRef::Api { org, id })
        .await?
        .ok_or(ConfirmError::NotFound)?;
    match fresh.status_at(now) {
        CheckoutStatus::ContractCreated => Ok(Confirmed::Done(Box::new(fresh))),
        status => Err(ConfirmError::NotOpen(status)),
    }
}

/// What the confirm transaction writes: a new contract (and a guest's customer record), or
/// a new version of the contract being amended.
fn confirm_write(
    c: &Checkout,
    l: &Loaded,
    p: &Priced,
    now: DateTime<Utc>,
) -> Result<ConfirmWrite, ConfirmError> {
    match c.checkout_type {
        CheckoutType::NewSubscription => {
            let plan = l.plan.as_ref().context("the loaded terms have no plan")?;
            // The session's customer was checked when it was created; a guest becomes one.
            let new_customer = match c.customer_id {
                Some(_) => None,
                None => Some(guest_customer(c, now)?),
            };
            let customer_id = c
                .customer_id
                .or(new_customer.as_ref().map(|c| c.id))
                .ok_or_else(|| required("customer_id"))?;
            let contract = Contract::start(NewContract {
                organisation_id: c.organisation_id,
                customer_id,
                plan,
                start_date: c.start_date,
                end_date: c.end_date,
                billing_anchor_date: p.billing_anchor_date,
                items: &p.items,
                change_summary: format!("New subscription to {}", plan.name),
                checkout_id: Some(c.id),
                now,
                discount: p.quote.discount.clone(),
            });
            Ok(ConfirmWrite::NewContract {
                customer: new_customer.map(Box::new),
                contract: Box::new(contract),
            })
        }
        CheckoutType::PlanChange | CheckoutType::QuantityUpdate => {
            let contract = l
                .contract
                .as_ref()
                .context("the loaded terms have no contract")?;
            let plan = l
                .plan
                .as_ref()
                .or(l.contract_plan.as_ref())
                .context("the loaded terms have no plan")?;
            let summary = p
                .quote
                .change
                .as_ref()
                .map(|s| s.summary.clone())
                .unwrap_or_default();
            Ok(ConfirmWrite::Amend {
                contract_id: contract.id,
                expected_version: contract.version,
                plan_id: plan.id,
                effective_date: p.effective_date,
                billing_anchor_date: p.billing_anchor_date,
                items: contract.amended_items(plan, &p.items),
                change_summary: summary,
                discount: p.quote.discount.clone().map(Box::new),
                plan_name: plan.name.clone(),
                kept: kept_terms(contract, c.start_date, p.effective_date),
            })
        }
    }
}

/// The terms that stay in force while a change waits (SPEC §11): those in force on the day
/// the change was asked for, when it takes effect later (`at_period_end`); `None` when it is
/// in force at once, which also replaces any scheduled change.
fn kept_terms(
    contract: &Contract,
    asked_for: NaiveDate,
    effective: NaiveDate,
) -> Option<Box<KeptTerms>> {
    (effective > asked_for).then(|| {
        let now = contract.in_force_on(asked_for);
        Box::new(KeptTerms {
            plan_id: now.plan_id,
            items: now.items.to_vec(),
            billing_anchor_date: now.billing_anchor_date,
            discount: now.discount.cloned(),
            version: now.version,
        })
    })
}

/// A guest becomes a customer of the seller entity when their session is confirmed.
fn guest_customer(c: &Checkout, now: DateTime<Utc>) -> Result<Customer, ConfirmError> {
    let d = &c.customer_data;
    let name = d
        .customer_name
        .clone()
        .ok_or_else(|| required("customer_data.customer_name"))?;
    Ok(Customer {
        id: Uuid::new_v4(),
        organisation_id: c.organisation_id,
        business_entity_id: c.business_entity_id,
        customer_name: name,
        email: d.email.clone(),
        phone_number: d.phone_number.clone(),
        external_id: None,
        company_name: d.company_name.clone(),
        tax_id: d.tax_id.clone(),
        address: d.address.clone(),
        created_at: now,
    })
}
