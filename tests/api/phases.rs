//! Contract phases (SPEC §11): the terms in force and a scheduled change; every amendment
//! priced against the terms in force on its effective date; an earlier one replaces a
//! scheduled change and says so.

use reqwest::StatusCode;
use serde_json::{Value, json};
use sqlx::Connection as _;

use crate::helpers::*;

fn money(v: &Value) -> String {
    v.to_string()
}

async fn confirm(app: &TestApp, session: &Value) -> Value {
    app.post_ok(
        &format!("/checkouts/{}/confirm", id(session)),
        &json!({}),
        StatusCode::OK,
    )
    .await
}

/// Team (5 seats at 10.00) from 1 Nov 2026, with Basic (6.00) and Pro (20.00) on the same
/// products. Today is the test clock's day (2 Dec 2026 or later in December's period).
async fn contract_on_team(app: &TestApp) -> (Catalog, uuid::Uuid, uuid::Uuid, String) {
    let c = app.seat_plan("Team", "10.00", "P1M").await;
    let basic = app.plan_on(&c, "Basic", "6.00", "P1M").await;
    let pro = app.plan_on(&c, "Pro", "20.00", "P1M").await;
    let k = app.import_contract(c.plan, "2026-11-01").await;
    (c, basic, pro, id(&k).to_string())
}

