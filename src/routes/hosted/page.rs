//! Answering a hosted request: rendering a page with its security headers, the `303` after a
//! POST, and the friendly error page (with the request id) for anything that fails.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, ResponseError};
use askama::Template;
use rand::RngCore;
use uuid::Uuid;

use crate::domain::checkout::LinkKey;
use crate::domain::locale::{Locale, LocaleSetting};
use crate::error::AppError;
use crate::views::checkout::error_page;
use crate::views::{Lang, PageCx, i18n};

/// Where the browser session keeps the customer's language choice.
const LOCALE_KEY: &str = "locale";

/// The customer's own language choice: `?locale=` on this request (then remembered for the
/// browser session), else the one remembered. An unsupported tag is ignored.
pub fn chosen_locale(req: &HttpRequest, session: &actix_session::Session) -> Option<Locale> {
    let asked = url::form_urlencoded::parse(req.query_string().as_bytes())
        .find(|(k, _)| k == "locale")
        .and_then(|(_, v)| Locale::parse(&v));
    if let Some(l) = asked {
        // A session that cannot be written only means the choice lasts for this page.
        let _ = session.insert(LOCALE_KEY, l.tag());
        return Some(l);
    }
    session
        .get::<String>(LOCALE_KEY)
        .ok()
        .flatten()
        .and_then(|t| Locale::parse(&t))
}

/// The language of a page for a session whose `locale` is `setting` (SPEC §12).
pub fn page_lang(
    req: &HttpRequest,
    session: &actix_session::Session,
    setting: LocaleSetting,
) -> &'static Lang {
    let accept = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    i18n::lang(setting.resolve(chosen_locale(req, session), accept))
}

/// What a page of a session whose `locale` is `setting` is rendered with.
pub fn page_cx(
    req: &HttpRequest,
    session: &actix_session::Session,
    setting: LocaleSetting,
    csrf: String,
) -> PageCx {
    PageCx {
        csrf,
        nonce: nonce(),
        lang: page_lang(req, session, setting),
    }
}

/// A page-level error: a friendly page with the request id; never internals.
#[derive(Debug)]
pub struct PageError {
    /// Boxed: a handler's `Result` stays small on its happy path.
    error: Box<AppError>,
    request_id: String,
    lang: &'static Lang,
}

impl PageError {
    pub fn new(error: AppError, req: &HttpRequest) -> Self {
        use actix_session::SessionExt as _;
        PageError {
            error: Box::new(error),
            request_id: request_id(req),
            lang: page_lang(req, &req.get_session(), LocaleSetting::Auto),
        }
    }
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
        let mut resp = HttpResponse::build(self.status_code());
        resp.insert_header((header::CACHE_CONTROL, "no-store"));
        resp.insert_header((header::CONTENT_SECURITY_POLICY, csp("")));
        if let Some(seconds) = self.error.retry_after() {
            resp.insert_header((header::RETRY_AFTER, seconds));
        }
        resp.insert_header((header::CONTENT_LANGUAGE, self.lang.locale.tag()));
        match error_page(&self.error, &self.request_id, self.lang).render() {
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

/// `.page(&req)`: any use-case error as the error page.
pub trait PageResult<T> {
    fn page(self, req: &HttpRequest) -> Result<T, PageError>;
}

impl<T, E: Into<AppError>> PageResult<T> for Result<T, E> {
    fn page(self, req: &HttpRequest) -> Result<T, PageError> {
        self.map_err(|e| PageError::new(e.into(), req))
    }
}

pub type PageRes = Result<HttpResponse, PageError>;

/// A fresh nonce for the page's one inline `<style>`.
pub fn nonce() -> String {
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

pub fn render(req: &HttpRequest, status: StatusCode, page: &impl Template, cx: &PageCx) -> PageRes {
    let html = page
        .render()
        .map_err(|e| AppError::Unexpected(e.into()))
        .page(req)?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CONTENT_SECURITY_POLICY, csp(&cx.nonce)))
        .insert_header((header::CONTENT_LANGUAGE, cx.lang.locale.tag()))
        .body(html))
}

pub fn see_other(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, to))
        .finish()
}

/// A hosted link's key from the path; anything else is a link that is not valid.
pub fn parse_link(raw: &str) -> Result<LinkKey, AppError> {
    LinkKey::parse(raw).ok_or(AppError::NotFound("checkout session"))
}
