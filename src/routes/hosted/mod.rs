//! The hosted checkout pages (SPEC §7): server-rendered, no JavaScript, CSRF-protected forms,
//! post/redirect/get. Handlers parse the request, call one service, and answer a page or a
//! `303` to where the service says the flow goes next ([`NextStep`], built into a URL by
//! `views::checkout::Urls`).

mod csrf;
pub mod forms;
pub mod link;
mod page;

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::middleware::DefaultHeaders;
use actix_web::{HttpRequest, HttpResponse, Responder, ResponseError, web};
use askama::Template;

use self::csrf::{CheckedPost, csrf_token};
use self::page::{PageError, PageRes, PageResult, page_cx, parse_link, render, see_other};
use super::get_or_head;
use crate::error::AppError;
use crate::services::Ctx;
use crate::services::checkouts::hosted::{self, Shown};
use crate::services::checkouts::{EditError, HostedCheckout, NextStep};
use crate::views::PageCx;
use crate::views::checkout::{CodeForm, Urls, details_page, plan_page, review_page, status_page};

pub use self::page::csp;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/{id}")
            .wrap(hosted_headers())
            .route("", get_or_head().to(entry))
            .route("/plan", web::post().to(post_plan))
            .route("/details", get_or_head().to(details))
            .route("/details", web::post().to(post_details))
            .route("/review", get_or_head().to(review))
            .route("/promotion_code", web::post().to(post_promotion_code))
            .route("/confirm", web::post().to(post_confirm))
            .route("/cancel", web::post().to(post_cancel))
            .route("/status", get_or_head().to(status)),
    );
}

