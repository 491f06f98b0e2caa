//! Checkout links (SPEC §13) over HTTP: the API, `/l/{slug}` opening a guest session per
//! visit, inactive links, the per-address limit, conversion, and tenant isolation.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, error_fields, id, problem, spawn_app, spawn_app_with};
use crate::hosted::{Browser, details_form, f, location, team};

async fn new_link(app: &TestApp, body: &Value) -> Value {
    app.post_ok("/checkout_links", body, StatusCode::CREATED)
        .await
}

/// The path of a link's `url` on this server (`/l/{slug}`).
fn path_of(app: &TestApp, link: &Value) -> String {
    let url = link["url"].as_str().expect("url");
    let path = url.strip_prefix(&app.url("")).expect("on this server");
    let slug = path.strip_prefix("/l/").expect("/l/ path");
    assert_eq!(slug.len(), 22, "{slug}");
    assert!(
        slug.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
        "{slug}"
    );
    path.to_owned()
}

async fn visit(app: &TestApp, path: &str) -> reqwest::Response {
    app.client
        .get(app.url(path))
        .header("accept", "text/html")
        .send()
        .await
        .expect("visit")
}

#[tokio::test]
async fn a_link_is_created_read_listed_and_answers_with_its_url() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let link = new_link(
        &app,
        &json!({"plan_id": c.plan, "plan_options": [c.plan], "allow_promotion_codes": true,
            "product_overrides": [{"product_id": c.seats, "quantity": 3}],
            "success_url": "https://shop.example/ok/{CHECKOUT_ID}", "locale": "de",
            "metadata": {"campaign": "spring"}}),
    )
    .await;
    assert_eq!(link["object"], "checkout_link");
    assert_eq!(link["active"], true);
    assert_eq!(link["plan_id"], c.plan.to_string());
    assert_eq!(link["business_entity_id"], app.entity_id.to_string());
    assert_eq!(link["locale"], "de");
    assert_eq!(link["allow_promotion_codes"], true);
    assert_eq!(link["product_overrides"][0]["quantity"], 3);
    assert_eq!(link["metadata"]["campaign"], "spring");
    assert_eq!(link["sessions"], 0);
    assert_eq!(link["conversion_percent"], Value::Null);
    path_of(&app, &link);

    let got = app.get_ok(&format!("/checkout_links/{}", id(&link))).await;
    assert_eq!(got["url"], link["url"]);
    let other = new_link(&app, &json!({"plan_id": c.plan})).await;
    assert_ne!(other["url"], link["url"], "every link has its own slug");
    let list = app.get_ok("/checkout_links?limit=1").await;
    assert_eq!(list["data"].as_array().unwrap().len(), 1);
    assert_eq!(list["data"][0]["id"], other["id"], "newest first");
    assert_eq!(list["has_more"], true);
}

