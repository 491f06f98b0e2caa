//! Tenant isolation sweep: another organisation's key on this organisation's ids is 404 on
//! every endpoint, references in bodies are 422, and no list ever shows foreign objects.

use serde_json::{Value, json};

use crate::support::{catalog, create_session, spawn_app};

#[tokio::test]
async fn another_organisation_sees_nothing_on_any_endpoint() {
    let app = spawn_app().await;
    let (c, base, key) = (&app.client, app.address.as_str(), app.api_key.as_str());
    let (plan, customer) = catalog(c, base, key).await;
    let post = |path: String, k: String, body: Value| {
        c.post(format!("{base}{path}"))
            .header("x-api-key", k)
            .json(&body)
            .send()
    };
    let entity: Value = post(
        "/business_entities".into(),
        key.into(),
        json!({"name": "EU"}),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let plan_v: Value = c
        .get(format!("{base}/plans/{plan}"))
        .header("x-api-key", key)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let product = plan_v["items"][0]["product_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let contract: Value = post(
        "/contracts".into(),
        key.into(),
        json!({"customer_id": customer, "plan_id": plan}),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let session: Value = create_session(c, base, key, &plan, &customer)
        .await
        .json()
        .await
        .unwrap();
    let link = session["url"].as_str().unwrap().to_owned();
    let (entity, contract, session) = (
        entity["id"].as_str().unwrap(),
        contract["id"].as_str().unwrap(),
        session["id"].as_str().unwrap(),
    );

    let other = hosted_checkout::services::organisations::create_organisation(&app.ctx, "Other")
        .await
        .unwrap();
    let okey = other.api_key.clone();
    for path in [
        format!("/business_entities/{entity}"),
        format!("/customers/{customer}"),
        format!("/products/{product}"),
        format!("/plans/{plan}"),
        format!("/contracts/{contract}"),
        format!("/checkouts/{session}"),
    ] {
        let r = c
            .get(format!("{base}{path}"))
            .header("x-api-key", &okey)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404, "GET {path}");
    }
    for path in [
        format!("/plans/{plan}/archive"),
        format!("/checkouts/{session}/confirm"),
        format!("/checkouts/{session}/cancel"),
        format!("/checkouts/{session}/expire"),
    ] {
        let r = post(path.clone(), okey.clone(), json!({})).await.unwrap();
        assert_eq!(r.status(), 404, "POST {path}");
    }
    let r = c
        .patch(format!("{base}/checkouts/{session}"))
        .header("x-api-key", &okey)
        .json(&json!({"metadata": {"a": "b"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404, "PATCH checkout");
    // Warm the write-once catalog cache with this organisation's seller and products.
    let page = c.get(&link).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let seller: Value = c
        .get(format!("{base}/checkouts/{session}"))
        .header("x-api-key", key)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let seller = seller["business_entity_id"].as_str().unwrap().to_owned();
    // A cached foreign entity is still invisible to the other organisation.
    let r = post(
        "/checkouts".into(),
        okey.clone(),
        json!({"plan_id": plan, "guest_checkout": true, "business_entity_id": seller}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 422);
    let v: Value = r.json().await.unwrap();
    let fields: Vec<&str> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert!(fields.contains(&"business_entity_id"), "{fields:?}");
    // References in bodies: 422 on the field, never a foreign object.
    let r = post(
        "/checkouts".into(),
        okey.clone(),
        json!({"plan_id": plan, "customer_id": customer}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 422);
    let v: Value = r.json().await.unwrap();
    let fields: Vec<&str> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"plan_id") && fields.contains(&"customer_id"),
        "{fields:?}"
    );
    let r = post("/checkouts".into(), okey.clone(), json!({"contract_id": contract, "product_overrides": [{"product_id": product, "quantity": 2}]})).await.unwrap();
    assert_eq!(r.status(), 422);
    let r = post(
        "/customers".into(),
        okey.clone(),
        json!({"customer_name": "X", "business_entity_id": entity}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 422);
    // Lists.
    for path in [
        "/business_entities",
        "/customers",
        "/products",
        "/plans",
        "/contracts",
        "/checkouts",
    ] {
        let v: Value = c
            .get(format!("{base}{path}?limit=100"))
            .header("x-api-key", &okey)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let ids: Vec<String> = v["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["id"].as_str().unwrap().to_owned())
            .collect();
        let expected: Vec<String> = if path == "/business_entities" {
            vec![other.business_entity_id.to_string()]
        } else {
            vec![]
        };
        assert_eq!(ids, expected, "{path}");
    }
    // The owner still sees everything.
    let r = c
        .get(format!("{base}/checkouts/{session}"))
        .header("x-api-key", key)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}
