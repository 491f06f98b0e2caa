//! Page structs for askama and the formatting of money, dates and prices in words. Templates
//! only print what is prepared here; nothing here decides a business rule.

pub mod checkout;
pub mod console;
pub mod i18n;
pub mod pages;
pub mod wording;

use rust_decimal::Decimal;

use crate::domain::invoice::{Invoice, LineKind};
use crate::domain::locale::Locale;
use crate::domain::money::Currency;
use crate::domain::period::BillingPeriod;
use crate::domain::pricing::{ItemBilling, Pricing};

pub use self::i18n::{Arg, Lang};

/// What every page is rendered with: the form's CSRF token, the style nonce, the language.
#[derive(Debug, Clone)]
pub struct PageCx {
    pub csrf: String,
    pub nonce: String,
    pub lang: &'static Lang,
}

/// One entry of the language switcher.
#[derive(Debug, Clone)]
pub struct LocaleOption {
    pub tag: &'static str,
    pub name: &'static str,
    pub selected: bool,
}

/// Shared by every page: title, seller branding, CSRF token, preview banner, language.
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
    pub lang: &'static Lang,
    /// The language switcher (empty on pages without one, such as the error page).
    pub locales: Vec<LocaleOption>,
}

pub const DEFAULT_BRAND: &str = "#3b5bdb";

impl Layout {
    pub fn new(
        title: impl Into<String>,
        seller: &str,
        logo: Option<&str>,
        brand: Option<&str>,
        cx: &PageCx,
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
            csrf_token: cx.csrf.clone(),
            preview,
            nonce: cx.nonce.clone(),
            lang: cx.lang,
            locales: Locale::ALL
                .iter()
                .map(|l| LocaleOption {
                    tag: l.tag(),
                    name: l.native_name(),
                    selected: *l == cx.lang.locale,
                })
                .collect(),
        }
    }

    /// A page outside any session (the error page): no seller branding, no switcher.
    pub fn plain(title: impl Into<String>, lang: &'static Lang) -> Self {
        let cx = PageCx {
            csrf: String::new(),
            nonce: String::new(),
            lang,
        };
        let mut l = Self::new(
            title,
            &lang.t("error-fallback-seller"),
            None,
            None,
            &cx,
            false,
        );
        l.locales.clear();
        l
    }

    /// The message `id` in the page's language (templates call this).
    pub fn t(&self, id: &str) -> String {
        self.lang.t(id)
    }

    pub fn tag(&self) -> &'static str {
        self.lang.locale.tag()
    }

    pub fn dir(&self) -> &'static str {
        self.lang.dir()
    }

    pub fn page_title(&self) -> String {
        self.lang.tf(
            "page-title",
            &[
                ("title", (&self.title).into()),
                ("seller", (&self.seller_name).into()),
            ],
        )
    }

    pub fn logo_alt(&self) -> String {
        self.lang
            .tf("logo-alt", &[("seller", (&self.seller_name).into())])
    }

    pub fn footer(&self) -> String {
        self.lang
            .tf("footer", &[("seller", (&self.seller_name).into())])
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

/// The item's unit label, or the locale's word for "unit".
fn unit_or_default<'a>(lang: &Lang, unit: Option<&'a str>) -> std::borrow::Cow<'a, str> {
    unit.map_or_else(|| lang.t("unit-default").into(), Into::into)
}

/// "$12.00 per seat / month", "$49.00 / month", "from $0.00 per event" ...
pub fn price_words(
    lang: &Lang,
    p: &Pricing,
    c: Currency,
    unit: Option<&str>,
    billing: ItemBilling,
    period: BillingPeriod,
) -> String {
    let unit = unit_or_default(lang, unit);
    let unit = unit.as_ref();
    let base = match p {
        Pricing::FlatFee { amount } => lang.money(c, *amount),
        Pricing::PerUnit { unit_amount } => lang.tf(
            "price-per-unit",
            &[
                ("price", (&lang.unit_price(c, *unit_amount)).into()),
                ("unit", unit.into()),
            ],
        ),
        Pricing::Tiered { .. } => lang.tf("price-graduated", &[("unit", unit.into())]),
        Pricing::Volume { .. } => lang.tf("price-volume", &[("unit", unit.into())]),
        Pricing::Package {
            package_size,
            package_amount,
        } => lang.tf(
            "price-package",
            &[
                ("price", (&lang.money(c, *package_amount)).into()),
                ("size", (*package_size).into()),
                ("unit", unit.into()),
            ],
        ),
        Pricing::Step { .. } => lang.t("price-stepped"),
    };
    let id = match billing {
        ItemBilling::Recurring => "price-per-period",
        ItemBilling::OneTime => return lang.tf("price-one-time", &[("price", (&base).into())]),
        ItemBilling::Usage => "price-usage",
    };
    lang.tf(
        id,
        &[
            ("price", (&base).into()),
            ("period", period.as_str().into()),
        ],
    )
}

#[derive(Debug, Clone)]
pub struct TierRow {
    pub range: String,
    pub price: String,
}

