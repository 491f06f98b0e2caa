//! SPEC §7 over HTTP: the hosted pages as a browser without JavaScript sees them (cookies, forms,
//! `303`s), every step of each checkout type, CSRF, redirects, closed sessions, escaping, headers.

use chrono::Duration;
use futures_util::future::join_all;
use reqwest::header::HeaderMap;
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{Catalog, TestApp, spawn_app};

/// A browser: its own cookie jar, no automatic redirects, and the CSRF token of the last page.
pub(crate) struct Browser {
    pub(crate) client: reqwest::Client,
    pub(crate) base: String,
    token: std::sync::Mutex<String>,
}

pub(crate) struct Page {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: String,
}

impl Page {
    pub(crate) fn has(&self, text: &str) -> bool {
        self.body.contains(text)
    }
    /// A form that changes the session (every such form is a POST with a CSRF token); the
    /// language switcher is a GET form on every page and does not count.
    pub(crate) fn has_form(&self) -> bool {
        self.body.contains("method=\"post\"") || self.body.contains("csrf_token")
    }
}

pub(crate) fn csrf_in(html: &str) -> Option<String> {
    let at = html.find("name=\"csrf_token\" value=\"")? + "name=\"csrf_token\" value=\"".len();
    let rest = &html[at..];
    Some(rest[..rest.find('"')?].to_owned())
}

impl Browser {
    pub(crate) fn new(app: &TestApp) -> Self {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Browser {
            client,
            base: app.address.clone(),
            token: std::sync::Mutex::new(String::new()),
        }
    }

    pub(crate) async fn get(&self, path: &str) -> Page {
        let r = self
            .client
            .get(format!("{}{path}", self.base))
            .header("accept", "text/html")
            .send()
            .await
            .unwrap();
        let status = r.status();
        let headers = r.headers().clone();
        let body = r.text().await.unwrap();
        if let Some(t) = csrf_in(&body) {
            *self.token.lock().unwrap() = t;
        }
        Page {
            status,
            headers,
            body,
        }
    }

    fn token(&self) -> String {
        self.token.lock().unwrap().clone()
    }

    /// Submits a form with the page's CSRF token.
    pub(crate) async fn post(&self, path: &str, fields: &[(String, String)]) -> Response {
        let mut all = fields.to_vec();
        all.push(("csrf_token".into(), self.token()));
        self.post_raw(path, &all).await
    }

    pub(crate) async fn post_raw(&self, path: &str, fields: &[(String, String)]) -> Response {
        self.client
            .post(format!("{}{path}", self.base))
            .form(fields)
            .send()
            .await
            .unwrap()
    }
}

pub(crate) fn f(k: impl Into<String>, v: impl Into<String>) -> (String, String) {
    (k.into(), v.into())
}

/// Where a 303 leads. A redirect to the merchant carries SPEC §9's four parameters, appended
/// last: they are checked for form here and left off, so tests compare the merchant's own URL
/// (the signature itself is checked in `redirects_to_the_merchant_are_signed`).
pub(crate) fn location(r: &Response) -> String {
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "expected 303");
    let raw = r
        .headers()
        .get("location")
        .expect("Location")
        .to_str()
        .unwrap()
        .to_owned();
    match signed_part(&raw) {
        Some((url, params)) => {
            let keys: Vec<&str> = params.iter().map(|(k, _)| k.as_str()).collect();
            assert_eq!(
                keys,
                ["checkout_id", "checkout_status", "timestamp", "signature"]
            );
            url
        }
        None => raw,
    }
}

/// A merchant redirect split into the merchant's URL and the appended parameters.
fn signed_part(raw: &str) -> Option<(String, Vec<(String, String)>)> {
    let at = raw.rfind("checkout_id=")?;
    let sep = raw[..at].chars().last()?;
    if sep != '?' && sep != '&' {
        return None;
    }
    let url = raw[..at - 1].to_owned();
    let params = raw[at..]
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    Some((url, params))
}

pub(crate) async fn page_of(r: Response) -> Page {
    let status = r.status();
    let headers = r.headers().clone();
    Page {
        status,
        headers,
        body: r.text().await.unwrap(),
    }
}

pub(crate) fn sid(v: &Value) -> String {
    v["id"].as_str().unwrap().to_owned()
}

/// The hosted link's path segment (`{id}.{secret}`) of a session as the API answers it.
pub(crate) fn link_of(v: &Value) -> String {
    let url = v["url"].as_str().expect("url");
    let segment = url.rsplit('/').next().unwrap().to_owned();
    assert!(segment.starts_with(v["id"].as_str().unwrap()), "{url}");
    segment
}

/// The hosted link's path segment of session `id`.
pub(crate) async fn link_for(app: &TestApp, id: &str) -> String {
    link_of(&session(app, id).await)
}

pub(crate) async fn session(app: &TestApp, id: &str) -> Value {
    app.get_ok(&format!("/checkouts/{id}")).await
}

async fn contracts(app: &TestApp) -> Vec<Value> {
    app.get_ok("/contracts?limit=100").await["data"]
        .as_array()
        .unwrap()
        .clone()
}

pub(crate) async fn team(app: &TestApp) -> Catalog {
    app.seat_plan("Team", "10.00", "P1M").await
}

pub(crate) fn details_form(name: &str, email: &str, country: &str) -> Vec<(String, String)> {
    vec![
        f("customer_name", name),
        f("email", email),
        f("company_name", "Engines Ltd"),
        f("tax_id", "GB123"),
        f("address_line1", "1 Analytical Way"),
        f("address_line2", ""),
        f("address_city", "London"),
        f("address_state", ""),
        f("address_postal_code", "N1 1AA"),
        f("address_country", country),
    ]
}

// ------------------------------------------------------------------ each checkout type

