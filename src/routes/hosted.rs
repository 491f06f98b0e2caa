//! The hosted checkout pages (SPEC §7): server-rendered, no JavaScript, CSRF-protected forms,
//! post/redirect/get.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::DefaultHeaders;
use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{
    FromRequest, HttpMessage, HttpRequest, HttpResponse, Responder, ResponseError, web,
};
use askama::Template;
use rand::RngCore;
use uuid::Uuid;

use crate::domain::checkout::{CheckoutStatus, CheckoutType};
use crate::domain::customer::{Address, CustomerData};
use crate::error::AppError;
use crate::services::Ctx;
use crate::services::checkouts::{self, Confirmed, HostedCheckout, PlanChoice};
use crate::views::Layout;
use crate::views::checkout::{Urls, detail_values, details_page, layout, plan_page, review_page};
use crate::views::pages::{ErrorPage, StatusPage};

const CSRF_KEY: &str = "csrf";

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/{id}")
            .wrap(
                DefaultHeaders::new()
                    .add((header::CACHE_CONTROL, "no-store"))
                    .add((header::REFERRER_POLICY, "same-origin"))
                    .add((header::X_FRAME_OPTIONS, "DENY"))
                    // Responses without a page (redirects) get the strict policy too; pages
                    // set their own with the style nonce, which this does not overwrite.
                    .add((header::CONTENT_SECURITY_POLICY, csp(""))),
            )
            .route("", web::get().to(entry))
            .route("/plan", web::post().to(post_plan))
            .route("/details", web::get().to(details))
            .route("/details", web::post().to(post_details))
            .route("/review", web::get().to(review))
            .route("/confirm", web::post().to(post_confirm))
            .route("/cancel", web::post().to(post_cancel))
            .route("/status", web::get().to(status)),
    );
}

/// A page-level error: a friendly page with the request id; never internals.
#[derive(Debug)]
pub struct PageError {
    error: AppError,
    request_id: String,
}

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.error.fmt(f)
    }
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        self.error.status_code()
    }

    fn error_response(&self) -> HttpResponse {
        crate::error::log_error(&self.error);
        let status = self.status_code();
        let (heading, message) = match &self.error {
            AppError::NotFound(_) => ("Checkout not found", "This checkout link is not valid. Please ask the seller for a new link.".to_owned()),
            AppError::Forbidden(_) => ("Your session has expired", "For your security this form could not be submitted. Go back, reload the page and try again.".to_owned()),
            AppError::Unavailable(_) => ("We'll be right back", "The checkout is briefly unavailable. Please try again in a moment.".to_owned()),
            AppError::Conflict { detail, .. } => ("This checkout cannot continue", detail.clone()),
            AppError::Validation(_) | AppError::BadRequest(_) => ("Something is not right", self.error.public_detail()),
            _ => ("Something went wrong", "We could not complete this step. Nothing was charged. Please try again.".to_owned()),
        };
        let page = ErrorPage {
            layout: Layout::plain(heading),
            heading: heading.into(),
            message,
            request_id: self.request_id.clone(),
        };
        let mut resp = HttpResponse::build(status);
        resp.insert_header((header::CACHE_CONTROL, "no-store"));
        resp.insert_header((header::CONTENT_SECURITY_POLICY, csp("")));
        if matches!(self.error, AppError::Unavailable(_)) {
            resp.insert_header((header::RETRY_AFTER, HeaderValue::from_static("2")));
        }
        match page.render() {
            Ok(html) => resp.content_type("text/html; charset=utf-8").body(html),
            Err(_) => resp.content_type("text/plain; charset=utf-8").body(format!(
                "Something went wrong. Reference: {}",
                self.request_id
            )),
        }
    }
}

fn request_id(req: &HttpRequest) -> String {
    req.extensions()
        .get::<tracing_actix_web::RequestId>()
        .map(|r| r.to_string())
        .unwrap_or_else(|| Uuid::new_v4().to_string())
}

trait PageResult<T> {
    fn page(self, req: &HttpRequest) -> Result<T, PageError>;
}

impl<T, E: Into<AppError>> PageResult<T> for Result<T, E> {
    fn page(self, req: &HttpRequest) -> Result<T, PageError> {
        self.map_err(|e| PageError {
            error: e.into(),
            request_id: request_id(req),
        })
    }
}

