//! Console: the overview, checkout sessions (list with the API's filters, one session with its
//! estimates, events and deliveries) and their actions (expire, cancel, re-send an event).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};
use uuid::Uuid;

use super::{
    Console, ConsoleForm, ConsoleResult, Res, notice, path_id, query_value, render, see_other,
};
use crate::domain::checkout::{Checkout, CheckoutStatus, CheckoutType};
use crate::domain::invoice::Invoice;
use crate::domain::locale::Locale;
use crate::services::Ctx;
use crate::services::checkouts::{self, CheckoutQuery, SessionRef};
use crate::services::console as console_service;
use crate::services::events::{self, EventQuery};
use crate::views::console::{
    Block, Cell, Field, FieldKind, Form, date_time, overview as chart, status_label,
};
use crate::views::i18n;

const DAYS: i64 = 30;

pub async fn overview(ctx: web::Data<Ctx>, req: HttpRequest, c: Console) -> Res {
    let (now, rows) = console_service::outcomes(&ctx, c.org(), DAYS)
        .await
        .console(&req)?;
    let (chart, totals) = chart(&rows, now.date_naive(), DAYS);
    let mut page = c.page("Overview", "/dashboard");
    if let Some(n) = notice(&req) {
        page = page.push(n);
    }
    let [completed, cancelled, expired, open] = totals.by_outcome;
    let page = page
        .push(Block::Heading(format!("The last {DAYS} days")))
        .push(Block::Facts(vec![
            (
                "Sessions created".into(),
                Cell::text(totals.created.to_string()),
            ),
            ("Completed".into(), Cell::text(completed.to_string())),
            ("Cancelled".into(), Cell::text(cancelled.to_string())),
            ("Expired".into(), Cell::text(expired.to_string())),
            ("Still open".into(), Cell::text(open.to_string())),
            ("Conversion".into(), Cell::text(totals.conversion())),
        ]))
        .push(Block::Chart(chart));
    render(StatusCode::OK, &page)
}

/// A filter's choices: "Any" (no filter) first.
fn filter(all: &[(&str, &str)], chosen: Option<&str>) -> FieldKind {
    FieldKind::select(
        std::iter::once(&("", "Any")).chain(all).copied(),
        chosen.unwrap_or(""),
    )
}

fn type_label(t: CheckoutType) -> &'static str {
    match t {
        CheckoutType::NewSubscription => "New subscription",
        CheckoutType::PlanChange => "Plan change",
        CheckoutType::QuantityUpdate => "Quantity update",
    }
}

/// `GET /dashboard/checkouts`: the API's filters, a search box (a session id opens it; a
/// customer id or an email address filters by it) and cursor pagination.
pub async fn checkouts(ctx: web::Data<Ctx>, req: HttpRequest, c: Console) -> Res {
    let status = query_value(&req, "checkout_status");
    let kind = query_value(&req, "checkout_type");
    let link = query_value(&req, "checkout_link_id");
    let q = query_value(&req, "q");
    let (mut customer, mut email) = (None, None);
    if let Some(q) = q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        if let Ok(id) = Uuid::parse_str(q) {
            if checkouts::get(&ctx, c.org(), id).await.is_ok() {
                return Ok(see_other(&format!("/dashboard/checkouts/{id}")));
            }
            customer = Some(id.to_string());
        } else {
            email = Some(q.to_owned());
        }
    }
    let query = CheckoutQuery {
        limit: Some("25".into()),
        starting_after: query_value(&req, "starting_after"),
        checkout_status: status.clone(),
        customer_id: customer,
        checkout_type: kind.clone(),
        checkout_link_id: link.clone(),
        customer_email: email,
    };
    let filters = Form::get(
        "/dashboard/checkouts",
        "Find sessions",
        "Apply",
        vec![
            Field::new("q", "Session id, customer id or email", FieldKind::Text)
                .value(q.clone().unwrap_or_default()),
            Field::new(
                "checkout_status",
                "Status",
                filter(
                    &[
                        ("open", "Open"),
                        ("contract_created", "Completed"),
                        ("cancelled", "Cancelled"),
                        ("expired", "Expired"),
                    ],
                    status.as_deref(),
                ),
            ),
            Field::new(
                "checkout_type",
                "Type",
                filter(
                    &[
                        ("new_subscription", "New subscription"),
                        ("plan_change", "Plan change"),
                        ("quantity_update", "Quantity update"),
                    ],
                    kind.as_deref(),
                ),
            ),
        ],
    );
    let page = c.page("Checkout sessions", "/dashboard/checkouts");
    let found = checkouts::list(&ctx, c.org(), query).await;
    let code = match &found {
        Err(checkouts::ReadError::Invalid(_)) => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::OK,
    };
    let page = match found {
        Ok(list) => {
            let now = ctx.clock.now();
            let next = list
                .has_more
                .then(|| list.data.last().map(|s| s.id))
                .flatten();
            let rows = list
                .data
                .iter()
                .map(|s| {
                    vec![
                        Cell::link(s.id.to_string(), format!("/dashboard/checkouts/{}", s.id)),
                        Cell::text(type_label(s.checkout_type)),
                        Cell::text(status_label(s.status_at(now))),
                        Cell::text(match (s.customer_id, &s.customer_data.email) {
                            (Some(id), _) => id.to_string(),
                            (None, Some(email)) => format!("Guest ({email})"),
                            (None, None) => "Guest".into(),
                        }),
                        Cell::text(date_time(s.created_at)),
                    ]
                })
                .collect();
            let mut page = page.push(Block::Form(filters)).push(Block::Table {
                caption: "Sessions, newest first".into(),
                head: ["Session", "Type", "Status", "Customer", "Created"]
                    .map(String::from)
                    .to_vec(),
                rows,
                empty: "No sessions match.".into(),
            });
            if let Some(last) = next {
                let mut href = format!("/dashboard/checkouts?starting_after={last}");
                for (k, v) in [
                    ("checkout_status", &status),
                    ("checkout_type", &kind),
                    ("checkout_link_id", &link),
                    ("q", &q),
                ] {
                    if let Some(v) = v {
                        href.push_str(&format!("&{k}={}", urlencoding(v)));
                    }
                }
                page = page.push(Block::Actions(vec![Cell::link("Next page", href)]));
            }
            page
        }
        Err(checkouts::ReadError::Invalid(mut errors)) => {
            // The search box stands for the id and email filters.
            for e in &mut errors {
                if e.field == "customer_id" || e.field == "customer_email" {
                    e.field = "q".into();
                }
            }
            let (pairs, lines) = super::field_errors(&errors);
            page.push(Block::Errors(lines))
                .push(Block::Form(filters.with_errors(&pairs)))
        }
        Err(e) => return Err(e).console(&req),
    };
    render(code, &page)
}

