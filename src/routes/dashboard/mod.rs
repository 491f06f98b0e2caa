//! The merchant console (SPEC §13): server-rendered pages under `/dashboard` with a session
//! cookie of their own (`hc_console`, not the customer's), CSRF on every form, and sign-in
//! rate-limited per account and per address. Handlers parse, call the same services the API
//! calls, and build a page from `views::console` blocks; another organisation's ids are `404`.

mod catalog;
mod discounts;
mod manage;
mod products;
mod sessions;

use std::future::Future;
use std::pin::Pin;

use actix_session::config::{CookieContentSecurity, PersistentSession};
use actix_session::storage::CookieSessionStore;
use actix_session::{Session, SessionMiddleware};
use actix_web::cookie::{Key, SameSite};
use actix_web::dev::Payload;
use actix_web::http::{StatusCode, header};
use actix_web::{FromRequest, HttpRequest, HttpResponse, ResponseError, web};
use askama::Template;
use uuid::Uuid;

use super::csrf::{check_csrf, csrf_token};
use super::get_or_head;
use super::hosted::link::client_address;
use super::hosted::{csp, hosted_headers};
use super::limits::Limits;
use crate::domain::console::ConsoleUser;
use crate::domain::validation::FieldError;
use crate::error::AppError;
use crate::services::Ctx;
use crate::services::console::{self, ConsoleError, SignedIn};
use crate::views::console::{Block, ConsolePage, Field, FieldKind, Form};

const USER_KEY: &str = "uid";
const VERSION_KEY: &str = "ver";
const SIGN_IN: &str = "/dashboard/sign-in";
const PASSWORD: &str = "/dashboard/password";

/// The console cookie's key: derived from the session secret for this use only (computed once
/// at start-up, shared by every worker).
pub fn session_key(secret: &str) -> Key {
    use sha2::{Digest, Sha512};
    let digest = Sha512::new()
        .chain_update(b"hosted-checkout console session\0")
        .chain_update(secret.as_bytes())
        .finalize();
    Key::from(&digest[..])
}

/// The console's session cookie: its own name, path and key ([`session_key`]),
/// `SameSite=Strict`, ending after 12 hours.
pub fn session_middleware(key: Key, secure: bool) -> SessionMiddleware<CookieSessionStore> {
    SessionMiddleware::builder(CookieSessionStore::default(), key)
        .cookie_name("hc_console".into())
        .cookie_path("/dashboard".into())
        .cookie_secure(secure)
        .cookie_http_only(true)
        .cookie_same_site(SameSite::Strict)
        .cookie_content_security(CookieContentSecurity::Private)
        .session_lifecycle(
            PersistentSession::default().session_ttl(actix_web::cookie::time::Duration::hours(12)),
        )
        .build()
}

pub fn configure(cfg: &mut web::ServiceConfig, session: SessionMiddleware<CookieSessionStore>) {
    cfg.service(
        web::scope("/dashboard")
            .wrap(session)
            .wrap(hosted_headers())
            .route("", get_or_head().to(sessions::overview))
            .route("/sign-in", get_or_head().to(sign_in_page))
            .route("/sign-in", web::post().to(sign_in))
            .route("/logout", web::post().to(logout))
            .route("/password", get_or_head().to(password_page))
            .route("/password", web::post().to(change_password))
            .route("/checkouts", get_or_head().to(sessions::checkouts))
            .route("/checkouts/{id}", get_or_head().to(sessions::checkout))
            .route("/checkouts/{id}/expire", web::post().to(sessions::expire))
            .route("/checkouts/{id}/cancel", web::post().to(sessions::cancel))
            .route("/events/{id}/resend", web::post().to(sessions::resend))
            .route("/contracts", get_or_head().to(catalog::contracts))
            .route("/contracts/{id}", get_or_head().to(catalog::contract))
            .route("/plans", get_or_head().to(catalog::plans))
            .route("/plans", web::post().to(catalog::create_plan))
            .route("/plans/{id}", get_or_head().to(catalog::plan))
            .route("/plans/{id}/preview", web::post().to(catalog::preview))
            .route("/products/{id}", get_or_head().to(products::product))
            .route("/coupons", get_or_head().to(discounts::coupons))
            .route("/coupons", web::post().to(discounts::create_coupon))
            .route("/coupons/{id}", get_or_head().to(discounts::coupon))
            .route(
                "/coupons/{id}/archive",
                web::post().to(discounts::archive_coupon),
            )
            .route(
                "/promotion-codes/{id}",
                get_or_head().to(discounts::promotion_code),
            )
            .route(
                "/promotion-codes",
                web::post().to(discounts::create_promotion_code),
            )
            .route(
                "/promotion-codes/{id}/active",
                web::post().to(discounts::set_code_active),
            )
            .route("/links", get_or_head().to(manage::links))
            .route("/links", web::post().to(manage::create_link))
            .route("/links/{id}", get_or_head().to(manage::link))
            .route(
                "/links/{id}/active",
                web::post().to(manage::set_link_active),
            )
            .route("/webhooks", get_or_head().to(manage::webhooks))
            .route("/webhooks", web::post().to(manage::create_webhook))
            .route("/webhooks/{id}", get_or_head().to(manage::webhook))
            .route(
                "/webhooks/{id}/rotate",
                web::post().to(manage::rotate_webhook),
            )
            .route(
                "/webhooks/{id}/status",
                web::post().to(manage::set_webhook_status),
            )
            .route("/api-keys", get_or_head().to(manage::api_keys))
            .route("/api-keys", web::post().to(manage::create_api_key))
            .route(
                "/api-keys/{id}/revoke",
                web::post().to(manage::revoke_api_key),
            )
            .default_service(web::to(not_found)),
    );
}

