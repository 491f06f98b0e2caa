//! Crashes, database outages, graceful shutdown, and what the logs may contain.

use std::collections::{HashMap, HashSet};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use futures_util::future::join_all;
use serde_json::{Value, json};
use sqlx::{Connection, Row};

use crate::support::{
    catalog, create_session, free_port, fresh_database, org_create, spawn_on, start_server,
    wait_ready,
};

/// Creates `n` open sessions through the API; returns their ids.
async fn sessions(c: &reqwest::Client, base: &str, key: &str, n: usize) -> Vec<String> {
    let (plan, customer) = catalog(c, base, key).await;
    let mut ids = Vec::with_capacity(n);
    for _ in 0..n {
        let v: Value = create_session(c, base, key, &plan, &customer)
            .await
            .json()
            .await
            .unwrap();
        ids.push(v["id"].as_str().unwrap().to_owned());
    }
    ids
}

/// Confirms `ids` with 8 workers until `stop_after` confirms succeeded, then calls `interrupt`
/// (once) and lets the workers run into the failure. Returns the ids whose confirm answered 200.
async fn confirm_stream(
    base: &str,
    key: &str,
    ids: &[String],
    stop_after: usize,
    interrupt: impl FnOnce() + Send + 'static,
) -> HashSet<String> {
    let queue = Arc::new(std::sync::Mutex::new(ids.to_vec()));
    let acked = Arc::new(std::sync::Mutex::new(HashSet::new()));
    let count = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let tx = Arc::new(std::sync::Mutex::new(Some(tx)));
    let workers = (0..8).map(|_| {
        let (queue, acked, count, tx) = (queue.clone(), acked.clone(), count.clone(), tx.clone());
        let (base, key) = (base.to_owned(), key.to_owned());
        tokio::spawn(async move {
            let c = reqwest::Client::builder()
                .timeout(Duration::from_secs(20))
                .build()
                .unwrap();
            loop {
                let Some(id) = queue.lock().unwrap().pop() else {
                    return;
                };
                match c
                    .post(format!("{base}/checkouts/{id}/confirm"))
                    .header("x-api-key", &key)
                    .send()
                    .await
                {
                    Ok(r) if r.status() == 200 => {
                        acked.lock().unwrap().insert(id);
                        if count.fetch_add(1, Ordering::SeqCst) + 1 == stop_after
                            && let Some(tx) = tx.lock().unwrap().take()
                        {
                            let _ = tx.send(());
                        }
                    }
                    Ok(r) => assert!(
                        r.status().as_u16() < 500 || r.status() == 503,
                        "unexpected {}",
                        r.status()
                    ),
                    Err(_) => return, // the server went away
                }
            }
        })
    });
    let handles: Vec<_> = workers.collect();
    let _ = rx.await;
    interrupt();
    for h in join_all(handles).await {
        h.unwrap();
    }
    acked.lock().unwrap().clone()
}