fn urlencoding(v: &str) -> String {
    url::form_urlencoded::byte_serialize(v.as_bytes()).collect()
}

fn invoice_block(title: &str, inv: &Invoice) -> Block {
    let en = i18n::lang(Locale::En);
    let mut rows: Vec<Vec<Cell>> = inv
        .line_items
        .iter()
        .map(|l| {
            vec![
                Cell::text(&l.description),
                Cell::text(l.quantity.to_string()),
                Cell::text(en.money(inv.currency, l.amount)),
            ]
        })
        .collect();
    let discount = (!inv.discount.is_zero()).then_some(("Discount", -inv.discount));
    let totals = [("Subtotal", inv.subtotal)]
        .into_iter()
        .chain(discount)
        .chain([
            ("Tax", inv.tax),
            ("Total", inv.total),
            ("Amount due", inv.amount_due),
        ]);
    for (label, amount) in totals {
        rows.push(vec![
            Cell::text(label),
            Cell::text(""),
            Cell::text(en.money(inv.currency, amount)),
        ]);
    }
    Block::Table {
        caption: format!("{title}: {} – {}", inv.period_start, inv.period_end),
        head: ["Line", "Quantity", "Amount"].map(String::from).to_vec(),
        rows,
        empty: String::new(),
    }
}

fn timeline(s: &Checkout, now: chrono::DateTime<chrono::Utc>) -> Vec<Vec<Cell>> {
    let mut t = vec![vec![
        Cell::text(date_time(s.created_at)),
        Cell::text("Created"),
    ]];
    if s.updated_at != s.created_at {
        t.push(vec![
            Cell::text(date_time(s.updated_at)),
            Cell::text("Last changed"),
        ]);
    }
    if let Some(done) = s.completed_at {
        t.push(vec![
            Cell::text(date_time(done)),
            Cell::text(status_label(s.status)),
        ]);
    } else if s.status_at(now) == CheckoutStatus::Expired {
        t.push(vec![
            Cell::text(date_time(s.expires_at)),
            Cell::text("Expired"),
        ]);
    } else {
        t.push(vec![
            Cell::text(date_time(s.expires_at)),
            Cell::text("Expires"),
        ]);
    }
    t
}

