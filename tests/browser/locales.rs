//! SPEC §12 in a real browser: the plan step's order summary recalculated by "Update total" and
//! the review's short summary on a phone, with JavaScript off; pages in `de`, `ja` and `ar`
//! scanned with axe and photographed at 1280 and 375 px, Arabic mirrored.

use serde_json::json;
use thirtyfour::By;

use crate::app::spawn_app;
use crate::driver::{Browser, with_browser};
use crate::update_docs;

/// The text of the first element matching `css`.
async fn text_of(b: &Browser, css: &str) -> String {
    let here = b.url().await;
    b.driver
        .find(By::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css} on {here}: {e}"))
        .text()
        .await
        .expect("element text")
}

/// `(x, y, width, height)` of the first element matching `css`, in CSS pixels.
async fn rect_of(b: &Browser, css: &str) -> (f64, f64, f64, f64) {
    let r = b
        .driver
        .find(By::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .rect()
        .await
        .expect("element rect");
    (r.x, r.y, r.width, r.height)
}

#[tokio::test]
async fn the_order_summary_is_recalculated_without_javascript_and_seen_first_on_a_phone() {
    with_browser(false, |b| async move {
        b.assert_javascript_is_off().await;
        let app = spawn_app().await;
        let c = app.catalog().await;
        let customer = app.customer().await;
        let checkout = app
            .checkout(json!({"plan_id": c.starter, "customer_id": customer}))
            .await;

        b.open(&app.page(checkout, "")).await;
        // 5 seats × $10.00, with the entity's 20 % tax.
        assert_eq!(text_of(&b, ".order-summary .amount").await, "$60.00");
        // Beside the form on a wide screen.
        let form = rect_of(&b, ".plan-main").await;
        let aside = rect_of(&b, ".plan-layout .order-summary").await;
        assert!(
            aside.0 >= form.0 + form.2,
            "summary {aside:?} beside form {form:?}"
        );

        b.fill(&format!("quantity-{}-{}", c.starter, c.seats), "8")
            .await;
        b.tick(&format!("enabled-{}-{}", c.starter, c.support))
            .await;
        b.press("Update total").await;
        b.wait_for_url(&app.page(checkout, "")).await;
        // (8 × $10.00 + $49.00) × 1.2, and the choices are kept in the form.
        assert_eq!(text_of(&b, ".order-summary .amount").await, "$154.80");
        assert_eq!(
            b.value(&format!("quantity-{}-{}", c.starter, c.seats))
                .await,
            "8"
        );
        let then = text_of(&b, ".order-summary .summary-then").await;
        assert!(then.starts_with("Then $154.80 per month from"), "{then}");

        b.press("Continue").await;
        b.wait_for_url(&app.page(checkout, "/review")).await;
        // On a phone the total and the way to confirm are in the first screen.
        b.driver
            .set_window_rect(0, 0, 375, 812)
            .await
            .expect("resize");
        b.open(&app.page(checkout, "/review")).await;
        let top = rect_of(&b, ".top-summary").await;
        assert!(
            top.1 + top.3 <= 812.0,
            "the summary {top:?} is above the fold"
        );
        let summary = text_of(&b, ".top-summary").await;
        assert!(summary.contains("$154.80"), "{summary}");
        b.driver
            .find(By::Css(".top-summary a[href='#confirm-bar']"))
            .await
            .expect("a link to the confirm button");
    })
    .await;
}

/// An attribute of the page's `<html>` element.
async fn html_attr(b: &Browser, name: &str) -> Option<String> {
    b.driver
        .find(By::Css("html"))
        .await
        .expect("the root element")
        .attr(name)
        .await
        .expect("an attribute")
}

/// One locale's walk: plan and review photographed and scanned; returns the review's text.
async fn walk_in(b: &Browser, locale: &str) -> String {
    let app = spawn_app().await;
    let c = app.catalog().await;
    let customer = app.customer().await;
    let checkout = app
        .checkout(json!({"plan_id": c.starter, "plan_options": [c.team], "customer_id": customer, "locale": locale}))
        .await;
    let walk = format!("locale-{locale}");
    b.open(&app.page(checkout, "")).await;
    assert_eq!(html_attr(b, "lang").await.as_deref(), Some(locale));
    b.check_step(&walk, &format!("plan-{locale}"), update_docs())
        .await;
    b.open(&app.page(checkout, "/review")).await;
    b.check_step(&walk, &format!("review-{locale}"), update_docs())
        .await;
    text_of(b, "main").await
}

#[tokio::test]
async fn pages_in_german_japanese_and_arabic_are_accessible_and_arabic_is_mirrored() {
    with_browser(true, |b| async move {
        let de = walk_in(&b, "de").await;
        assert!(de.contains("60,00 $"), "{de}");
        assert!(
            de.contains("Heute werden Ihnen 60,00 $ in Rechnung gestellt."),
            "{de}"
        );

        let ja = walk_in(&b, "ja").await;
        assert!(ja.contains("$60.00"), "{ja}");

        let ar = walk_in(&b, "ar").await;
        assert!(ar.contains("US$"), "{ar}");
        assert_eq!(html_attr(&b, "dir").await.as_deref(), Some("rtl"));
        // Mirrored: the seller's name starts on the right, the language switcher on the left.
        let name = rect_of(&b, ".seller-name").await;
        let switcher = rect_of(&b, ".locale-switcher").await;
        assert!(
            switcher.0 + switcher.2 <= name.0,
            "{switcher:?} left of {name:?}"
        );
    })
    .await;
}
