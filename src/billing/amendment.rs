//! Amendments of an existing contract — plan changes and quantity updates — with proration.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::invoice::{Draft, Span, carry_credit};
use super::new_subscription::{period_invoice, period_span, term_end};
use super::{BillingError, check_tax_rate, discount, period_total, with_tax};
use crate::domain::discount::{AppliedDiscount, Discount};
use crate::domain::invoice::{Estimates, Invoice, LineKind};
use crate::domain::money::Currency;
use crate::domain::overrides::{AmendmentKind, ItemOverride, LineState, ProrationBehavior};
use crate::domain::period::period_index;
use crate::domain::pricing::ItemBilling;
use crate::domain::terms::{ContractTerms, ItemTerms, PlanTerms};
use crate::domain::wording::{
    self, ChangeNow, ChangeThen, ChangeWords, DiscountLabel, Note, Settle,
};

/// What the contract's items become.
///
/// * `QuantityUpdate`: the contract's items with the overrides applied.
/// * `PlanChange`: the new plan's items; products that are also on the contract keep the
///   contract's quantity and enabled state, others take the plan's defaults; overrides apply
///   last.
///
/// An override for a product that is not among the resulting items is
/// [`BillingError::UnknownProduct`] (the API validates first; this keeps the engine total).
pub fn resolve_items(
    kind: AmendmentKind,
    contract_items: &[ItemTerms],
    new_plan_items: &[ItemTerms],
    overrides: &[ItemOverride],
) -> Result<Vec<ItemTerms>, BillingError> {
    let mut items: Vec<ItemTerms> = match kind {
        AmendmentKind::QuantityUpdate => contract_items.to_vec(),
        AmendmentKind::PlanChange => new_plan_items
            .iter()
            .map(|item| {
                let on_contract = contract_items
                    .iter()
                    .find(|c| c.product_id == item.product_id)
                    .map(ItemTerms::state);
                item.clone()
                    .with_state(LineState::on_plan_change(item.state(), on_contract))
            })
            .collect(),
    };
    for o in overrides {
        let mut found = false;
        for item in items.iter_mut().filter(|i| i.product_id == o.product_id) {
            found = true;
            *item = item.clone().with_state(item.state().with_override(Some(o)));
        }
        if !found {
            return Err(BillingError::UnknownProduct(o.product_id));
        }
    }
    Ok(items)
}

/// A change to an existing contract, effective on `effective_date`.
#[derive(Debug, Clone, Copy)]
pub struct Amendment<'a> {
    pub currency: Currency,
    /// Percent, 0–100.
    pub tax_rate: Decimal,
    pub contract: &'a ContractTerms,
    /// The terms after the change, items already resolved with [`resolve_items`]. For a
    /// quantity update this is the contract's plan with the updated items.
    pub new_plan: &'a PlanTerms,
    pub effective_date: NaiveDate,
    pub behavior: ProrationBehavior,
    /// A discount the change brings; it replaces the contract's from the effective date.
    pub new_discount: Option<&'a Discount>,
    /// A change the contract has scheduled after the effective date, which this one replaces
    /// (SPEC §11); the summary says so.
    pub replaces: Option<Replaced<'a>>,
}

/// A scheduled change an amendment replaces.
#[derive(Debug, Clone, Copy)]
pub struct Replaced<'a> {
    /// The plan it would switch to; `None` when it keeps the plan (a quantity change).
    pub plan_name: Option<&'a str>,
    pub on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmendmentEstimate {
    pub estimates: Estimates,
    /// The behaviour applied; never `Auto`.
    pub behavior: ProrationBehavior,
    /// When the contract change takes effect: the requested date, or the end of the current
    /// period for `at_period_end`.
    pub effective_date: NaiveDate,
    /// The contract's billing anchor after the change.
    pub billing_anchor_date: NaiveDate,
    /// New total per year ≥ old total per year.
    pub is_upgrade: bool,
    /// One full period of the old terms' enabled recurring items, before tax.
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub old_total_per_period: Decimal,
    /// One full period of the new terms' enabled recurring items, before tax.
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub new_total_per_period: Decimal,
    /// A plain sentence for the customer, e.g. "You pay $15.00 now for the rest of this period
    /// (16–30 Nov 2026). From 1 Dec 2026 you pay $80.00 per month."
    pub summary: String,
    /// The same sentences as data, for the pages to say them in the customer's language.
    pub summary_details: ChangeWords,
    /// The discount the contract holds after the change: the one it brings, else the
    /// contract's own (its window unchanged).
    pub discount: Option<AppliedDiscount>,
}

