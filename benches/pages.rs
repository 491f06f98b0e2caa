//! Hosted page rendering from pre-loaded data (target: review page ≤ 25 µs median).
//!
//! Measures what the review handler does after the store has answered: build the view model
//! (`views::checkout::review_page`) and render the askama template to a `String`. No I/O.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::str::FromStr;

use askama::Template;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use hosted_checkout::domain::catalog::{BusinessEntity, Plan, PlanItem, PlanStatus, Product};
use hosted_checkout::domain::checkout::{Checkout, CheckoutStatus, CheckoutType, Quote};
use hosted_checkout::domain::customer::{Address, CustomerData};
use hosted_checkout::domain::invoice::Estimates;
use hosted_checkout::domain::locale::{Locale, LocaleSetting};
use hosted_checkout::domain::money::Currency;
use hosted_checkout::domain::overrides::ProrationBehavior;
use hosted_checkout::domain::period::BillingPeriod;
use hosted_checkout::domain::pricing::{ItemBilling, Pricing, Tier};
use hosted_checkout::services::checkouts::{Draft, HostedCheckout, Loaded, price};
use hosted_checkout::views::PageCx;
use hosted_checkout::views::checkout::{CodeForm, review_page};
use hosted_checkout::views::i18n;
use rust_decimal::Decimal;
use uuid::Uuid;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).expect("decimal literal")
}

fn product(
    n: u128,
    org: Uuid,
    name: &str,
    description: Option<&str>,
    unit: Option<&str>,
    at: DateTime<Utc>,
) -> Product {
    Product {
        id: Uuid::from_u128(n),
        organisation_id: org,
        name: name.to_owned(),
        sku: None,
        description: description.map(str::to_owned),
        unit_label: unit.map(str::to_owned),
        created_at: at,
    }
}

fn plan_item(product: &Product, pricing: Pricing, quantity: u64, adjustable: bool) -> PlanItem {
    PlanItem {
        product_id: product.id,
        pricing,
        billing: ItemBilling::Recurring,
        quantity,
        min_quantity: None,
        max_quantity: adjustable.then_some(100),
        adjustable,
        is_enabled: true,
        optional: false,
    }
}

