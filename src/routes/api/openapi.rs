//! The OpenAPI 3.1 document, served at `GET /openapi.json`. Schemas are derived from the types
//! the handlers actually decode and encode; the operations are declared here, one per route
//! (a test checks every registered API route has one).

use actix_web::HttpResponse;
use serde::Serialize;
use serde_json::Value;
use utoipa::openapi::security::{ApiKey as ApiKeyScheme, ApiKeyValue, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

use super::catalog_dto::{NewCustomer, NewEntity, NewPlan, NewPlanItem, NewProduct};
use super::discounts::{
    AppliesTo, AppliesToJson, CouponJson, NewCoupon, NewPromotionCode, PromotionCodeChange,
    PromotionCodeJson, RestrictionsJson,
};
use super::dto::{
    CancelCheckout, CheckoutView, CreateCheckout, DiscountEntry, ImportContract, ListResponse,
    PatchCheckout, PreviewView,
};
use super::keys::{CreateApiKey, CreatedApiKey};
use super::links::{CheckoutLinkChange, CheckoutLinkJson, NewCheckoutLink};
use super::webhooks::{
    CreateEndpoint, EndpointView, EventView, OrganisationView, PatchEndpoint, ResendEvent,
};
use crate::domain::catalog::{
    ApiKey, BusinessEntity, Contract, ContractItem, ContractPhase, ContractStatus, ContractVersion,
    Customer, Plan, PlanItem, PlanStatus, Product,
};
use crate::domain::checkout::{ChangeSummary, CheckoutStatus, CheckoutType};
use crate::domain::customer::{Address, CustomerData};
use crate::domain::discount::{
    AppliedDiscount, Discount, DiscountDuration, DiscountRef, DiscountValue,
};
use crate::domain::events::{Attempt, Delivery, DeliveryStatus, EndpointStatus, EventType};
use crate::domain::invoice::{Estimates, Invoice, LineItem, LineKind};
use crate::domain::overrides::{ItemOverride, ProrationBehavior};
use crate::domain::period::BillingPeriod;
use crate::domain::pricing::{ItemBilling, PricingInput, PricingType, Tier};
use crate::domain::validation::FieldError;

/// An RFC 9457 problem document (`application/problem+json`).
#[derive(Serialize, ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Validation errors (422), each naming its field by JSON path.
    pub errors: Option<Vec<FieldError>>,
    /// A changed estimate at confirm (409).
    pub estimates: Option<Estimates>,
}

struct ApiKeyAuth;

impl Modify for ApiKeyAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::ApiKey(ApiKeyScheme::Header(ApiKeyValue::new("x-api-key"))),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "hosted-checkout", description = "Hosted checkout for subscription billing: catalog, contracts and checkout sessions."),
    modifiers(&ApiKeyAuth),
    security(("api_key" = [])),
    paths(
        create_entity, list_entities, get_entity,
        create_customer, list_customers, get_customer,
        create_product, list_products, get_product,
        create_plan, list_plans, get_plan, archive_plan,
        import_contract, list_contracts, get_contract,
        create_checkout, preview_checkout, list_checkouts, get_checkout, patch_checkout,
        confirm_checkout, cancel_checkout, expire_checkout,
        create_webhook_endpoint, list_webhook_endpoints, get_webhook_endpoint,
        patch_webhook_endpoint, delete_webhook_endpoint, rotate_webhook_secret,
        list_events, get_event, resend_event, get_organisation, rotate_redirect_secret,
        create_api_key, list_api_keys, revoke_api_key,
        create_checkout_link, list_checkout_links, get_checkout_link, patch_checkout_link,
        create_coupon, list_coupons, get_coupon, archive_coupon,
        create_promotion_code, list_promotion_codes, get_promotion_code, patch_promotion_code,
    ),
    components(schemas(
        Problem, FieldError, BusinessEntity, Customer, Product, Plan, PlanItem, PlanStatus,
        Contract, ContractItem, ContractVersion, ContractPhase, ContractStatus, Address, CustomerData,
        BillingPeriod, ItemBilling, PricingInput, PricingType, Tier, Estimates, Invoice, LineItem,
        LineKind, ProrationBehavior, ItemOverride, ChangeSummary, CheckoutStatus, CheckoutType,
        CheckoutView, PreviewView, CreateCheckout, PatchCheckout, CancelCheckout, ImportContract,
        NewEntity, NewCustomer, NewProduct, NewPlan, NewPlanItem,
        CreateEndpoint, PatchEndpoint, EndpointView, EndpointStatus, ResendEvent, EventView,
        EventType, Delivery, DeliveryStatus, Attempt, OrganisationView, ApiKey, CreateApiKey,
        CreatedApiKey, NewCoupon, AppliesTo, AppliesToJson, CouponJson, NewPromotionCode,
        RestrictionsJson, PromotionCodeChange, PromotionCodeJson, DiscountEntry, DiscountRef,
        AppliedDiscount, Discount, DiscountValue, DiscountDuration, NewCheckoutLink,
        CheckoutLinkChange, CheckoutLinkJson,
    )),
    tags(
        (name = "catalog", description = "Business entities, customers, products and plans"),
        (name = "contracts", description = "Contracts and their versions"),
        (name = "checkouts", description = "Checkout sessions"),
        (name = "discounts", description = "Coupons and promotion codes"),
        (name = "webhooks", description = "Webhook endpoints and events (signed, retried, re-sendable)"),
        (name = "checkout_links", description = "Reusable links: each visit opens a guest checkout session"),
        (name = "organisation", description = "The caller's organisation and its redirect secret"),
    )
)]
pub struct ApiDoc;

pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(document())
}

/// The OpenAPI 3.1 document, built once: utoipa's output with what a standard validator and
/// client generators need (a `description` on every response) and money described as exact.
pub fn document() -> &'static str {
    static DOCUMENT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DOCUMENT.get_or_init(|| {
        let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or_default();
        describe_responses(&mut doc);
        exact_money(&mut doc);
        doc.to_string()
    })
}

/// Every response object must have a `description` (OpenAPI 3.1, §4.8.17); these say what
/// each status means in this API.
fn describe_responses(doc: &mut Value) {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for operation in paths.values_mut().filter_map(Value::as_object_mut) {
        for op in operation.values_mut() {
            let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else {
                continue;
            };
            // Any operation may be rate limited or meet a database that is briefly away.
            for status in ["429", "503"] {
                responses
                    .entry(status)
                    .or_insert_with(|| serde_json::json!({
                        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
                        "headers": {"Retry-After": {"description": "Seconds to wait before retrying", "schema": {"type": "integer", "minimum": 1}}},
                    }));
            }
            for (status, response) in responses.iter_mut() {
                if let Some(r) = response.as_object_mut()
                    && !r.contains_key("description")
                {
                    r.insert("description".into(), Value::from(status_meaning(status)));
                }
            }
        }
    }
}

fn status_meaning(status: &str) -> &'static str {
    match status {
        "200" => "OK",
        "201" => "Created",
        "400" => "Malformed JSON (problem+json)",
        "401" => "Missing or invalid API key (problem+json)",
        "404" => "No such object in this organisation (problem+json)",
        "409" => {
            "State conflict, a changed estimate (with `estimates`), or an idempotency key reused with another body (problem+json)"
        }
        "413" => "Body over 64 KiB (problem+json)",
        "429" => "Over the rate limit of this API key; retry after `Retry-After` (problem+json)",
        "422" => {
            "Validation failed: `errors` names every offending field by its JSON path (problem+json)"
        }
        "503" => "The database is briefly unavailable; retry after `Retry-After` (problem+json)",
        _ => "See the problem document",
    }
}

const MONEY_NOTE: &str = "Exact decimal in major currency units (e.g. 29.99). Responses carry exact JSON numbers; requests accept a number or a decimal string. Parse into a decimal type, never a binary float.";

/// Money is `rust_decimal` (utoipa's `decimal_float`: `number`/`double`), which a generated
/// client would read as a float. Say `format: decimal`, with the note, so it can keep it exact.
fn exact_money(v: &mut Value) {
    match v {
        Value::Object(o) => {
            let number = match o.get("type") {
                Some(Value::String(t)) => t == "number",
                // `["number", "null"]`: an optional amount.
                Some(Value::Array(ts)) => ts.iter().any(|t| t == "number"),
                _ => false,
            };
            if number && o.get("format").and_then(Value::as_str) == Some("double") {
                o.insert("format".into(), Value::from("decimal"));
                let note = match o.get("description").and_then(Value::as_str) {
                    Some(d) => format!("{d} {MONEY_NOTE}"),
                    None => MONEY_NOTE.to_owned(),
                };
                o.insert("description".into(), Value::from(note));
            }
            o.values_mut().for_each(exact_money);
        }
        Value::Array(a) => a.iter_mut().for_each(exact_money),
        _ => {}
    }
}

// One declaration per operation. Shared responses: 401 (no/wrong key), 404, 409, 413, 422.