/// A killed client can leave a COMMIT in flight: PostgreSQL may still apply it after the
/// process is gone. Wait (by polling, bounded) until no other session uses the database, so
/// the checks below see the final state.
async fn settle(url: &str) {
    if !url.starts_with("postgres") {
        return; // a dead process cannot write a SQLite file any more
    }
    let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let others: i64 = sqlx::query(
            "SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
        )
        .fetch_one(&mut conn)
        .await
        .unwrap()
        .get("n");
        if others == 0 {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{others} sessions still on the database"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// After a restart: every session is either fully confirmed (status, contract with one version
/// pointing back at it) or untouched (open, no contract).
async fn assert_all_or_nothing(
    base: &str,
    key: &str,
    ids: &[String],
    acked: &HashSet<String>,
) -> usize {
    let c = reqwest::Client::new();
    let mut contracts = HashMap::new();
    let mut after = String::new();
    loop {
        let v: Value = c
            .get(format!("{base}/contracts?limit=100{after}"))
            .header("x-api-key", key)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        for k in v["data"].as_array().unwrap() {
            contracts.insert(k["id"].as_str().unwrap().to_owned(), k.clone());
        }
        if v["has_more"] != true {
            break;
        }
        after = format!(
            "&starting_after={}",
            v["data"].as_array().unwrap().last().unwrap()["id"]
                .as_str()
                .unwrap()
        );
    }
    let mut confirmed = 0;
    for id in ids {
        let s: Value = c
            .get(format!("{base}/checkouts/{id}"))
            .header("x-api-key", key)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        match s["checkout_status"].as_str().unwrap() {
            "contract_created" => {
                confirmed += 1;
                let k = &contracts[s["contract_id"].as_str().expect("contract id set")];
                assert_eq!(k["checkout_id"].as_str(), Some(id.as_str()));
                assert_eq!(k["versions"].as_array().unwrap().len(), 1);
                assert!(s["completed_at"].is_string());
            }
            "open" => {
                assert!(s["contract_id"].is_null());
                assert!(
                    !acked.contains(id),
                    "a confirm answered 200 but was lost: {id}"
                );
            }
            other => panic!("unexpected status {other}"),
        }
    }
    assert_eq!(
        contracts.len(),
        confirmed,
        "no contract without its confirmed session"
    );
    confirmed
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn kill_9_during_confirms_leaves_every_session_whole_or_untouched() {
    let (url, tmp) = fresh_database().await;
    let logs = tempfile::tempdir().unwrap();
    let org = org_create(&url);
    let key = org["api_key"].as_str().unwrap().to_owned();
    let mut server = start_server(&url, logs.path(), &[]);
    wait_ready(&server.base).await;
    let c = reqwest::Client::new();
    let ids = sessions(&c, &server.base, &key, 150).await;
    let pid = server.child.id();
    let acked = confirm_stream(&server.base, &key, &ids, 40, move || {
        // SIGKILL: no chance to clean up.
        let _ = Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status();
    })
    .await;
    let status = server.child.wait().unwrap();
    assert!(!status.success(), "killed, not exited");
    settle(&url).await;
    if url.starts_with("sqlite") {
        let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
        let row = sqlx::query("PRAGMA integrity_check")
            .fetch_one(&mut conn)
            .await
            .unwrap();
        assert_eq!(row.get::<String, _>(0), "ok");
    }
    let mut restarted = start_server(&url, logs.path(), &[]);
    wait_ready(&restarted.base).await;
    let confirmed = assert_all_or_nothing(&restarted.base, &key, &ids, &acked).await;
    assert!(
        confirmed >= 40,
        "at least the acknowledged confirms survived ({confirmed})"
    );
    eprintln!(
        "kill -9: {confirmed} of {} sessions confirmed, {} acknowledged before the kill",
        ids.len(),
        acked.len()
    );
    restarted.child.kill().unwrap();
    let _ = restarted.child.wait();
    drop(tmp);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_under_load_finishes_in_flight_requests_and_exits_cleanly() {
    let (url, tmp) = fresh_database().await;
    let logs = tempfile::tempdir().unwrap();
    let org = org_create(&url);
    let key = org["api_key"].as_str().unwrap().to_owned();
    let mut server = start_server(&url, logs.path(), &[]);
    wait_ready(&server.base).await;
    let c = reqwest::Client::new();
    let ids = sessions(&c, &server.base, &key, 120).await;
    let pid = server.child.id();
    let acked = confirm_stream(&server.base, &key, &ids, 30, move || {
        let _ = Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status();
    })
    .await;
    let status = server.child.wait().unwrap();
    assert!(
        status.success(),
        "graceful exit after SIGTERM, got {status}"
    );
    let mut restarted = start_server(&url, logs.path(), &[]);
    wait_ready(&restarted.base).await;
    let confirmed = assert_all_or_nothing(&restarted.base, &key, &ids, &acked).await;
    assert!(confirmed >= acked.len());
    restarted.child.kill().unwrap();
    let _ = restarted.child.wait();
    drop(tmp);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn logs_contain_no_api_key_session_secret_email_or_address() {
    let (url, tmp) = fresh_database().await;
    let logs = tempfile::tempdir().unwrap();
    let org = org_create(&url);
    let key = org["api_key"].as_str().unwrap().to_owned();
    let secret = format!("session-secret-{}", "s".repeat(60));
    let server = start_server(
        &url,
        logs.path(),
        &[("RUST_LOG", "debug"), ("SESSION_SECRET", &secret)],
    );
    let mut server = server;
    wait_ready(&server.base).await;
    let c = crate::support::client();
    let (plan, _customer) = catalog(&c, &server.base, &key).await;
    let entity = org["business_entity_id"].as_str().unwrap();
    let s: Value = c
        .post(format!("{}/checkouts", server.base))
        .header("x-api-key", &key)
        .json(&json!({"plan_id": plan, "guest_checkout": true, "business_entity_id": entity, "customer_data": {"customer_name": "Grace Secret", "email": "grace.private@example.org", "address": {"line1": "99 Hidden Road", "country": "US"}}}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = s["id"].as_str().unwrap();
    let r = c
        .post(format!("{}/checkouts/{id}/confirm", server.base))
        .header("x-api-key", &key)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    // A few failures too: wrong key, validation error carrying an email.
    let _ = c
        .get(format!("{}/checkouts", server.base))
        .header("x-api-key", format!("{key}x"))
        .send()
        .await
        .unwrap();
    let _ = c
        .post(format!("{}/customers", server.base))
        .header("x-api-key", &key)
        .json(&json!({"email": "bad-but-private@example.org@", "customer_name": ""}))
        .send()
        .await
        .unwrap();
    server.child.kill().unwrap();
    let _ = server.child.wait();
    let log = std::fs::read_to_string(&server.log_path).unwrap();
    assert!(log.contains("\"level\""), "JSON logs were written");
    for needle in [
        key.as_str(),
        &key[3..20],
        secret.as_str(),
        "grace.private@example.org",
        "ada.secret@example.com",
        "99 Hidden Road",
        "12 Secret Lane",
        "bad-but-private",
    ] {
        assert!(!log.contains(needle), "log contains {needle:?}");
    }
    drop(tmp);
}

/// With request spans on (info), a log line written while serving a request names that
/// request's id, the one in its `x-request-id` header; with them off (`RUST_LOG=warn`, as in
/// the load benchmark) requests still get an id.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn log_lines_name_the_request_id_their_response_carries() {
    let (url, tmp) = fresh_database().await;
    let logs = tempfile::tempdir().unwrap();
    let c = crate::support::client();
    for (filter, spans) in [("info,hosted_checkout=debug", true), ("warn", false)] {
        let mut server = start_server(&url, logs.path(), &[("RUST_LOG", filter)]);
        wait_ready(&server.base).await;
        // A wrong key: rejected with a debug line ("request rejected") inside the request.
        let r = c
            .get(format!("{}/checkouts", server.base))
            .header("x-api-key", "hc_wrong")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 401);
        let id = r.headers()["x-request-id"].to_str().unwrap().to_owned();
        assert_eq!(uuid::Uuid::parse_str(&id).unwrap().get_version_num(), 4);
        server.child.kill().unwrap();
        let _ = server.child.wait();
        let log = std::fs::read_to_string(&server.log_path).unwrap();
        let line = log.lines().find(|l| l.contains("request rejected"));
        if spans {
            let line = line.expect("the rejection is logged");
            assert!(line.contains(&id), "{line}");
        } else {
            assert!(line.is_none(), "debug lines are off at warn: {log}");
        }
    }
    drop(tmp);
}

/// A private PostgreSQL cluster we may stop and start (PostgreSQL runs only).
struct Cluster {
    dir: tempfile::TempDir,
    bin: std::path::PathBuf,
    port: u16,
}

impl Cluster {
    fn new() -> Option<Cluster> {
        let version = std::fs::read_dir("/usr/lib/postgresql")
            .ok()?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .max()?;
        let bin = version.join("bin");
        let dir = tempfile::Builder::new()
            .prefix("hc-pg-")
            .tempdir_in("/tmp")
            .ok()?;
        Command::new("chown")
            .args(["-R", "postgres", dir.path().to_str()?])
            .status()
            .ok()?;
        let data = dir.path().join("data");
        let ok = Command::new("runuser")
            .args([
                "-u",
                "postgres",
                "--",
                bin.join("initdb").to_str()?,
                "-D",
                data.to_str()?,
                "-A",
                "trust",
                "-U",
                "postgres",
            ])
            .output()
            .ok()?
            .status
            .success();
        ok.then(|| Cluster {
            dir,
            bin,
            port: free_port(),
        })
    }

    fn ctl(&self, args: &[&str]) -> bool {
        let data = self.dir.path().join("data");
        let opts = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1",
            self.port,
            self.dir.path().display()
        );
        let log = self.dir.path().join("log");
        let mut all = vec![
            self.bin.join("pg_ctl").display().to_string(),
            "-D".into(),
            data.display().to_string(),
            "-w".into(),
        ];
        if args[0] == "start" {
            all.extend(["-o".into(), opts, "-l".into(), log.display().to_string()]);
        }
        all.extend(args.iter().map(|s| s.to_string()));
        let mut cmd = Command::new("runuser");
        cmd.args(["-u", "postgres", "--"]).args(&all);
        cmd.status().is_ok_and(|s| s.success())
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        self.ctl(&["stop", "-m", "immediate"]);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_outage_fails_fast_with_503_and_recovers_by_itself() {
    if !std::env::var("TEST_DATABASE_URL").is_ok_and(|u| u.starts_with("postgres")) {
        eprintln!("PostgreSQL run only");
        return;
    }
    let cluster =
        Cluster::new().expect("a private PostgreSQL cluster (initdb as the postgres user)");
    assert!(cluster.ctl(&["start"]), "start private cluster");
    let app = spawn_on(cluster.url(), None, |s| {
        s.db_acquire_timeout_ms = 1000;
        s.db_max_connections = 4;
    })
    .await;
    let (plan, customer) = catalog(&app.client, &app.address, &app.api_key).await;
    assert_eq!(
        create_session(&app.client, &app.address, &app.api_key, &plan, &customer)
            .await
            .status(),
        201
    );

    assert!(cluster.ctl(&["stop", "-m", "immediate"]), "stop cluster");
    let results = join_all((0..20).map(|n| {
        let c = app.client.clone();
        let (base, key, plan, customer) = (
            app.address.clone(),
            app.api_key.clone(),
            plan.clone(),
            customer.clone(),
        );
        async move {
            let t = Instant::now();
            let r = if n % 2 == 0 {
                create_session(&c, &base, &key, &plan, &customer).await
            } else {
                c.get(format!("{base}/checkouts"))
                    .header("x-api-key", &key)
                    .send()
                    .await
                    .unwrap()
            };
            (
                r.status().as_u16(),
                r.headers().get("retry-after").is_some(),
                t.elapsed(),
            )
        }
    }))
    .await;
    for (status, retry_after, took) in &results {
        assert_eq!(*status, 503, "requests during the outage answer 503");
        assert!(*retry_after, "with Retry-After");
        assert!(
            *took < Duration::from_millis(2500),
            "fail fast: took {took:?}"
        );
    }
    let ready = app
        .client
        .get(format!("{}/readyz", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), 503);

    assert!(cluster.ctl(&["start"]), "restart cluster");
    let back = Instant::now();
    loop {
        let r = app
            .client
            .get(format!("{}/readyz", app.address))
            .send()
            .await
            .unwrap();
        if r.status() == 200 {
            break;
        }
        assert!(
            back.elapsed() < Duration::from_secs(5),
            "recovered within 5 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let recovered_in = back.elapsed();
    assert_eq!(
        create_session(&app.client, &app.address, &app.api_key, &plan, &customer)
            .await
            .status(),
        201
    );
    let worst = results.iter().map(|r| r.2).max().unwrap();
    eprintln!(
        "outage: 20/20 requests answered 503 (slowest {worst:?}); ready again {recovered_in:?} after restart"
    );

    // A restart nobody noticed (no request during it) leaves every pooled connection dead.
    // Connections idle for over a second are checked before reuse, so the first requests
    // after it succeed: reads on the reader connections (create, the hosted page) and on
    // the pool (list).
    let hosted = create_session(&app.client, &app.address, &app.api_key, &plan, &customer)
        .await
        .json::<serde_json::Value>()
        .await
        .unwrap()["url"]
        .as_str()
        .unwrap()
        .to_owned();
    let quiet = Instant::now();
    assert!(
        cluster.ctl(&["stop", "-m", "immediate"]),
        "stop cluster again"
    );
    assert!(cluster.ctl(&["start"]), "start cluster again");
    if let Some(rest) = Duration::from_millis(1100).checked_sub(quiet.elapsed()) {
        tokio::time::sleep(rest).await; // idle longer than the one-second check threshold
    }
    for _ in 0..6 {
        assert_eq!(
            create_session(&app.client, &app.address, &app.api_key, &plan, &customer)
                .await
                .status(),
            201,
            "create right after an unnoticed restart"
        );
        let page = app.client.get(&hosted).send().await.unwrap();
        assert_eq!(
            page.status(),
            200,
            "hosted page right after an unnoticed restart"
        );
        let list = app
            .client
            .get(format!("{}/checkouts", app.address))
            .header("x-api-key", &app.api_key)
            .send()
            .await
            .unwrap();
        assert_eq!(list.status(), 200, "list right after an unnoticed restart");
    }
}