pub fn tier_rows(lang: &Lang, p: &Pricing, c: Currency, unit: Option<&str>) -> Vec<TierRow> {
    let tiers = match p {
        Pricing::Tiered { tiers } | Pricing::Volume { tiers } | Pricing::Step { tiers } => tiers,
        _ => return Vec::new(),
    };
    let unit = unit_or_default(lang, unit);
    let unit = unit.as_ref();
    let mut from = 0u64;
    let mut rows = Vec::with_capacity(tiers.len());
    for (i, t) in tiers.iter().enumerate() {
        let lo = if i == 0 { 0 } else { from + 1 };
        let range = match t.up_to {
            Some(hi) => format!("{}–{}", lang.count(lo), lang.count(hi)),
            None => format!("{}+", lang.count(lo)),
        };
        let per_unit = t.unit_amount.map(|u| {
            lang.tf(
                "tier-per-unit",
                &[
                    ("price", (&lang.unit_price(c, u)).into()),
                    ("unit", unit.into()),
                ],
            )
        });
        let flat = t
            .flat_amount
            .map(|f| lang.tf("tier-flat", &[("price", (&lang.money(c, f)).into())]));
        let price = match (per_unit, flat) {
            (Some(a), Some(b)) => lang.tf(
                "tier-join",
                &[("first", (&a).into()), ("second", (&b).into())],
            ),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => lang.money(c, Decimal::ZERO),
        };
        rows.push(TierRow { range, price });
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

/// The words of the invoice table, in the page's language.
#[derive(Debug, Clone)]
pub struct InvoiceLabels {
    pub caption: String,
    pub item: String,
    pub qty: String,
    pub unit_price: String,
    pub amount: String,
    pub empty: String,
    pub subtotal: String,
    pub total: String,
    pub amount_due: String,
}

#[derive(Debug, Clone)]
pub struct InvoiceView {
    pub heading: String,
    /// For element ids.
    pub slug: &'static str,
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
    pub labels: InvoiceLabels,
}

impl LineView {
    fn new(lang: &Lang, c: Currency, l: &crate::domain::invoice::LineItem) -> Self {
        LineView {
            name: wording::line_name(lang, l),
            description: wording::line_description(lang, l),
            quantity: lang.count(l.quantity),
            unit_price: l
                .unit_price
                .map(|u| lang.unit_price(c, u))
                .unwrap_or_default(),
            amount: lang.money(c, l.amount),
            is_credit: matches!(l.kind, LineKind::ProrationCredit | LineKind::Credit),
        }
    }
}

impl InvoiceView {
    /// `heading_id` names the heading's message and, as `slug`, the section's element ids;
    /// `tax_rate` is the seller's rate in percent, shown beside the tax ("Tax (20%)").
    pub fn new(lang: &Lang, heading_id: &'static str, inv: &Invoice, tax_rate: Decimal) -> Self {
        let c = inv.currency;
        let heading = lang.t(heading_id);
        let rate = tax_rate.normalize().to_string();
        Self {
            tax_label: lang.tf("invoice-tax", &[("rate", (&rate).into())]),
            labels: InvoiceLabels {
                caption: lang.tf("invoice-lines-caption", &[("heading", (&heading).into())]),
                item: lang.t("invoice-item"),
                qty: lang.t("invoice-qty"),
                unit_price: lang.t("invoice-unit-price"),
                amount: lang.t("invoice-amount"),
                empty: lang.t("invoice-empty"),
                subtotal: lang.t("invoice-subtotal"),
                total: lang.t("invoice-total"),
                amount_due: lang.t("invoice-amount-due"),
            },
            heading,
            slug: heading_id,
            period: lang.date_range(inv.period_start, inv.period_end),
            lines: inv
                .line_items
                .iter()
                .filter(|l| l.kind != LineKind::Discount)
                .map(|l| LineView::new(lang, c, l))
                .collect(),
            discounts: inv
                .line_items
                .iter()
                .filter(|l| l.kind == LineKind::Discount)
                .map(|l| LineView::new(lang, c, l))
                .collect(),
            subtotal: lang.money(c, inv.subtotal),
            tax: lang.money(c, inv.tax),
            total: lang.money(c, inv.total),
            amount_due: lang.money(c, inv.amount_due),
            notes: wording::notes(lang, inv),
            has_tax: !inv.tax.is_zero(),
        }
    }
}

/// `text` with `value` in bold, both escaped for HTML: for a translated sentence that
/// emphasises one of its arguments ("Code <strong>SPRING20</strong> applied."). The marker
/// pair cannot occur in a message or in escaped text.
pub fn emphasise(lang: &Lang, id: &str, name: &str, value: &str) -> String {
    const MARK: &str = "\u{e000}";
    let marked = format!("{MARK}{value}{MARK}");
    let s = lang.tf(id, &[(name, (&marked).into())]);
    let escaped = askama::filters::escape(&s, askama::filters::Html)
        .map(|e| e.to_string())
        .unwrap_or_default();
    let mut out = String::with_capacity(escaped.len() + 17);
    for (i, part) in escaped.split(MARK).enumerate() {
        if i % 2 == 1 {
            out.push_str("<strong>");
            out.push_str(part);
            out.push_str("</strong>");
        } else {
            out.push_str(part);
        }
    }
    out
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
        let rows = tier_rows(i18n::lang(Locale::En), &p, usd, Some("seat"));
        assert_eq!(rows[0].range, "0–500");
        assert_eq!(rows[1].range, "501+");
    }
}