#[tokio::test]
async fn a_customer_subscribes_through_plan_review_and_confirm_to_the_success_url() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let v = app.new_subscription(c.plan).await;
    let id = sid(&v);
    let link = link_for(&app, &id).await;
    let b = Browser::new(&app);

    let plan = b.get(&format!("/checkout/{link}")).await;
    assert_eq!(plan.status, StatusCode::OK);
    assert_eq!(plan.headers["content-type"], "text/html; charset=utf-8");
    assert!(plan.has("Choose your plan"));
    assert!(plan.has("Team"));
    assert!(plan.has("$10.00 per seat / month"), "{}", plan.body);
    assert!(plan.has("$49.00 / month"));
    assert!(
        plan.has(&format!("name=\"quantity.{}\" value=\"5\"", c.seats)),
        "{}",
        plan.body
    );
    assert!(
        plan.has(&format!("name=\"enabled.{}\" value=\"on\">", c.support)),
        "the add-on starts off"
    );
    assert!(!plan.has("Preview"));
    assert_eq!(b.token().len(), 64);

    let r = b
        .post(
            &format!("/checkout/{link}/plan"),
            &[
                f("plan_id", c.plan.to_string()),
                f(format!("quantity.{}", c.seats), "12"),
                f(format!("enabled.{}", c.support), "on"),
            ],
        )
        .await;
    assert_eq!(location(&r), format!("/checkout/{link}/review"));
    let s = session(&app, &id).await;
    assert_eq!(
        s["estimates"]["current_invoice"]["total"].to_string(),
        "169.00"
    );

    // The customer's choices are shown when they come back to the plan step.
    let again = b.get(&format!("/checkout/{link}")).await;
    assert!(again.has(&format!("name=\"quantity.{}\" value=\"12\"", c.seats)));
    assert!(again.has(&format!(
        "name=\"enabled.{}\" value=\"on\" checked",
        c.support
    )));

    let review = b.get(&format!("/checkout/{link}/review")).await;
    assert_eq!(review.status, StatusCode::OK);
    assert!(review.has("Review and subscribe"));
    assert!(review.has("12 × Seats"), "{}", review.body);
    assert!(review.has("$120.00"));
    assert!(review.has("$169.00"));
    assert!(review.has("Confirm and subscribe"));
    assert!(
        !review.has("/details"),
        "no details step for a known customer"
    );

    let r = b.post(&format!("/checkout/{link}/confirm"), &[]).await;
    assert_eq!(location(&r), format!("https://shop.example/ok/{id}"));
    let s = session(&app, &id).await;
    assert_eq!(s["checkout_status"], "contract_created");
    let k = app
        .get_ok(&format!(
            "/contracts/{}",
            s["contract_id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(k["items"][0]["quantity"], 12);
    assert_eq!(k["items"][1]["is_enabled"], true);
    assert_eq!(k["customer_id"], v["customer_id"]);

    let done = b.get(&format!("/checkout/{link}")).await;
    assert_eq!(done.status, StatusCode::OK);
    assert!(
        done.has("You&#39;re all set") || done.has("You're all set"),
        "{}",
        done.body
    );
    assert!(!done.has_form());
}

#[tokio::test]
async fn a_guest_gives_details_with_errors_shown_beside_the_fields_and_becomes_a_customer() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let v = app
        .create_checkout(json!({"plan_id": c.plan, "guest_checkout": true, "business_entity_id": app.entity_id, "success_url": "https://shop.example/thanks?c={CHECKOUT_ID}&x=1"}))
        .await;
    let id = sid(&v);
    let link = link_for(&app, &id).await;
    let b = Browser::new(&app);
    let plan = b.get(&format!("/checkout/{link}")).await;
    assert!(plan.has("Details"), "the guest sees a details step");
    let r = b
        .post(
            &format!("/checkout/{link}/plan"),
            &[
                f("plan_id", c.plan.to_string()),
                f(format!("quantity.{}", c.seats), "5"),
            ],
        )
        .await;
    assert_eq!(location(&r), format!("/checkout/{link}/details"));
    // Review before details sends the guest back.
    let early = b
        .client
        .get(app.url(&format!("/checkout/{link}/review")))
        .send()
        .await
        .unwrap();
    assert_eq!(location(&early), format!("/checkout/{link}/details"));

    let details = b.get(&format!("/checkout/{link}/details")).await;
    assert_eq!(details.status, StatusCode::OK);
    for name in [
        "customer_name",
        "email",
        "company_name",
        "tax_id",
        "address_line1",
        "address_line2",
        "address_city",
        "address_state",
        "address_postal_code",
        "address_country",
    ] {
        assert!(details.has(&format!("name=\"{name}\"")), "{name}");
    }

    let r = b
        .post(
            &format!("/checkout/{link}/details"),
            &details_form("Ada Lovelace", "not-an-email", "XX"),
        )
        .await;
    let bad = page_of(r).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.has("value=\"Ada Lovelace\""), "keeps what was typed");
    assert!(bad.has("value=\"not-an-email\""));
    assert!(bad.has("value=\"Engines Ltd\""));
    assert!(bad.has("value=\"XX\""));
    assert!(bad.has("id=\"email-error\""), "{}", bad.body);
    assert!(bad.has("id=\"address_country-error\""));
    assert!(!bad.has("id=\"customer_name-error\""));
    assert!(bad.has("aria-describedby=\"email-error\""));
    assert_eq!(
        session(&app, &id).await["customer_data"]["email"],
        Value::Null,
        "nothing saved"
    );

    let r = b
        .post(
            &format!("/checkout/{link}/details"),
            &details_form("", "", "GB"),
        )
        .await;
    let missing = page_of(r).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.has("id=\"customer_name-error\""));
    assert!(missing.has("id=\"email-error\""));

    let r = b
        .post(
            &format!("/checkout/{link}/details"),
            &details_form("Ada Lovelace", "ada@example.com", "gb"),
        )
        .await;
    assert_eq!(location(&r), format!("/checkout/{link}/review"));
    let review = b.get(&format!("/checkout/{link}/review")).await;
    assert!(review.has("Ada Lovelace"));
    assert!(review.has("ada@example.com"));
    assert!(review.has("N1 1AA London GB"), "{}", review.body);

    let r = b.post(&format!("/checkout/{link}/confirm"), &[]).await;
    assert_eq!(
        location(&r),
        format!("https://shop.example/thanks?c={id}&x=1")
    );
    let s = session(&app, &id).await;
    let customer = app
        .get_ok(&format!(
            "/customers/{}",
            s["customer_id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(customer["customer_name"], "Ada Lovelace");
    assert_eq!(customer["email"], "ada@example.com");
    assert_eq!(customer["tax_id"], "GB123");
    assert_eq!(customer["address"]["country"], "GB");
    assert_eq!(contracts(&app).await.len(), 1);
}

/// A contract from 1 Apr 2026 with 8 seats and the support add-on on.
async fn contract_with_8_seats(app: &TestApp, c: &Catalog) -> String {
    let customer = app.create_customer().await;
    let k = app
        .post_ok(
            "/contracts",
            &json!({"customer_id": customer, "plan_id": c.plan, "start_date": "2026-04-01", "product_overrides": [{"product_id": c.seats, "quantity": 8}, {"product_id": c.support, "is_enabled": true}]}),
            StatusCode::CREATED,
        )
        .await;
    sid(&k)
}

#[tokio::test]
async fn a_plan_change_shows_the_contracts_quantities_and_keeps_them_unless_changed() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let pro = app.plan_on(&c, "Pro", "20.00", "P1M").await;
    let kid = contract_with_8_seats(&app, &c).await;
    let v = app
        .create_checkout(json!({"contract_id": kid, "plan_id": pro, "start_date": "2026-04-16", "success_url": "https://shop.example/changed"}))
        .await;
    let id = sid(&v);
    let link = link_for(&app, &id).await;
    let b = Browser::new(&app);
    let plan = b.get(&format!("/checkout/{link}")).await;
    assert!(plan.has("Change your plan"));
    assert!(plan.has("Your current plan: Team"));
    assert!(plan.has("8 on your current plan"));
    assert!(
        plan.has(&format!("name=\"quantity.{}\" value=\"8\"", c.seats)),
        "the contract's 8 seats, not the plan's default 5: {}",
        plan.body
    );
    assert!(
        plan.has(&format!(
            "name=\"enabled.{}\" value=\"on\" checked",
            c.support
        )),
        "support is on in the contract"
    );

    // Submitting the page as shown changes only the plan.
    let r = b
        .post(
            &format!("/checkout/{link}/plan"),
            &[
                f("plan_id", pro.to_string()),
                f(format!("quantity.{}", c.seats), "8"),
                f(format!("enabled.{}", c.support), "on"),
            ],
        )
        .await;
    assert_eq!(location(&r), format!("/checkout/{link}/review"));
    let review = b.get(&format!("/checkout/{link}/review")).await;
    assert!(review.has("Review your plan change"));
    assert!(review.has("Unused time on"), "{}", review.body);

    // Choosing the new plan's default quantity is honoured too.
    let r = b
        .post(
            &format!("/checkout/{link}/plan"),
            &[
                f("plan_id", pro.to_string()),
                f(format!("quantity.{}", c.seats), "5"),
                f(format!("enabled.{}", c.support), "on"),
            ],
        )
        .await;
    assert_eq!(location(&r), format!("/checkout/{link}/review"));
    b.get(&format!("/checkout/{link}/review")).await;
    let r = b.post(&format!("/checkout/{link}/confirm"), &[]).await;
    assert_eq!(location(&r), "https://shop.example/changed");
    let k = app.get_ok(&format!("/contracts/{kid}")).await;
    assert_eq!(k["plan_id"], pro.to_string());
    assert_eq!(k["items"][0]["quantity"], 5);
    assert_eq!(k["items"][1]["is_enabled"], true);
    assert_eq!(k["versions"][1]["effective_date"], "2026-04-16");
}

#[tokio::test]
async fn a_quantity_update_changes_only_what_the_customer_changed() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let kid = contract_with_8_seats(&app, &c).await;
    let v = app
        .create_checkout(json!({"contract_id": kid, "start_date": "2026-04-16", "proration_behavior": "prorate_now", "product_overrides": [{"product_id": c.seats, "quantity": 9}]}))
        .await;
    let id = sid(&v);
    let link = link_for(&app, &id).await;
    let b = Browser::new(&app);
    let plan = b.get(&format!("/checkout/{link}")).await;
    assert!(plan.has("Update your subscription"));
    assert!(
        plan.has(&format!("name=\"quantity.{}\" value=\"9\"", c.seats)),
        "the merchant's proposal is filled in"
    );
    assert!(plan.has("8 now"));
    // Seats are not an add-on: no checkbox, so the form cannot switch them off.
    assert!(!plan.has(&format!("name=\"enabled.{}\"", c.seats)));

    let r = b
        .post(
            &format!("/checkout/{link}/plan"),
            &[
                f(format!("quantity.{}", c.seats), "11"),
                f(format!("enabled.{}", c.support), "on"),
            ],
        )
        .await;
    assert_eq!(location(&r), format!("/checkout/{link}/review"));
    let s = session(&app, &id).await;
    // 11 seats + support for a full month.
    assert_eq!(
        s["estimates"]["next_invoice"]["total"].to_string(),
        "159.00",
        "{s}"
    );
    let review = b.get(&format!("/checkout/{link}/review")).await;
    assert!(review.has("Review your changes"));
    assert!(review.has("$159.00"));
    // The contract preview lists the lines as they will be.
    assert!(review.has("× 11"), "the new seat count is listed");

    let r = b.post(&format!("/checkout/{link}/confirm"), &[]).await;
    assert_eq!(
        location(&r),
        format!("/checkout/{link}/status"),
        "no success_url: the project's own page"
    );
    let status = b.get(&format!("/checkout/{link}/status")).await;
    assert!(status.has("Your subscription has been updated."));
    let k = app.get_ok(&format!("/contracts/{kid}")).await;
    assert_eq!(k["items"][0]["quantity"], 11);
    assert_eq!(k["items"][0]["is_enabled"], true);
    assert_eq!(k["items"][1]["is_enabled"], true);
    assert_eq!(k["versions"][1]["effective_date"], "2026-04-16");
}

