//! What each checkout use case can answer besides success. One enum per use case; the edge
//! maps each to a response in one place (`crate::error`), and a hosted handler reads the
//! variants it turns into a page.
//!
//! Unexpected failures carry the cause chain with what we were doing
//! (`.context("reading the session")`); a database that cannot be reached stays visible in
//! that chain as `StorageError::Unavailable`, so it is answered `503`, never a `4xx`.

use crate::domain::checkout::CheckoutStatus;
use crate::domain::invoice::Estimates;
use crate::domain::validation::FieldError;

/// `create` and `preview`.
#[derive(Debug, thiserror::Error)]
pub enum CreateError {
    /// Every offending field, by its JSON path.
    #[error("invalid checkout request")]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// `get`, `list` and the hosted pages' reads.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("no such checkout session")]
    NotFound,
    /// Bad list filters or pagination.
    #[error("invalid query")]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// `patch` and the hosted plan and details steps.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("no such checkout session")]
    NotFound,
    /// Only open sessions change; this one is in the given state.
    #[error("the session is {0} and cannot be changed")]
    NotOpen(CheckoutStatus),
    #[error("invalid change")]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// `confirm` (API and hosted).
#[derive(Debug, thiserror::Error)]
pub enum ConfirmError {
    #[error("no such checkout session")]
    NotFound,
    #[error("the session is {0} and cannot be confirmed")]
    NotOpen(CheckoutStatus),
    /// The session cannot be confirmed as it is (a guest's details are incomplete, the
    /// catalog changed under it).
    #[error("the session is not complete")]
    Invalid(Vec<FieldError>),
    /// Recomputing gave another estimate than the one reviewed; it is now stored on the
    /// session for the customer to accept.
    #[error("the estimate changed since it was shown")]
    EstimateChanged { estimates: Box<Estimates> },
    /// The contract was amended since the estimate was made.
    #[error("the contract changed since the estimate was made")]
    ContractChanged,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// `cancel` and `expire`.
#[derive(Debug, thiserror::Error)]
pub enum CloseError {
    #[error("no such checkout session")]
    NotFound,
    #[error("the session is {status} and cannot be {action}")]
    NotOpen {
        status: CheckoutStatus,
        /// `"cancelled"` or `"expired"`.
        action: &'static str,
    },
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<ReadError> for EditError {
    fn from(e: ReadError) -> Self {
        match e {
            ReadError::NotFound => EditError::NotFound,
            ReadError::Invalid(es) => EditError::Invalid(es),
            ReadError::Unexpected(e) => EditError::Unexpected(e),
        }
    }
}
