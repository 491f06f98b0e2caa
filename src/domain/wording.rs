//! What an estimate says, as data (SPEC §12). The engine records each sentence of an estimate
//! (an invoice's notes, what a plan change does, a discount's terms) as one of these values.
//! The English the API returns (`notes`, a change's `summary`, a discount's `summary`) is
//! written from them here, in one function per kind of sentence; the hosted pages put the
//! same values into the customer's language through `locales/*.ftl` (`views::wording`).

use std::fmt::Write as _;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::discount::{Discount, DiscountDuration, DiscountValue, Unavailable};
use super::money::Currency;
use super::period::{BillingPeriod, iso_date, write_date, write_range};

/// A discount named in a sentence: its code (or the coupon's name) and what it takes off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DiscountLabel {
    pub name: String,
    pub value: DiscountValue,
}

impl DiscountLabel {
    pub fn of(d: &Discount) -> Self {
        DiscountLabel {
            name: d.code.clone().unwrap_or_else(|| d.name.clone()),
            value: d.value,
        }
    }

    /// "SUMMER20 (20% off)".
    pub fn write_english(&self, out: &mut String) {
        out.push_str(&self.name);
        out.push_str(" (");
        self.value.write_words(out);
        out.push(')');
    }

    pub fn english(&self) -> String {
        let mut out = String::with_capacity(self.name.len() + 16);
        self.write_english(&mut out);
        out
    }
}

/// What the customer pays per period once a discount is in force, for its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DiscountThen {
    pub period: BillingPeriod,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub amount: Decimal,
}

/// How long a discount lasts, in the words a sentence needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscountSpan {
    /// The first period only.
    Once,
    /// A whole number of years.
    Years(u64),
    Months(u64),
    Forever,
}

impl DiscountSpan {
    pub fn of(duration: DiscountDuration, period: BillingPeriod) -> Self {
        match duration {
            DiscountDuration::Once => DiscountSpan::Once,
            DiscountDuration::Forever => DiscountSpan::Forever,
            DiscountDuration::Repeating(n) => {
                let months = u64::from(n) * u64::from(period.months());
                if months % 12 == 0 {
                    DiscountSpan::Years(months / 12)
                } else {
                    DiscountSpan::Months(months)
                }
            }
        }
    }
}

/// "20% off for 3 months, then $96.00 per month.", "$5.00 off your first quarter, then …",
/// "20% off every month."
pub fn discount_summary(
    value: &DiscountValue,
    span: DiscountSpan,
    then: DiscountThen,
    c: Currency,
) -> String {
    let mut s = String::with_capacity(64);
    value.write_words(&mut s);
    let per = then.period.adjective();
    match span {
        DiscountSpan::Forever => {
            let _ = write!(s, " every {per}.");
            return s;
        }
        DiscountSpan::Once => {
            let _ = write!(s, " your first {per}");
        }
        DiscountSpan::Years(1) => s.push_str(" for 1 year"),
        DiscountSpan::Years(n) => {
            let _ = write!(s, " for {n} years");
        }
        DiscountSpan::Months(1) => s.push_str(" for 1 month"),
        DiscountSpan::Months(n) => {
            let _ = write!(s, " for {n} months");
        }
    }
    s.push_str(", then ");
    c.write_formatted(&mut s, then.amount);
    let _ = write!(s, " per {per}.");
    s
}

/// One sentence under an invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum Note {
    /// Usage lines are estimated at 0 and billed in arrears.
    Usage,
    /// A credit left after this invoice, kept for later invoices.
    CreditLater {
        #[serde(with = "rust_decimal::serde::arbitrary_precision")]
        amount: Decimal,
    },
    /// Nothing to pay; the credit goes to the next invoice.
    CreditNext {
        #[serde(with = "rust_decimal::serde::arbitrary_precision")]
        amount: Decimal,
    },
    /// Nothing to pay; the credit stays on the account (no next invoice).
    CreditKept {
        #[serde(with = "rust_decimal::serde::arbitrary_precision")]
        amount: Decimal,
    },
    /// The contract ends on `last_day`, inside the period: `days` of `period_days` charged.
    EndsInPeriod {
        #[serde(with = "iso_date")]
        last_day: NaiveDate,
        days: i64,
        period_days: i64,
    },
    TrialUntil {
        #[serde(with = "iso_date")]
        last_day: NaiveDate,
    },
    FirstPayment {
        #[serde(with = "rust_decimal::serde::arbitrary_precision")]
        amount: Decimal,
        #[serde(with = "iso_date")]
        on: NaiveDate,
    },
    EndsInTrial,
    /// Credits and charges for the rest of the period, `start`…`end` (inclusive).
    RestCovered {
        #[serde(with = "iso_date")]
        start: NaiveDate,
        #[serde(with = "iso_date")]
        end: NaiveDate,
        days: i64,
        period_days: i64,
    },
    /// The current plan credited for its unused time (a new period starts now).
    RestCredited {
        #[serde(with = "iso_date")]
        start: NaiveDate,
        #[serde(with = "iso_date")]
        end: NaiveDate,
        days: i64,
        period_days: i64,
    },
    ChangeLater {
        #[serde(with = "iso_date")]
        on: NaiveDate,
    },
    EndsBeforeChange,
    /// Applied from `start` without proration for `start`…`end`.
    ChangeUnprorated {
        #[serde(with = "iso_date")]
        start: NaiveDate,
        #[serde(with = "iso_date")]
        end: NaiveDate,
    },
    DiscountReplaced {
        new: DiscountLabel,
        old: DiscountLabel,
        #[serde(with = "iso_date")]
        from: NaiveDate,
    },
    DiscountStaysUntil {
        discount: DiscountLabel,
        #[serde(with = "iso_date")]
        until: NaiveDate,
    },
    DiscountStays {
        discount: DiscountLabel,
    },
    /// A change during a free trial that ends on `until`.
    TrialChange {
        #[serde(with = "iso_date")]
        until: NaiveDate,
    },
    /// The session's discount (its code or name) cannot be used, and is left out.
    DiscountRefused {
        discount: String,
        why: Unavailable,
    },
}