/// Estimates the invoices of a plan change or quantity update (SPEC §6).
///
/// With `[s, e)` the period containing the effective date d:
/// * `prorate_now`: the current invoice `[d, e)` credits `round(A × f)` for each old recurring
///   item and charges `round(B × f)` for each new one, `f = days(d, e) / days(s, e)`; the next
///   invoice is `[e, e + P)` at the new terms. A different billing period restarts the
///   schedule at d: credit for the unused old period, the full new period `[d, d + P_new)`.
/// * `at_period_end`: nothing for `[d, e)`; the change takes effect at e.
/// * `none`: the change takes effect at d with nothing charged or credited for `[d, e)`.
/// * `auto`: `prorate_now` for an upgrade (new total per year ≥ old), else `at_period_end`.
///
/// During a free trial nothing is charged or credited; the change applies at d (or at the
/// trial's end for `at_period_end`) and the next invoice is the first paid period.
pub fn estimate_amendment(input: &Amendment) -> Result<AmendmentEstimate, BillingError> {
    check_tax_rate(input.tax_rate)?;
    let contract = input.contract;
    let currency = input.currency;
    let d = input.effective_date;
    if contract
        .end_date
        .is_some_and(|end| end < contract.start_date)
    {
        return Err(BillingError::EndBeforeStart);
    }
    if d < contract.start_date || contract.end_date.is_some_and(|end| d > end) {
        return Err(BillingError::EffectiveDateOutsideTerm);
    }
    let term_end = term_end(contract.end_date)?;
    let old = &contract.plan;
    let new = input.new_plan;

    let old_total = period_total(currency, &old.items)?;
    let new_total = period_total(currency, &new.items)?;
    let per_year = |total: Decimal, plan: &PlanTerms| {
        total
            .checked_mul(Decimal::from(plan.billing_period.periods_per_year()))
            .ok_or(BillingError::AmountTooLarge)
    };
    let is_upgrade = per_year(new_total, new)? >= per_year(old_total, old)?;
    let behavior = match input.behavior {
        ProrationBehavior::Auto if is_upgrade => ProrationBehavior::ProrateNow,
        ProrationBehavior::Auto => ProrationBehavior::AtPeriodEnd,
        other => other,
    };
    let period_changes = old.billing_period != new.billing_period;
    let anchor = contract.billing_anchor_date;

    let plan = Plan {
        currency,
        tax_rate: input.tax_rate,
        new,
        new_total,
        term_end,
        new_discount: input.new_discount,
        then_per_period: with_tax(currency, new_total, input.tax_rate)?,
        replaces: input.replaces,
    };

    if d < anchor {
        return plan.during_trial(contract, d, behavior, is_upgrade, old_total);
    }

    let k = period_index(anchor, old.billing_period, d);
    let period = period_span(anchor, old, k)?;
    let rest = Span::new(d, period.end).cut(term_end);

    let (current, next, effective_date, new_anchor, next_start, mode) = match behavior {
        ProrationBehavior::ProrateNow if period_changes => {
            // The schedule restarts at d: credit the unused old period, bill a full new one.
            let new_period = period_span(d, new, 0)?;
            let charged = new_period.cut(term_end);
            let mut current = Draft::new(currency, charged, old.items.len() + new.items.len());
            current.push_proration(&old.items, LineKind::ProrationCredit, rest, period.days())?;
            current.push_period(&new.items, new_period, charged, false)?;
            let next_period = period_span(d, new, 1)?;
            let next = period_invoice(currency, new, next_period, term_end, false)?;
            (current, next, d, d, next_period.start, Mode::Restarted)
        }
        ProrationBehavior::ProrateNow => {
            let mut current = Draft::new(currency, rest, old.items.len() + new.items.len());
            current.push_proration(&old.items, LineKind::ProrationCredit, rest, period.days())?;
            current.push_proration(&new.items, LineKind::ProrationCharge, rest, period.days())?;
            let next_period = period_span(anchor, old, k + 1)?;
            let next = period_invoice(currency, new, next_period, term_end, false)?;
            (current, next, d, anchor, next_period.start, Mode::Prorated)
        }
        ProrationBehavior::AtPeriodEnd | ProrationBehavior::None | ProrationBehavior::Auto => {
            let current = Draft::new(currency, rest, 0);
            // With a new billing period the new schedule starts when the old period ends.
            let (new_anchor, next_period) = if period_changes {
                (period.end, period_span(period.end, new, 0)?)
            } else {
                (anchor, period_span(anchor, old, k + 1)?)
            };
            let next = period_invoice(currency, new, next_period, term_end, false)?;
            let (effective, mode) = if behavior == ProrationBehavior::None {
                (d, Mode::Immediate)
            } else {
                (period.end, Mode::Deferred)
            };
            (
                current,
                next,
                effective,
                new_anchor,
                next_period.start,
                mode,
            )
        }
    };
    let mut current = current;
    let mut next = next;
    let first = if mode == Mode::Deferred {
        effective_date
    } else {
        d
    };
    let after = plan.discount_after(contract, first, new_anchor)?;
    if matches!(mode, Mode::Prorated | Mode::Restarted) {
        // The credit returns what was paid for the old terms; the charge is discounted when
        // the discount is in force on the day the new terms start.
        if let Some(before) = contract
            .discount
            .as_ref()
            .filter(|b| b.covers(period.start))
        {
            current.return_discount(&before.discount, &old.items, rest.days(), period.days())?;
        }
        if let Some(a) = after.as_ref().filter(|a| a.covers(d)) {
            current.apply_discount(&a.discount)?;
        }
    }
    discount_next(next.as_mut(), after.as_ref())?;
    plan.note_discount(&mut current, contract, after.as_ref(), first);
    current.note(current_note(
        mode,
        rest,
        period,
        effective_date,
        next.is_some(),
    ));
    plan.finish(
        current,
        next,
        Finish {
            mode,
            behavior,
            effective_date,
            billing_anchor_date: new_anchor,
            next_start,
            rest,
            is_upgrade,
            old_total,
            d,
            discount: after,
        },
    )
}

