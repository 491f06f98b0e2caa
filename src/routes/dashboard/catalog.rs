//! Console: contracts (phases and versions), plans (list, detail, create) and the preview of
//! a plan's hosted flow as a preview session.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};
use rust_decimal::Decimal;
use uuid::Uuid;

use super::{
    Console, ConsoleForm, ConsoleResult, Res, form_status, path_id, query_value, render, see_other,
};
use crate::domain::catalog::{Contract, Plan, Product};
use crate::domain::overrides::ItemOverride;
use crate::domain::pricing::{PricingInput, PricingType};
use crate::domain::validation::FieldError;
use crate::services::Ctx;
use crate::services::catalog::{self, CatalogError, PlanInput, PlanItemInput, ProductInput};
use crate::services::checkouts::CreateError;
use crate::services::console;
use crate::services::contracts;
use crate::storage::PageRequest;
use crate::views::console::{
    Block, Cell, ConsolePage, Field, FieldKind, Form, date_time, locale_options,
};

fn first_page(limit: u32) -> PageRequest {
    PageRequest {
        limit,
        starting_after: None,
    }
}

pub async fn contracts(ctx: web::Data<Ctx>, req: HttpRequest, c: Console) -> Res {
    let page_req = PageRequest {
        limit: 25,
        starting_after: query_value(&req, "starting_after").and_then(|v| Uuid::parse_str(&v).ok()),
    };
    let list = contracts::list_contracts(&ctx, c.org(), page_req)
        .await
        .console(&req)?;
    let rows = list
        .data
        .iter()
        .map(|k| {
            vec![
                Cell::link(k.id.to_string(), format!("/dashboard/contracts/{}", k.id)),
                Cell::text(k.status.as_str()),
                Cell::code(k.customer_id.to_string()),
                Cell::text(k.start_date.to_string()),
                Cell::text(k.version.to_string()),
                Cell::yes_no(k.scheduled.is_some()),
            ]
        })
        .collect();
    let mut page = c
        .page("Contracts", "/dashboard/contracts")
        .push(Block::Table {
            caption: "Contracts, newest first".into(),
            head: [
                "Contract",
                "Status",
                "Customer",
                "Start",
                "Version",
                "Change scheduled",
            ]
            .map(String::from)
            .to_vec(),
            rows,
            empty: "No contracts yet.".into(),
        });
    if list.has_more
        && let Some(last) = list.data.last()
    {
        page = page.push(Block::Actions(vec![Cell::link(
            "Next page",
            format!("/dashboard/contracts?starting_after={}", last.id),
        )]));
    }
    render(StatusCode::OK, &page)
}

fn items_table(caption: String, items: &[crate::domain::catalog::ContractItem]) -> Block {
    Block::Table {
        caption,
        head: ["Item", "Quantity", "On"].map(String::from).to_vec(),
        rows: items
            .iter()
            .map(|i| {
                vec![
                    Cell::text(&i.name),
                    Cell::text(i.quantity.to_string()),
                    Cell::yes_no(i.is_enabled),
                ]
            })
            .collect(),
        empty: "No items.".into(),
    }
}

fn contract_page(c: &Console, k: &Contract) -> ConsolePage {
    let mut page = c
        .page(format!("Contract {}", k.id), "/dashboard/contracts")
        .push(Block::Facts(vec![
            ("Status".into(), Cell::text(k.status.as_str())),
            ("Customer".into(), Cell::code(k.customer_id.to_string())),
            ("Currency".into(), Cell::text(k.currency.to_string())),
            ("Start".into(), Cell::text(k.start_date.to_string())),
            (
                "Billing anchor".into(),
                Cell::text(k.billing_anchor_date.to_string()),
            ),
            ("Version".into(), Cell::text(k.version.to_string())),
        ]))
        .push(Block::Heading("Phases".into()));
    for p in &k.phases {
        let until = p
            .end_date
            .map(|d| format!(" until {d}"))
            .unwrap_or_default();
        page = page.push(items_table(
            format!(
                "{} from {}{until} (version {})",
                p.plan_name, p.start_date, p.version
            ),
            &p.items,
        ));
    }
    page.push(Block::Heading("Versions".into()))
        .push(Block::Table {
            caption: "Every version, oldest first".into(),
            head: ["Version", "Effective", "Plan", "Change", "Checkout session"]
                .map(String::from)
                .to_vec(),
            rows: k
                .versions
                .iter()
                .map(|v| {
                    vec![
                        Cell::text(v.version.to_string()),
                        Cell::text(v.effective_date.to_string()),
                        Cell::code(v.plan_id.to_string()),
                        Cell::text(&v.change_summary),
                        v.checkout_id
                            .map(|s| Cell::link(s.to_string(), format!("/dashboard/checkouts/{s}")))
                            .unwrap_or_default(),
                    ]
                })
                .collect(),
            empty: "No versions.".into(),
        })
}

