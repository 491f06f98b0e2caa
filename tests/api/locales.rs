//! SPEC §12 over HTTP: `locale` on sessions, negotiation from `Accept-Language`, the language
//! switcher kept for the browser session, CLDR formats and right-to-left pages, and the plan
//! step's order summary recalculated by a plain submit.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{error_fields, problem, spawn_app};
use crate::hosted::{
    Browser, Page, details_form, f, link_of, location, page_of, session, sid, team,
};

/// A page fetched with the browser's `Accept-Language`.
async fn get_in(b: &Browser, path: &str, accept_language: &str) -> Page {
    let r = b
        .client
        .get(format!("{}{path}", b.base))
        .header("accept", "text/html")
        .header("accept-language", accept_language)
        .send()
        .await
        .unwrap();
    page_of(r).await
}

fn content_language(p: &Page) -> &str {
    p.headers
        .get("content-language")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

#[tokio::test]
async fn locale_is_set_on_create_patch_and_preview_and_bad_tags_name_the_field() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;

    let auto = app
        .create_checkout(json!({"plan_id": c.plan, "customer_id": customer}))
        .await;
    assert_eq!(auto["locale"], "auto");

    // Tags are matched case-insensitively and stored in their canonical spelling.
    let de = app
        .create_checkout(json!({"plan_id": c.plan, "customer_id": customer, "locale": "DE"}))
        .await;
    assert_eq!(de["locale"], "de");
    let pt = app
        .create_checkout(json!({"plan_id": c.plan, "customer_id": customer, "locale": "pt_br"}))
        .await;
    assert_eq!(pt["locale"], "pt-BR");

    for bad in ["klingon", "xx-YY", "", "de;q=1"] {
        let body = problem(
            app.post(
                "/checkouts",
                &json!({"plan_id": c.plan, "customer_id": customer, "locale": bad}),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(error_fields(&body), ["locale"], "{bad}: {body}");
    }

    let id = sid(&de);
    let patched = app
        .patch(&format!("/checkouts/{id}"), &json!({"locale": "ar"}))
        .await;
    assert_eq!(patched.status(), StatusCode::OK);
    assert_eq!(session(&app, &id).await["locale"], "ar");
    let body = problem(
        app.patch(&format!("/checkouts/{id}"), &json!({"locale": "tlh"}))
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error_fields(&body), ["locale"]);
    assert_eq!(session(&app, &id).await["locale"], "ar", "unchanged");
    let back = app
        .patch(&format!("/checkouts/{id}"), &json!({"locale": "auto"}))
        .await;
    assert_eq!(back.status(), StatusCode::OK);
    assert_eq!(session(&app, &id).await["locale"], "auto");

    let preview = problem(
        app.post(
            "/checkouts/preview",
            &json!({"plan_id": c.plan, "customer_id": customer, "locale": "xx"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error_fields(&preview), ["locale"]);
    let ok = app
        .post(
            "/checkouts/preview",
            &json!({"plan_id": c.plan, "customer_id": customer, "locale": "ja"}),
        )
        .await;
    assert_eq!(ok.status(), StatusCode::OK);
}

#[tokio::test]
async fn auto_follows_accept_language_by_quality_with_cldr_formats() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let v = app
        .create_checkout(
            json!({"plan_id": c.plan, "customer_id": customer, "start_date": "2026-12-01"}),
        )
        .await;
    let link = link_of(&v);
    let b = Browser::new(&app);

    // German is preferred over French by quality, whatever the order.
    let plan = get_in(
        &b,
        &format!("/checkout/{link}"),
        "fr;q=0.5, de-AT;q=0.9, *;q=0.1",
    )
    .await;
    assert_eq!(plan.status, StatusCode::OK);
    assert!(plan.has("<html lang=\"de\" dir=\"ltr\">"), "{}", plan.body);
    assert_eq!(content_language(&plan), "de");
    assert!(plan.has("Bestellübersicht"), "{}", plan.body);
    // 5 seats × $10.00, in German notation.
    assert!(plan.has("50,00\u{a0}$"), "{}", plan.body);

    let review = get_in(&b, &format!("/checkout/{link}/review"), "de").await;
    assert!(review.has("1. Dez. 2026"), "{}", review.body);
    assert!(!review.has("$50.00"), "no English amounts: {}", review.body);

    // Nothing supported: English.
    let en = get_in(&b, &format!("/checkout/{link}"), "ko-KR, tlh;q=0.8").await;
    assert!(en.has("<html lang=\"en\" dir=\"ltr\">"));
    assert!(en.has("$50.00"));
    // q=0 refuses a language.
    let refused = get_in(&b, &format!("/checkout/{link}"), "de;q=0, ja;q=0.2").await;
    assert!(refused.has("<html lang=\"ja\""), "{}", refused.body);
}

#[tokio::test]
async fn the_customer_choice_beats_a_fixed_locale_and_is_kept_for_the_browser_session() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let v = app
        .create_checkout(json!({"plan_id": c.plan, "customer_id": customer, "locale": "ja"}))
        .await;
    let link = link_of(&v);
    let b = Browser::new(&app);

    // The merchant's locale beats the browser's.
    let ja = get_in(&b, &format!("/checkout/{link}"), "de").await;
    assert!(ja.has("<html lang=\"ja\" dir=\"ltr\">"), "{}", ja.body);
    // Every page offers every locale, each named in its own language, the current one chosen.
    assert!(ja.has("<form method=\"get\" class=\"locale-switcher\">"));
    assert!(
        ja.has("<option value=\"ja\" lang=\"ja\" selected>日本語</option>"),
        "{}",
        ja.body
    );
    assert!(
        ja.has("<option value=\"ar\" lang=\"ar\">العربية</option>"),
        "{}",
        ja.body
    );
    assert_eq!(ja.body.matches("<option value=").count(), 14);

    // The switcher submits `?locale=`; right-to-left for Arabic.
    let ar = get_in(&b, &format!("/checkout/{link}?locale=ar"), "de").await;
    assert!(ar.has("<html lang=\"ar\" dir=\"rtl\">"), "{}", ar.body);
    assert_eq!(content_language(&ar), "ar");
    // Remembered by the browser session on every page, without the query.
    let review = get_in(&b, &format!("/checkout/{link}/review"), "de").await;
    assert!(
        review.has("<html lang=\"ar\" dir=\"rtl\">"),
        "{}",
        review.body
    );
    // An unknown choice changes nothing.
    let still = get_in(&b, &format!("/checkout/{link}?locale=xx"), "de").await;
    assert_eq!(still.status, StatusCode::OK);
    assert!(still.has("<html lang=\"ar\""));

    // Another browser has made no choice.
    let other = Browser::new(&app);
    let fresh = get_in(&other, &format!("/checkout/{link}"), "de").await;
    assert!(fresh.has("<html lang=\"ja\""));
}

#[tokio::test]
async fn update_total_recalculates_the_order_summary_and_stays_on_the_plan_step() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let v = app
        .create_checkout(json!({"plan_id": c.plan, "customer_id": customer}))
        .await;
    let (id, link) = (sid(&v), link_of(&v));
    let b = Browser::new(&app);

    let plan = b.get(&format!("/checkout/{link}")).await;
    let summary = summary_of(&plan);
    assert!(
        summary.contains("Invoiced today</span> <strong class=\"amount\">$50.00</strong>"),
        "{summary}"
    );
    assert!(summary.contains("name=\"update_total\""), "{summary}");

    let r = b
        .post(
            &format!("/checkout/{link}/plan"),
            &[
                f("plan_id", c.plan.to_string()),
                f(format!("quantity.{}", c.seats), "12"),
                f(format!("enabled.{}", c.support), "on"),
                f("update_total", "1"),
            ],
        )
        .await;
    assert_eq!(location(&r), format!("/checkout/{link}"));
    let again = b.get(&format!("/checkout/{link}")).await;
    // 12 × $10.00 + $49.00 support.
    assert!(
        summary_of(&again).contains("<strong class=\"amount\">$169.00</strong>"),
        "{}",
        summary_of(&again)
    );
    assert!(again.has(&format!("name=\"quantity.{}\" value=\"12\"", c.seats)));
    let s = session(&app, &id).await;
    assert_eq!(
        s["estimates"]["current_invoice"]["total"].to_string(),
        "169.00"
    );

    // An invalid quantity is shown beside its field, and the summary says why it is missing.
    let r = b
        .post(
            &format!("/checkout/{link}/plan"),
            &[
                f("plan_id", c.plan.to_string()),
                f(format!("quantity.{}", c.seats), "500"),
                f("update_total", "1"),
            ],
        )
        .await;
    let bad = page_of(r).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.has("aria-invalid=\"true\""));
    assert_eq!(
        session(&app, &id).await["estimates"]["current_invoice"]["total"].to_string(),
        "169.00",
        "nothing half-written"
    );

    // Continue (the default button) goes on to the review.
    let r = b
        .post(
            &format!("/checkout/{link}/plan"),
            &[
                f("plan_id", c.plan.to_string()),
                f(format!("quantity.{}", c.seats), "3"),
            ],
        )
        .await;
    assert_eq!(location(&r), format!("/checkout/{link}/review"));
}

/// The `<aside>` of the plan step.
fn summary_of(p: &Page) -> &str {
    let start = p
        .body
        .find("<aside class=\"card order-summary\"")
        .expect("summary");
    let end = start + p.body[start..].find("</aside>").expect("end");
    &p.body[start..end]
}

#[tokio::test]
async fn the_review_puts_the_summary_first_and_names_the_plan_being_left() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let annual = app.plan_on(&c, "Team (annual)", "100.00", "P1Y").await;
    let contract = app.import_contract(c.plan, "2026-01-01").await;
    let kid = contract["id"].as_str().unwrap();
    let v = app
        .create_checkout(json!({"contract_id": kid, "plan_id": annual, "start_date": "2026-01-01"}))
        .await;
    let link = link_of(&v);
    let b = Browser::new(&app);
    let review = b.get(&format!("/checkout/{link}/review")).await;
    assert_eq!(review.status, StatusCode::OK, "{}", review.body);
    assert!(review.has("From Team to Team (annual)"), "{}", review.body);

    // The short summary comes before the contract and both invoices, and links to the button.
    let top = review.body.find("top-summary").expect("top summary");
    let contract_card = review.body.find("id=\"contract-heading\"").unwrap();
    let bar = review.body.find("id=\"confirm-bar\"").expect("confirm bar");
    assert!(top < contract_card && contract_card < bar);
    assert!(review.has("<a href=\"#confirm-bar\">"));
    assert!(!review.has("Due today"));
}

