//! Billing periods and calendar arithmetic.
//!
//! Periods are half-open date ranges `[start, end)`. Period k of a contract starts at
//! `anchor + k × months`, computed from the anchor every time with the day of month clamped to
//! the month's end (anchor Jan 31 → Feb 28/29 → Mar 31), so a short month never shifts later
//! periods.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::money::digits;

/// How often a plan bills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
pub enum BillingPeriod {
    P1M,
    P3M,
    P6M,
    P1Y,
}

impl BillingPeriod {
    /// Parses `P1M`, `P3M`, `P6M` or `P1Y`.
    pub fn parse(s: &str) -> Result<BillingPeriod, String> {
        match s {
            "P1M" => Ok(BillingPeriod::P1M),
            "P3M" => Ok(BillingPeriod::P3M),
            "P6M" => Ok(BillingPeriod::P6M),
            "P1Y" => Ok(BillingPeriod::P1Y),
            other => Err(format!(
                "`{other}` is not a billing period; use P1M, P3M, P6M or P1Y"
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            BillingPeriod::P1M => "P1M",
            BillingPeriod::P3M => "P3M",
            BillingPeriod::P6M => "P6M",
            BillingPeriod::P1Y => "P1Y",
        }
    }

    /// Length of the period in months.
    pub fn months(self) -> u32 {
        match self {
            BillingPeriod::P1M => 1,
            BillingPeriod::P3M => 3,
            BillingPeriod::P6M => 6,
            BillingPeriod::P1Y => 12,
        }
    }

    /// How many periods make a year: 12, 4, 2, 1.
    pub fn periods_per_year(self) -> u32 {
        12 / self.months()
    }

    /// The period in words, for "per month", "per quarter", "per 6 months", "per year".
    pub fn adjective(self) -> &'static str {
        match self {
            BillingPeriod::P1M => "month",
            BillingPeriod::P3M => "quarter",
            BillingPeriod::P6M => "6 months",
            BillingPeriod::P1Y => "year",
        }
    }
}

impl std::fmt::Display for BillingPeriod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for BillingPeriod {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        BillingPeriod::parse(s)
    }
}

/// A `YYYY-MM-DD` date, as dates are written everywhere here (the API, stored estimates,
/// SQLite columns). The four-digit-year form is read by hand, anything else by chrono: an
/// invoice estimate holds sixteen dates, and chrono's general parser was 1.8 % of a hosted
/// page's CPU (docs/performance.md).
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        let number = |digits: &[u8]| {
            digits.iter().try_fold(0u32, |n, &c| {
                c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
            })
        };
        if let (Some(y), Some(m), Some(d)) = (number(&b[..4]), number(&b[5..7]), number(&b[8..])) {
            return NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d);
        }
    }
    s.parse().ok()
}

/// serde for a `NaiveDate` field: written as chrono writes it, read with [`parse_iso_date`].
pub mod iso_date {
    use chrono::NaiveDate;
    use serde::{Deserializer, Serialize, Serializer, de};

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        date.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = NaiveDate;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a date as YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<NaiveDate, E> {
                super::parse_iso_date(v)
                    .ok_or_else(|| E::invalid_value(de::Unexpected::Str(v), &self))
            }
        }
        d.deserialize_str(Visitor)
    }
}

/// `date` moved by `months` (may be negative), with the day clamped to the end of the month,
/// or `None` outside chrono's date range.
pub fn checked_add_months(date: NaiveDate, months: i64) -> Option<NaiveDate> {
    let magnitude = u32::try_from(months.unsigned_abs()).ok()?;
    if months >= 0 {
        date.checked_add_months(Months::new(magnitude))
    } else {
        date.checked_sub_months(Months::new(magnitude))
    }
}

/// `date` moved by `months` (may be negative), day clamped to the end of the month
/// (Jan 31 + 1 month = Feb 28 or 29). Saturates at chrono's first/last date, which no real
/// contract reaches.
pub fn add_months_clamped(date: NaiveDate, months: i64) -> NaiveDate {
    checked_add_months(date, months).unwrap_or(if months >= 0 {
        NaiveDate::MAX
    } else {
        NaiveDate::MIN
    })
}

/// Start of period `k` of a schedule anchored at `anchor`, or `None` outside chrono's range.
pub fn checked_period_start(anchor: NaiveDate, period: BillingPeriod, k: i64) -> Option<NaiveDate> {
    checked_add_months(anchor, k.checked_mul(i64::from(period.months()))?)
}

/// Start of period `k` (k = 0 is the anchor; negative k lies before it), computed from the
/// anchor with the day of month clamped.
pub fn period_start(anchor: NaiveDate, period: BillingPeriod, k: i64) -> NaiveDate {
    checked_period_start(anchor, period, k).unwrap_or(if k >= 0 {
        NaiveDate::MAX
    } else {
        NaiveDate::MIN
    })
}

