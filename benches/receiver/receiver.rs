//! The local webhook receiver of `benches/load.sh --webhooks`: a minimal HTTP/1.1 server
//! (keep-alive, `Content-Length` bodies) that answers every POST `200` with an empty body at
//! once, and counts what it received.
//!
//! For each request it counts the request, and for the first arrival of each `webhook-id`
//! header value the latency from the event's `created_at` (RFC 3339, read from the JSON body)
//! to the moment the body was read. `GET /stats` answers the figures as JSON; `POST /reset`
//! empties them; SIGTERM / SIGINT print them on stderr and exit.
//!
//!   receiver [--bind 127.0.0.1:18099]
//!
//! One thread (a current-thread Tokio runtime): it is pinned to one core beside the load
//! generator. Built as an example so it shares the product's dependency versions and profile
//! (not benches/receiver.rs nor benches/receiver/main.rs: Cargo would also discover those as
//! bench targets).

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Headers larger than this close the connection (a webhook's headers are ~300 bytes).
const MAX_HEAD: usize = 64 * 1024;
/// Bodies larger than this close the connection.
const MAX_BODY: usize = 16 * 1024 * 1024;

#[derive(Default)]
struct Stats {
    /// Every POST, repeats included.
    requests: u64,
    /// POSTs without a `webhook-id` header.
    without_id: u64,
    /// POSTs whose `webhook-id` was seen before (a retry, a lease that expired).
    repeats: u64,
    ids: HashSet<String>,
    /// Milliseconds from the event's `created_at` to its first arrival, one per unique id.
    latencies_ms: Vec<f64>,
    /// First arrivals whose body had no readable `created_at`.
    unparsed: u64,
    /// Unix milliseconds of the first request and of the last new id.
    first_ms: Option<i64>,
    last_new_ms: Option<i64>,
}

impl Stats {
    fn record(&mut self, id: Option<&str>, body: &[u8], now: DateTime<Utc>) {
        let now_ms = now.timestamp_millis();
        self.requests += 1;
        self.first_ms.get_or_insert(now_ms);
        let Some(id) = id else {
            self.without_id += 1;
            return;
        };
        if self.ids.contains(id) {
            self.repeats += 1;
            return;
        }
        self.ids.insert(id.to_owned());
        self.last_new_ms = Some(now_ms);
        match created_at(body) {
            Some(at) => {
                let micros = (now - at).num_microseconds().unwrap_or(i64::MAX);
                self.latencies_ms.push(micros as f64 / 1000.0);
            }
            None => self.unparsed += 1,
        }
    }

    fn json(&self) -> serde_json::Value {
        let mut l = self.latencies_ms.clone();
        l.sort_by(f64::total_cmp);
        let pct = |p: f64| -> serde_json::Value {
            if l.is_empty() {
                return serde_json::Value::Null;
            }
            let rank = ((p / 100.0) * l.len() as f64).ceil() as usize;
            json!((l[rank.clamp(1, l.len()) - 1] * 1000.0).round() / 1000.0)
        };
        json!({
            "requests": self.requests,
            "unique": self.ids.len(),
            "repeats": self.repeats,
            "without_id": self.without_id,
            "unparsed": self.unparsed,
            "first_ms": self.first_ms,
            "last_new_ms": self.last_new_ms,
            "latency_p50_ms": pct(50.0),
            "latency_p90_ms": pct(90.0),
            "latency_p99_ms": pct(99.0),
            "latency_max_ms": pct(100.0),
        })
    }
}

/// The top-level `created_at` of an event body.
fn created_at(body: &[u8]) -> Option<DateTime<Utc>> {
    #[derive(serde::Deserialize)]
    struct Event<'a> {
        #[serde(borrow)]
        created_at: &'a str,
    }
    let e: Event<'_> = serde_json::from_slice(body).ok()?;
    DateTime::parse_from_rfc3339(e.created_at)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

type Shared = Arc<Mutex<Stats>>;

fn main() -> std::io::Result<()> {
    let mut bind = "127.0.0.1:18099".to_owned();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bind" => bind = args.next().expect("--bind needs ADDR:PORT"),
            _ => {
                eprintln!("usage: receiver [--bind ADDR:PORT]");
                std::process::exit(2);
            }
        }
    }
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?
        .block_on(serve(bind))
}

async fn serve(bind: String) -> std::io::Result<()> {
    let listener = TcpListener::bind(&bind).await?;
    eprintln!("receiver listening on {bind}");
    let stats: Shared = Arc::default();
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let _ = stream.set_nodelay(true);
                tokio::spawn(connection(stream, stats.clone()));
            }
            _ = term.recv() => break,
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    eprintln!("{}", stats.lock().unwrap().json());
    Ok(())
}

/// Serves one connection: requests one after another until the peer closes.
async fn connection(mut stream: TcpStream, stats: Shared) {
    let mut buf: Vec<u8> = Vec::with_capacity(16 * 1024);
    loop {
        // Read until the end of the head.
        let head_end = loop {
            if let Some(i) = find(&buf, b"\r\n\r\n") {
                break i + 4;
            }
            if buf.len() > MAX_HEAD || !fill(&mut stream, &mut buf).await {
                return;
            }
        };
        let head = match std::str::from_utf8(&buf[..head_end]) {
            Ok(h) => h,
            Err(_) => return,
        };
        let mut lines = head.split("\r\n");
        let request_line = lines.next().unwrap_or("");
        let mut parts = request_line.split(' ');
        let method = parts.next().unwrap_or("").to_owned();
        let path = parts.next().unwrap_or("").to_owned();
        let mut length = 0usize;
        let mut id: Option<String> = None;
        let mut close = request_line.ends_with("HTTP/1.0");
        for line in lines {
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim();
            if name.eq_ignore_ascii_case("content-length") {
                match value.parse() {
                    Ok(n) if n <= MAX_BODY => length = n,
                    _ => return,
                }
            } else if name.eq_ignore_ascii_case("webhook-id") {
                id = Some(value.to_owned());
            } else if name.eq_ignore_ascii_case("connection") {
                close = value.eq_ignore_ascii_case("close");
            } else if name.eq_ignore_ascii_case("transfer-encoding") {
                // Not needed by the product's client (it sends a Content-Length).
                let _ = stream
                    .write_all(b"HTTP/1.1 501 Not Implemented\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                    .await;
                return;
            }
        }
        while buf.len() < head_end + length {
            if !fill(&mut stream, &mut buf).await {
                return;
            }
        }
        let now = Utc::now();
        let body = &buf[head_end..head_end + length];
        let answer: Vec<u8> = match (method.as_str(), path.as_str()) {
            ("GET", "/stats") => {
                let s = stats.lock().unwrap().json().to_string();
                format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{s}",
                    s.len()
                )
                .into_bytes()
            }
            ("POST", "/reset") => {
                *stats.lock().unwrap() = Stats::default();
                b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n".to_vec()
            }
            ("POST", _) => {
                stats.lock().unwrap().record(id.as_deref(), body, now);
                b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n".to_vec()
            }
            _ => b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n".to_vec(),
        };
        buf.drain(..head_end + length);
        if stream.write_all(&answer).await.is_err() || close {
            return;
        }
    }
}

/// Reads more into `buf`; false when the peer closed or failed.
async fn fill(stream: &mut TcpStream, buf: &mut Vec<u8>) -> bool {
    let mut chunk = [0u8; 16 * 1024];
    match stream.read(&mut chunk).await {
        Ok(0) | Err(_) => false,
        Ok(n) => {
            buf.extend_from_slice(&chunk[..n]);
            true
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
