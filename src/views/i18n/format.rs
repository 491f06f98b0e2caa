//! CLDR formats for one locale from ICU4X's compiled data: numbers, money and dates. Built once
//! per locale at start-up ([`super::catalog`]); formatting allocates only its result.

use std::fmt::Write as _;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use fixed_decimal::Decimal as Fixed;
use foldhash::HashMap;
use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::YMD;
use icu_datetime::pattern::{DateTimePattern, FixedCalendarDateTimeNames, MonthNameLength};
use icu_decimal::DecimalFormatter;
use icu_experimental::dimension::currency::CurrencyType;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use iso_currency::IntoEnumIterator;
use rust_decimal::Decimal;
use writeable::{TryWriteable, Writeable};

use crate::domain::locale::Locale;
use crate::domain::money::Currency;

/// CLDR's `yMMMd` skeleton for each locale ("Dec 1, 2026", "1. Dez. 2026", "2026年12月1日"):
/// ICU4X's date field sets pick the locale's *medium* date, which is numeric in several
/// locales (`de` "01.12.2026"), so the pattern of the skeleton the pages use is kept here,
/// copied from CLDR 46 `availableFormats`, and its names come from ICU4X's data.
fn ymmmd(l: Locale) -> &'static str {
    match l {
        Locale::En => "MMM d, y",
        Locale::De => "d. MMM y",
        Locale::PtBr => "d 'de' MMM 'de' y",
        // CLDR writes `y年M月d日`; the abbreviated month name is "12月", so `MMM` gives
        // the same text from the month names loaded for every locale.
        Locale::Ja | Locale::Zh => "y年MMMd日",
        Locale::He => "d בMMM y",
        Locale::EnGb
        | Locale::Fr
        | Locale::Es
        | Locale::It
        | Locale::Nl
        | Locale::Sv
        | Locale::Pl
        | Locale::Ar => "d MMM y",
    }
}

pub struct Formats {
    decimal: DecimalFormatter,
    names: FixedCalendarDateTimeNames<Gregorian, YMD>,
    date_pattern: DateTimePattern,
    locale: icu_locale_core::Locale,
    /// Each ISO 4217 currency's pattern in this locale, read off ICU's currency formatter the
    /// first time a page shows that currency (most deployments use a handful of the ~180
    /// codes); `None`: ICU has no pattern for it.
    currencies: HashMap<&'static str, OnceLock<Option<Affixes>>>,
}

/// What a currency's pattern puts before and after the digits of an amount, for positive (and
/// zero) and negative amounts: `("$", "")` and `("-$", "")` in en, `("", "\u{a0}$")` and
/// `("-", "\u{a0}$")` in de. CLDR's currency patterns and spacing rules depend only on the
/// sign and on the symbol (digits are always digits), so these are the formatter's output
/// around the locale's number; a test compares both for every locale and many amounts.
#[derive(Debug)]
struct Affixes {
    positive: (String, String),
    negative: (String, String),
}

impl Affixes {
    fn read(
        formatter: &CurrencyFormatter<DecimalFormatter>,
        decimal: &DecimalFormatter,
        currency: Currency,
    ) -> Option<Affixes> {
        let minor = currency.minor_units();
        let probe = |amount: Decimal| -> Option<(String, String)> {
            let amount = currency.round(amount);
            let whole = formatter
                .format_fixed_decimal(&fixed(amount, minor))
                .write_to_string()
                .into_owned();
            let digits = decimal
                .format(&fixed(amount.abs(), minor))
                .write_to_string()
                .into_owned();
            let at = whole.find(&digits)?;
            // The digits must occur once, or the split would be a guess.
            if whole[at + 1..].contains(&digits) {
                return None;
            }
            Some((
                whole[..at].to_owned(),
                whole[at + digits.len()..].to_owned(),
            ))
        };
        Some(Affixes {
            positive: probe(Decimal::new(123_456_789, 2))?,
            negative: probe(Decimal::new(-123_456_789, 2))?,
        })
    }
}

impl std::fmt::Debug for Formats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Formats").finish_non_exhaustive()
    }
}

impl Formats {
    pub fn new(l: Locale) -> anyhow::Result<Self> {
        let loc: icu_locale_core::Locale = l.tag().parse()?;
        let decimal = DecimalFormatter::try_new((&loc).into(), Default::default())?;
        let mut names = FixedCalendarDateTimeNames::<Gregorian, YMD>::try_new((&loc).into())?;
        names.include_month_names(MonthNameLength::Abbreviated)?;
        names.include_decimal_formatter()?;
        let date_pattern = DateTimePattern::try_from_pattern_str(ymmmd(l))?;
        let currencies = iso_currency::Currency::iter()
            .map(|c| (c.code(), OnceLock::new()))
            .collect();
        Ok(Formats {
            locale: loc,
            decimal,
            names,
            date_pattern,
            currencies,
        })
    }

