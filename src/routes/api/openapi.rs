//! The OpenAPI 3.1 document, served at `GET /openapi.json`. Schemas are derived from the types
//! the handlers actually decode and encode; the operations are declared here, one per route
//! (a test checks every registered API route has one).

use actix_web::HttpResponse;
use serde::Serialize;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

use super::catalog_dto::{NewCustomer, NewEntity, NewPlan, NewPlanItem, NewProduct};
use super::dto::{
    CancelCheckout, CheckoutView, CreateCheckout, ImportContract, ListResponse, PatchCheckout,
    PreviewView,
};
use crate::domain::catalog::{
    BusinessEntity, Contract, ContractItem, ContractStatus, ContractVersion, Customer, Plan,
    PlanItem, PlanStatus, Product,
};
use crate::domain::checkout::{ChangeSummary, CheckoutStatus, CheckoutType};
use crate::domain::customer::{Address, CustomerData};
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
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new("x-api-key"))),
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
    ),
    components(schemas(
        Problem, FieldError, BusinessEntity, Customer, Product, Plan, PlanItem, PlanStatus,
        Contract, ContractItem, ContractVersion, ContractStatus, Address, CustomerData,
        BillingPeriod, ItemBilling, PricingInput, PricingType, Tier, Estimates, Invoice, LineItem,
        LineKind, ProrationBehavior, ItemOverride, ChangeSummary, CheckoutStatus, CheckoutType,
        CheckoutView, PreviewView, CreateCheckout, PatchCheckout, CancelCheckout, ImportContract,
        NewEntity, NewCustomer, NewProduct, NewPlan, NewPlanItem,
    )),
    tags(
        (name = "catalog", description = "Business entities, customers, products and plans"),
        (name = "contracts", description = "Contracts and their versions"),
        (name = "checkouts", description = "Checkout sessions"),
    )
)]
pub struct ApiDoc;

pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(ApiDoc::openapi().to_json().unwrap_or_default())
}

// One declaration per operation. Shared responses: 401 (no/wrong key), 404, 409, 413, 422.

#[utoipa::path(post, path = "/business_entities", tag = "catalog", request_body = NewEntity,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first response for the same key and body")),
    responses((status = 201, body = BusinessEntity), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn create_entity() {}

#[utoipa::path(get, path = "/business_entities", tag = "catalog",
    params(("limit" = Option<u32>, Query, minimum = 1, maximum = 100), ("starting_after" = Option<uuid::Uuid>, Query)),
    responses((status = 200, body = ListResponse<BusinessEntity>), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn list_entities() {}

#[utoipa::path(get, path = "/business_entities/{id}", tag = "catalog", params(("id" = uuid::Uuid, Path)),
    responses((status = 200, body = BusinessEntity), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub fn get_entity() {}

#[utoipa::path(post, path = "/customers", tag = "catalog", request_body = NewCustomer,
    params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = Customer), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn create_customer() {}

#[utoipa::path(get, path = "/customers", tag = "catalog",
    params(("limit" = Option<u32>, Query, minimum = 1, maximum = 100), ("starting_after" = Option<uuid::Uuid>, Query)),
    responses((status = 200, body = ListResponse<Customer>), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn list_customers() {}

#[utoipa::path(get, path = "/customers/{id}", tag = "catalog", params(("id" = uuid::Uuid, Path)),
    responses((status = 200, body = Customer), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub fn get_customer() {}

#[utoipa::path(post, path = "/products", tag = "catalog", request_body = NewProduct,
    params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = Product), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn create_product() {}

#[utoipa::path(get, path = "/products", tag = "catalog",
    params(("limit" = Option<u32>, Query, minimum = 1, maximum = 100), ("starting_after" = Option<uuid::Uuid>, Query)),
    responses((status = 200, body = ListResponse<Product>), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn list_products() {}

#[utoipa::path(get, path = "/products/{id}", tag = "catalog", params(("id" = uuid::Uuid, Path)),
    responses((status = 200, body = Product), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub fn get_product() {}

#[utoipa::path(post, path = "/plans", tag = "catalog", request_body = NewPlan,
    params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = Plan), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn create_plan() {}

#[utoipa::path(get, path = "/plans", tag = "catalog",
    params(("limit" = Option<u32>, Query, minimum = 1, maximum = 100), ("starting_after" = Option<uuid::Uuid>, Query)),
    responses((status = 200, body = ListResponse<Plan>), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn list_plans() {}

#[utoipa::path(get, path = "/plans/{id}", tag = "catalog", params(("id" = uuid::Uuid, Path)),
    responses((status = 200, body = Plan), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub fn get_plan() {}

#[utoipa::path(post, path = "/plans/{id}/archive", tag = "catalog", params(("id" = uuid::Uuid, Path), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = Plan), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn archive_plan() {}

#[utoipa::path(post, path = "/contracts", tag = "contracts", request_body = ImportContract,
    params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = Contract), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn import_contract() {}

#[utoipa::path(get, path = "/contracts", tag = "contracts",
    params(("limit" = Option<u32>, Query, minimum = 1, maximum = 100), ("starting_after" = Option<uuid::Uuid>, Query)),
    responses((status = 200, body = ListResponse<Contract>), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn list_contracts() {}

#[utoipa::path(get, path = "/contracts/{id}", tag = "contracts", params(("id" = uuid::Uuid, Path)),
    responses((status = 200, body = Contract), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub fn get_contract() {}

#[utoipa::path(post, path = "/checkouts", tag = "checkouts", request_body = CreateCheckout,
    params(("Idempotency-Key" = Option<String>, Header, description = "Same key and body: the first response; same key, other body: 409")),
    responses((status = 201, body = CheckoutView), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn create_checkout() {}

#[utoipa::path(post, path = "/checkouts/preview", tag = "checkouts", request_body = CreateCheckout,
    responses((status = 200, body = PreviewView), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn preview_checkout() {}

#[utoipa::path(get, path = "/checkouts", tag = "checkouts",
    params(("limit" = Option<u32>, Query, minimum = 1, maximum = 100), ("starting_after" = Option<uuid::Uuid>, Query),
        ("checkout_status" = Option<CheckoutStatus>, Query), ("customer_id" = Option<uuid::Uuid>, Query), ("checkout_type" = Option<CheckoutType>, Query)),
    responses((status = 200, body = ListResponse<CheckoutView>), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn list_checkouts() {}

#[utoipa::path(get, path = "/checkouts/{id}", tag = "checkouts", params(("id" = uuid::Uuid, Path)),
    responses((status = 200, body = CheckoutView), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub fn get_checkout() {}

#[utoipa::path(patch, path = "/checkouts/{id}", tag = "checkouts", params(("id" = uuid::Uuid, Path)), request_body = PatchCheckout,
    responses((status = 200, body = CheckoutView), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn patch_checkout() {}

#[utoipa::path(post, path = "/checkouts/{id}/confirm", tag = "checkouts", params(("id" = uuid::Uuid, Path), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = CheckoutView), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn confirm_checkout() {}

#[utoipa::path(post, path = "/checkouts/{id}/cancel", tag = "checkouts", params(("id" = uuid::Uuid, Path), ("Idempotency-Key" = Option<String>, Header)), request_body(content = Option<CancelCheckout>),
    responses((status = 200, body = CheckoutView), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub fn cancel_checkout() {}

#[utoipa::path(post, path = "/checkouts/{id}/expire", tag = "checkouts", params(("id" = uuid::Uuid, Path), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = CheckoutView), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub fn expire_checkout() {}
