//! Business entities, customers, products, plans and contracts.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use super::catalog_dto;
use super::dto::{self, ListResponse};
use super::extract::{Body, Caller, idempotent, json_response, path_id, query, stored};
use crate::error::AppError;
use crate::services::{Ctx, ListParams, catalog, contracts};

type Res = Result<HttpResponse, AppError>;

macro_rules! create_handler {
    ($name:ident, $input:ty, $service:path) => {
        pub async fn $name(
            ctx: web::Data<Ctx>,
            caller: Caller,
            req: HttpRequest,
            body: Body,
        ) -> Res {
            let input: $input = body.json()?;
            idempotent(&ctx, &caller, &req, &body, None, || async {
                stored(
                    StatusCode::CREATED,
                    &$service(&ctx, caller.org, input.into()).await?,
                )
            })
            .await
        }
    };
}

macro_rules! read_handlers {
    ($get:ident, $list:ident, $what:literal, $get_svc:path, $list_svc:path) => {
        pub async fn $get(ctx: web::Data<Ctx>, caller: Caller, id: web::Path<String>) -> Res {
            let id = path_id(&id, $what)?;
            json_response(StatusCode::OK, &$get_svc(&ctx, caller.org, id).await?)
        }

        pub async fn $list(ctx: web::Data<Ctx>, caller: Caller, req: HttpRequest) -> Res {
            let page = query::<ListParams>(&req)?.page()?;
            let list = ListResponse::from($list_svc(&ctx, caller.org, page).await?);
            json_response(StatusCode::OK, &list)
        }
    };
}

create_handler!(
    create_entity,
    catalog_dto::NewEntity,
    catalog::create_entity
);
create_handler!(
    create_customer,
    catalog_dto::NewCustomer,
    catalog::create_customer
);
create_handler!(
    create_product,
    catalog_dto::NewProduct,
    catalog::create_product
);
create_handler!(create_plan, catalog_dto::NewPlan, catalog::create_plan);
create_handler!(
    import_contract,
    dto::ImportContract,
    contracts::import_contract
);

read_handlers!(
    get_entity,
    list_entities,
    "business entity",
    catalog::get_entity,
    catalog::list_entities
);
read_handlers!(
    get_customer,
    list_customers,
    "customer",
    catalog::get_customer,
    catalog::list_customers
);
read_handlers!(
    get_product,
    list_products,
    "product",
    catalog::get_product,
    catalog::list_products
);
read_handlers!(
    get_plan,
    list_plans,
    "plan",
    catalog::get_plan,
    catalog::list_plans
);
read_handlers!(
    get_contract,
    list_contracts,
    "contract",
    contracts::get_contract,
    contracts::list_contracts
);

pub async fn archive_plan(
    ctx: web::Data<Ctx>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<String>,
    body: Body,
) -> Res {
    let id = path_id(&id, "plan")?;
    idempotent(&ctx, &caller, &req, &body, None, || async {
        stored(
            StatusCode::OK,
            &catalog::archive_plan(&ctx, caller.org, id).await?,
        )
    })
    .await
}
