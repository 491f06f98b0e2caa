//! CSRF: every hosted form carries a token bound to the browser session; a POST without the
//! session's token is `403` and changes nothing.

use std::future::Future;
use std::pin::Pin;

use actix_session::Session;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};

use super::page::{PageError, PageResult, parse_link};
use crate::domain::checkout::LinkKey;
use crate::error::AppError;
use crate::routes::csrf::check_csrf;
pub use crate::routes::csrf::csrf_token;
use crate::routes::limits::Limits;

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
