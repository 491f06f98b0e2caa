//! Prometheus metrics (SPEC §14) on a listener of their own (`--metrics-bind`, off by default):
//! requests by route template and status with latency histograms, checkout sessions by outcome
//! (counted where they happen, in the use cases), and the database pool. The `metrics` facade
//! and `metrics-exporter-prometheus`; labels are route *templates* (`/checkouts/{id}`), never
//! raw paths, so ids cannot blow up the series count.

use std::net::TcpListener;
use std::sync::OnceLock;
use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{App, HttpResponse, HttpServer, web};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

use crate::services::Ctx;

/// Request latency buckets in seconds: 1 ms … 5 s.
const LATENCY_BUCKETS: [f64; 12] = [
    0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0,
];

/// The process's recorder, installed once (the `metrics` facade has one global recorder;
/// tests that start several servers in one process share it).
pub fn recorder() -> Option<PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new()
                .set_buckets(&LATENCY_BUCKETS)
                .ok()?
                .build_recorder();
            let handle = recorder.handle();
            match metrics::set_global_recorder(recorder) {
                Ok(()) => Some(handle),
                Err(e) => {
                    tracing::warn!(error = %e, "metrics recorder not installed");
                    None
                }
            }
        })
        .clone()
}

/// Records every request: `http_requests_total{route, method, status}` and
/// `http_request_duration_seconds{route, method}`.
pub async fn record(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let method = req.method().as_str().to_owned();
    let res = next.call(req).await?;
    let route = res
        .request()
        .match_pattern()
        .unwrap_or_else(|| "unmatched".to_owned());
    let status = res.status().as_u16().to_string();
    metrics::counter!("http_requests_total", "route" => route.clone(), "method" => method.clone(), "status" => status)
        .increment(1);
    metrics::histogram!("http_request_duration_seconds", "route" => route, "method" => method)
        .record(started.elapsed().as_secs_f64());
    Ok(res)
}

/// Serves `GET /metrics` on `listener` until the process ends. Failing to run it stops only
/// the metrics, never the service.
pub fn serve(listener: TcpListener, handle: PrometheusHandle, ctx: Ctx) -> anyhow::Result<()> {
    let handle = web::Data::new(handle);
    let ctx = web::Data::new(ctx);
    let server = HttpServer::new(move || {
        App::new()
            .app_data(handle.clone())
            .app_data(ctx.clone())
            .route("/metrics", web::get().to(scrape))
    })
    .workers(1)
    .disable_signals()
    .listen(listener)?
    .run();
    tokio::spawn(async move {
        if let Err(e) = server.await {
            tracing::warn!(error = %e, "the metrics listener stopped");
        }
    });
    Ok(())
}

async fn scrape(handle: web::Data<PrometheusHandle>, ctx: web::Data<Ctx>) -> HttpResponse {
    let pool = ctx.store.pool_stats();
    metrics::gauge!("db_pool_connections", "state" => "in_use").set(f64::from(pool.in_use));
    metrics::gauge!("db_pool_connections", "state" => "idle").set(f64::from(pool.idle));
    handle.run_upkeep();
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(handle.render())
}
