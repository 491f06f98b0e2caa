//! `GET /openapi.json`: valid OpenAPI 3.1, every API route documented, every reference resolves.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::helpers::spawn_app;

/// Every JSON API route the server registers (src/routes/api/mod.rs).
const ROUTES: &[(&str, &str)] = &[
    ("post", "/coupons"),
    ("get", "/coupons"),
    ("get", "/coupons/{id}"),
    ("post", "/coupons/{id}/archive"),
    ("post", "/promotion_codes"),
    ("get", "/promotion_codes"),
    ("get", "/promotion_codes/{id}"),
    ("patch", "/promotion_codes/{id}"),
    ("post", "/business_entities"),
    ("get", "/business_entities"),
    ("get", "/business_entities/{id}"),
    ("post", "/customers"),
    ("get", "/customers"),
    ("get", "/customers/{id}"),
    ("post", "/products"),
    ("get", "/products"),
    ("get", "/products/{id}"),
    ("post", "/plans"),
    ("get", "/plans"),
    ("get", "/plans/{id}"),
    ("post", "/plans/{id}/archive"),
    ("post", "/contracts"),
    ("get", "/contracts"),
    ("get", "/contracts/{id}"),
    ("post", "/checkouts"),
    ("get", "/checkouts"),
    ("post", "/checkouts/preview"),
    ("get", "/checkouts/{id}"),
    ("patch", "/checkouts/{id}"),
    ("post", "/checkouts/{id}/confirm"),
    ("post", "/checkouts/{id}/cancel"),
    ("post", "/checkouts/{id}/expire"),
    ("post", "/webhook_endpoints"),
    ("get", "/webhook_endpoints"),
    ("get", "/webhook_endpoints/{id}"),
    ("patch", "/webhook_endpoints/{id}"),
    ("delete", "/webhook_endpoints/{id}"),
    ("post", "/webhook_endpoints/{id}/rotate_secret"),
    ("get", "/events"),
    ("get", "/events/{id}"),
    ("post", "/events/{id}/resend"),
    ("get", "/organisation"),
    ("post", "/organisation/rotate_redirect_secret"),
    ("post", "/api_keys"),
    ("get", "/api_keys"),
    ("post", "/api_keys/{id}/revoke"),
    ("post", "/checkout_links"),
    ("get", "/checkout_links"),
    ("get", "/checkout_links/{id}"),
    ("patch", "/checkout_links/{id}"),
];

fn refs(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == "$ref" {
                    out.insert(x.as_str().unwrap().to_owned());
                }
                refs(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| refs(x, out)),
        _ => {}
    }
}

#[tokio::test]
async fn openapi_document_is_valid_and_complete() {
    let app = spawn_app().await;
    let r = app
        .client
        .get(app.url("/openapi.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let doc: Value = r.json().await.unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    // It parses as an OpenAPI document.
    let _: utoipa::openapi::OpenApi =
        serde_json::from_value(doc.clone()).expect("a valid OpenAPI document");
    let paths = doc["paths"].as_object().unwrap();
    let mut documented = BTreeSet::new();
    for (path, item) in paths {
        for (method, op) in item.as_object().unwrap() {
            documented.insert((method.clone(), path.clone()));
            let responses = op["responses"].as_object().unwrap();
            assert!(
                responses.keys().any(|s| s.starts_with('2')),
                "{method} {path} has no success response"
            );
            assert!(
                responses.contains_key("401"),
                "{method} {path} documents 401"
            );
            if method != "get" {
                assert!(
                    responses.contains_key("422")
                        || path.ends_with("/expire")
                        || path.ends_with("/archive")
                        || method == "delete",
                    "{method} {path} documents 422"
                );
            }
        }
    }
    let expected: BTreeSet<(String, String)> = ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(
        documented, expected,
        "documented operations = registered routes"
    );
    let mut all = BTreeSet::new();
    refs(&doc, &mut all);
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for r in all {
        let name = r
            .strip_prefix("#/components/schemas/")
            .expect("local schema ref");
        assert!(schemas.contains_key(name), "dangling $ref {r}");
    }
    assert_eq!(
        doc["components"]["securitySchemes"]["api_key"]["name"],
        "x-api-key"
    );
    for schema in [
        "CreateCheckout",
        "CheckoutView",
        "Invoice",
        "Problem",
        "PricingInput",
    ] {
        assert!(schemas.contains_key(schema), "{schema}");
    }
}

/// What a standard validator (openapi-spec-validator: every response object needs a
/// `description`) and client generators need; CI also validates the document and exercises a
/// generated client (`.ci/run`, `scripts/openapi-client-check.py`).
#[tokio::test]
async fn every_operation_has_a_summary_every_response_a_description_and_money_is_decimal() {
    let app = spawn_app().await;
    let doc: Value = app.get_ok("/openapi.json").await;
    let paths = doc["paths"].as_object().expect("paths");
    let mut operations = 0;
    for (path, item) in paths {
        for (method, op) in item.as_object().expect("path item") {
            operations += 1;
            let summary = op["summary"].as_str().unwrap_or_default();
            assert!(!summary.is_empty(), "{method} {path} has no summary");
            for (status, resp) in op["responses"].as_object().expect("responses") {
                let d = resp["description"].as_str().unwrap_or_default();
                assert!(!d.is_empty(), "{method} {path} {status} has no description");
            }
        }
    }
    assert_eq!(operations, ROUTES.len());
    let text = doc.to_string();
    assert!(
        !text.contains(r#""format":"double""#),
        "money must not be a float"
    );
    let amount = &doc["components"]["schemas"]["LineItem"]["properties"]["amount"];
    assert_eq!(amount["type"], "number");
    assert_eq!(amount["format"], "decimal");
    assert!(
        amount["description"]
            .as_str()
            .is_some_and(|d| d.contains("Exact decimal"))
    );
}