/// The next invoice gets the discount while its period starts inside the window.
fn discount_next(
    next: Option<&mut Draft>,
    after: Option<&AppliedDiscount>,
) -> Result<(), BillingError> {
    if let (Some(next), Some(a)) = (next, after)
        && a.covers(next.span().start)
    {
        next.apply_discount(&a.discount)?;
    }
    Ok(())
}

/// What the (current) invoice for the rest of the period means, e.g. "Credits and charges
/// cover the rest of this period, 16–30 Nov 2026 (15 of 30 days)."
fn current_note(
    mode: Mode,
    rest: Span,
    period: Span,
    effective_date: NaiveDate,
    has_next: bool,
) -> Note {
    let (start, end) = (rest.start, rest.last_day());
    let (days, period_days) = (rest.days(), period.days());
    match mode {
        Mode::Restarted => Note::RestCredited {
            start,
            end,
            days,
            period_days,
        },
        Mode::Prorated | Mode::Trial => Note::RestCovered {
            start,
            end,
            days,
            period_days,
        },
        Mode::Deferred if has_next => Note::ChangeLater { on: effective_date },
        Mode::Deferred => Note::EndsBeforeChange,
        Mode::Immediate => Note::ChangeUnprorated { start, end },
    }
}

/// How the change is settled, for the summary sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// During a free trial: nothing charged or credited.
    Trial,
    /// Credit and charge for the rest of the current period.
    Prorated,
    /// New billing period from the effective date, less a credit for the old one.
    Restarted,
    /// The change waits for the end of the current period.
    Deferred,
    /// The change applies now, nothing charged or credited.
    Immediate,
}

