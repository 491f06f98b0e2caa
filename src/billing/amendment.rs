//! Amendments of an existing contract — plan changes and quantity updates — with proration.

use std::fmt::Write as _;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::invoice::{Draft, Span, carry_credit};
use super::new_subscription::{period_invoice, period_span, term_end};
use super::{BillingError, check_tax_rate, period_total};
use crate::domain::invoice::{Estimates, Invoice, LineKind};
use crate::domain::money::Currency;
use crate::domain::overrides::{AmendmentKind, ItemOverride, LineState, ProrationBehavior};
use crate::domain::period::{period_index, write_date, write_range};
use crate::domain::pricing::ItemBilling;
use crate::domain::terms::{ContractTerms, ItemTerms, PlanTerms};

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
        },
    )
}

/// What the (current) invoice for the rest of the period means, e.g. "Credits and charges
/// cover the rest of this period, 16–30 Nov 2026 (15 of 30 days)."
fn current_note(
    mode: Mode,
    rest: Span,
    period: Span,
    effective_date: NaiveDate,
    has_next: bool,
) -> String {
    let mut note = String::with_capacity(96);
    match mode {
        Mode::Prorated | Mode::Restarted | Mode::Trial => {
            note.push_str(if mode == Mode::Restarted {
                "Your current plan is credited for its unused time, "
            } else {
                "Credits and charges cover the rest of this period, "
            });
            write_range(&mut note, rest.start, rest.last_day());
            let _ = write!(note, " ({} of {} days).", rest.days(), period.days());
        }
        Mode::Deferred if has_next => {
            note.push_str("Nothing changes before ");
            write_date(&mut note, effective_date);
            note.push_str(", when the change takes effect.");
        }
        Mode::Deferred => {
            note.push_str("Your contract ends before the change would take effect.");
        }
        Mode::Immediate => {
            note.push_str("The change applies from ");
            write_date(&mut note, rest.start);
            note.push_str("; nothing is charged or credited for ");
            write_range(&mut note, rest.start, rest.last_day());
            note.push('.');
        }
    }
    note
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
}

