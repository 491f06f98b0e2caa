//! Hostile input: arbitrary JSON and strings at the decoders; never a 5xx.

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Value, json};

use crate::support::spawn_app;

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        "[-0-9.eE+]{1,30}".prop_map(|s| s
            .parse::<serde_json::Number>()
            .map(Value::Number)
            .unwrap_or(Value::String(s))),
        ".{0,40}".prop_map(Value::String),
        Just(json!("00000000-0000-0000-0000-000000000000")),
        Just(json!("2026-02-30")),
        Just(json!("https://good.example@evil.example")),
        Just(json!("1e400")),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("plan_id".to_owned()),
                    Just("contract_id".to_owned()),
                    Just("customer_id".to_owned()),
                    Just("items".to_owned()),
                    Just("pricing".to_owned()),
                    Just("tiers".to_owned()),
                    Just("product_overrides".to_owned()),
                    Just("quantity".to_owned()),
                    Just("expires_at".to_owned()),
                    Just("success_url".to_owned()),
                    Just("metadata".to_owned()),
                    Just("customer_data".to_owned()),
                    Just("guest_checkout".to_owned()),
                    Just("start_date".to_owned()),
                    Just("currency".to_owned()),
                    Just("billing_period".to_owned()),
                    Just("unit_amount".to_owned()),
                    Just("pricing_type".to_owned()),
                    "[a-z_]{1,12}",
                ],
                inner,
                0..6,
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn arbitrary_json_never_yields_a_server_error() {
    let app = spawn_app().await;
    let mut runner = TestRunner::new(Config {
        cases: 300,
        ..Config::default()
    });
    let paths = [
        "/checkouts",
        "/checkouts/preview",
        "/plans",
        "/customers",
        "/products",
        "/business_entities",
        "/contracts",
    ];
    let mut cases = Vec::new();
    for _ in 0..300 {
        let tree = arb_json().new_tree(&mut runner).unwrap();
        cases.push(tree.current());
    }
    for (n, body) in cases.iter().enumerate() {
        let path = paths[n % paths.len()];
        let r = app
            .client
            .post(format!("{}{path}", app.address))
            .header("x-api-key", &app.api_key)
            .json(body)
            .send()
            .await
            .unwrap();
        assert!(r.status().as_u16() < 500, "{path} {body} → {}", r.status());
    }
    // Raw bytes that are not JSON at all, and strings in the path and query.
    for raw in [
        "",
        "{",
        "[]",
        "null",
        "\"x\"",
        "{\"plan_id\": [}",
        "\u{0}\u{1}",
        "{\"a\":1e999999}",
    ] {
        let r = app
            .client
            .post(format!("{}/checkouts", app.address))
            .header("x-api-key", &app.api_key)
            .header("content-type", "application/json")
            .body(raw.to_owned())
            .send()
            .await
            .unwrap();
        assert!(r.status().as_u16() < 500, "{raw:?} → {}", r.status());
    }
    for q in [
        "limit=-1",
        "limit=abc",
        "starting_after=%00",
        "checkout_status=%E2%80%AE",
        "limit=1&limit=2",
        "x=1",
    ] {
        let r = app
            .client
            .get(format!("{}/checkouts?{q}", app.address))
            .header("x-api-key", &app.api_key)
            .send()
            .await
            .unwrap();
        assert!(r.status().as_u16() < 500, "{q} → {}", r.status());
    }
    for p in [
        "/checkouts/%2e%2e",
        "/checkouts/not-a-uuid",
        "/checkout/%00",
        "/checkout/../../etc/passwd",
        "/plans/00000000-0000-0000-0000-000000000000",
    ] {
        let r = app
            .client
            .get(format!("{}{p}", app.address))
            .header("x-api-key", &app.api_key)
            .send()
            .await
            .unwrap();
        assert!(r.status().as_u16() < 500, "{p} → {}", r.status());
    }
}

#[tokio::test]
async fn open_redirect_tricks_are_rejected_with_the_field_named() {
    let app = spawn_app().await;
    let (plan, customer) = crate::support::catalog(&app.client, &app.address, &app.api_key).await;
    for bad in [
        "//evil.example",
        "https://good.example@evil.example",
        "https:/\\evil.example",
        "javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "%2F%2Fevil.example",
        "https%3A%2F%2Fevil.example",
        "https://good.example/\u{0007}",
        " https://good.example",
        "https://good.example/a b",
        "http://",
    ] {
        let r = app
            .client
            .post(format!("{}/checkouts", app.address))
            .header("x-api-key", &app.api_key)
            .json(&json!({"plan_id": plan, "customer_id": customer, "success_url": bad, "cancel_url": bad}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422, "{bad:?} accepted");
        let v: Value = r.json().await.unwrap();
        let fields: Vec<&str> = v["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        assert_eq!(fields, ["success_url", "cancel_url"], "{bad:?}");
    }
}

#[tokio::test]
async fn slow_clients_are_cut_off_without_blocking_others() {
    use tokio::io::AsyncReadExt;
    use tokio::io::AsyncWriteExt;
    let (url, tmp) = crate::support::fresh_database().await;
    let app = crate::support::spawn_on(url, tmp, |s| s.client_timeout_ms = 500).await;
    let addr = app.address.trim_start_matches("http://").to_owned();
    // Ten connections that send half a request line and stall.
    let mut stalled = Vec::new();
    for _ in 0..10 {
        let mut s = tokio::net::TcpStream::connect(&addr).await.unwrap();
        s.write_all(b"POST /checkouts HTTP/1.1\r\nHost: x\r\n")
            .await
            .unwrap();
        stalled.push(s);
    }
    let t = std::time::Instant::now();
    let r = app
        .client
        .get(format!("{}/healthz", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        t.elapsed() < std::time::Duration::from_secs(1),
        "others are served while slow clients stall"
    );
    // The stalled connections are answered 408 and closed once the header timeout passes.
    for mut s in stalled {
        let mut buf = Vec::new();
        let read =
            tokio::time::timeout(std::time::Duration::from_secs(5), s.read_to_end(&mut buf)).await;
        assert!(read.is_ok(), "slow client still connected after 5 s");
        let text = String::from_utf8_lossy(&buf);
        assert!(
            text.is_empty() || text.starts_with("HTTP/1.1 408"),
            "{text}"
        );
    }
}

#[tokio::test]
async fn valid_json_of_the_wrong_shape_is_422_naming_the_field() {
    let app = spawn_app().await;
    for (body, field) in [
        (json!({"proration_behavior": {}}), "proration_behavior"),
        (
            json!({"proration_behavior": "sometimes"}),
            "proration_behavior",
        ),
        (json!({"metadata": [1, 2]}), "metadata"),
        (
            json!({"product_overrides": [{"product_id": "00000000-0000-0000-0000-000000000000", "quantity": -1}]}),
            "product_overrides[0].quantity",
        ),
        (json!([null, null]), "body"),
    ] {
        let r = app
            .client
            .post(format!("{}/checkouts", app.address))
            .header("x-api-key", &app.api_key)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422, "{body}");
        let v: Value = r.json().await.unwrap();
        assert_eq!(v["errors"][0]["field"], field, "{body}");
    }
}
