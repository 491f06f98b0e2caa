//! The review step: what the customer agrees to when they confirm.

use super::{StepId, Urls, layout, order_summary, steps};
use crate::domain::checkout::CheckoutType;
use crate::domain::overrides::ProrationBehavior;
use crate::domain::validation::FieldError;
use crate::routes::hosted::forms::PROMOTION_CODE_FIELD;
use crate::services::checkouts::HostedCheckout;
use crate::views::pages::{ContractLine, PromotionBox, ReviewPage};
use crate::views::{InvoiceView, PageCx, emphasise, price_words, wording};

/// The promotion code as typed and why it was refused, for a page shown again (`422`).
#[derive(Debug, Clone, Default)]
pub struct CodeForm {
    pub value: String,
    pub errors: Vec<FieldError>,
}

/// The review: the contract, both invoices, and for amendments what changes and when.
/// `estimate_changed`: confirm found a new estimate, which this page now shows.
pub fn review_page(
    h: &HostedCheckout,
    cx: &PageCx,
    estimate_changed: bool,
    code: &CodeForm,
) -> ReviewPage {
    let lang = cx.lang;
    let c = &h.checkout;
    let urls = Urls::of(c);
    let est = &c.quote.estimates;
    let currency = est.current_invoice.currency;
    let plan = match c.checkout_type {
        CheckoutType::QuantityUpdate => h.loaded.contract_plan.as_ref(),
        _ => h.loaded.plan.as_ref(),
    };
    let plan_name = plan.map_or_else(|| lang.t("subscription-fallback-name"), |p| p.name.clone());
    let period = plan.map_or("P1M", |p| p.billing_period.as_str());
    let dates = match c.end_date {
        Some(end) => lang.tf(
            "dates-fixed",
            &[
                ("start", (&lang.date(c.start_date)).into()),
                ("end", (&lang.date(end)).into()),
            ],
        ),
        None => match c.checkout_type {
            CheckoutType::NewSubscription => lang.tf(
                "dates-open",
                &[
                    ("start", (&lang.date(c.start_date)).into()),
                    ("period", period.into()),
                ],
            ),
            _ => {
                let effective = c
                    .quote
                    .change
                    .as_ref()
                    .map_or(c.start_date, |s| s.effective_date);
                lang.tf("dates-change", &[("date", (&lang.date(effective)).into())])
            }
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
                name: lang.tf(
                    "line-times",
                    &[("name", (&t.name).into()), ("quantity", t.quantity.into())],
                ),
                quantity: lang.count(t.quantity),
                price: price_words(
                    lang,
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
        CheckoutType::NewSubscription => (lang.t("review-heading-new"), lang.t("confirm-new")),
        CheckoutType::PlanChange => (lang.t("review-heading-change"), lang.t("confirm-change")),
        CheckoutType::QuantityUpdate => (
            lang.t("review-heading-quantity"),
            lang.t("confirm-quantity"),
        ),
    };
    let from_to = match (c.checkout_type, &h.loaded.contract_plan, &h.loaded.plan) {
        (CheckoutType::PlanChange, Some(from), Some(to)) => lang.tf(
            "review-change-from-to",
            &[("from", (&from.name).into()), ("to", (&to.name).into())],
        ),
        _ => String::new(),
    };
    let change_summary = c.quote.change.as_ref().map(|s| {
        let said = match &s.summary_details {
            Some(w) => wording::change(lang, currency, w),
            None => s.summary.clone(),
        };
        match s.behavior {
            ProrationBehavior::AtPeriodEnd => {
                let when = lang.date(s.effective_date);
                let when = lang.tf("change-takes-effect", &[("date", (&when).into())]);
                format!("{said} {when}")
            }
            _ => said,
        }
    });
    let due = est.current_invoice.amount_due;
    let invoiced_today = if due.is_zero() {
        emphasise(lang, "nothing-invoiced-today", "amount", "")
    } else {
        emphasise(lang, "invoiced-today", "amount", &lang.money(currency, due))
    };
    let tax_rate = h.loaded.entity.tax_rate;
    let applied = c
        .quote
        .discount
        .as_ref()
        .and_then(|d| d.discount.code.clone())
        .unwrap_or_default();
    ReviewPage {
        layout: layout(h, &heading, cx),
        steps: steps(h, StepId::Review, lang),
        confirm_action: urls.confirm(),
        cancel_action: urls.cancel(),
        heading,
        from_to,
        summary: order_summary(h, plan.map(|p| p.billing_period), lang),
        plan_name,
        dates,
        billing: lang.tf(
            "billing-in-advance",
            &[
                ("period", period.into()),
                ("currency", currency.code().into()),
            ],
        ),
        lines,
        change_summary: change_summary.unwrap_or_default(),
        customer_lines,
        current_invoice: InvoiceView::new(
            lang,
            if c.checkout_type == CheckoutType::NewSubscription {
                "invoice-first"
            } else {
                "invoice-now"
            },
            &est.current_invoice,
            tax_rate,
        ),
        next_invoice: est
            .next_invoice
            .as_ref()
            .map(|i| InvoiceView::new(lang, "invoice-next", i, tax_rate)),
        invoiced_today,
        notice: if estimate_changed {
            lang.t("estimate-changed")
        } else {
            String::new()
        },
        confirm_label,
        discount_summary: c
            .quote
            .discount
            .as_ref()
            .map(|d| wording::discount_summary(lang, currency, d))
            .unwrap_or_default(),
        promotion: c.allow_promotion_codes.then(|| PromotionBox {
            action: urls.promotion_code(),
            field: PROMOTION_CODE_FIELD,
            value: code.value.clone(),
            error: code
                .errors
                .iter()
                .map(|e| wording::field_problem(lang, e))
                .collect::<Vec<_>>()
                .join("; "),
            applied_html: emphasise(lang, "promotion-applied", "code", &applied),
            applied,
        }),
    }
}
