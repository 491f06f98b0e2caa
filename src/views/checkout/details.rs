//! The details step (guests): the customer's name, email, company and address.

use super::{Urls, layout, steps};
use crate::domain::validation::FieldError;
use crate::routes::hosted::forms::{DETAIL_FIELDS, form_field};
use crate::services::checkouts::HostedCheckout;
use crate::views::pages::{DetailsPage, FieldView};

/// The label of a details field, by its form name.
fn label(name: &str) -> Option<&'static str> {
    Some(match name {
        "customer_name" => "Full name",
        "email" => "Email",
        "company_name" => "Company",
        "tax_id" => "Tax ID",
        "address_line1" => "Address line 1",
        "address_line2" => "Address line 2",
        "address_city" => "City",
        "address_state" => "State / region",
        "address_postal_code" => "Postal code",
        "address_country" => "Country (2-letter code, e.g. US)",
        _ => return None,
    })
}

/// The form with `values` typed in and each error beside its field.
pub fn details_page(
    h: &HostedCheckout,
    csrf: &str,
    nonce: &str,
    values: &[(&'static str, String)],
    errors: &[FieldError],
) -> DetailsPage {
    let fields = DETAIL_FIELDS
        .iter()
        .map(|f| FieldView {
            name: f.name,
            label: label(f.name).unwrap_or(f.name),
            value: values
                .iter()
                .find(|(n, _)| *n == f.name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
            error: errors
                .iter()
                .find(|e| form_field(&e.field) == f.name)
                .map(|e| e.message.clone())
                .unwrap_or_default(),
            required: f.required,
            autocomplete: f.autocomplete,
            kind: f.kind,
        })
        .collect();
    DetailsPage {
        layout: layout(h, "Your details", csrf, nonce),
        steps: steps(h, "Details"),
        action: Urls::of(&h.checkout).details(),
        fields,
        error_summary: errors
            .iter()
            .map(|e| {
                let f = form_field(&e.field);
                let label = label(&f).unwrap_or(f.as_str());
                format!("{label}: {}", e.message)
            })
            .collect(),
    }
}
