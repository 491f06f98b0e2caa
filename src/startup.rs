//! `Application`: binds its own listener (port 0 in tests), registers every route in one
//! function, and runs the background sweeper.

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;

use actix_session::SessionMiddleware;
use actix_session::config::{CookieContentSecurity, PersistentSession};
use actix_session::storage::CookieSessionStore;
use actix_web::HttpMessage;
use actix_web::body::MessageBody;
use actix_web::cookie::{Key, SameSite};
use actix_web::dev::Server;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::{Condition, DefaultHeaders};
use actix_web::middleware::{Next, from_fn};
use actix_web::{App, HttpServer, web};
use tracing_actix_web::{RequestId, TracingLogger};

use crate::configuration::Settings;
use crate::routes;
use crate::routes::limits::Limits;
use crate::routes::{api, get_or_head, health, hosted};
use crate::services::clock::{Clock, SystemClock};
use crate::services::{Ctx, checkouts, console, events, idempotency, webhooks};
use crate::storage::{self, DynStorage, PoolSettings};

pub struct Application {
    port: u16,
    /// Where `/metrics` answers, when `metrics_bind` is set and could be bound.
    metrics_port: Option<u16>,
    server: Server,
    ctx: Ctx,
}

pub fn pool_settings(settings: &Settings) -> PoolSettings {
    PoolSettings {
        max_connections: settings.db_max_connections,
        acquire_timeout: Duration::from_millis(settings.db_acquire_timeout_ms),
    }
}

impl Application {
    /// Connects to the database (applying migrations) and binds `settings.bind`.
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        settings.validate()?;
        let store =
            storage::connect(settings.database_url.expose(), &pool_settings(&settings)).await?;
        Self::build_with(settings, store, Arc::new(SystemClock)).await
    }

    /// Builds on an existing store and clock (tests move the clock).
    pub async fn build_with(
        settings: Settings,
        store: DynStorage,
        clock: Arc<dyn Clock>,
    ) -> anyhow::Result<Self> {
        settings.validate()?;
        // Every locale's messages and formatters, built before the first request.
        crate::views::i18n::init();
        let listener = TcpListener::bind(&settings.bind)?;
        let port = listener.local_addr()?.port();
        let mut public_url = settings.public_url_trimmed().to_owned();
        // A public URL on port 0 means "wherever we were bound" (tests).
        if let Some(base) = public_url.strip_suffix(":0") {
            public_url = format!("{base}:{port}");
        }
        let objects = Arc::new(api::webhooks::ApiObjects {
            public_url: public_url.clone(),
        });
        let ctx = Ctx::new(store, clock, &public_url, objects)
            .with_checkout_ttl(settings.checkout_ttl)
            .with_webhook_policy(settings.webhook_policy());
        let metrics_port = settings
            .metrics_bind
            .as_deref()
            .and_then(|bind| start_metrics(bind, &ctx));
        let server = run(listener, ctx.clone(), &settings, metrics_port.is_some())?;
        if settings.webhook_worker {
            webhooks::worker::spawn(ctx.clone(), settings.webhook_worker_settings())?;
        }
        if settings.expiry_sweep_seconds > 0 {
            spawn_sweeper(
                ctx.clone(),
                Duration::from_secs(settings.expiry_sweep_seconds),
            );
        }
        Ok(Self {
            port,
            metrics_port,
            server,
            ctx,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics_port
    }

    pub fn context(&self) -> Ctx {
        self.ctx.clone()
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }

    /// Builds and runs the application on a thread and runtime of its own, connecting to
    /// `settings.database_url`. The server stops, and its database connections close, when the
    /// returned value is dropped — what tests (one server per test) and embedders need.
    pub fn spawn_detached(settings: Settings, clock: Arc<dyn Clock>) -> anyhow::Result<Detached> {
        let (tx, rx) = std::sync::mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("hosted-checkout".into())
            .spawn(move || {
                let runtime = match tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(2)
                    .enable_all()
                    .build()
                {
                    Ok(r) => r,
                    Err(e) => {
                        let _ = tx.send(Err(anyhow::Error::new(e)));
                        return;
                    }
                };
                runtime.block_on(async move {
                    let built = async {
                        let store = storage::connect(
                            settings.database_url.expose(),
                            &pool_settings(&settings),
                        )
                        .await?;
                        Self::build_with(settings, store, clock).await
                    }
                    .await;
                    match built {
                        Ok(app) => {
                            let started = (
                                app.port,
                                app.metrics_port,
                                app.server.handle(),
                                app.ctx.clone(),
                            );
                            let _ = tx.send(Ok(started));
                            if let Err(e) = app.run_until_stopped().await {
                                tracing::error!(error = %e, "server stopped with an error");
                            }
                        }
                        Err(e) => {
                            let _ = tx.send(Err(e));
                        }
                    }
                });
            })?;
        let (port, metrics_port, handle, ctx) = rx
            .recv()
            .map_err(|_| anyhow::anyhow!("the server thread ended early"))??;
        Ok(Detached {
            port,
            metrics_port,
            ctx,
            handle,
            thread: Some(thread),
        })
    }
}

/// A running server on its own thread; stops when dropped.
pub struct Detached {
    pub port: u16,
    pub metrics_port: Option<u16>,
    pub ctx: Ctx,
    handle: actix_web::dev::ServerHandle,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Detached {
    fn drop(&mut self) {
        // `stop` sends the command at once; the future only waits for completion.
        drop(self.handle.stop(false));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Marks expired sessions, folds the overview's counts and forgets old idempotency keys. Safe with several processes on
/// one database: both are idempotent conditional writes.
fn spawn_sweeper(ctx: Ctx, every: Duration) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match checkouts::sweep_expired(&ctx).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(expired = n, "marked expired checkout sessions"),
                Err(e) => tracing::warn!(error = %e, "expiry sweep failed"),
            }
            if let Err(e) = idempotency::purge_old(&ctx).await {
                tracing::warn!(error = %e, "idempotency purge failed");
            }
            if let Err(e) = console::fold_counts(&ctx).await {
                tracing::warn!(error = %e, "folding the overview's counts failed");
            }
            match events::purge(&ctx).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(purged = n, "purged events past their retention"),
                Err(e) => tracing::warn!(error = %e, "event purge failed"),
            }
        }
    });
}

