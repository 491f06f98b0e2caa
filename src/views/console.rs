//! The merchant console's pages (SPEC §13): one layout and a page made of blocks (headings,
//! facts, tables, forms, a chart), so every console page is built the same way and meets the
//! same accessibility bar. The console speaks English; customers' pages are translated.

use askama::Template;
use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::checkout::CheckoutStatus;
use crate::storage::DayOutcome;

/// The console's sections, in the navigation's order.
pub const NAV: &[(&str, &str)] = &[
    ("/dashboard", "Overview"),
    ("/dashboard/checkouts", "Checkouts"),
    ("/dashboard/contracts", "Contracts"),
    ("/dashboard/plans", "Plans"),
    ("/dashboard/coupons", "Coupons"),
    ("/dashboard/links", "Checkout links"),
    ("/dashboard/webhooks", "Webhooks"),
    ("/dashboard/api-keys", "API keys"),
];

#[derive(Debug, Clone)]
pub struct NavItem {
    pub href: &'static str,
    pub label: &'static str,
    pub current: bool,
}

/// A link or a button in a table cell or a fact.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub text: String,
    pub href: Option<String>,
    /// A POST button (with the CSRF token) instead of text: its action.
    pub post: Option<String>,
    /// Text of the cell read out as code (ids, URLs).
    pub code: bool,
}

impl Cell {
    pub fn text(t: impl Into<String>) -> Self {
        Cell {
            text: t.into(),
            ..Cell::default()
        }
    }
    pub fn link(t: impl Into<String>, href: impl Into<String>) -> Self {
        Cell {
            text: t.into(),
            href: Some(href.into()),
            ..Cell::default()
        }
    }
    pub fn code(t: impl Into<String>) -> Self {
        Cell {
            text: t.into(),
            code: true,
            ..Cell::default()
        }
    }
    pub fn button(label: impl Into<String>, action: impl Into<String>) -> Self {
        Cell {
            text: label.into(),
            post: Some(action.into()),
            ..Cell::default()
        }
    }
    pub fn yes_no(v: bool) -> Self {
        Cell::text(if v { "Yes" } else { "No" })
    }
    /// The one button that turns something `active` off, or on.
    pub fn toggle(active: bool, action: impl Into<String>) -> Self {
        Cell::button(if active { "Deactivate" } else { "Activate" }, action)
    }
}

#[derive(Debug, Clone)]
pub struct SelectOption {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Debug, Clone)]
pub enum FieldKind {
    Text,
    Email,
    Password,
    Url,
    Number,
    Select(Vec<SelectOption>),
    Checkbox(bool),
}

impl FieldKind {
    /// A select of `(value, label)` pairs, `chosen` selected.
    pub fn select<V: Into<String>, L: Into<String>>(
        options: impl IntoIterator<Item = (V, L)>,
        chosen: &str,
    ) -> Self {
        FieldKind::Select(
            options
                .into_iter()
                .map(|(v, l)| {
                    let value = v.into();
                    SelectOption {
                        selected: value == chosen,
                        value,
                        label: l.into(),
                    }
                })
                .collect(),
        )
    }
}

/// The language choices of a session or a link: `auto` first, then each locale in its own name.
pub fn locale_options() -> Vec<(String, String)> {
    std::iter::once(("auto".to_owned(), "From the browser".to_owned()))
        .chain(
            crate::domain::locale::Locale::ALL
                .iter()
                .map(|l| (l.tag().to_owned(), l.native_name().to_owned())),
        )
        .collect()
}

#[derive(Debug, Clone)]
pub struct Field {
    pub name: String,
    pub label: String,
    pub kind: FieldKind,
    pub value: String,
    pub required: bool,
    pub autocomplete: &'static str,
    pub error: Option<String>,
}

