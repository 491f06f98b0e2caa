//! Console: a product's page (SPEC §13 catalog): its fields and the plans that sell it.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};

use super::{Console, ConsoleResult, Res, path_id, render};
use crate::services::{Ctx, catalog};
use crate::views::console::{Block, Cell, date_time};

pub async fn product(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    c: Console,
    id: web::Path<String>,
) -> Res {
    let id = path_id(&id, "product", &req)?;
    let product = catalog::get_product(&ctx, c.org(), id)
        .await
        .console(&req)?;
    let plans = catalog::plans_selling(&ctx, c.org(), id)
        .await
        .console(&req)?;
    let or_none = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
    let page = c
        .page(format!("Product: {}", product.name), "/dashboard/plans")
        .push(Block::Facts(vec![
            ("Id".into(), Cell::code(product.id.to_string())),
            ("SKU".into(), Cell::text(or_none(&product.sku))),
            ("Unit".into(), Cell::text(or_none(&product.unit_label))),
            (
                "Description".into(),
                Cell::text(or_none(&product.description)),
            ),
            ("Created".into(), Cell::text(date_time(product.created_at))),
        ]))
        .push(Block::Table {
            caption: "Plans that sell it".into(),
            head: ["Plan", "Currency", "Period", "Status"]
                .map(String::from)
                .to_vec(),
            rows: plans
                .iter()
                .map(|p| {
                    vec![
                        Cell::link(&p.name, format!("/dashboard/plans/{}", p.id)),
                        Cell::text(p.currency.to_string()),
                        Cell::text(p.billing_period.to_string()),
                        Cell::text(p.status.as_str()),
                    ]
                })
                .collect(),
            empty: "No plan sells it yet.".into(),
        });
    render(StatusCode::OK, &page)
}