#[tokio::test]
async fn the_customer_may_switch_only_among_the_offered_plans_and_the_chosen_cards_inputs_count() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let pro = app.plan_on(&c, "Pro", "20.00", "P1M").await;
    let other = app.plan_on(&c, "Secret", "1.00", "P1M").await;
    let customer = app.create_customer().await;
    let v = app
        .create_checkout(json!({"plan_id": c.plan, "customer_id": customer, "plan_options": [pro]}))
        .await;
    let id = sid(&v);
    let link = link_for(&app, &id).await;
    let b = Browser::new(&app);
    let plan = b.get(&format!("/checkout/{link}")).await;
    assert!(plan.has("Choose a plan"));
    assert!(
        plan.has(&format!(
            "type=\"radio\" name=\"plan_id\" id=\"plan-{}\" value=\"{}\" checked",
            c.plan, c.plan
        )),
        "{}",
        plan.body
    );
    assert!(plan.has(&format!("value=\"{pro}\"")));
    assert!(!plan.has("Secret"));

    // Both cards carry seats; what was typed on the chosen (first) card wins over the other's.
    let r = b
        .post(
            &format!("/checkout/{link}/plan"),
            &[
                f("plan_id", c.plan.to_string()),
                f(format!("quantity.{}.{}", c.plan, c.seats), "8"),
                f(format!("quantity.{}.{}", pro, c.seats), "5"),
                f(format!("enabled.{}.{}", pro, c.support), "on"),
            ],
        )
        .await;
    assert_eq!(location(&r), format!("/checkout/{link}/review"));
    let s = session(&app, &id).await;
    assert_eq!(s["plan_id"], c.plan.to_string());
    assert_eq!(
        s["estimates"]["current_invoice"]["total"].to_string(),
        "80.00",
        "{s}"
    );

    let r = b
        .post(
            &format!("/checkout/{link}/plan"),
            &[
                f("plan_id", pro.to_string()),
                f(format!("quantity.{}.{}", pro, c.seats), "6"),
            ],
        )
        .await;
    assert_eq!(location(&r), format!("/checkout/{link}/review"));
    let s = session(&app, &id).await;
    assert_eq!(s["plan_id"], pro.to_string());
    assert_eq!(
        s["estimates"]["current_invoice"]["total"].to_string(),
        "120.00"
    );

    let r = b
        .post(
            &format!("/checkout/{link}/plan"),
            &[f("plan_id", other.to_string())],
        )
        .await;
    let bad = page_of(r).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.has("choose one of the plans offered"));
    assert_eq!(
        session(&app, &id).await["plan_id"],
        pro.to_string(),
        "unchanged"
    );
}

