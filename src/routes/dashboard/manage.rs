//! Console: checkout links (create, list with conversion, deactivate), webhook endpoints
//! (create, rotate the secret, disable) and API keys (create, revoke).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};

use super::{
    Console, ConsoleForm, ConsoleResult, Res, form_status, notice, path_id, render, see_other,
};
use crate::domain::checkout_link::LinkStats;
use crate::domain::events::{EnabledEvents, EndpointStatus};
use crate::domain::validation::FieldError;
use crate::services::checkout_links::{self, LinkError, LinkInput};
use crate::services::webhooks::{self, EndpointChanges, NewEndpoint, WebhookError};
use crate::services::{Ctx, ListParams, auth, catalog};
use crate::storage::PageRequest;
use crate::views::console::{Block, Cell, Field, FieldKind, Form, date_time, locale_options};

fn all(limit: u32) -> ListParams {
    ListParams {
        limit: Some(limit.to_string()),
        starting_after: None,
    }
}

fn conversion(s: &LinkStats) -> String {
    s.conversion_percent()
        .map(|p| format!("{p}%"))
        .unwrap_or_else(|| "—".into())
}

// ------------------------------------------------------------------ checkout links

async fn link_form(ctx: &Ctx, req: &HttpRequest, c: &Console) -> Result<Form, super::Reject> {
    let plans = catalog::list_plans(
        ctx,
        c.org(),
        PageRequest {
            limit: 100,
            starting_after: None,
        },
    )
    .await
    .console(req)?;
    let plan_options = FieldKind::select(
        plans
            .data
            .iter()
            .filter(|p| p.status == crate::domain::catalog::PlanStatus::Active)
            .map(|p| {
                let label = format!("{} ({}, {})", p.name, p.currency, p.billing_period);
                (p.id.to_string(), label)
            }),
        "",
    );
    Ok(Form::post(
        "/dashboard/links",
        "New checkout link",
        "Create link",
        vec![
            Field::new("plan_id", "Plan", plan_options).required(),
            Field::new(
                "success_url",
                "After confirming, go to (optional)",
                FieldKind::Url,
            ),
            Field::new(
                "cancel_url",
                "After cancelling, go to (optional)",
                FieldKind::Url,
            ),
            Field::new(
                "locale",
                "Language",
                FieldKind::select(locale_options(), "auto"),
            ),
            Field::new(
                "allow_promotion_codes",
                "Customers may enter a promotion code",
                FieldKind::Checkbox(false),
            ),
        ],
    ))
}

async fn links_page(ctx: &Ctx, req: &HttpRequest, c: &Console, errors: &[FieldError]) -> Res {
    let list = checkout_links::list_with_stats(ctx, c.org(), all(100))
        .await
        .console(req)?;
    let (page, pairs) = c.form_page("Checkout links", "/dashboard/links", req, errors);
    let rows = list
        .data
        .iter()
        .map(|l| {
            vec![
                Cell::link(
                    l.link.url(&ctx.public_url),
                    format!("/dashboard/links/{}", l.link.id),
                ),
                Cell::text(if l.link.active { "Active" } else { "Inactive" }),
                Cell::text(l.stats.sessions.to_string()),
                Cell::text(l.stats.completed.to_string()),
                Cell::text(conversion(&l.stats)),
                Cell::toggle(
                    l.link.active,
                    format!("/dashboard/links/{}/active", l.link.id),
                ),
            ]
        })
        .collect();
    let form = link_form(ctx, req, c).await?.with_errors(&pairs);
    let page = page
        .push(Block::Text(
            "Share a link anywhere: every visit opens a new checkout session for a guest.".into(),
        ))
        .push(Block::Table {
            caption: "Links, newest first".into(),
            head: ["Link", "State", "Sessions", "Completed", "Conversion", ""]
                .map(String::from)
                .to_vec(),
            rows,
            empty: "No checkout links yet.".into(),
        })
        .push(Block::Form(form));
    render(form_status(errors), &page)
}

