//! Real-browser tests of the hosted checkout (SPEC §7): headless Chromium driven over WebDriver
//! walks each checkout type from the hosted link to the merchant's success URL, once with
//! JavaScript disabled, scans every step with axe-core and photographs it at 1280 and 375 px
//! (`target/screenshots/`). Needs `chromium` and `chromedriver`; see `docs/browser-tests.md`.
//!
//! Set `UPDATE_SCREENSHOTS=1` to also refresh the committed set in `docs/screenshots/`.

mod app;
mod axe;
mod console;
#[path = "../common/database.rs"]
mod database;
mod driver;
mod locales;
mod markup;
#[path = "../common/receiver.rs"]
mod receiver;

use serde_json::{Value, json};
use uuid::Uuid;

use app::{TestApp, spawn_app};
use driver::{Browser, with_browser};

/// Whether this run refreshes `docs/screenshots/` (from the guest walk with JavaScript on).
pub(crate) fn update_docs() -> bool {
    std::env::var_os("UPDATE_SCREENSHOTS").is_some_and(|v| v == "1")
}

/// The merchant URL with the placeholder filled, where the browser must end up.
fn redirected(template: &str, checkout: Uuid) -> String {
    template.replace("{CHECKOUT_ID}", &checkout.to_string())
}

/// The contract's line for `product`.
fn line(contract: &Value, product: Uuid) -> &Value {
    let items = contract["items"].as_array().expect("contract items");
    let found = items.iter().find(|i| i["product_id"] == json!(product));
    found.unwrap_or_else(|| panic!("no line for {product} in {contract}"))
}

/// The guest's details step: a first submission with mistakes (the form comes back with the
/// messages and keeps what was typed), then a complete one that leads to the review.
async fn fill_details(b: &Browser, app: &TestApp, checkout: Uuid, walk: &str, docs: bool) {
    b.assert_heading("Your details").await;
    b.check_step(walk, "details", docs).await;
    b.fill("customer_name", "").await;
    b.fill("email", "ada@@example").await;
    b.fill("company_name", "Analytical Engines Ltd").await;
    b.press("Continue to review").await;
    let summary = b
        .driver
        .find(thirtyfour::By::Id("error-summary"))
        .await
        .expect("the error summary after a bad submission");
    let text = summary.text().await.expect("summary text");
    assert!(
        text.contains("Please check the form"),
        "error summary: {text}"
    );
    assert_eq!(b.url().await, app.page(checkout, "/details"));
    assert_eq!(
        b.value("company_name").await,
        "Analytical Engines Ltd",
        "what was typed is kept"
    );
    assert_eq!(
        b.value("email").await,
        "ada@@example",
        "what was typed is kept"
    );
    b.driver
        .find(thirtyfour::By::Id("email-error"))
        .await
        .expect("the email message beside the field");
    b.check_step(walk, "details-errors", docs).await;
    for (name, value) in [
        ("customer_name", "Ada Lovelace"),
        ("email", "ada@example.com"),
        ("company_name", "Analytical Engines Ltd"),
        ("tax_id", "GB123456789"),
        ("address_line1", "12 St James's Square"),
        ("address_line2", "Floor 2"),
        ("address_city", "London"),
        ("address_state", ""),
        ("address_postal_code", "SW1Y 4LB"),
        ("address_country", "GB"),
    ] {
        b.fill(name, value).await;
    }
    b.press("Continue to review").await;
    b.wait_for_url(&app.page(checkout, "/review")).await;
}

/// A guest subscribes: picks the plan, changes the seat count, adds support, gives their
/// details (after one wrong try), reviews and confirms, and lands on the merchant's success URL.
async fn guest_subscribes(b: Browser, walk: &'static str, docs: bool) {
    let app = spawn_app().await;
    let c = app.catalog().await;
    let checkout = app
        .checkout(json!({
            "plan_id": c.starter, "plan_options": [c.team],
            "guest_checkout": true, "business_entity_id": app.entity_id
        }))
        .await;

    b.open(&app.page(checkout, "")).await;
    b.assert_heading("Choose your plan").await;
    // Both plan cards carry the seats and the add-on; choose Team and adjust its card.
    b.tick(&format!("plan-{}", c.team)).await;
    b.fill(&format!("quantity-{}-{}", c.team, c.seats), "8")
        .await;
    b.tick(&format!("enabled-{}-{}", c.team, c.support)).await;
    b.check_step(walk, "plan", docs).await;
    b.press("Continue").await;
    b.wait_for_url(&app.page(checkout, "/details")).await;

    fill_details(&b, &app, checkout, walk, docs).await;
    b.assert_heading("Review and subscribe").await;
    b.check_step(walk, "review", docs).await;
    b.press("Confirm and subscribe").await;
    b.wait_for_merchant_url(&redirected(&app.success_url(), checkout), checkout)
        .await;

    assert_eq!(app.checkout_status(checkout).await, "contract_created");
    let contract = app.contract_of(checkout).await;
    assert_eq!(contract["plan_id"], json!(c.team), "{contract}");
    assert_eq!(line(&contract, c.seats)["quantity"], json!(8), "{contract}");
    assert_eq!(
        line(&contract, c.support)["is_enabled"],
        json!(true),
        "{contract}"
    );

    b.open(&app.page(checkout, "")).await;
    b.assert_heading("You're all set").await;
    b.check_step(walk, "success", docs).await;
}