#[tokio::test]
async fn an_invalid_quantity_rerenders_the_plan_step_with_422_and_changes_nothing() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let v = app.new_subscription(c.plan).await;
    let id = sid(&v);
    let link = link_for(&app, &id).await;
    let b = Browser::new(&app);
    b.get(&format!("/checkout/{link}")).await;
    for bad in ["51", "0", "abc", "-1", "2.5", ""] {
        let r = b
            .post(
                &format!("/checkout/{link}/plan"),
                &[
                    f("plan_id", c.plan.to_string()),
                    f(format!("quantity.{}", c.seats), bad),
                ],
            )
            .await;
        let p = page_of(r).await;
        assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad:?}");
        assert!(p.has("enter a whole number within the allowed range"));
        assert!(p.has("aria-invalid=\"true\""));
        assert!(p.has("<form"), "the form again");
    }
    assert_eq!(session(&app, &id).await["estimates"], v["estimates"]);
}

// ------------------------------------------------------------------ CSRF

#[tokio::test]
async fn posts_without_a_valid_csrf_token_are_403_and_change_nothing() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let v = app
        .create_checkout(json!({"plan_id": c.plan, "guest_checkout": true, "business_entity_id": app.entity_id, "customer_data": {"customer_name": "Ada", "email": "ada@example.com"}}))
        .await;
    let id = sid(&v);
    let link = link_for(&app, &id).await;
    let b = Browser::new(&app);
    b.get(&format!("/checkout/{link}")).await;
    let mine = b.token();
    // Another browser's valid token does not work with this browser's cookie, nor the reverse.
    let other = Browser::new(&app);
    other.get(&format!("/checkout/{link}")).await;
    let theirs = other.token();
    assert_ne!(mine, theirs);
    let stranger = Browser::new(&app);

    let forms: Vec<(String, Vec<(String, String)>)> = vec![
        (
            format!("/checkout/{link}/plan"),
            vec![
                f("plan_id", c.plan.to_string()),
                f(format!("quantity.{}", c.seats), "9"),
            ],
        ),
        (
            format!("/checkout/{link}/details"),
            details_form("Mallory", "m@example.com", "US"),
        ),
        (format!("/checkout/{link}/confirm"), vec![]),
        (format!("/checkout/{link}/cancel"), vec![]),
    ];
    for (path, fields) in &forms {
        let with = |token: &str| {
            let mut all = fields.clone();
            all.push(f("csrf_token", token));
            all
        };
        for (browser, form) in [
            (&b, fields.clone()),
            (&b, with("")),
            (&b, with(&"0".repeat(64))),
            (&b, with(&mine[..63])),
            (&b, with(&theirs)),
            (&stranger, with(&mine)),
        ] {
            let r = browser.post_raw(path, &form).await;
            let p = page_of(r).await;
            assert_eq!(p.status, StatusCode::FORBIDDEN, "{path}");
            assert!(p.has("Your session has expired"), "a page, not internals");
            assert!(
                p.headers["content-security-policy"]
                    .to_str()
                    .unwrap()
                    .contains("frame-ancestors 'none'")
            );
        }
    }
    let s = session(&app, &id).await;
    assert_eq!(s["checkout_status"], "open");
    assert_eq!(s["product_overrides"], json!([]));
    assert_eq!(s["customer_data"]["customer_name"], "Ada");
    assert_eq!(s["estimates"], v["estimates"]);
    assert!(contracts(&app).await.is_empty());
    // The right token still works.
    let r = b.post(&format!("/checkout/{link}/confirm"), &[]).await;
    assert_eq!(location(&r), format!("/checkout/{link}/status"));
}

// ------------------------------------------------------------------ redirects

#[tokio::test]
async fn cancel_redirects_to_the_cancel_url_and_closes_the_session() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let v = app
        .create_checkout(json!({"plan_id": c.plan, "customer_id": customer, "success_url": "https://shop.example/ok", "cancel_url": "https://shop.example/back/{CHECKOUT_ID}/{CHECKOUT_ID}"}))
        .await;
    let id = sid(&v);
    let link = link_for(&app, &id).await;
    let b = Browser::new(&app);
    b.get(&format!("/checkout/{link}/review")).await;
    let r = b.post(&format!("/checkout/{link}/cancel"), &[]).await;
    assert_eq!(location(&r), format!("https://shop.example/back/{id}/{id}"));
    let s = session(&app, &id).await;
    assert_eq!(s["checkout_status"], "cancelled");
    assert_eq!(s["cancel_reason"], "cancelled by the customer");
    // A second cancel, or a confirm, of the closed session lands on the status page.
    let r = b.post(&format!("/checkout/{link}/confirm"), &[]).await;
    assert_eq!(location(&r), format!("/checkout/{link}/status"));
    let r = b.post(&format!("/checkout/{link}/cancel"), &[]).await;
    assert_eq!(
        location(&r),
        format!("https://shop.example/back/{id}/{id}"),
        "cancelling again goes to the same place"
    );
    let status = b.get(&format!("/checkout/{link}/status")).await;
    assert!(status.has("Checkout cancelled"));
    assert!(contracts(&app).await.is_empty());
}

#[tokio::test]
async fn without_merchant_urls_confirm_and_cancel_land_on_the_status_page() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let a = sid(&app
        .create_checkout(json!({"plan_id": c.plan, "customer_id": customer}))
        .await);
    let a_link = link_for(&app, &a).await;
    let z = sid(&app
        .create_checkout(json!({"plan_id": c.plan, "customer_id": customer}))
        .await);
    let z_link = link_for(&app, &z).await;
    let b = Browser::new(&app);
    b.get(&format!("/checkout/{a_link}/review")).await;
    let r = b.post(&format!("/checkout/{a_link}/confirm"), &[]).await;
    assert_eq!(location(&r), format!("/checkout/{a_link}/status"));
    let p = b.get(&format!("/checkout/{a_link}/status")).await;
    assert!(p.has("Your subscription is confirmed."));
    let r = b.post(&format!("/checkout/{z_link}/cancel"), &[]).await;
    assert_eq!(location(&r), format!("/checkout/{z_link}/status"));
    assert!(
        b.get(&format!("/checkout/{z_link}/status"))
            .await
            .has("Nothing was charged and nothing changed.")
    );
}

