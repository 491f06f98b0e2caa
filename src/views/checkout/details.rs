//! The details step (guests): the customer's name, email, company and address.

use super::{StepId, Urls, layout, steps};
use crate::domain::validation::FieldError;
use crate::routes::hosted::forms::{DETAIL_FIELDS, form_field};
use crate::services::checkouts::HostedCheckout;
use crate::views::PageCx;
use crate::views::pages::{DetailsPage, FieldView};
use crate::views::wording::field_problem;

/// The message of a details field's label, by its form name.
fn label(name: &str) -> Option<&'static str> {
    Some(match name {
        "customer_name" => "label-customer-name",
        "email" => "label-email",
        "company_name" => "label-company-name",
        "tax_id" => "label-tax-id",
        "address_line1" => "label-address-line1",
        "address_line2" => "label-address-line2",
        "address_city" => "label-address-city",
        "address_state" => "label-address-state",
        "address_postal_code" => "label-address-postal-code",
        "address_country" => "label-address-country",
        _ => return None,
    })
}

/// The form with `values` typed in and each error beside its field.
pub fn details_page(
    h: &HostedCheckout,
    cx: &PageCx,
    values: &[(&'static str, String)],
    errors: &[FieldError],
) -> DetailsPage {
    let lang = cx.lang;
    let label_of = |name: &str| label(name).map_or_else(|| name.to_owned(), |id| lang.t(id));
    let fields = DETAIL_FIELDS
        .iter()
        .map(|f| FieldView {
            name: f.name,
            label: label_of(f.name),
            value: values
                .iter()
                .find(|(n, _)| *n == f.name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
            error: errors
                .iter()
                .find(|e| form_field(&e.field) == f.name)
                .map(|e| field_problem(lang, e))
                .unwrap_or_default(),
            required: f.required,
            autocomplete: f.autocomplete,
            kind: f.kind,
        })
        .collect();
    DetailsPage {
        layout: layout(h, &lang.t("details-heading"), cx),
        steps: steps(h, StepId::Details, lang),
        action: Urls::of(&h.checkout).details(),
        fields,
        error_summary: errors
            .iter()
            .map(|e| {
                let label = label_of(&form_field(&e.field));
                let message = field_problem(lang, e);
                lang.tf(
                    "field-error-item",
                    &[("label", (&label).into()), ("message", (&message).into())],
                )
            })
            .collect(),
    }
}
