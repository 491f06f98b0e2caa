//! The HTTP edge: the JSON API, the hosted pages, health checks.

pub mod api;
pub mod csrf;
pub mod dashboard;
pub mod health;
pub mod hosted;
pub mod limits;
pub mod metrics;

use actix_web::{Route, guard, web};

/// A route for `GET` and `HEAD`: link checkers and chat previews probe with `HEAD`, which must
/// answer like `GET` (actix-web sends the head of the response without its body).
pub fn get_or_head() -> Route {
    web::route().guard(guard::Any(guard::Get()).or(guard::Head()))
}