impl Plan<'_> {
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
        let mut note = String::with_capacity(96);
        note.push_str("You are on a free trial until ");
        write_date(&mut note, Span::new(contract.start_date, anchor).last_day());
        note.push_str(", so nothing is charged or credited for this change now.");
        current.note(note);
        let next = period_invoice(
            self.currency,
            self.new,
            period_span(anchor, self.new, 0)?,
            self.term_end,
            false,
        )?;
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
            },
        )
    }

    fn finish(
        &self,
        current: Draft,
        mut next: Option<Draft>,
        f: Finish,
    ) -> Result<AmendmentEstimate, BillingError> {
        let mut current = current.finish(self.tax_rate)?;
        carry_credit(&mut current, next.as_mut(), f.d)?;
        let next = match next {
            Some(draft) => Some(draft.finish(self.tax_rate)?),
            None => None,
        };
        let mut summary = String::with_capacity(160);
        self.write_summary(&mut summary, &f, &current, next.is_some())?;
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
        })
    }

    /// Two plain sentences: what happens now, and what the customer pays from then on.
    fn write_summary(
        &self,
        s: &mut String,
        f: &Finish,
        current: &Invoice,
        has_next: bool,
    ) -> Result<(), BillingError> {
        let c = self.currency;
        match f.mode {
            Mode::Trial => {
                s.push_str("The change applies during your free trial, so nothing is charged now.")
            }
            Mode::Prorated | Mode::Restarted => {
                if current.total > Decimal::ZERO {
                    s.push_str("You pay ");
                    c.write_formatted(s, current.amount_due);
                    s.push_str(" now");
                } else if current.total < Decimal::ZERO {
                    s.push_str("You get a credit of ");
                    c.write_formatted(s, -current.total);
                    s.push_str(if has_next {
                        ", used on your next invoice,"
                    } else {
                        ", kept on your account,"
                    });
                } else {
                    s.push_str("Nothing is charged now");
                }
                if f.mode == Mode::Restarted {
                    s.push_str(" for a new billing period starting ");
                    write_date(s, f.d);
                    s.push_str(", less the unused part of your current period.");
                } else {
                    s.push_str(" for the rest of this period (");
                    write_range(s, f.rest.start, f.rest.last_day());
                    s.push_str(").");
                }
            }
            Mode::Deferred => {
                s.push_str("Your current terms stay until ");
                write_date(s, f.rest.last_day());
                s.push('.');
            }
            Mode::Immediate => {
                s.push_str("The change applies from ");
                write_date(s, f.d);
                s.push_str(" with nothing charged or credited for the rest of this period.");
            }
        }
        s.push(' ');
        if has_next {
            let tax = c.round(
                self.new_total
                    .checked_mul(self.tax_rate)
                    .ok_or(BillingError::AmountTooLarge)?
                    / Decimal::ONE_HUNDRED,
            );
            let per_period = self
                .new_total
                .checked_add(tax)
                .ok_or(BillingError::AmountTooLarge)?;
            s.push_str("From ");
            write_date(s, f.next_start);
            s.push_str(" you pay ");
            c.write_formatted(s, per_period);
            s.push_str(" per ");
            s.push_str(self.new.billing_period.adjective());
            if tax > Decimal::ZERO {
                s.push_str(" including tax");
            }
            if self
                .new
                .items
                .iter()
                .any(|i| i.enabled && i.billing == ItemBilling::Usage)
            {
                s.push_str(", plus usage");
            }
            s.push('.');
        } else {
            // No period starts after this one: the contract ends first.
            let last_day = match self.term_end {
                Some(end) => Span::new(f.rest.start, end).last_day(),
                None => f.rest.last_day(),
            };
            s.push_str("Your contract ends on ");
            write_date(s, last_day);
            if f.mode == Mode::Deferred {
                s.push_str(", before the change would take effect.");
            } else {
                s.push('.');
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::domain::period::BillingPeriod;
    use crate::domain::pricing::ItemBilling;

    fn contract(period: BillingPeriod, items: Vec<ItemTerms>, start: NaiveDate) -> ContractTerms {
        ContractTerms {
            plan: plan(period, items),
            start_date: start,
            end_date: None,
            billing_anchor_date: start,
        }
    }

    fn basic_contract() -> ContractTerms {
        contract(
            BillingPeriod::P1M,
            vec![flat_item(1, "Basic", "30")],
            date(2026, 11, 1),
        )
    }

    fn monthly(items: Vec<ItemTerms>) -> PlanTerms {
        plan(BillingPeriod::P1M, items)
    }

    fn amend(
        contract: &ContractTerms,
        new_plan: &PlanTerms,
        d: NaiveDate,
        behavior: ProrationBehavior,
        tax: &str,
    ) -> AmendmentEstimate {
        estimate_amendment(&Amendment {
            currency: usd(),
            tax_rate: dec(tax),
            contract,
            new_plan,
            effective_date: d,
            behavior,
        })
        .unwrap()
    }

    fn lines(invoice: &Invoice) -> Vec<(LineKind, Decimal, &str)> {
        invoice
            .line_items
            .iter()
            .map(|l| (l.kind, l.amount, l.description.as_str()))
            .collect()
    }

    #[test]
    fn prorate_now_credits_the_old_and_charges_the_new_terms() {
        let c = basic_contract();
        let pro = monthly(vec![flat_item(2, "Pro", "80")]);
        let est = amend(
            &c,
            &pro,
            date(2026, 11, 16),
            ProrationBehavior::ProrateNow,
            "0",
        );
        let current = &est.estimates.current_invoice;
        assert_eq!(current.period_start, date(2026, 11, 16));
        assert_eq!(current.period_end, date(2026, 11, 30));
        assert_eq!(
            lines(current),
            [
                (
                    LineKind::ProrationCredit,
                    dec("-15"),
                    "Unused time on Basic, 16–30 Nov 2026"
                ),
                (
                    LineKind::ProrationCharge,
                    dec("40"),
                    "Remaining time on Pro, 16–30 Nov 2026"
                ),
            ]
        );
        assert_eq!(current.line_items[0].period_end, date(2026, 11, 30));
        assert_eq!(current.total, dec("25"));
        assert_eq!(current.amount_due, dec("25"));
        let next = est.estimates.next_invoice.as_ref().unwrap();
        assert_eq!(next.period_start, date(2026, 12, 1));
        assert_eq!(next.period_end, date(2026, 12, 31));
        assert_eq!(
            lines(next),
            [(LineKind::Recurring, dec("80"), "Pro, 1–31 Dec 2026")]
        );
        assert_eq!(est.behavior, ProrationBehavior::ProrateNow);
        assert_eq!(est.effective_date, date(2026, 11, 16));
        assert_eq!(est.billing_anchor_date, date(2026, 11, 1));
        assert!(est.is_upgrade);
        assert_eq!(est.old_total_per_period, dec("30"));
        assert_eq!(est.new_total_per_period, dec("80"));
        assert_eq!(
            est.summary,
            "You pay $25.00 now for the rest of this period (16–30 Nov 2026). \
             From 1 Dec 2026 you pay $80.00 per month."
        );
        assert_eq!(
            current.notes,
            ["Credits and charges cover the rest of this period, 16–30 Nov 2026 (15 of 30 days)."]
        );
    }

    #[test]
    fn tax_applies_to_the_proration_subtotal() {
        let c = basic_contract();
        let pro = monthly(vec![flat_item(2, "Pro", "80")]);
        let est = amend(
            &c,
            &pro,
            date(2026, 11, 16),
            ProrationBehavior::ProrateNow,
            "10",
        );
        let current = &est.estimates.current_invoice;
        assert_eq!(current.subtotal, dec("25"));
        assert_eq!(current.tax, dec("2.50"));
        assert_eq!(current.total, dec("27.50"));
        assert_eq!(
            est.summary,
            "You pay $27.50 now for the rest of this period (16–30 Nov 2026). \
             From 1 Dec 2026 you pay $88.00 per month including tax."
        );
    }

    #[test]
    fn auto_prorates_upgrades_and_defers_downgrades() {
        let c = basic_contract();
        let d = date(2026, 11, 16);
        let pro = monthly(vec![flat_item(2, "Pro", "80")]);
        let up = amend(&c, &pro, d, ProrationBehavior::Auto, "0");
        assert_eq!(up.behavior, ProrationBehavior::ProrateNow);
        assert_eq!(up.estimates.current_invoice.total, dec("25"));

        let lite = monthly(vec![flat_item(3, "Lite", "10")]);
        let down = amend(&c, &lite, d, ProrationBehavior::Auto, "0");
        assert_eq!(down.behavior, ProrationBehavior::AtPeriodEnd);
        assert!(!down.is_upgrade);
        assert_eq!(down.effective_date, date(2026, 12, 1));
        let current = &down.estimates.current_invoice;
        assert!(current.line_items.is_empty());
        assert_eq!(current.total, dec("0"));
        assert_eq!(current.period_start, d);
        assert_eq!(current.period_end, date(2026, 11, 30));
        let next = down.estimates.next_invoice.as_ref().unwrap();
        assert_eq!(next.period_start, date(2026, 12, 1));
        assert_eq!(next.total, dec("10"));
        assert_eq!(
            down.summary,
            "Your current terms stay until 30 Nov 2026. From 1 Dec 2026 you pay $10.00 per month."
        );
        assert_eq!(
            current.notes,
            ["Nothing changes before 1 Dec 2026, when the change takes effect."]
        );

        // equal totals count as an upgrade
        let same_price = monthly(vec![flat_item(4, "Basic Plus", "30")]);
        let equal = amend(&c, &same_price, d, ProrationBehavior::Auto, "0");
        assert!(equal.is_upgrade);
        assert_eq!(equal.behavior, ProrationBehavior::ProrateNow);
    }

    #[test]
    fn auto_compares_totals_per_year_across_billing_periods() {
        let c = basic_contract(); // 30 a month = 360 a year
        let yearly = plan(
            BillingPeriod::P1Y,
            vec![flat_item(2, "Basic yearly", "300")],
        );
        let est = amend(
            &c,
            &yearly,
            date(2026, 11, 16),
            ProrationBehavior::Auto,
            "0",
        );
        assert!(!est.is_upgrade);
        assert_eq!(est.behavior, ProrationBehavior::AtPeriodEnd);
        let yearly = plan(
            BillingPeriod::P1Y,
            vec![flat_item(2, "Basic yearly", "360")],
        );
        let est = amend(
            &c,
            &yearly,
            date(2026, 11, 16),
            ProrationBehavior::Auto,
            "0",
        );
        assert!(est.is_upgrade);
    }

    #[test]
    fn none_applies_now_without_charges() {
        let c = basic_contract();
        let lite = monthly(vec![flat_item(3, "Lite", "10")]);
        let est = amend(&c, &lite, date(2026, 11, 16), ProrationBehavior::None, "0");
        assert_eq!(est.behavior, ProrationBehavior::None);
        assert_eq!(est.effective_date, date(2026, 11, 16));
        assert!(est.estimates.current_invoice.line_items.is_empty());
        assert_eq!(est.estimates.current_invoice.amount_due, dec("0"));
        assert_eq!(
            est.estimates.current_invoice.notes,
            [
                "The change applies from 16 Nov 2026; nothing is charged or credited for 16–30 Nov 2026."
            ]
        );
        let next = est.estimates.next_invoice.as_ref().unwrap();
        assert_eq!(next.period_start, date(2026, 12, 1));
        assert_eq!(next.total, dec("10"));
        assert_eq!(
            est.summary,
            "The change applies from 16 Nov 2026 with nothing charged or credited for the rest \
             of this period. From 1 Dec 2026 you pay $10.00 per month."
        );
    }

    #[test]
    fn a_negative_current_invoice_becomes_a_credit_on_the_next() {
        let c = basic_contract();
        let lite = monthly(vec![flat_item(3, "Lite", "10")]);
        let est = amend(
            &c,
            &lite,
            date(2026, 11, 16),
            ProrationBehavior::ProrateNow,
            "10",
        );
        let current = &est.estimates.current_invoice;
        assert_eq!(current.subtotal, dec("-10"));
        assert_eq!(current.tax, dec("-1"));
        assert_eq!(current.total, dec("-11"));
        assert_eq!(current.amount_due, dec("0"));
        assert_eq!(
            current.notes[1],
            "Nothing to pay now. Your credit of $10.00 (before tax) is used on your next invoice."
        );
        let next = est.estimates.next_invoice.as_ref().unwrap();
        assert_eq!(
            lines(next),
            [
                (LineKind::Recurring, dec("10"), "Lite, 1–31 Dec 2026"),
                (
                    LineKind::Credit,
                    dec("-10"),
                    "Credit from your change on 16 Nov 2026"
                ),
            ]
        );
        assert_eq!(next.total, dec("0"));
        assert_eq!(next.amount_due, dec("0"));
        assert!(next.notes.is_empty());
        assert_eq!(
            est.summary,
            "You get a credit of $11.00, used on your next invoice, for the rest of this period \
             (16–30 Nov 2026). From 1 Dec 2026 you pay $11.00 per month including tax."
        );
    }

    #[test]
    fn a_credit_larger_than_the_next_invoice_stays_on_the_account() {
        let c = basic_contract();
        let tiny = monthly(vec![flat_item(3, "Tiny", "2")]);
        let est = amend(
            &c,
            &tiny,
            date(2026, 11, 16),
            ProrationBehavior::ProrateNow,
            "0",
        );
        assert_eq!(est.estimates.current_invoice.total, dec("-14"));
        let next = est.estimates.next_invoice.as_ref().unwrap();
        assert_eq!(next.line_items[1].amount, dec("-2"));
        assert_eq!(next.total, dec("0"));
        assert_eq!(
            next.notes,
            ["A credit of $12.00 (before tax) stays on your account for later invoices."]
        );
    }

    #[test]
    fn changing_to_a_yearly_plan_restarts_the_schedule() {
        let c = basic_contract();
        let pro_yearly = plan(BillingPeriod::P1Y, vec![flat_item(2, "Pro", "300")]);
        let est = amend(
            &c,
            &pro_yearly,
            date(2026, 11, 16),
            ProrationBehavior::ProrateNow,
            "0",
        );
        let current = &est.estimates.current_invoice;
        assert_eq!(current.period_start, date(2026, 11, 16));
        assert_eq!(current.period_end, date(2027, 11, 15));
        assert_eq!(
            lines(current),
            [
                (
                    LineKind::ProrationCredit,
                    dec("-15"),
                    "Unused time on Basic, 16–30 Nov 2026"
                ),
                (
                    LineKind::Recurring,
                    dec("300"),
                    "Pro, 16 Nov 2026 – 15 Nov 2027"
                ),
            ]
        );
        assert_eq!(current.total, dec("285"));
        assert_eq!(est.billing_anchor_date, date(2026, 11, 16));
        assert_eq!(est.effective_date, date(2026, 11, 16));
        let next = est.estimates.next_invoice.as_ref().unwrap();
        assert_eq!(next.period_start, date(2027, 11, 16));
        assert_eq!(next.period_end, date(2028, 11, 15));
        assert_eq!(
            est.summary,
            "You pay $285.00 now for a new billing period starting 16 Nov 2026, less the unused \
             part of your current period. From 16 Nov 2027 you pay $300.00 per year."
        );
    }

    #[test]
    fn changing_from_yearly_to_monthly_credits_the_unused_year() {
        let c = contract(
            BillingPeriod::P1Y,
            vec![flat_item(1, "Basic yearly", "300")],
            date(2026, 1, 1),
        );
        let monthly_plan = monthly(vec![flat_item(2, "Basic monthly", "30")]);
        let est = amend(
            &c,
            &monthly_plan,
            date(2026, 11, 16),
            ProrationBehavior::ProrateNow,
            "0",
        );
        let current = &est.estimates.current_invoice;
        // 46 of 365 days unused: 300 × 46 / 365 = 37.808… → 37.81
        assert_eq!(current.line_items[0].amount, dec("-37.81"));
        assert_eq!(
            current.line_items[0].description,
            "Unused time on Basic yearly, 16 Nov – 31 Dec 2026"
        );
        assert_eq!(current.line_items[1].amount, dec("30"));
        assert_eq!(current.period_end, date(2026, 12, 15));
        assert_eq!(current.total, dec("-7.81"));
        let next = est.estimates.next_invoice.as_ref().unwrap();
        assert_eq!(next.period_start, date(2026, 12, 16));
        assert_eq!(next.line_items[1].amount, dec("-7.81"));
        assert_eq!(next.total, dec("22.19"));
    }

    #[test]
    fn a_new_billing_period_at_period_end_starts_when_the_old_period_ends() {
        let c = basic_contract();
        let yearly = plan(
            BillingPeriod::P1Y,
            vec![flat_item(2, "Basic yearly", "300")],
        );
        let est = amend(
            &c,
            &yearly,
            date(2026, 11, 16),
            ProrationBehavior::AtPeriodEnd,
            "0",
        );
        assert_eq!(est.effective_date, date(2026, 12, 1));
        assert_eq!(est.billing_anchor_date, date(2026, 12, 1));
        let next = est.estimates.next_invoice.as_ref().unwrap();
        assert_eq!(next.period_start, date(2026, 12, 1));
        assert_eq!(next.period_end, date(2027, 11, 30));
        assert_eq!(next.total, dec("300"));
    }

    #[test]
    fn the_effective_date_must_be_inside_the_term() {
        let mut c = basic_contract();
        c.end_date = Some(date(2027, 10, 31));
        let pro = monthly(vec![flat_item(2, "Pro", "80")]);
        for d in [date(2026, 10, 31), date(2027, 11, 1)] {
            let result = estimate_amendment(&Amendment {
                currency: usd(),
                tax_rate: dec("0"),
                contract: &c,
                new_plan: &pro,
                effective_date: d,
                behavior: ProrationBehavior::Auto,
            });
            assert_eq!(result, Err(BillingError::EffectiveDateOutsideTerm));
        }
        // the first and last days are inside
        amend(&c, &pro, date(2026, 11, 1), ProrationBehavior::Auto, "0");
        amend(&c, &pro, date(2027, 10, 31), ProrationBehavior::Auto, "0");
    }

    #[test]
    fn a_change_in_the_last_period_is_prorated_to_the_contract_end() {
        let mut c = basic_contract();
        c.end_date = Some(date(2026, 11, 20));
        let pro = monthly(vec![flat_item(2, "Pro", "80")]);
        let est = amend(
            &c,
            &pro,
            date(2026, 11, 16),
            ProrationBehavior::ProrateNow,
            "0",
        );
        let current = &est.estimates.current_invoice;
        assert_eq!(current.period_end, date(2026, 11, 20));
        // 5 of 30 days
        assert_eq!(current.line_items[0].amount, dec("-5"));
        assert_eq!(current.line_items[1].amount, dec("13.33"));
        assert_eq!(est.estimates.next_invoice, None);
        assert_eq!(
            est.summary,
            "You pay $8.33 now for the rest of this period (16–20 Nov 2026). \
             Your contract ends on 20 Nov 2026."
        );
        let lite = monthly(vec![flat_item(3, "Lite", "10")]);
        let est = amend(&c, &lite, date(2026, 11, 16), ProrationBehavior::Auto, "0");
        assert_eq!(est.behavior, ProrationBehavior::AtPeriodEnd);
        assert_eq!(est.estimates.next_invoice, None);
        assert_eq!(
            est.summary,
            "Your current terms stay until 20 Nov 2026. Your contract ends on 20 Nov 2026, \
             before the change would take effect."
        );
    }

    #[test]
    fn the_next_period_is_cut_by_the_contract_end() {
        let mut c = basic_contract();
        c.end_date = Some(date(2026, 12, 15));
        let pro = monthly(vec![flat_item(2, "Pro", "62")]);
        let est = amend(&c, &pro, date(2026, 11, 16), ProrationBehavior::None, "0");
        let next = est.estimates.next_invoice.as_ref().unwrap();
        assert_eq!(next.period_end, date(2026, 12, 15));
        assert_eq!(next.total, dec("30"));
    }

    #[test]
    fn month_end_anchors_prorate_over_the_short_month() {
        let c = contract(
            BillingPeriod::P1M,
            vec![flat_item(1, "Basic", "28")],
            date(2026, 1, 31),
        );
        let pro = monthly(vec![flat_item(2, "Pro", "56")]);
        let est = amend(
            &c,
            &pro,
            date(2026, 2, 15),
            ProrationBehavior::ProrateNow,
            "0",
        );
        let current = &est.estimates.current_invoice;
        // period 31 Jan – 27 Feb (28 days); 13 days left
        assert_eq!(current.period_end, date(2026, 2, 27));
        assert_eq!(current.line_items[0].amount, dec("-13"));
        assert_eq!(current.line_items[1].amount, dec("26"));
        let next = est.estimates.next_invoice.as_ref().unwrap();
        assert_eq!(next.period_start, date(2026, 2, 28));
        assert_eq!(next.period_end, date(2026, 3, 30));
        // leap year February has 29 days
        let c = contract(
            BillingPeriod::P1M,
            vec![flat_item(1, "Basic", "29")],
            date(2028, 1, 31),
        );
        let est = amend(
            &c,
            &pro,
            date(2028, 2, 15),
            ProrationBehavior::ProrateNow,
            "0",
        );
        assert_eq!(
            est.estimates.current_invoice.line_items[0].amount,
            dec("-14")
        );
        assert_eq!(
            est.estimates.next_invoice.unwrap().period_start,
            date(2028, 2, 29)
        );
    }

    #[test]
    fn a_quantity_update_prorates_tiered_items() {
        let c = contract(
            BillingPeriod::P1M,
            vec![tiered_item(1, "API calls")],
            date(2026, 11, 1),
        );
        let items = resolve_items(
            AmendmentKind::QuantityUpdate,
            &c.plan.items,
            &[],
            &[ItemOverride {
                product_id: pid(1),
                quantity: Some(2500),
                is_enabled: None,
            }],
        )
        .unwrap();
        let new_plan = PlanTerms {
            items,
            ..c.plan.clone()
        };
        let est = amend(
            &c,
            &new_plan,
            date(2026, 11, 16),
            ProrationBehavior::ProrateNow,
            "0",
        );
        // tiered(1500) = 2500, tiered(2500) = 1000 + 2250 + 500 = 3750; f = 1/2
        assert_eq!(est.old_total_per_period, dec("2500"));
        assert_eq!(est.new_total_per_period, dec("3750"));
        assert_eq!(
            lines(&est.estimates.current_invoice),
            [
                (
                    LineKind::ProrationCredit,
                    dec("-1250"),
                    "Unused time on 1,500 × API calls, 16–30 Nov 2026"
                ),
                (
                    LineKind::ProrationCharge,
                    dec("1875"),
                    "Remaining time on 2,500 × API calls, 16–30 Nov 2026"
                ),
            ]
        );
    }

    #[test]
    fn unchanged_terms_net_to_zero() {
        let c = contract(
            BillingPeriod::P1M,
            vec![
                flat_item(1, "Basic", "33.33"),
                per_unit_item(2, "Seats", "7.77", 3),
            ],
            date(2026, 11, 1),
        );
        let est = amend(
            &c,
            &c.plan,
            date(2026, 11, 10),
            ProrationBehavior::ProrateNow,
            "20",
        );
        assert_eq!(est.estimates.current_invoice.line_items.len(), 4);
        assert_eq!(est.estimates.current_invoice.total, dec("0"));
        assert!(est.is_upgrade);
    }

    #[test]
    fn changes_during_a_trial_charge_nothing_until_it_ends() {
        let mut c = basic_contract();
        c.start_date = date(2026, 3, 1);
        c.billing_anchor_date = date(2026, 3, 15);
        let pro = monthly(vec![flat_item(2, "Pro", "80")]);
        let est = amend(&c, &pro, date(2026, 3, 5), ProrationBehavior::Auto, "0");
        assert_eq!(est.behavior, ProrationBehavior::ProrateNow);
        assert_eq!(est.effective_date, date(2026, 3, 5));
        assert_eq!(est.billing_anchor_date, date(2026, 3, 15));
        let current = &est.estimates.current_invoice;
        assert!(current.line_items.is_empty());
        assert_eq!(current.period_end, date(2026, 3, 14));
        assert_eq!(
            current.notes,
            [
                "You are on a free trial until 14 Mar 2026, so nothing is charged or credited for this change now."
            ]
        );
        let next = est.estimates.next_invoice.as_ref().unwrap();
        assert_eq!(next.period_start, date(2026, 3, 15));
        assert_eq!(next.total, dec("80"));
        assert_eq!(
            est.summary,
            "The change applies during your free trial, so nothing is charged now. \
             From 15 Mar 2026 you pay $80.00 per month."
        );
        let lite = monthly(vec![flat_item(3, "Lite", "10")]);
        let est = amend(&c, &lite, date(2026, 3, 5), ProrationBehavior::Auto, "0");
        assert_eq!(est.behavior, ProrationBehavior::AtPeriodEnd);
        assert_eq!(est.effective_date, date(2026, 3, 15));
    }

    #[test]
    fn yen_and_dinar_prorations_round_to_their_minor_units() {
        let c = basic_contract();
        let mut old = c.clone();
        old.plan.items = vec![flat_item(1, "Basic", "3000")];
        let pro = monthly(vec![flat_item(2, "Pro", "8001")]);
        let est = estimate_amendment(&Amendment {
            currency: jpy(),
            tax_rate: dec("10"),
            contract: &old,
            new_plan: &pro,
            effective_date: date(2026, 11, 16),
            behavior: ProrationBehavior::ProrateNow,
        })
        .unwrap();
        let current = &est.estimates.current_invoice;
        assert_eq!(current.line_items[0].amount.to_string(), "-1500");
        assert_eq!(current.line_items[1].amount.to_string(), "4001"); // 4000.5 → 4001
        assert_eq!(current.tax.to_string(), "250"); // 250.1
        assert!(est.summary.starts_with("You pay ¥2,751 now"));

        let mut old = contract(
            BillingPeriod::P1M,
            vec![flat_item(1, "Basic", "10")],
            date(2026, 12, 1),
        );
        old.plan.items[0].pricing = crate::domain::pricing::Pricing::FlatFee { amount: dec("10") };
        let pro = monthly(vec![flat_item(2, "Pro", "25")]);
        let est = estimate_amendment(&Amendment {
            currency: kwd(),
            tax_rate: dec("0"),
            contract: &old,
            new_plan: &pro,
            effective_date: date(2026, 12, 17),
            behavior: ProrationBehavior::ProrateNow,
        })
        .unwrap();
        let current = &est.estimates.current_invoice;
        // 15 of 31 days
        assert_eq!(current.line_items[0].amount.to_string(), "-4.839");
        assert_eq!(current.line_items[1].amount.to_string(), "12.097");
        assert_eq!(current.total.to_string(), "7.258");
        assert!(est.summary.starts_with("You pay KWD 7.258 now"));
    }

    #[test]
    fn disabled_one_time_and_usage_items_are_not_prorated() {
        let c = contract(
            BillingPeriod::P1M,
            vec![
                flat_item(1, "Basic", "30"),
                ItemTerms {
                    billing: ItemBilling::OneTime,
                    ..flat_item(2, "Setup", "100")
                },
                ItemTerms {
                    billing: ItemBilling::Usage,
                    ..per_unit_item(3, "API calls", "0.001", 0)
                },
                ItemTerms {
                    enabled: false,
                    ..flat_item(4, "Add-on", "20")
                },
            ],
            date(2026, 11, 1),
        );
        let items = resolve_items(
            AmendmentKind::QuantityUpdate,
            &c.plan.items,
            &[],
            &[ItemOverride {
                product_id: pid(4),
                quantity: None,
                is_enabled: Some(true),
            }],
        )
        .unwrap();
        let new_plan = PlanTerms {
            items,
            ..c.plan.clone()
        };
        let est = amend(
            &c,
            &new_plan,
            date(2026, 11, 16),
            ProrationBehavior::ProrateNow,
            "0",
        );
        let kinds: Vec<_> = lines(&est.estimates.current_invoice)
            .into_iter()
            .map(|(k, a, _)| (k, a))
            .collect();
        assert_eq!(
            kinds,
            [
                (LineKind::ProrationCredit, dec("-15")),
                (LineKind::ProrationCharge, dec("15")),
                (LineKind::ProrationCharge, dec("10")),
            ]
        );
        let next = est.estimates.next_invoice.unwrap();
        let next_kinds: Vec<_> = next.line_items.iter().map(|l| l.kind).collect();
        assert_eq!(
            next_kinds,
            [LineKind::Recurring, LineKind::Usage, LineKind::Recurring]
        );
        assert!(
            est.summary
                .ends_with("you pay $50.00 per month, plus usage.")
        );
    }

    #[test]
    fn resolve_items_for_a_quantity_update_applies_overrides() {
        let contract_items = vec![
            per_unit_item(1, "Seats", "10", 3),
            flat_item(2, "Support", "5"),
        ];
        let items = resolve_items(
            AmendmentKind::QuantityUpdate,
            &contract_items,
            &[],
            &[ItemOverride {
                product_id: pid(1),
                quantity: Some(7),
                is_enabled: None,
            }],
        )
        .unwrap();
        assert_eq!(items[0].quantity, 7);
        assert_eq!(items[1], contract_items[1]);
    }

    #[test]
    fn resolve_items_for_a_plan_change_keeps_the_contracts_choices() {
        let contract_items = vec![
            per_unit_item(1, "Seats", "10", 3),
            ItemTerms {
                enabled: false,
                ..flat_item(2, "Support", "5")
            },
            flat_item(9, "Legacy", "1"),
        ];
        let new_plan_items = vec![
            per_unit_item(1, "Seats", "12", 1),
            flat_item(2, "Support", "6"),
            per_unit_item(3, "Storage", "1", 10),
        ];
        let items = resolve_items(
            AmendmentKind::PlanChange,
            &contract_items,
            &new_plan_items,
            &[ItemOverride {
                product_id: pid(3),
                quantity: Some(20),
                is_enabled: Some(true),
            }],
        )
        .unwrap();
        assert_eq!(items.len(), 3);
        assert_eq!((items[0].quantity, items[0].enabled), (3, true));
        assert_eq!(items[0].pricing.unit_price(), Some(dec("12")));
        assert_eq!((items[1].quantity, items[1].enabled), (1, false));
        assert_eq!((items[2].quantity, items[2].enabled), (20, true));
    }

    #[test]
    fn resolve_items_refuses_unknown_products() {
        let contract_items = vec![flat_item(1, "Basic", "10")];
        let o = ItemOverride {
            product_id: pid(42),
            quantity: Some(1),
            is_enabled: None,
        };
        assert_eq!(
            resolve_items(
                AmendmentKind::QuantityUpdate,
                &contract_items,
                &[],
                std::slice::from_ref(&o)
            ),
            Err(BillingError::UnknownProduct(pid(42)))
        );
        // a product only on the contract is unknown to the new plan
        let o = ItemOverride {
            product_id: pid(1),
            ..o
        };
        assert_eq!(
            resolve_items(
                AmendmentKind::PlanChange,
                &contract_items,
                &[flat_item(2, "Pro", "20")],
                &[o]
            ),
            Err(BillingError::UnknownProduct(pid(1)))
        );
    }

    #[test]
    fn proration_behavior_is_snake_case() {
        assert_eq!(
            serde_json::to_string(&ProrationBehavior::AtPeriodEnd).unwrap(),
            r#""at_period_end""#
        );
        assert_eq!(
            serde_json::from_str::<ProrationBehavior>(r#""prorate_now""#).unwrap(),
            ProrationBehavior::ProrateNow
        );
        assert_eq!(ProrationBehavior::default(), ProrationBehavior::Auto);
        assert_eq!(ProrationBehavior::None.as_str(), "none");
    }
}
