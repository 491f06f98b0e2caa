//! The plan step: the plan (and the plans offered), items with prices in words, adjustable
//! quantities and add-ons.

use uuid::Uuid;

use super::{Urls, layout, steps};
use crate::domain::catalog::{Plan, Product};
use crate::domain::checkout::CheckoutType;
use crate::domain::money::Currency;
use crate::domain::overrides::LineState;
use crate::domain::period::BillingPeriod;
use crate::domain::terms::ItemTerms;
use crate::domain::validation::FieldError;
use crate::routes::hosted::forms::{enabled_field, quantity_field};
use crate::services::checkouts::HostedCheckout;
use crate::services::checkouts::hosted::{contract_line_freedom, quantity_path};
use crate::views::pages::{ItemRow, PlanCard, PlanPage};
use crate::views::{money, price_words, tier_rows};

/// The message beside a product's quantity input, if the last submit was refused.
fn quantity_error(errors: &[FieldError], product: Uuid) -> String {
    let path = quantity_path(product);
    errors
        .iter()
        .find(|e| e.field == path)
        .map(|e| e.message.clone())
        .unwrap_or_default()
}

/// "$60.00 / month": one full period of the enabled recurring lines.
fn per_period(c: Currency, items: &[ItemTerms], period: BillingPeriod) -> String {
    match crate::billing::period_total(c, items) {
        Ok(total) => format!("{} / {}", money(c, total), period.adjective()),
        Err(_) => String::new(),
    }
}

fn product(products: &[Product], id: Uuid) -> Option<&Product> {
    products.iter().find(|p| p.id == id)
}

/// One plan offered; `scope` names its inputs after the plan on a page that offers several.
fn plan_card(
    plan: &Plan,
    h: &HostedCheckout,
    selected: bool,
    scope: Option<Uuid>,
    errors: &[FieldError],
) -> PlanCard {
    let products = &h.products;
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
                quantity_name: quantity_field(scope, i.product_id),
                enabled_name: enabled_field(scope, i.product_id),
                current,
                error: quantity_error(errors, i.product_id),
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
    let urls = Urls::of(c);
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
                            let freedom = contract_line_freedom(ci, Some(p), &c.product_overrides);
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
                                quantity_name: quantity_field(None, ci.product_id),
                                enabled_name: enabled_field(None, ci.product_id),
                                current: if ci.is_enabled {
                                    format!("{} now", ci.quantity)
                                } else {
                                    "off now".into()
                                },
                                error: quantity_error(errors, ci.product_id),
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
            // Plans may share products: name each card's inputs after its plan.
            let several = h.plan_choices.len() > 1;
            let cards = h
                .plan_choices
                .iter()
                .map(|p| {
                    let scope = several.then_some(p.id);
                    plan_card(p, h, Some(p.id) == c.plan_id, scope, errors)
                })
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
