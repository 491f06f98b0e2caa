//! Validation errors that carry the JSON path of the offending field, so the API can list
//! every problem of a request at once (`422`, SPEC §3).

use serde::Serialize;

/// One problem with one field of a request.
///
/// `field` is a JSON path such as `items[0].pricing.tiers[1].up_to`; `message` says what is
/// wrong in words a developer integrating the API understands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
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