#[tokio::test]
async fn a_downgrade_scheduled_at_period_end_then_an_upgrade_before_it() {
    let app = spawn_app().await;
    let (c, basic, pro, contract) = contract_on_team(&app).await;
    let today = app.ctx.clock.now().date_naive();
    let period_end = chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    assert!(today < period_end, "the test runs in December 2026");

    // The downgrade waits for the end of the period: Team stays in force, Basic is scheduled.
    let down = app
        .create_checkout(json!({"contract_id": contract, "plan_id": basic}))
        .await;
    assert_eq!(down["change"]["effective_date"], "2027-01-01");
    confirm(&app, &down).await;
    let k = app.get_ok(&format!("/contracts/{contract}")).await;
    assert_eq!(k["plan_id"], json!(c.plan), "the terms in force today");
    assert_eq!(k["scheduled_change"]["plan_id"], json!(basic));
    assert_eq!(k["scheduled_change"]["start_date"], "2027-01-01");
    let phases = k["phases"].as_array().unwrap();
    assert_eq!(phases.len(), 2);
    assert_eq!(
        (&phases[0]["plan_id"], &phases[0]["end_date"]),
        (&json!(c.plan), &json!("2026-12-31"))
    );
    assert_eq!(phases[1]["plan_id"], json!(basic));

    // An upgrade before it: priced against Team (in force now), and it says what it replaces.
    let up = app
        .create_checkout(json!({"contract_id": contract, "plan_id": pro}))
        .await;
    let summary = up["change"]["summary"].as_str().unwrap();
    assert!(
        summary.ends_with("This replaces your scheduled switch to Basic on 1 Jan 2027."),
        "{summary}"
    );
    let inv = &up["estimates"]["current_invoice"];
    let credit = inv["line_items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["kind"] == "proration_credit")
        .unwrap();
    assert!(
        credit["description"]
            .as_str()
            .unwrap()
            .starts_with("Unused time on 5 × Seats"),
        "{credit}"
    );
    assert_eq!(
        credit["unit_price"].to_string(),
        "10.00",
        "Team's price, not Basic's"
    );
    let events_before = app.get_ok(&format!("/events?object_id={contract}")).await["data"]
        .as_array()
        .unwrap()
        .len();
    confirm(&app, &up).await;
    let k = app.get_ok(&format!("/contracts/{contract}")).await;
    assert_eq!(k["plan_id"], json!(pro));
    assert_eq!(
        k["scheduled_change"],
        Value::Null,
        "the scheduled switch is replaced"
    );
    assert_eq!(k["phases"].as_array().unwrap().len(), 1);
    assert_eq!(
        k["versions"].as_array().unwrap().len(),
        3,
        "history keeps all three"
    );
    let events = app.get_ok(&format!("/events?object_id={contract}")).await;
    assert_eq!(events["data"].as_array().unwrap().len(), events_before + 1);
    assert_eq!(events["data"][0]["type"], "contract.updated");
    assert_eq!(
        events["data"][0]["data"]["object"]["scheduled_change"],
        Value::Null
    );
}

#[tokio::test]
async fn an_amendment_after_a_scheduled_change_starts_is_priced_against_it() {
    let app = spawn_app().await;
    let (c, basic, _pro, contract) = contract_on_team(&app).await;
    let down = app
        .create_checkout(json!({"contract_id": contract, "plan_id": basic}))
        .await;
    confirm(&app, &down).await;
    // 6 seats from 15 Jan 2027, when Basic (6.00) is in force: 17 of 31 days.
    let more = app
        .create_checkout(json!({"contract_id": contract, "start_date": "2027-01-15", "proration_behavior": "prorate_now", "product_overrides": [{"product_id": c.seats, "quantity": 6}]}))
        .await;
    let amounts: Vec<(String, String)> = more["estimates"]["current_invoice"]["line_items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["kind"].as_str().unwrap().to_owned(), money(&l["amount"])))
        .collect();
    assert_eq!(
        amounts,
        [
            ("proration_credit".to_owned(), "-16.45".to_owned()),
            ("proration_charge".to_owned(), "19.74".to_owned()),
        ]
    );
    assert!(
        !more["change"]["summary"]
            .as_str()
            .unwrap()
            .contains("replaces")
    );
    confirm(&app, &more).await;
    let k = app.get_ok(&format!("/contracts/{contract}")).await;
    assert_eq!(k["plan_id"], json!(basic), "Basic with 6 seats");
    assert_eq!(k["items"][0]["quantity"], 6);
    assert_eq!(k["scheduled_change"], Value::Null);
}

/// Wave 1 wrote an `at_period_end` change into the contract at once; migration 0008 turns such
/// a contract into its previous terms plus the change as the scheduled phase.
#[tokio::test]
async fn a_wave_1_contract_with_a_pending_change_becomes_current_plus_scheduled() {
    let app = spawn_app().await;
    let (c, basic, _pro, contract) = contract_on_team(&app).await;
    let contract: uuid::Uuid = contract.parse().unwrap();
    let basic_items = app.get_ok(&format!("/plans/{basic}")).await;
    // The contract's lines on Basic, as wave 1 stored them (the plan's lines).
    let k = app.get_ok(&format!("/contracts/{contract}")).await;
    let mut items = k["items"].clone();
    for (i, item) in items.as_array_mut().unwrap().iter_mut().enumerate() {
        item["pricing"] = basic_items["items"][i]["pricing"].clone();
    }
    let items = items.to_string();
    let migration = |path: &str| {
        let sql = std::fs::read_to_string(path).unwrap();
        let update = &sql[sql.find("UPDATE contracts").unwrap()..];
        update.to_owned()
    };
    let effective = chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let now = chrono::Utc::now();
    macro_rules! wave_1 {
        ($conn:expr, $update:expr) => {{
            sqlx::query("INSERT INTO contract_versions (id, contract_id, organisation_id, version, effective_date, plan_id, billing_anchor_date, items, change_summary, checkout_id, created_at) VALUES ($1, $2, $3, 2, $4, $5, $6, $7, 'Switch to Basic', NULL, $8)")
                .bind(uuid::Uuid::new_v4())
                .bind(contract)
                .bind(app.org_id)
                .bind(effective)
                .bind(basic)
                .bind(chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap())
                .bind(items.as_str())
                .bind(now)
                .execute(&mut $conn)
                .await
                .unwrap();
            sqlx::query("UPDATE contracts SET version = 2, plan_id = $1, items = $2 WHERE id = $3")
                .bind(basic)
                .bind(items.as_str())
                .bind(contract)
                .execute(&mut $conn)
                .await
                .unwrap();
            sqlx::raw_sql(sqlx::AssertSqlSafe($update)).execute(&mut $conn).await.unwrap();
            $conn.close().await.unwrap();
        }};
    }
    if app.database_url.starts_with("postgres") {
        let mut conn = sqlx::PgConnection::connect(&app.database_url)
            .await
            .unwrap();
        wave_1!(
            conn,
            migration("migrations/postgres/0008_contract_phases.sql")
        );
    } else {
        let mut conn = sqlx::SqliteConnection::connect(&app.database_url)
            .await
            .unwrap();
        wave_1!(
            conn,
            migration("migrations/sqlite/0008_contract_phases.sql")
        );
    }
    let k = app.get_ok(&format!("/contracts/{contract}")).await;
    assert_eq!(
        k["plan_id"],
        json!(c.plan),
        "the previous terms are in force"
    );
    assert_eq!(k["items"][0]["pricing"]["unit_amount"].to_string(), "10.00");
    let s = &k["scheduled_change"];
    assert_eq!(
        (
            &s["plan_id"],
            &s["start_date"],
            &s["plan_name"],
            &s["version"]
        ),
        (
            &json!(basic),
            &json!("2027-01-01"),
            &json!("Basic"),
            &json!(2)
        )
    );
    assert_eq!(s["items"][0]["pricing"]["unit_amount"].to_string(), "6.00");
    // And it is priced like one scheduled today: an upgrade now replaces it.
    let up = app
        .create_checkout(json!({"contract_id": contract, "product_overrides": [{"product_id": c.seats, "quantity": 9}]}))
        .await;
    assert!(
        up["change"]["summary"]
            .as_str()
            .unwrap()
            .ends_with("This replaces your scheduled switch to Basic on 1 Jan 2027."),
        "{}",
        up["change"]["summary"]
    );
}