pub async fn contract(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    c: Console,
    id: web::Path<String>,
) -> Res {
    let id = path_id(&id, "contract", &req)?;
    let k = contracts::get_contract(&ctx, c.org(), id)
        .await
        .console(&req)?;
    render(StatusCode::OK, &contract_page(&c, &k))
}

// ------------------------------------------------------------------ plans

fn plan_form(products: &[Product], form: Option<&ConsoleForm>) -> Form {
    let v = |name: &str, default: &str| -> String {
        form.and_then(|f| f.get(name)).unwrap_or(default).to_owned()
    };
    Form::post(
        "/dashboard/plans",
        "New plan (one item; add more through the API)",
        "Create plan",
        vec![
            Field::new("name", "Plan name", FieldKind::Text)
                .value(v("name", ""))
                .required(),
            Field::new(
                "currency",
                "Currency",
                FieldKind::select(
                    ["USD", "EUR", "GBP", "JPY", "SEK", "PLN", "BRL"]
                        .map(|c| (c.to_owned(), c.to_owned())),
                    &v("currency", "USD"),
                ),
            ),
            Field::new(
                "billing_period",
                "Billing period",
                FieldKind::select(
                    [("P1M", "Monthly"), ("P3M", "Quarterly"), ("P1Y", "Yearly")]
                        .map(|(a, b)| (a.to_owned(), b.to_owned())),
                    &v("billing_period", "P1M"),
                ),
            ),
            Field::new(
                "product_id",
                "Product",
                FieldKind::select(
                    products.iter().map(|p| (p.id.to_string(), p.name.clone())),
                    &v("product_id", ""),
                ),
            ),
            Field::new(
                "pricing_type",
                "Pricing",
                FieldKind::select(
                    [("per_unit", "Per unit"), ("flat_fee", "Flat fee")]
                        .map(|(a, b)| (a.to_owned(), b.to_owned())),
                    &v("pricing_type", "per_unit"),
                ),
            ),
            Field::new("price", "Price (per unit or flat)", FieldKind::Text)
                .value(v("price", ""))
                .required(),
            Field::new("quantity", "Default quantity", FieldKind::Number).value(v("quantity", "1")),
            Field::new(
                "adjustable",
                "The customer may change the quantity",
                FieldKind::Checkbox(form.is_none_or(|f| f.checked("adjustable"))),
            ),
        ],
    )
}

fn product_form() -> Form {
    Form::post(
        "/dashboard/plans",
        "New product",
        "Create product",
        vec![
            Field::new("product_name", "Product name", FieldKind::Text).required(),
            Field::new("unit_label", "Unit label (seat, GB…)", FieldKind::Text),
        ],
    )
}

async fn plans_page(
    ctx: &Ctx,
    req: &HttpRequest,
    c: &Console,
    form: Option<&ConsoleForm>,
    errors: &[FieldError],
) -> Res {
    let plans = catalog::list_plans(ctx, c.org(), first_page(100))
        .await
        .console(req)?;
    let products = catalog::list_products(ctx, c.org(), first_page(100))
        .await
        .console(req)?;
    let (page, pairs) = c.form_page("Plans", "/dashboard/plans", req, errors);
    let rows = plans
        .data
        .iter()
        .map(|p| {
            vec![
                Cell::link(&p.name, format!("/dashboard/plans/{}", p.id)),
                Cell::text(p.currency.to_string()),
                Cell::text(p.billing_period.to_string()),
                Cell::text(p.status.as_str()),
                Cell::text(p.items.len().to_string()),
            ]
        })
        .collect();
    let page = page
        .push(Block::Table {
            caption: "Plans".into(),
            head: ["Plan", "Currency", "Period", "Status", "Items"]
                .map(String::from)
                .to_vec(),
            rows,
            empty: "No plans yet.".into(),
        })
        .push(Block::Form(
            plan_form(&products.data, form).with_errors(&pairs),
        ))
        .push(Block::Table {
            caption: "Products".into(),
            head: ["Product", "Unit", "Created"].map(String::from).to_vec(),
            rows: products
                .data
                .iter()
                .map(|p| {
                    vec![
                        Cell::link(&p.name, format!("/dashboard/products/{}", p.id)),
                        Cell::text(p.unit_label.clone().unwrap_or_default()),
                        Cell::text(date_time(p.created_at)),
                    ]
                })
                .collect(),
            empty: "No products yet.".into(),
        })
        .push(Block::Form(product_form().with_errors(&pairs)));
    render(form_status(errors), &page)
}

pub async fn plans(ctx: web::Data<Ctx>, req: HttpRequest, c: Console) -> Res {
    plans_page(&ctx, &req, &c, None, &[]).await
}

