//! The plan step: the plan (and the plans offered), items with prices in words, adjustable
//! quantities and add-ons.

use uuid::Uuid;

use super::{StepId, Urls, layout, order_summary, steps};
use crate::domain::catalog::{Plan, Product};
use crate::domain::checkout::CheckoutType;
use crate::domain::money::Currency;
use crate::domain::overrides::LineState;
use crate::domain::period::BillingPeriod;
use crate::domain::terms::ItemTerms;
use crate::domain::validation::FieldError;
use crate::routes::hosted::forms::{UPDATE_TOTAL_FIELD, enabled_field, quantity_field};
use crate::services::checkouts::HostedCheckout;
use crate::services::checkouts::hosted::{contract_line_freedom, quantity_path};
use crate::views::pages::{ItemRow, PlanCard, PlanPage};
use crate::views::wording::field_problem;
use crate::views::{Lang, PageCx, TierRow, price_words, tier_rows};

/// The message beside a product's quantity input, if the last submit was refused.
fn quantity_error(lang: &Lang, errors: &[FieldError], product: Uuid) -> String {
    let path = quantity_path(product);
    errors
        .iter()
        .find(|e| e.field == path)
        .map(|e| field_problem(lang, e))
        .unwrap_or_default()
}

/// "$60.00 / month": one full period of the enabled recurring lines.
fn per_period(lang: &Lang, c: Currency, items: &[ItemTerms], period: BillingPeriod) -> String {
    match crate::billing::period_total(c, items) {
        Ok(total) => lang.tf(
            "price-per-period",
            &[
                ("price", (&lang.money(c, total)).into()),
                ("period", period.as_str().into()),
            ],
        ),
        Err(_) => String::new(),
    }
}

fn billed_every(lang: &Lang, period: BillingPeriod) -> String {
    lang.tf("billed-every", &[("period", period.as_str().into())])
}

/// The row of one line, its words in `lang`; `bounds` are the quantity input's limits.
#[allow(clippy::too_many_arguments)]
fn item_row(
    lang: &Lang,
    product_id: Uuid,
    name: String,
    description: String,
    price: String,
    tiers: Vec<TierRow>,
    quantity: u64,
    bounds: (Option<u64>, Option<u64>),
    current: String,
) -> ItemRow {
    let min = bounds.0.map_or_else(|| "0".into(), |m| m.to_string());
    let max = bounds.1.map_or_else(|| "∞".into(), |m| m.to_string());
    ItemRow {
        product_id: product_id.to_string(),
        add_label: lang.tf("add-item", &[("item", (&name).into())]),
        now_label: lang.tf("item-now", &[("current", (&current).into())]),
        tiers_caption: lang.tf("tiers-caption", &[("item", (&name).into())]),
        range_label: lang.tf(
            "quantity-range",
            &[("min", (&min).into()), ("max", (&max).into())],
        ),
        fixed_label: lang.tf("quantity-fixed", &[("quantity", quantity.into())]),
        name,
        description,
        price,
        tiers,
        quantity,
        min,
        max,
        adjustable: false,
        optional: false,
        enabled: false,
        quantity_name: String::new(),
        enabled_name: String::new(),
        current,
        error: String::new(),
    }
}

fn product(products: &[Product], id: Uuid) -> Option<&Product> {
    products.iter().find(|p| p.id == id)
}

/// One plan offered; `scope` names its inputs after the plan on a page that offers several.
fn plan_card(
    lang: &Lang,
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
                            lang.tf("item-on-current-plan", &[("quantity", ci.quantity.into())])
                        } else {
                            lang.t("item-off-current-plan")
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
                adjustable: i.adjustable,
                optional: i.optional,
                enabled: line.enabled,
                quantity_name: quantity_field(scope, i.product_id),
                enabled_name: enabled_field(scope, i.product_id),
                error: quantity_error(lang, errors, i.product_id),
                ..item_row(
                    lang,
                    i.product_id,
                    p.map_or_else(|| lang.t("item-fallback-name"), |p| p.name.clone()),
                    p.and_then(|p| p.description.clone()).unwrap_or_default(),
                    price_words(
                        lang,
                        &i.pricing,
                        plan.currency,
                        unit,
                        i.billing,
                        plan.billing_period,
                    ),
                    tier_rows(lang, &i.pricing, plan.currency, unit),
                    line.quantity,
                    (i.min_quantity, i.max_quantity),
                    current,
                )
            }
        })
        .collect();
    let terms = plan.terms(products);
    PlanCard {
        id: plan.id.to_string(),
        name: plan.name.clone(),
        description: plan.description.clone().unwrap_or_default(),
        period: plan.billing_period.adjective().to_owned(),
        per_period: per_period(lang, plan.currency, &terms.items, plan.billing_period),
        billed_every: billed_every(lang, plan.billing_period),
        selected,
        items,
    }
}