#[tokio::test]
async fn confirming_twice_in_the_browser_creates_one_contract_and_both_land_on_success() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let v = app.new_subscription(c.plan).await;
    let id = sid(&v);
    let link = link_for(&app, &id).await;
    let b = Browser::new(&app);
    b.get(&format!("/checkout/{link}/review")).await;
    let first = location(&b.post(&format!("/checkout/{link}/confirm"), &[]).await);
    let second = location(&b.post(&format!("/checkout/{link}/confirm"), &[]).await);
    assert_eq!(first, format!("https://shop.example/ok/{id}"));
    assert_eq!(second, first);
    assert_eq!(contracts(&app).await.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_concurrent_browser_confirms_create_one_contract_and_all_land_on_success() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let v = app.new_subscription(c.plan).await;
    let id = sid(&v);
    let link = link_for(&app, &id).await;
    let b = Browser::new(&app);
    b.get(&format!("/checkout/{link}/review")).await;
    let path = format!("/checkout/{link}/confirm");
    let responses = join_all((0..20).map(|_| b.post(&path, &[]))).await;
    for r in &responses {
        assert_eq!(location(r), format!("https://shop.example/ok/{id}"));
    }
    assert_eq!(contracts(&app).await.len(), 1);
    assert_eq!(
        session(&app, &id).await["checkout_status"],
        "contract_created"
    );
}