fn invalid(field: &str, message: &str) -> Vec<FieldError> {
    vec![FieldError::new(field, message)]
}

/// `POST /dashboard/plans`: a product (`product_name`) or a plan of one item.
pub async fn create_plan(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    c: Console,
    form: ConsoleForm,
) -> Res {
    if form.get("product_name").is_some() || form.fields.iter().any(|(k, _)| k == "product_name") {
        let input = ProductInput {
            name: form.get("product_name").map(str::to_owned),
            unit_label: form.get("unit_label").map(str::to_owned),
            ..ProductInput::default()
        };
        return match catalog::create_product(&ctx, c.org(), input).await {
            Ok(_) => Ok(see_other("/dashboard/plans?notice=product-created")),
            Err(CatalogError::Invalid(e)) => {
                let e: Vec<FieldError> = e
                    .into_iter()
                    .map(|f| {
                        FieldError::new(
                            format!("product_{}", f.field)
                                .replace("product_unit_label", "unit_label"),
                            f.message,
                        )
                    })
                    .collect();
                plans_page(&ctx, &req, &c, None, &e).await
            }
            Err(e) => Err(e).console(&req),
        };
    }
    let Some(product_id) = form.get("product_id").and_then(|p| Uuid::parse_str(p).ok()) else {
        return plans_page(
            &ctx,
            &req,
            &c,
            Some(&form),
            &invalid("product_id", "choose a product (create one below first)"),
        )
        .await;
    };
    let Some(price) = form.get("price").and_then(|p| p.parse::<Decimal>().ok()) else {
        return plans_page(
            &ctx,
            &req,
            &c,
            Some(&form),
            &invalid("price", "must be an amount such as 12.50"),
        )
        .await;
    };
    let quantity = match form.get("quantity").map(str::parse::<u64>) {
        None => None,
        Some(Ok(q)) => Some(q),
        Some(Err(_)) => {
            return plans_page(
                &ctx,
                &req,
                &c,
                Some(&form),
                &invalid("quantity", "must be a whole number"),
            )
            .await;
        }
    };
    let per_unit = form.get("pricing_type") != Some("flat_fee");
    let pricing = PricingInput {
        pricing_type: if per_unit {
            PricingType::PerUnit
        } else {
            PricingType::FlatFee
        },
        amount: (!per_unit).then_some(price),
        unit_amount: per_unit.then_some(price),
        tiers: None,
        package_size: None,
        package_amount: None,
    };
    let input = PlanInput {
        name: form.get("name").map(str::to_owned),
        currency: form.get("currency").map(str::to_owned),
        billing_period: form.get("billing_period").map(str::to_owned),
        items: Some(vec![PlanItemInput {
            product_id,
            pricing,
            billing: None,
            quantity,
            min_quantity: None,
            max_quantity: None,
            adjustable: Some(form.checked("adjustable")),
            is_enabled: None,
            optional: None,
        }]),
        ..PlanInput::default()
    };
    match catalog::create_plan(&ctx, c.org(), input).await {
        Ok(plan) => Ok(see_other(&format!(
            "/dashboard/plans/{}?notice=plan-created",
            plan.id
        ))),
        Err(CatalogError::Invalid(errors)) => {
            // The API names item fields by path (items[0].quantity); the form has one item.
            let errors: Vec<FieldError> = errors
                .into_iter()
                .map(|e| {
                    let field = e
                        .field
                        .strip_prefix("items[0].")
                        .map(|f| match f {
                            "pricing.unit_amount" | "pricing.amount" => "price".to_owned(),
                            other => other.to_owned(),
                        })
                        .unwrap_or(e.field);
                    FieldError::new(field, e.message)
                })
                .collect();
            plans_page(&ctx, &req, &c, Some(&form), &errors).await
        }
        Err(e) => Err(e).console(&req),
    }
}

fn preview_form(plan: &Plan, customers: &[crate::domain::catalog::Customer]) -> Form {
    let mut fields = Vec::new();
    for item in &plan.items {
        let id = item.product_id;
        if item.adjustable {
            fields.push(
                Field::new(
                    &format!("quantity.{id}"),
                    &format!("Quantity of {id}"),
                    FieldKind::Number,
                )
                .value(item.quantity.to_string()),
            );
        }
        if item.optional {
            fields.push(Field::new(
                &format!("enabled.{id}"),
                &format!("Include optional item {id}"),
                FieldKind::Checkbox(item.is_enabled),
            ));
        }
    }
    fields.push(Field::new(
        "locale",
        "Language",
        FieldKind::select(locale_options(), "auto"),
    ));
    let mut who = vec![(
        "guest".to_owned(),
        "A guest (enters their details)".to_owned(),
    )];
    who.extend(customers.iter().map(|c| {
        let email = c.email.as_deref().unwrap_or("no email");
        (c.id.to_string(), format!("{} ({email})", c.customer_name))
    }));
    fields.push(Field::new(
        "customer",
        "Customer",
        FieldKind::select(who, "guest"),
    ));
    Form::post(
        format!("/dashboard/plans/{}/preview", plan.id),
        "Preview the hosted flow",
        "Open preview",
        fields,
    )
}

