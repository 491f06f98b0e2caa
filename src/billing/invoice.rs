//! Building invoices: lines with customer-readable descriptions, proration, tax, credits.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::BillingError;
use crate::domain::discount::Discount;
use crate::domain::invoice::{Invoice, LineDetail, LineItem, LineKind};
use crate::domain::money::{Currency, write_count};
use crate::domain::period::{days_between, write_date, write_range};
use crate::domain::pricing::ItemBilling;
use crate::domain::terms::ItemTerms;
use crate::domain::wording::{DiscountLabel, Note};

/// A half-open range of days `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Span {
    pub fn new(start: NaiveDate, end: NaiveDate) -> Self {
        Span { start, end }
    }

    pub fn days(self) -> i64 {
        days_between(self.start, self.end)
    }

    /// Last day, inclusive.
    pub fn last_day(self) -> NaiveDate {
        self.end.pred_opt().unwrap_or(self.end)
    }

    /// This span cut at the contract's exclusive end, if any.
    pub fn cut(self, term_end: Option<NaiveDate>) -> Span {
        match term_end {
            Some(end) if end < self.end => Span::new(self.start, end.max(self.start)),
            _ => self,
        }
    }

    pub fn write_to(self, out: &mut String) {
        write_range(out, self.start, self.last_day());
    }
}

/// `round(full × part_days / period_days)`: the SPEC's proration, exact until the one rounding.
pub(crate) fn prorate(
    currency: Currency,
    full: Decimal,
    part_days: i64,
    period_days: i64,
) -> Result<Decimal, BillingError> {
    if part_days == period_days || period_days <= 0 {
        return Ok(currency.round(full));
    }
    let scaled = full
        .checked_mul(Decimal::from(part_days))
        .and_then(|x| x.checked_div(Decimal::from(period_days)))
        .ok_or(BillingError::AmountTooLarge)?;
    Ok(currency.round(scaled))
}

pub(crate) fn full_amount(item: &ItemTerms) -> Result<Decimal, BillingError> {
    item.pricing
        .checked_amount(item.quantity)
        .ok_or(BillingError::AmountTooLarge)
}

/// Whether a line's label shows its quantity: the price depends on a quantity other than 1.
fn counted(item: &ItemTerms) -> bool {
    item.pricing.depends_on_quantity() && item.quantity != 1 && item.billing != ItemBilling::Usage
}

/// "5 × Seats" when [`counted`], else "Seats".
fn write_label(out: &mut String, item: &ItemTerms) {
    if counted(item) {
        write_count(out, item.quantity);
        out.push_str(" \u{d7} ");
    }
    out.push_str(&item.name);
}

/// The words for a span shared by several lines, formatted once: the range
/// ("16–30 Nov 2026") and, for a part of a period, how much of it (" (15 of 31 days)").
pub(crate) struct SpanWords {
    range: String,
    part: String,
    period_days: Option<i64>,
}

impl SpanWords {
    pub fn new(span: Span, prorated_of: Option<i64>) -> Self {
        let mut range = String::with_capacity(24);
        span.write_to(&mut range);
        let part = match prorated_of {
            Some(period_days) => format!(" ({} of {period_days} days)", span.days()),
            None => String::new(),
        };
        SpanWords {
            range,
            part,
            period_days: prorated_of,
        }
    }
}

/// Describes a line in words: "Unused time on Basic, 16–30 Nov 2026".
fn describe(kind: LineKind, item: &ItemTerms, words: &SpanWords) -> String {
    let mut out = String::with_capacity(item.name.len() + words.range.len() + 56);
    match kind {
        LineKind::ProrationCredit => out.push_str("Unused time on "),
        LineKind::ProrationCharge => out.push_str("Remaining time on "),
        _ => {}
    }
    write_label(&mut out, item);
    match kind {
        LineKind::OneTime => out.push_str(", one-time charge"),
        LineKind::Trial => {
            out.push_str(", free trial, ");
            out.push_str(&words.range);
        }
        LineKind::Usage => {
            out.push_str(", ");
            out.push_str(&words.range);
            out.push_str(", billed at the end of the period for what you use");
        }
        _ => {
            out.push_str(", ");
            out.push_str(&words.range);
            out.push_str(&words.part);
        }
    }
    out
}

/// An invoice being assembled.
#[derive(Clone)]
pub(crate) struct Draft {
    currency: Currency,
    span: Span,
    lines: Vec<LineItem>,
    notes: Vec<Note>,
}

