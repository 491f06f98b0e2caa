//! One struct per page; each names its template.

use askama::Template;
use askama_web::WebTemplate;

use super::{InvoiceView, Layout, TierRow};

#[derive(Debug, Clone)]
pub struct Step {
    pub label: String,
    pub href: String,
    pub current: bool,
    pub done: bool,
}

#[derive(Debug, Clone)]
pub struct ItemRow {
    pub product_id: String,
    pub name: String,
    pub description: String,
    pub price: String,
    pub tiers: Vec<TierRow>,
    pub quantity: u64,
    pub min: String,
    pub max: String,
    pub adjustable: bool,
    pub optional: bool,
    pub enabled: bool,
    /// Form names of the quantity input and the add-on checkbox (per plan when the page
    /// offers several plans, see `PlanChoice`).
    pub quantity_name: String,
    pub enabled_name: String,
    /// For amendments: what the contract has now ("5 seats", "off").
    pub current: String,
    pub error: String,
    /// Words prepared in the page's language: "Add Support", "Now: 5 now",
    /// "Price tiers for Seats", "(1–10)", "Quantity: 3".
    pub add_label: String,
    pub now_label: String,
    pub tiers_caption: String,
    pub range_label: String,
    pub fixed_label: String,
}

#[derive(Debug, Clone)]
pub struct PlanCard {
    pub id: String,
    pub name: String,
    pub description: String,
    pub period: String,
    pub per_period: String,
    /// "Billed every month."
    pub billed_every: String,
    pub selected: bool,
    pub items: Vec<ItemRow>,
}

/// What the customer's choice costs: invoiced today, then what recurs from when. Shown beside
/// the plan form (recalculated by its "Update total" button) and at the top of the review.
#[derive(Debug, Clone)]
pub struct OrderSummary {
    /// The amount invoiced on confirming.
    pub today: String,
    /// "Then $60.00 per month from Jan 1, 2027." (empty when nothing recurs).
    pub then: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "checkout/plan.html")]
pub struct PlanPage {
    pub layout: Layout,
    pub steps: Vec<Step>,
    pub action: String,
    pub heading: String,
    pub intro: String,
    /// Amendments: the contract's current plan, shown beside the new one.
    pub current_plan: Option<PlanCard>,
    /// "Your current plan: Team".
    pub current_heading: String,
    pub plans: Vec<PlanCard>,
    pub choose_plan: bool,
    pub has_inputs: bool,
    pub error_summary: Vec<String>,
    /// The name of the submit button that only recalculates the summary.
    pub update_field: &'static str,
    pub summary: Option<OrderSummary>,
}

#[derive(Debug, Clone, Default)]
pub struct FieldView {
    pub name: &'static str,
    pub label: String,
    pub value: String,
    pub error: String,
    pub required: bool,
    pub autocomplete: &'static str,
    pub kind: &'static str,
}

#[derive(Template, WebTemplate)]
#[template(path = "checkout/details.html")]
pub struct DetailsPage {
    pub layout: Layout,
    pub steps: Vec<Step>,
    pub action: String,
    pub fields: Vec<FieldView>,
    pub error_summary: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct ContractLine {
    pub name: String,
    pub quantity: String,
    pub price: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "checkout/review.html")]
pub struct ReviewPage {
    pub layout: Layout,
    pub steps: Vec<Step>,
    pub confirm_action: String,
    pub cancel_action: String,
    pub heading: String,
    /// Plan changes: "From Team (monthly) to Team (annual)".
    pub from_to: String,
    pub summary: OrderSummary,
    pub plan_name: String,
    pub dates: String,
    pub billing: String,
    pub lines: Vec<ContractLine>,
    pub change_summary: String,
    pub customer_lines: Vec<String>,
    pub current_invoice: InvoiceView,
    pub next_invoice: Option<InvoiceView>,
    /// "You'll be invoiced <strong>$60.00</strong> today." (HTML, its parts escaped).
    pub invoiced_today: String,
    pub notice: String,
    pub confirm_label: String,
    /// The discount in words ("20% off for 3 months, then $96.00 per month."); empty without.
    pub discount_summary: String,
    /// The promotion code field, when the session takes codes.
    pub promotion: Option<PromotionBox>,
}

/// The review step's promotion code form (apply, and remove once one is applied).
pub struct PromotionBox {
    pub action: String,
    pub field: &'static str,
    /// What was typed (kept on a refused code).
    pub value: String,
    /// Why the code typed cannot be used; empty when none was refused.
    pub error: String,
    /// The code applied now; empty without one.
    pub applied: String,
    /// "Code <strong>SPRING20</strong> applied." (HTML, its parts escaped).
    pub applied_html: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "checkout/status.html")]
pub struct StatusPage {
    pub layout: Layout,
    pub heading: String,
    pub message: String,
    pub tone: &'static str,
    pub link: Option<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub layout: Layout,
    pub heading: String,
    pub message: String,
    pub request_id: String,
}