pub async fn links(ctx: web::Data<Ctx>, req: HttpRequest, c: Console) -> Res {
    links_page(&ctx, &req, &c, &[]).await
}

pub async fn create_link(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    c: Console,
    form: ConsoleForm,
) -> Res {
    let plan_id = match form.get("plan_id").map(uuid::Uuid::parse_str) {
        Some(Ok(id)) => Some(id),
        None => None,
        Some(Err(_)) => {
            let e = [FieldError::new("plan_id", "choose a plan")];
            return links_page(&ctx, &req, &c, &e).await;
        }
    };
    let input = LinkInput {
        plan_id,
        success_url: form.get("success_url").map(str::to_owned),
        cancel_url: form.get("cancel_url").map(str::to_owned),
        locale: form.get("locale").map(str::to_owned),
        allow_promotion_codes: Some(form.checked("allow_promotion_codes")),
        ..LinkInput::default()
    };
    match checkout_links::create(&ctx, c.org(), input).await {
        Ok(link) => Ok(see_other(&format!(
            "/dashboard/links/{}?notice=link-created",
            link.id
        ))),
        Err(LinkError::Invalid(errors)) => links_page(&ctx, &req, &c, &errors).await,
        Err(e) => Err(e).console(&req),
    }
}

pub async fn link(ctx: web::Data<Ctx>, req: HttpRequest, c: Console, id: web::Path<String>) -> Res {
    let id = path_id(&id, "checkout link", &req)?;
    let l = checkout_links::get(&ctx, c.org(), id).await.console(&req)?;
    let mut page = c.page("Checkout link", "/dashboard/links");
    if let Some(n) = notice(&req) {
        page = page.push(n);
    }
    let url = l.link.url(&ctx.public_url);
    let page = page
        .push(Block::Secret {
            label: "The link to share".into(),
            value: url,
        })
        .push(Block::Facts(vec![
            (
                "State".into(),
                Cell::text(if l.link.active { "Active" } else { "Inactive" }),
            ),
            (
                "Plan".into(),
                Cell::link(
                    l.link.plan_id.to_string(),
                    format!("/dashboard/plans/{}", l.link.plan_id),
                ),
            ),
            ("Language".into(), Cell::text(l.link.locale.as_str())),
            (
                "Sessions opened".into(),
                Cell::text(l.stats.sessions.to_string()),
            ),
            (
                "Completed".into(),
                Cell::text(l.stats.completed.to_string()),
            ),
            ("Conversion".into(), Cell::text(conversion(&l.stats))),
            ("Created".into(), Cell::text(date_time(l.link.created_at))),
        ]))
        .push(Block::Actions(vec![
            Cell::link(
                "Its sessions",
                format!("/dashboard/checkouts?checkout_link_id={}", l.link.id),
            ),
            Cell::toggle(
                l.link.active,
                format!("/dashboard/links/{}/active", l.link.id),
            ),
        ]));
    render(StatusCode::OK, &page)
}

/// Toggles a link: an active one is deactivated, an inactive one activated.
pub async fn set_link_active(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    c: Console,
    _form: ConsoleForm,
    id: web::Path<String>,
) -> Res {
    let id = path_id(&id, "checkout link", &req)?;
    checkout_links::toggle_active(&ctx, c.org(), id)
        .await
        .console(&req)?;
    Ok(see_other(&format!(
        "/dashboard/links/{id}?notice=link-updated"
    )))
}

// ------------------------------------------------------------------ webhooks

fn endpoint_form() -> Form {
    Form::post(
        "/dashboard/webhooks",
        "New webhook endpoint (every event type)",
        "Create endpoint",
        vec![
            Field::new("url", "URL", FieldKind::Url).required(),
            Field::new("description", "Description (optional)", FieldKind::Text),
        ],
    )
}

