//! CSRF: every hosted form carries a token bound to the browser session; a POST without the
//! session's token is `403` and changes nothing.

use std::future::Future;
use std::pin::Pin;

use actix_session::Session;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use rand::RngCore;

use super::forms::CSRF_FIELD;
use super::page::{PageError, PageResult, parse_link};
use crate::domain::checkout::LinkKey;
use crate::error::AppError;
use crate::routes::limits::Limits;

const CSRF_KEY: &str = "csrf";

/// The browser session's token, made on first use.
pub fn csrf_token(session: &Session) -> String {
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
        .find(|(k, _)| k == CSRF_FIELD)
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

/// A hosted-page POST that passed the CSRF check: the link's key from the path, the form
/// fields, and the browser session (to render the form again with its token).
pub struct CheckedPost {
    pub key: LinkKey,
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
            let unreadable = || AppError::BadRequest("The form could not be read.".into());
            let body = body.await.map_err(|_| unreadable()).page(&req)?;
            let session = Session::extract(&req)
                .await
                .map_err(|e| AppError::Unexpected(anyhow::anyhow!("session: {e}")))
                .page(&req)?;
            let form: Vec<(String, String)> = serde_urlencoded::from_bytes(&body)
                .map_err(|_| unreadable())
                .page(&req)?;
            let key = parse_link(req.match_info().get("id").unwrap_or_default()).page(&req)?;
            if let Some(limits) = req.app_data::<web::Data<Limits>>() {
                limits.hosted_post(key.id).page(&req)?;
            }
            check_csrf(&session, &form).page(&req)?;
            Ok(CheckedPost { key, form, session })
        })
    }
}