async fn plan_page(
    ctx: &Ctx,
    req: &HttpRequest,
    c: &Console,
    plan: &Plan,
    errors: &[FieldError],
) -> Res {
    let customers = catalog::list_customers(ctx, c.org(), first_page(100))
        .await
        .console(req)?;
    let (page, pairs) = c.form_page(
        format!("Plan: {}", plan.name),
        "/dashboard/plans",
        req,
        errors,
    );
    let page = page
        .push(Block::Facts(vec![
            ("Id".into(), Cell::code(plan.id.to_string())),
            ("Currency".into(), Cell::text(plan.currency.to_string())),
            (
                "Billing period".into(),
                Cell::text(plan.billing_period.to_string()),
            ),
            ("Status".into(), Cell::text(plan.status.as_str())),
            ("Created".into(), Cell::text(date_time(plan.created_at))),
        ]))
        .push(Block::Table {
            caption: "Items".into(),
            head: ["Product", "Default quantity", "Adjustable", "Optional"]
                .map(String::from)
                .to_vec(),
            rows: plan
                .items
                .iter()
                .map(|i| {
                    vec![
                        Cell::link(
                            i.product_id.to_string(),
                            format!("/dashboard/products/{}", i.product_id),
                        ),
                        Cell::text(i.quantity.to_string()),
                        Cell::yes_no(i.adjustable),
                        Cell::yes_no(i.optional),
                    ]
                })
                .collect(),
            empty: "No items.".into(),
        })
        .push(Block::Text(
            "A preview session shows the customer's pages exactly; confirming it writes nothing."
                .into(),
        ))
        .push(Block::Form(
            preview_form(plan, &customers.data).with_errors(&pairs),
        ));
    render(form_status(errors), &page)
}

pub async fn plan(ctx: web::Data<Ctx>, req: HttpRequest, c: Console, id: web::Path<String>) -> Res {
    let id = path_id(&id, "plan", &req)?;
    let plan = catalog::get_plan(&ctx, c.org(), id).await.console(&req)?;
    plan_page(&ctx, &req, &c, &plan, &[]).await
}

/// `POST /dashboard/plans/{id}/preview`: a preview session of the plan, as chosen, and a
/// `303` to its hosted page.
pub async fn preview(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    c: Console,
    form: ConsoleForm,
    id: web::Path<String>,
) -> Res {
    let id = path_id(&id, "plan", &req)?;
    let plan = catalog::get_plan(&ctx, c.org(), id).await.console(&req)?;
    let mut overrides = Vec::new();
    for item in &plan.items {
        let pid = item.product_id;
        let quantity = match form.get(&format!("quantity.{pid}")).map(str::parse::<u64>) {
            None => None,
            Some(Ok(q)) => Some(q),
            Some(Err(_)) => {
                let e = invalid(&format!("quantity.{pid}"), "must be a whole number");
                return plan_page(&ctx, &req, &c, &plan, &e).await;
            }
        };
        let is_enabled = item
            .optional
            .then(|| form.checked(&format!("enabled.{pid}")));
        if quantity.is_some() || is_enabled.is_some() {
            overrides.push(ItemOverride {
                product_id: pid,
                quantity,
                is_enabled,
            });
        }
    }
    let pids: Vec<Uuid> = overrides.iter().map(|o| o.product_id).collect();
    let customer = form.get("customer").and_then(|v| Uuid::parse_str(v).ok());
    let locale = form.get("locale").map(str::to_owned);
    match console::preview_plan(&ctx, c.org(), plan.id, customer, overrides, locale).await {
        Ok(s) => Ok(see_other(&s.hosted_url(&ctx.public_url))),
        Err(CreateError::Invalid(errors)) => {
            let errors: Vec<FieldError> = errors
                .into_iter()
                .map(|e| match e.field.strip_prefix("product_overrides[") {
                    Some(rest) => {
                        let i: usize = rest
                            .split(']')
                            .next()
                            .and_then(|n| n.parse().ok())
                            .unwrap_or(0);
                        let pid = pids.get(i).copied().unwrap_or_default();
                        FieldError::new(format!("quantity.{pid}"), e.message)
                    }
                    None => e,
                })
                .collect();
            plan_page(&ctx, &req, &c, &plan, &errors).await
        }
        Err(e) => Err(e).console(&req),
    }
}
