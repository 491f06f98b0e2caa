//! The hosted forms' protocol: the name of every field, built and parsed here and nowhere
//! else. Pages (`views::checkout`) take their input names from these functions; the handlers
//! parse what comes back with them.

use uuid::Uuid;

use crate::domain::customer::{Address, CustomerData};
use crate::services::checkouts::PlanChoice;

/// The hidden field every form carries (see `routes::csrf`).
pub use crate::routes::csrf::CSRF_FIELD;

/// The quantity input of a product: `quantity.<product_id>`, or per plan
/// (`quantity.<plan_id>.<product_id>`) on a page that offers several plans, since the plans
/// may share products and a form without JavaScript sends every card's inputs.
pub fn quantity_field(plan: Option<Uuid>, product: Uuid) -> String {
    scoped("quantity", plan, product)
}

/// The add-on checkbox of a product: `enabled.<product_id>` or `enabled.<plan>.<product>`.
pub fn enabled_field(plan: Option<Uuid>, product: Uuid) -> String {
    scoped("enabled", plan, product)
}

fn scoped(prefix: &str, plan: Option<Uuid>, product: Uuid) -> String {
    match plan {
        Some(plan) => format!("{prefix}.{plan}.{product}"),
        None => format!("{prefix}.{product}"),
    }
}

/// `<product_id>` or `<plan_id>.<product_id>` after a `quantity.` / `enabled.` prefix.
fn target(rest: &str) -> Option<(Option<Uuid>, Uuid)> {
    match rest.split_once('.') {
        None => Uuid::parse_str(rest).ok().map(|p| (None, p)),
        Some((plan, product)) => Some((
            Some(Uuid::parse_str(plan).ok()?),
            Uuid::parse_str(product).ok()?,
        )),
    }
}

/// The plan step's form (`POST /checkout/{id}/plan`).
pub fn plan_choice(form: &[(String, String)]) -> PlanChoice {
    let mut choice = PlanChoice::default();
    for (k, v) in form {
        if k == UPDATE_TOTAL_FIELD {
            choice.recalculate = true;
        } else if k == "plan_id" {
            choice.plan_id = Uuid::parse_str(v).ok();
        } else if let Some((plan, pid)) = k.strip_prefix("quantity.").and_then(target) {
            match plan {
                Some(plan) => {
                    choice.scoped = true;
                    choice.plan_quantities.insert((plan, pid), v.clone());
                }
                None => {
                    choice.quantities.insert(pid, v.clone());
                }
            }
        } else if let Some((plan, pid)) = k.strip_prefix("enabled.").and_then(target) {
            match plan {
                Some(plan) => {
                    choice.scoped = true;
                    choice.plan_enabled.push((plan, pid));
                }
                None => choice.enabled.push(pid),
            }
        }
    }
    choice
}

/// One input of the details form: its name and how the browser should treat it.
#[derive(Debug, Clone, Copy)]
pub struct DetailField {
    pub name: &'static str,
    pub autocomplete: &'static str,
    /// The input's `type`.
    pub kind: &'static str,
    pub required: bool,
}

const fn field(name: &'static str, autocomplete: &'static str, required: bool) -> DetailField {
    DetailField {
        name,
        autocomplete,
        kind: "text",
        required,
    }
}

/// The details form (`POST /checkout/{id}/details`, SPEC §7), in page order.
pub const DETAIL_FIELDS: [DetailField; 10] = [
    field("customer_name", "name", true),
    DetailField {
        kind: "email",
        ..field("email", "email", true)
    },
    field("company_name", "organization", false),
    field("tax_id", "off", false),
    field("address_line1", "address-line1", false),
    field("address_line2", "address-line2", false),
    field("address_city", "address-level2", false),
    field("address_state", "address-level1", false),
    field("address_postal_code", "postal-code", false),
    field("address_country", "country", false),
];

/// The details form as the customer data it describes.
pub fn customer_data(form: &[(String, String)]) -> CustomerData {
    let get = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    CustomerData {
        customer_name: get("customer_name"),
        email: get("email"),
        phone_number: get("phone_number"),
        company_name: get("company_name"),
        tax_id: get("tax_id"),
        address: Some(Address {
            line1: get("address_line1"),
            line2: get("address_line2"),
            city: get("address_city"),
            state: get("address_state"),
            postal_code: get("address_postal_code"),
            country: get("address_country"),
        }),
    }
}

/// The details form's values for `d` (to fill the form in again).
pub fn detail_values(d: &CustomerData) -> Vec<(&'static str, String)> {
    let a = d.address.clone().unwrap_or_default();
    let v = |o: &Option<String>| o.clone().unwrap_or_default();
    vec![
        ("customer_name", v(&d.customer_name)),
        ("email", v(&d.email)),
        ("company_name", v(&d.company_name)),
        ("tax_id", v(&d.tax_id)),
        ("address_line1", v(&a.line1)),
        ("address_line2", v(&a.line2)),
        ("address_city", v(&a.city)),
        ("address_state", v(&a.state)),
        ("address_postal_code", v(&a.postal_code)),
        ("address_country", v(&a.country)),
    ]
}

/// The review step's promotion code field (SPEC §10); an empty value removes the code.
pub const PROMOTION_CODE_FIELD: &str = "promotion_code";

/// The plan form's "Update total" button: save the choice and show the plan step again with
/// its new order summary, instead of moving on.
pub const UPDATE_TOTAL_FIELD: &str = "update_total";

/// The promotion code typed, as sent (trimmed; empty: remove).
pub fn promotion_code(form: &[(String, String)]) -> String {
    form.iter()
        .find(|(k, _)| k == PROMOTION_CODE_FIELD)
        .map(|(_, v)| v.trim().to_owned())
        .unwrap_or_default()
}

/// The form field a `customer_data.*` JSON path belongs to.
pub fn form_field(json_path: &str) -> String {
    json_path
        .trim_start_matches("customer_data.")
        .replace("address.", "address_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_parse_back_to_what_they_name() {
        let (plan, product) = (Uuid::new_v4(), Uuid::new_v4());
        let form = vec![
            (quantity_field(None, product), "3".to_owned()),
            (enabled_field(None, product), "on".to_owned()),
        ];
        let c = plan_choice(&form);
        assert_eq!(c.quantities.get(&product).map(String::as_str), Some("3"));
        assert_eq!(c.enabled, vec![product]);
        assert!(!c.scoped);
        let form = vec![
            ("plan_id".to_owned(), plan.to_string()),
            (quantity_field(Some(plan), product), "4".to_owned()),
            (enabled_field(Some(plan), product), "on".to_owned()),
        ];
        let c = plan_choice(&form);
        assert!(c.scoped);
        assert_eq!(c.plan_id, Some(plan));
        assert_eq!(
            c.plan_quantities.get(&(plan, product)).map(String::as_str),
            Some("4")
        );
        assert_eq!(c.plan_enabled, vec![(plan, product)]);
    }

    #[test]
    fn every_detail_field_round_trips_through_customer_data() {
        let form: Vec<(String, String)> = DETAIL_FIELDS
            .iter()
            .map(|f| (f.name.to_owned(), format!("v-{}", f.name)))
            .collect();
        let values = detail_values(&customer_data(&form));
        for f in DETAIL_FIELDS {
            let v = values.iter().find(|(n, _)| *n == f.name).map(|(_, v)| v);
            assert_eq!(v, Some(&format!("v-{}", f.name)));
        }
        assert_eq!(form_field("customer_data.address.city"), "address_city");
    }
}