impl Field {
    pub fn new(name: &str, label: &str, kind: FieldKind) -> Self {
        Field {
            name: name.to_owned(),
            label: label.to_owned(),
            kind,
            value: String::new(),
            required: false,
            autocomplete: "off",
            error: None,
        }
    }
    pub fn value(mut self, v: impl Into<String>) -> Self {
        self.value = v.into();
        self
    }
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }
    pub fn autocomplete(mut self, a: &'static str) -> Self {
        self.autocomplete = a;
        self
    }
    pub fn id(&self) -> String {
        format!("f-{}", self.name.replace(['.', '_'], "-"))
    }
    pub fn is_text_like(&self) -> bool {
        !matches!(self.kind, FieldKind::Select(_) | FieldKind::Checkbox(_))
    }
    pub fn input_type(&self) -> &'static str {
        match self.kind {
            FieldKind::Email => "email",
            FieldKind::Password => "password",
            FieldKind::Url => "url",
            FieldKind::Number => "number",
            _ => "text",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Form {
    pub action: String,
    /// `post` (with the CSRF token) or `get` (filters).
    pub method: &'static str,
    pub legend: String,
    pub fields: Vec<Field>,
    pub submit: String,
}

impl Form {
    pub fn post(action: impl Into<String>, legend: &str, submit: &str, fields: Vec<Field>) -> Self {
        Form {
            action: action.into(),
            method: "post",
            legend: legend.to_owned(),
            fields,
            submit: submit.to_owned(),
        }
    }
    pub fn get(action: impl Into<String>, legend: &str, submit: &str, fields: Vec<Field>) -> Self {
        Form {
            method: "get",
            ..Form::post(action, legend, submit, fields)
        }
    }
    /// Puts each field error beside its field (by name); others are the page's to show.
    pub fn with_errors(mut self, errors: &[(String, String)]) -> Self {
        for f in &mut self.fields {
            if let Some((_, m)) = errors.iter().find(|(k, _)| *k == f.name) {
                f.error = Some(m.clone());
            }
        }
        self
    }
}

/// One bar segment of the overview chart, in SVG user units.
#[derive(Debug, Clone)]
pub struct Bar {
    pub x: i64,
    pub y: i64,
    pub width: i64,
    pub height: i64,
    pub class: &'static str,
    pub title: String,
}

/// Sessions by outcome per day, drawn on the server as stacked bars.
#[derive(Debug, Clone)]
pub struct Chart {
    pub width: i64,
    pub height: i64,
    pub bars: Vec<Bar>,
    pub max: i64,
    pub first_day: String,
    pub last_day: String,
    /// The same figures as a table (for screen readers and anyone who prefers numbers).
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, Clone)]
pub enum Block {
    Heading(String),
    Text(String),
    /// A success message after an action (`role="status"`).
    Notice(String),
    /// A value shown once (a new API key, a webhook secret) with a label.
    Secret {
        label: String,
        value: String,
    },
    Facts(Vec<(String, Cell)>),
    Table {
        caption: String,
        head: Vec<String>,
        rows: Vec<Vec<Cell>>,
        empty: String,
    },
    Form(Form),
    Errors(Vec<String>),
    Chart(Chart),
    Actions(Vec<Cell>),
}

/// A console page: the layout and its blocks.
#[derive(Template)]
#[template(path = "console/page.html")]
pub struct ConsolePage {
    pub title: String,
    pub nav: Vec<NavItem>,
    pub user_email: Option<String>,
    pub csrf: String,
    pub blocks: Vec<Block>,
}

impl ConsolePage {
    /// A page of a signed-in user; `section` is the navigation entry it belongs to.
    pub fn new(title: impl Into<String>, section: &str, email: &str, csrf: String) -> Self {
        ConsolePage {
            title: title.into(),
            nav: NAV
                .iter()
                .map(|(href, label)| NavItem {
                    href,
                    label,
                    current: *href == section,
                })
                .collect(),
            user_email: Some(email.to_owned()),
            csrf,
            blocks: Vec::new(),
        }
    }

    /// A page for someone not signed in (sign-in, errors): no navigation.
    pub fn signed_out(title: impl Into<String>, csrf: String) -> Self {
        ConsolePage {
            title: title.into(),
            nav: Vec::new(),
            user_email: None,
            csrf,
            blocks: Vec::new(),
        }
    }

    /// The chart's legend: each outcome's class and name.
    pub fn outcome_legend(&self) -> &'static [(&'static str, &'static str)] {
        &OUTCOMES
    }

    pub fn push(mut self, b: Block) -> Self {
        self.blocks.push(b);
        self
    }
}

pub fn date_time(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// How a status reads in the console.
pub fn status_label(s: CheckoutStatus) -> &'static str {
    match s {
        CheckoutStatus::Open => "Open",
        CheckoutStatus::ContractCreated => "Completed",
        CheckoutStatus::Cancelled => "Cancelled",
        CheckoutStatus::Expired => "Expired",
    }
}

/// Outcomes in the chart's stacking order, with their class and legend.
const OUTCOMES: [(&str, &str); 4] = [
    ("completed", "Completed"),
    ("cancelled", "Cancelled"),
    ("expired", "Expired"),
    ("open", "Open"),
];

