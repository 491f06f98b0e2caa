//! The merchant console (SPEC §13) over HTTP as a browser without JavaScript uses it: users
//! from the CLI, sign-in without enumeration, a one-time password that must be changed, CSRF,
//! the login limit, every page, the actions, and another organisation's ids as `404`.

use reqwest::StatusCode;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{TestApp, id, spawn_app, spawn_app_with};
use crate::hosted::{Browser, f, location, team};
use hosted_checkout::services::console;

const PASSWORD: &str = "correct horse battery";

/// A console user of `org`, as `user create` makes it: (email, one-time password).
async fn user(app: &TestApp, org: Uuid, email: &str) -> (String, String) {
    let u = console::create_user(&app.ctx, org, email)
        .await
        .expect("user");
    assert_eq!(u.email, email);
    assert!(u.password.len() >= 20, "{}", u.password);
    (u.email, u.password)
}

async fn sign_in(app: &TestApp, email: &str, password: &str) -> (Browser, reqwest::Response) {
    let b = Browser::new(app);
    let page = b.get("/dashboard/sign-in").await;
    assert_eq!(page.status, StatusCode::OK);
    let r = b
        .post(
            "/dashboard/sign-in",
            &[f("email", email), f("password", password)],
        )
        .await;
    (b, r)
}

