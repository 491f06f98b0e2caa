//! A webhook receiver: a real HTTP server on port 0 in the test process that records every
//! request and answers as the test scripts it (a status, a `Retry-After`, or no answer at all).

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// How the receiver answers one request.
#[derive(Debug, Clone)]
#[allow(dead_code)]
pub enum Answer {
    Status(u16),
    /// A status with a `Retry-After` of so many seconds.
    RetryAfter(u16, u64),
    /// Reads the request and never answers (the sender times out).
    Hang,
}

#[derive(Debug, Clone)]
#[allow(dead_code)] // not every test binary reads every field
pub struct Request {
    pub method: String,
    pub path: String,
    /// Lower-case names.
    pub headers: BTreeMap<String, String>,
    pub body: String,
}

#[allow(dead_code)]
impl Request {
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).map(String::as_str).unwrap_or("")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).expect("a JSON body")
    }
}

#[derive(Default)]
struct State {
    script: VecDeque<Answer>,
    default: Option<Answer>,
    requests: Vec<Request>,
}

#[derive(Clone)]
pub struct Receiver {
    pub url: String,
    state: Arc<Mutex<State>>,
}

#[allow(dead_code)]
impl Receiver {
    /// Starts answering 200 to everything on a runtime of its own (it outlives the test's).
    pub fn start() -> Receiver {
        let std_listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        std_listener.set_nonblocking(true).expect("nonblocking");
        let port = std_listener.local_addr().expect("addr").port();
        let state = Arc::new(Mutex::new(State::default()));
        let shared = state.clone();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async move {
                let listener = TcpListener::from_std(std_listener).expect("listener");
                loop {
                    let Ok((stream, _)) = listener.accept().await else {
                        continue;
                    };
                    let state = shared.clone();
                    tokio::spawn(async move {
                        let _ = serve(stream, state).await;
                    });
                }
            });
        });
        Receiver {
            url: format!("http://127.0.0.1:{port}/hooks"),
            state,
        }
    }

    /// The next answers, in order; after them, the default (200 unless set).
    pub fn script(&self, answers: impl IntoIterator<Item = Answer>) {
        self.state.lock().unwrap().script.extend(answers);
    }

    pub fn answer_always(&self, a: Answer) {
        self.state.lock().unwrap().default = Some(a);
    }

    pub fn requests(&self) -> Vec<Request> {
        self.state.lock().unwrap().requests.clone()
    }

    /// Waits (polling, with a deadline) until at least `n` requests arrived.
    pub async fn wait_for(&self, n: usize, within: Duration) -> Vec<Request> {
        let deadline = Instant::now() + within;
        loop {
            let got = self.requests();
            if got.len() >= n {
                return got;
            }
            assert!(
                Instant::now() < deadline,
                "expected {n} webhook requests within {within:?}, got {}",
                got.len()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

async fn serve(mut stream: TcpStream, state: Arc<Mutex<State>>) -> std::io::Result<()> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Ok(());
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
    let mut lines = head.split("\r\n");
    let mut first = lines.next().unwrap_or("").split(' ');
    let method = first.next().unwrap_or("").to_owned();
    let path = first.next().unwrap_or("").to_owned();
    let headers: BTreeMap<String, String> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let length: usize = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    while buf.len() < head_end + length {
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let body = String::from_utf8_lossy(&buf[head_end..]).to_string();
    let answer = {
        let mut s = state.lock().unwrap();
        s.requests.push(Request {
            method,
            path,
            headers,
            body,
        });
        let default = s.default.clone().unwrap_or(Answer::Status(200));
        s.script.pop_front().unwrap_or(default)
    };
    let (status, extra) = match answer {
        Answer::Status(s) => (s, String::new()),
        Answer::RetryAfter(s, secs) => (s, format!("retry-after: {secs}\r\n")),
        Answer::Hang => {
            tokio::time::sleep(Duration::from_secs(3600)).await;
            return Ok(());
        }
    };
    let reply = format!(
        "HTTP/1.1 {status} X\r\ncontent-length: 2\r\ncontent-type: text/plain\r\nconnection: close\r\n{extra}\r\nok"
    );
    stream.write_all(reply.as_bytes()).await?;
    stream.shutdown().await
}