/// `GET /dashboard/checkouts/{id}`.
pub async fn checkout(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    c: Console,
    id: web::Path<String>,
) -> Res {
    let id = path_id(&id, "checkout session", &req)?;
    let s = checkouts::get(&ctx, c.org(), id).await.console(&req)?;
    let now = ctx.clock.now();
    let status = s.status_at(now);
    let mut page = c.page(format!("Session {}", s.id), "/dashboard/checkouts");
    if let Some(n) = notice(&req) {
        page = page.push(n);
    }
    let mut facts = vec![
        ("Status".into(), Cell::text(status_label(status))),
        ("Type".into(), Cell::text(type_label(s.checkout_type))),
        (
            "Customer".into(),
            Cell::text(
                s.customer_id
                    .map(|i| i.to_string())
                    .unwrap_or_else(|| "Guest".into()),
            ),
        ),
        (
            "Hosted link".into(),
            Cell::code(s.hosted_url(&ctx.public_url)),
        ),
    ];
    if let Some(k) = s.contract_id {
        facts.push((
            "Contract".into(),
            Cell::link(k.to_string(), format!("/dashboard/contracts/{k}")),
        ));
    }
    if let Some(l) = s.checkout_link_id {
        facts.push((
            "Opened from link".into(),
            Cell::link(l.to_string(), format!("/dashboard/links/{l}")),
        ));
    }
    if s.preview {
        facts.push((
            "Preview".into(),
            Cell::text("Yes: confirming writes nothing"),
        ));
    }
    page = page.push(Block::Facts(facts));
    if status == CheckoutStatus::Open {
        page = page.push(Block::Actions(vec![
            Cell::button("Expire now", format!("/dashboard/checkouts/{id}/expire")),
            Cell::button(
                "Cancel session",
                format!("/dashboard/checkouts/{id}/cancel"),
            ),
        ]));
    }
    page = page
        .push(Block::Heading("Timeline".into()))
        .push(Block::Table {
            caption: "What happened".into(),
            head: ["When", "What"].map(String::from).to_vec(),
            rows: timeline(&s, now),
            empty: String::new(),
        })
        .push(Block::Heading("Estimates".into()))
        .push(invoice_block(
            "Current invoice",
            &s.quote.estimates.current_invoice,
        ));
    if let Some(next) = &s.quote.estimates.next_invoice {
        page = page.push(invoice_block("Next invoice", next));
    }
    page = page.push(Block::Heading("Events and webhook deliveries".into()));
    // The session's own events, and those of the contract it created or changed.
    let mut list = Vec::new();
    for object in std::iter::once(id).chain(s.contract_id) {
        let page = events::list(
            &ctx,
            c.org(),
            EventQuery {
                limit: Some("50".into()),
                object_id: Some(object.to_string()),
                ..EventQuery::default()
            },
        )
        .await
        .console(&req)?;
        list.extend(page.data);
    }
    list.sort_by_key(|e| e.created_at);
    let mut rows = Vec::new();
    for e in &list {
        let (_, deliveries) = events::get(&ctx, c.org(), e.id).await.console(&req)?;
        let summary = if deliveries.is_empty() {
            "No endpoint subscribed".to_owned()
        } else {
            deliveries
                .iter()
                .map(|d| {
                    let code = d
                        .last_status_code
                        .map(|c| format!(", last answer {c}"))
                        .unwrap_or_default();
                    format!(
                        "{} after {} attempt(s){code}",
                        d.status.as_str(),
                        d.attempt_count
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        rows.push(vec![
            Cell::text(date_time(e.created_at)),
            Cell::code(e.event_type.as_str()),
            Cell::text(summary),
            Cell::button(
                "Re-send",
                format!("/dashboard/events/{}/resend?session={id}", e.id),
            ),
        ]);
    }
    page = page.push(Block::Table {
        caption: "Events about this session and its contract".into(),
        head: ["When", "Event", "Deliveries", ""]
            .map(String::from)
            .to_vec(),
        rows,
        empty: "No events yet (sessions emit events when they are completed, cancelled or expire)."
            .into(),
    });
    render(StatusCode::OK, &page)
}

pub async fn expire(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    c: Console,
    _form: ConsoleForm,
    id: web::Path<String>,
) -> Res {
    let id = path_id(&id, "checkout session", &req)?;
    checkouts::expire(&ctx, c.org(), id).await.console(&req)?;
    Ok(see_other(&format!(
        "/dashboard/checkouts/{id}?notice=expired"
    )))
}

pub async fn cancel(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    c: Console,
    _form: ConsoleForm,
    id: web::Path<String>,
) -> Res {
    let id = path_id(&id, "checkout session", &req)?;
    let at = SessionRef::Api { org: c.org(), id };
    checkouts::cancel(&ctx, at, Some("cancelled in the console".into()))
        .await
        .console(&req)?;
    Ok(see_other(&format!(
        "/dashboard/checkouts/{id}?notice=cancelled"
    )))
}

pub async fn resend(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    c: Console,
    _form: ConsoleForm,
    id: web::Path<String>,
) -> Res {
    let id = path_id(&id, "event", &req)?;
    // From an endpoint's page: to that endpoint only; from a session's page: to every
    // endpoint the event goes to. Back to the page it was sent from (a path built from an id).
    let endpoint = query_value(&req, "endpoint").and_then(|s| Uuid::parse_str(&s).ok());
    events::resend(&ctx, c.org(), id, endpoint)
        .await
        .console(&req)?;
    let back = match (endpoint, query_value(&req, "session")) {
        (Some(e), _) => format!("/dashboard/webhooks/{e}?notice=resent"),
        (None, Some(s)) if Uuid::parse_str(&s).is_ok() => {
            format!("/dashboard/checkouts/{s}?notice=resent")
        }
        _ => "/dashboard/webhooks?notice=resent".into(),
    };
    Ok(see_other(&back))
}