    /// A whole number with the locale's grouping ("1,234", "1.234", "1 234").
    pub fn count(&self, n: u64) -> String {
        self.decimal
            .format(&Fixed::from(n))
            .write_to_string()
            .into_owned()
    }

    /// A decimal number with its own decimals and the locale's separators ("12.5", "12,5").
    pub fn number(&self, n: Decimal) -> String {
        let n = n.normalize();
        self.decimal
            .format(&fixed(n, n.scale()))
            .write_to_string()
            .into_owned()
    }

    /// An amount in `currency`, with the locale's symbol, pattern and separators, and the
    /// currency's minor units ("$1,234.50", "1.234,50 $", "1 234,50 $US", "¥1,234").
    pub fn money(&self, currency: Currency, amount: Decimal) -> String {
        self.in_pattern(currency, currency.round(amount), currency.minor_units())
    }

    /// `amount`, written with `scale` decimals, in the currency's pattern for its sign; without
    /// a CLDR pattern, the locale's number and the ISO code.
    fn in_pattern(&self, currency: Currency, amount: Decimal, scale: u32) -> String {
        match self.affixes(currency) {
            Some(a) => {
                let (before, after) = if amount.is_sign_negative() {
                    &a.negative
                } else {
                    &a.positive
                };
                let number = fixed(amount.abs(), scale);
                let digits = self.decimal.format(&number);
                let mut out = String::with_capacity(before.len() + after.len() + 16);
                out.push_str(before);
                let _ = digits.write_to(&mut out);
                out.push_str(after);
                out
            }
            None => format!(
                "{} {}",
                self.decimal.format(&fixed(amount, scale)),
                currency.code()
            ),
        }
    }

    fn affixes(&self, currency: Currency) -> Option<&Affixes> {
        self.currencies
            .get(currency.code())?
            .get_or_init(|| Affixes::read(&self.icu_formatter(currency)?, &self.decimal, currency))
            .as_ref()
    }

    /// ICU's formatter for `currency` with its symbol in this locale, if ICU has one.
    fn icu_formatter(&self, currency: Currency) -> Option<CurrencyFormatter<DecimalFormatter>> {
        let ty = CurrencyType::try_from_str(&currency.code().to_ascii_lowercase()).ok()?;
        CurrencyFormatter::try_new_symbol((&self.locale).into(), ty, Default::default()).ok()
    }

    /// ICU's currency formatter itself, for the test that checks [`Affixes`] against it.
    #[cfg(test)]
    fn money_by_icu(&self, currency: Currency, amount: Decimal) -> Option<String> {
        let fixed = fixed(currency.round(amount), currency.minor_units());
        Some(
            self.icu_formatter(currency)?
                .format_fixed_decimal(&fixed)
                .write_to_string()
                .into_owned(),
        )
    }

    /// A unit price: [`Formats::money`], but keeping digits beyond the currency's minor
    /// units ("$0.0005", "0,0005 $"): the positive pattern around the precise number.
    pub fn unit_price(&self, currency: Currency, amount: Decimal) -> String {
        let precise = amount.normalize();
        if precise.scale() <= currency.minor_units() {
            return self.money(currency, amount);
        }
        let body = self.in_pattern(currency, precise.abs(), precise.scale());
        if amount.is_sign_negative() {
            format!("-{body}")
        } else {
            body
        }
    }

    /// A date in the locale's `yMMMd` form.
    pub fn date(&self, d: NaiveDate) -> String {
        let mut out = String::with_capacity(16);
        self.write_date(&mut out, d);
        out
    }

    pub fn write_date(&self, out: &mut String, d: NaiveDate) {
        let Ok(date) = Date::try_new_gregorian(d.year(), d.month() as u8, d.day() as u8) else {
            // Outside ICU's range: the ISO date, never a panic.
            let _ = write!(out, "{d}");
            return;
        };
        let formatted = self
            .names
            .with_pattern_unchecked(&self.date_pattern)
            .format(&date);
        let mut text = String::with_capacity(16);
        match formatted.try_write_to(&mut text) {
            Ok(Ok(())) => out.push_str(&text),
            // Missing names or a write error: the ISO date rather than a half-formatted one.
            _ => {
                let _ = write!(out, "{d}");
            }
        }
    }
}