/// What every branch needs to finish an estimate.
struct Plan<'a> {
    currency: Currency,
    tax_rate: Decimal,
    new: &'a PlanTerms,
    new_total: Decimal,
    term_end: Option<NaiveDate>,
    new_discount: Option<&'a Discount>,
    /// One full period of the new terms with tax.
    then_per_period: Decimal,
    replaces: Option<Replaced<'a>>,
}

struct Finish {
    mode: Mode,
    behavior: ProrationBehavior,
    effective_date: NaiveDate,
    billing_anchor_date: NaiveDate,
    next_start: NaiveDate,
    /// The rest of the current period, `[d, e)` cut by the contract's end.
    rest: Span,
    is_upgrade: bool,
    old_total: Decimal,
    d: NaiveDate,
    discount: Option<AppliedDiscount>,
}

impl Plan<'_> {
    /// The discount after the change: the one it brings, counted from the period of the new
    /// schedule (`new_anchor`) that contains `first`, else the contract's.
    fn discount_after(
        &self,
        contract: &ContractTerms,
        first: NaiveDate,
        new_anchor: NaiveDate,
    ) -> Result<Option<AppliedDiscount>, BillingError> {
        let period = self.new.billing_period;
        Ok(match (self.new_discount, &contract.discount) {
            (Some(d), _) => Some(discount::applied(
                d,
                first,
                new_anchor,
                period,
                self.currency,
                self.then_per_period,
            )?),
            (None, Some(a)) => Some(discount::restated(
                a,
                period,
                self.currency,
                self.then_per_period,
            )),
            (None, None) => None,
        })
    }

    /// Says what becomes of the contract's discount: replaced, or kept until when.
    fn note_discount(
        &self,
        current: &mut Draft,
        contract: &ContractTerms,
        after: Option<&AppliedDiscount>,
        first: NaiveDate,
    ) {
        let Some(before) = &contract.discount else {
            return;
        };
        let old = DiscountLabel::of(&before.discount);
        let note = match (self.new_discount, after) {
            (Some(_), Some(a)) => Note::DiscountReplaced {
                new: DiscountLabel::of(&a.discount),
                old,
                from: first,
            },
            _ => match before.ends_before {
                Some(end) if end <= first => return,
                Some(end) => Note::DiscountStaysUntil {
                    discount: old,
                    until: end.pred_opt().unwrap_or(end),
                },
                None => Note::DiscountStays { discount: old },
            },
        };
        current.note(note);
    }

    fn during_trial(
        &self,
        contract: &ContractTerms,
        d: NaiveDate,
        behavior: ProrationBehavior,
        is_upgrade: bool,
        old_total: Decimal,
    ) -> Result<AmendmentEstimate, BillingError> {
        let anchor = contract.billing_anchor_date;
        let rest = Span::new(d, anchor).cut(self.term_end);
        let mut current = Draft::new(self.currency, rest, 0);
        current.note(Note::TrialChange {
            until: Span::new(contract.start_date, anchor).last_day(),
        });
        let mut next = period_invoice(
            self.currency,
            self.new,
            period_span(anchor, self.new, 0)?,
            self.term_end,
            false,
        )?;
        let after = self.discount_after(contract, anchor, anchor)?;
        discount_next(next.as_mut(), after.as_ref())?;
        self.note_discount(&mut current, contract, after.as_ref(), anchor);
        let effective_date = if behavior == ProrationBehavior::AtPeriodEnd {
            anchor
        } else {
            d
        };
        self.finish(
            current,
            next,
            Finish {
                mode: Mode::Trial,
                behavior,
                effective_date,
                billing_anchor_date: anchor,
                next_start: anchor,
                rest,
                is_upgrade,
                old_total,
                d,
                discount: after,
            },
        )
    }

    fn finish(
        &self,
        current: Draft,
        mut next: Option<Draft>,
        f: Finish,
    ) -> Result<AmendmentEstimate, BillingError> {
        // What a whole next period costs with the discount in force on it, before any credit
        // carried to it: what "from then on you pay" means while the discount lasts.
        let discounted_then = match (&next, &f.discount) {
            (Some(draft), Some(a))
                if a.covers(draft.span().start)
                    && self.term_end.is_none_or(|end| end > draft.span().end) =>
            {
                Some(draft.clone().finish(self.tax_rate)?.total)
            }
            _ => None,
        };
        let mut current = current.finish(self.tax_rate)?;
        carry_credit(&mut current, next.as_mut(), f.d)?;
        let next = match next {
            Some(draft) => Some(draft.finish(self.tax_rate)?),
            None => None,
        };
        let words = ChangeWords {
            now: Self::now(&f, &current, next.is_some()),
            then: self.then(&f, next.is_some(), discounted_then),
            replaces: self.replaces.map(|r| wording::Replaced {
                plan: r.plan_name.map(str::to_owned),
                on: r.on,
            }),
        };
        let summary = words.english(self.currency);
        Ok(AmendmentEstimate {
            estimates: Estimates {
                current_invoice: current,
                next_invoice: next,
            },
            behavior: f.behavior,
            effective_date: f.effective_date,
            billing_anchor_date: f.billing_anchor_date,
            is_upgrade: f.is_upgrade,
            old_total_per_period: f.old_total,
            new_total_per_period: self.new_total,
            summary,
            summary_details: words,
            discount: f.discount,
        })
    }

    /// The first sentence: what happens now.
    fn now(f: &Finish, current: &Invoice, has_next: bool) -> ChangeNow {
        let settle = if current.total > Decimal::ZERO {
            Settle::Pay {
                amount: current.amount_due,
            }
        } else if current.total < Decimal::ZERO {
            Settle::Credit {
                amount: -current.total,
                next: has_next,
            }
        } else {
            Settle::Nothing
        };
        match f.mode {
            Mode::Trial => ChangeNow::Trial,
            Mode::Restarted => ChangeNow::Restarted { settle, from: f.d },
            Mode::Prorated => ChangeNow::ForRest {
                settle,
                start: f.rest.start,
                end: f.rest.last_day(),
            },
            Mode::Deferred => ChangeNow::StaysUntil {
                last_day: f.rest.last_day(),
            },
            Mode::Immediate => ChangeNow::AppliesFrom { from: f.d },
        }
    }

    /// The second sentence: what the customer pays from then on (`discounted`: with the
    /// discount in force then), or when the contract ends.
    fn then(&self, f: &Finish, has_next: bool, discounted: Option<Decimal>) -> ChangeThen {
        if has_next {
            ChangeThen::Pays {
                from: f.next_start,
                amount: discounted.unwrap_or(self.then_per_period),
                period: self.new.billing_period,
                including_tax: self.then_per_period - self.new_total > Decimal::ZERO,
                plus_usage: self
                    .new
                    .items
                    .iter()
                    .any(|i| i.enabled && i.billing == ItemBilling::Usage),
            }
        } else {
            // No period starts after this one: the contract ends first.
            let last_day = match self.term_end {
                Some(end) => Span::new(f.rest.start, end).last_day(),
                None => f.rest.last_day(),
            };
            ChangeThen::Ends {
                last_day,
                before_change: f.mode == Mode::Deferred,
            }
        }
    }
}

#[cfg(test)]
mod tests;
