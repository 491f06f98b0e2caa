//! Builds the hosted pages from what the services return. Formatting only.

use uuid::Uuid;

use super::pages::{
    ContractLine, DetailsPage, FieldView, ItemRow, PlanCard, PlanPage, ReviewPage, Step,
};
use super::{InvoiceView, Layout, date, money, price_words, tier_rows};
use crate::domain::catalog::{Plan, Product};
use crate::domain::checkout::CheckoutType;
use crate::domain::customer::CustomerData;
use crate::domain::overrides::{LineState, ProrationBehavior};
use crate::domain::validation::FieldError;
use crate::services::checkouts::HostedCheckout;

/// The hosted URLs of one session, built in one place.
pub struct Urls {
    pub id: Uuid,
}

impl Urls {
    pub fn entry(&self) -> String {
        format!("/checkout/{}", self.id)
    }
    pub fn plan(&self) -> String {
        format!("/checkout/{}/plan", self.id)
    }
    pub fn details(&self) -> String {
        format!("/checkout/{}/details", self.id)
    }
    pub fn review(&self) -> String {
        format!("/checkout/{}/review", self.id)
    }
    pub fn confirm(&self) -> String {
        format!("/checkout/{}/confirm", self.id)
    }
    pub fn cancel(&self) -> String {
        format!("/checkout/{}/cancel", self.id)
    }
    pub fn status(&self) -> String {
        format!("/checkout/{}/status", self.id)
    }
}

pub fn layout(h: &HostedCheckout, title: &str, csrf: &str, nonce: &str) -> Layout {
    let e = &h.loaded.entity;
    let mut l = Layout::new(
        title,
        &e.name,
        e.logo_url.as_deref(),
        e.brand_color.as_deref(),
        csrf,
        h.checkout.preview,
    );
    l.nonce = nonce.to_owned();
    l
}

pub fn steps(h: &HostedCheckout, current: &str) -> Vec<Step> {
    let urls = Urls { id: h.checkout.id };
    let mut all = vec![("Plan", urls.entry())];
    if h.checkout.guest_checkout {
        all.push(("Details", urls.details()));
    }
    all.push(("Review", urls.review()));
    let pos = all.iter().position(|(l, _)| *l == current).unwrap_or(0);
    all.into_iter()
        .enumerate()
        .map(|(i, (label, href))| Step {
            label,
            href,
            current: i == pos,
            done: i < pos,
        })
        .collect()
}

/// "$60.00 / month": one full period of the enabled recurring lines.
fn per_period(
    c: crate::domain::money::Currency,
    items: &[crate::domain::terms::ItemTerms],
    period: crate::domain::period::BillingPeriod,
) -> String {
    match crate::billing::period_total(c, items) {
        Ok(total) => format!("{} / {}", money(c, total), period.adjective()),
        Err(_) => String::new(),
    }
}

fn product(products: &[Product], id: Uuid) -> Option<&Product> {
    products.iter().find(|p| p.id == id)
}

fn plan_card(
    plan: &Plan,
    products: &[Product],
    h: &HostedCheckout,
    selected: bool,
    errors: &[FieldError],
) -> PlanCard {
    let c = &h.checkout;
    let overrides = if selected {
        c.product_overrides.as_slice()
    } else {
        &[]
    };
    let items: Vec<ItemRow> = plan
        .items
        .iter()
        .map(|i| {
            let p = product(products, i.product_id);
            let o = overrides.iter().find(|o| o.product_id == i.product_id);
            let unit = p.and_then(|p| p.unit_label.as_deref());
            let current = match (&h.loaded.contract, c.checkout_type) {
                (Some(k), CheckoutType::PlanChange) => k
                    .item(i.product_id)
                    .map(|ci| {
                        if ci.is_enabled {
                            format!("{} on your current plan", ci.quantity)
                        } else {
                            "off on your current plan".into()
                        }
                    })
                    .unwrap_or_default(),
                _ => String::new(),
            };
            let key = format!("quantity.{}", i.product_id);
            let on_contract = match (&h.loaded.contract, c.checkout_type) {
                (Some(k), CheckoutType::PlanChange) => k.item(i.product_id).map(|k| k.state()),
                _ => None,
            };
            let line = LineState::on_plan_change(i.default_state(), on_contract).with_override(o);
            ItemRow {
                product_id: i.product_id.to_string(),
                name: p.map_or_else(|| "Item".into(), |p| p.name.clone()),
                description: p.and_then(|p| p.description.clone()).unwrap_or_default(),
                price: price_words(
                    &i.pricing,
                    plan.currency,
                    unit,
                    i.billing,
                    plan.billing_period,
                ),
                tiers: tier_rows(&i.pricing, plan.currency, unit),
                quantity: line.quantity,
                min: i
                    .min_quantity
                    .map(|m| m.to_string())
                    .unwrap_or_else(|| "0".into()),
                max: i
                    .max_quantity
                    .map(|m| m.to_string())
                    .unwrap_or_else(|| "∞".into()),
                adjustable: i.adjustable,
                optional: i.optional,
                enabled: line.enabled,
                quantity_name: key.clone(),
                enabled_name: format!("enabled.{}", i.product_id),
                current,
                error: errors
                    .iter()
                    .find(|e| e.field == key)
                    .map(|e| e.message.clone())
                    .unwrap_or_default(),
            }
        })
        .collect();
    let terms = plan.terms(products);
    PlanCard {
        id: plan.id.to_string(),
        name: plan.name.clone(),
        description: plan.description.clone().unwrap_or_default(),
        period: plan.billing_period.adjective().to_owned(),
        per_period: per_period(plan.currency, &terms.items, plan.billing_period),
        selected,
        items,
    }
}

