//! Estimates for a new subscription: the first invoice (or the free trial) and the next one.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::invoice::{Draft, Span};
use super::{BillingError, check_tax_rate, discount, period_total, with_tax};
use crate::domain::discount::{AppliedDiscount, Discount};
use crate::domain::invoice::Estimates;
use crate::domain::money::Currency;
use crate::domain::period::checked_period_start;
use crate::domain::terms::PlanTerms;
use crate::domain::wording::Note;

/// What a customer is about to buy.
#[derive(Debug, Clone, Copy)]
pub struct NewSubscription<'a> {
    pub currency: Currency,
    /// Percent, 0–100, applied to each invoice's subtotal.
    pub tax_rate: Decimal,
    /// The plan with the items as chosen (quantities, optional items switched on or off).
    pub plan: &'a PlanTerms,
    pub start_date: NaiveDate,
    /// Last day of service, inclusive.
    pub end_date: Option<NaiveDate>,
    /// The coupon the customer redeems, if any (SPEC §10).
    pub discount: Option<&'a Discount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSubscriptionEstimate {
    pub estimates: Estimates,
    /// The start date, or the first day after the trial.
    pub billing_anchor_date: NaiveDate,
    /// The discount with the days it covers, from the first paid period.
    pub discount: Option<AppliedDiscount>,
}

/// Exclusive end of a contract's term (the day after the inclusive `end_date`).
pub(crate) fn term_end(end_date: Option<NaiveDate>) -> Result<Option<NaiveDate>, BillingError> {
    end_date
        .map(|end| end.succ_opt().ok_or(BillingError::DateOutOfRange))
        .transpose()
}

/// Period `k` of the schedule, `[start_k, start_k+1)`.
pub(crate) fn period_span(
    anchor: NaiveDate,
    plan: &PlanTerms,
    k: i64,
) -> Result<Span, BillingError> {
    let start = checked_period_start(anchor, plan.billing_period, k);
    let end = checked_period_start(anchor, plan.billing_period, k + 1);
    match (start, end) {
        (Some(start), Some(end)) => Ok(Span::new(start, end)),
        _ => Err(BillingError::DateOutOfRange),
    }
}

/// The invoice for period `period` of `plan`, cut by the contract's end, or `None` when the
/// contract has ended before the period starts.
pub(crate) fn period_invoice(
    currency: Currency,
    plan: &PlanTerms,
    period: Span,
    term_end: Option<NaiveDate>,
    include_one_time: bool,
) -> Result<Option<Draft>, BillingError> {
    if term_end.is_some_and(|end| end <= period.start) {
        return Ok(None);
    }
    let part = period.cut(term_end);
    let mut draft = Draft::new(currency, part, plan.items.len() + 1);
    draft.push_period(&plan.items, period, part, include_one_time)?;
    if part != period {
        draft.note(Note::EndsInPeriod {
            last_day: part.last_day(),
            days: part.days(),
            period_days: period.days(),
        });
    }
    Ok(Some(draft))
}

/// Estimates the invoices of a new subscription (SPEC §6).
///
/// Without a trial the current invoice is the first period `[start, start + P)` with the
/// recurring, enabled optional and one-time items (usage at 0), and the next invoice the
/// second period with recurring items. With a trial of T days the current invoice is the
/// trial (`trial` lines, total 0) and the next invoice the first paid period from start + T,
/// which also carries the one-time items. Periods cut by `end_date` are prorated by days.
pub fn estimate_new_subscription(
    input: &NewSubscription,
) -> Result<NewSubscriptionEstimate, BillingError> {
    check_tax_rate(input.tax_rate)?;
    let start = input.start_date;
    if input.end_date.is_some_and(|end| end < start) {
        return Err(BillingError::EndBeforeStart);
    }
    let term_end = term_end(input.end_date)?;
    let plan = input.plan;
    let currency = input.currency;
    let anchor = if plan.trial_period_days == 0 {
        start
    } else {
        start
            .checked_add_days(Days::new(u64::from(plan.trial_period_days)))
            .ok_or(BillingError::DateOutOfRange)?
    };
    let applied = match input.discount {
        Some(d) => {
            let then = with_tax(
                currency,
                period_total(currency, &plan.items)?,
                input.tax_rate,
            )?;
            Some(discount::applied(
                d,
                anchor,
                anchor,
                plan.billing_period,
                currency,
                then,
            )?)
        }
        None => None,
    };
    // Each paid invoice gets the discount while its period starts inside the window.
    let discounted = |mut draft: Draft| -> Result<Draft, BillingError> {
        if let Some(a) = &applied
            && a.covers(draft.span().start)
        {
            draft.apply_discount(&a.discount)?;
        }
        Ok(draft)
    };

    if plan.trial_period_days == 0 {
        let first = period_span(start, plan, 0)?;
        let current = period_invoice(currency, plan, first, term_end, true)?
            .ok_or(BillingError::DateOutOfRange)?;
        let current = discounted(current)?.finish(input.tax_rate)?;
        let next = match period_invoice(
            currency,
            plan,
            period_span(start, plan, 1)?,
            term_end,
            false,
        )? {
            Some(draft) => Some(discounted(draft)?.finish(input.tax_rate)?),
            None => None,
        };
        return Ok(NewSubscriptionEstimate {
            estimates: Estimates {
                current_invoice: current,
                next_invoice: next,
            },
            billing_anchor_date: start,
            discount: applied,
        });
    }

    let trial = Span::new(start, anchor).cut(term_end);
    let mut current = Draft::new(currency, trial, plan.items.len());
    current.push_trial(&plan.items, trial);
    current.note(Note::TrialUntil {
        last_day: trial.last_day(),
    });
    let next = match period_invoice(
        currency,
        plan,
        period_span(anchor, plan, 0)?,
        term_end,
        true,
    )? {
        Some(draft) => Some(discounted(draft)?.finish(input.tax_rate)?),
        None => None,
    };
    match &next {
        Some(next) => current.note(Note::FirstPayment {
            amount: next.amount_due,
            on: anchor,
        }),
        None => current.note(Note::EndsInTrial),
    }
    Ok(NewSubscriptionEstimate {
        estimates: Estimates {
            current_invoice: current.finish(input.tax_rate)?,
            next_invoice: next,
        },
        billing_anchor_date: anchor,
        discount: applied,
    })
}

#[cfg(test)]
mod tests;