#[tokio::test]
async fn a_price_change_before_confirm_shows_the_new_review_instead_of_charging() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let kid = sid(&app.import_contract(c.plan, "2026-04-01").await);
    let body = |o: Value| json!({"contract_id": kid, "start_date": "2026-04-16", "proration_behavior": "prorate_now", "product_overrides": o});
    let a = sid(&app
        .create_checkout(body(json!([{"product_id": c.seats, "quantity": 10}])))
        .await);
    let a_link = link_for(&app, &a).await;
    let other = sid(&app
        .create_checkout(body(json!([{"product_id": c.support, "is_enabled": true}])))
        .await);
    let b = Browser::new(&app);
    let before = b.get(&format!("/checkout/{a_link}/review")).await;
    assert!(before.has("$100.00"), "next invoice: 10 seats");
    app.post_ok(
        &format!("/checkouts/{other}/confirm"),
        &json!({}),
        StatusCode::OK,
    )
    .await;

    let r = b.post(&format!("/checkout/{a_link}/confirm"), &[]).await;
    assert_eq!(location(&r), format!("/checkout/{a_link}/review?changed=1"));
    let review = b.get(&format!("/checkout/{a_link}/review?changed=1")).await;
    assert!(review.has("The price changed since you last looked"));
    assert!(
        review.has("$149.00"),
        "the new next invoice: 10 seats and support"
    );
    assert_eq!(
        app.get_ok(&format!("/contracts/{kid}")).await["versions"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let r = b.post(&format!("/checkout/{a_link}/confirm"), &[]).await;
    assert_eq!(location(&r), format!("/checkout/{a_link}/status"));
    assert_eq!(
        app.get_ok(&format!("/contracts/{kid}")).await["versions"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

// ------------------------------------------------------------------ preview sessions

#[tokio::test]
async fn preview_sessions_show_the_banner_on_every_step_and_write_nothing() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let v = app
        .create_checkout(json!({"plan_id": c.plan, "preview": true, "guest_checkout": true, "business_entity_id": app.entity_id, "success_url": "https://shop.example/ok"}))
        .await;
    let id = sid(&v);
    let link = link_for(&app, &id).await;
    let b = Browser::new(&app);
    let banner = "<strong>Preview</strong>";
    assert!(b.get(&format!("/checkout/{link}")).await.has(banner));
    let r = b
        .post(
            &format!("/checkout/{link}/plan"),
            &[
                f("plan_id", c.plan.to_string()),
                f(format!("quantity.{}", c.seats), "7"),
            ],
        )
        .await;
    assert_eq!(location(&r), format!("/checkout/{link}/details"));
    assert!(
        b.get(&format!("/checkout/{link}/details"))
            .await
            .has(banner)
    );
    let bad = page_of(
        b.post(
            &format!("/checkout/{link}/details"),
            &details_form("Ada", "nope", "GB"),
        )
        .await,
    )
    .await;
    assert_eq!(
        bad.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "preview validates everything"
    );
    assert!(bad.has(banner));
    let r = b
        .post(
            &format!("/checkout/{link}/details"),
            &details_form("Ada", "ada@example.com", "GB"),
        )
        .await;
    assert_eq!(location(&r), format!("/checkout/{link}/review"));
    let review = b.get(&format!("/checkout/{link}/review")).await;
    assert!(review.has(banner));
    assert!(review.has("$70.00"));

    let r = b.post(&format!("/checkout/{link}/confirm"), &[]).await;
    let to = location(&r);
    assert_eq!(to, format!("/checkout/{link}/status?preview=done"));
    let end = b.get(&to).await;
    assert!(end.has(banner));
    assert!(end.has("Preview complete"));
    let s = session(&app, &id).await;
    assert_eq!(s["checkout_status"], "open");
    assert_eq!(s["contract_id"], Value::Null);
    assert!(contracts(&app).await.is_empty());
    assert_eq!(app.get_ok("/customers").await["data"], json!([]));
    // Cancel in a preview changes nothing either.
    let r = b.post(&format!("/checkout/{link}/cancel"), &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(session(&app, &id).await["checkout_status"], "open");
}

// ------------------------------------------------------------------ closed sessions

#[tokio::test]
async fn closed_sessions_show_a_status_page_never_the_form() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let make = || {
        app.create_checkout(json!({"plan_id": c.plan, "customer_id": customer, "expires_at": (app.ctx.clock.now() + Duration::hours(2)).to_rfc3339()}))
    };
    let done = sid(&make().await);
    let done_link = link_for(&app, &done).await;
    let cancelled = sid(&make().await);
    let cancelled_link = link_for(&app, &cancelled).await;
    app.post_ok(
        &format!("/checkouts/{done}/confirm"),
        &json!({}),
        StatusCode::OK,
    )
    .await;
    app.post_ok(
        &format!("/checkouts/{cancelled}/cancel"),
        &json!({}),
        StatusCode::OK,
    )
    .await;
    let expired = sid(&make().await);
    let expired_link = link_for(&app, &expired).await;
    let b = Browser::new(&app);
    b.get(&format!("/checkout/{expired_link}")).await;
    app.advance(Duration::hours(3));

    for (link, heading) in [
        (&done_link, "all set"),
        (&cancelled_link, "Checkout cancelled"),
        (&expired_link, "This checkout has expired"),
    ] {
        for step in ["", "/details", "/review", "/status"] {
            let p = b.get(&format!("/checkout/{link}{step}")).await;
            assert_eq!(p.status, StatusCode::OK, "{link}{step}");
            assert!(p.has(heading), "{step}: {}", p.body);
            assert!(!p.has_form(), "{step} shows a form");
        }
    }
    // Posting to a closed session changes nothing and lands on its status page.
    for path in ["plan", "details", "confirm"] {
        let r = b
            .post(
                &format!("/checkout/{expired_link}/{path}"),
                &details_form("Ada", "ada@example.com", "GB"),
            )
            .await;
        assert_eq!(
            location(&r),
            format!("/checkout/{expired_link}/status"),
            "{path}"
        );
    }
    assert_eq!(session(&app, &expired).await["checkout_status"], "expired");
    assert_eq!(contracts(&app).await.len(), 1);

    for path in [
        format!("/checkout/{}", Uuid::new_v4()),
        "/checkout/not-a-uuid/review".to_owned(),
        format!("/checkout/{}/status", Uuid::new_v4()),
    ] {
        let p = b.get(&path).await;
        assert_eq!(p.status, StatusCode::NOT_FOUND, "{path}");
        assert!(p.has("Checkout not found"));
        assert!(!p.has_form());
    }
}

// ------------------------------------------------------------------ the link's secret

/// `link` with its last character changed: the same length and alphabet, another secret.
fn altered(link: &str) -> String {
    let (head, last) = link.split_at(link.len() - 1);
    format!("{head}{}", if last == "A" { "B" } else { "A" })
}

#[tokio::test]
async fn a_hosted_link_carries_its_own_secret_and_nothing_less_opens_the_session() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let v = app.new_subscription(c.plan).await;
    let w = app.new_subscription(c.plan).await;
    let (id, link) = (sid(&v), link_of(&v));
    // `{id}.{secret}`: 16 random bytes in unpadded base64url, another for every session.
    let secret = link.strip_prefix(&format!("{id}.")).expect("{id}.{secret}");
    assert_eq!(secret.len(), 22, "{link}");
    assert!(
        secret
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
        "{secret}"
    );
    let theirs = link_of(&w);
    let their_secret = theirs.split_once('.').unwrap().1;
    assert_ne!(their_secret, secret);
    assert_eq!(
        session(&app, &id).await["url"],
        app.url(&format!("/checkout/{link}"))
    );

    let b = Browser::new(&app);
    let review = b.get(&format!("/checkout/{link}/review")).await;
    assert_eq!(review.status, StatusCode::OK);
    // The page's forms post below the same link.
    assert!(
        review.has(&format!("action=\"/checkout/{link}/confirm\"")),
        "{}",
        review.body
    );

    // The id alone, another session's secret, a changed or longer secret: not found, on every
    // page and every form; the session stays open.
    let wrong = [
        id.clone(),
        format!("{id}.{their_secret}"),
        altered(&link),
        format!("{link}A"),
        format!("{id}."),
    ];
    for bad in &wrong {
        for step in ["", "/details", "/review", "/status"] {
            let p = b.get(&format!("/checkout/{bad}{step}")).await;
            assert_eq!(p.status, StatusCode::NOT_FOUND, "{bad}{step}");
            assert!(p.has("Checkout not found"), "{bad}{step}");
        }
        for form in ["plan", "details", "confirm", "cancel"] {
            let r = b
                .post(
                    &format!("/checkout/{bad}/{form}"),
                    &details_form("Ada", "ada@example.com", "GB"),
                )
                .await;
            assert_eq!(r.status(), StatusCode::NOT_FOUND, "{bad}/{form}");
        }
    }
    let s = session(&app, &id).await;
    assert_eq!(s["checkout_status"], "open");
    assert_eq!(s["customer_data"]["email"], Value::Null);
    assert!(contracts(&app).await.is_empty());
    // The right link still works after all that.
    let r = b.post(&format!("/checkout/{link}/confirm"), &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        session(&app, &id).await["checkout_status"],
        "contract_created"
    );
}

#[tokio::test]
async fn a_link_issued_before_links_had_a_secret_keeps_working() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let v = app.new_subscription(c.plan).await;
    let org = app.org_id;
    let stored = app
        .ctx
        .store
        .get_checkout(org, Uuid::parse_str(&sid(&v)).unwrap())
        .await
        .unwrap()
        .unwrap();
    // A session as wave 1 stored it: `link_secret` NULL (what migration 0005 leaves).
    let legacy = hosted_checkout::domain::checkout::Checkout {
        id: Uuid::now_v7(),
        link_secret: None,
        ..stored
    };
    app.ctx.store.insert_checkout(&legacy, None).await.unwrap();
    let id = legacy.id.to_string();
    let s = session(&app, &id).await;
    assert_eq!(
        s["url"],
        app.url(&format!("/checkout/{id}")),
        "its link as issued"
    );

    let b = Browser::new(&app);
    let review = b.get(&format!("/checkout/{id}/review")).await;
    assert_eq!(review.status, StatusCode::OK);
    assert!(review.has(&format!("action=\"/checkout/{id}/confirm\"")));
    // A secret it never had does not open it either.
    let guessed = format!("/checkout/{id}.{}", link_of(&v).split_once('.').unwrap().1);
    assert_eq!(b.get(&guessed).await.status, StatusCode::NOT_FOUND);
    let r = b.post(&format!("/checkout/{id}/confirm"), &[]).await;
    assert_eq!(location(&r), format!("https://shop.example/ok/{id}"));
    assert_eq!(
        session(&app, &id).await["checkout_status"],
        "contract_created"
    );
}

// ------------------------------------------------------------------ escaping, headers, money

#[tokio::test]
async fn merchant_and_customer_text_is_escaped_everywhere() {
    let app = spawn_app().await;
    let evil_entity = app
        .post_ok(
            "/business_entities",
            &json!({"name": "<script>alert('entity')</script>"}),
            StatusCode::CREATED,
        )
        .await;
    let seats = app
        .create_product("<script>alert('product')</script>", Some("<b>seat</b>"))
        .await;
    let plan = app
        .create_plan(json!({"name": "<script>alert('plan')</script>", "description": "\"><img src=x onerror=alert(1)>", "currency": "USD", "billing_period": "P1M",
            "items": [{"product_id": seats, "pricing": {"pricing_type": "per_unit", "unit_amount": "10"}, "quantity": 2, "min_quantity": 1, "max_quantity": 9, "adjustable": true}]}))
        .await;
    let v = app
        .create_checkout(json!({"plan_id": plan, "guest_checkout": true, "business_entity_id": evil_entity["id"],
            "customer_data": {"customer_name": "<script>alert('name')</script>", "email": "ada@example.com", "company_name": "\"><script>alert('co')</script>", "address": {"city": "<svg onload=alert(1)>"}}}))
        .await;
    let id = sid(&v);
    let link = link_for(&app, &id).await;
    let b = Browser::new(&app);
    for step in ["", "/details", "/review"] {
        let p = b.get(&format!("/checkout/{link}{step}")).await;
        assert_eq!(p.status, StatusCode::OK, "{step}");
        assert!(!p.has("<script"), "{step}: {}", p.body);
        assert!(!p.has("<img src=x"), "{step}");
        assert!(!p.has("<svg"), "{step}");
        assert!(!p.has("<b>seat"), "{step}");
        assert!(
            p.has("&lt;script&gt;alert(") || p.has("&#60;script&#62;alert("),
            "{step}: escaped text is still shown"
        );
    }
    let plan_page = b.get(&format!("/checkout/{link}")).await;
    assert!(
        plan_page.has("alert(&#39;plan&#39;)") || plan_page.has("alert(&#x27;plan&#x27;)"),
        "{}",
        plan_page.body
    );
    let details = b.get(&format!("/checkout/{link}/details")).await;
    assert!(
        !details.has("value=\"\"><"),
        "attribute values cannot be broken out of"
    );
    let review = b.get(&format!("/checkout/{link}/review")).await;
    assert!(review.has("alert(&#39;name&#39;)") || review.has("alert(&#x27;name&#x27;)"));
}

fn assert_page_headers(h: &HeaderMap, what: &str) {
    let csp = h
        .get("content-security-policy")
        .unwrap_or_else(|| panic!("{what}: no CSP"))
        .to_str()
        .unwrap();
    assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp}");
    assert!(csp.contains("default-src 'none'"), "{what}: {csp}");
    assert!(!csp.contains("unsafe-inline"), "{what}: {csp}");
    assert!(!csp.contains("unsafe-eval"), "{what}: {csp}");
    if let Some(script) = csp.split(';').find(|d| d.trim().starts_with("script-src")) {
        assert!(!script.contains('*'), "{what}: {csp}");
    }
    assert_eq!(h["referrer-policy"], "same-origin", "{what}");
    assert_eq!(h["x-content-type-options"], "nosniff", "{what}");
    assert_eq!(h["cache-control"], "no-store", "{what}");
    assert_eq!(h["x-frame-options"], "DENY", "{what}");
}

