//! The merchant console (SPEC §13) in a real browser: with JavaScript off, a new user signs in
//! with the one-time password, sets their own, creates a product, a plan and a checkout link,
//! adds a webhook endpoint; a customer opens the link and subscribes; the merchant finds the
//! session with its events and webhook deliveries, and revokes an API key. With JavaScript on,
//! every console page is scanned with axe and checked at 1280 and 375 px.

use std::time::Duration;

use thirtyfour::By;

use crate::app::{TestApp, spawn_app};
use crate::driver::{Browser, with_browser};
use crate::receiver::Receiver;
use hosted_checkout::services::console;

const PASSWORD: &str = "a long and private passphrase";

/// A console user of the app's organisation, signed in, with their own password set.
async fn sign_in(b: &Browser, app: &TestApp) {
    let orgs = app.get("/organisation").await;
    let org = uuid::Uuid::parse_str(orgs["id"].as_str().expect("organisation id")).expect("uuid");
    let user = console::create_user(&app.ctx, org, "merchant@example.com")
        .await
        .expect("user create");
    b.open(&app.url("/dashboard")).await;
    b.wait_for_url(&app.url("/dashboard/sign-in")).await;
    b.assert_heading("Sign in").await;
    b.fill("f-email", &user.email).await;
    b.fill("f-password", "a wrong password").await;
    b.press("Sign in").await;
    assert!(
        b.page_text()
            .await
            .contains("The email address or password is not right."),
        "the sign-in error"
    );
    b.fill("f-password", &user.password).await;
    b.press("Sign in").await;
    b.wait_for_url(&app.url("/dashboard/password")).await;
    b.fill("f-current-password", &user.password).await;
    b.fill("f-new-password", PASSWORD).await;
    b.fill("f-repeat-password", PASSWORD).await;
    b.press("Change password").await;
    b.wait_for_url(&app.url("/dashboard?notice=password")).await;
    b.assert_heading("Overview").await;
}

/// The id at the end of the current console URL (`/dashboard/x/{id}?…`).
async fn id_in_url(b: &Browser) -> String {
    let url = b.url().await;
    let path = url.split('?').next().expect("path");
    path.rsplit('/').next().expect("an id").to_owned()
}

#[tokio::test]
async fn a_merchant_sells_through_a_checkout_link_and_sees_the_session_and_its_deliveries() {
    with_browser(false, |b| async move {
        b.assert_javascript_is_off().await;
        let app = spawn_app().await;
        let receiver = Receiver::start();
        sign_in(&b, &app).await;

        // A product and a plan, from the console.
        b.open(&app.url("/dashboard/plans")).await;
        b.fill("f-product-name", "Seats").await;
        b.fill("f-unit-label", "seat").await;
        b.press("Create product").await;
        assert!(b.page_text().await.contains("The product was created."));
        b.fill("f-name", "Console plan").await;
        b.fill("f-price", "12.00").await;
        b.fill("f-quantity", "3").await;
        b.press("Create plan").await;
        assert!(b.page_text().await.contains("The plan was created."));
        let plan = id_in_url(&b).await;

        // A webhook endpoint, then a link for the plan.
        b.open(&app.url("/dashboard/webhooks")).await;
        b.fill("f-url", &receiver.url).await;
        b.press("Create endpoint").await;
        assert!(b.page_text().await.contains("Signing secret of"));
        b.open(&app.url("/dashboard/links")).await;
        b.choose("f-plan-id", &plan).await;
        b.fill("f-success-url", &app.url("/healthz?done=1")).await;
        b.press("Create link").await;
        assert!(
            b.page_text()
                .await
                .contains("The checkout link was created.")
        );
        let link = id_in_url(&b).await;
        let url = b.value("secret-value").await;
        assert!(url.starts_with(&app.url("/l/")), "{url}");

        // A customer opens it and subscribes as a guest.
        b.open(&url).await;
        b.assert_heading("Choose your plan").await;
        b.press("Continue").await;
        for (name, value) in [
            ("customer_name", "Ada Lovelace"),
            ("email", "ada@example.com"),
            ("address_line1", "12 St James's Square"),
            ("address_city", "London"),
            ("address_postal_code", "SW1Y 4LB"),
            ("address_country", "GB"),
        ] {
            b.fill(name, value).await;
        }
        b.press("Continue to review").await;
        b.assert_heading("Review and subscribe").await;
        b.press("Confirm and subscribe").await;
        let done = b.url().await;
        assert!(done.starts_with(&app.url("/healthz?done=1")), "{done}");
        receiver.wait_for(2, Duration::from_secs(20)).await;

        // The merchant sees the link's conversion, the session, its events and deliveries.
        b.open(&app.url(&format!("/dashboard/links/{link}"))).await;
        let text = b.page_text().await;
        assert!(text.contains("Conversion\n100%"), "{text}");
        b.open(&app.url(&format!("/dashboard/checkouts?checkout_link_id={link}")))
            .await;
        b.driver
            .find(By::Css("table.console-table tbody a"))
            .await
            .expect("the session in the list")
            .click()
            .await
            .expect("open it");
        b.assert_heading(&format!("Session {}", id_in_url(&b).await))
            .await;
        let text = b.page_text().await;
        assert!(text.contains("Completed"), "{text}");
        assert!(text.contains("checkout.completed"), "{text}");
        assert!(text.contains("contract.created"), "{text}");
        assert!(
            text.contains("succeeded after 1 attempt(s), last answer 200"),
            "{text}"
        );
        b.press("Re-send").await;
        assert!(
            b.page_text()
                .await
                .contains("The event was queued for delivery again.")
        );
        receiver.wait_for(3, Duration::from_secs(20)).await;

        // The endpoint's own page lists its deliveries.
        b.open(&app.url("/dashboard/webhooks")).await;
        b.driver
            .find(By::LinkText(receiver.url.clone()))
            .await
            .expect("the endpoint in the list")
            .click()
            .await
            .expect("open it");
        b.assert_heading("Webhook endpoint").await;
        let text = b.page_text().await;
        assert!(
            text.contains("checkout.completed") && text.contains("contract.created"),
            "{text}"
        );
        b.press("Re-send").await;
        b.assert_heading("Webhook endpoint").await;
        assert!(
            b.page_text()
                .await
                .contains("The event was queued for delivery again.")
        );
        receiver.wait_for(4, Duration::from_secs(20)).await;

        // An API key is created and revoked.
        b.open(&app.url("/dashboard/api-keys")).await;
        b.fill("f-name", "temporary").await;
        b.press("Create key").await;
        let secret = b.value("secret-value").await;
        assert!(secret.starts_with("hc_"), "{secret}");
        b.driver
            .find(By::XPath(
                "//tr[td[normalize-space()='temporary']]//button[normalize-space()='Revoke']"
                    .to_owned(),
            ))
            .await
            .expect("the new key's revoke button")
            .click()
            .await
            .expect("revoke");
        b.wait_for_url(&app.url("/dashboard/api-keys?notice=key-revoked"))
            .await;
        let keys = app.get("/api_keys").await;
        let revoked = keys["data"]
            .as_array()
            .expect("keys")
            .iter()
            .find(|k| k["name"] == "temporary")
            .expect("the key");
        assert!(!revoked["revoked_at"].is_null(), "{revoked}");

        b.press("Sign out").await;
        b.assert_heading("Sign in").await;
    })
    .await;
}

