//! Validation errors that carry the JSON path of the offending field, so the API can list
//! every problem of a request at once (`422`, SPEC §3).

use serde::Serialize;

use super::discount::Unavailable;

/// One problem with one field of a request.
///
/// `field` is a JSON path such as `items[0].pricing.tiers[1].up_to`; `message` says what is
/// wrong in words a developer integrating the API understands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FieldError {
    pub field: String,
    pub message: String,
    /// What is wrong as data, for a field a customer fills in on a hosted page: the page says
    /// it in the customer's language (`views::wording::field_problem`); `message` is its English.
    #[serde(skip)]
    #[schema(ignore)]
    pub problem: Option<Problem>,
}

/// The problems a customer can meet on the hosted forms.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("is required")]
    Required,
    #[error("must be at most {max} characters")]
    TooLong { max: usize },
    #[error("must not contain control characters")]
    ControlCharacters,
    #[error("enter a valid email address, like name@example.com")]
    Email,
    #[error("must be a two-letter ISO 3166 country code, like US or DE")]
    Country,
    #[error("choose one of the plans offered")]
    NotOffered,
    #[error("enter a whole number within the allowed range")]
    Quantity,
    /// A coupon or promotion code that cannot be used.
    #[error("{0}")]
    Code(Unavailable),
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
            problem: None,
        }
    }

    /// `problem` at `field`, its English as the message.
    pub fn because(field: impl Into<String>, problem: Problem) -> Self {
        Self {
            field: field.into(),
            message: problem.to_string(),
            problem: Some(problem),
        }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_error_serializes_as_field_and_message() {
        let e = FieldError::new("items[0].quantity", "must be at least 1");
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"field":"items[0].quantity","message":"must be at least 1"}"#
        );
        assert_eq!(e.to_string(), "items[0].quantity: must be at least 1");
    }
}