/// Why a console request did not get its page.
#[derive(Debug)]
pub enum Reject {
    /// Not signed in (or signed out by a password change elsewhere): to the sign-in form.
    SignIn,
    /// A one-time password must be changed before anything else.
    ChangePassword,
    /// Anything else: a console page with the error and the request id.
    Error(AppError, String),
}

impl std::fmt::Display for Reject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reject::SignIn => f.write_str("not signed in"),
            Reject::ChangePassword => f.write_str("password change required"),
            Reject::Error(e, _) => e.fmt(f),
        }
    }
}

impl ResponseError for Reject {
    fn status_code(&self) -> StatusCode {
        match self {
            Reject::SignIn | Reject::ChangePassword => StatusCode::SEE_OTHER,
            Reject::Error(e, _) => e.status_code(),
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Reject::SignIn => see_other(SIGN_IN),
            Reject::ChangePassword => see_other(PASSWORD),
            Reject::Error(e, request_id) => {
                crate::error::log_error(e);
                let (heading, text) = match e {
                    AppError::NotFound(_) => (
                        "Not found",
                        "There is nothing here, or it belongs to another organisation.".to_owned(),
                    ),
                    AppError::Forbidden(_) => (
                        "This form has expired",
                        "Go back, reload the page and try again.".to_owned(),
                    ),
                    AppError::TooManyRequests { .. } => (
                        "Too many attempts",
                        "Wait a minute, then try again.".to_owned(),
                    ),
                    AppError::Unexpected(_) | AppError::Unavailable(_) => (
                        "Something went wrong",
                        "Nothing was changed. Try again in a moment.".to_owned(),
                    ),
                    other => ("That did not work", other.public_detail()),
                };
                let page = ConsolePage::signed_out(heading, String::new())
                    .push(Block::Text(text))
                    .push(Block::Text(format!("Reference: {request_id}")));
                let mut resp = HttpResponse::build(self.status_code());
                if let Some(s) = e.retry_after() {
                    resp.insert_header((header::RETRY_AFTER, s));
                }
                html(resp, &page)
            }
        }
    }
}

fn request_id(req: &HttpRequest) -> String {
    use actix_web::HttpMessage as _;
    req.extensions()
        .get::<tracing_actix_web::RequestId>()
        .map(|r| r.to_string())
        .unwrap_or_default()
}

/// `.console(&req)`: any use-case error as the console's error page.
pub trait ConsoleResult<T> {
    fn console(self, req: &HttpRequest) -> Result<T, Reject>;
}

impl<T, E: Into<AppError>> ConsoleResult<T> for Result<T, E> {
    fn console(self, req: &HttpRequest) -> Result<T, Reject> {
        self.map_err(|e| Reject::Error(e.into(), request_id(req)))
    }
}

pub type Res = Result<HttpResponse, Reject>;

fn html(mut resp: actix_web::HttpResponseBuilder, page: &impl Template) -> HttpResponse {
    resp.insert_header((header::CONTENT_SECURITY_POLICY, csp("")));
    match page.render() {
        Ok(body) => resp.content_type("text/html; charset=utf-8").body(body),
        Err(_) => resp
            .content_type("text/plain; charset=utf-8")
            .body("Something went wrong."),
    }
}

pub fn render(status: StatusCode, page: &ConsolePage) -> Res {
    Ok(html(HttpResponse::build(status), page))
}

pub fn see_other(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, to))
        .finish()
}

/// A signed-in console request: who, and the session's CSRF token for the page's forms.
pub struct Console {
    pub who: SignedIn,
    pub csrf: String,
}

impl Console {
    pub fn org(&self) -> Uuid {
        self.who.org()
    }