#[tokio::test]
async fn a_guest_subscribes_from_the_hosted_link_to_the_success_url() {
    with_browser(true, |b| {
        guest_subscribes(b, "new-subscription", update_docs())
    })
    .await;
}

/// Two plans sharing products each have inputs for them: only the chosen plan's count. A
/// quantity typed on the first card survives the untouched second card, and an add-on ticked on
/// the plan not chosen is not bought.
#[tokio::test]
async fn only_the_chosen_plans_quantities_and_add_ons_count() {
    with_browser(true, |b| async move {
        let app = spawn_app().await;
        let c = app.catalog().await;
        let customer = app.customer().await;
        let offer =
            json!({"plan_id": c.starter, "plan_options": [c.team], "customer_id": customer});
        let checkout = app.checkout(offer).await;

        b.open(&app.page(checkout, "")).await;
        b.fill(&format!("quantity-{}-{}", c.starter, c.seats), "8")
            .await;
        b.tick(&format!("enabled-{}-{}", c.team, c.support)).await;
        b.press("Continue").await;
        b.wait_for_url(&app.page(checkout, "/review")).await;

        let session = app.get(&format!("/checkouts/{checkout}")).await;
        assert_eq!(session["plan_id"], json!(c.starter), "{session}");
        let overrides = session["product_overrides"].as_array().expect("overrides");
        let of = |product: Uuid| overrides.iter().find(|o| o["product_id"] == json!(product));
        assert_eq!(
            of(c.seats).map(|o| &o["quantity"]),
            Some(&json!(8)),
            "{session}"
        );
        let support = of(c.support).map(|o| &o["is_enabled"]);
        assert_ne!(
            support,
            Some(&json!(true)),
            "the unchosen plan's add-on: {session}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_guest_subscribes_with_javascript_disabled() {
    with_browser(false, |b| async move {
        b.assert_javascript_is_off().await;
        guest_subscribes(b, "no-javascript", false).await;
    })
    .await;
}

#[tokio::test]
async fn a_customer_changes_plan_and_lands_on_the_success_url() {
    with_browser(true, |b| async move {
        let walk = "plan-change";
        let app = spawn_app().await;
        let c = app.catalog().await;
        let contract = app.contract(c.starter).await;
        let checkout = app
            .checkout(json!({"contract_id": contract, "plan_id": c.team}))
            .await;

        b.open(&app.page(checkout, "")).await;
        b.assert_heading("Change your plan").await;
        b.check_step(walk, "plan", false).await;
        b.press("Continue").await;
        b.wait_for_url(&app.page(checkout, "/review")).await;
        b.assert_heading("Review your plan change").await;
        b.check_step(walk, "review", false).await;
        b.press("Confirm change").await;
        b.wait_for_merchant_url(&redirected(&app.success_url(), checkout), checkout)
            .await;

        assert_eq!(app.checkout_status(checkout).await, "contract_created");
        let after = app.get(&format!("/contracts/{contract}")).await;
        assert_eq!(after["plan_id"], json!(c.team), "{after}");

        b.open(&app.page(checkout, "")).await;
        b.assert_heading("You're all set").await;
        b.check_step(walk, "success", false).await;
    })
    .await;
}

#[tokio::test]
async fn a_customer_updates_quantities_and_lands_on_the_success_url() {
    with_browser(true, |b| async move {
        let walk = "quantity-update";
        let app = spawn_app().await;
        let c = app.catalog().await;
        let contract = app.contract(c.starter).await;
        let seats_to_7 = json!([{"product_id": c.seats, "quantity": 7}]);
        let checkout = app
            .checkout(json!({"contract_id": contract, "product_overrides": seats_to_7}))
            .await;

        b.open(&app.page(checkout, "")).await;
        b.assert_heading("Update your subscription").await;
        let seats = format!("quantity-{}-{}", c.starter, c.seats);
        assert_eq!(
            b.value(&seats).await,
            "7",
            "the merchant's proposal is filled in"
        );
        b.check_step(walk, "plan", false).await;
        b.fill(&seats, "12").await;
        b.tick(&format!("enabled-{}-{}", c.starter, c.support))
            .await;
        b.press("Continue").await;
        b.wait_for_url(&app.page(checkout, "/review")).await;
        b.assert_heading("Review your changes").await;
        b.check_step(walk, "review", false).await;
        b.press("Confirm changes").await;
        b.wait_for_merchant_url(&redirected(&app.success_url(), checkout), checkout)
            .await;

        assert_eq!(app.checkout_status(checkout).await, "contract_created");
        let after = app.get(&format!("/contracts/{contract}")).await;
        assert_eq!(line(&after, c.seats)["quantity"], json!(12), "{after}");
        assert_eq!(
            line(&after, c.support)["is_enabled"],
            json!(true),
            "{after}"
        );
    })
    .await;
}

#[tokio::test]
async fn cancelling_at_review_returns_to_the_cancel_url() {
    with_browser(true, |b| async move {
        let walk = "cancel";
        let app = spawn_app().await;
        let c = app.catalog().await;
        let customer = app.customer().await;
        let checkout = app
            .checkout(json!({"plan_id": c.starter, "customer_id": customer}))
            .await;

        b.open(&app.page(checkout, "")).await;
        b.press("Continue").await;
        b.wait_for_url(&app.page(checkout, "/review")).await;
        b.press("Cancel").await;
        b.wait_for_merchant_url(&redirected(&app.cancel_url(), checkout), checkout)
            .await;
        assert_eq!(app.checkout_status(checkout).await, "cancelled");

        b.open(&app.page(checkout, "")).await;
        b.assert_heading("Checkout cancelled").await;
        b.check_step(walk, "cancelled", false).await;
    })
    .await;
}

/// Guards the scan itself: on a page with known faults axe-core reports them as blocking.
#[tokio::test]
async fn the_accessibility_scan_catches_known_faults() {
    with_browser(true, |b| async move {
        let faulty = concat!(
            "data:text/html,<html><title>faulty</title><img src=x.png><input type=text>",
            "<p style='color:%23bbb;background:%23fff'>faint</p></html>",
        );
        b.open(faulty).await;
        let found = axe::scan(&b).await;
        let found: Vec<(&str, &str)> = found
            .iter()
            .map(|v| (v.id.as_str(), v.impact.as_str()))
            .collect();
        for expected in [
            ("image-alt", "critical"),
            ("label", "critical"),
            ("color-contrast", "serious"),
            ("html-has-lang", "serious"),
        ] {
            assert!(
                found.contains(&expected),
                "axe-core missed {expected:?}: {found:?}"
            );
        }
    })
    .await;
}

/// SPEC §10 on the review step: a wrong promotion code comes back beside the field, a right
/// one shows the discount on both invoices and in words, and confirming keeps it on the
/// contract. Walked with JavaScript off, then scanned with axe (which needs it) in both states.
#[tokio::test]
async fn a_customer_applies_a_promotion_code_on_the_review_step() {
    async fn prepare() -> (TestApp, Uuid) {
        let app = spawn_app().await;
        let c = app.catalog().await;
        let coupon = app
            .post("/coupons", &json!({"name": "Spring", "percent_off": 20, "duration": "repeating", "duration_in_periods": 3}))
            .await;
        app.post(
            "/promotion_codes",
            &json!({"coupon_id": coupon["id"], "code": "SPRING20"}),
        )
        .await;
        let customer = app.customer().await;
        let checkout = app
            .checkout(json!({"plan_id": c.starter, "customer_id": customer, "allow_promotion_codes": true}))
            .await;
        (app, checkout)
    }
    with_browser(false, |b| async move {
        b.assert_javascript_is_off().await;
        let (app, checkout) = prepare().await;
        b.open(&app.page(checkout, "/review")).await;
        b.fill("promotion_code", "SUMMER").await;
        b.press("Apply").await;
        let error = b
            .driver
            .find(thirtyfour::By::Id("promotion_code-error"))
            .await
            .expect("the reason beside the field");
        assert_eq!(error.text().await.unwrap(), "this code is not valid");
        assert_eq!(
            b.value("promotion_code").await,
            "SUMMER",
            "what was typed is kept"
        );
        b.fill("promotion_code", "spring20").await;
        b.press("Apply").await;
        b.wait_for_url(&app.page(checkout, "/review")).await;
        let body = b
            .driver
            .find(thirtyfour::By::Css("main"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(body.contains("SPRING20 applied"), "{body}");
        assert!(body.contains("20% off for 3 months, then"), "{body}");
        assert_eq!(
            body.matches("SPRING20 (20% off)").count(),
            2,
            "on both invoices: {body}"
        );
        b.press("Confirm and subscribe").await;
        b.wait_for_merchant_url(&redirected(&app.success_url(), checkout), checkout)
            .await;
        let contract = app.contract_of(checkout).await;
        assert_eq!(contract["discount"]["code"], "SPRING20", "{contract}");
    })
    .await;
    with_browser(true, |b| async move {
        let (app, checkout) = prepare().await;
        b.open(&app.page(checkout, "/review")).await;
        b.fill("promotion_code", "NOSUCH").await;
        b.press("Apply").await;
        b.check_step("promotion-code", "review-code-refused", false)
            .await;
        b.fill("promotion_code", "SPRING20").await;
        b.press("Apply").await;
        b.wait_for_url(&app.page(checkout, "/review")).await;
        b.check_step("promotion-code", "review-code-applied", false)
            .await;
    })
    .await;
}
