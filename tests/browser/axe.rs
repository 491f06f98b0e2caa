//! The accessibility scan: axe-core (vendored, see `vendor/README.md`) injected into the page
//! through WebDriver, so no network is needed. Needs JavaScript, so it runs in the JS-enabled
//! browser only.

use serde_json::Value;

use crate::driver::Browser;

const AXE_SOURCE: &str = include_str!("vendor/axe.min.js");

/// The impacts that fail a test; `moderate` and `minor` findings are printed only.
const BLOCKING: [&str; 2] = ["serious", "critical"];

const RUN_AXE: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { resultTypes: ["violations"] })
  .then((r) => done({ passes: r.passes.length, violations: r.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })),
  })) }))
  .catch((e) => done({ error: String(e) }));
"#;

/// One rule axe-core found broken on the page.
pub struct Violation {
    pub id: String,
    pub impact: String,
    pub report: String,
}

/// Runs axe-core (all rules: WCAG 2.0/2.1 A and AA plus best practices) on the current page.
pub async fn scan(browser: &Browser) -> Vec<Violation> {
    let driver = &browser.driver;
    let loaded = driver
        .execute("return typeof window.axe === 'object';", Vec::new())
        .await
        .expect("run a script");
    if loaded.json() != &Value::Bool(true) {
        driver
            .execute(AXE_SOURCE, Vec::new())
            .await
            .expect("inject axe-core");
    }
    let result = driver
        .execute_async(RUN_AXE, Vec::new())
        .await
        .expect("run axe-core");
    let result = result.json();
    if let Some(e) = result.get("error") {
        panic!("axe-core failed: {e}");
    }
    assert!(
        result["passes"].as_u64().unwrap_or(0) > 0,
        "axe-core checked nothing: {result}"
    );
    let violations = result["violations"].as_array().expect("axe violations");
    violations
        .iter()
        .map(|v| {
            let impact = v["impact"].as_str().unwrap_or("unknown").to_owned();
            let id = v["id"].as_str().unwrap_or("?").to_owned();
            let nodes: Vec<String> = v["nodes"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|n| {
                    format!(
                        "    {} — {}",
                        n["target"].as_str().unwrap_or("?"),
                        n["summary"].as_str().unwrap_or("").replace('\n', " ")
                    )
                })
                .collect();
            let report = format!(
                "[{impact}] {id}: {} ({})\n{}",
                v["help"].as_str().unwrap_or(""),
                v["helpUrl"].as_str().unwrap_or(""),
                nodes.join("\n")
            );
            Violation { id, impact, report }
        })
        .collect()
}

/// Scans the current page; prints every finding and fails on any serious or critical one.
pub async fn assert_accessible(browser: &Browser, context: &str) {
    let violations = scan(browser).await;
    for v in &violations {
        eprintln!("axe on {context}: {}", v.report);
    }
    let blocking: Vec<&str> = violations
        .iter()
        .filter(|v| BLOCKING.contains(&v.impact.as_str()))
        .map(|v| v.report.as_str())
        .collect();
    assert!(
        blocking.is_empty(),
        "axe-core found serious or critical violations on {context}:\n{}",
        blocking.join("\n")
    );
}
