use actix_web::{HttpResponse, route, web};

use crate::services::Ctx;

/// The process is up.
#[route("/healthz", method = "GET", method = "HEAD")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({"status": "ok"}))
}

/// The database answers; else `503` with `Retry-After`.
#[route("/readyz", method = "GET", method = "HEAD")]
pub async fn readyz(ctx: web::Data<Ctx>) -> HttpResponse {
    match ctx.store.ping().await {
        Ok(()) => HttpResponse::Ok()
            .json(serde_json::json!({"status": "ready", "database": ctx.store.backend()})),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            HttpResponse::ServiceUnavailable()
                .insert_header(("Retry-After", "2"))
                .json(serde_json::json!({"status": "unavailable"}))
        }
    }
}
