//! Customer details: what a merchant prefills and what a guest types on the details page.

use serde::{Deserialize, Serialize};

use super::validation::{FieldError, Problem};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Address {
    #[serde(default)]
    pub line1: Option<String>,
    #[serde(default)]
    pub line2: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub state: Option<String>,
    #[serde(default)]
    pub postal_code: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
}

/// Customer data as stored on a checkout session (possibly incomplete while a guest types).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomerData {
    #[serde(default)]
    pub customer_name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone_number: Option<String>,
    #[serde(default)]
    pub company_name: Option<String>,
    #[serde(default)]
    pub tax_id: Option<String>,
    #[serde(default)]
    pub address: Option<Address>,
}

const MAX_TEXT: usize = 200;

fn clean(v: &Option<String>) -> Option<String> {
    v.as_ref()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

fn check_text(path: &str, v: &Option<String>, errors: &mut Vec<FieldError>) {
    if let Some(s) = v {
        if s.chars().count() > MAX_TEXT {
            errors.push(FieldError::because(
                path,
                Problem::TooLong { max: MAX_TEXT },
            ));
        } else if s.chars().any(|c| c.is_control()) {
            errors.push(FieldError::because(path, Problem::ControlCharacters));
        }
    }
}

pub fn validate_email(path: &str, email: &str, errors: &mut Vec<FieldError>) {
    if email.len() > 254 || !email_address::EmailAddress::is_valid(email) || !email.contains('.') {
        errors.push(FieldError::because(path, Problem::Email));
    }
}

pub fn validate_country(path: &str, country: &str, errors: &mut Vec<FieldError>) {
    if isocountry::CountryCode::for_alpha2(country).is_err() {
        errors.push(FieldError::because(path, Problem::Country));
    }
}

impl Address {
    fn normalised(&self) -> Address {
        Address {
            line1: clean(&self.line1),
            line2: clean(&self.line2),
            city: clean(&self.city),
            state: clean(&self.state),
            postal_code: clean(&self.postal_code),
            country: clean(&self.country).map(|c| c.to_ascii_uppercase()),
        }
    }

    fn is_empty(&self) -> bool {
        *self == Address::default()
    }

    pub fn validate(&self, path: &str, errors: &mut Vec<FieldError>) {
        check_text(&format!("{path}.line1"), &self.line1, errors);
        check_text(&format!("{path}.line2"), &self.line2, errors);
        check_text(&format!("{path}.city"), &self.city, errors);
        check_text(&format!("{path}.state"), &self.state, errors);
        check_text(&format!("{path}.postal_code"), &self.postal_code, errors);
        if let Some(c) = &self.country {
            validate_country(&format!("{path}.country"), c, errors);
        }
    }
}

impl CustomerData {
    /// Trims every field, drops empty ones, upper-cases the country.
    pub fn normalised(&self) -> CustomerData {
        CustomerData {
            customer_name: clean(&self.customer_name),
            email: clean(&self.email),
            phone_number: clean(&self.phone_number),
            company_name: clean(&self.company_name),
            tax_id: clean(&self.tax_id),
            address: self
                .address
                .as_ref()
                .map(Address::normalised)
                .filter(|a| !a.is_empty()),
        }
    }

    /// Format checks on what is present (`path` is the JSON path prefix, e.g. `customer_data`).
    pub fn validate_present(&self, path: &str, errors: &mut Vec<FieldError>) {
        check_text(
            &format!("{path}.customer_name"),
            &self.customer_name,
            errors,
        );
        check_text(&format!("{path}.company_name"), &self.company_name, errors);
        check_text(&format!("{path}.tax_id"), &self.tax_id, errors);
        check_text(&format!("{path}.phone_number"), &self.phone_number, errors);
        if let Some(e) = &self.email {
            validate_email(&format!("{path}.email"), e, errors);
        }
        if let Some(a) = &self.address {
            a.validate(&format!("{path}.address"), errors);
        }
    }

    /// What a guest must have given before a contract can be created for them:
    /// a name and an email address (and everything present well-formed).
    pub fn validate_complete(&self, path: &str) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.customer_name.is_none() {
            errors.push(FieldError::because(
                format!("{path}.customer_name"),
                Problem::Required,
            ));
        }
        if self.email.is_none() {
            errors.push(FieldError::because(
                format!("{path}.email"),
                Problem::Required,
            ));
        }
        self.validate_present(path, &mut errors);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complete_guest_needs_name_and_email() {
        let d = CustomerData::default();
        let errs = d.validate_complete("customer_data").unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["customer_data.customer_name", "customer_data.email"]
        );
    }

    #[test]
    fn bad_email_and_country_are_named() {
        let d = CustomerData {
            customer_name: Some("Ada".into()),
            email: Some("not-an-email".into()),
            address: Some(Address {
                country: Some("XX".into()),
                ..Address::default()
            }),
            ..CustomerData::default()
        }
        .normalised();
        let errs = d.validate_complete("c").unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["c.email", "c.address.country"]);
    }

    #[test]
    fn normalising_trims_and_uppercases() {
        let d = CustomerData {
            customer_name: Some("  Ada  ".into()),
            email: Some("".into()),
            address: Some(Address {
                country: Some(" de ".into()),
                ..Address::default()
            }),
            ..CustomerData::default()
        }
        .normalised();
        assert_eq!(d.customer_name.as_deref(), Some("Ada"));
        assert_eq!(d.email, None);
        assert_eq!(d.address.unwrap().country.as_deref(), Some("DE"));
    }
}
