//! The pages that end a flow: a session's status (completed, cancelled, expired, a finished
//! preview) and the friendly error page with its request id.

use super::{Urls, layout};
use crate::domain::checkout::{CheckoutStatus, CheckoutType};
use crate::error::AppError;
use crate::services::checkouts::HostedCheckout;
use crate::views::Layout;
use crate::views::pages::{ErrorPage, StatusPage};

/// What a closed session (or a finished preview) shows instead of the form.
pub fn status_page(h: &HostedCheckout, preview_done: bool, nonce: &str) -> StatusPage {
    let (heading, message, tone) = match (h.status, preview_done) {
        (_, true) => (
            "Preview complete",
            "Everything checked out. This was a preview, so no subscription was created or changed.",
            "success",
        ),
        (CheckoutStatus::ContractCreated, _) => (
            "You're all set",
            match h.checkout.checkout_type {
                CheckoutType::NewSubscription => {
                    "Your subscription is confirmed. You can close this page."
                }
                _ => "Your subscription has been updated.",
            },
            "success",
        ),
        (CheckoutStatus::Cancelled, _) => (
            "Checkout cancelled",
            "Nothing was charged and nothing changed.",
            "neutral",
        ),
        (CheckoutStatus::Expired, _) => (
            "This checkout has expired",
            "The link is no longer valid. Please ask the seller for a new one.",
            "neutral",
        ),
        (CheckoutStatus::Open, _) => (
            "Checkout in progress",
            "This checkout is still open.",
            "neutral",
        ),
    };
    let link = (h.status == CheckoutStatus::Open && !preview_done).then(|| {
        (
            Urls::of(&h.checkout).entry(),
            "Continue checkout".to_owned(),
        )
    });
    StatusPage {
        layout: layout(h, heading, "", nonce),
        heading: heading.into(),
        message: message.into(),
        tone,
        link,
    }
}

/// A hosted request that failed: what happened in words a customer understands, never
/// internals, and the request id to quote.
pub fn error_page(error: &AppError, request_id: &str) -> ErrorPage {
    let (heading, message) = match error {
        AppError::NotFound(_) => (
            "Checkout not found",
            "This checkout link is not valid. Please ask the seller for a new link.".to_owned(),
        ),
        AppError::Forbidden(_) => (
            "Your session has expired",
            "For your security this form could not be submitted. Go back, reload the page and try again.".to_owned(),
        ),
        AppError::Unavailable(_) => (
            "We'll be right back",
            "The checkout is briefly unavailable. Please try again in a moment.".to_owned(),
        ),
        AppError::Conflict { detail, .. } => ("This checkout cannot continue", detail.clone()),
        AppError::TooManyRequests { .. } => (
            "Too many attempts",
            "Please wait a moment, then go back and try again. Nothing was charged.".to_owned(),
        ),
        AppError::Validation(_) | AppError::BadRequest(_) => {
            ("Something is not right", error.public_detail())
        }
        _ => (
            "Something went wrong",
            "We could not complete this step. Nothing was charged. Please try again.".to_owned(),
        ),
    };
    ErrorPage {
        layout: Layout::plain(heading),
        heading: heading.into(),
        message,
        request_id: request_id.to_owned(),
    }
}