/// A typical hosted session: a monthly plan with a flat fee, per-unit seats and a 4-tier
/// graduated item, 8.25 % tax, a brand colour and logo, customer details filled in.
fn session() -> HostedCheckout {
    let now: DateTime<Utc> = "2026-01-31T10:00:00Z".parse().expect("timestamp");
    let start = NaiveDate::from_ymd_opt(2026, 1, 31).expect("date");
    let org = Uuid::from_u128(1);
    let usd = Currency::parse("USD").expect("USD");
    let entity = BusinessEntity {
        id: Uuid::from_u128(2),
        organisation_id: org,
        name: "Acme Software Ltd".into(),
        email: Some("billing@acme.example".into()),
        logo_url: Some("https://acme.example/logo.png".into()),
        brand_color: Some("#3355ff".into()),
        tax_rate: dec("8.25"),
        address: None,
        is_default: true,
        created_at: now,
    };
    let products = vec![
        product(
            10,
            org,
            "Pro plan",
            Some("Everything in Starter, plus SSO & audit logs"),
            None,
            now,
        ),
        product(
            11,
            org,
            "Seats",
            Some("One per team member"),
            Some("seat"),
            now,
        ),
        product(12, org, "API calls", None, Some("call"), now),
    ];
    let tier = |up_to: Option<u64>, unit: &str| Tier {
        up_to,
        unit_amount: Some(dec(unit)),
        flat_amount: None,
    };
    let plan = Plan {
        id: Uuid::from_u128(20),
        organisation_id: org,
        name: "Pro".into(),
        description: Some("For growing teams".into()),
        currency: usd,
        billing_period: BillingPeriod::P1M,
        trial_period_days: 0,
        business_entity_id: None,
        status: PlanStatus::Active,
        items: vec![
            plan_item(
                &products[0],
                Pricing::FlatFee { amount: dec("49") },
                1,
                false,
            ),
            plan_item(
                &products[1],
                Pricing::PerUnit {
                    unit_amount: dec("12.50"),
                },
                5,
                true,
            ),
            plan_item(
                &products[2],
                Pricing::Tiered {
                    tiers: vec![
                        tier(Some(500), "2"),
                        tier(Some(2000), "1.5"),
                        tier(Some(10000), "1"),
                        tier(None, "0.5"),
                    ],
                },
                1500,
                true,
            ),
        ],
        created_at: now,
        updated_at: now,
    };
    let loaded = Loaded {
        plan: Some(plan.clone()),
        contract: None,
        contract_plan: None,
        products: products.clone(),
        entity,
        discount: None,
        now,
    };
    let draft = Draft {
        kind: CheckoutType::NewSubscription,
        plan_id: Some(plan.id),
        contract_id: None,
        start_date: start,
        end_date: None,
        overrides: Vec::new(),
        behavior: ProrationBehavior::Auto,
        discount: None,
        customer_id: None,
    };
    let priced = price(&draft, &loaded).expect("priced");
    let Quote {
        estimates: Estimates {
            current_invoice,
            next_invoice,
        },
        change,
        discount,
    } = priced.quote;
    assert!(
        next_invoice.is_some(),
        "a monthly plan without end date has a next invoice"
    );
    let checkout = Checkout {
        id: Uuid::from_u128(0x0196_0000_0000_7000_8000_0000_0000_0001),
        organisation_id: org,
        status: CheckoutStatus::Open,
        checkout_type: CheckoutType::NewSubscription,
        plan_id: Some(plan.id),
        contract_id: None,
        start_date: start,
        end_date: None,
        customer_id: None,
        business_entity_id: loaded.entity.id,
        guest_checkout: true,
        customer_data: CustomerData {
            customer_name: Some("Ada Lovelace".into()),
            email: Some("ada@example.com".into()),
            phone_number: None,
            company_name: Some("Analytical Engines <Ltd> & Co".into()),
            tax_id: Some("GB123456789".into()),
            address: Some(Address {
                line1: Some("12 St James's Square".into()),
                line2: None,
                city: Some("London".into()),
                state: None,
                postal_code: Some("SW1Y 4JH".into()),
                country: Some("GB".into()),
            }),
        },
        quote: Quote {
            estimates: Estimates {
                current_invoice,
                next_invoice,
            },
            change,
            discount,
        },
        expires_at: now + Duration::hours(24),
        success_url: None,
        cancel_url: None,
        product_overrides: Vec::new(),
        plan_options: Vec::new(),
        proration_behavior: ProrationBehavior::Auto,
        metadata: BTreeMap::from([("order".to_owned(), "A-1001".to_owned())]),
        preview: false,
        cancel_reason: None,
        created_at: now,
        updated_at: now,
        completed_at: None,
        link_secret: Some("k3Y-link_secret-0123AB".to_owned()),
        discount: None,
        allow_promotion_codes: false,
        locale: LocaleSetting::Auto,
        checkout_link_id: None,
    };
    HostedCheckout {
        status: CheckoutStatus::Open,
        checkout,
        loaded,
        plan_choices: vec![plan],
        products,
        items: priced.items,
    }
}

fn cx(locale: Locale) -> PageCx {
    PageCx {
        csrf: "q7ZkR2m9X1vN4sT8bW3yL6pC0dF5gH2j".to_owned(),
        nonce: "n0nc3n0nc3n0nc3n0nc3nw".to_owned(),
        lang: i18n::lang(locale),
    }
}

fn benches(c: &mut Criterion) {
    i18n::init();
    let h = session();
    let en = cx(Locale::En);
    let html = review_page(&h, &en, false, &CodeForm::default())
        .render()
        .expect("renders");
    assert!(
        html.contains("Review and subscribe")
            && html.contains("Analytical Engines &#60;Ltd&#62; &#38; Co"),
        "{html}"
    );

    c.bench_function("review_page_render", |b| {
        b.iter(|| {
            let page = review_page(black_box(&h), black_box(&en), false, &CodeForm::default());
            page.render().expect("renders")
        })
    });
    // The same page translated: Fluent messages and ICU4X formats instead of English.
    for (name, locale) in [
        ("review_page_render_de", Locale::De),
        ("review_page_render_ja", Locale::Ja),
        ("review_page_render_ar", Locale::Ar),
    ] {
        let l = cx(locale);
        c.bench_function(name, |b| {
            b.iter(|| {
                let page = review_page(black_box(&h), black_box(&l), false, &CodeForm::default());
                page.render().expect("renders")
            })
        });
    }
    c.bench_function("review_page_view_model", |b| {
        b.iter(|| review_page(black_box(&h), black_box(&en), false, &CodeForm::default()))
    });
    let page = review_page(&h, &en, false, &CodeForm::default());
    c.bench_function("review_page_template_only", |b| {
        b.iter(|| black_box(&page).render().expect("renders"))
    });
    // Every read of a session decodes its stored estimates (JSON text) back into a Quote.
    let stored = serde_json::to_string(&h.checkout.quote).expect("encodes");
    c.bench_function("stored_estimates_decode", |b| {
        b.iter(|| serde_json::from_str::<Quote>(black_box(&stored)).expect("decodes"))
    });
}

criterion_group!(pages, benches);
criterion_main!(pages);