/// Index k of the period of the schedule anchored at `anchor` that contains `d`.
pub fn period_index(anchor: NaiveDate, period: BillingPeriod, d: NaiveDate) -> i64 {
    let month_diff = (i64::from(d.year()) - i64::from(anchor.year())) * 12 + i64::from(d.month())
        - i64::from(anchor.month());
    let mut k = month_diff.div_euclid(i64::from(period.months()));
    // The estimate is off by at most one because of day clamping; step to the exact period.
    // (Bounded loops: near the ends of chrono's calendar the start may not exist.)
    for _ in 0..4 {
        match checked_period_start(anchor, period, k) {
            Some(start) if start > d => k -= 1,
            _ => break,
        }
    }
    for _ in 0..4 {
        match checked_period_start(anchor, period, k + 1) {
            Some(next) if next <= d => k += 1,
            _ => break,
        }
    }
    k
}

/// The period `[start, end)` of the schedule anchored at `anchor` that contains `d`.
pub fn period_containing(
    anchor: NaiveDate,
    period: BillingPeriod,
    d: NaiveDate,
) -> (NaiveDate, NaiveDate) {
    let k = period_index(anchor, period, d);
    (
        period_start(anchor, period, k),
        period_start(anchor, period, k + 1),
    )
}

/// Calendar days from `a` to `b`, end exclusive (`b - a`).
pub fn days_between(a: NaiveDate, b: NaiveDate) -> i64 {
    (b - a).num_days()
}

const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month_abbreviation(d: NaiveDate) -> &'static str {
    MONTH_ABBREVIATIONS
        .get(d.month0() as usize)
        .copied()
        .unwrap_or("")
}

/// A date for people: `1 Dec 2026`.
pub fn format_date(d: NaiveDate) -> String {
    let mut out = String::with_capacity(11);
    write_date(&mut out, d);
    out
}

/// Appends [`format_date`] to `out`.
pub fn write_date(out: &mut String, d: NaiveDate) {
    write_day_month(out, d);
    out.push(' ');
    push_year(out, d.year());
}

/// "16 Nov"
fn write_day_month(out: &mut String, d: NaiveDate) {
    push_small(out, d.day());
    out.push(' ');
    out.push_str(month_abbreviation(d));
}

fn push_small(out: &mut String, n: u32) {
    let mut buf = [0u8; 20];
    out.push_str(digits(u64::from(n), &mut buf));
}

fn push_year(out: &mut String, year: i32) {
    if year < 0 {
        out.push('-');
    }
    push_small(out, year.unsigned_abs());
}

/// A range of days for people, both ends inclusive: `16–30 Nov 2026`, `16 Nov – 15 Dec 2026`,
/// `16 Dec 2026 – 15 Jan 2027`, or a single day `16 Nov 2026`.
pub fn format_range(start: NaiveDate, end_inclusive: NaiveDate) -> String {
    let mut out = String::with_capacity(24);
    write_range(&mut out, start, end_inclusive);
    out
}