    /// A page with a form: the `?notice=` message after an action, then `errors` summed up;
    /// the (field, message) pairs go beside the form's fields.
    pub fn form_page(
        &self,
        title: impl Into<String>,
        section: &str,
        req: &HttpRequest,
        errors: &[FieldError],
    ) -> (ConsolePage, Vec<(String, String)>) {
        let mut page = self.page(title, section);
        if let Some(n) = notice(req) {
            page = page.push(n);
        }
        let (pairs, lines) = field_errors(errors);
        if !lines.is_empty() {
            page = page.push(Block::Errors(lines));
        }
        (page, pairs)
    }

    /// A page of section `section` for this user.
    pub fn page(&self, title: impl Into<String>, section: &str) -> ConsolePage {
        ConsolePage::new(title, section, &self.who.user.email, self.csrf.clone())
    }
}

async fn signed_in(req: &HttpRequest, session: &Session) -> Result<Option<SignedIn>, Reject> {
    let id = session.get::<Uuid>(USER_KEY).ok().flatten();
    let version = session.get::<i64>(VERSION_KEY).ok().flatten();
    let (Some(id), Some(version)) = (id, version) else {
        return Ok(None);
    };
    let Some(ctx) = req.app_data::<web::Data<Ctx>>() else {
        return Err(Reject::Error(
            AppError::Unexpected(anyhow::anyhow!("no context")),
            request_id(req),
        ));
    };
    match console::signed_in(ctx, id, version).await {
        Ok(who) => Ok(Some(who)),
        Err(ConsoleError::SignedOut) => {
            session.purge();
            Ok(None)
        }
        Err(e) => Err(Reject::Error(e.into(), request_id(req))),
    }
}

impl FromRequest for Console {
    type Error = Reject;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Reject>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let session = Session::extract(&req)
                .await
                .map_err(|e| AppError::Unexpected(anyhow::anyhow!("session: {e}")))
                .console(&req)?;
            let who = signed_in(&req, &session).await?.ok_or(Reject::SignIn)?;
            if who.user.password_temporary && req.path() != PASSWORD {
                return Err(Reject::ChangePassword);
            }
            Ok(Console {
                who,
                csrf: csrf_token(&session),
            })
        })
    }
}

/// A console form POST that passed the CSRF check.
pub struct ConsoleForm {
    pub fields: Vec<(String, String)>,
    pub session: Session,
}

impl ConsoleForm {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }
    pub fn raw(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }
    pub fn checked(&self, name: &str) -> bool {
        self.get(name) == Some("on")
    }
}

impl FromRequest for ConsoleForm {
    type Error = Reject;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Reject>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let body = web::Bytes::from_request(&req, payload);
        Box::pin(async move {
            let unreadable = || AppError::BadRequest("The form could not be read.".into());
            let body = body.await.map_err(|_| unreadable()).console(&req)?;
            let session = Session::extract(&req)
                .await
                .map_err(|e| AppError::Unexpected(anyhow::anyhow!("session: {e}")))
                .console(&req)?;
            let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&body)
                .map_err(|_| unreadable())
                .console(&req)?;
            check_csrf(&session, &fields).console(&req)?;
            Ok(ConsoleForm { fields, session })
        })
    }
}

/// Field errors as (field, message) pairs for the form, and as sentences for the summary.
pub fn field_errors(errors: &[FieldError]) -> (Vec<(String, String)>, Vec<String>) {
    let pairs = errors
        .iter()
        .map(|e| (e.field.clone(), e.message.clone()))
        .collect();
    let lines = errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect();
    (pairs, lines)
}

/// `200`, or `422` for a form sent back with errors.
pub fn form_status(errors: &[FieldError]) -> StatusCode {
    if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    }
}

