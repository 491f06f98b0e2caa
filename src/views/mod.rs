//! Page structs for askama and the formatting of money, dates and prices in words. Templates
//! only print what is prepared here; nothing here decides a business rule.

pub mod checkout;
pub mod pages;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::invoice::{Invoice, LineKind};
use crate::domain::money::Currency;
use crate::domain::period::{BillingPeriod, format_date};
use crate::domain::pricing::{ItemBilling, Pricing};

/// Shared by every page: title, seller branding, CSRF token, preview banner.
#[derive(Debug, Clone)]
pub struct Layout {
    pub title: String,
    pub seller_name: String,
    pub logo_url: Option<String>,
    /// A validated `#rrggbb` colour.
    pub brand_color: String,
    /// Text colour on the brand colour, chosen for contrast (WCAG AA).
    pub brand_text: &'static str,
    pub csrf_token: String,
    pub preview: bool,
    /// CSP nonce for the one inline `<style>` (brand colour).
    pub nonce: String,
}

pub const DEFAULT_BRAND: &str = "#3b5bdb";

impl Layout {
    pub fn new(
        title: impl Into<String>,
        seller: &str,
        logo: Option<&str>,
        brand: Option<&str>,
        csrf: &str,
        preview: bool,
    ) -> Self {
        let brand_color = brand
            .filter(|c| crate::domain::catalog::BusinessEntity::brand_color_valid(c))
            .unwrap_or(DEFAULT_BRAND)
            .to_owned();
        let brand_text = text_on(&brand_color);
        Self {
            title: title.into(),
            seller_name: seller.to_owned(),
            logo_url: logo
                .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
                .map(str::to_owned),
            brand_color,
            brand_text,
            csrf_token: csrf.to_owned(),
            preview,
            nonce: String::new(),
        }
    }

    pub fn plain(title: impl Into<String>) -> Self {
        Self::new(title, "Checkout", None, None, "", false)
    }
}

fn channel(hex: &str) -> f64 {
    let v = u8::from_str_radix(hex, 16).unwrap_or(0) as f64 / 255.0;
    if v <= 0.039_28 {
        v / 12.92
    } else {
        ((v + 0.055) / 1.055).powf(2.4)
    }
}

/// White or near-black text, whichever contrasts more with `bg` (WCAG relative luminance;
/// colour maths, not money).
pub fn text_on(bg: &str) -> &'static str {
    if !crate::domain::catalog::BusinessEntity::brand_color_valid(bg) {
        return "#ffffff";
    }
    let l = 0.2126 * channel(&bg[1..3]) + 0.7152 * channel(&bg[3..5]) + 0.0722 * channel(&bg[5..7]);
    let white = 1.05 / (l + 0.05);
    let dark = (l + 0.05) / (0.0137 + 0.05);
    if white >= dark { "#ffffff" } else { "#111111" }
}

pub fn money(c: Currency, amount: Decimal) -> String {
    c.format(amount)
}

pub fn date(d: NaiveDate) -> String {
    format_date(d)
}

/// "$12.00 per seat / month", "$49.00 / month", "from $0.00 per event" ...
pub fn price_words(
    p: &Pricing,
    c: Currency,
    unit: Option<&str>,
    billing: ItemBilling,
    period: BillingPeriod,
) -> String {
    let unit = unit.unwrap_or("unit");
    let per = match billing {
        ItemBilling::Recurring => format!(" / {}", period.adjective()),
        ItemBilling::OneTime => " one-time".to_owned(),
        ItemBilling::Usage => format!(" / {}, billed on use", period.adjective()),
    };
    let base = match p {
        Pricing::FlatFee { amount } => money(c, *amount),
        Pricing::PerUnit { unit_amount } => format!("{} per {unit}", unit_price(c, *unit_amount)),
        Pricing::Tiered { .. } => format!("Graduated price per {unit}"),
        Pricing::Volume { .. } => format!("Volume price per {unit}"),
        Pricing::Package {
            package_size,
            package_amount,
        } => {
            format!("{} per {package_size} {unit}s", money(c, *package_amount))
        }
        Pricing::Step { .. } => "Stepped flat price".to_owned(),
    };
    format!("{base}{per}")
}

/// Unit prices keep their precision ("$0.0005"), but never fewer decimals than the currency.
pub fn unit_price(c: Currency, v: Decimal) -> String {
    if v.scale() > c.minor_units() && v.normalize().scale() > c.minor_units() {
        let sign = if v.is_sign_negative() { "-" } else { "" };
        let whole = money(c, v.abs().trunc());
        let frac = v.abs().normalize().fract().to_string();
        let digits = frac.trim_start_matches('0').trim_start_matches('.');
        let whole_digits = whole.rsplit_once('.').map_or(whole.as_str(), |(a, _)| a);
        format!("{sign}{whole_digits}.{digits}")
    } else {
        money(c, v)
    }
}

