//! Checkout sessions API (SPEC §5).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use super::dto::{
    CancelCheckout, CheckoutView, CreateCheckout, ListCheckouts, ListResponse, PatchCheckout,
    PreviewView,
};
use super::extract::{Body, Caller, idempotent, json_response, path_id, query, stored};
use crate::domain::checkout::Checkout;
use crate::error::AppError;
use crate::services::Ctx;
use crate::services::checkouts::{self, SessionRef};

type Res = Result<HttpResponse, AppError>;

/// The session as the API shows it now.
fn view(ctx: &Ctx, c: Checkout) -> CheckoutView {
    CheckoutView::new(c, &ctx.public_url, ctx.clock.now())
}

pub async fn create(ctx: web::Data<Ctx>, caller: Caller, req: HttpRequest, body: Body) -> Res {
    let input: CreateCheckout = body.json()?;
    let key = input.idempotency_key.clone();
    idempotent(&ctx, &caller, &req, &body, key.as_deref(), || async {
        let c = checkouts::create(&ctx, caller.org, input.into()).await?;
        stored(StatusCode::CREATED, &view(&ctx, c))
    })
    .await
}

pub async fn preview(ctx: web::Data<Ctx>, caller: Caller, body: Body) -> Res {
    let input: CreateCheckout = body.json()?;
    let preview = checkouts::preview(&ctx, caller.org, input.into()).await?;
    json_response(StatusCode::OK, &PreviewView::from(preview))
}

pub async fn get(ctx: web::Data<Ctx>, caller: Caller, id: web::Path<String>) -> Res {
    let id = path_id(&id, "checkout")?;
    let c = checkouts::get(&ctx, caller.org, id).await?;
    json_response(StatusCode::OK, &view(&ctx, c))
}

pub async fn list(ctx: web::Data<Ctx>, caller: Caller, req: HttpRequest) -> Res {
    let q: ListCheckouts = query(&req)?;
    let page = checkouts::list(&ctx, caller.org, q.into()).await?;
    let now = ctx.clock.now();
    let list = ListResponse::of(page, |c| CheckoutView::new(c, &ctx.public_url, now));
    json_response(StatusCode::OK, &list)
}

pub async fn patch(ctx: web::Data<Ctx>, caller: Caller, id: web::Path<String>, body: Body) -> Res {
    let id = path_id(&id, "checkout")?;
    let input: PatchCheckout = body.json()?;
    let c = checkouts::patch(&ctx, caller.org, id, input.into()).await?;
    json_response(StatusCode::OK, &view(&ctx, c))
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
        let c = checkouts::confirm(
            &ctx,
            SessionRef::Api {
                org: caller.org,
                id,
            },
        )
        .await?;
        stored(
            StatusCode::OK,
            &CheckoutView::new(c.into_checkout(), &ctx.public_url, now),
        )
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
        let c = checkouts::cancel(
            &ctx,
            SessionRef::Api {
                org: caller.org,
                id,
            },
            input.reason,
        )
        .await?;
        stored(StatusCode::OK, &view(&ctx, c))
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
        let c = checkouts::expire(&ctx, caller.org, id).await?;
        stored(StatusCode::OK, &view(&ctx, c))
    })
    .await
}