impl Note {
    /// The sentence in English, amounts in `c`.
    pub fn english(&self, c: Currency) -> String {
        let mut s = String::with_capacity(96);
        let part = |s: &mut String, days: i64, of: i64| {
            let _ = write!(s, " ({days} of {of} days).");
        };
        match self {
            Note::Usage => s.push_str(
                "Usage is billed at the end of each period for what you use; it is shown here at 0.",
            ),
            Note::CreditLater { amount } => {
                s.push_str("A credit of ");
                c.write_formatted(&mut s, *amount);
                s.push_str(" (before tax) stays on your account for later invoices.");
            }
            Note::CreditNext { amount } => {
                s.push_str("Nothing to pay now. Your credit of ");
                c.write_formatted(&mut s, *amount);
                s.push_str(" (before tax) is used on your next invoice.");
            }
            Note::CreditKept { amount } => {
                s.push_str("Nothing to pay now. Your credit of ");
                c.write_formatted(&mut s, *amount);
                s.push_str(" (before tax) stays on your account.");
            }
            Note::EndsInPeriod {
                last_day,
                days,
                period_days,
            } => {
                s.push_str("Your contract ends on ");
                write_date(&mut s, *last_day);
                let _ = write!(s, ", so this period is charged for {days} of {period_days} days.");
            }
            Note::TrialUntil { last_day } => {
                s.push_str("Free trial until ");
                write_date(&mut s, *last_day);
                s.push('.');
            }
            Note::FirstPayment { amount, on } => {
                s.push_str("Your first payment of ");
                c.write_formatted(&mut s, *amount);
                s.push_str(" is on ");
                write_date(&mut s, *on);
                s.push('.');
            }
            Note::EndsInTrial => {
                s.push_str("Your contract ends during the free trial, so nothing is charged.")
            }
            Note::RestCovered {
                start,
                end,
                days,
                period_days,
            } => {
                s.push_str("Credits and charges cover the rest of this period, ");
                write_range(&mut s, *start, *end);
                part(&mut s, *days, *period_days);
            }
            Note::RestCredited {
                start,
                end,
                days,
                period_days,
            } => {
                s.push_str("Your current plan is credited for its unused time, ");
                write_range(&mut s, *start, *end);
                part(&mut s, *days, *period_days);
            }
            Note::ChangeLater { on } => {
                s.push_str("Nothing changes before ");
                write_date(&mut s, *on);
                s.push_str(", when the change takes effect.");
            }
            Note::EndsBeforeChange => {
                s.push_str("Your contract ends before the change would take effect.")
            }
            Note::ChangeUnprorated { start, end } => {
                s.push_str("The change applies from ");
                write_date(&mut s, *start);
                s.push_str("; nothing is charged or credited for ");
                write_range(&mut s, *start, *end);
                s.push('.');
            }
            Note::DiscountReplaced { new, old, from } => {
                new.write_english(&mut s);
                s.push_str(" replaces your discount ");
                old.write_english(&mut s);
                s.push_str(" from ");
                write_date(&mut s, *from);
                s.push('.');
            }
            Note::DiscountStaysUntil { discount, until } => {
                s.push_str("Your discount ");
                discount.write_english(&mut s);
                s.push_str(" stays until ");
                write_date(&mut s, *until);
                s.push('.');
            }
            Note::DiscountStays { discount } => {
                s.push_str("Your discount ");
                discount.write_english(&mut s);
                s.push_str(" stays.");
            }
            Note::TrialChange { until } => {
                s.push_str("You are on a free trial until ");
                write_date(&mut s, *until);
                s.push_str(", so nothing is charged or credited for this change now.");
            }
            Note::DiscountRefused { discount, why } => {
                let _ = write!(s, "{discount} cannot be used: {why}.");
            }
        }
        s
    }
}

