//! Invoice estimates as the API and the pages show them (SPEC §5). The engine in `billing`
//! builds them; everything above reads them.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::money::Currency;
use super::wording::{DiscountLabel, Note};

/// What a line of an invoice is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// A recurring item for a period (possibly a part of one at the end of the contract).
    Recurring,
    /// A one-time charge on the first paid invoice of a new subscription.
    OneTime,
    /// A metered item, billed in arrears; estimated at 0.
    Usage,
    /// The new terms for the rest of the current period.
    ProrationCharge,
    /// The unused rest of the current period at the old terms (negative).
    ProrationCredit,
    /// A credit left by an earlier invoice, used up on this one (negative).
    Credit,
    /// An item during a free trial (0).
    Trial,
    /// What a coupon takes off the invoice's charges (negative), or gives back on credited
    /// time it had been taken off (positive).
    Discount,
}

/// One line of an invoice estimate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LineItem {
    pub product_id: Option<Uuid>,
    pub name: String,
    /// What the line is for, in words customers understand.
    pub description: String,
    pub quantity: u64,
    /// The catalog price of one unit for a full period, at its given precision; `None` when
    /// the price is not a single unit price (tiered, volume, package, step, credits).
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    pub unit_price: Option<Decimal>,
    /// Rounded to the currency's minor unit.
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub amount: Decimal,
    #[serde(with = "crate::domain::period::iso_date")]
    pub period_start: NaiveDate,
    /// Inclusive.
    #[serde(with = "crate::domain::period::iso_date")]
    pub period_end: NaiveDate,
    pub kind: LineKind,
    /// What the description is made of, for the pages to say it in the customer's language.
    #[serde(default, skip_serializing_if = "LineDetail::is_empty")]
    pub detail: LineDetail,
}

/// The facts behind a line's description that its other fields do not hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LineDetail {
    /// The quantity is part of the label ("5 × Seats"): the price depends on it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub counted: bool,
    /// For a part of a period, the whole period's days ("15 of 31 days").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_days: Option<i64>,
    /// A `discount` line's discount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount: Option<DiscountLabel>,
    /// A `credit` line: the day of the change that left the credit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_from: Option<NaiveDate>,
}

impl LineDetail {
    pub fn is_empty(&self) -> bool {
        *self == LineDetail::default()
    }
}

/// An invoice estimate (SPEC §5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Invoice {
    pub currency: Currency,
    #[serde(with = "crate::domain::period::iso_date")]
    pub period_start: NaiveDate,
    /// Inclusive.
    #[serde(with = "crate::domain::period::iso_date")]
    pub period_end: NaiveDate,
    pub line_items: Vec<LineItem>,
    /// Sum of the line amounts before any discount (every line but `discount` lines).
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub subtotal: Decimal,
    /// Sum of the `discount` lines (SPEC §10): what a coupon takes off (negative), net of
    /// what it gives back on credited time; 0 without a discount.
    #[serde(with = "rust_decimal::serde::arbitrary_precision", default)]
    pub discount: Decimal,
    /// `round((subtotal + discount) × tax_rate / 100)`: tax on the discounted subtotal.
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub tax: Decimal,
    /// `subtotal + discount + tax`; negative when the invoice is a credit.
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub total: Decimal,
    /// `max(total, 0)`.
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub amount_due: Decimal,
    /// Sentences for the customer (trial end, proration, credits, usage), in English.
    pub notes: Vec<String>,
    /// The same sentences as data, in the same order, for the pages to say them in the
    /// customer's language; empty in estimates stored before they were recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub note_details: Vec<Note>,
}

impl Invoice {
    /// Adds a sentence, as data and in English.
    pub fn push_note(&mut self, note: Note) {
        self.notes.push(note.english(self.currency));
        self.note_details.push(note);
    }
}

/// The invoices a checkout shows: the one issued now and the next one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Estimates {
    pub current_invoice: Invoice,
    /// `None` when the contract ends before the next period.
    pub next_invoice: Option<Invoice>,
}
