//! The review step: what the customer agrees to when they confirm.

use super::{Urls, layout, steps};
use crate::domain::checkout::CheckoutType;
use crate::domain::overrides::ProrationBehavior;
use crate::routes::hosted::forms::PROMOTION_CODE_FIELD;
use crate::services::checkouts::HostedCheckout;
use crate::views::pages::{ContractLine, PromotionBox, ReviewPage};
use crate::views::{InvoiceView, date, money, price_words};

/// The promotion code as typed and why it was refused, for a page shown again (`422`).
#[derive(Debug, Clone, Default)]
pub struct CodeForm {
    pub value: String,
    pub error: String,
}

/// The review: the contract, both invoices, and for amendments what changes and when.
/// `estimate_changed`: confirm found a new estimate, which this page now shows.
pub fn review_page(
    h: &HostedCheckout,
    csrf: &str,
    nonce: &str,
    estimate_changed: bool,
    code: &CodeForm,
) -> ReviewPage {
    let c = &h.checkout;
    let urls = Urls::of(c);
    let est = &c.quote.estimates;
    let currency = est.current_invoice.currency;
    let plan = match c.checkout_type {
        CheckoutType::QuantityUpdate => h.loaded.contract_plan.as_ref(),
        _ => h.loaded.plan.as_ref(),
    };
    let plan_name = plan.map_or_else(|| "Subscription".into(), |p| p.name.clone());
    let period = plan.map_or("period", |p| p.billing_period.adjective());
    let dates = match c.end_date {
        Some(end) => format!("From {} to {}", date(c.start_date), date(end)),
        None => match c.checkout_type {
            CheckoutType::NewSubscription => format!(
                "Starts {}, renews every {period} until cancelled",
                date(c.start_date)
            ),
            _ => format!(
                "Change effective {}",
                date(
                    c.quote
                        .change
                        .as_ref()
                        .map_or(c.start_date, |s| s.effective_date)
                )
            ),
        },
    };
    // The contract's lines after this checkout, as the engine resolved them.
    let period_of_plan = plan.map(|p| p.billing_period);
    let lines = match period_of_plan {
        Some(period) => h
            .items
            .iter()
            .filter(|t| t.enabled)
            .map(|t| ContractLine {
                name: t.name.clone(),
                quantity: t.quantity.to_string(),
                price: price_words(
                    &t.pricing,
                    currency,
                    t.unit_label.as_deref(),
                    t.billing,
                    period,
                ),
            })
            .collect(),
        None => Vec::new(),
    };
    let customer_lines = {
        let d = &c.customer_data;
        let mut v: Vec<String> = [&d.customer_name, &d.company_name, &d.email, &d.tax_id]
            .iter()
            .filter_map(|s| (*s).clone())
            .collect();
        if let Some(a) = &d.address {
            v.extend([&a.line1, &a.line2].iter().filter_map(|s| (*s).clone()));
            let city: Vec<String> = [&a.postal_code, &a.city, &a.state, &a.country]
                .iter()
                .filter_map(|s| (*s).clone())
                .collect();
            if !city.is_empty() {
                v.push(city.join(" "));
            }
        }
        v
    };
    let (heading, confirm_label) = match c.checkout_type {
        CheckoutType::NewSubscription => ("Review and subscribe", "Confirm and subscribe"),
        CheckoutType::PlanChange => ("Review your plan change", "Confirm change"),
        CheckoutType::QuantityUpdate => ("Review your changes", "Confirm changes"),
    };
    let change_summary = c.quote.change.as_ref().map(|s| {
        let when = match s.behavior {
            ProrationBehavior::AtPeriodEnd => {
                format!(" The change takes effect on {}.", date(s.effective_date))
            }
            _ => String::new(),
        };
        format!("{}{when}", s.summary)
    });
    ReviewPage {
        layout: layout(h, heading, csrf, nonce),
        steps: steps(h, "Review"),
        confirm_action: urls.confirm(),
        cancel_action: urls.cancel(),
        heading: heading.to_owned(),
        plan_name,
        dates,
        billing: format!(
            "Billed every {period}, in advance. Prices in {}.",
            currency.code()
        ),
        lines,
        change_summary: change_summary.unwrap_or_default(),
        customer_lines,
        current_invoice: InvoiceView::new(
            if c.checkout_type == CheckoutType::NewSubscription {
                "First invoice"
            } else {
                "Invoice now"
            },
            &est.current_invoice,
            h.loaded.entity.tax_rate,
        ),
        next_invoice: est
            .next_invoice
            .as_ref()
            .map(|i| InvoiceView::new("Next invoice", i, h.loaded.entity.tax_rate)),
        due_today: money(currency, est.current_invoice.amount_due),
        notice: if estimate_changed {
            "The price changed since you last looked. Please review the updated estimate before confirming."
        } else {
            ""
        }
        .to_owned(),
        confirm_label: confirm_label.to_owned(),
        discount_summary: c
            .quote
            .discount
            .as_ref()
            .map(|d| d.summary.clone())
            .unwrap_or_default(),
        promotion: c.allow_promotion_codes.then(|| PromotionBox {
            action: urls.promotion_code(),
            field: PROMOTION_CODE_FIELD,
            value: code.value.clone(),
            error: code.error.clone(),
            applied: c
                .quote
                .discount
                .as_ref()
                .and_then(|d| d.discount.code.clone())
                .unwrap_or_default(),
        }),
    }
}
