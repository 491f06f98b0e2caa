//! Currencies and the one rounding rule of the project.
//!
//! Amounts are exact [`Decimal`]s in major units (`29.99`). Rounding to a currency's minor unit
//! happens in exactly one place, [`Currency::round`]; formatting for people happens in
//! [`Currency::format`], used only at the edges (pages, customer-facing sentences).

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An ISO 4217 currency that money can be charged in.
///
/// Only upper-case codes of circulating currencies are accepted: funds (`USN`, `BOV`), special
/// codes without a minor unit (`XXX`, `XAU`, `XDR`) and superseded codes (`HRK`) are refused.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency(iso_currency::Currency);

impl Currency {
    /// Parses an upper-case ISO 4217 code such as `"USD"`.
    pub fn parse(code: &str) -> Result<Currency, String> {
        let Some(c) = iso_currency::Currency::from_code(code) else {
            return Err(
                if iso_currency::Currency::from_code(&code.to_ascii_uppercase()).is_some() {
                    format!("`{code}` must be written in upper case")
                } else {
                    format!("`{code}` is not an ISO 4217 currency code")
                },
            );
        };
        if c.is_fund() || c.is_special() || c.exponent().is_none() {
            return Err(format!("`{code}` is not a currency that can be charged"));
        }
        if let Some(latest) = c.is_superseded() {
            return Err(format!(
                "`{code}` has been replaced by `{}`",
                latest.latest().code()
            ));
        }
        Ok(Currency(c))
    }

    /// The three-letter code, e.g. `"USD"`.
    pub fn code(&self) -> &'static str {
        self.0.code()
    }

    /// Number of decimals of the minor unit: USD 2, JPY 0, KWD 3.
    pub fn minor_units(&self) -> u32 {
        // `parse` only admits currencies that have an exponent.
        u32::from(self.0.exponent().unwrap_or(2))
    }

    /// Rounds an amount to the currency's minor unit, half away from zero, and gives it exactly
    /// that many decimals (`15` → `15.00` in USD). A zero result is never negative.
    ///
    /// This is the only rounding function of the project.
    pub fn round(&self, amount: Decimal) -> Decimal {
        let units = self.minor_units();
        if let Some(rounded) = round_mantissa(amount, units) {
            return rounded;
        }
        let mut rounded =
            amount.round_dp_with_strategy(units, RoundingStrategy::MidpointAwayFromZero);
        rounded.rescale(units);
        if rounded.is_zero() {
            rounded.set_sign_positive(true);
        }
        rounded
    }

    /// Formats an amount for people: `$1,234.50`, `-$15.00`, `€29.99`, `¥1,235`, `KWD 1.250`.
    ///
    /// The amount is rounded with [`Currency::round`] first and always shows exactly
    /// [`Currency::minor_units`] decimals, with `,` as the thousands separator.
    pub fn format(&self, amount: Decimal) -> String {
        let mut out = String::with_capacity(16);
        self.write_formatted(&mut out, amount);
        out
    }

    /// Appends the formatted amount to `out` (see [`Currency::format`]).
    pub fn write_formatted(&self, out: &mut String, amount: Decimal) {
        let rounded = self.round(amount);
        if rounded.is_sign_negative() {
            out.push('-');
        }
        match self.symbol() {
            Some(symbol) => out.push_str(symbol),
            None => {
                out.push_str(self.code());
                out.push(' ');
            }
        }
        let units = self.minor_units();
        if let Ok(n) = u64::try_from(rounded.mantissa().unsigned_abs())
            && write_fixed(out, n, units)
        {
            return;
        }
        let digits = rounded.abs().to_string();
        let (int_part, frac_part) = digits.split_once('.').unwrap_or((digits.as_str(), ""));
        push_grouped(out, int_part);
        let units = units as usize;
        if units > 0 {
            out.push('.');
            let frac = frac_part.get(..units.min(frac_part.len())).unwrap_or("");
            out.push_str(frac);
            for _ in frac.len()..units {
                out.push('0');
            }
        }
    }

    /// The well-known symbol of the currency, when there is one that people read without doubt.
    fn symbol(&self) -> Option<&'static str> {
        Some(match self.code() {
            "USD" => "$",
            "EUR" => "€",
            "GBP" => "£",
            "JPY" => "¥",
            "INR" => "₹",
            "CNY" => "CN¥",
            "KRW" => "₩",
            "CAD" => "CA$",
            "AUD" => "A$",
            "NZD" => "NZ$",
            "HKD" => "HK$",
            "SGD" => "S$",
            "MXN" => "MX$",
            "BRL" => "R$",
            "ILS" => "₪",
            "NGN" => "₦",
            "PHP" => "₱",
            "VND" => "₫",
            "UAH" => "₴",
            "TRY" => "₺",
            _ => return None,
        })
    }
}