/// The trimmed, non-empty value of query parameter `name`.
pub fn query_value(req: &HttpRequest, name: &str) -> Option<String> {
    url::form_urlencoded::parse(req.query_string().as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// A path id; anything that is not one is the same `404` as another organisation's.
pub fn path_id(raw: &str, what: &'static str, req: &HttpRequest) -> Result<Uuid, Reject> {
    Uuid::parse_str(raw)
        .map_err(|_| AppError::NotFound(what))
        .console(req)
}

async fn not_found(req: HttpRequest) -> Res {
    Err(AppError::NotFound("page")).console(&req)
}

// ------------------------------------------------------------------ sign-in, password

fn sign_in_form(email: &str) -> Form {
    Form::post(
        SIGN_IN,
        "Sign in to the console",
        "Sign in",
        vec![
            Field::new("email", "Email address", FieldKind::Email)
                .value(email)
                .required()
                .autocomplete("email"),
            Field::new("password", "Password", FieldKind::Password)
                .required()
                .autocomplete("current-password"),
        ],
    )
}

async fn sign_in_page(req: HttpRequest, session: Session) -> Res {
    if signed_in(&req, &session).await?.is_some() {
        return Ok(see_other("/dashboard"));
    }
    let page = ConsolePage::signed_out("Sign in", csrf_token(&session))
        .push(Block::Form(sign_in_form("")));
    render(StatusCode::OK, &page)
}

async fn sign_in(
    ctx: web::Data<Ctx>,
    limits: web::Data<Limits>,
    req: HttpRequest,
    form: ConsoleForm,
) -> Res {
    let email = form.get("email").unwrap_or("").to_owned();
    limits
        .login(&ConsoleUser::email_key(&email), client_address(&req))
        .console(&req)?;
    match console::sign_in(&ctx, &email, form.raw("password")).await {
        Ok(who) => {
            let session = &form.session;
            // A fresh session (and CSRF token) at sign-in: nothing from before carries over.
            session.clear();
            session.renew();
            session
                .insert(USER_KEY, who.user.id)
                .console_session(&req)?;
            session
                .insert(VERSION_KEY, who.user.credentials_version)
                .console_session(&req)?;
            Ok(see_other(if who.user.password_temporary {
                PASSWORD
            } else {
                "/dashboard"
            }))
        }
        Err(ConsoleError::BadCredentials) => {
            let page = ConsolePage::signed_out("Sign in", csrf_token(&form.session))
                .push(Block::Errors(vec![
                    "The email address or password is not right.".into(),
                ]))
                .push(Block::Form(sign_in_form(&email)));
            render(StatusCode::UNAUTHORIZED, &page)
        }
        Err(e) => Err(e).console(&req),
    }
}

trait SessionWrite {
    fn console_session(self, req: &HttpRequest) -> Result<(), Reject>;
}

impl<E: std::fmt::Display> SessionWrite for Result<(), E> {
    fn console_session(self, req: &HttpRequest) -> Result<(), Reject> {
        self.map_err(|e| AppError::Unexpected(anyhow::anyhow!("session: {e}")))
            .console(req)
    }
}

async fn logout(form: ConsoleForm) -> Res {
    form.session.purge();
    Ok(see_other(SIGN_IN))
}

fn password_form() -> Form {
    Form::post(
        PASSWORD,
        "Change your password",
        "Change password",
        vec![
            Field::new("current_password", "Current password", FieldKind::Password)
                .required()
                .autocomplete("current-password"),
            Field::new(
                "new_password",
                "New password (at least 12 characters)",
                FieldKind::Password,
            )
            .required()
            .autocomplete("new-password"),
            Field::new("repeat_password", "New password again", FieldKind::Password)
                .required()
                .autocomplete("new-password"),
        ],
    )
}

fn password_intro(c: &Console) -> Block {
    Block::Text(if c.who.user.password_temporary {
        "You signed in with a one-time password: choose your own to go on.".into()
    } else {
        "Changing it signs you out everywhere else.".into()
    })
}

async fn password_page(c: Console) -> Res {
    let page = c
        .page("Change password", "")
        .push(password_intro(&c))
        .push(Block::Form(password_form()));
    render(StatusCode::OK, &page)
}

async fn change_password(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    c: Console,
    form: ConsoleForm,
) -> Res {
    match console::change_password(
        &ctx,
        &c.who,
        form.raw("current_password"),
        form.raw("new_password"),
        form.raw("repeat_password"),
    )
    .await
    {
        Ok(who) => {
            form.session.renew();
            form.session
                .insert(VERSION_KEY, who.user.credentials_version)
                .console_session(&req)?;
            Ok(see_other("/dashboard?notice=password"))
        }
        Err(ConsoleError::Invalid(errors)) => {
            let (pairs, lines) = field_errors(&errors);
            let page = c
                .page("Change password", "")
                .push(Block::Errors(lines))
                .push(password_intro(&c))
                .push(Block::Form(password_form().with_errors(&pairs)));
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(ConsoleError::SignedOut) => Err(Reject::SignIn),
        Err(e) => Err(e).console(&req),
    }
}

/// The message of a `?notice=` key after an action (only known keys: nothing is echoed).
pub fn notice(req: &HttpRequest) -> Option<Block> {
    let key = query_value(req, "notice")?;
    let text = match key.as_str() {
        "password" => "Your password was changed.",
        "expired" => "The session was expired.",
        "cancelled" => "The session was cancelled.",
        "resent" => "The event was queued for delivery again.",
        "link-created" => "The checkout link was created.",
        "link-updated" => "The checkout link was changed.",
        "plan-created" => "The plan was created.",
        "product-created" => "The product was created.",
        "coupon-created" => "The coupon was created.",
        "code-created" => "The promotion code was created.",
        "code-updated" => "The promotion code was changed.",
        "coupon-archived" => "The coupon was archived: no new redemptions.",
        "key-created" => "The API key was created.",
        "webhook-created" => "The webhook endpoint was created.",
        "key-revoked" => "The API key was revoked.",
        "webhook-updated" => "The webhook endpoint was changed.",
        _ => return None,
    };
    Some(Block::Notice(text.into()))
}