pub fn plan_page(h: &HostedCheckout, csrf: &str, nonce: &str, errors: &[FieldError]) -> PlanPage {
    let c = &h.checkout;
    let urls = Urls { id: c.id };
    let (heading, intro) = match c.checkout_type {
        CheckoutType::NewSubscription => ("Choose your plan".to_owned(), String::new()),
        CheckoutType::PlanChange => (
            "Change your plan".to_owned(),
            "Compare your current plan with the new one.".to_owned(),
        ),
        CheckoutType::QuantityUpdate => (
            "Update your subscription".to_owned(),
            "Adjust quantities and add-ons; you will see the cost before anything changes."
                .to_owned(),
        ),
    };
    let (current_plan, plans) = match c.checkout_type {
        CheckoutType::QuantityUpdate => {
            // The contract's own lines, editable within their bounds.
            let contract = h.loaded.contract.as_ref();
            let plan = h.loaded.contract_plan.as_ref();
            let cards = match (contract, plan) {
                (Some(k), Some(p)) => {
                    let items = k
                        .items
                        .iter()
                        .map(|ci| {
                            let o = c
                                .product_overrides
                                .iter()
                                .find(|o| o.product_id == ci.product_id);
                            let freedom = crate::services::checkouts::contract_line_freedom(
                                ci,
                                Some(p),
                                &c.product_overrides,
                            );
                            let key = format!("quantity.{}", ci.product_id);
                            ItemRow {
                                product_id: ci.product_id.to_string(),
                                name: ci.name.clone(),
                                description: String::new(),
                                price: price_words(
                                    &ci.pricing,
                                    k.currency,
                                    ci.unit_label.as_deref(),
                                    ci.billing,
                                    p.billing_period,
                                ),
                                tiers: tier_rows(&ci.pricing, k.currency, ci.unit_label.as_deref()),
                                quantity: o.and_then(|o| o.quantity).unwrap_or(ci.quantity),
                                min: ci
                                    .min_quantity
                                    .map(|m| m.to_string())
                                    .unwrap_or_else(|| "0".into()),
                                max: ci
                                    .max_quantity
                                    .map(|m| m.to_string())
                                    .unwrap_or_else(|| "∞".into()),
                                adjustable: freedom.adjustable,
                                optional: freedom.optional,
                                enabled: o.and_then(|o| o.is_enabled).unwrap_or(ci.is_enabled),
                                quantity_name: key.clone(),
                                enabled_name: format!("enabled.{}", ci.product_id),
                                current: if ci.is_enabled {
                                    format!("{} now", ci.quantity)
                                } else {
                                    "off now".into()
                                },
                                error: errors
                                    .iter()
                                    .find(|e| e.field == key)
                                    .map(|e| e.message.clone())
                                    .unwrap_or_default(),
                            }
                        })
                        .collect();
                    let terms: Vec<_> = k.items.iter().map(|i| i.terms()).collect();
                    vec![PlanCard {
                        id: p.id.to_string(),
                        name: p.name.clone(),
                        description: p.description.clone().unwrap_or_default(),
                        period: p.billing_period.adjective().to_owned(),
                        per_period: per_period(k.currency, &terms, p.billing_period),
                        selected: true,
                        items,
                    }]
                }
                _ => Vec::new(),
            };
            (None, cards)
        }
        _ => {
            let cards = h
                .plan_choices
                .iter()
                .map(|p| plan_card(p, &h.products, h, Some(p.id) == c.plan_id, errors))
                .collect();
            let current = match (&h.loaded.contract, &h.loaded.contract_plan) {
                (Some(k), Some(p)) if c.checkout_type == CheckoutType::PlanChange => {
                    let terms: Vec<_> = k.items.iter().map(|i| i.terms()).collect();
                    Some(PlanCard {
                        id: p.id.to_string(),
                        name: p.name.clone(),
                        description: String::new(),
                        period: p.billing_period.adjective().to_owned(),
                        per_period: per_period(k.currency, &terms, p.billing_period),
                        selected: false,
                        items: k
                            .items
                            .iter()
                            .map(|ci| ItemRow {
                                product_id: ci.product_id.to_string(),
                                name: ci.name.clone(),
                                description: String::new(),
                                price: String::new(),
                                tiers: Vec::new(),
                                quantity: ci.quantity,
                                min: String::new(),
                                max: String::new(),
                                adjustable: false,
                                optional: false,
                                enabled: ci.is_enabled,
                                quantity_name: String::new(),
                                enabled_name: String::new(),
                                current: if ci.is_enabled {
                                    format!(
                                        "{} × {}",
                                        ci.quantity,
                                        price_words(
                                            &ci.pricing,
                                            k.currency,
                                            ci.unit_label.as_deref(),
                                            ci.billing,
                                            p.billing_period
                                        )
                                    )
                                } else {
                                    "off".into()
                                },
                                error: String::new(),
                            })
                            .collect(),
                    })
                }
                _ => None,
            };
            (current, cards)
        }
    };
    let choose_plan = plans.len() > 1;
    let mut plans = plans;
    if choose_plan {
        // Plans may share products: name each card's inputs after its plan.
        for p in &mut plans {
            for i in &mut p.items {
                i.quantity_name = format!("quantity.{}.{}", p.id, i.product_id);
                i.enabled_name = format!("enabled.{}.{}", p.id, i.product_id);
            }
        }
    }
    let has_inputs = plans
        .iter()
        .any(|p| p.items.iter().any(|i| i.adjustable || i.optional));
    PlanPage {
        layout: layout(h, &heading, csrf, nonce),
        steps: steps(h, "Plan"),
        action: urls.plan(),
        heading,
        intro,
        current_plan,
        plans,
        choose_plan,
        has_inputs,
        error_summary: errors.iter().map(|e| e.message.clone()).collect(),
    }
}