/// `amount` as ICU's decimal, with at least `minor` fraction digits.
fn fixed(amount: Decimal, minor: u32) -> Fixed {
    let mut f = Fixed::from(amount.mantissa());
    f.absolute.multiply_pow10(-(amount.scale() as i16));
    f.absolute.pad_end(-(minor as i16));
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd() -> Currency {
        Currency::parse("USD").unwrap()
    }

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// Golden strings per locale, checked against CLDR 46 (the SPEC's examples among them).
    #[test]
    fn money_and_dates_follow_cldr_in_every_locale() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let cases: [(Locale, &str, &str, &str); 14] = [
            (Locale::En, "$1,234.50", "-$12.00", "Dec 1, 2026"),
            (Locale::EnGb, "US$1,234.50", "-US$12.00", "1 Dec 2026"),
            (
                Locale::De,
                "1.234,50\u{a0}$",
                "-12,00\u{a0}$",
                "1. Dez. 2026",
            ),
            (
                Locale::Fr,
                "1\u{202f}234,50\u{a0}$US",
                "-12,00\u{a0}$US",
                "1 déc. 2026",
            ),
            (
                Locale::Es,
                "1234,50\u{a0}US$",
                "-12,00\u{a0}US$",
                "1 dic 2026",
            ),
            (
                Locale::It,
                "1234,50\u{a0}US$",
                "-12,00\u{a0}US$",
                "1 dic 2026",
            ),
            (
                Locale::Nl,
                "US$\u{a0}1.234,50",
                "US$\u{a0}-12,00",
                "1 dec 2026",
            ),
            (
                Locale::PtBr,
                "US$\u{a0}1.234,50",
                "-US$\u{a0}12,00",
                "1 de dez. de 2026",
            ),
            (
                Locale::Sv,
                "1\u{a0}234,50\u{a0}US$",
                "−12,00\u{a0}US$",
                "1 dec. 2026",
            ),
            (
                Locale::Pl,
                "1234,50\u{a0}US$",
                "-12,00\u{a0}US$",
                "1 gru 2026",
            ),
            (Locale::Ja, "$1,234.50", "-$12.00", "2026年12月1日"),
            (Locale::Zh, "US$1,234.50", "-US$12.00", "2026年12月1日"),
            (
                Locale::Ar,
                "\u{200f}1,234.50\u{a0}US$",
                "\u{200f}\u{200e}-12.00\u{a0}US$",
                "1 ديسمبر 2026",
            ),
            (
                Locale::He,
                "\u{200f}1,234.50\u{a0}\u{200f}$",
                "\u{200f}\u{200e}-12.00\u{a0}\u{200f}$",
                "1 בדצמ׳ 2026",
            ),
        ];
        for (l, amount, negative, date) in cases {
            let f = Formats::new(l).unwrap();
            assert_eq!(f.money(usd(), dec("1234.5")), amount, "{l}");
            assert_eq!(f.money(usd(), dec("-12")), negative, "{l}");
            assert_eq!(f.date(day), date, "{l}");
        }
    }

    /// The pattern read off ICU's formatter once gives ICU's text for every amount, sign and
    /// size, in every locale and for currencies with 0, 2 and 3 minor units and with and
    /// without a symbol.
    #[test]
    fn money_from_affixes_reads_as_icu_formats_it() {
        let amounts = [
            "0",
            "0.001",
            "0.01",
            "-0.01",
            "1",
            "-1",
            "12.5",
            "-12",
            "999.995",
            "1234.5",
            "-1234.56",
            "12345.678",
            "1000000",
            "-98765432.1",
        ];
        let mut checked = 0;
        for l in Locale::ALL {
            let f = Formats::new(l).unwrap();
            for code in [
                "USD", "EUR", "GBP", "JPY", "CHF", "KWD", "BRL", "SEK", "PLN", "ILS", "SAR", "CNY",
            ] {
                let c = Currency::parse(code).unwrap();
                for a in amounts {
                    let Some(icu) = f.money_by_icu(c, dec(a)) else {
                        continue;
                    };
                    assert_eq!(f.money(c, dec(a)), icu, "{l} {code} {a}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 14 * 12 * 14 / 2, "{checked}");
    }

    #[test]
    fn minor_units_and_unit_prices() {
        let en = Formats::new(Locale::En).unwrap();
        let de = Formats::new(Locale::De).unwrap();
        let jpy = Currency::parse("JPY").unwrap();
        assert_eq!(en.money(jpy, dec("1234")), "¥1,234");
        assert_eq!(
            de.money(Currency::parse("EUR").unwrap(), dec("60")),
            "60,00\u{a0}€"
        );
        assert_eq!(en.unit_price(usd(), dec("0.0005")), "$0.0005");
        assert_eq!(de.unit_price(usd(), dec("0.0005")), "0,0005\u{a0}$");
        assert_eq!(en.unit_price(usd(), dec("12.5")), "$12.50");
        assert_eq!(en.unit_price(usd(), dec("1234.125")), "$1,234.125");
        let chf = Currency::parse("CHF").unwrap();
        // CLDR has no symbol for CHF in these locales: the ISO code, in the locale's pattern.
        assert_eq!(en.money(chf, dec("12")), "CHF\u{a0}12.00");
        assert_eq!(de.money(chf, dec("12")), "12,00\u{a0}CHF");
        assert_eq!(en.count(1234), "1,234");
        assert_eq!(de.count(1234), "1.234");
    }
}