async fn webhooks_page(
    ctx: &Ctx,
    req: &HttpRequest,
    c: &Console,
    created: Option<(String, String)>,
    errors: &[FieldError],
) -> Res {
    let list = webhooks::list(ctx, c.org(), all(100)).await.console(req)?;
    let (mut page, pairs) = c.form_page("Webhook endpoints", "/dashboard/webhooks", req, errors);
    if let Some((label, secret)) = created {
        page = page.push(Block::Secret {
            label,
            value: secret,
        });
    }
    let rows = list
        .data
        .iter()
        .map(|e| {
            let events = match &e.enabled_events {
                EnabledEvents::All => "All".to_owned(),
                EnabledEvents::Only(t) => {
                    t.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(", ")
                }
            };
            let (toggle, _) = match e.status {
                EndpointStatus::Enabled => ("Disable", "disabled"),
                _ => ("Enable", "enabled"),
            };
            vec![
                Cell::link(&e.url, format!("/dashboard/webhooks/{}", e.id)),
                Cell::text(e.status.as_str()),
                Cell::text(events),
                Cell::text(e.disabled_reason.clone().unwrap_or_default()),
                Cell::button(
                    "Rotate secret",
                    format!("/dashboard/webhooks/{}/rotate", e.id),
                ),
                Cell::button(toggle, format!("/dashboard/webhooks/{}/status", e.id)),
            ]
        })
        .collect();
    let page = page
        .push(Block::Table {
            caption: "Endpoints".into(),
            head: ["URL", "Status", "Events", "Why disabled", "", ""]
                .map(String::from)
                .to_vec(),
            rows,
            empty: "No endpoints yet.".into(),
        })
        .push(Block::Text(
            "Each session's events and their deliveries (with re-send) are on the session's page."
                .into(),
        ))
        .push(Block::Form(endpoint_form().with_errors(&pairs)));
    render(form_status(errors), &page)
}

pub async fn webhooks(ctx: web::Data<Ctx>, req: HttpRequest, c: Console) -> Res {
    webhooks_page(&ctx, &req, &c, None, &[]).await
}

pub async fn create_webhook(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    c: Console,
    form: ConsoleForm,
) -> Res {
    let input = NewEndpoint {
        url: form.get("url").unwrap_or("").to_owned(),
        enabled_events: vec!["*".into()],
        description: form.get("description").map(str::to_owned),
    };
    match webhooks::create(&ctx, c.org(), input).await {
        Ok(e) => {
            let label = format!("Signing secret of {}", e.url);
            webhooks_page(&ctx, &req, &c, Some((label, e.secret)), &[]).await
        }
        Err(WebhookError::Invalid(errors)) => webhooks_page(&ctx, &req, &c, None, &errors).await,
        Err(e) => Err(e).console(&req),
    }
}

/// `GET /dashboard/webhooks/{id}`: the endpoint and its latest deliveries, with re-send.
pub async fn webhook(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    c: Console,
    id: web::Path<String>,
) -> Res {
    let id = path_id(&id, "webhook endpoint", &req)?;
    let (e, deliveries) = webhooks::with_deliveries(&ctx, c.org(), id, 50)
        .await
        .console(&req)?;
    let rows = deliveries
        .iter()
        .map(|(event, kind, d)| {
            vec![
                Cell::text(date_time(d.created_at)),
                Cell::code(kind.as_str()),
                Cell::text(d.status.as_str()),
                Cell::text(d.attempt_count.to_string()),
                Cell::text(
                    d.last_status_code
                        .map(|c| c.to_string())
                        .or_else(|| d.last_error.clone())
                        .unwrap_or_else(|| "—".into()),
                ),
                Cell::button(
                    "Re-send",
                    format!("/dashboard/events/{event}/resend?endpoint={id}"),
                ),
            ]
        })
        .collect();
    let mut page = c.page("Webhook endpoint", "/dashboard/webhooks");
    if let Some(n) = notice(&req) {
        page = page.push(n);
    }
    let page = page
        .push(Block::Facts(vec![
            ("URL".into(), Cell::code(&e.url)),
            ("Status".into(), Cell::text(e.status.as_str())),
            (
                "Why disabled".into(),
                Cell::text(e.disabled_reason.clone().unwrap_or_else(|| "—".into())),
            ),
            ("Created".into(), Cell::text(date_time(e.created_at))),
        ]))
        .push(Block::Table {
            caption: "Latest deliveries, newest first".into(),
            head: ["Created", "Event", "Status", "Attempts", "Last answer", ""]
                .map(String::from)
                .to_vec(),
            rows,
            empty: "Nothing delivered yet.".into(),
        });
    render(StatusCode::OK, &page)
}