/// Appends [`format_range`] to `out`.
pub fn write_range(out: &mut String, start: NaiveDate, end_inclusive: NaiveDate) {
    if start == end_inclusive {
        write_date(out, start);
    } else if start.year() == end_inclusive.year() && start.month() == end_inclusive.month() {
        push_small(out, start.day());
        out.push('\u{2013}');
        write_date(out, end_inclusive);
    } else if start.year() == end_inclusive.year() {
        write_day_month(out, start);
        out.push_str(" \u{2013} ");
        write_date(out, end_inclusive);
    } else {
        write_date(out, start);
        out.push_str(" \u{2013} ");
        write_date(out, end_inclusive);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn iso_dates_read_as_chrono_reads_them() {
        for s in [
            "2026-11-30",
            "2024-02-29",
            "0001-01-01",
            "9999-12-31",
            "2025-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-30",
            "2026-11-3x",
            "+2026-11-30",
            "2026/11/30",
            "",
            "2026-11-30 ",
            "20261-1-30",
            "-001-01-01",
        ] {
            assert_eq!(parse_iso_date(s), s.parse::<NaiveDate>().ok(), "{s:?}");
        }
        let json = serde_json::json!({"d": "2026-01-31"});
        #[derive(serde::Deserialize, serde::Serialize)]
        struct D {
            #[serde(with = "iso_date")]
            d: NaiveDate,
        }
        let d: D = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(d.d, date(2026, 1, 31));
        assert_eq!(serde_json::to_value(&d).unwrap(), json);
        assert!(serde_json::from_value::<D>(serde_json::json!({"d": "2026-02-30"})).is_err());
    }

    proptest::proptest! {
        #[test]
        fn every_date_reads_back(days in -1_000_000i64..1_000_000) {
            let d = date(2000, 1, 1) + chrono::Duration::days(days);
            proptest::prop_assert_eq!(parse_iso_date(&d.to_string()), Some(d));
        }
    }

    #[test]
    fn billing_period_words_and_codes() {
        assert_eq!(BillingPeriod::parse("P3M").unwrap(), BillingPeriod::P3M);
        assert!(BillingPeriod::parse("P2M").is_err());
        assert!(BillingPeriod::parse("p1m").is_err());
        assert_eq!(BillingPeriod::P6M.as_str(), "P6M");
        assert_eq!(
            [
                BillingPeriod::P1M,
                BillingPeriod::P3M,
                BillingPeriod::P6M,
                BillingPeriod::P1Y
            ]
            .map(|p| (p.months(), p.periods_per_year(), p.adjective())),
            [
                (1, 12, "month"),
                (3, 4, "quarter"),
                (6, 2, "6 months"),
                (12, 1, "year")
            ]
        );
        assert_eq!(
            serde_json::to_string(&BillingPeriod::P1Y).unwrap(),
            r#""P1Y""#
        );
        let p: BillingPeriod = serde_json::from_str(r#""P3M""#).unwrap();
        assert_eq!(p, BillingPeriod::P3M);
    }

    #[test]
    fn adding_months_clamps_to_the_end_of_the_month() {
        assert_eq!(add_months_clamped(date(2026, 1, 31), 1), date(2026, 2, 28));
        assert_eq!(add_months_clamped(date(2028, 1, 31), 1), date(2028, 2, 29));
        assert_eq!(add_months_clamped(date(2026, 3, 31), -1), date(2026, 2, 28));
        assert_eq!(add_months_clamped(date(2026, 11, 30), 3), date(2027, 2, 28));
        assert_eq!(add_months_clamped(date(2024, 2, 29), 12), date(2025, 2, 28));
    }

    #[test]
    fn periods_are_computed_from_the_anchor_every_time() {
        let anchor = date(2026, 1, 31);
        let p = BillingPeriod::P1M;
        assert_eq!(period_start(anchor, p, 1), date(2026, 2, 28));
        assert_eq!(period_start(anchor, p, 2), date(2026, 3, 31));
        assert_eq!(period_start(anchor, p, 3), date(2026, 4, 30));
        assert_eq!(period_start(anchor, p, -1), date(2025, 12, 31));
        // leap year
        assert_eq!(period_start(date(2028, 1, 31), p, 1), date(2028, 2, 29));
        // a leap day anchor, yearly
        let leap = date(2024, 2, 29);
        assert_eq!(period_start(leap, BillingPeriod::P1Y, 1), date(2025, 2, 28));
        assert_eq!(period_start(leap, BillingPeriod::P1Y, 4), date(2028, 2, 29));
    }

    #[test]
    fn finds_the_period_containing_a_date() {
        let anchor = date(2026, 1, 31);
        let p = BillingPeriod::P1M;
        assert_eq!(
            period_containing(anchor, p, date(2026, 1, 31)),
            (date(2026, 1, 31), date(2026, 2, 28))
        );
        assert_eq!(
            period_containing(anchor, p, date(2026, 2, 27)),
            (date(2026, 1, 31), date(2026, 2, 28))
        );
        assert_eq!(
            period_containing(anchor, p, date(2026, 2, 28)),
            (date(2026, 2, 28), date(2026, 3, 31))
        );
        assert_eq!(
            period_containing(anchor, p, date(2026, 3, 30)),
            (date(2026, 2, 28), date(2026, 3, 31))
        );
        assert_eq!(
            period_containing(date(2026, 11, 1), BillingPeriod::P3M, date(2027, 5, 1)),
            (date(2027, 5, 1), date(2027, 8, 1))
        );
        assert_eq!(
            period_containing(date(2026, 11, 15), BillingPeriod::P1Y, date(2026, 11, 14)),
            (date(2025, 11, 15), date(2026, 11, 15))
        );
    }

    #[test]
    fn counts_calendar_days_end_exclusive() {
        assert_eq!(days_between(date(2026, 11, 16), date(2026, 12, 1)), 15);
        assert_eq!(days_between(date(2028, 2, 1), date(2028, 3, 1)), 29);
        assert_eq!(days_between(date(2026, 2, 1), date(2026, 3, 1)), 28);
    }

    #[test]
    fn formats_dates_and_ranges_for_people() {
        assert_eq!(format_date(date(2026, 12, 1)), "1 Dec 2026");
        assert_eq!(
            format_range(date(2026, 11, 16), date(2026, 11, 30)),
            "16–30 Nov 2026"
        );
        assert_eq!(
            format_range(date(2026, 11, 16), date(2026, 12, 15)),
            "16 Nov – 15 Dec 2026"
        );
        assert_eq!(
            format_range(date(2026, 12, 16), date(2027, 1, 15)),
            "16 Dec 2026 – 15 Jan 2027"
        );
        assert_eq!(
            format_range(date(2026, 12, 16), date(2026, 12, 16)),
            "16 Dec 2026"
        );
    }
}