impl Draft {
    pub fn new(currency: Currency, span: Span, capacity: usize) -> Self {
        Draft {
            currency,
            span,
            lines: Vec::with_capacity(capacity),
            notes: Vec::new(),
        }
    }

    pub fn currency(&self) -> Currency {
        self.currency
    }

    pub fn span(&self) -> Span {
        self.span
    }

    pub fn lines(&self) -> &[LineItem] {
        &self.lines
    }

    /// A `discount` line of `discount` over the whole invoice.
    pub fn push_discount(&mut self, discount: &Discount, description: String, amount: Decimal) {
        self.lines.push(LineItem {
            product_id: None,
            name: discount.name.clone(),
            description,
            detail: LineDetail {
                discount: Some(DiscountLabel::of(discount)),
                ..LineDetail::default()
            },
            quantity: 1,
            unit_price: None,
            amount,
            period_start: self.span.start,
            period_end: self.span.last_day(),
            kind: LineKind::Discount,
        });
    }

    pub fn note(&mut self, note: Note) {
        self.notes.push(note);
    }

    pub fn has_lines_of(&self, kind: LineKind) -> bool {
        self.lines.iter().any(|l| l.kind == kind)
    }

    fn push(
        &mut self,
        item: &ItemTerms,
        kind: LineKind,
        amount: Decimal,
        span: Span,
        words: &SpanWords,
    ) {
        self.lines.push(LineItem {
            product_id: Some(item.product_id),
            name: item.name.clone(),
            description: describe(kind, item, words),
            detail: LineDetail {
                counted: counted(item),
                period_days: words.period_days,
                ..LineDetail::default()
            },
            quantity: item.quantity,
            unit_price: item.pricing.unit_price(),
            amount,
            period_start: span.start,
            period_end: span.last_day(),
            kind,
        });
    }

    /// Adds the items billed for `part` of the period `period`:
    /// recurring items (prorated when `part` is shorter, e.g. cut by the contract's end),
    /// usage items at 0 and, when asked, one-time items in full.
    pub fn push_period(
        &mut self,
        items: &[ItemTerms],
        period: Span,
        part: Span,
        include_one_time: bool,
    ) -> Result<(), BillingError> {
        let period_days = period.days();
        let part_days = part.days();
        let partial = (part_days != period_days).then_some(period_days);
        let words = SpanWords::new(part, partial);
        for item in items.iter().filter(|i| i.enabled) {
            match item.billing {
                ItemBilling::Recurring => {
                    let amount =
                        prorate(self.currency, full_amount(item)?, part_days, period_days)?;
                    self.push(item, LineKind::Recurring, amount, part, &words);
                }
                ItemBilling::OneTime if include_one_time => {
                    let amount = self.currency.round(full_amount(item)?);
                    self.push(item, LineKind::OneTime, amount, part, &words);
                }
                ItemBilling::OneTime => {}
                ItemBilling::Usage => {
                    let zero = self.currency.round(Decimal::ZERO);
                    self.push(item, LineKind::Usage, zero, part, &words);
                }
            }
        }
        if self.has_lines_of(LineKind::Usage) {
            self.note(Note::Usage);
        }
        Ok(())
    }

    /// Adds a free-trial line (amount 0) for each enabled recurring item.
    pub fn push_trial(&mut self, items: &[ItemTerms], span: Span) {
        let zero = self.currency.round(Decimal::ZERO);
        let words = SpanWords::new(span, None);
        for item in items
            .iter()
            .filter(|i| i.enabled && i.billing == ItemBilling::Recurring)
        {
            self.push(item, LineKind::Trial, zero, span, &words);
        }
    }

    /// Adds `−round(A × f)` (old items) or `+round(B × f)` (new items) for each enabled
    /// recurring item, for `part` of a period of `period_days` days.
    pub fn push_proration(
        &mut self,
        items: &[ItemTerms],
        kind: LineKind,
        part: Span,
        period_days: i64,
    ) -> Result<(), BillingError> {
        let part_days = part.days();
        let words = SpanWords::new(part, None);
        for item in items
            .iter()
            .filter(|i| i.enabled && i.billing == ItemBilling::Recurring)
        {
            let amount = prorate(self.currency, full_amount(item)?, part_days, period_days)?;
            let amount = if kind == LineKind::ProrationCredit {
                self.currency.round(-amount)
            } else {
                amount
            };
            self.push(item, kind, amount, part, &words);
        }
        Ok(())
    }