#[tokio::test]
async fn a_link_is_checked_like_the_session_it_would_open() {
    let app = spawn_app().await;
    let c = team(&app).await;
    for (body, field) in [
        (json!({}), "plan_id"),
        (json!({"plan_id": uuid::Uuid::now_v7()}), "plan_id"),
        (
            json!({"plan_id": c.plan, "success_url": "javascript:alert(1)"}),
            "success_url",
        ),
        (json!({"plan_id": c.plan, "locale": "xx-YY"}), "locale"),
        (
            json!({"plan_id": c.plan, "product_overrides": [{"product_id": c.seats, "quantity": 99}]}),
            "product_overrides[0].quantity",
        ),
    ] {
        let p = problem(
            app.post("/checkout_links", &body).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(error_fields(&p).iter().any(|f| f == field), "{body}: {p}");
    }
    let p = problem(
        app.post("/checkout_links", &json!({"plan_id": c.plan, "nope": 1}))
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(p["detail"].as_str().unwrap().contains("nope"), "{p}");
    let listed = app.get_ok("/checkout_links").await;
    assert_eq!(listed["data"], json!([]), "nothing half-written");
}

#[tokio::test]
async fn each_visit_opens_a_guest_session_that_records_the_link_and_counts_toward_conversion() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let link = new_link(
        &app,
        &json!({"plan_id": c.plan, "success_url": "https://shop.example/ok/{CHECKOUT_ID}"}),
    )
    .await;
    let path = path_of(&app, &link);
    let b = Browser::new(&app);
    let r = b.client.get(app.url(&path)).send().await.unwrap();
    let hosted = location(&r);
    let key = hosted
        .strip_prefix(&app.url("/checkout/"))
        .expect("hosted page");
    let r2 = visit(&app, &path).await;
    assert_ne!(location(&r2), hosted, "a new session per visit");

    let sessions = app
        .get_ok(&format!("/checkouts?checkout_link_id={}", id(&link)))
        .await;
    let data = sessions["data"].as_array().unwrap();
    assert_eq!(data.len(), 2);
    for s in data {
        assert_eq!(s["checkout_link_id"], link["id"]);
        assert_eq!(s["plan_id"], c.plan.to_string());
        assert_eq!(s["customer_id"], Value::Null, "a guest session");
        assert_eq!(s["checkout_status"], "open");
    }
    let all = app.get_ok("/checkouts").await;
    assert_eq!(all["data"].as_array().unwrap().len(), 2);

    // The first visitor completes it as a guest.
    let plan = b.get(&format!("/checkout/{key}")).await;
    assert_eq!(plan.status, StatusCode::OK);
    let r = b
        .post(
            &format!("/checkout/{key}/plan"),
            &[
                f("plan_id", c.plan.to_string()),
                f(format!("quantity.{}", c.seats), "5"),
            ],
        )
        .await;
    assert_eq!(location(&r), format!("/checkout/{key}/details"));
    b.get(&format!("/checkout/{key}/details")).await;
    let r = b
        .post(
            &format!("/checkout/{key}/details"),
            &details_form("Ada Lovelace", "ada@example.com", "GB"),
        )
        .await;
    assert_eq!(location(&r), format!("/checkout/{key}/review"));
    b.get(&format!("/checkout/{key}/review")).await;
    let r = b.post(&format!("/checkout/{key}/confirm"), &[]).await;
    assert!(location(&r).starts_with("https://shop.example/ok/"));

    let got = app.get_ok(&format!("/checkout_links/{}", id(&link))).await;
    assert_eq!(got["sessions"], 2);
    assert_eq!(got["completed"], 1);
    assert_eq!(got["conversion_percent"], 50);
    let listed = app.get_ok("/checkout_links").await;
    assert_eq!(listed["data"][0]["conversion_percent"], 50);
}

#[tokio::test]
async fn an_inactive_link_is_a_410_page_and_head_probes_open_nothing() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let link = new_link(&app, &json!({"plan_id": c.plan})).await;
    let path = path_of(&app, &link);

    let head = app.client.head(app.url(&path)).send().await.unwrap();
    assert_eq!(head.status(), StatusCode::OK);
    assert_eq!(head.headers()["x-robots-tag"], "noindex, nofollow");
    let none = app.get_ok("/checkouts").await;
    assert_eq!(none["data"], json!([]), "a HEAD opens no session");

    let off = app
        .patch(
            &format!("/checkout_links/{}", id(&link)),
            &json!({"active": false}),
        )
        .await;
    assert_eq!(off.status(), StatusCode::OK);
    assert_eq!(off.json::<Value>().await.unwrap()["active"], false);
    let r = visit(&app, &path).await;
    assert_eq!(r.status(), StatusCode::GONE);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let page = r.text().await.unwrap();
    assert!(page.contains("This link is no longer active"), "{page}");
    let head = app.client.head(app.url(&path)).send().await.unwrap();
    assert_eq!(head.status(), StatusCode::GONE);
    assert_eq!(app.get_ok("/checkouts").await["data"], json!([]));

    app.patch(
        &format!("/checkout_links/{}", id(&link)),
        &json!({"active": true}),
    )
    .await;
    assert_eq!(visit(&app, &path).await.status(), StatusCode::SEE_OTHER);

    // What it sells went away: the same clear page, not an error.
    app.post_ok(
        &format!("/plans/{}/archive", c.plan),
        &json!({}),
        StatusCode::OK,
    )
    .await;
    assert_eq!(visit(&app, &path).await.status(), StatusCode::GONE);

    for bad in [
        "/l/short",
        "/l/AAAAAAAAAAAAAAAAAAAAAA",
        "/l/AAAAAAAAAAAAAAAAAAAA%2F%2F",
    ] {
        let r = visit(&app, bad).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{bad}");
    }
}

#[tokio::test]
async fn visits_from_one_address_are_rate_limited() {
    let app = spawn_app_with(|s| s.link_open_rate_limit = 2).await;
    let c = team(&app).await;
    let link = new_link(&app, &json!({"plan_id": c.plan})).await;
    let path = path_of(&app, &link);
    for _ in 0..2 {
        assert_eq!(visit(&app, &path).await.status(), StatusCode::SEE_OTHER);
    }
    let r = visit(&app, &path).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=30).contains(&wait), "Retry-After {wait}");
    let sessions = app.get_ok("/checkouts").await;
    assert_eq!(sessions["data"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn another_organisations_links_are_404_and_never_listed() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let link = new_link(&app, &json!({"plan_id": c.plan})).await;
    let other = hosted_checkout::services::organisations::create_organisation(&app.ctx, "Other")
        .await
        .unwrap();
    let path = format!("/checkout_links/{}", id(&link));
    let r = app
        .client
        .get(app.url(&path))
        .header("x-api-key", &other.api_key)
        .send()
        .await
        .unwrap();
    problem(r, StatusCode::NOT_FOUND).await;
    let r = app
        .client
        .patch(app.url(&path))
        .header("x-api-key", &other.api_key)
        .json(&json!({"active": false}))
        .send()
        .await
        .unwrap();
    problem(r, StatusCode::NOT_FOUND).await;
    let r = app
        .client
        .get(app.url("/checkout_links"))
        .header("x-api-key", &other.api_key)
        .send()
        .await
        .unwrap();
    assert_eq!(r.json::<Value>().await.unwrap()["data"], json!([]));
    // Another organisation's plan cannot be sold through a link.
    let r = app
        .client
        .post(app.url("/checkout_links"))
        .header("x-api-key", &other.api_key)
        .json(&json!({"plan_id": c.plan}))
        .send()
        .await
        .unwrap();
    let p = problem(r, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(error_fields(&p), ["plan_id"]);
    assert_eq!(app.get_ok(&path).await["active"], true);
}