#[tokio::test]
async fn status_and_error_pages_speak_the_customer_language() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let v = app
        .create_checkout(json!({"plan_id": c.plan, "customer_id": customer, "locale": "he"}))
        .await;
    let (id, link) = (sid(&v), link_of(&v));
    let r = app
        .post(&format!("/checkouts/{id}/cancel"), &json!({}))
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let b = Browser::new(&app);
    let done = get_in(&b, &format!("/checkout/{link}"), "en").await;
    assert!(done.has("<html lang=\"he\" dir=\"rtl\">"), "{}", done.body);
    assert!(!done.has("Checkout cancelled"), "{}", done.body);

    // An unknown link: the browser's language, the request id kept.
    let missing = get_in(&b, "/checkout/00000000-0000-7000-8000-000000000000.x", "pl").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.has("<html lang=\"pl\""), "{}", missing.body);
    assert!(!missing.has("Checkout not found"));
}

/// The estimate's own sentences (line descriptions, notes, what a plan change does, the
/// discount's terms) come from the engine as data and are said in the page's language.
#[tokio::test]
async fn the_estimate_s_sentences_are_in_the_page_language() {
    let app = spawn_app().await;
    let cat = app.seat_plan("Team", "10.00", "P1M").await;
    let coupon = app
        .post_ok(
            "/coupons",
            &json!({"name": "Half", "percent_off": 50, "duration": "forever"}),
            StatusCode::CREATED,
        )
        .await;
    let customer = app.create_customer().await;
    let first = app
        .create_checkout(json!({"plan_id": cat.plan, "customer_id": customer, "start_date": "2026-01-01", "discounts": [{"coupon_id": coupon["id"]}]}))
        .await;
    let done = app
        .post_ok(
            &format!("/checkouts/{}/confirm", sid(&first)),
            &json!({}),
            StatusCode::OK,
        )
        .await;
    // 5 → 10 seats on 16 Jan: 16 of 31 days left, half of what was paid comes back.
    let v = app
        .create_checkout(json!({"contract_id": done["contract_id"], "start_date": "2026-01-16", "locale": "de", "product_overrides": [{"product_id": cat.seats, "quantity": 10}]}))
        .await;
    let b = Browser::new(&app);
    let review = b.get(&format!("/checkout/{}/review", link_of(&v))).await;
    assert_eq!(review.status, StatusCode::OK, "{}", review.body);
    for german in [
        "Nicht genutzte Zeit für 5 × Seats, 16. Jan. 2026 – 31. Jan. 2026",
        "Verbleibende Zeit für 10 × Seats, 16. Jan. 2026 – 31. Jan. 2026",
        "Half (50 % Rabatt), bereits von der nicht genutzten Zeit abgezogen",
        "Ihr Rabatt Half (50 % Rabatt) bleibt bestehen.",
        "Gutschriften und Kosten decken den Rest dieses Zeitraums ab: 16. Jan. 2026 – 31. Jan. 2026 (16 von 31 Tagen).",
        "Sie zahlen jetzt 12,90\u{a0}$ für den Rest dieses Zeitraums (16. Jan. 2026 – 31. Jan. 2026). Ab dem 1. Feb. 2026 zahlen Sie 50,00\u{a0}$ pro Monat.",
        "50 % Rabatt jeden Monat.",
    ] {
        assert!(review.has(german), "{german}: {}", review.body);
    }
    for english in [
        "Unused time",
        "Remaining time",
        "already taken off",
        "Your discount",
        "Credits and charges",
        "You pay",
        "every month",
    ] {
        assert!(!review.has(english), "{english}: {}", review.body);
    }
    // The API keeps its English, and the data the page said it from.
    let inv = &v["estimates"]["current_invoice"];
    assert_eq!(
        inv["notes"][1],
        "Credits and charges cover the rest of this period, 16\u{2013}31 Jan 2026 (16 of 31 days)."
    );
    assert_eq!(
        inv["note_details"][1],
        json!({"note": "rest_covered", "start": "2026-01-16", "end": "2026-01-31", "days": 16, "period_days": 31})
    );
    assert_eq!(inv["line_items"][0]["detail"], json!({"counted": true}));
    // While the discount lasts, "from then on" is the discounted price, as the order summary says.
    assert_eq!(
        v["change"]["summary"],
        "You pay $12.90 now for the rest of this period (16\u{2013}31 Jan 2026). From 1 Feb 2026 you pay $50.00 per month."
    );

    // A new subscription in Japanese: a trial, then a coupon for three months.
    let product = app.create_product("Pro", None).await;
    let plan = app
        .create_plan(json!({"name": "Pro", "currency": "USD", "billing_period": "P1M", "trial_period_days": 14, "items": [{"product_id": product, "pricing": {"pricing_type": "flat_fee", "amount": "30.00"}}]}))
        .await;
    let three = app
        .post_ok(
            "/coupons",
            &json!({"name": "Three", "percent_off": 12.5, "duration": "repeating", "duration_in_periods": 3}),
            StatusCode::CREATED,
        )
        .await;
    let v = app
        .create_checkout(json!({"plan_id": plan, "customer_id": customer, "start_date": "2026-12-01", "locale": "ja", "discounts": [{"coupon_id": three["id"]}]}))
        .await;
    let review = b.get(&format!("/checkout/{}/review", link_of(&v))).await;
    assert_eq!(review.status, StatusCode::OK, "{}", review.body);
    for japanese in [
        "3か月間は12.5%オフ、その後は毎月 $30.00 となります。",
        "Pro、無料トライアル、2026年12月1日～2026年12月14日",
        "2026年12月14日まで無料トライアルです。",
        "初回のお支払い（$26.25）は2026年12月15日です。",
        "Three（12.5%オフ）",
    ] {
        assert!(review.has(japanese), "{japanese}: {}", review.body);
    }
    for english in ["free trial", "Free trial", "first payment", "% off"] {
        assert!(!review.has(english), "{english}: {}", review.body);
    }
}

