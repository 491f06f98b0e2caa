//! Checkout sessions API (SPEC §5).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use super::extract::{Body, Caller, idempotent, json_response, path_id, stored};
use crate::error::AppError;
use crate::services::Ctx;
use crate::services::checkouts::{
    self, CancelCheckout, CheckoutView, Confirmed, CreateCheckout, ListCheckouts, PatchCheckout,
};

type Res = Result<HttpResponse, AppError>;

pub async fn create(ctx: web::Data<Ctx>, caller: Caller, req: HttpRequest, body: Body) -> Res {
    let input: CreateCheckout = body.json()?;
    let key = input.idempotency_key.clone();
    idempotent(&ctx, &caller, &req, &body, key.as_deref(), || async {
        stored(
            StatusCode::CREATED,
            &checkouts::create(&ctx, caller.org, input).await?,
        )
    })
    .await
}

pub async fn preview(ctx: web::Data<Ctx>, caller: Caller, body: Body) -> Res {
    let input: CreateCheckout = body.json()?;
    json_response(
        StatusCode::OK,
        &checkouts::preview(&ctx, caller.org, input).await?,
    )
}

pub async fn get(ctx: web::Data<Ctx>, caller: Caller, id: web::Path<String>) -> Res {
    let id = path_id(&id, "checkout")?;
    json_response(StatusCode::OK, &checkouts::get(&ctx, caller.org, id).await?)
}

pub async fn list(ctx: web::Data<Ctx>, caller: Caller, req: HttpRequest) -> Res {
    let q: ListCheckouts = serde_urlencoded::from_str(req.query_string())
        .map_err(|e| AppError::field("query", e.to_string()))?;
    json_response(StatusCode::OK, &checkouts::list(&ctx, caller.org, q).await?)
}

pub async fn patch(ctx: web::Data<Ctx>, caller: Caller, id: web::Path<String>, body: Body) -> Res {
    let id = path_id(&id, "checkout")?;
    let input: PatchCheckout = body.json()?;
    json_response(
        StatusCode::OK,
        &checkouts::patch(&ctx, caller.org, id, input).await?,
    )
}

pub async fn confirm(
    ctx: web::Data<Ctx>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<String>,
    body: Body,
) -> Res {
    let id = path_id(&id, "checkout")?;
    idempotent(&ctx, &caller, &req, &body, None, || async {
        let now = ctx.clock.now();
        let c = match checkouts::confirm(&ctx, caller.org, id).await? {
            Confirmed::Done(c) | Confirmed::Previewed(c) => c,
        };
        stored(StatusCode::OK, &CheckoutView::new(*c, &ctx.public_url, now))
    })
    .await
}

pub async fn cancel(
    ctx: web::Data<Ctx>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<String>,
    body: Body,
) -> Res {
    let id = path_id(&id, "checkout")?;
    let input: CancelCheckout = body.json()?;
    idempotent(&ctx, &caller, &req, &body, None, || async {
        let c = checkouts::cancel(&ctx, caller.org, id, input).await?;
        stored(
            StatusCode::OK,
            &CheckoutView::new(c, &ctx.public_url, ctx.clock.now()),
        )
    })
    .await
}

pub async fn expire(
    ctx: web::Data<Ctx>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<String>,
    body: Body,
) -> Res {
    let id = path_id(&id, "checkout")?;
    idempotent(&ctx, &caller, &req, &body, None, || async {
        stored(
            StatusCode::OK,
            &checkouts::expire(&ctx, caller.org, id).await?,
        )
    })
    .await
}