    fn line_sum(&self) -> Result<Decimal, BillingError> {
        self.lines.iter().try_fold(Decimal::ZERO, |sum, line| {
            sum.checked_add(line.amount)
                .ok_or(BillingError::AmountTooLarge)
        })
    }

    /// Uses up to `credit` (a positive pre-tax amount) against this invoice's lines with a
    /// `credit` line, never taking the subtotal below 0. Returns what is left of the credit.
    pub fn apply_credit(
        &mut self,
        credit: Decimal,
        from: NaiveDate,
    ) -> Result<Decimal, BillingError> {
        let available = self.line_sum()?.max(Decimal::ZERO);
        let used = credit.min(available);
        if used > Decimal::ZERO {
            let mut description = String::with_capacity(48);
            description.push_str("Credit from your change on ");
            write_date(&mut description, from);
            self.lines.push(LineItem {
                product_id: None,
                name: "Credit".to_owned(),
                description,
                detail: LineDetail {
                    credit_from: Some(from),
                    ..LineDetail::default()
                },
                quantity: 1,
                unit_price: None,
                amount: self.currency.round(-used),
                period_start: self.span.start,
                period_end: self.span.last_day(),
                kind: LineKind::Credit,
            });
        }
        let rest = self.currency.round(credit - used);
        if rest > Decimal::ZERO {
            self.note(Note::CreditLater { amount: rest });
        }
        Ok(rest)
    }

    /// Totals the invoice: `subtotal = Σ lines` but discounts, `discount = Σ discount lines`,
    /// `tax = round((subtotal + discount) × rate / 100)`, `total = subtotal + discount + tax`,
    /// `amount_due = max(total, 0)`.
    pub fn finish(self, tax_rate: Decimal) -> Result<Invoice, BillingError> {
        let currency = self.currency;
        let (mut charged, mut discounted) = (Decimal::ZERO, Decimal::ZERO);
        for line in &self.lines {
            let sum = if line.kind == LineKind::Discount {
                &mut discounted
            } else {
                &mut charged
            };
            *sum = sum
                .checked_add(line.amount)
                .ok_or(BillingError::AmountTooLarge)?;
        }
        let subtotal = currency.round(charged);
        let discount = currency.round(discounted);
        let taxable = subtotal
            .checked_add(discount)
            .ok_or(BillingError::AmountTooLarge)?;
        let tax = currency.round(
            taxable
                .checked_mul(tax_rate)
                .ok_or(BillingError::AmountTooLarge)?
                / Decimal::ONE_HUNDRED,
        );
        let total = currency.round(
            taxable
                .checked_add(tax)
                .ok_or(BillingError::AmountTooLarge)?,
        );
        let amount_due = currency.round(total.max(Decimal::ZERO));
        let mut invoice = Invoice {
            currency,
            period_start: self.span.start,
            period_end: self.span.last_day(),
            line_items: self.lines,
            subtotal,
            discount,
            tax,
            total,
            amount_due,
            notes: Vec::with_capacity(self.notes.len()),
            note_details: Vec::with_capacity(self.notes.len()),
        };
        for note in self.notes {
            invoice.push_note(note);
        }
        Ok(invoice)
    }
}

/// When an invoice is a credit (negative total), the pre-tax amount to carry to the next
/// invoice. Tax is then recomputed on the next invoice's reduced subtotal, so the tax
/// credited now is not given twice.
pub(crate) fn carried_credit(invoice: &Invoice) -> Decimal {
    if invoice.total < Decimal::ZERO {
        -(invoice.subtotal + invoice.discount)
    } else {
        Decimal::ZERO
    }
}

/// Carries a credit from the current invoice to the next one and explains it in both.
pub(crate) fn carry_credit(
    current: &mut Invoice,
    next: Option<&mut Draft>,
    from: NaiveDate,
) -> Result<(), BillingError> {
    let credit = carried_credit(current);
    if credit <= Decimal::ZERO {
        return Ok(());
    }
    let amount = current.currency.round(credit);
    match next {
        Some(next) => {
            current.push_note(Note::CreditNext { amount });
            next.apply_credit(credit, from)?;
        }
        None => current.push_note(Note::CreditKept { amount }),
    }
    Ok(())
}

#[cfg(test)]
mod tests;