/// What is wrong with a field the customer filled in, and why a code cannot be used, is said in
/// the page's language (the API keeps its English).
#[tokio::test]
async fn form_problems_and_refused_codes_are_in_the_page_language() {
    use hosted_checkout::domain::locale::Locale;
    use hosted_checkout::views::i18n::lang;
    let de = lang(Locale::De);
    let app = spawn_app().await;
    let c = team(&app).await;
    let v = app
        .create_checkout(json!({"plan_id": c.plan, "guest_checkout": true, "business_entity_id": app.entity_id, "locale": "de", "allow_promotion_codes": true}))
        .await;
    let link = link_of(&v);
    let b = Browser::new(&app);
    b.get(&format!("/checkout/{link}/details")).await;
    let r = b
        .post(
            &format!("/checkout/{link}/details"),
            &details_form("Ada", "not-an-email", "XX"),
        )
        .await;
    let p = page_of(r).await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    for id in ["problem-email", "problem-country"] {
        let german = de.t(id);
        assert!(!german.is_empty() && german != id);
        assert!(p.has(&german), "{id} ({german}): {}", p.body);
    }
    assert!(!p.has("enter a valid email address"), "{}", p.body);
    assert!(!p.has("ISO 3166 country code, like"), "{}", p.body);

    let ok = b
        .post(
            &format!("/checkout/{link}/details"),
            &details_form("Ada", "ada@example.com", "DE"),
        )
        .await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    b.get(&format!("/checkout/{link}/review")).await;
    let r = b
        .post(
            &format!("/checkout/{link}/promotion_code"),
            &[f("promotion_code", "NOPE")],
        )
        .await;
    let p = page_of(r).await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        p.has(&format!(
            "<p class=\"field-error\" id=\"promotion_code-error\">{}</p>",
            de.t("code-unknown")
        )),
        "{}",
        p.body
    );
    assert!(!p.has("this code is not valid"), "{}", p.body);
}