/// Appends a string of ASCII digits with `,` every three digits from the right.
fn push_grouped(out: &mut String, digits: &str) {
    let len = digits.len();
    if len <= 3 {
        out.push_str(digits);
        return;
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
}

/// Appends `n × 10^-scale` with thousands separators and exactly `scale` decimals
/// (`123450, 2` → `1,234.50`), digit by digit; `false` (nothing written) when `10^scale`
/// does not fit 64 bits.
pub(crate) fn write_fixed(out: &mut String, n: u64, scale: u32) -> bool {
    let Some(one) = 10u64.checked_pow(scale) else {
        return false;
    };
    write_count(out, n / one);
    if scale > 0 {
        out.push('.');
        let mut buf = [0u8; 20];
        let frac = digits(n % one, &mut buf);
        for _ in frac.len()..scale as usize {
            out.push('0');
        }
        out.push_str(frac);
    }
    true
}

/// Formats a whole number with thousands separators: `1500` → `1,500`.
pub fn format_count(n: u64) -> String {
    let mut out = String::with_capacity(8);
    write_count(&mut out, n);
    out
}

/// Appends a whole number with thousands separators to `out`.
pub fn write_count(out: &mut String, n: u64) {
    let mut buf = [0u8; 20];
    push_grouped(out, digits(n, &mut buf));
}

/// [`Currency::round`] on the integer mantissa: the estimate engine rounds every line and
/// total, and `round_dp_with_strategy` + `rescale` were the largest part of the discounted
/// estimate's profile. Same rule (half away from zero, exactly `units` decimals, no negative
/// zero); `None` when the result would not fit a `Decimal`, which the general path then
/// handles.
fn round_mantissa(amount: Decimal, units: u32) -> Option<Decimal> {
    let (m, scale) = (amount.mantissa(), amount.scale());
    let rounded = if scale <= units {
        m.checked_mul(10i128.checked_pow(units - scale)?)?
    } else {
        let d = 10i128.checked_pow(scale - units)?;
        // Amounts fit 64 bits almost always, and a 64-bit division is several times cheaper
        // than a 128-bit one.
        match (i64::try_from(m), i64::try_from(d)) {
            (Ok(m), Ok(d)) => i128::from(half_away_from_zero(m, d)),
            _ => half_away_from_zero(m, d),
        }
    };
    Decimal::try_from_i128_with_scale(rounded, units).ok()
}

/// `m / d` rounded half away from zero (`d > 0`).
fn half_away_from_zero<T>(m: T, d: T) -> T
where
    T: Copy
        + PartialOrd
        + std::ops::Div<Output = T>
        + std::ops::Rem<Output = T>
        + std::ops::Sub<Output = T>
        + std::ops::Add<Output = T>
        + std::ops::Neg<Output = T>
        + From<i8>,
{
    let (q, r) = (m / d, m % d);
    let zero = T::from(0);
    let r_abs = if r < zero { -r } else { r };
    // |r| ≥ d − |r| ⇔ 2|r| ≥ d, without overflow: half or more rounds outwards.
    if r_abs >= d - r_abs {
        if m < zero {
            q - T::from(1)
        } else {
            q + T::from(1)
        }
    } else {
        q
    }
}

/// The decimal digits of `n`, written into `buf` without going through `fmt`.
pub(crate) fn digits(mut n: u64, buf: &mut [u8; 20]) -> &str {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[i..]).unwrap_or("")
}

impl std::fmt::Debug for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Currency({})", self.code())
    }
}

impl std::fmt::Display for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Currency {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Currency::parse(s)
    }
}

/// In the API a currency is its ISO 4217 code, upper case.
impl utoipa::PartialSchema for Currency {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some("^[A-Z]{3}$"))
            .examples([serde_json::json!("USD")])
            .into()
    }
}

