//! Headless Chromium over WebDriver: each test starts its own `chromedriver` on a free port and
//! one browser session with a fresh profile. Missing binaries fail the test with a clear message.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use thirtyfour::prelude::*;

/// How long any wait (driver start, page change) may take before the test fails.
const PATIENCE: Duration = Duration::from_secs(30);

/// The CSS viewport widths every step is checked and photographed at.
pub const WIDTHS: [u32; 2] = [1280, 375];
/// SPEC §7: responsive down to 360 px. Checked for sideways scrolling on every step.
pub const NARROWEST: u32 = 360;

fn binary(env: &str, default: &str, package: &str) -> PathBuf {
    let path = std::env::var_os(env).map_or_else(|| PathBuf::from(default), PathBuf::from);
    assert!(
        path.is_file(),
        "browser tests need {} at {} (install the Debian package `{package}`, \
         or set {env} to its path)",
        path.file_name()
            .map_or_else(|| default.into(), |n| n.to_string_lossy()),
        path.display(),
    );
    path
}

/// A `chromedriver` child process, killed when dropped.
struct Chromedriver {
    child: Child,
    url: String,
}

impl Chromedriver {
    async fn start() -> Self {
        let exe = binary("CHROMEDRIVER", "/usr/bin/chromedriver", "chromium-driver");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(&exe)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {}: {e}", exe.display()));
        let mut driver = Chromedriver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        driver.wait_until_ready().await;
        driver
    }

    /// Polls `/status` until the driver says it is ready.
    async fn wait_until_ready(&mut self) {
        let client = reqwest::Client::new();
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("chromedriver exited before it was ready: {status}");
            }
            if let Ok(r) = client.get(format!("{}/status", self.url)).send().await
                && let Ok(v) = r.json::<Value>().await
                && v["value"]["ready"] == json!(true)
            {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver at {} did not become ready",
                self.url
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One headless Chromium window, with JavaScript on or off.
#[derive(Clone)]
pub struct Browser {
    pub driver: WebDriver,
    pub javascript: bool,
}

/// Starts chromedriver and a browser, runs `walk` with it, and always closes the browser, also
/// when `walk` fails (the failure is then re-raised).
pub async fn with_browser<F, Fut>(javascript: bool, walk: F)
where
    F: FnOnce(Browser) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let chrome = binary("CHROME_BIN", "/usr/bin/chromium", "chromium");
    let chromedriver = Chromedriver::start().await;
    let profile = tempfile::tempdir().expect("temp dir for the browser profile");
    let mut args: Vec<String> = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--force-color-profile=srgb",
        "--lang=en-GB",
        "--window-size=1280,900",
    ]
    .map(String::from)
    .into();
    args.push(format!("--user-data-dir={}", profile.path().display()));
    let mut options = json!({"binary": chrome, "args": args});
    if !javascript {
        options["prefs"] = json!({"profile.managed_default_content_settings.javascript": 2});
    }
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("chrome"));
    caps.insert("goog:chromeOptions".into(), options);
    let driver = WebDriver::new(chromedriver.url.clone(), caps)
        .await
        .expect("start a Chromium session");
    let browser = Browser {
        driver: driver.clone(),
        javascript,
    };
    let outcome = tokio::spawn(walk(browser)).await;
    let _ = driver.quit().await;
    drop(chromedriver);
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

