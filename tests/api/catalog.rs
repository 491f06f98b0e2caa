//! SPEC §3–§4: authentication, tenancy, catalog validation, exact money, pagination.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{error_fields, id, problem, spawn_app};

#[tokio::test]
async fn requests_without_a_valid_key_are_401() {
    let app = spawn_app().await;
    let r = app.client.get(app.url("/products")).send().await.unwrap();
    problem(r, StatusCode::UNAUTHORIZED).await;
    let r = app
        .client
        .get(app.url("/products"))
        .header("x-api-key", "hc_wrong")
        .send()
        .await
        .unwrap();
    problem(r, StatusCode::UNAUTHORIZED).await;
    let r = app
        .client
        .get(app.url("/products"))
        .header("x-api-key", &app.api_key)
        .header("organisation", uuid::Uuid::new_v4().to_string())
        .send()
        .await
        .unwrap();
    problem(r, StatusCode::UNAUTHORIZED).await;
    let r = app
        .client
        .get(app.url("/products"))
        .header("x-api-key", &app.api_key)
        .header("organisation", app.org_id.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn another_organisations_objects_are_404_and_never_listed() {
    let app = spawn_app().await;
    let seller = app.seat_plan("Team", "12.00", "P1M").await;
    let customer = app.create_customer().await;
    let other = hosted_checkout::services::organisations::create_organisation(&app.ctx, "Other")
        .await
        .unwrap();
    let as_other = |path: String| {
        app.client
            .get(app.url(&path))
            .header("x-api-key", other.api_key.clone())
            .send()
    };
    for path in [
        format!("/plans/{}", seller.plan),
        format!("/products/{}", seller.seats),
        format!("/customers/{customer}"),
        format!("/business_entities/{}", app.entity_id),
    ] {
        problem(as_other(path.clone()).await.unwrap(), StatusCode::NOT_FOUND).await;
        assert_eq!(app.get(&path).await.status(), StatusCode::OK, "{path}");
    }
    for path in [
        "/plans",
        "/products",
        "/customers",
        "/business_entities",
        "/contracts",
        "/checkouts",
    ] {
        let v: Value = as_other(path.to_owned())
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let ids: Vec<&str> = v["data"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|o| o["id"].as_str())
            .collect();
        assert!(!ids.contains(&seller.plan.to_string().as_str()));
        assert!(!ids.contains(&customer.to_string().as_str()));
        if path == "/business_entities" {
            assert_eq!(ids, [other.business_entity_id.to_string()]);
        } else {
            assert!(ids.is_empty(), "{path} leaked {ids:?}");
        }
    }
    // Using another organisation's product in a plan is a validation error, not a leak.
    let r = app
        .client
        .post(app.url("/plans"))
        .header("x-api-key", &other.api_key)
        .json(&json!({"name": "X", "currency": "USD", "billing_period": "P1M", "items": [{"product_id": seller.seats, "pricing": {"pricing_type": "flat_fee", "amount": 1}}]}))
        .send()
        .await
        .unwrap();
    let p = problem(r, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(error_fields(&p), ["items[0].product_id"]);
}

#[tokio::test]
async fn every_pricing_type_round_trips_exactly() {
    let app = spawn_app().await;
    let product = app.create_product("Events", Some("event")).await;
    let pricings = [
        json!({"pricing_type": "flat_fee", "amount": 29.99}),
        json!({"pricing_type": "per_unit", "unit_amount": "0.0005"}),
        json!({"pricing_type": "tiered", "tiers": [{"up_to": 500, "unit_amount": 2, "flat_amount": null}, {"up_to": 2000, "unit_amount": "1.5", "flat_amount": 10}, {"up_to": null, "unit_amount": 1, "flat_amount": null}]}),
        json!({"pricing_type": "volume", "tiers": [{"up_to": 500, "unit_amount": 2, "flat_amount": null}, {"up_to": null, "unit_amount": "1.25", "flat_amount": null}]}),
        json!({"pricing_type": "package", "package_size": 100, "package_amount": 8}),
        json!({"pricing_type": "step", "tiers": [{"up_to": 500, "unit_amount": null, "flat_amount": 100}, {"up_to": null, "unit_amount": null, "flat_amount": 600}]}),
    ];
    for pricing in pricings {
        let plan = app
            .create_plan(json!({"name": "P", "currency": "USD", "billing_period": "P1M", "items": [{"product_id": product, "pricing": pricing.clone()}]}))
            .await;
        let raw = app
            .get(&format!("/plans/{plan}"))
            .await
            .text()
            .await
            .unwrap();
        let v: Value = serde_json::from_str(&raw).unwrap();
        let got = &v["items"][0]["pricing"];
        assert_eq!(got["pricing_type"], pricing["pricing_type"]);
        // Exact decimal text, not a float approximation.
        if pricing["pricing_type"] == "per_unit" {
            assert!(raw.contains("\"unit_amount\":0.0005"), "{raw}");
        }
        if pricing["pricing_type"] == "flat_fee" {
            assert!(raw.contains("\"amount\":29.99"), "{raw}");
        }
        if pricing["pricing_type"] == "tiered" {
            assert!(raw.contains("\"unit_amount\":1.5"), "{raw}");
            assert_eq!(got["tiers"][2]["up_to"], Value::Null);
        }
        if pricing["pricing_type"] == "package" {
            assert_eq!(got["package_size"], 100);
        }
    }
}

#[tokio::test]
async fn step_tiers_exported_with_a_zero_unit_amount_are_accepted() {
    let app = spawn_app().await;
    let product = app.create_product("Events", Some("event")).await;
    let plan = app
        .create_plan(json!({"name": "P", "currency": "USD", "billing_period": "P1M", "items": [{"product_id": product, "pricing": {"pricing_type": "step", "tiers": [{"up_to": 10, "unit_amount": 0, "flat_amount": 20}, {"up_to": null, "unit_amount": "0.00", "flat_amount": 50}]}}]}))
        .await;
    let v: Value = app
        .get(&format!("/plans/{plan}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        v["items"][0]["pricing"]["tiers"][0]["unit_amount"],
        Value::Null
    );
    assert_eq!(v["items"][0]["pricing"]["tiers"][1]["flat_amount"], 50);
    // A unit amount that prices something still contradicts the flat amounts.
    let r = app
        .post(
            "/plans",
            &json!({"name": "P", "currency": "USD", "billing_period": "P1M", "items": [{"product_id": product, "pricing": {"pricing_type": "step", "tiers": [{"up_to": null, "unit_amount": 1, "flat_amount": 50}]}}]}),
        )
        .await;
    let p = problem(r, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(error_fields(&p), ["items[0].pricing.tiers[0].unit_amount"]);
}

#[tokio::test]
async fn plan_validation_names_every_bad_field() {
    let app = spawn_app().await;
    let product = app.create_product("Seats", Some("seat")).await;
    let r = app
        .post(
            "/plans",
            &json!({
                "name": "",
                "currency": "usd",
                "billing_period": "P2W",
                "items": [
                    {"product_id": product, "pricing": {"pricing_type": "tiered", "tiers": [{"up_to": 10, "unit_amount": 1}, {"up_to": 5, "unit_amount": 1}]}},
                    {"product_id": uuid::Uuid::new_v4(), "pricing": {"pricing_type": "package", "package_size": 0, "package_amount": 5}},
                    {"product_id": product, "pricing": {"pricing_type": "per_unit", "unit_amount": -1}, "min_quantity": 5, "max_quantity": 2}
                ]
            }),
        )
        .await;
    let p = problem(r, StatusCode::UNPROCESSABLE_ENTITY).await;
    let fields = error_fields(&p);
    for f in [
        "name",
        "currency",
        "billing_period",
        "items[1].product_id",
        "items[1].pricing.package_size",
        "items[2].product_id",
        "items[2].pricing.unit_amount",
        "items[2].min_quantity",
    ] {
        assert!(fields.iter().any(|x| x == f), "missing {f} in {fields:?}");
    }
    assert!(
        fields
            .iter()
            .any(|x| x.starts_with("items[0].pricing.tiers")),
        "{fields:?}"
    );
}

#[tokio::test]
async fn wrong_types_are_422_with_the_path_and_bad_json_is_400() {
    let app = spawn_app().await;
    let r = app
        .post(
            "/plans",
            &json!({"name": "P", "items": [{"product_id": "not-a-uuid"}]}),
        )
        .await;
    let p = problem(r, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(error_fields(&p), ["items[0].product_id"]);
    let r = app
        .post("/products", &json!({"name": "X", "colour": "red"}))
        .await;
    let p = problem(r, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(error_fields(&p), ["colour"]);
    let r = app
        .client
        .post(app.url("/products"))
        .header("x-api-key", &app.api_key)
        .header("content-type", "application/json")
        .body("{\"name\": ")
        .send()
        .await
        .unwrap();
    problem(r, StatusCode::BAD_REQUEST).await;
    let big = "x".repeat(70 * 1024);
    let r = app.post("/products", &json!({"name": big})).await;
    problem(r, StatusCode::PAYLOAD_TOO_LARGE).await;
}

#[tokio::test]
async fn lists_paginate_newest_first() {
    let app = spawn_app().await;
    let mut ids = Vec::new();
    for n in 0..5 {
        ids.push(app.create_product(&format!("P{n}"), None).await.to_string());
    }
    ids.reverse();
    let page1 = app.get_ok("/products?limit=2").await;
    let got: Vec<&str> = page1["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(got, &ids[0..2]);
    assert_eq!(page1["has_more"], true);
    let page2 = app
        .get_ok(&format!("/products?limit=2&starting_after={}", ids[1]))
        .await;
    let got: Vec<&str> = page2["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(got, &ids[2..4]);
    let page3 = app
        .get_ok(&format!("/products?limit=2&starting_after={}", ids[3]))
        .await;
    assert_eq!(page3["data"].as_array().unwrap().len(), 1);
    assert_eq!(page3["has_more"], false);
    let p = problem(
        app.get("/products?limit=0").await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error_fields(&p), ["limit"]);
    let p = problem(
        app.get("/products?limit=101").await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error_fields(&p), ["limit"]);
}

#[tokio::test]
async fn business_entities_customers_and_archive() {
    let app = spawn_app().await;
    let e = app
        .post_ok("/business_entities", &json!({"name": "Acme EU", "tax_rate": "19", "brand_color": "#AA3300", "email": "billing@acme.example"}), StatusCode::CREATED)
        .await;
    assert_eq!(e["tax_rate"], json!(19));
    assert_eq!(e["brand_color"], "#aa3300");
    let p = problem(
        app.post(
            "/business_entities",
            &json!({"name": "X", "tax_rate": 101, "brand_color": "red"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error_fields(&p), ["brand_color", "tax_rate"]);
    let c = app
        .post_ok("/customers", &json!({"customer_name": "Ada", "email": "ada@example.com", "business_entity_id": e["id"], "address": {"country": "DE"}}), StatusCode::CREATED)
        .await;
    assert_eq!(c["business_entity_id"], e["id"]);
    let p = problem(
        app.post(
            "/customers",
            &json!({"email": "nope", "address": {"country": "ZZ"}}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(
        error_fields(&p),
        ["customer_name", "email", "address.country"]
    );
    let cat = app.seat_plan("Team", "10", "P1M").await;
    let archived = app
        .post_ok(
            &format!("/plans/{}/archive", cat.plan),
            &json!({}),
            StatusCode::OK,
        )
        .await;
    assert_eq!(archived["status"], "archived");
    assert_eq!(id(&archived), cat.plan);
}

#[tokio::test]
async fn imported_contract_reads_back_with_its_first_version() {
    let app = spawn_app().await;
    let cat = app.seat_plan("Team", "10", "P1M").await;
    let customer = app.create_customer().await;
    let c = app
        .post_ok(
            "/contracts",
            &json!({"customer_id": customer, "plan_id": cat.plan, "start_date": "2026-01-31", "product_overrides": [{"product_id": cat.seats, "quantity": 7}]}),
            StatusCode::CREATED,
        )
        .await;
    let got = app
        .get_ok(&format!("/contracts/{}", c["id"].as_str().unwrap()))
        .await;
    assert_eq!(got["billing_anchor_date"], "2026-01-31");
    assert_eq!(got["status"], "active");
    assert_eq!(got["items"][0]["quantity"], 7);
    assert_eq!(got["versions"].as_array().unwrap().len(), 1);
    assert_eq!(got["versions"][0]["effective_date"], "2026-01-31");
    let p = problem(
        app.post("/contracts", &json!({"customer_id": customer, "plan_id": cat.plan, "product_overrides": [{"product_id": cat.seats, "quantity": 51}]})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error_fields(&p), ["product_overrides[0].quantity"]);
}
