//! Console: coupons and promotion codes (SPEC §10): list, detail, create, archive a coupon,
//! (de)activate a code.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};
use rust_decimal::Decimal;

use super::{
    Console, ConsoleForm, ConsoleResult, Res, form_status, notice, path_id, render, see_other,
};
use crate::domain::discount::{DiscountDuration, DiscountValue};
use crate::domain::locale::Locale;
use crate::domain::validation::FieldError;
use crate::services::Ctx;
use crate::services::discounts::{self, CouponInput, DiscountError, PromotionCodeInput};
use crate::storage::PageRequest;
use crate::views::console::{Block, Cell, Field, FieldKind, Form, date_time};
use crate::views::i18n;

fn page_of(limit: u32) -> PageRequest {
    PageRequest {
        limit,
        starting_after: None,
    }
}

fn value_label(v: &DiscountValue) -> String {
    match v {
        DiscountValue::PercentOff { percent } => format!("{}% off", percent.normalize()),
        DiscountValue::AmountOff { amount, currency } => {
            format!("{} off", i18n::lang(Locale::En).money(*currency, *amount))
        }
    }
}

fn duration_label(d: DiscountDuration) -> String {
    match d {
        DiscountDuration::Once => "Once".into(),
        DiscountDuration::Repeating(n) => format!("For {n} billing period(s)"),
        DiscountDuration::Forever => "Forever".into(),
    }
}