/// The details form's fields: (form name, label, autocomplete, input type, required).
const DETAIL_FIELDS: [(&str, &str, &str, &str, bool); 10] = [
    ("customer_name", "Full name", "name", "text", true),
    ("email", "Email", "email", "email", true),
    ("company_name", "Company", "organization", "text", false),
    ("tax_id", "Tax ID", "off", "text", false),
    (
        "address_line1",
        "Address line 1",
        "address-line1",
        "text",
        false,
    ),
    (
        "address_line2",
        "Address line 2",
        "address-line2",
        "text",
        false,
    ),
    ("address_city", "City", "address-level2", "text", false),
    (
        "address_state",
        "State / region",
        "address-level1",
        "text",
        false,
    ),
    (
        "address_postal_code",
        "Postal code",
        "postal-code",
        "text",
        false,
    ),
    (
        "address_country",
        "Country (2-letter code, e.g. US)",
        "country",
        "text",
        false,
    ),
];

/// The form field a `customer_data.*` JSON path belongs to.
pub fn form_field(json_path: &str) -> String {
    json_path
        .trim_start_matches("customer_data.")
        .replace("address.", "address_")
}

pub fn detail_values(d: &CustomerData) -> Vec<(&'static str, String)> {
    let a = d.address.clone().unwrap_or_default();
    let v = |o: &Option<String>| o.clone().unwrap_or_default();
    vec![
        ("customer_name", v(&d.customer_name)),
        ("email", v(&d.email)),
        ("company_name", v(&d.company_name)),
        ("tax_id", v(&d.tax_id)),
        ("address_line1", v(&a.line1)),
        ("address_line2", v(&a.line2)),
        ("address_city", v(&a.city)),
        ("address_state", v(&a.state)),
        ("address_postal_code", v(&a.postal_code)),
        ("address_country", v(&a.country)),
    ]
}

pub fn details_page(
    h: &HostedCheckout,
    csrf: &str,
    nonce: &str,
    values: &[(&'static str, String)],
    errors: &[FieldError],
) -> DetailsPage {
    let fields = DETAIL_FIELDS
        .iter()
        .map(|(name, label, autocomplete, kind, required)| FieldView {
            name,
            label,
            value: values
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
            error: errors
                .iter()
                .find(|e| form_field(&e.field) == *name)
                .map(|e| e.message.clone())
                .unwrap_or_default(),
            required: *required,
            autocomplete,
            kind,
        })
        .collect();
    DetailsPage {
        layout: layout(h, "Your details", csrf, nonce),
        steps: steps(h, "Details"),
        action: Urls { id: h.checkout.id }.details(),
        fields,
        error_summary: errors
            .iter()
            .map(|e| {
                let f = form_field(&e.field);
                let label = DETAIL_FIELDS
                    .iter()
                    .find(|d| d.0 == f)
                    .map_or(f.as_str(), |d| d.1);
                format!("{label}: {}", e.message)
            })
            .collect(),
    }
}

pub fn review_page(h: &HostedCheckout, csrf: &str, nonce: &str, notice: &str) -> ReviewPage {
    let c = &h.checkout;
    let urls = Urls { id: c.id };
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
        notice: notice.to_owned(),
        confirm_label: confirm_label.to_owned(),
    }
}