type PageRes = Result<HttpResponse, PageError>;

fn nonce() -> String {
    let mut b = [0u8; 16];
    rand::rng().fill_bytes(&mut b);
    hex::encode(b)
}

/// No inline script anywhere; one inline `<style>` (brand colour) allowed by nonce.
pub fn csp(nonce: &str) -> String {
    let style = if nonce.is_empty() {
        "'self'".to_owned()
    } else {
        format!("'self' 'nonce-{nonce}'")
    };
    format!(
        "default-src 'none'; style-src {style}; img-src 'self' https: data:; form-action 'self' https: http:; frame-ancestors 'none'; base-uri 'none'"
    )
}

fn render(req: &HttpRequest, status: StatusCode, page: &impl Template, nonce: &str) -> PageRes {
    let html = page
        .render()
        .map_err(|e| AppError::Unexpected(e.into()))
        .page(req)?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CONTENT_SECURITY_POLICY, csp(nonce)))
        .body(html))
}

fn see_other(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, to))
        .finish()
}

fn csrf_token(session: &Session) -> String {
    if let Ok(Some(t)) = session.get::<String>(CSRF_KEY) {
        return t;
    }
    let mut b = [0u8; 32];
    rand::rng().fill_bytes(&mut b);
    let t = hex::encode(b);
    // A session that cannot be written just means the next POST is refused (403).
    let _ = session.insert(CSRF_KEY, &t);
    t
}

