//! CSRF for every server-rendered form (hosted pages and the console): a token bound to the
//! browser session; a POST without the session's token is `403` and changes nothing.

use actix_session::Session;
use rand::RngCore;

use crate::error::AppError;

/// The form field that carries the token.
pub const CSRF_FIELD: &str = "csrf_token";

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
pub fn check_csrf(session: &Session, form: &[(String, String)]) -> Result<(), AppError> {
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