impl utoipa::ToSchema for Currency {}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        Currency::parse(&code).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The integer fast path agrees with `rust_decimal`'s half-away-from-zero rounding,
        /// for every scale and sign, including zero (never negative).
        #[test]
        fn mantissa_rounding_matches_rust_decimal(
            m in prop_oneof![any::<i64>().prop_map(i128::from), -(1i128 << 95)..(1i128 << 95)],
            scale in 0u32..=28,
            units in 0u32..=4,
        ) {
            let amount = Decimal::from_i128_with_scale(m, scale);
            let mut expected = amount.round_dp_with_strategy(units, RoundingStrategy::MidpointAwayFromZero);
            expected.rescale(units);
            if expected.is_zero() {
                expected.set_sign_positive(true);
            }
            // Padding a 96-bit mantissa with zeros may not fit: the general path takes it.
            let got = round_mantissa(amount, units);
            prop_assume!(got.is_some());
            let got = got.expect("assumed");
            prop_assert_eq!(got, expected);
            prop_assert_eq!(got.scale(), units);
            prop_assert_eq!(got.is_sign_negative(), expected.is_sign_negative());
        }
    }

    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn cur(code: &str) -> Currency {
        Currency::parse(code).unwrap()
    }

    #[test]
    fn parses_upper_case_codes_only() {
        assert_eq!(cur("USD").code(), "USD");
        assert!(Currency::parse("usd").unwrap_err().contains("upper case"));
        assert!(Currency::parse("ABC").is_err());
        assert!(Currency::parse("").is_err());
        assert!(Currency::parse("USDX").is_err());
    }

    #[test]
    fn refuses_funds_special_and_superseded_codes() {
        for code in ["XXX", "XAU", "XDR", "XTS", "USN", "BOV", "CLF", "HRK"] {
            assert!(Currency::parse(code).is_err(), "{code} should be refused");
        }
    }

    #[test]
    fn minor_units_come_from_iso_4217() {
        assert_eq!(cur("USD").minor_units(), 2);
        assert_eq!(cur("EUR").minor_units(), 2);
        assert_eq!(cur("JPY").minor_units(), 0);
        assert_eq!(cur("KWD").minor_units(), 3);
    }

    #[test]
    fn rounds_half_away_from_zero_to_the_minor_unit() {
        let usd = cur("USD");
        assert_eq!(usd.round(d("2.345")), d("2.35"));
        assert_eq!(usd.round(d("2.344999")), d("2.34"));
        assert_eq!(usd.round(d("-2.345")), d("-2.35"));
        assert_eq!(usd.round(d("0.005")), d("0.01"));
        assert_eq!(cur("JPY").round(d("1234.5")), d("1235"));
        assert_eq!(cur("JPY").round(d("-0.5")), d("-1"));
        assert_eq!(cur("KWD").round(d("1.2345")), d("1.235"));
    }

    #[test]
    fn rounded_amounts_carry_exactly_the_minor_unit_decimals() {
        assert_eq!(cur("USD").round(d("15")).to_string(), "15.00");
        assert_eq!(cur("KWD").round(d("1.25")).to_string(), "1.250");
        assert_eq!(cur("JPY").round(d("15.00")).to_string(), "15");
        assert_eq!(cur("USD").round(d("-0.001")).to_string(), "0.00");
    }

    #[test]
    fn formats_for_people() {
        assert_eq!(cur("USD").format(d("1234.5")), "$1,234.50");
        assert_eq!(cur("USD").format(d("-15")), "-$15.00");
        assert_eq!(cur("USD").format(d("0")), "$0.00");
        assert_eq!(cur("USD").format(d("999.999")), "$1,000.00");
        assert_eq!(cur("USD").format(d("1234567.891")), "$1,234,567.89");
        assert_eq!(cur("EUR").format(d("29.99")), "€29.99");
        assert_eq!(cur("GBP").format(d("5")), "£5.00");
        assert_eq!(cur("JPY").format(d("1234.5")), "¥1,235");
        assert_eq!(cur("KWD").format(d("1.25")), "KWD 1.250");
        assert_eq!(cur("KWD").format(d("-1234.5")), "-KWD 1,234.500");
        assert_eq!(cur("INR").format(d("100")), "₹100.00");
    }

    #[test]
    fn formats_counts_with_separators() {
        assert_eq!(format_count(0), "0");
        assert_eq!(format_count(999), "999");
        assert_eq!(format_count(1500), "1,500");
        assert_eq!(format_count(1_234_567), "1,234,567");
    }

    #[test]
    fn serializes_as_the_code() {
        assert_eq!(serde_json::to_string(&cur("USD")).unwrap(), r#""USD""#);
        let back: Currency = serde_json::from_str(r#""KWD""#).unwrap();
        assert_eq!(back, cur("KWD"));
        assert!(serde_json::from_str::<Currency>(r#""usd""#).is_err());
        assert!(serde_json::from_str::<Currency>(r#""XXX""#).is_err());
        assert!(serde_json::from_str::<Currency>("12").is_err());
    }
}
