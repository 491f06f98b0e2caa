//! Coupons and promotion codes (SPEC §10), and discounts on sessions and contracts.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::*;

#[tokio::test]
async fn coupons_are_created_read_listed_and_archived() {
    let app = spawn_app().await;
    let c = app
        .post_ok(
            "/coupons",
            &json!({"name": "Spring", "percent_off": "12.5", "duration": "repeating", "duration_in_periods": 3, "max_redemptions": 10, "metadata": {"campaign": "spring"}}),
            StatusCode::CREATED,
        )
        .await;
    assert_eq!(c["percent_off"], json!(12.5));
    assert_eq!(c["amount_off"], Value::Null);
    assert_eq!(
        (&c["duration"], &c["duration_in_periods"]),
        (&json!("repeating"), &json!(3))
    );
    assert_eq!(
        (&c["times_redeemed"], &c["valid"]),
        (&json!(0), &json!(true))
    );
    assert_eq!(c["applies_to"], Value::Null);
    let got = app.get_ok(&format!("/coupons/{}", id(&c))).await;
    assert_eq!(got, c);
    let list = app.get_ok("/coupons").await;
    assert_eq!(list["data"][0]["id"], c["id"]);
    let archived = app
        .post_ok(
            &format!("/coupons/{}/archive", id(&c)),
            &json!({}),
            StatusCode::OK,
        )
        .await;
    assert_eq!(
        (&archived["status"], &archived["valid"]),
        (&json!("archived"), &json!(false))
    );
    // Another organisation sees none of it.
    let other = hosted_checkout::services::organisations::create_organisation(&app.ctx, "Other")
        .await
        .unwrap();
    let r = app
        .client
        .get(app.url(&format!("/coupons/{}", id(&c))))
        .header("x-api-key", &other.api_key)
        .send()
        .await
        .unwrap();
    problem(r, StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn coupon_validation_names_every_bad_field() {
    let app = spawn_app().await;
    let cases = [
        (
            json!({"name": "X", "duration": "once"}),
            vec!["percent_off"],
        ),
        (
            json!({"name": "X", "percent_off": 10, "amount_off": 5, "duration": "once"}),
            vec!["percent_off"],
        ),
        (
            json!({"name": "X", "percent_off": "100.5", "duration": "once"}),
            vec!["percent_off"],
        ),
        (
            json!({"name": "X", "percent_off": "10.125", "duration": "once"}),
            vec!["percent_off"],
        ),
        (
            json!({"name": "X", "amount_off": 5, "duration": "once"}),
            vec!["currency"],
        ),
        (
            json!({"name": "X", "amount_off": "5.001", "currency": "USD", "duration": "once"}),
            vec!["amount_off"],
        ),
        (
            json!({"name": "X", "percent_off": 10, "duration": "repeating"}),
            vec!["duration_in_periods"],
        ),
        (
            json!({"name": "X", "percent_off": 10, "duration": "once", "duration_in_periods": 2}),
            vec!["duration_in_periods"],
        ),
        (
            json!({"name": "", "percent_off": 10, "duration": "sometimes", "max_redemptions": 0}),
            vec!["name", "duration", "max_redemptions"],
        ),
        (
            json!({"name": "X", "percent_off": 10, "duration": "once", "redeem_by": "2000-01-01T00:00:00Z", "applies_to": {"product_ids": ["00000000-0000-0000-0000-000000000001"]}}),
            vec!["redeem_by", "applies_to.product_ids[0]"],
        ),
    ];
    for (body, fields) in cases {
        let r = app.post("/coupons", &body).await;
        let p = problem(r, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(error_fields(&p), fields, "{body}");
    }
}

async fn coupon(app: &TestApp, body: Value) -> Value {
    app.post_ok("/coupons", &body, StatusCode::CREATED).await
}

#[tokio::test]
async fn promotion_codes_are_unique_among_active_codes_in_any_case() {
    let app = spawn_app().await;
    let c = coupon(
        &app,
        json!({"name": "Spring", "percent_off": 20, "duration": "once"}),
    )
    .await;
    let code = app
        .post_ok(
            "/promotion_codes",
            &json!({"coupon_id": id(&c), "code": "Spring20", "max_redemptions": 5, "restrictions": {"first_time_transaction": true, "minimum_amount": "50.00", "minimum_amount_currency": "USD"}}),
            StatusCode::CREATED,
        )
        .await;
    assert_eq!(
        (
            &code["code"],
            &code["active"],
            &code["valid"],
            &code["times_redeemed"]
        ),
        (&json!("Spring20"), &json!(true), &json!(true), &json!(0))
    );
    assert_eq!(
        code["restrictions"].to_string(),
        r#"{"first_time_transaction":true,"minimum_amount":50.00,"minimum_amount_currency":"USD"}"#
    );
    let r = app
        .post(
            "/promotion_codes",
            &json!({"coupon_id": id(&c), "code": "SPRING20"}),
        )
        .await;
    let p = problem(r, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(error_fields(&p), ["code"]);
    // Deactivated, its text is free again; reactivating it then clashes.
    let off = app
        .patch(
            &format!("/promotion_codes/{}", id(&code)),
            &json!({"active": false}),
        )
        .await;
    assert_eq!(off.status(), StatusCode::OK);
    let again = app
        .post_ok(
            "/promotion_codes",
            &json!({"coupon_id": id(&c), "code": "spring20"}),
            StatusCode::CREATED,
        )
        .await;
    assert_ne!(again["id"], code["id"]);
    let r = app
        .patch(
            &format!("/promotion_codes/{}", id(&code)),
            &json!({"active": true}),
        )
        .await;
    let p = problem(r, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(error_fields(&p), ["code"]);
    let list = app.get_ok("/promotion_codes").await;
    assert_eq!(list["data"].as_array().unwrap().len(), 2);
    for (body, fields) in [
        (json!({"code": "ab"}), vec!["coupon_id", "code"]),
        (
            json!({"coupon_id": id(&c), "code": "has space", "restrictions": {"minimum_amount": 5}}),
            vec!["code", "restrictions.minimum_amount_currency"],
        ),
        (
            json!({"coupon_id": "00000000-0000-0000-0000-000000000001", "code": "OKAY1", "expires_at": "2001-01-01T00:00:00Z"}),
            vec!["coupon_id", "expires_at"],
        ),
    ] {
        let r = app.post("/promotion_codes", &body).await;
        let p = problem(r, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(error_fields(&p), fields, "{body}");
    }
}

// ------------------------------------------------------------------ discounts on sessions

/// A monthly USD plan: one flat item at `price`, optionally with a trial.
async fn flat_plan(app: &TestApp, price: &str, trial_days: u32) -> (uuid::Uuid, uuid::Uuid) {
    let product = app.create_product("Team", None).await;
    let plan = app
        .create_plan(json!({"name": "Team", "currency": "USD", "billing_period": "P1M", "trial_period_days": trial_days, "items": [{"product_id": product, "pricing": {"pricing_type": "flat_fee", "amount": price}}]}))
        .await;
    (plan, product)
}

fn money(v: &Value) -> String {
    v.to_string()
}

async fn session(app: &TestApp, body: Value) -> Value {
    app.create_checkout(body).await
}

#[tokio::test]
async fn a_coupon_discounts_the_session_and_is_redeemed_and_kept_by_the_contract() {
    let app = spawn_app().await;
    let (plan, _) = flat_plan(&app, "60.00", 0).await;
    let c = coupon(&app, json!({"name": "Launch", "percent_off": 20, "duration": "repeating", "duration_in_periods": 3})).await;
    let customer = app.create_customer().await;
    let s = session(&app, json!({"plan_id": plan, "customer_id": customer, "start_date": "2026-01-01", "discounts": [{"coupon_id": id(&c)}]})).await;
    let inv = &s["estimates"]["current_invoice"];
    assert_eq!(
        (
            money(&inv["subtotal"]),
            money(&inv["discount"]),
            money(&inv["total"])
        ),
        ("60.00".into(), "-12.00".into(), "48.00".into())
    );
    let line = inv["line_items"].as_array().unwrap().last().unwrap();
    assert_eq!(
        (&line["kind"], &line["name"]),
        (&json!("discount"), &json!("Launch"))
    );
    assert_eq!(
        s["discount"]["summary"],
        "20% off for 3 months, then $60.00 per month."
    );
    assert_eq!(
        (&s["discount"]["starts_on"], &s["discount"]["ends_before"]),
        (&json!("2026-01-01"), &json!("2026-04-01"))
    );
    assert_eq!(
        s["discounts"],
        json!([{"coupon_id": c["id"], "promotion_code_id": null}])
    );
    assert_eq!(money(&s["estimates"]["next_invoice"]["total"]), "48.00");
    // The list shows the same discount (spliced from what was stored).
    let listed = app.get_ok("/checkouts").await;
    assert_eq!(listed["data"][0]["discount"], s["discount"]);

    let done = app
        .post_ok(
            &format!("/checkouts/{}/confirm", id(&s)),
            &json!({}),
            StatusCode::OK,
        )
        .await;
    let contract = app
        .get_ok(&format!(
            "/contracts/{}",
            done["contract_id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(contract["discount"], s["discount"]);
    let c = app.get_ok(&format!("/coupons/{}", id(&c))).await;
    assert_eq!(c["times_redeemed"], 1);
}

#[tokio::test]
async fn a_trial_does_not_use_up_a_once_coupon() {
    let app = spawn_app().await;
    let (plan, _) = flat_plan(&app, "60.00", 14).await;
    let c = coupon(
        &app,
        json!({"name": "Once", "percent_off": 20, "duration": "once"}),
    )
    .await;
    let customer = app.create_customer().await;
    let s = session(&app, json!({"plan_id": plan, "customer_id": customer, "start_date": "2026-01-01", "discounts": [{"coupon_id": id(&c)}]})).await;
    let trial = &s["estimates"]["current_invoice"];
    assert_eq!(
        (money(&trial["discount"]), money(&trial["total"])),
        ("0.00".into(), "0.00".into())
    );
    let first_paid = &s["estimates"]["next_invoice"];
    assert_eq!(first_paid["period_start"], "2026-01-15");
    assert_eq!(
        (money(&first_paid["discount"]), money(&first_paid["total"])),
        ("-12.00".into(), "48.00".into())
    );
    assert_eq!(s["discount"]["starts_on"], "2026-01-15");
}

/// A contract on `plan` (per-seat) confirmed through a session with `coupon`, from 1 Jan 2026.
async fn discounted_contract(app: &TestApp, plan: uuid::Uuid, coupon: &Value) -> String {
    let customer = app.create_customer().await;
    let s = session(app, json!({"plan_id": plan, "customer_id": customer, "start_date": "2026-01-01", "discounts": [{"coupon_id": id(coupon)}]})).await;
    let done = app
        .post_ok(
            &format!("/checkouts/{}/confirm", id(&s)),
            &json!({}),
            StatusCode::OK,
        )
        .await;
    done["contract_id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn repeating_3_is_on_the_next_invoice_of_period_3_but_not_4() {
    let app = spawn_app().await;
    let cat = app.seat_plan("Team", "10.00", "P1M").await;
    let c = coupon(&app, json!({"name": "Three", "percent_off": 20, "duration": "repeating", "duration_in_periods": 3})).await;
    let contract = discounted_contract(&app, cat.plan, &c).await;
    let change = |start: &'static str| json!({"contract_id": contract, "start_date": start, "proration_behavior": "prorate_now", "product_overrides": [{"product_id": cat.seats, "quantity": 6}]});
    // Period 2 (February): the next invoice is period 3 (March), still discounted.
    let feb = session(&app, change("2026-02-10")).await;
    let next = &feb["estimates"]["next_invoice"];
    assert_eq!(next["period_start"], "2026-03-01");
    assert_eq!(
        (money(&next["discount"]), money(&next["total"])),
        ("-12.00".into(), "48.00".into())
    );
    // Period 3 (March): the next invoice is period 4 (April), at the full price.
    let mar = session(&app, change("2026-03-10")).await;
    let next = &mar["estimates"]["next_invoice"];
    assert_eq!(
        (money(&next["discount"]), money(&next["total"])),
        ("0.00".into(), "60.00".into())
    );
    let notes = mar["estimates"]["current_invoice"]["notes"].to_string();
    assert!(
        notes.contains("Your discount Three (20% off) stays until 31 Mar 2026."),
        "{notes}"
    );
}

#[tokio::test]
async fn a_seat_increase_mid_period_under_a_fifty_percent_coupon() {
    let app = spawn_app().await;
    let cat = app.seat_plan("Team", "10.00", "P1M").await;
    let c = coupon(
        &app,
        json!({"name": "Half", "percent_off": 50, "duration": "forever"}),
    )
    .await;
    let contract = discounted_contract(&app, cat.plan, &c).await;
    // 5 → 10 seats on 16 Jan: 16 of 31 days left.
    let s = session(&app, json!({"contract_id": contract, "start_date": "2026-01-16", "product_overrides": [{"product_id": cat.seats, "quantity": 10}]})).await;
    let inv = &s["estimates"]["current_invoice"];
    let lines: Vec<(String, String)> = inv["line_items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["kind"].as_str().unwrap().to_owned(), money(&l["amount"])))
        .collect();
    // Credit −round(50 × 16/31) = −25.81, half of it was never paid: +12.91 back; charge
    // round(100 × 16/31) = 51.61, half off: −25.81 (round half away from zero).
    assert_eq!(
        lines,
        [
            ("proration_credit".to_owned(), "-25.81".to_owned()),
            ("proration_charge".to_owned(), "51.61".to_owned()),
            ("discount".to_owned(), "12.91".to_owned()),
            ("discount".to_owned(), "-25.81".to_owned()),
        ]
    );
    assert_eq!(money(&inv["total"]), "12.90");
    assert_eq!(money(&s["estimates"]["next_invoice"]["total"]), "50.00");
    let done = app
        .post_ok(
            &format!("/checkouts/{}/confirm", id(&s)),
            &json!({}),
            StatusCode::OK,
        )
        .await;
    let k = app
        .get_ok(&format!(
            "/contracts/{}",
            done["contract_id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(
        k["discount"]["starts_on"], "2026-01-01",
        "the window is the original one"
    );
    // The amendment did not redeem the coupon again.
    assert_eq!(
        app.get_ok(&format!("/coupons/{}", id(&c))).await["times_redeemed"],
        1
    );
}

async fn promotion_code(app: &TestApp, body: Value) -> Value {
    app.post_ok("/promotion_codes", &body, StatusCode::CREATED)
        .await
}

#[tokio::test]
async fn a_promotion_code_that_cannot_be_used_is_a_422_naming_why() {
    let app = spawn_app().await;
    let (plan, _) = flat_plan(&app, "40.00", 0).await;
    let other_product = app.create_product("Other", None).await;
    let all = coupon(
        &app,
        json!({"name": "All", "percent_off": 10, "duration": "once"}),
    )
    .await;
    let elsewhere = coupon(&app, json!({"name": "Elsewhere", "percent_off": 10, "duration": "once", "applies_to": {"product_ids": [other_product]}})).await;
    promotion_code(&app, json!({"coupon_id": id(&all), "code": "BIGORDER", "restrictions": {"minimum_amount": 50, "minimum_amount_currency": "USD"}})).await;
    promotion_code(&app, json!({"coupon_id": id(&all), "code": "WELCOME", "restrictions": {"first_time_transaction": true}})).await;
    promotion_code(
        &app,
        json!({"coupon_id": id(&elsewhere), "code": "OTHERPLAN"}),
    )
    .await;
    let soon = (chrono::Utc::now() + chrono::Duration::hours(1)).to_rfc3339();
    promotion_code(
        &app,
        json!({"coupon_id": id(&all), "code": "SOON", "expires_at": soon}),
    )
    .await;
    let off = promotion_code(&app, json!({"coupon_id": id(&all), "code": "STOPPED"})).await;
    app.patch(
        &format!("/promotion_codes/{}", id(&off)),
        &json!({"active": false}),
    )
    .await;

    // A returning customer: has a contract already.
    let returning = app.create_customer().await;
    app.post_ok(
        "/contracts",
        &json!({"customer_id": returning, "plan_id": plan, "start_date": "2026-01-01"}),
        StatusCode::CREATED,
    )
    .await;
    let fresh = app.create_customer().await;
    app.advance(chrono::Duration::hours(2));
    for (code, customer, reason) in [
        ("NOSUCH", fresh, "this code is not valid"),
        (
            "bigorder",
            fresh,
            "this code needs an order of at least $50.00",
        ),
        (
            "welcome",
            returning,
            "this code is for a first purchase only",
        ),
        ("OTHERPLAN", fresh, "this code is not for this plan"),
        ("soon", fresh, "this code has expired"),
        ("STOPPED", fresh, "this code is no longer active"),
    ] {
        let r = app
            .post("/checkouts", &json!({"plan_id": plan, "customer_id": customer, "discounts": [{"promotion_code": code}]}))
            .await;
        let p = problem(r, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(error_fields(&p), ["discounts[0].promotion_code"], "{code}");
        assert_eq!(p["errors"][0]["message"], reason, "{code}");
    }
    // The first purchase code is fine for a new customer, in any case.
    let s = session(&app, json!({"plan_id": plan, "customer_id": fresh, "discounts": [{"promotion_code": "Welcome"}]})).await;
    assert_eq!(
        money(&s["estimates"]["current_invoice"]["discount"]),
        "-4.00"
    );
    // Both ways of discounting at once, or two discounts, are refused.
    for (body, field) in [
        (
            json!({"plan_id": plan, "customer_id": fresh, "allow_promotion_codes": true, "discounts": [{"coupon_id": id(&all)}]}),
            "allow_promotion_codes",
        ),
        (
            json!({"plan_id": plan, "customer_id": fresh, "discounts": [{"coupon_id": id(&all)}, {"coupon_id": id(&all)}]}),
            "discounts",
        ),
        (
            json!({"plan_id": plan, "customer_id": fresh, "discounts": [{}]}),
            "discounts[0]",
        ),
    ] {
        let p = problem(
            app.post("/checkouts", &body).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(error_fields(&p), [field], "{body}");
    }
    // PATCH replaces and removes; preview prices without storing.
    let patched = app
        .patch(&format!("/checkouts/{}", id(&s)), &json!({"discounts": []}))
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(
        (&patched["discount"], &patched["discounts"]),
        (&Value::Null, &json!([]))
    );
    assert_eq!(
        money(&patched["estimates"]["current_invoice"]["total"]),
        "40.00"
    );
    let preview = app
        .post_ok(
            "/checkouts/preview",
            &json!({"plan_id": plan, "customer_id": fresh, "discounts": [{"coupon_id": id(&all)}]}),
            StatusCode::OK,
        )
        .await;
    assert_eq!(
        money(&preview["estimates"]["current_invoice"]["total"]),
        "36.00"
    );
    assert_eq!(
        preview["discount"]["summary"],
        "10% off your first month, then $40.00 per month."
    );
}

#[tokio::test]
async fn a_code_used_up_between_review_and_confirm_shows_the_new_estimate() {
    let app = spawn_app().await;
    let (plan, _) = flat_plan(&app, "60.00", 0).await;
    let c = coupon(
        &app,
        json!({"name": "Last one", "percent_off": 20, "duration": "once"}),
    )
    .await;
    promotion_code(
        &app,
        json!({"coupon_id": id(&c), "code": "LASTONE", "max_redemptions": 1}),
    )
    .await;
    let mut sessions = Vec::new();
    for _ in 0..2 {
        let customer = app.create_customer().await;
        sessions.push(session(&app, json!({"plan_id": plan, "customer_id": customer, "discounts": [{"promotion_code": "LASTONE"}]})).await);
    }
    for s in &sessions {
        assert_eq!(money(&s["estimates"]["current_invoice"]["total"]), "48.00");
    }
    app.post_ok(
        &format!("/checkouts/{}/confirm", id(&sessions[0])),
        &json!({}),
        StatusCode::OK,
    )
    .await;
    let r = app
        .post(
            &format!("/checkouts/{}/confirm", id(&sessions[1])),
            &json!({}),
        )
        .await;
    let p = problem(r, StatusCode::CONFLICT).await;
    let inv = &p["estimates"]["current_invoice"];
    assert_eq!(
        (money(&inv["discount"]), money(&inv["total"])),
        ("0.00".into(), "60.00".into())
    );
    assert!(
        inv["notes"]
            .to_string()
            .contains("LASTONE cannot be used: this code has been used up.")
    );
    // Accepting the new estimate confirms at the full price; the code stays at one redemption.
    let done = app
        .post_ok(
            &format!("/checkouts/{}/confirm", id(&sessions[1])),
            &json!({}),
            StatusCode::OK,
        )
        .await;
    let k = app
        .get_ok(&format!(
            "/contracts/{}",
            done["contract_id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(k["discount"], Value::Null);
    let codes = app.get_ok("/promotion_codes").await;
    assert_eq!(
        (
            &codes["data"][0]["times_redeemed"],
            &codes["data"][0]["valid"]
        ),
        (&json!(1), &json!(false))
    );
}