fn outcome_of(s: CheckoutStatus) -> usize {
    match s {
        CheckoutStatus::ContractCreated => 0,
        CheckoutStatus::Cancelled => 1,
        CheckoutStatus::Expired => 2,
        CheckoutStatus::Open => 3,
    }
}

/// Totals over the period: created, then each outcome, and the conversion in whole percent.
pub struct Totals {
    pub created: i64,
    pub by_outcome: [i64; 4],
}

impl Totals {
    pub fn conversion(&self) -> String {
        if self.created == 0 {
            return "—".into();
        }
        format!(
            "{}%",
            (self.by_outcome[0] * 100 + self.created / 2) / self.created
        )
    }
}

/// The overview's chart and totals for the `days` days ending on `today`.
pub fn overview(rows: &[DayOutcome], today: NaiveDate, days: i64) -> (Chart, Totals) {
    let first = today - chrono::Duration::days(days - 1);
    let mut per_day = vec![[0i64; 4]; usize::try_from(days).unwrap_or(0)];
    for r in rows {
        let Ok(i) = usize::try_from((r.day - first).num_days()) else {
            continue;
        };
        if let Some(d) = per_day.get_mut(i) {
            d[outcome_of(r.status)] += r.sessions;
        }
    }
    let max = per_day
        .iter()
        .map(|d| d.iter().sum::<i64>())
        .max()
        .unwrap_or(0);
    let (bar_w, gap, height) = (16i64, 4i64, 160i64);
    let scale = max.max(1);
    let mut bars = Vec::new();
    let mut table = Vec::new();
    let mut totals = Totals {
        created: 0,
        by_outcome: [0; 4],
    };
    for (i, d) in per_day.iter().enumerate() {
        let day = first + chrono::Duration::days(i64::try_from(i).unwrap_or(0));
        let x = i64::try_from(i).unwrap_or(0) * (bar_w + gap);
        let mut top = height;
        for (k, n) in d.iter().enumerate() {
            totals.by_outcome[k] += n;
            if *n == 0 {
                continue;
            }
            let h = (n * height / scale).max(1);
            top -= h;
            bars.push(Bar {
                x,
                y: top,
                width: bar_w,
                height: h,
                class: OUTCOMES[k].0,
                title: format!("{day}: {n} {}", OUTCOMES[k].1.to_lowercase()),
            });
        }
        let created: i64 = d.iter().sum();
        totals.created += created;
        if created > 0 {
            let mut row = vec![Cell::text(day.to_string()), Cell::text(created.to_string())];
            row.extend(d.iter().map(|n| Cell::text(n.to_string())));
            table.push(row);
        }
    }
    let chart = Chart {
        width: i64::try_from(per_day.len()).unwrap_or(0) * (bar_w + gap),
        height,
        bars,
        max,
        first_day: first.to_string(),
        last_day: today.to_string(),
        rows: table,
    };
    (chart, totals)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn the_chart_stacks_outcomes_per_day_and_totals_the_conversion() {
        let rows = [
            DayOutcome {
                day: d("2026-12-01"),
                status: CheckoutStatus::ContractCreated,
                sessions: 3,
            },
            DayOutcome {
                day: d("2026-12-01"),
                status: CheckoutStatus::Cancelled,
                sessions: 1,
            },
            DayOutcome {
                day: d("2026-12-03"),
                status: CheckoutStatus::Open,
                sessions: 2,
            },
            // Outside the window: ignored.
            DayOutcome {
                day: d("2026-10-01"),
                status: CheckoutStatus::Open,
                sessions: 9,
            },
        ];
        let (chart, totals) = overview(&rows, d("2026-12-03"), 30);
        assert_eq!(totals.created, 6);
        assert_eq!(totals.by_outcome, [3, 1, 0, 2]);
        assert_eq!(totals.conversion(), "50%");
        assert_eq!(chart.max, 4);
        assert_eq!(chart.bars.len(), 3);
        let completed = &chart.bars[0];
        assert_eq!((completed.height, completed.y), (120, 40));
        assert_eq!(chart.bars[1].height, 40);
        assert_eq!(chart.bars[1].y, 0);
        assert_eq!(chart.bars[2].x, 29 * 20);
        assert_eq!(chart.rows.len(), 2);
        assert_eq!(chart.first_day, "2026-11-04");
    }

    #[test]
    fn an_empty_period_has_no_bars_and_no_conversion() {
        let (chart, totals) = overview(&[], d("2026-12-03"), 30);
        assert!(chart.bars.is_empty());
        assert_eq!(totals.conversion(), "—");
        assert_eq!(chart.width, 600);
    }
}