pub async fn rotate_webhook(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    c: Console,
    _form: ConsoleForm,
    id: web::Path<String>,
) -> Res {
    let id = path_id(&id, "webhook endpoint", &req)?;
    let e = webhooks::rotate_secret(&ctx, c.org(), id)
        .await
        .console(&req)?;
    let label = format!(
        "New signing secret of {} (the old one also signs for 24 hours)",
        e.url
    );
    webhooks_page(&ctx, &req, &c, Some((label, e.secret)), &[]).await
}

pub async fn set_webhook_status(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    c: Console,
    _form: ConsoleForm,
    id: web::Path<String>,
) -> Res {
    let id = path_id(&id, "webhook endpoint", &req)?;
    let e = webhooks::get(&ctx, c.org(), id).await.console(&req)?;
    let to = match e.status {
        EndpointStatus::Enabled => "disabled",
        _ => "enabled",
    };
    let changes = EndpointChanges {
        status: Some(to.into()),
        ..EndpointChanges::default()
    };
    webhooks::update(&ctx, c.org(), id, changes)
        .await
        .console(&req)?;
    Ok(see_other("/dashboard/webhooks?notice=webhook-updated"))
}

// ------------------------------------------------------------------ API keys

async fn keys_page(ctx: &Ctx, req: &HttpRequest, c: &Console, secret: Option<String>) -> Res {
    let keys = auth::list_keys(ctx, c.org(), all(100)).await.console(req)?;
    let mut page = c.page("API keys", "/dashboard/api-keys");
    if let Some(n) = notice(req) {
        page = page.push(n);
    }
    if let Some(secret) = secret {
        page = page.push(Block::Secret {
            label: "The new key (send it as x-api-key)".into(),
            value: secret,
        });
    }
    let rows = keys
        .data
        .iter()
        .map(|k| {
            vec![
                Cell::text(k.name.clone().unwrap_or_else(|| "—".into())),
                Cell::code(format!("{}…", k.prefix)),
                Cell::text(date_time(k.created_at)),
                Cell::text(
                    k.last_used_at
                        .map(date_time)
                        .unwrap_or_else(|| "Never".into()),
                ),
                match k.revoked_at {
                    Some(t) => Cell::text(format!("Revoked {}", date_time(t))),
                    None => Cell::button("Revoke", format!("/dashboard/api-keys/{}/revoke", k.id)),
                },
            ]
        })
        .collect();
    let page = page
        .push(Block::Table {
            caption: "Keys, newest first".into(),
            head: ["Name", "Key", "Created", "Last used", ""]
                .map(String::from)
                .to_vec(),
            rows,
            empty: "No keys.".into(),
        })
        .push(Block::Form(Form::post(
            "/dashboard/api-keys",
            "New API key",
            "Create key",
            vec![Field::new("name", "What it is for", FieldKind::Text)],
        )));
    render(StatusCode::OK, &page)
}

pub async fn api_keys(ctx: web::Data<Ctx>, req: HttpRequest, c: Console) -> Res {
    keys_page(&ctx, &req, &c, None).await
}

pub async fn create_api_key(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    c: Console,
    form: ConsoleForm,
) -> Res {
    let (_, secret) = auth::create_key(&ctx, c.org(), form.get("name").map(str::to_owned))
        .await
        .console(&req)?;
    keys_page(&ctx, &req, &c, Some(secret)).await
}

pub async fn revoke_api_key(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    c: Console,
    _form: ConsoleForm,
    id: web::Path<String>,
) -> Res {
    let id = path_id(&id, "API key", &req)?;
    auth::revoke_key(&ctx, c.org(), id).await.console(&req)?;
    Ok(see_other("/dashboard/api-keys?notice=key-revoked"))
}