#[tokio::test]
async fn every_page_and_redirect_sends_the_security_headers() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let v = app
        .create_checkout(json!({"plan_id": c.plan, "guest_checkout": true, "business_entity_id": app.entity_id, "customer_data": {"customer_name": "Ada", "email": "ada@example.com"}}))
        .await;
    let id = sid(&v);
    let link = link_for(&app, &id).await;
    let b = Browser::new(&app);
    for step in ["", "/details", "/review", "/status"] {
        let p = b.get(&format!("/checkout/{link}{step}")).await;
        assert_eq!(p.status, StatusCode::OK);
        assert_page_headers(&p.headers, step);
        // The one inline style carries the nonce the policy allows.
        let csp = p.headers["content-security-policy"].to_str().unwrap();
        let at = p.body.find("<style nonce=\"").expect("inline style") + "<style nonce=\"".len();
        let nonce = &p.body[at..at + p.body[at..].find('"').unwrap()];
        assert!(nonce.len() >= 16, "{nonce}");
        assert!(csp.contains(&format!("'nonce-{nonce}'")), "{csp}");
    }
    let first =
        b.get(&format!("/checkout/{link}")).await.headers["content-security-policy"].clone();
    let second =
        b.get(&format!("/checkout/{link}")).await.headers["content-security-policy"].clone();
    assert_ne!(first, second, "a fresh nonce per response");
    let r = b
        .post(
            &format!("/checkout/{link}/plan"),
            &[f("plan_id", c.plan.to_string())],
        )
        .await;
    assert_page_headers(r.headers(), "303");
    let r = b.post_raw(&format!("/checkout/{link}/plan"), &[]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_page_headers(r.headers(), "403");
    let p = b.get(&format!("/checkout/{}", Uuid::new_v4())).await;
    assert_page_headers(&p.headers, "404");
    let p = page_of(
        b.post(
            &format!("/checkout/{link}/details"),
            &details_form("", "", ""),
        )
        .await,
    )
    .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_page_headers(&p.headers, "422");
    // The session cookie is HttpOnly and SameSite.
    let r = Browser::new(&app)
        .client
        .get(app.url(&format!("/checkout/{link}")))
        .send()
        .await
        .unwrap();
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("hc_session="), "{cookie}");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
}

#[tokio::test]
async fn money_and_dates_are_formatted_for_people() {
    let app = spawn_app().await;
    let c = app.seat_plan("Enterprise", "246.90", "P1M").await;
    let customer = app.create_customer().await;
    let v = app
        .create_checkout(
            json!({"plan_id": c.plan, "customer_id": customer, "start_date": "2026-12-01"}),
        )
        .await;
    let id = sid(&v);
    let link = link_for(&app, &id).await;
    let b = Browser::new(&app);
    let plan = b.get(&format!("/checkout/{link}")).await;
    assert!(plan.has("$1,234.50 / month"), "{}", plan.body);
    assert!(plan.has("$246.90 per seat / month"));
    let review = b.get(&format!("/checkout/{link}/review")).await;
    assert!(
        review.has("You&#39;ll be invoiced <strong>$1,234.50</strong> today."),
        "{}",
        review.body
    );
    assert!(review.has("Starts Dec 1, 2026"), "{}", review.body);
    assert!(!review.has("1234.5"), "no raw decimals");

    let small = app.seat_plan("Small", "12.00", "P1M").await;
    let w = app
        .create_checkout(json!({"plan_id": small.plan, "customer_id": customer, "start_date": "2026-12-01", "product_overrides": [{"product_id": small.seats, "quantity": 5}]}))
        .await;
    let review = b.get(&format!("/checkout/{}/review", link_of(&w))).await;
    assert!(review.has("$60.00"));
    assert!(review.has("$12.00 per seat / month"));
}

#[tokio::test]
async fn the_review_names_the_sellers_tax_rate_beside_the_tax() {
    let app = spawn_app().await;
    let seller = app
        .post_ok(
            "/business_entities",
            &json!({"name": "Acme EU", "tax_rate": "19.5"}),
            StatusCode::CREATED,
        )
        .await;
    let c = app.seat_plan("Team", "10.00", "P1M").await;
    let v = app
        .create_checkout(json!({"plan_id": c.plan, "guest_checkout": true, "business_entity_id": seller["id"], "customer_data": {"customer_name": "Ada", "email": "ada@example.com"}}))
        .await;
    let review = Browser::new(&app)
        .get(&format!("/checkout/{}/review", link_of(&v)))
        .await;
    // 5 seats × $10.00 = $50.00; 19.5 % tax = $9.75.
    assert!(review.has("Tax (19.5%)"), "{}", review.body);
    assert!(review.has("$9.75"));
    assert!(review.has("$59.75"));
}