#[derive(Debug, Clone)]
pub struct TierRow {
    pub range: String,
    pub price: String,
}

pub fn tier_rows(p: &Pricing, c: Currency, unit: Option<&str>) -> Vec<TierRow> {
    let unit = unit.unwrap_or("unit");
    let tiers = match p {
        Pricing::Tiered { tiers } | Pricing::Volume { tiers } | Pricing::Step { tiers } => tiers,
        _ => return Vec::new(),
    };
    let mut from = 0u64;
    let mut rows = Vec::with_capacity(tiers.len());
    for (i, t) in tiers.iter().enumerate() {
        let lo = if i == 0 { 0 } else { from + 1 };
        let range = match t.up_to {
            Some(hi) => format!("{lo}–{hi}"),
            None => format!("{lo}+"),
        };
        let mut parts = Vec::new();
        if let Some(u) = t.unit_amount {
            parts.push(format!("{} per {unit}", unit_price(c, u)));
        }
        if let Some(f) = t.flat_amount {
            parts.push(format!("{} flat", money(c, f)));
        }
        if parts.is_empty() {
            parts.push(money(c, Decimal::ZERO));
        }
        rows.push(TierRow {
            range,
            price: parts.join(" + "),
        });
        from = t.up_to.unwrap_or(from);
    }
    rows
}

#[derive(Debug, Clone)]
pub struct LineView {
    pub name: String,
    pub description: String,
    pub quantity: String,
    pub unit_price: String,
    pub amount: String,
    pub is_credit: bool,
}

#[derive(Debug, Clone)]
pub struct InvoiceView {
    pub heading: String,
    /// For element ids.
    pub slug: String,
    pub period: String,
    pub lines: Vec<LineView>,
    pub subtotal: String,
    /// The `discount` lines, shown under the subtotal they are taken from.
    pub discounts: Vec<LineView>,
    pub tax: String,
    pub total: String,
    pub amount_due: String,
    pub notes: Vec<String>,
    pub has_tax: bool,
    pub tax_label: String,
}

impl LineView {
    fn new(c: crate::domain::money::Currency, l: &crate::domain::invoice::LineItem) -> Self {
        LineView {
            name: l.name.clone(),
            description: l.description.clone(),
            quantity: l.quantity.to_string(),
            unit_price: l.unit_price.map(|u| unit_price(c, u)).unwrap_or_default(),
            amount: money(c, l.amount),
            is_credit: matches!(l.kind, LineKind::ProrationCredit | LineKind::Credit),
        }
    }
}

impl InvoiceView {
    /// `tax_rate` is the seller's rate in percent, shown beside the tax ("Tax (20%)").
    pub fn new(heading: &str, inv: &Invoice, tax_rate: Decimal) -> Self {
        let c = inv.currency;
        Self {
            tax_label: format!("Tax ({}%)", tax_rate.normalize()),
            heading: heading.to_owned(),
            slug: heading.to_ascii_lowercase().replace(' ', "-"),
            period: crate::domain::period::format_range(inv.period_start, inv.period_end),
            lines: inv
                .line_items
                .iter()
                .filter(|l| l.kind != LineKind::Discount)
                .map(|l| LineView::new(c, l))
                .collect(),
            discounts: inv
                .line_items
                .iter()
                .filter(|l| l.kind == LineKind::Discount)
                .map(|l| LineView::new(c, l))
                .collect(),
            subtotal: money(c, inv.subtotal),
            tax: money(c, inv.tax),
            total: money(c, inv.total),
            amount_due: money(c, inv.amount_due),
            notes: inv.notes.clone(),
            has_tax: !inv.tax.is_zero(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_picks_readable_text() {
        assert_eq!(text_on("#ffffff"), "#111111");
        assert_eq!(text_on("#000000"), "#ffffff");
        assert_eq!(text_on("#3b5bdb"), "#ffffff");
        assert_eq!(text_on("#ffd43b"), "#111111");
    }

    #[test]
    fn tier_table_reads_like_a_price_list() {
        use crate::domain::pricing::Tier;
        let usd = Currency::parse("USD").unwrap();
        let p = Pricing::Tiered {
            tiers: vec![
                Tier {
                    up_to: Some(500),
                    unit_amount: Some(Decimal::new(2, 0)),
                    flat_amount: None,
                },
                Tier {
                    up_to: None,
                    unit_amount: Some(Decimal::new(15, 1)),
                    flat_amount: None,
                },
            ],
        };
        let rows = tier_rows(&p, usd, Some("seat"));
        assert_eq!(rows[0].range, "0–500");
        assert_eq!(rows[1].range, "501+");
    }
}