/// A signed-in browser whose user has chosen their own password.
async fn signed_in(app: &TestApp, org: Uuid, email: &str) -> Browser {
    let (email, once) = user(app, org, email).await;
    let (b, r) = sign_in(app, &email, &once).await;
    assert_eq!(location(&r), "/dashboard/password");
    b.get("/dashboard/password").await;
    let r = b
        .post(
            "/dashboard/password",
            &[
                f("current_password", once),
                f("new_password", PASSWORD),
                f("repeat_password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(location(&r), "/dashboard?notice=password");
    b
}

#[tokio::test]
async fn the_cli_prints_a_user_with_a_one_time_password() {
    let app = spawn_app().await;
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hosted-checkout"))
        .args(["--database-url", &app.database_url, "user", "create"])
        .args([
            "--org",
            &app.org_id.to_string(),
            "--email",
            "ops@example.com",
        ])
        .env_remove("DATABASE_URL")
        .output()
        .expect("user create");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["user_id", "email", "password"]);
    let (_, r) = sign_in(&app, "OPS@example.com", v["password"].as_str().unwrap()).await;
    assert_eq!(
        location(&r),
        "/dashboard/password",
        "addresses match in any case"
    );

    let again = std::process::Command::new(env!("CARGO_BIN_EXE_hosted-checkout"))
        .args(["--database-url", &app.database_url, "user", "create"])
        .args([
            "--org",
            &app.org_id.to_string(),
            "--email",
            "ops@example.com",
        ])
        .env_remove("DATABASE_URL")
        .output()
        .expect("user create");
    assert!(!again.status.success(), "one user per address");
    assert!(String::from_utf8_lossy(&again.stderr).contains("email"));
}

#[tokio::test]
async fn sign_in_never_says_which_part_was_wrong_and_the_one_time_password_must_be_changed() {
    let app = spawn_app().await;
    let (email, once) = user(&app, app.org_id, "ada@example.com").await;

    let (_, wrong) = sign_in(&app, &email, "not the password").await;
    let (_, unknown) = sign_in(&app, "nobody@example.com", "not the password").await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(unknown.status(), StatusCode::UNAUTHORIZED);
    let (wrong, unknown) = (wrong.text().await.unwrap(), unknown.text().await.unwrap());
    let message = "The email address or password is not right.";
    assert!(wrong.contains(message) && unknown.contains(message));
    assert!(
        unknown.contains("value=\"nobody@example.com\""),
        "the address is kept"
    );
    assert!(
        !wrong.contains("not the password"),
        "a password is never echoed"
    );

    let b = Browser::new(&app);
    let r = b.client.get(app.url("/dashboard")).send().await.unwrap();
    assert_eq!(location(&r), "/dashboard/sign-in");

    let (b, r) = sign_in(&app, &email, &once).await;
    assert_eq!(location(&r), "/dashboard/password");
    let r = b
        .client
        .get(app.url("/dashboard/checkouts"))
        .send()
        .await
        .unwrap();
    assert_eq!(location(&r), "/dashboard/password", "nothing else first");
    let page = b.get("/dashboard/password").await;
    assert!(page.has("one-time password"));
    for (fields, field) in [
        (
            vec![
                f("current_password", "wrong"),
                f("new_password", PASSWORD),
                f("repeat_password", PASSWORD),
            ],
            "current_password",
        ),
        (
            vec![
                f("current_password", once.clone()),
                f("new_password", "short"),
                f("repeat_password", "short"),
            ],
            "new_password",
        ),
        (
            vec![
                f("current_password", once.clone()),
                f("new_password", PASSWORD),
                f("repeat_password", "something else"),
            ],
            "repeat_password",
        ),
    ] {
        let r = b.post("/dashboard/password", &fields).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        let page = r.text().await.unwrap();
        assert!(
            page.contains(&format!("id=\"f-{}-error\"", field.replace('_', "-"))),
            "{field}: {page}"
        );
    }
    let r = b
        .post(
            "/dashboard/password",
            &[
                f("current_password", once.clone()),
                f("new_password", PASSWORD),
                f("repeat_password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(location(&r), "/dashboard?notice=password");
    let home = b.get("/dashboard?notice=password").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.has("Your password was changed."));
    assert!(home.has("ada@example.com"));

    let (_, r) = sign_in(&app, &email, &once).await;
    assert_eq!(
        r.status(),
        StatusCode::UNAUTHORIZED,
        "the one-time password is spent"
    );
    let (other, r) = sign_in(&app, &email, PASSWORD).await;
    assert_eq!(location(&r), "/dashboard");
    assert_eq!(other.get("/dashboard").await.status, StatusCode::OK);

    // A password change ends every other session.
    b.get("/dashboard/password").await;
    let newer = "an even better passphrase";
    let r = b
        .post(
            "/dashboard/password",
            &[
                f("current_password", PASSWORD),
                f("new_password", newer),
                f("repeat_password", newer),
            ],
        )
        .await;
    assert_eq!(location(&r), "/dashboard?notice=password");
    let r = other
        .client
        .get(app.url("/dashboard"))
        .send()
        .await
        .unwrap();
    assert_eq!(location(&r), "/dashboard/sign-in");
    assert_eq!(
        b.get("/dashboard").await.status,
        StatusCode::OK,
        "this one goes on"
    );

    b.get("/dashboard").await;
    let r = b.post("/dashboard/logout", &[]).await;
    assert_eq!(location(&r), "/dashboard/sign-in");
    let r = b.client.get(app.url("/dashboard")).send().await.unwrap();
    assert_eq!(location(&r), "/dashboard/sign-in");
}

#[tokio::test]
async fn the_console_cookie_is_its_own_and_forms_need_the_csrf_token() {
    let app = spawn_app().await;
    let b = signed_in(&app, app.org_id, "ada@example.com").await;
    let r = b.client.get(app.url("/dashboard")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["x-robots-tag"], "noindex, nofollow");
    assert_eq!(r.headers()["cache-control"], "no-store");
    assert!(
        r.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'none'")
    );
    let (_, r) = sign_in(&app, "ada@example.com", PASSWORD).await;
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("hc_console="), "{cookie}");
    assert!(
        cookie.contains("Path=/dashboard")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );

    let forged = b
        .post_raw(
            "/dashboard/api-keys",
            &[f("name", "x"), f("csrf_token", "0".repeat(64))],
        )
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let none = b.post_raw("/dashboard/logout", &[]).await;
    assert_eq!(none.status(), StatusCode::FORBIDDEN);
    let keys = app.get_ok("/api_keys").await;
    assert_eq!(
        keys["data"].as_array().unwrap().len(),
        1,
        "nothing was created"
    );
    assert_eq!(
        b.get("/dashboard").await.status,
        StatusCode::OK,
        "still signed in"
    );
}

#[tokio::test]
async fn sign_in_attempts_are_rate_limited_per_account() {
    let app = spawn_app_with(|s| s.login_rate_limit = 2).await;
    let (email, _) = user(&app, app.org_id, "ada@example.com").await;
    for _ in 0..2 {
        let (_, r) = sign_in(&app, &email, "guess").await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    }
    let (_, r) = sign_in(&app, &email, "guess").await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    assert!(r.text().await.unwrap().contains("Too many attempts"));
}

#[tokio::test]
async fn every_page_shows_the_organisations_objects_and_actions_work() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let b = signed_in(&app, app.org_id, "ada@example.com").await;

    // A link made in the console, opened by a customer.
    let page = b.get("/dashboard/links").await;
    assert!(page.has("No checkout links yet."));
    let r = b
        .post(
            "/dashboard/links",
            &[
                f("plan_id", c.plan.to_string()),
                f("success_url", "https://shop.example/ok"),
                f("locale", "de"),
            ],
        )
        .await;
    let at = location(&r);
    let link_id = at
        .strip_prefix("/dashboard/links/")
        .and_then(|s| s.split('?').next())
        .expect("the link's page")
        .to_owned();
    let link = app.get_ok(&format!("/checkout_links/{link_id}")).await;
    assert_eq!(link["locale"], "de");
    let page = b.get(&at).await;
    assert!(page.has("The checkout link was created."));
    assert!(page.has(link["url"].as_str().unwrap()));
    let path = link["url"]
        .as_str()
        .unwrap()
        .strip_prefix(&app.url(""))
        .unwrap()
        .to_owned();
    let r = app.client.get(app.url(&path)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let list = app.get_ok("/checkouts").await;
    let session = list["data"][0]["id"].as_str().unwrap().to_owned();

    let page = b
        .get(&format!("/dashboard/checkouts?checkout_link_id={link_id}"))
        .await;
    assert!(page.has(&session), "{}", page.body);
    let page = b.get("/dashboard/links").await;
    assert!(page.has("<td>1</td>"), "one session opened: {}", page.body);

    let page = b.get(&format!("/dashboard/checkouts?q={session}")).await;
    assert_eq!(
        page.status,
        StatusCode::SEE_OTHER,
        "an id opens the session"
    );
    let r = app
        .patch(
            &format!("/checkouts/{session}"),
            &json!({"customer_data": {"email": "Buyer@Example.com"}}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK, "{}", r.text().await.unwrap());
    let page = b.get("/dashboard/checkouts?q=buyer%40example.com").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.has(&session), "an email filters: {}", page.body);
    assert!(page.has("Guest (Buyer@Example.com)"), "{}", page.body);
    let page = b.get("/dashboard/checkouts?q=nobody%40example.com").await;
    assert!(page.has("No sessions match."), "{}", page.body);
    let page = b.get("/dashboard/checkouts?q=not-an-address").await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.has("enter a valid email address"), "{}", page.body);
    let page = b.get(&format!("/dashboard/checkouts/{session}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.has("Current invoice") && page.has("$50.00"),
        "{}",
        page.body
    );
    assert!(page.has(&format!("/dashboard/links/{link_id}")));
    let r = b
        .post(&format!("/dashboard/checkouts/{session}/expire"), &[])
        .await;
    assert_eq!(
        location(&r),
        format!("/dashboard/checkouts/{session}?notice=expired")
    );
    assert_eq!(
        app.get_ok(&format!("/checkouts/{session}")).await["checkout_status"],
        "expired"
    );
    let page = b.get(&format!("/dashboard/checkouts/{session}")).await;
    assert!(page.has("checkout.expired"), "its event: {}", page.body);
    assert!(!page.has("Expire now"));

    let page = b.get("/dashboard/checkouts?checkout_status=nonsense").await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.has("checkout_status"), "the filter's error names it");

    // Deactivating the link closes it to customers.
    b.get(&format!("/dashboard/links/{link_id}")).await;
    let r = b
        .post(&format!("/dashboard/links/{link_id}/active"), &[])
        .await;
    assert_eq!(
        location(&r),
        format!("/dashboard/links/{link_id}?notice=link-updated")
    );
    assert_eq!(
        app.client
            .get(app.url(&path))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::GONE
    );

    // A plan made in the console, previewed.
    let product = app.create_product("Storage", Some("GB")).await;
    b.get("/dashboard/plans").await;
    let r = b
        .post(
            "/dashboard/plans",
            &[
                f("name", "Storage plan"),
                f("currency", "EUR"),
                f("billing_period", "P1M"),
                f("product_id", product.to_string()),
                f("pricing_type", "per_unit"),
                f("price", "0.50"),
                f("quantity", "100"),
                f("adjustable", "on"),
            ],
        )
        .await;
    let at = location(&r);
    let plan_id = at
        .strip_prefix("/dashboard/plans/")
        .and_then(|s| s.split('?').next())
        .unwrap()
        .to_owned();
    let plan = app.get_ok(&format!("/plans/{plan_id}")).await;
    assert_eq!(
        plan["items"][0]["pricing"]["unit_amount"].to_string(),
        "0.50"
    );
    assert_eq!(plan["items"][0]["quantity"], 100);
    // The product is listed, its page names the plans that sell it.
    let page = b.get("/dashboard/plans").await;
    assert!(
        page.has(&format!("/dashboard/products/{product}")),
        "{}",
        page.body
    );
    let page = b.get(&format!("/dashboard/products/{product}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.has("Product: Storage")
            && page.has("GB")
            && page.has(&format!("/dashboard/plans/{plan_id}")),
        "{}",
        page.body
    );
    let page = b.get(&format!("/dashboard/products/{}", c.support)).await;
    assert!(
        !page.has("Storage plan") && page.has("Team"),
        "{}",
        page.body
    );
    let r = b
        .post(
            "/dashboard/plans",
            &[
                f("name", ""),
                f("price", "abc"),
                f("product_id", product.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("id=\"f-price-error\""));
    b.get(&format!("/dashboard/plans/{plan_id}")).await;
    let r = b
        .post(
            &format!("/dashboard/plans/{plan_id}/preview"),
            &[
                f(format!("quantity.{product}"), "250"),
                f("locale", "fr"),
                f("customer", "guest"),
            ],
        )
        .await;
    let hosted = location(&r);
    assert!(hosted.starts_with(&app.url("/checkout/")), "{hosted}");
    let preview = app.get_ok("/checkouts?limit=1").await["data"][0].clone();
    assert_eq!(preview["preview"], true);
    assert_eq!(preview["locale"], "fr");
    assert_eq!(
        preview["estimates"]["current_invoice"]["subtotal"].to_string(),
        "125.00"
    );

    // Coupons and promotion codes.
    b.get("/dashboard/coupons").await;
    let r = b
        .post(
            "/dashboard/coupons",
            &[
                f("name", "Spring"),
                f("percent_off", "20"),
                f("duration", "repeating"),
                f("duration_in_periods", "3"),
            ],
        )
        .await;
    assert_eq!(location(&r), "/dashboard/coupons?notice=coupon-created");
    let coupon = app.get_ok("/coupons").await["data"][0].clone();
    assert_eq!(coupon["percent_off"].to_string(), "20");
    assert_eq!(coupon["duration_in_periods"], 3);
    let r = b
        .post(
            "/dashboard/coupons",
            &[
                f("name", "Both"),
                f("percent_off", "10"),
                f("amount_off", "5"),
                f("currency", "USD"),
                f("duration", "once"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("id=\"f-percent-off-error\"")
    );
    b.get("/dashboard/coupons").await;
    let r = b
        .post(
            "/dashboard/promotion-codes",
            &[
                f("code", "SPRING20"),
                f("coupon_id", coupon["id"].as_str().unwrap()),
            ],
        )
        .await;
    assert_eq!(location(&r), "/dashboard/coupons?notice=code-created");
    let code = app.get_ok("/promotion_codes").await["data"][0].clone();
    assert_eq!(code["code"], "SPRING20");
    let page = b.get("/dashboard/coupons").await;
    assert!(
        page.has("20% off") && page.has("For 3 billing period(s)") && page.has("SPRING20"),
        "{}",
        page.body
    );
    let r = b
        .post(
            &format!("/dashboard/promotion-codes/{}/active", id(&code)),
            &[],
        )
        .await;
    assert_eq!(location(&r), "/dashboard/coupons?notice=code-updated");
    assert_eq!(
        app.get_ok(&format!("/promotion_codes/{}", id(&code))).await["active"],
        false
    );
    // Detail pages: the coupon with its codes, the code with its coupon; archiving.
    let page = b.get(&format!("/dashboard/coupons/{}", id(&coupon))).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.has("Coupon: Spring")
            && page.has("20% off")
            && page.has(&format!("/dashboard/promotion-codes/{}", id(&code)))
            && page.has(">Archive<"),
        "{}",
        page.body
    );
    let page = b
        .get(&format!("/dashboard/promotion-codes/{}", id(&code)))
        .await;
    assert!(
        page.has("Promotion code: SPRING20")
            && page.has(&format!("/dashboard/coupons/{}", id(&coupon)))
            && page.has(">Activate<"),
        "{}",
        page.body
    );
    let r = b
        .post(&format!("/dashboard/coupons/{}/archive", id(&coupon)), &[])
        .await;
    assert_eq!(
        location(&r),
        format!("/dashboard/coupons/{}?notice=coupon-archived", id(&coupon))
    );
    assert_eq!(
        app.get_ok(&format!("/coupons/{}", id(&coupon))).await["status"],
        "archived"
    );
    let page = b
        .get(&format!(
            "/dashboard/coupons/{}?notice=coupon-archived",
            id(&coupon)
        ))
        .await;
    assert!(
        page.has("The coupon was archived") && !page.has(">Archive<"),
        "{}",
        page.body
    );

    // Webhooks and API keys.
    b.get("/dashboard/webhooks").await;
    let page = b
        .post("/dashboard/webhooks", &[f("url", "not a url")])
        .await;
    assert_eq!(page.status(), StatusCode::UNPROCESSABLE_ENTITY);
    b.get("/dashboard/api-keys").await;
    let r = b
        .post("/dashboard/api-keys", &[f("name", "from the console")])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let body = r.text().await.unwrap();
    let marker = "id=\"secret-value\" type=\"text\" readonly value=\"";
    let at = body.find(marker).expect("the secret shown once") + marker.len();
    let secret = body[at..].split('"').next().unwrap().to_owned();
    let ok = app
        .client
        .get(app.url("/checkouts"))
        .header("x-api-key", &secret)
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    let keys = app.get_ok("/api_keys").await;
    let key = keys["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["name"] == "from the console")
        .unwrap()
        .clone();
    b.get("/dashboard/api-keys").await;
    let r = b
        .post(&format!("/dashboard/api-keys/{}/revoke", id(&key)), &[])
        .await;
    assert_eq!(location(&r), "/dashboard/api-keys?notice=key-revoked");
    let refused = app
        .client
        .get(app.url("/checkouts"))
        .header("x-api-key", &secret)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);

    for page in [
        "/dashboard",
        "/dashboard/contracts",
        "/dashboard/webhooks",
        "/dashboard/api-keys",
    ] {
        assert_eq!(b.get(page).await.status, StatusCode::OK, "{page}");
    }
}

#[tokio::test]
async fn another_organisations_ids_are_404_on_every_console_page_and_action() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let session = app.new_subscription(c.plan).await;
    let contract = app.import_contract(c.plan, "2026-01-01").await;
    let link = app
        .post_ok(
            "/checkout_links",
            &json!({"plan_id": c.plan}),
            StatusCode::CREATED,
        )
        .await;
    let endpoint = app
        .post_ok(
            "/webhook_endpoints",
            &json!({"url": "http://127.0.0.1:9/hook", "enabled_events": ["*"]}),
            StatusCode::CREATED,
        )
        .await;
    let key = app.get_ok("/api_keys").await["data"][0].clone();
    let coupon = app
        .post_ok(
            "/coupons",
            &json!({"name": "Ours", "percent_off": 10, "duration": "once"}),
            StatusCode::CREATED,
        )
        .await;
    let code = app
        .post_ok(
            "/promotion_codes",
            &json!({"coupon_id": id(&coupon), "code": "OURS"}),
            StatusCode::CREATED,
        )
        .await;
    app.post_ok(
        &format!("/checkouts/{}/cancel", id(&session)),
        &json!({}),
        StatusCode::OK,
    )
    .await;
    let event = app.get_ok("/events").await["data"][0].clone();

    let other = hosted_checkout::services::organisations::create_organisation(&app.ctx, "Other")
        .await
        .unwrap();
    let b = signed_in(&app, other.organisation_id, "eve@example.com").await;
    for page in [
        format!("/dashboard/webhooks/{}", id(&endpoint)),
        format!("/dashboard/checkouts/{}", id(&session)),
        format!("/dashboard/contracts/{}", id(&contract)),
        format!("/dashboard/plans/{}", c.plan),
        format!("/dashboard/links/{}", id(&link)),
        format!("/dashboard/coupons/{}", id(&coupon)),
        format!("/dashboard/promotion-codes/{}", id(&code)),
        format!("/dashboard/products/{}", c.seats),
        "/dashboard/checkouts/not-an-id".to_owned(),
        "/dashboard/nothing-here".to_owned(),
    ] {
        let p = b.get(&page).await;
        assert_eq!(p.status, StatusCode::NOT_FOUND, "{page}");
        assert!(p.has("Reference:"), "{page}");
    }
    b.get("/dashboard").await;
    for action in [
        format!("/dashboard/checkouts/{}/expire", id(&session)),
        format!("/dashboard/checkouts/{}/cancel", id(&session)),
        format!("/dashboard/events/{}/resend", id(&event)),
        format!("/dashboard/plans/{}/preview", c.plan),
        format!("/dashboard/links/{}/active", id(&link)),
        format!("/dashboard/webhooks/{}/rotate", id(&endpoint)),
        format!("/dashboard/webhooks/{}/status", id(&endpoint)),
        format!("/dashboard/api-keys/{}/revoke", id(&key)),
        format!("/dashboard/promotion-codes/{}/active", id(&code)),
        format!("/dashboard/coupons/{}/archive", id(&coupon)),
    ] {
        let r = b.post(&action, &[]).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{action}");
    }
    // Their lists show none of it; a link of theirs cannot sell our plan.
    for (page, absent) in [
        ("/dashboard/checkouts", id(&session).to_string()),
        ("/dashboard/contracts", id(&contract).to_string()),
        ("/dashboard/plans", "Team".to_owned()),
        ("/dashboard/links", id(&link).to_string()),
        ("/dashboard/webhooks", "127.0.0.1:9".to_owned()),
        ("/dashboard/coupons", "OURS".to_owned()),
    ] {
        let p = b.get(page).await;
        assert_eq!(p.status, StatusCode::OK, "{page}");
        assert!(!p.has(&absent), "{page} shows {absent}");
    }
    b.get("/dashboard/links").await;
    let r = b
        .post("/dashboard/links", &[f("plan_id", c.plan.to_string())])
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Nothing of ours changed.
    assert_eq!(
        app.get_ok(&format!("/checkout_links/{}", id(&link))).await["active"],
        true
    );
    assert_eq!(
        app.get_ok(&format!("/webhook_endpoints/{}", id(&endpoint)))
            .await["status"],
        "enabled"
    );
    assert!(app.get_ok("/api_keys").await["data"][0]["revoked_at"].is_null());
    assert_eq!(
        app.get_ok(&format!("/promotion_codes/{}", id(&code))).await["active"],
        true
    );
    assert_eq!(
        app.get_ok(&format!("/coupons/{}", id(&coupon))).await["status"],
        "active"
    );
    // Their promotion code cannot use our coupon.
    b.get("/dashboard/coupons").await;
    let r = b
        .post(
            "/dashboard/promotion-codes",
            &[f("code", "THEIRS"), f("coupon_id", id(&coupon).to_string())],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
}