#[tokio::test]
async fn every_console_page_is_accessible_and_fits_a_phone() {
    with_browser(true, |b| async move {
        let app = spawn_app().await;
        let c = app.catalog().await;
        let customer = app.customer().await;
        let checkout = app
            .checkout(serde_json::json!({"plan_id": c.starter, "customer_id": customer}))
            .await;
        b.open(&app.url("/dashboard/sign-in")).await;
        b.check_step("console", "sign-in", false).await;
        sign_in(&b, &app).await;
        b.open(&app.url("/dashboard/links")).await;
        b.choose("f-plan-id", &c.starter.to_string()).await;
        b.press("Create link").await;
        let link = id_in_url(&b).await;
        b.open(&app.page(checkout, "")).await;
        b.press("Continue").await;
        b.press("Confirm and subscribe").await;
        let endpoint = app
            .post(
                "/webhook_endpoints",
                &serde_json::json!({"url": "http://127.0.0.1:9/hook", "enabled_events": ["*"]}),
            )
            .await;
        let endpoint = endpoint["id"].as_str().expect("endpoint id").to_owned();
        let contract = app.contract_of(checkout).await;
        let contract = contract["id"].as_str().expect("contract id").to_owned();
        let coupon = app
            .post(
                "/coupons",
                &serde_json::json!({"name": "Spring", "percent_off": 20, "duration": "once"}),
            )
            .await;
        let coupon = coupon["id"].as_str().expect("coupon id").to_owned();
        let code = app
            .post(
                "/promotion_codes",
                &serde_json::json!({"coupon_id": coupon, "code": "SPRING20"}),
            )
            .await;
        let code = code["id"].as_str().expect("code id").to_owned();
        for (step, path) in [
            ("overview", "/dashboard".to_owned()),
            ("password", "/dashboard/password".to_owned()),
            ("checkouts", "/dashboard/checkouts".to_owned()),
            ("checkout", format!("/dashboard/checkouts/{checkout}")),
            ("contracts", "/dashboard/contracts".to_owned()),
            ("contract", format!("/dashboard/contracts/{contract}")),
            ("plans", "/dashboard/plans".to_owned()),
            ("plan", format!("/dashboard/plans/{}", c.team)),
            ("product", format!("/dashboard/products/{}", c.seats)),
            ("coupons", "/dashboard/coupons".to_owned()),
            ("coupon", format!("/dashboard/coupons/{coupon}")),
            (
                "promotion-code",
                format!("/dashboard/promotion-codes/{code}"),
            ),
            ("links", "/dashboard/links".to_owned()),
            ("link", format!("/dashboard/links/{link}")),
            ("webhooks", "/dashboard/webhooks".to_owned()),
            ("webhook", format!("/dashboard/webhooks/{endpoint}")),
            ("api-keys", "/dashboard/api-keys".to_owned()),
            (
                "not-found",
                "/dashboard/checkouts/00000000-0000-0000-0000-000000000000".to_owned(),
            ),
        ] {
            b.open(&app.url(&path)).await;
            b.check_step("console", step, false).await;
        }
    })
    .await;
}