/// Create a business entity (a seller)
#[utoipa::path(post, path = "/business_entities", tag = "catalog", request_body = NewEntity,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first response for the same key and body")),
    responses((status = 201, body = BusinessEntity), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn create_entity() {}

/// List business entities, newest first
#[utoipa::path(get, path = "/business_entities", tag = "catalog",
    params(("limit" = Option<u32>, Query, minimum = 1, maximum = 100), ("starting_after" = Option<uuid::Uuid>, Query)),
    responses((status = 200, body = ListResponse<BusinessEntity>), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn list_entities() {}

/// Get a business entity
#[utoipa::path(get, path = "/business_entities/{id}", tag = "catalog", params(("id" = uuid::Uuid, Path)),
    responses((status = 200, body = BusinessEntity), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub fn get_entity() {}

/// Create a customer
#[utoipa::path(post, path = "/customers", tag = "catalog", request_body = NewCustomer,
    params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = Customer), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn create_customer() {}

/// List customers, newest first
#[utoipa::path(get, path = "/customers", tag = "catalog",
    params(("limit" = Option<u32>, Query, minimum = 1, maximum = 100), ("starting_after" = Option<uuid::Uuid>, Query)),
    responses((status = 200, body = ListResponse<Customer>), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn list_customers() {}

/// Get a customer
#[utoipa::path(get, path = "/customers/{id}", tag = "catalog", params(("id" = uuid::Uuid, Path)),
    responses((status = 200, body = Customer), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub fn get_customer() {}

/// Create a product
#[utoipa::path(post, path = "/products", tag = "catalog", request_body = NewProduct,
    params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = Product), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn create_product() {}

/// List products, newest first
#[utoipa::path(get, path = "/products", tag = "catalog",
    params(("limit" = Option<u32>, Query, minimum = 1, maximum = 100), ("starting_after" = Option<uuid::Uuid>, Query)),
    responses((status = 200, body = ListResponse<Product>), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn list_products() {}

/// Get a product
#[utoipa::path(get, path = "/products/{id}", tag = "catalog", params(("id" = uuid::Uuid, Path)),
    responses((status = 200, body = Product), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub fn get_product() {}

/// Create a plan
#[utoipa::path(post, path = "/plans", tag = "catalog", request_body = NewPlan,
    params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = Plan), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn create_plan() {}

/// List plans, newest first
#[utoipa::path(get, path = "/plans", tag = "catalog",
    params(("limit" = Option<u32>, Query, minimum = 1, maximum = 100), ("starting_after" = Option<uuid::Uuid>, Query)),
    responses((status = 200, body = ListResponse<Plan>), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn list_plans() {}

/// Get a plan
#[utoipa::path(get, path = "/plans/{id}", tag = "catalog", params(("id" = uuid::Uuid, Path)),
    responses((status = 200, body = Plan), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub fn get_plan() {}

/// Create a coupon
#[utoipa::path(post, path = "/coupons", tag = "discounts", request_body = NewCoupon,
    params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = CouponJson), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn create_coupon() {}

/// List coupons, newest first
#[utoipa::path(get, path = "/coupons", tag = "discounts",
    params(("limit" = Option<u32>, Query, minimum = 1, maximum = 100), ("starting_after" = Option<uuid::Uuid>, Query)),
    responses((status = 200, body = ListResponse<CouponJson>), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn list_coupons() {}

/// Get a coupon
#[utoipa::path(get, path = "/coupons/{id}", tag = "discounts", params(("id" = uuid::Uuid, Path)),
    responses((status = 200, body = CouponJson), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub fn get_coupon() {}

/// Archive a coupon (it can no longer be redeemed; contracts keep theirs)
#[utoipa::path(post, path = "/coupons/{id}/archive", tag = "discounts", params(("id" = uuid::Uuid, Path), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = CouponJson), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn archive_coupon() {}

/// Create a promotion code for a coupon
#[utoipa::path(post, path = "/promotion_codes", tag = "discounts", request_body = NewPromotionCode,
    params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = PromotionCodeJson), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn create_promotion_code() {}

/// List promotion codes, newest first
#[utoipa::path(get, path = "/promotion_codes", tag = "discounts",
    params(("limit" = Option<u32>, Query, minimum = 1, maximum = 100), ("starting_after" = Option<uuid::Uuid>, Query)),
    responses((status = 200, body = ListResponse<PromotionCodeJson>), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn list_promotion_codes() {}

/// Get a promotion code
#[utoipa::path(get, path = "/promotion_codes/{id}", tag = "discounts", params(("id" = uuid::Uuid, Path)),
    responses((status = 200, body = PromotionCodeJson), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub fn get_promotion_code() {}

/// Activate or deactivate a promotion code
#[utoipa::path(patch, path = "/promotion_codes/{id}", tag = "discounts", params(("id" = uuid::Uuid, Path)), request_body = PromotionCodeChange,
    responses((status = 200, body = PromotionCodeJson), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn patch_promotion_code() {}

/// Archive a plan (it can no longer be bought)
#[utoipa::path(post, path = "/plans/{id}/archive", tag = "catalog", params(("id" = uuid::Uuid, Path), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = Plan), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn archive_plan() {}

/// Import an existing contract without a checkout
#[utoipa::path(post, path = "/contracts", tag = "contracts", request_body = ImportContract,
    params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = Contract), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn import_contract() {}

/// List contracts, newest first
#[utoipa::path(get, path = "/contracts", tag = "contracts",
    params(("limit" = Option<u32>, Query, minimum = 1, maximum = 100), ("starting_after" = Option<uuid::Uuid>, Query)),
    responses((status = 200, body = ListResponse<Contract>), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn list_contracts() {}

/// Get a contract with its versions
#[utoipa::path(get, path = "/contracts/{id}", tag = "contracts", params(("id" = uuid::Uuid, Path)),
    responses((status = 200, body = Contract), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub fn get_contract() {}

/// Create a checkout session
#[utoipa::path(post, path = "/checkouts", tag = "checkouts", request_body = CreateCheckout,
    params(("Idempotency-Key" = Option<String>, Header, description = "Same key and body: the first response; same key, other body: 409")),
    responses((status = 201, body = CheckoutView), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn create_checkout() {}

/// Preview the estimates of a checkout session without creating it
#[utoipa::path(post, path = "/checkouts/preview", tag = "checkouts", request_body = CreateCheckout,
    responses((status = 200, body = PreviewView), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn preview_checkout() {}

/// List checkout sessions, newest first, with filters
#[utoipa::path(get, path = "/checkouts", tag = "checkouts",
    params(("limit" = Option<u32>, Query, minimum = 1, maximum = 100), ("starting_after" = Option<uuid::Uuid>, Query),
        ("checkout_status" = Option<CheckoutStatus>, Query), ("customer_id" = Option<uuid::Uuid>, Query), ("checkout_type" = Option<CheckoutType>, Query), ("checkout_link_id" = Option<uuid::Uuid>, Query), ("customer_email" = Option<String>, Query, description = "The email address the customer entered, else the existing customer's; any case")),
    responses((status = 200, body = ListResponse<CheckoutView>), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn list_checkouts() {}

/// Get a checkout session
#[utoipa::path(get, path = "/checkouts/{id}", tag = "checkouts", params(("id" = uuid::Uuid, Path)),
    responses((status = 200, body = CheckoutView), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub fn get_checkout() {}

/// Change an open checkout session (estimates are recomputed)
#[utoipa::path(patch, path = "/checkouts/{id}", tag = "checkouts", params(("id" = uuid::Uuid, Path)), request_body = PatchCheckout,
    responses((status = 200, body = CheckoutView), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn patch_checkout() {}

/// Confirm a checkout session: create or amend the contract
#[utoipa::path(post, path = "/checkouts/{id}/confirm", tag = "checkouts", params(("id" = uuid::Uuid, Path), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = CheckoutView), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn confirm_checkout() {}

/// Cancel an open checkout session
#[utoipa::path(post, path = "/checkouts/{id}/cancel", tag = "checkouts", params(("id" = uuid::Uuid, Path), ("Idempotency-Key" = Option<String>, Header)), request_body(content = Option<CancelCheckout>),
    responses((status = 200, body = CheckoutView), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn cancel_checkout() {}

/// Expire an open checkout session now
#[utoipa::path(post, path = "/checkouts/{id}/expire", tag = "checkouts", params(("id" = uuid::Uuid, Path), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = CheckoutView), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn expire_checkout() {}

/// Create a webhook endpoint (the answer is the only time its secret is shown, besides rotation)
#[utoipa::path(post, path = "/webhook_endpoints", tag = "webhooks", request_body = CreateEndpoint,
    params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = EndpointView), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn create_webhook_endpoint() {}

/// List webhook endpoints, newest first
#[utoipa::path(get, path = "/webhook_endpoints", tag = "webhooks",
    params(("limit" = Option<u32>, Query, minimum = 1, maximum = 100), ("starting_after" = Option<uuid::Uuid>, Query)),
    responses((status = 200, body = ListResponse<EndpointView>), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn list_webhook_endpoints() {}

/// Get a webhook endpoint
#[utoipa::path(get, path = "/webhook_endpoints/{id}", tag = "webhooks", params(("id" = uuid::Uuid, Path)),
    responses((status = 200, body = EndpointView), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub fn get_webhook_endpoint() {}

/// Change a webhook endpoint: url, enabled_events, description, status
#[utoipa::path(patch, path = "/webhook_endpoints/{id}", tag = "webhooks", params(("id" = uuid::Uuid, Path)), request_body = PatchEndpoint,
    responses((status = 200, body = EndpointView), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn patch_webhook_endpoint() {}

/// Delete a webhook endpoint and its pending deliveries
#[utoipa::path(delete, path = "/webhook_endpoints/{id}", tag = "webhooks", params(("id" = uuid::Uuid, Path)),
    responses((status = 204, description = "Deleted"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub fn delete_webhook_endpoint() {}

/// Rotate a webhook endpoint's secret; for 24 h deliveries carry a signature with the old one too
#[utoipa::path(post, path = "/webhook_endpoints/{id}/rotate_secret", tag = "webhooks", params(("id" = uuid::Uuid, Path), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = EndpointView), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn rotate_webhook_secret() {}

/// List events, newest first (kept 30 days)
#[utoipa::path(get, path = "/events", tag = "webhooks",
    params(("limit" = Option<u32>, Query, minimum = 1, maximum = 100), ("starting_after" = Option<uuid::Uuid>, Query),
        ("type" = Option<EventType>, Query), ("object_id" = Option<uuid::Uuid>, Query)),
    responses((status = 200, body = ListResponse<EventView>), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn list_events() {}

/// Get an event with its deliveries and their attempts
#[utoipa::path(get, path = "/events/{id}", tag = "webhooks", params(("id" = uuid::Uuid, Path)),
    responses((status = 200, body = EventView), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub fn get_event() {}

/// Send an event again now, to one endpoint or to every enabled endpoint it goes to
#[utoipa::path(post, path = "/events/{id}/resend", tag = "webhooks", params(("id" = uuid::Uuid, Path), ("Idempotency-Key" = Option<String>, Header)), request_body(content = Option<ResendEvent>),
    responses((status = 200, body = EventView), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn resend_event() {}

/// The caller's organisation, with its redirect secret
#[utoipa::path(get, path = "/organisation", tag = "organisation",
    responses((status = 200, body = OrganisationView), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub fn get_organisation() {}

/// Replace the organisation's redirect secret
#[utoipa::path(post, path = "/organisation/rotate_redirect_secret", tag = "organisation", params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = OrganisationView), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn rotate_redirect_secret() {}

/// Create an API key (its secret is shown only in this answer)
#[utoipa::path(post, path = "/api_keys", tag = "organisation", request_body(content = Option<CreateApiKey>),
    params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = CreatedApiKey), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn create_api_key() {}

/// List the organisation's API keys, newest first (never their secrets)
#[utoipa::path(get, path = "/api_keys", tag = "organisation",
    params(("limit" = Option<u32>, Query, minimum = 1, maximum = 100), ("starting_after" = Option<uuid::Uuid>, Query)),
    responses((status = 200, body = ListResponse<ApiKey>), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn list_api_keys() {}

/// Revoke an API key: at once in this process, within 5 s in every other (409 for the last active key)
#[utoipa::path(post, path = "/api_keys/{id}/revoke", tag = "organisation", params(("id" = uuid::Uuid, Path), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = ApiKey), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn revoke_api_key() {}

/// Create a checkout link (checked like the guest session each visit opens)
#[utoipa::path(post, path = "/checkout_links", tag = "checkout_links", request_body(content = NewCheckoutLink),
    params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = CheckoutLinkJson), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn create_checkout_link() {}

/// List the organisation's checkout links, newest first, each with its sessions and conversion
#[utoipa::path(get, path = "/checkout_links", tag = "checkout_links",
    params(("limit" = Option<u32>, Query, minimum = 1, maximum = 100), ("starting_after" = Option<uuid::Uuid>, Query)),
    responses((status = 200, body = ListResponse<CheckoutLinkJson>), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn list_checkout_links() {}

/// A checkout link with its sessions and conversion
#[utoipa::path(get, path = "/checkout_links/{id}", tag = "checkout_links", params(("id" = uuid::Uuid, Path)),
    responses((status = 200, body = CheckoutLinkJson), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub fn get_checkout_link() {}

/// Activate or deactivate a checkout link (an inactive link answers 410)
#[utoipa::path(patch, path = "/checkout_links/{id}", tag = "checkout_links", request_body(content = CheckoutLinkChange),
    params(("id" = uuid::Uuid, Path), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = CheckoutLinkJson), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn patch_checkout_link() {}