pub fn plan_page(h: &HostedCheckout, cx: &PageCx, errors: &[FieldError]) -> PlanPage {
    let lang = cx.lang;
    let c = &h.checkout;
    let urls = Urls::of(c);
    let (heading, intro) = match c.checkout_type {
        CheckoutType::NewSubscription => (lang.t("plan-heading-new"), String::new()),
        CheckoutType::PlanChange => (lang.t("plan-heading-change"), lang.t("plan-intro-change")),
        CheckoutType::QuantityUpdate => (
            lang.t("plan-heading-quantity"),
            lang.t("plan-intro-quantity"),
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
                            let unit = ci.unit_label.as_deref();
                            let current = if ci.is_enabled {
                                lang.tf("item-quantity-now", &[("quantity", ci.quantity.into())])
                            } else {
                                lang.t("item-off-now")
                            };
                            ItemRow {
                                adjustable: freedom.adjustable,
                                optional: freedom.optional,
                                enabled: o.and_then(|o| o.is_enabled).unwrap_or(ci.is_enabled),
                                quantity_name: quantity_field(None, ci.product_id),
                                enabled_name: enabled_field(None, ci.product_id),
                                error: quantity_error(lang, errors, ci.product_id),
                                ..item_row(
                                    lang,
                                    ci.product_id,
                                    ci.name.clone(),
                                    String::new(),
                                    price_words(
                                        lang,
                                        &ci.pricing,
                                        k.currency,
                                        unit,
                                        ci.billing,
                                        p.billing_period,
                                    ),
                                    tier_rows(lang, &ci.pricing, k.currency, unit),
                                    o.and_then(|o| o.quantity).unwrap_or(ci.quantity),
                                    (ci.min_quantity, ci.max_quantity),
                                    current,
                                )
                            }
                        })
                        .collect();
                    let terms: Vec<_> = k.items.iter().map(|i| i.terms()).collect();
                    vec![PlanCard {
                        id: p.id.to_string(),
                        name: p.name.clone(),
                        description: p.description.clone().unwrap_or_default(),
                        period: p.billing_period.adjective().to_owned(),
                        per_period: per_period(lang, k.currency, &terms, p.billing_period),
                        billed_every: billed_every(lang, p.billing_period),
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
                    plan_card(lang, p, h, Some(p.id) == c.plan_id, scope, errors)
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
                        per_period: per_period(lang, k.currency, &terms, p.billing_period),
                        billed_every: billed_every(lang, p.billing_period),
                        selected: false,
                        items: k
                            .items
                            .iter()
                            .map(|ci| {
                                let current = if ci.is_enabled {
                                    let price = price_words(
                                        lang,
                                        &ci.pricing,
                                        k.currency,
                                        ci.unit_label.as_deref(),
                                        ci.billing,
                                        p.billing_period,
                                    );
                                    lang.tf(
                                        "item-times",
                                        &[
                                            ("quantity", ci.quantity.into()),
                                            ("price", (&price).into()),
                                        ],
                                    )
                                } else {
                                    lang.t("item-off")
                                };
                                ItemRow {
                                    min: String::new(),
                                    max: String::new(),
                                    enabled: ci.is_enabled,
                                    ..item_row(
                                        lang,
                                        ci.product_id,
                                        ci.name.clone(),
                                        String::new(),
                                        String::new(),
                                        Vec::new(),
                                        ci.quantity,
                                        (None, None),
                                        current,
                                    )
                                }
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
    let current_heading = current_plan
        .as_ref()
        .map(|p| lang.tf("current-plan-heading", &[("plan", (&p.name).into())]))
        .unwrap_or_default();
    let period = match c.checkout_type {
        CheckoutType::QuantityUpdate => h.loaded.contract_plan.as_ref(),
        _ => h.loaded.plan.as_ref(),
    }
    .map(|p| p.billing_period);
    PlanPage {
        layout: layout(h, &heading, cx),
        steps: steps(h, StepId::Plan, lang),
        action: urls.plan(),
        heading,
        intro,
        current_plan,
        current_heading,
        plans,
        choose_plan,
        has_inputs,
        // A refused submit's quote is the last valid one, not what the form now shows.
        summary: errors.is_empty().then(|| order_summary(h, period, lang)),
        update_field: UPDATE_TOTAL_FIELD,
        error_summary: errors.iter().map(|e| field_problem(lang, e)).collect(),
    }
}
