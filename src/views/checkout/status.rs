//! The pages that end a flow: a session's status (completed, cancelled, expired, a finished
//! preview) and the friendly error page with its request id.

use super::{Urls, layout};
use crate::domain::checkout::{CheckoutStatus, CheckoutType};
use crate::error::AppError;
use crate::services::checkouts::HostedCheckout;
use crate::views::pages::{ErrorPage, StatusPage};
use crate::views::{Lang, Layout, PageCx};

/// What a closed session (or a finished preview) shows instead of the form.
pub fn status_page(h: &HostedCheckout, preview_done: bool, cx: &PageCx) -> StatusPage {
    let (heading, message, tone) = match (h.status, preview_done) {
        (_, true) => ("status-preview-heading", "status-preview-text", "success"),
        (CheckoutStatus::ContractCreated, _) => (
            "status-done-heading",
            match h.checkout.checkout_type {
                CheckoutType::NewSubscription => "status-done-new",
                _ => "status-done-changed",
            },
            "success",
        ),
        (CheckoutStatus::Cancelled, _) => (
            "status-cancelled-heading",
            "status-cancelled-text",
            "neutral",
        ),
        (CheckoutStatus::Expired, _) => {
            ("status-expired-heading", "status-expired-text", "neutral")
        }
        (CheckoutStatus::Open, _) => ("status-open-heading", "status-open-text", "neutral"),
    };
    let lang = cx.lang;
    let link = (h.status == CheckoutStatus::Open && !preview_done)
        .then(|| (Urls::of(&h.checkout).entry(), lang.t("status-continue")));
    let heading = lang.t(heading);
    StatusPage {
        layout: layout(h, &heading, cx),
        heading,
        message: lang.t(message),
        tone,
        link,
    }
}

/// A hosted request that failed: what happened in words a customer understands, never
/// internals, and the request id to quote.
pub fn error_page(error: &AppError, request_id: &str, lang: &'static Lang) -> ErrorPage {
    let t = |id| lang.t(id);
    let (heading, message) = match error {
        AppError::NotFound(_) => (t("error-not-found-heading"), t("error-not-found-text")),
        AppError::Gone(_) => (t("error-link-gone-heading"), t("error-link-gone-text")),
        AppError::Forbidden(_) => (t("error-forbidden-heading"), t("error-forbidden-text")),
        AppError::Unavailable(_) => (t("error-unavailable-heading"), t("error-unavailable-text")),
        AppError::Conflict { detail, .. } => (t("error-conflict-heading"), detail.clone()),
        AppError::TooManyRequests { .. } => (t("error-too-many-heading"), t("error-too-many-text")),
        AppError::Validation(_) | AppError::BadRequest(_) => {
            (t("error-invalid-heading"), error.public_detail())
        }
        _ => (t("error-other-heading"), t("error-other-text")),
    };
    ErrorPage {
        layout: Layout::plain(heading.clone(), lang),
        heading,
        message,
        request_id: request_id.to_owned(),
    }
}
