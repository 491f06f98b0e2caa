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