/// Constant-time comparison of the form's token with the session's.
fn check_csrf(session: &Session, form: &[(String, String)]) -> Result<(), AppError> {
    let expected = session
        .get::<String>(CSRF_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    let given = form
        .iter()
        .find(|(k, _)| k == "csrf_token")
        .map(|(_, v)| v.as_str())
        .unwrap_or("");
    let ok = !expected.is_empty()
        && expected.len() == given.len()
        && expected
            .bytes()
            .zip(given.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
    if ok {
        Ok(())
    } else {
        Err(AppError::Forbidden("invalid or missing CSRF token".into()))
    }
}

fn parse_id(raw: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(raw).map_err(|_| AppError::NotFound("checkout session"))
}

/// A hosted-page POST that passed the CSRF check: the session id from the path, the form
/// fields, and the browser session (to render the form again with its token).
pub struct CheckedPost {
    pub id: Uuid,
    pub form: Vec<(String, String)>,
    pub session: Session,
}

impl FromRequest for CheckedPost {
    type Error = PageError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, PageError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let body = web::Bytes::from_request(&req, payload);
        Box::pin(async move {
            let body = body
                .await
                .map_err(|_| AppError::BadRequest("The form could not be read.".into()))
                .page(&req)?;
            let session = Session::extract(&req)
                .await
                .map_err(|e| AppError::Unexpected(anyhow::anyhow!("session: {e}")))
                .page(&req)?;
            let form = parse_form(&body).page(&req)?;
            check_csrf(&session, &form).page(&req)?;
            let id = parse_id(req.match_info().get("id").unwrap_or_default()).page(&req)?;
            Ok(CheckedPost { id, form, session })
        })
    }
}

fn parse_form(body: &web::Bytes) -> Result<Vec<(String, String)>, AppError> {
    serde_urlencoded::from_bytes(body)
        .map_err(|_| AppError::BadRequest("The form could not be read.".into()))
}

/// The page for a session that is no longer open.
fn closed_page(req: &HttpRequest, h: &HostedCheckout, preview_done: bool) -> PageRes {
    let (heading, message, tone) = match (h.status, preview_done) {
        (_, true) => ("Preview complete", "Everything checked out. This was a preview, so no subscription was created or changed.".to_owned(), "success"),
        (CheckoutStatus::ContractCreated, _) => ("You're all set", match h.checkout.checkout_type {
            CheckoutType::NewSubscription => "Your subscription is confirmed. You can close this page.".to_owned(),
            _ => "Your subscription has been updated.".to_owned(),
        }, "success"),
        (CheckoutStatus::Cancelled, _) => ("Checkout cancelled", "Nothing was charged and nothing changed.".to_owned(), "neutral"),
        (CheckoutStatus::Expired, _) => ("This checkout has expired", "The link is no longer valid. Please ask the seller for a new one.".to_owned(), "neutral"),
        (CheckoutStatus::Open, _) => ("Checkout in progress", "This checkout is still open.".to_owned(), "neutral"),
    };
    let link = (h.status == CheckoutStatus::Open && !preview_done).then(|| {
        (
            Urls { id: h.checkout.id }.entry(),
            "Continue checkout".to_owned(),
        )
    });
    let n = nonce();
    let page = StatusPage {
        layout: layout(h, heading, "", &n),
        heading: heading.into(),
        message,
        tone,
        link,
    };
    render(req, StatusCode::OK, &page, &n)
}

async fn load_open(
    ctx: &Ctx,
    req: &HttpRequest,
    raw: &str,
) -> Result<Result<HostedCheckout, HttpResponse>, PageError> {
    let id = parse_id(raw).page(req)?;
    let h = checkouts::hosted(ctx, id).await.page(req)?;
    if h.status != CheckoutStatus::Open {
        return Ok(Err(closed_page(req, &h, false)?));
    }
    Ok(Ok(h))
}

pub async fn entry(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    session: Session,
    id: web::Path<String>,
) -> PageRes {
    let h = match load_open(&ctx, &req, &id).await? {
        Ok(h) => h,
        Err(closed) => return Ok(closed),
    };
    let n = nonce();
    render(
        &req,
        StatusCode::OK,
        &plan_page(&h, &csrf_token(&session), &n, &[]),
        &n,
    )
}

pub async fn post_plan(ctx: web::Data<Ctx>, req: HttpRequest, post: CheckedPost) -> PageRes {
    let CheckedPost { id, form, session } = post;
    match checkouts::choose_plan(&ctx, id, plan_choice(&form)).await {
        Ok(c) => {
            let urls = Urls { id };
            Ok(see_other(&if c.guest_checkout {
                urls.details()
            } else {
                urls.review()
            }))
        }
        Err(AppError::Conflict { .. }) => Ok(see_other(&Urls { id }.status())),
        Err(AppError::Validation(errors)) => {
            let h = checkouts::hosted(&ctx, id).await.page(&req)?;
            let n = nonce();
            render(
                &req,
                StatusCode::UNPROCESSABLE_ENTITY,
                &plan_page(&h, &csrf_token(&session), &n, &errors),
                &n,
            )
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
    let h = match load_open(&ctx, &req, &id).await? {
        Ok(h) => h,
        Err(closed) => return Ok(closed),
    };
    if !h.checkout.guest_checkout {
        return Ok(see_other(&Urls { id: h.checkout.id }.review()));
    }
    let n = nonce();
    let values = detail_values(&h.checkout.customer_data);
    render(
        &req,
        StatusCode::OK,
        &details_page(&h, &csrf_token(&session), &n, &values, &[]),
        &n,
    )
}

/// `<product_id>` or `<plan_id>.<product_id>` after a `quantity.` / `enabled.` prefix.
fn form_target(rest: &str) -> Option<(Option<Uuid>, Uuid)> {
    match rest.split_once('.') {
        None => Uuid::parse_str(rest).ok().map(|p| (None, p)),
        Some((plan, product)) => Some((
            Some(Uuid::parse_str(plan).ok()?),
            Uuid::parse_str(product).ok()?,
        )),
    }
}

fn plan_choice(form: &[(String, String)]) -> PlanChoice {
    let mut choice = PlanChoice::default();
    for (k, v) in form {
        if k == "plan_id" {
            choice.plan_id = Uuid::parse_str(v).ok();
        } else if let Some((plan, pid)) = k.strip_prefix("quantity.").and_then(form_target) {
            match plan {
                Some(plan) => {
                    choice.scoped = true;
                    choice.plan_quantities.insert((plan, pid), v.clone());
                }
                None => {
                    choice.quantities.insert(pid, v.clone());
                }
            }
        } else if let Some((plan, pid)) = k.strip_prefix("enabled.").and_then(form_target) {
            match plan {
                Some(plan) => {
                    choice.scoped = true;
                    choice.plan_enabled.push((plan, pid));
                }
                None => choice.enabled.push(pid),
            }
        }
    }
    choice
}

fn customer_data_from(form: &[(String, String)]) -> CustomerData {
    let get = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    CustomerData {
        customer_name: get("customer_name"),
        email: get("email"),
        phone_number: get("phone_number"),
        company_name: get("company_name"),
        tax_id: get("tax_id"),
        address: Some(Address {
            line1: get("address_line1"),
            line2: get("address_line2"),
            city: get("address_city"),
            state: get("address_state"),
            postal_code: get("address_postal_code"),
            country: get("address_country"),
        }),
    }
}

pub async fn post_details(ctx: web::Data<Ctx>, req: HttpRequest, post: CheckedPost) -> PageRes {
    let CheckedPost { id, form, session } = post;
    let data = customer_data_from(&form);
    match checkouts::save_details(&ctx, id, data.clone()).await {
        Ok(_) => Ok(see_other(&Urls { id }.review())),
        Err(AppError::Conflict { .. }) => Ok(see_other(&Urls { id }.status())),
        Err(AppError::Validation(errors)) => {
            let h = checkouts::hosted(&ctx, id).await.page(&req)?;
            let n = nonce();
            let values = detail_values(&data);
            render(
                &req,
                StatusCode::UNPROCESSABLE_ENTITY,
                &details_page(&h, &csrf_token(&session), &n, &values, &errors),
                &n,
            )
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
    let h = match load_open(&ctx, &req, &id).await? {
        Ok(h) => h,
        Err(closed) => return Ok(closed),
    };
    if h.checkout.guest_checkout
        && h.checkout
            .customer_data
            .validate_complete("customer_data")
            .is_err()
    {
        return Ok(see_other(&Urls { id: h.checkout.id }.details()));
    }
    let notice = if q.changed.is_some() {
        "The price changed since you last looked. Please review the updated estimate before confirming."
    } else {
        ""
    };
    let n = nonce();
    render(
        &req,
        StatusCode::OK,
        &review_page(&h, &csrf_token(&session), &n, notice),
        &n,
    )
}

pub async fn post_confirm(ctx: web::Data<Ctx>, req: HttpRequest, post: CheckedPost) -> PageRes {
    let CheckedPost { id, .. } = post;
    let urls = Urls { id };
    match checkouts::hosted_confirm(&ctx, id).await {
        Ok(Confirmed::Done(c)) => Ok(see_other(
            &c.success_url
                .map_or_else(|| urls.status(), |u| u.for_checkout(id)),
        )),
        Ok(Confirmed::Previewed(_)) => Ok(see_other(&format!("{}?preview=done", urls.status()))),
        Err(AppError::Conflict { extra: Some(_), .. }) => {
            Ok(see_other(&format!("{}?changed=1", urls.review())))
        }
        Err(AppError::Validation(_)) => Ok(see_other(&urls.details())),
        Err(AppError::Conflict { .. }) => Ok(see_other(&urls.status())),
        Err(e) => Err(e).page(&req),
    }
}

pub async fn post_cancel(ctx: web::Data<Ctx>, req: HttpRequest, post: CheckedPost) -> PageRes {
    let CheckedPost { id, .. } = post;
    let urls = Urls { id };
    match checkouts::hosted_cancel(&ctx, id).await {
        Ok(c) => Ok(see_other(
            &c.cancel_url
                .map_or_else(|| urls.status(), |u| u.for_checkout(id)),
        )),
        Err(AppError::Conflict { .. }) => Ok(see_other(&urls.status())),
        Err(e) => Err(e).page(&req),
    }
}

#[derive(serde::Deserialize)]
pub struct StatusQuery {
    preview: Option<String>,
}

pub async fn status(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    id: web::Path<String>,
    q: web::Query<StatusQuery>,
) -> PageRes {
    let id = parse_id(&id).page(&req)?;
    let h = checkouts::hosted(&ctx, id).await.page(&req)?;
    closed_page(&req, &h, q.preview.is_some() && h.checkout.preview)
}

pub async fn stylesheet() -> impl Responder {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(include_str!("../../static/app.css"))
}

/// Anything unrouted: problem+json for API clients, a page for browsers.
pub async fn not_found(req: HttpRequest) -> HttpResponse {
    let wants_html = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/html"));
    if wants_html {
        PageError {
            error: AppError::NotFound("page"),
            request_id: request_id(&req),
        }
        .error_response()
    } else {
        AppError::NotFound("resource").error_response()
    }
}