/// What a plan change settles now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "settle", rename_all = "snake_case")]
pub enum Settle {
    Pay {
        #[serde(with = "rust_decimal::serde::arbitrary_precision")]
        amount: Decimal,
    },
    /// A credit, used on the next invoice (`next`) or kept on the account.
    Credit {
        #[serde(with = "rust_decimal::serde::arbitrary_precision")]
        amount: Decimal,
        next: bool,
    },
    Nothing,
}

/// The first sentence of a plan change: what happens now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "now", rename_all = "snake_case")]
pub enum ChangeNow {
    /// During a free trial: nothing charged.
    Trial,
    /// Prorated for the rest of this period, `start`…`end` (inclusive).
    ForRest {
        settle: Settle,
        #[serde(with = "iso_date")]
        start: NaiveDate,
        #[serde(with = "iso_date")]
        end: NaiveDate,
    },
    /// A new billing period starts on `from`, less the unused part of the current one.
    Restarted {
        settle: Settle,
        #[serde(with = "iso_date")]
        from: NaiveDate,
    },
    /// At the period's end: the current terms stay until `last_day`.
    StaysUntil {
        #[serde(with = "iso_date")]
        last_day: NaiveDate,
    },
    /// From `from`, with nothing charged or credited for the rest of the period.
    AppliesFrom {
        #[serde(with = "iso_date")]
        from: NaiveDate,
    },
}

/// The second sentence: what the customer pays from the next period, or when it all ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "then", rename_all = "snake_case")]
pub enum ChangeThen {
    Pays {
        #[serde(with = "iso_date")]
        from: NaiveDate,
        #[serde(with = "rust_decimal::serde::arbitrary_precision")]
        amount: Decimal,
        period: BillingPeriod,
        including_tax: bool,
        plus_usage: bool,
    },
    /// The contract ends on `last_day`, before the change would take effect when `before_change`.
    Ends {
        #[serde(with = "iso_date")]
        last_day: NaiveDate,
        before_change: bool,
    },
}

/// The scheduled change (SPEC §11) a new change replaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Replaced {
    /// The plan it would have switched to, when it was a switch.
    pub plan: Option<String>,
    #[serde(with = "iso_date")]
    pub on: NaiveDate,
}

/// What a plan change does, in two sentences and, when it replaces a scheduled change, a third.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ChangeWords {
    pub now: ChangeNow,
    pub then: ChangeThen,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<Replaced>,
}

impl ChangeWords {
    /// The sentences in English, amounts in `c`.
    pub fn english(&self, c: Currency) -> String {
        let mut s = String::with_capacity(160);
        let settle = |s: &mut String, settle: Settle| match settle {
            Settle::Pay { amount } => {
                s.push_str("You pay ");
                c.write_formatted(s, amount);
                s.push_str(" now");
            }
            Settle::Credit { amount, next } => {
                s.push_str("You get a credit of ");
                c.write_formatted(s, amount);
                s.push_str(if next {
                    ", used on your next invoice,"
                } else {
                    ", kept on your account,"
                });
            }
            Settle::Nothing => s.push_str("Nothing is charged now"),
        };
        match self.now {
            ChangeNow::Trial => {
                s.push_str("The change applies during your free trial, so nothing is charged now.")
            }
            ChangeNow::ForRest {
                settle: how,
                start,
                end,
            } => {
                settle(&mut s, how);
                s.push_str(" for the rest of this period (");
                write_range(&mut s, start, end);
                s.push_str(").");
            }
            ChangeNow::Restarted { settle: how, from } => {
                settle(&mut s, how);
                s.push_str(" for a new billing period starting ");
                write_date(&mut s, from);
                s.push_str(", less the unused part of your current period.");
            }
            ChangeNow::StaysUntil { last_day } => {
                s.push_str("Your current terms stay until ");
                write_date(&mut s, last_day);
                s.push('.');
            }
            ChangeNow::AppliesFrom { from } => {
                s.push_str("The change applies from ");
                write_date(&mut s, from);
                s.push_str(" with nothing charged or credited for the rest of this period.");
            }
        }
        s.push(' ');
        match self.then {
            ChangeThen::Pays {
                from,
                amount,
                period,
                including_tax,
                plus_usage,
            } => {
                s.push_str("From ");
                write_date(&mut s, from);
                s.push_str(" you pay ");
                c.write_formatted(&mut s, amount);
                s.push_str(" per ");
                s.push_str(period.adjective());
                if including_tax {
                    s.push_str(" including tax");
                }
                if plus_usage {
                    s.push_str(", plus usage");
                }
                s.push('.');
            }
            ChangeThen::Ends {
                last_day,
                before_change,
            } => {
                s.push_str("Your contract ends on ");
                write_date(&mut s, last_day);
                s.push_str(if before_change {
                    ", before the change would take effect."
                } else {
                    "."
                });
            }
        }
        if let Some(r) = &self.replaces {
            match &r.plan {
                Some(name) => {
                    s.push_str(" This replaces your scheduled switch to ");
                    s.push_str(name);
                    s.push_str(" on ");
                }
                None => s.push_str(" This replaces your scheduled change on "),
            }
            write_date(&mut s, r.on);
            s.push('.');
        }
        s
    }
}