#[tokio::test]
async fn redirects_to_the_merchant_are_signed_with_the_redirect_secret() {
    use hosted_checkout::services::webhooks::signature::hex_hmac;
    let app = spawn_app().await;
    let org = app.get_ok("/organisation").await;
    assert_eq!(org["id"], app.org_id.to_string());
    assert_eq!(org["default_business_entity_id"], app.entity_id.to_string());
    let secret = org["redirect_secret"].as_str().unwrap().to_owned();
    assert!(secret.len() >= 32);
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let v = app
        .create_checkout(json!({"plan_id": c.plan, "customer_id": customer, "success_url": "https://shop.example/thanks?order=7#top", "cancel_url": "https://shop.example/back"}))
        .await;
    let id = sid(&v);
    let link = link_for(&app, &id).await;
    let b = Browser::new(&app);
    b.get(&format!("/checkout/{link}/review")).await;
    let r = b.post(&format!("/checkout/{link}/confirm"), &[]).await;
    let raw = r.headers()["location"].to_str().unwrap().to_owned();
    // After the merchant's own query, before its fragment.
    assert!(raw.starts_with(&format!("https://shop.example/thanks?order=7&checkout_id={id}&checkout_status=contract_created&timestamp=")), "{raw}");
    assert!(raw.ends_with("#top"), "{raw}");
    let (_, params) = signed_part(raw.trim_end_matches("#top")).unwrap();
    let get = |k: &str| params.iter().find(|(n, _)| n == k).unwrap().1.clone();
    let ts: i64 = get("timestamp").parse().unwrap();
    assert!((chrono::Utc::now().timestamp() - ts).abs() < 60);
    // The README's check: HMAC-SHA256 of "{checkout_id}.{checkout_status}.{timestamp}".
    let expected = hex_hmac(&secret, &format!("{id}.contract_created.{ts}"));
    assert_eq!(get("signature"), expected);
    assert_eq!(get("signature").len(), 64);
    // A changed status or an older timestamp does not verify.
    assert_ne!(hex_hmac(&secret, &format!("{id}.cancelled.{ts}")), expected);
    assert_ne!(
        hex_hmac(&secret, &format!("{id}.contract_created.{}", ts - 600)),
        expected
    );
    // The double confirm is signed the same way.
    let again = b.post(&format!("/checkout/{link}/confirm"), &[]).await;
    assert!(
        again.headers()["location"]
            .to_str()
            .unwrap()
            .contains("checkout_status=contract_created")
    );

    // Cancel: signed with the status cancelled; after rotation, with the new secret.
    let rotated = app
        .post_ok(
            "/organisation/rotate_redirect_secret",
            &json!({}),
            StatusCode::OK,
        )
        .await;
    let new_secret = rotated["redirect_secret"].as_str().unwrap().to_owned();
    assert_ne!(new_secret, secret);
    let z = sid(&app
        .create_checkout(json!({"plan_id": c.plan, "customer_id": customer, "cancel_url": "https://shop.example/back"}))
        .await);
    let z_link = link_for(&app, &z).await;
    b.get(&format!("/checkout/{z_link}/review")).await;
    let r = b.post(&format!("/checkout/{z_link}/cancel"), &[]).await;
    let raw = r.headers()["location"].to_str().unwrap().to_owned();
    let (url, params) = signed_part(&raw).unwrap();
    assert_eq!(url, "https://shop.example/back");
    let get = |k: &str| params.iter().find(|(n, _)| n == k).unwrap().1.clone();
    assert_eq!(get("checkout_status"), "cancelled");
    let ts = get("timestamp");
    assert_eq!(
        get("signature"),
        hex_hmac(&new_secret, &format!("{z}.cancelled.{ts}"))
    );
    assert_ne!(
        get("signature"),
        hex_hmac(&secret, &format!("{z}.cancelled.{ts}"))
    );
}

// ------------------------------------------------------------------ promotion codes

#[tokio::test]
async fn a_promotion_code_is_applied_and_removed_on_the_review_step_without_javascript() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let coupon = app
        .post_ok(
            "/coupons",
            &json!({"name": "Spring", "percent_off": 20, "duration": "repeating", "duration_in_periods": 3}),
            StatusCode::CREATED,
        )
        .await;
    app.post_ok(
        "/promotion_codes",
        &json!({"coupon_id": coupon["id"], "code": "SPRING20"}),
        StatusCode::CREATED,
    )
    .await;
    let customer = app.create_customer().await;
    let v = app
        .create_checkout(
            json!({"plan_id": c.plan, "customer_id": customer, "allow_promotion_codes": true}),
        )
        .await;
    assert_eq!(v["allow_promotion_codes"], true);
    let (id, link) = (sid(&v), link_of(&v));
    let b = Browser::new(&app);
    let review = b.get(&format!("/checkout/{link}/review")).await;
    assert!(review.has("Have a promotion code?"));
    assert!(review.has(&format!("action=\"/checkout/{link}/promotion_code\"")));

    // An unknown code: the page again, 422, the reason beside the field, what was typed kept.
    let r = b
        .post(
            &format!("/checkout/{link}/promotion_code"),
            &[f("promotion_code", "SUMMER")],
        )
        .await;
    let p = page_of(r).await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        p.has("<p class=\"field-error\" id=\"promotion_code-error\">this code is not valid</p>")
    );
    assert!(p.has("value=\"SUMMER\""));
    assert!(p.has("aria-invalid=\"true\""));
    assert_eq!(session(&app, &id).await["discount"], Value::Null);

    // A valid one, typed in lower case: 303 to the review, which shows the discount.
    let r = b
        .post(
            &format!("/checkout/{link}/promotion_code"),
            &[f("promotion_code", " spring20 ")],
        )
        .await;
    assert_eq!(location(&r), format!("/checkout/{link}/review"));
    let review = b.get(&format!("/checkout/{link}/review")).await;
    assert!(review.has("20% off for 3 months, then $50.00 per month."));
    assert!(review.has("Code <strong>SPRING20</strong> applied."));
    assert!(review.has("SPRING20 (20% off)"));
    assert!(review.has("-$10.00"), "the discount line on both invoices");
    assert!(review.has("You&#39;ll be invoiced <strong>$40.00</strong> today."));
    let s = session(&app, &id).await;
    assert_eq!(
        s["estimates"]["current_invoice"]["total"].to_string(),
        "40.00"
    );

    // Remove: back to the full price.
    let r = b
        .post(
            &format!("/checkout/{link}/promotion_code"),
            &[f("promotion_code", "")],
        )
        .await;
    assert_eq!(location(&r), format!("/checkout/{link}/review"));
    let s = session(&app, &id).await;
    assert_eq!(
        (
            &s["discount"],
            s["estimates"]["current_invoice"]["total"].to_string()
        ),
        (&Value::Null, "50.00".to_owned())
    );

    // Sessions that do not take codes show no field and refuse the form.
    let plain = app.new_subscription(c.plan).await;
    let plain_link = link_of(&plain);
    let review = b.get(&format!("/checkout/{plain_link}/review")).await;
    assert!(!review.has("promotion_code"));
    let r = b
        .post(
            &format!("/checkout/{plain_link}/promotion_code"),
            &[f("promotion_code", "SPRING20")],
        )
        .await;
    assert_eq!(page_of(r).await.status, StatusCode::UNPROCESSABLE_ENTITY);
}