/// Rate-limit state of keys that went quiet is dropped every minute, so its memory follows
/// the active keys, not every key ever seen.
fn spawn_limit_housekeeping(limits: Arc<Limits>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            limits.forget_idle();
        }
    });
}

fn session_key(settings: &Settings) -> Key {
    // `validate` guarantees at least 64 bytes; derive a full-length key from any length.
    use sha2::{Digest, Sha512};
    let digest = Sha512::digest(settings.session_secret.expose().as_bytes());
    Key::from(&digest[..])
}

/// Binds and serves `/metrics`; on any failure the service runs on without metrics.
fn start_metrics(bind: &str, ctx: &Ctx) -> Option<u16> {
    let started = (|| {
        let handle = routes::metrics::recorder().context("no metrics recorder")?;
        let listener = TcpListener::bind(bind).with_context(|| format!("binding {bind}"))?;
        let port = listener.local_addr()?.port();
        routes::metrics::serve(listener, handle, ctx.clone())?;
        anyhow::Ok(port)
    })();
    match started {
        Ok(port) => Some(port),
        Err(e) => {
            tracing::warn!(error = %e, "metrics listener not started; serving without it");
            None
        }
    }
}

fn run(
    listener: TcpListener,
    ctx: Ctx,
    settings: &Settings,
    metrics: bool,
) -> anyhow::Result<Server> {
    let key = session_key(settings);
    let console_key = routes::dashboard::session_key(settings.session_secret.expose());
    let limits = web::Data::new(Limits::new(settings));
    spawn_limit_housekeeping(limits.clone().into_inner());
    let secure = settings.secure_cookies();
    let client_timeout = Duration::from_millis(settings.client_timeout_ms);
    let data = web::Data::new(ctx);
    let server = HttpServer::new(move || {
        let session = SessionMiddleware::builder(CookieSessionStore::default(), key.clone())
            .cookie_name("hc_session".into())
            .cookie_secure(secure)
            .cookie_http_only(true)
            .cookie_same_site(SameSite::Lax)
            .cookie_content_security(CookieContentSecurity::Private)
            .session_lifecycle(
                PersistentSession::default()
                    .session_ttl(actix_web::cookie::time::Duration::days(31)),
            )
            .build();
        App::new()
            .wrap(DefaultHeaders::new().add(("X-Content-Type-Options", "nosniff")))
            .wrap(from_fn(request_id_header))
            .wrap(Condition::new(metrics, from_fn(routes::metrics::record)))
            .wrap(TracingLogger::<crate::telemetry::RootSpan>::new())
            .app_data(data.clone())
            .app_data(limits.clone())
            .app_data(
                web::PathConfig::default()
                    .error_handler(|_, _| crate::error::AppError::NotFound("object").into()),
            )
            .configure(|cfg| {
                let console = routes::dashboard::session_middleware(console_key.clone(), secure);
                routes(cfg, session, console)
            })
    })
    .shutdown_timeout(20)
    .client_request_timeout(client_timeout)
    .client_disconnect_timeout(Duration::from_secs(5))
    .listen(listener)?
    .run();
    Ok(server)
}

/// Echoes the request id (the one in every log line of the request) as `x-request-id`, so a
/// merchant or customer can quote it.
async fn request_id_header(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let id = req.extensions().get::<RequestId>().map(|r| r.to_string());
    let mut res = next.call(req).await?;
    if let Some(value) = id.and_then(|id| HeaderValue::from_str(&id).ok()) {
        res.headers_mut()
            .insert(HeaderName::from_static("x-request-id"), value);
    }
    Ok(res)
}

/// Every route, in one place.
fn routes(
    cfg: &mut web::ServiceConfig,
    session: SessionMiddleware<CookieSessionStore>,
    console: SessionMiddleware<CookieSessionStore>,
) {
    cfg.service(health::healthz)
        .service(health::readyz)
        .service(web::resource("/static/app.css").route(get_or_head().to(hosted::stylesheet)))
        .service(
            web::resource(["/favicon.ico", "/favicon.svg"])
                .route(get_or_head().to(hosted::favicon)),
        )
        .service(
            web::resource("/l/{slug}")
                .wrap(hosted::hosted_headers())
                .route(get_or_head().to(hosted::link::open_link)),
        )
        .service(
            web::scope("/checkout")
                .wrap(session)
                .configure(hosted::configure),
        )
        .configure(|cfg| routes::dashboard::configure(cfg, console))
        .configure(api::configure)
        .default_service(web::to(hosted::not_found));
}
