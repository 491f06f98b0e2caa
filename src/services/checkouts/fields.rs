//! Checks of a session's own fields (those that need no other row), shared by create and
//! edit. Each adds what it finds to the request's [`Errors`] under the field's JSON path.

use crate::domain::locale::LocaleSetting;
use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use super::{
    MAX_METADATA_KEY_LEN, MAX_METADATA_KEYS, MAX_METADATA_VALUE_LEN, MAX_PLAN_OPTIONS, MAX_TTL_DAYS,
};
use crate::domain::catalog::{Plan, PlanStatus, QuantityBounds};
use crate::domain::customer::CustomerData;
use crate::domain::overrides::ItemOverride;
use crate::domain::redirect_url::RedirectUrl;
use crate::services::Errors;

pub(super) fn check_plan_options(
    errors: &mut Errors,
    options: &[Uuid],
    found: &[Plan],
    currency: Option<&Plan>,
) {
    if options.len() > MAX_PLAN_OPTIONS {
        errors.add("plan_options", format!("at most {MAX_PLAN_OPTIONS} plans"));
    }
    for (n, id) in options.iter().enumerate() {
        let path = format!("plan_options[{n}]");
        match found.iter().find(|p| p.id == *id) {
            None => errors.add(path, "no such plan"),
            Some(p) if p.status == PlanStatus::Archived => errors.add(path, "the plan is archived"),
            Some(p) => {
                if let Some(base) = currency
                    && base.currency != p.currency
                {
                    errors.add(path, "must be in the same currency as plan_id");
                }
            }
        }
    }
}

pub(super) fn check_expiry(errors: &mut Errors, at: DateTime<Utc>, now: DateTime<Utc>) {
    if at <= now {
        errors.add("expires_at", "must be in the future");
    } else if at > now + Duration::days(MAX_TTL_DAYS) {
        errors.add(
            "expires_at",
            format!("must be at most {MAX_TTL_DAYS} days ahead"),
        );
    }
}

pub(crate) fn check_metadata(errors: &mut Errors, m: &BTreeMap<String, String>) {
    if m.len() > MAX_METADATA_KEYS {
        errors.add("metadata", format!("at most {MAX_METADATA_KEYS} keys"));
    }
    for (k, v) in m {
        if k.is_empty() || k.chars().count() > MAX_METADATA_KEY_LEN {
            errors.add(
                format!("metadata.{k}"),
                format!("keys are 1 to {MAX_METADATA_KEY_LEN} characters"),
            );
        }
        if v.chars().count() > MAX_METADATA_VALUE_LEN {
            errors.add(
                format!("metadata.{k}"),
                format!("values are at most {MAX_METADATA_VALUE_LEN} characters"),
            );
        }
    }
}

/// The URL in `field`, if given and valid.
/// A session's `locale`: `auto` when absent; anything else must be supported (SPEC §12).
pub(crate) fn parse_locale(errors: &mut Errors, v: Option<&str>) -> Option<LocaleSetting> {
    let v = v?;
    match v.parse() {
        Ok(l) => Some(l),
        Err(e) => {
            errors.add("locale", format!("{e}"));
            None
        }
    }
}

pub(crate) fn parse_url(errors: &mut Errors, field: &str, v: Option<&str>) -> Option<RedirectUrl> {
    match RedirectUrl::parse(v?) {
        Ok(u) => Some(u),
        Err(msg) => {
            errors.add(field, msg);
            None
        }
    }
}

/// Guest prefill, normalised; what is present must be valid.
pub(super) fn customer_data(errors: &mut Errors, d: Option<&CustomerData>) -> CustomerData {
    let d = d.map(CustomerData::normalised).unwrap_or_default();
    let mut es = Vec::new();
    d.validate_present("customer_data", &mut es);
    errors.extend(es);
    d
}

/// Checks overrides against the lines they may touch (plan items or contract items):
/// known product, one of quantity / is_enabled, quantity within bounds, no duplicates.
pub fn check_overrides(
    errors: &mut Errors,
    overrides: &[ItemOverride],
    bounds: impl Fn(Uuid) -> Option<QuantityBounds>,
    where_: &str,
) {
    for (n, o) in overrides.iter().enumerate() {
        let path = format!("product_overrides[{n}]");
        if o.quantity.is_none() && o.is_enabled.is_none() {
            errors.add(path.clone(), "give quantity, is_enabled or both");
        }
        if overrides[..n].iter().any(|p| p.product_id == o.product_id) {
            errors.add(
                format!("{path}.product_id"),
                "a product may be overridden only once",
            );
        }
        match bounds(o.product_id) {
            None => errors.add(
                format!("{path}.product_id"),
                format!("is not a product of the {where_}"),
            ),
            Some(bounds) => {
                if let Some(q) = o.quantity
                    && !bounds.allows(q)
                {
                    let range = match (bounds.min, bounds.max) {
                        (Some(a), Some(b)) => format!("from {a} to {b}"),
                        (Some(a), None) => format!("at least {a}"),
                        (None, Some(b)) => format!("at most {b}"),
                        (None, None) => String::new(),
                    };
                    errors.add(format!("{path}.quantity"), format!("must be {range}"));
                }
            }
        }
    }
}