/// The headers of every hosted response (pages, redirects, checkout links, the console).
pub fn hosted_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((header::CACHE_CONTROL, "no-store"))
        .add((header::REFERRER_POLICY, "same-origin"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
        // A checkout must never be indexed (pages also say so in a meta tag).
        .add(("X-Robots-Tag", "noindex, nofollow"))
        // Responses without a page (redirects) get the strict policy too; pages set their own
        // with the style nonce, which this does not overwrite.
        .add((header::CONTENT_SECURITY_POLICY, csp("")))
}

/// A `GET` of one step: its page while the session is open, the status page once it is
/// closed, or a `303` to the step that applies instead.
async fn show_step<P: Template>(
    ctx: &Ctx,
    req: &HttpRequest,
    session: &Session,
    raw_key: &str,
    step: NextStep,
    page: impl FnOnce(&HostedCheckout, &PageCx) -> P,
) -> PageRes {
    let key = parse_link(raw_key).page(req)?;
    match hosted::show(ctx, &key, step).await.page(req)? {
        Shown::Page(h) => {
            let cx = page_cx(req, session, h.checkout.locale, csrf_token(session));
            render(req, StatusCode::OK, &page(&h, &cx), &cx)
        }
        Shown::Closed(h) => closed_page(req, session, &h, false),
        Shown::Elsewhere(step) => Ok(see_other(&Urls::new(&key).next(&step))),
    }
}

/// A form refused with field errors: the same page again, `422`, with what was typed.
async fn refused<P: Template>(
    ctx: &Ctx,
    req: &HttpRequest,
    post: &CheckedPost,
    page: impl FnOnce(&HostedCheckout, &PageCx) -> P,
) -> PageRes {
    let h = hosted::hosted(ctx, &post.key).await.page(req)?;
    let cx = page_cx(
        req,
        &post.session,
        h.checkout.locale,
        csrf_token(&post.session),
    );
    render(req, StatusCode::UNPROCESSABLE_ENTITY, &page(&h, &cx), &cx)
}

fn closed_page(
    req: &HttpRequest,
    session: &Session,
    h: &HostedCheckout,
    preview_done: bool,
) -> PageRes {
    let cx = page_cx(req, session, h.checkout.locale, String::new());
    render(req, StatusCode::OK, &status_page(h, preview_done, &cx), &cx)
}

pub async fn entry(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    session: Session,
    id: web::Path<String>,
) -> PageRes {
    show_step(&ctx, &req, &session, &id, NextStep::Plan, |h, cx| {
        plan_page(h, cx, &[])
    })
    .await
}

pub async fn post_plan(ctx: web::Data<Ctx>, req: HttpRequest, post: CheckedPost) -> PageRes {
    match hosted::choose_plan(&ctx, &post.key, forms::plan_choice(&post.form)).await {
        Ok(step) => Ok(see_other(&Urls::new(&post.key).next(&step))),
        Err(EditError::Invalid(errors)) => {
            refused(&ctx, &req, &post, |h, cx| plan_page(h, cx, &errors)).await
        }
        Err(e) => Err(e).page(&req),
    }
}

pub async fn details(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    session: Session,
    id: web::Path<String>,
) -> PageRes {
    show_step(&ctx, &req, &session, &id, NextStep::Details, |h, cx| {
        let values = forms::detail_values(&h.checkout.customer_data);
        details_page(h, cx, &values, &[])
    })
    .await
}

pub async fn post_details(ctx: web::Data<Ctx>, req: HttpRequest, post: CheckedPost) -> PageRes {
    let data = forms::customer_data(&post.form);
    match hosted::save_details(&ctx, &post.key, data.clone()).await {
        Ok(step) => Ok(see_other(&Urls::new(&post.key).next(&step))),
        Err(EditError::Invalid(errors)) => {
            let values = forms::detail_values(&data);
            refused(&ctx, &req, &post, |h, cx| {
                details_page(h, cx, &values, &errors)
            })
            .await
        }
        Err(e) => Err(e).page(&req),
    }
}

#[derive(serde::Deserialize)]
pub struct ReviewQuery {
    changed: Option<String>,
}

pub async fn review(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    session: Session,
    id: web::Path<String>,
    q: web::Query<ReviewQuery>,
) -> PageRes {
    let changed = q.changed.is_some();
    let step = if changed {
        NextStep::ReviewChanged
    } else {
        NextStep::Review
    };
    show_step(&ctx, &req, &session, &id, step, |h, cx| {
        review_page(h, cx, changed, &CodeForm::default())
    })
    .await
}

pub async fn post_promotion_code(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    post: CheckedPost,
) -> PageRes {
    let typed = forms::promotion_code(&post.form);
    match hosted::apply_promotion_code(&ctx, &post.key, typed.clone()).await {
        Ok(step) => Ok(see_other(&Urls::new(&post.key).next(&step))),
        Err(EditError::Invalid(errors)) => {
            let code = CodeForm {
                value: typed,
                errors,
            };
            refused(&ctx, &req, &post, |h, cx| review_page(h, cx, false, &code)).await
        }
        Err(e) => Err(e).page(&req),
    }
}

pub async fn post_confirm(ctx: web::Data<Ctx>, req: HttpRequest, post: CheckedPost) -> PageRes {
    let step = hosted::confirm_hosted(&ctx, &post.key).await.page(&req)?;
    Ok(see_other(&Urls::new(&post.key).next(&step)))
}

pub async fn post_cancel(ctx: web::Data<Ctx>, req: HttpRequest, post: CheckedPost) -> PageRes {
    let step = hosted::cancel_hosted(&ctx, &post.key).await.page(&req)?;
    Ok(see_other(&Urls::new(&post.key).next(&step)))
}

#[derive(serde::Deserialize)]
pub struct StatusQuery {
    preview: Option<String>,
}

pub async fn status(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    session: Session,
    id: web::Path<String>,
    q: web::Query<StatusQuery>,
) -> PageRes {
    let key = parse_link(&id).page(&req)?;
    let h = hosted::hosted(&ctx, &key).await.page(&req)?;
    closed_page(
        &req,
        &session,
        &h,
        q.preview.is_some() && h.checkout.preview,
    )
}

pub async fn stylesheet() -> impl Responder {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(include_str!("../../../static/app.css"))
}

/// The icon (`/favicon.svg`, linked from every page, and `/favicon.ico`, which browsers and
/// crawlers ask for unprompted): an SVG either way.
pub async fn favicon() -> impl Responder {
    HttpResponse::Ok()
        .content_type("image/svg+xml")
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(include_str!("../../../static/favicon.svg"))
}

/// Anything unrouted: problem+json for API clients, a page for browsers.
pub async fn not_found(req: HttpRequest) -> HttpResponse {
    let wants_html = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/html"));
    if wants_html {
        PageError::new(AppError::NotFound("page"), &req).error_response()
    } else {
        AppError::NotFound("resource").error_response()
    }
}