async fn discounts_page(ctx: &Ctx, req: &HttpRequest, c: &Console, errors: &[FieldError]) -> Res {
    let coupons = discounts::list_coupons(ctx, c.org(), page_of(100))
        .await
        .console(req)?;
    let codes = discounts::list_promotion_codes(ctx, c.org(), page_of(100))
        .await
        .console(req)?;
    let (page, pairs) = c.form_page(
        "Coupons and promotion codes",
        "/dashboard/coupons",
        req,
        errors,
    );
    let coupon_rows = coupons
        .data
        .iter()
        .map(|v| {
            let k = &v.item;
            vec![
                Cell::link(&k.name, format!("/dashboard/coupons/{}", k.id)),
                Cell::text(value_label(&k.value)),
                Cell::text(duration_label(k.duration)),
                Cell::text(k.times_redeemed.to_string()),
                Cell::yes_no(v.valid),
            ]
        })
        .collect();
    let name_of = |id: uuid::Uuid| {
        coupons
            .data
            .iter()
            .find(|v| v.item.id == id)
            .map(|v| v.item.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let code_rows = codes
        .data
        .iter()
        .map(|v| {
            let p = &v.item;
            vec![
                Cell::link(&p.code, format!("/dashboard/promotion-codes/{}", p.id)),
                Cell::link(
                    name_of(p.coupon_id),
                    format!("/dashboard/coupons/{}", p.coupon_id),
                ),
                Cell::text(p.times_redeemed.to_string()),
                Cell::yes_no(v.valid),
                Cell::toggle(
                    p.active,
                    format!("/dashboard/promotion-codes/{}/active", p.id),
                ),
            ]
        })
        .collect();
    let coupon_choices = FieldKind::select(
        coupons
            .data
            .iter()
            .map(|v| (v.item.id.to_string(), v.item.name.clone())),
        "",
    );
    let page = page
        .push(Block::Table {
            caption: "Coupons".into(),
            head: ["Coupon", "Takes off", "Lasts", "Redeemed", "Valid now"]
                .map(String::from)
                .to_vec(),
            rows: coupon_rows,
            empty: "No coupons yet.".into(),
        })
        .push(Block::Form(
            Form::post(
                "/dashboard/coupons",
                "New coupon",
                "Create coupon",
                vec![
                    Field::new("name", "Name", FieldKind::Text).required(),
                    Field::new(
                        "percent_off",
                        "Percent off (or an amount below)",
                        FieldKind::Text,
                    ),
                    Field::new("amount_off", "Amount off", FieldKind::Text),
                    Field::new("currency", "Currency of the amount", FieldKind::Text),
                    Field::new(
                        "duration",
                        "Lasts",
                        FieldKind::select(
                            [
                                ("once", "Once"),
                                ("repeating", "Some periods"),
                                ("forever", "Forever"),
                            ],
                            "",
                        ),
                    ),
                    Field::new(
                        "duration_in_periods",
                        "Periods (if some)",
                        FieldKind::Number,
                    ),
                ],
            )
            .with_errors(&pairs),
        ))
        .push(Block::Table {
            caption: "Promotion codes".into(),
            head: ["Code", "Coupon", "Redeemed", "Valid now", ""]
                .map(String::from)
                .to_vec(),
            rows: code_rows,
            empty: "No promotion codes yet.".into(),
        })
        .push(Block::Form(
            Form::post(
                "/dashboard/promotion-codes",
                "New promotion code",
                "Create code",
                vec![
                    Field::new("code", "Code customers type", FieldKind::Text).required(),
                    Field::new("coupon_id", "Coupon", coupon_choices),
                ],
            )
            .with_errors(&pairs),
        ));
    render(form_status(errors), &page)
}

pub async fn coupons(ctx: web::Data<Ctx>, req: HttpRequest, c: Console) -> Res {
    discounts_page(&ctx, &req, &c, &[]).await
}

fn decimal(form: &ConsoleForm, name: &str, errors: &mut Vec<FieldError>) -> Option<Decimal> {
    let raw = form.get(name)?;
    let parsed = raw.parse::<Decimal>().ok();
    if parsed.is_none() {
        errors.push(FieldError::new(name, "must be a number such as 20 or 5.50"));
    }
    parsed
}

pub async fn create_coupon(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    c: Console,
    form: ConsoleForm,
) -> Res {
    let mut errors = Vec::new();
    let percent_off = decimal(&form, "percent_off", &mut errors);
    let amount_off = decimal(&form, "amount_off", &mut errors);
    let periods = match form.get("duration_in_periods").map(str::parse::<u32>) {
        None => None,
        Some(Ok(n)) => Some(n),
        Some(Err(_)) => {
            errors.push(FieldError::new(
                "duration_in_periods",
                "must be a whole number",
            ));
            None
        }
    };
    if !errors.is_empty() {
        return discounts_page(&ctx, &req, &c, &errors).await;
    }
    let repeating = form.get("duration") == Some("repeating");
    let input = CouponInput {
        name: form.get("name").map(str::to_owned),
        percent_off,
        amount_off,
        currency: form.get("currency").map(str::to_owned),
        duration: form.get("duration").map(str::to_owned),
        duration_in_periods: if repeating { periods } else { None },
        ..CouponInput::default()
    };
    match discounts::create_coupon(&ctx, c.org(), input).await {
        Ok(_) => Ok(see_other("/dashboard/coupons?notice=coupon-created")),
        Err(DiscountError::Invalid(errors)) => discounts_page(&ctx, &req, &c, &errors).await,
        Err(e) => Err(e).console(&req),
    }
}

pub async fn create_promotion_code(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    c: Console,
    form: ConsoleForm,
) -> Res {
    let input = PromotionCodeInput {
        coupon_id: form
            .get("coupon_id")
            .and_then(|v| uuid::Uuid::parse_str(v).ok()),
        code: form.get("code").map(str::to_owned),
        ..PromotionCodeInput::default()
    };
    match discounts::create_promotion_code(&ctx, c.org(), input).await {
        Ok(_) => Ok(see_other("/dashboard/coupons?notice=code-created")),
        Err(DiscountError::Invalid(errors)) => discounts_page(&ctx, &req, &c, &errors).await,
        Err(e) => Err(e).console(&req),
    }
}

pub async fn set_code_active(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    c: Console,
    _form: ConsoleForm,
    id: web::Path<String>,
) -> Res {
    let id = path_id(&id, "promotion code", &req)?;
    let codes = discounts::get_promotion_code(&ctx, c.org(), id)
        .await
        .console(&req)?;
    discounts::set_promotion_code_active(&ctx, c.org(), id, Some(!codes.item.active))
        .await
        .console(&req)?;
    Ok(see_other("/dashboard/coupons?notice=code-updated"))
}

/// `3 of 10`, or `3` without a limit.
fn redemptions(times: i64, max: Option<i64>) -> String {
    match max {
        Some(max) => format!("{times} of {max}"),
        None => times.to_string(),
    }
}

fn or_dash(v: Option<String>) -> String {
    v.unwrap_or_else(|| "—".into())
}

/// `GET /dashboard/coupons/{id}`: the coupon, its codes, a new code for it, archive.
pub async fn coupon(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    c: Console,
    id: web::Path<String>,
) -> Res {
    let id = path_id(&id, "coupon", &req)?;
    let v = discounts::get_coupon(&ctx, c.org(), id)
        .await
        .console(&req)?;
    let codes = discounts::codes_of_coupon(&ctx, c.org(), id)
        .await
        .console(&req)?;
    let k = &v.item;
    let mut page = c.page(format!("Coupon: {}", k.name), "/dashboard/coupons");
    if let Some(n) = notice(&req) {
        page = page.push(n);
    }
    let applies = match &k.applies_to {
        None => Cell::text("Every product"),
        Some(ids) => Cell::text(
            ids.iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
    };
    let mut actions = Vec::new();
    if k.status == crate::domain::discount::CouponStatus::Active {
        actions.push(Cell::button(
            "Archive",
            format!("/dashboard/coupons/{}/archive", k.id),
        ));
    }
    let page = page
        .push(Block::Facts(vec![
            ("Id".into(), Cell::code(k.id.to_string())),
            ("Takes off".into(), Cell::text(value_label(&k.value))),
            ("Lasts".into(), Cell::text(duration_label(k.duration))),
            ("Applies to".into(), applies),
            (
                "Redemptions".into(),
                Cell::text(redemptions(k.times_redeemed, k.max_redemptions)),
            ),
            (
                "Redeem by".into(),
                Cell::text(or_dash(k.redeem_by.map(date_time))),
            ),
            ("Status".into(), Cell::text(k.status.as_str())),
            ("Valid now".into(), Cell::yes_no(v.valid)),
            ("Created".into(), Cell::text(date_time(k.created_at))),
        ]))
        .push(Block::Actions(actions))
        .push(Block::Table {
            caption: "Its promotion codes".into(),
            head: ["Code", "Redeemed", "Valid now", ""]
                .map(String::from)
                .to_vec(),
            rows: codes
                .iter()
                .map(|v| {
                    let p = &v.item;
                    vec![
                        Cell::link(&p.code, format!("/dashboard/promotion-codes/{}", p.id)),
                        Cell::text(p.times_redeemed.to_string()),
                        Cell::yes_no(v.valid),
                        Cell::toggle(
                            p.active,
                            format!("/dashboard/promotion-codes/{}/active", p.id),
                        ),
                    ]
                })
                .collect(),
            empty: "No promotion codes for this coupon yet.".into(),
        })
        .push(Block::Form(Form::post(
            "/dashboard/promotion-codes",
            "New promotion code for this coupon",
            "Create code",
            vec![
                Field::new("code", "Code customers type", FieldKind::Text).required(),
                Field::new(
                    "coupon_id",
                    "Coupon",
                    FieldKind::select([(k.id.to_string(), k.name.clone())], &k.id.to_string()),
                ),
            ],
        )));
    render(StatusCode::OK, &page)
}

/// `POST /dashboard/coupons/{id}/archive`: no new redemptions; discounts already applied
/// run their course (SPEC §10).
pub async fn archive_coupon(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    c: Console,
    _form: ConsoleForm,
    id: web::Path<String>,
) -> Res {
    let id = path_id(&id, "coupon", &req)?;
    discounts::archive_coupon(&ctx, c.org(), id)
        .await
        .console(&req)?;
    Ok(see_other(&format!(
        "/dashboard/coupons/{id}?notice=coupon-archived"
    )))
}

/// `GET /dashboard/promotion-codes/{id}`: the code, its coupon and restrictions, and
/// (de)activate.
pub async fn promotion_code(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    c: Console,
    id: web::Path<String>,
) -> Res {
    let id = path_id(&id, "promotion code", &req)?;
    let v = discounts::get_promotion_code(&ctx, c.org(), id)
        .await
        .console(&req)?;
    let p = &v.item;
    let coupon = discounts::get_coupon(&ctx, c.org(), p.coupon_id)
        .await
        .console(&req)?;
    let en = i18n::lang(Locale::En);
    let minimum = match (
        p.restrictions.minimum_amount,
        p.restrictions.minimum_amount_currency,
    ) {
        (Some(amount), Some(currency)) => en.money(currency, amount),
        (Some(amount), None) => amount.to_string(),
        _ => "—".into(),
    };
    let mut page = c.page(format!("Promotion code: {}", p.code), "/dashboard/coupons");
    if let Some(n) = notice(&req) {
        page = page.push(n);
    }
    let page = page
        .push(Block::Facts(vec![
            ("Id".into(), Cell::code(p.id.to_string())),
            ("Code".into(), Cell::code(&p.code)),
            (
                "Coupon".into(),
                Cell::link(
                    &coupon.item.name,
                    format!("/dashboard/coupons/{}", coupon.item.id),
                ),
            ),
            ("Active".into(), Cell::yes_no(p.active)),
            (
                "Redemptions".into(),
                Cell::text(redemptions(p.times_redeemed, p.max_redemptions)),
            ),
            (
                "Expires".into(),
                Cell::text(or_dash(p.expires_at.map(date_time))),
            ),
            (
                "First purchase only".into(),
                Cell::yes_no(p.restrictions.first_time_transaction),
            ),
            ("Minimum first invoice".into(), Cell::text(minimum)),
            ("Valid now".into(), Cell::yes_no(v.valid)),
            ("Created".into(), Cell::text(date_time(p.created_at))),
        ]))
        .push(Block::Actions(vec![Cell::toggle(
            p.active,
            format!("/dashboard/promotion-codes/{}/active", p.id),
        )]));
    render(StatusCode::OK, &page)
}