impl Browser {
    pub async fn open(&self, url: &str) {
        self.driver
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("open {url}: {e}"));
    }

    pub async fn url(&self) -> String {
        self.driver
            .current_url()
            .await
            .expect("current URL")
            .to_string()
    }

    /// Waits until the browser is on `url` (a form post answers `303`, the browser follows it).
    pub async fn wait_for_url(&self, url: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let now = self.url().await;
            if now == url {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "expected the browser on {url}, it is on {now}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the browser is back on the merchant's `url` for `checkout`, with the signed
    /// parameters SPEC §9 appends (`checkout_id`, `checkout_status`, `timestamp`, `signature`).
    pub async fn wait_for_merchant_url(&self, url: &str, checkout: uuid::Uuid) {
        let sep = if url.contains('?') { '&' } else { '?' };
        let start = format!("{url}{sep}checkout_id={checkout}&checkout_status=");
        let deadline = Instant::now() + PATIENCE;
        loop {
            let now = self.url().await;
            if now.starts_with(&start) && now.contains("&timestamp=") && now.contains("&signature=")
            {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "expected the browser on {start}..., it is on {now}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The page's `<h1>`.
    pub async fn heading(&self) -> String {
        self.driver
            .find(By::Css("h1"))
            .await
            .expect("an h1 on the page")
            .text()
            .await
            .expect("h1 text")
    }

    pub async fn assert_heading(&self, expected: &str) {
        let h1 = self.heading().await;
        assert_eq!(h1, expected, "heading on {}", self.url().await);
    }

    /// Replaces what is typed in the input with `id` (on the details form, ids are the field
    /// names).
    pub async fn fill(&self, id: &str, value: &str) {
        let input = self.input(id).await;
        input
            .clear()
            .await
            .unwrap_or_else(|e| panic!("clear {id}: {e}"));
        if !value.is_empty() {
            input
                .send_keys(value)
                .await
                .unwrap_or_else(|e| panic!("type into {id}: {e}"));
        }
    }

    /// Proves the page scripts cannot run: a probe page whose script would remove the
    /// `<noscript>` marker and retitle the page leaves both as they were.
    pub async fn assert_javascript_is_off(&self) {
        assert!(
            !self.javascript,
            "this browser was started with JavaScript on"
        );
        self.open(concat!(
            "data:text/html,<title>scripts off</title>",
            "<noscript><p id=nojs>no script</p></noscript>",
            "<script>document.title='scripts on'</script>",
        ))
        .await;
        assert_eq!(
            self.driver.title().await.expect("title"),
            "scripts off",
            "page scripts ran: JavaScript is not disabled"
        );
        self.driver
            .find(By::Id("nojs"))
            .await
            .expect("the <noscript> content is rendered: JavaScript is disabled");
    }

    pub async fn input(&self, id: &str) -> WebElement {
        let found = self.driver.find(By::Id(id)).await;
        found.unwrap_or_else(|e| panic!("no input with id {id}: {e}"))
    }

    pub async fn value(&self, id: &str) -> String {
        self.input(id)
            .await
            .value()
            .await
            .expect("value")
            .unwrap_or_default()
    }

    /// Picks the option with `value` of the select with `id`.
    pub async fn choose(&self, id: &str, value: &str) {
        self.driver
            .find(By::Css(format!("#{id} option[value=\"{value}\"]")))
            .await
            .unwrap_or_else(|e| panic!("no option {value} in {id}: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("choose {value} in {id}: {e}"));
    }

    /// The text of the whole page.
    pub async fn page_text(&self) -> String {
        self.driver
            .find(By::Css("body"))
            .await
            .expect("body")
            .text()
            .await
            .expect("body text")
    }

    /// Ticks the checkbox with `id` by clicking its label, as a person would.
    pub async fn tick(&self, id: &str) {
        let label = self
            .driver
            .find(By::Css(format!("label[for=\"{id}\"]")))
            .await
            .unwrap_or_else(|e| panic!("no label for {id}: {e}"));
        label
            .click()
            .await
            .unwrap_or_else(|e| panic!("click the label of {id}: {e}"));
        let checkbox = self.driver.find(By::Id(id)).await.expect("checkbox");
        assert!(
            checkbox.is_selected().await.expect("checked state"),
            "{id} is ticked after clicking its label"
        );
    }

    /// Clicks the button whose text is `label`.
    pub async fn press(&self, label: &str) {
        let here = self.url().await;
        let button = self
            .driver
            .find(By::XPath(format!(
                "//button[normalize-space()=\"{label}\"]"
            )))
            .await
            .unwrap_or_else(|e| panic!("no button \"{label}\" on {here}: {e}"));
        let page = self
            .driver
            .find(By::Css("html"))
            .await
            .expect("the page's root element");
        button
            .click()
            .await
            .unwrap_or_else(|e| panic!("press \"{label}\": {e}"));
        // Every button here submits a form: wait (polling, bounded) until the old page is gone,
        // so the next look at the page sees the answer and not the form that was submitted.
        let deadline = Instant::now() + Duration::from_secs(15);
        while page.is_present().await.unwrap_or(false) {
            assert!(
                Instant::now() < deadline,
                "pressing \"{label}\" on {here} did not load a page"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    async fn cdp(&self, command: &str, params: Value) -> Value {
        self.driver
            .cdp()
            .send_raw(command, params)
            .await
            .unwrap_or_else(|e| panic!("{command}: {e}"))
    }

    /// Emulates a viewport `width` CSS pixels wide (a phone below 600 px), `height` tall.
    async fn viewport(&self, width: u32, height: u32) {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({
                "width": width, "height": height,
                "deviceScaleFactor": 1, "mobile": width < 600
            }),
        )
        .await;
    }

    /// The rendered page's size in CSS pixels (works with JavaScript off too).
    async fn content_size(&self) -> (f64, f64) {
        let m = self.cdp("Page.getLayoutMetrics", json!({})).await;
        let size = &m["cssContentSize"];
        (
            size["width"].as_f64().expect("content width"),
            size["height"].as_f64().expect("content height"),
        )
    }

    /// Checks the current page at each of [`WIDTHS`]: nothing overflows sideways, the axe-core
    /// scan (JavaScript on only) finds no serious or critical violation, and a full-page
    /// screenshot is written to `target/screenshots/{walk}/{step}-{width}.png` (and, for the walk
    /// named by `docs`, to `docs/screenshots/{step}-{width}.png`).
    pub async fn check_step(&self, walk: &str, step: &str, docs: bool) {
        let url = self.url().await;
        self.viewport(NARROWEST, 900).await;
        let (narrow_width, _) = self.content_size().await;
        assert!(
            narrow_width <= f64::from(NARROWEST),
            "{walk}/{step} at {NARROWEST} px: the page is {narrow_width} px wide ({url})"
        );
        for width in WIDTHS {
            // The window for good measure; the emulated viewport makes the width exact (a desktop
            // window may refuse to be as narrow as a phone).
            self.driver
                .set_window_rect(0, 0, width, 900)
                .await
                .expect("resize the window");
            self.viewport(width, 900).await;
            let (content_width, _) = self.content_size().await;
            assert!(
                content_width <= f64::from(width),
                "{walk}/{step} at {width} px: the page is {content_width} px wide \
                 and scrolls sideways ({url})"
            );
            if self.javascript {
                crate::axe::assert_accessible(
                    self,
                    &format!("{walk}/{step} at {width} px ({url})"),
                )
                .await;
            }
            // Photograph the whole page and no more: measure it in a short viewport, then make
            // the viewport exactly that tall.
            self.viewport(width, 200).await;
            let (_, page_height) = self.content_size().await;
            self.viewport(width, page_height.ceil() as u32).await;
            let png = self.driver.screenshot_as_png().await.expect("screenshot");
            save(
                &target_dir()
                    .join("screenshots")
                    .join(walk)
                    .join(format!("{step}-{width}.png")),
                &png,
            );
            if docs {
                save(
                    &Path::new(env!("CARGO_MANIFEST_DIR"))
                        .join("docs/screenshots")
                        .join(format!("{step}-{width}.png")),
                    &png,
                );
            }
        }
        self.cdp("Emulation.clearDeviceMetricsOverride", json!({}))
            .await;
        self.driver
            .set_window_rect(0, 0, WIDTHS[0], 900)
            .await
            .expect("resize the window");
    }
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target"),
        PathBuf::from,
    )
}

fn save(path: &Path, png: &[u8]) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
    }
    std::fs::write(path, png).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}
