//! The languages the hosted pages speak (SPEC §12) and how one is chosen for a customer: a
//! session's `locale` (a supported BCP 47 tag or `auto`), the customer's own choice on the page,
//! and the browser's `Accept-Language` with its q-values.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A supported locale. The order is the language switcher's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Locale {
    En,
    EnGb,
    De,
    Fr,
    Es,
    It,
    Nl,
    PtBr,
    Sv,
    Pl,
    Ja,
    Zh,
    Ar,
    He,
}

impl Locale {
    pub const ALL: [Locale; 14] = [
        Locale::En,
        Locale::EnGb,
        Locale::De,
        Locale::Fr,
        Locale::Es,
        Locale::It,
        Locale::Nl,
        Locale::PtBr,
        Locale::Sv,
        Locale::Pl,
        Locale::Ja,
        Locale::Zh,
        Locale::Ar,
        Locale::He,
    ];

    /// The canonical BCP 47 tag (`<html lang>`, the API, `?locale=`).
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::EnGb => "en-GB",
            Locale::De => "de",
            Locale::Fr => "fr",
            Locale::Es => "es",
            Locale::It => "it",
            Locale::Nl => "nl",
            Locale::PtBr => "pt-BR",
            Locale::Sv => "sv",
            Locale::Pl => "pl",
            Locale::Ja => "ja",
            Locale::Zh => "zh",
            Locale::Ar => "ar",
            Locale::He => "he",
        }
    }

    /// The language's name in itself, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English (US)",
            Locale::EnGb => "English (UK)",
            Locale::De => "Deutsch",
            Locale::Fr => "Français",
            Locale::Es => "Español",
            Locale::It => "Italiano",
            Locale::Nl => "Nederlands",
            Locale::PtBr => "Português (Brasil)",
            Locale::Sv => "Svenska",
            Locale::Pl => "Polski",
            Locale::Ja => "日本語",
            Locale::Zh => "中文",
            Locale::Ar => "العربية",
            Locale::He => "עברית",
        }
    }

    /// Written right to left.
    pub fn rtl(self) -> bool {
        matches!(self, Locale::Ar | Locale::He)
    }

    /// The index into [`Locale::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// An exact supported tag, compared case-insensitively with `_` read as `-` (`pt_br`).
    pub fn parse(s: &str) -> Option<Locale> {
        let s = s.trim();
        Locale::ALL.into_iter().find(|l| {
            l.tag().len() == s.len()
                && l.tag()
                    .bytes()
                    .zip(s.bytes())
                    .all(|(a, b)| a.eq_ignore_ascii_case(&if b == b'_' { b'-' } else { b }))
        })
    }

    /// The best supported match for one language range of `Accept-Language` (RFC 4647
    /// lookup): the exact tag, else its language with a region we ship (`en-AU` → `en`,
    /// `pt-PT` → `pt-BR`, `zh-Hant-TW` → `zh`, `iw` → `he`). `*` matches nothing here.
    pub fn lookup(range: &str) -> Option<Locale> {
        if let Some(l) = Locale::parse(range) {
            return Some(l);
        }
        let lang = range.split(['-', '_']).next()?.to_ascii_lowercase();
        match lang.as_str() {
            "en" => Some(Locale::En),
            "pt" => Some(Locale::PtBr),
            "iw" => Some(Locale::He),
            other => Locale::ALL.into_iter().find(|l| l.tag() == other),
        }
    }

    /// The supported locale `Accept-Language` prefers: the highest q-value that matches
    /// (ties keep the header's order; `q=0` means "not this"), else `en`. A malformed entry
    /// is skipped, never an error.
    pub fn negotiate(accept_language: &str) -> Locale {
        let mut best: Option<(u16, Locale)> = None;
        for entry in accept_language.split(',') {
            let mut parts = entry.split(';');
            let range = parts.next().unwrap_or("").trim();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q=").or(p.trim().strip_prefix("Q=")))
                .map_or(Some(1000), quality);
            let (Some(q), Some(l)) = (q, Locale::lookup(range)) else {
                continue;
            };
            if q > 0 && best.is_none_or(|(b, _)| q > b) {
                best = Some((q, l));
            }
        }
        best.map_or(Locale::En, |(_, l)| l)
    }
}

/// A q-value in thousandths (`0.8` → 800); `None` when it is not one (RFC 9110 §12.4.2).
fn quality(s: &str) -> Option<u16> {
    let s = s.trim();
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole = match whole {
        "0" => 0,
        "1" => 1,
        _ => return None,
    };
    let mut thousandths = 0u16;
    for (i, b) in frac.bytes().enumerate() {
        thousandths += u16::from(b - b'0') * [100, 10, 1][i];
    }
    let q = whole * 1000 + thousandths;
    (q <= 1000).then_some(q)
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A session's `locale`: a fixed supported locale, or `auto` (the browser's preference).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LocaleSetting {
    #[default]
    Auto,
    Fixed(Locale),
}

impl LocaleSetting {
    pub fn as_str(self) -> &'static str {
        match self {
            LocaleSetting::Auto => "auto",
            LocaleSetting::Fixed(l) => l.tag(),
        }
    }

    /// The page's locale: the customer's own choice on the page wins, then the session's
    /// fixed locale, then what the browser asks for.
    pub fn resolve(self, chosen: Option<Locale>, accept_language: Option<&str>) -> Locale {
        chosen
            .or(match self {
                LocaleSetting::Fixed(l) => Some(l),
                LocaleSetting::Auto => None,
            })
            .unwrap_or_else(|| accept_language.map_or(Locale::En, Locale::negotiate))
    }
}

/// The error of a tag that is neither `auto` nor supported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("must be \"auto\" or one of: {}", supported_list())]
pub struct UnsupportedLocale;

pub fn supported_list() -> String {
    Locale::ALL.map(Locale::tag).join(", ")
}

impl FromStr for LocaleSetting {
    type Err = UnsupportedLocale;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.eq_ignore_ascii_case("auto") {
            return Ok(LocaleSetting::Auto);
        }
        Locale::parse(s)
            .map(LocaleSetting::Fixed)
            .ok_or(UnsupportedLocale)
    }
}

impl Serialize for LocaleSetting {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for LocaleSetting {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn tags_round_trip_and_ignore_case() {
        for l in Locale::ALL {
            assert_eq!(Locale::parse(l.tag()), Some(l));
            assert_eq!(Locale::parse(&l.tag().to_ascii_uppercase()), Some(l));
            assert_eq!(l.index(), Locale::ALL.iter().position(|x| *x == l).unwrap());
        }
        assert_eq!(Locale::parse("pt_br"), Some(Locale::PtBr));
        assert_eq!(Locale::parse("pt"), None);
        assert_eq!("auto".parse(), Ok(LocaleSetting::Auto));
        assert_eq!("en-gb".parse(), Ok(LocaleSetting::Fixed(Locale::EnGb)));
        assert_eq!("xx".parse::<LocaleSetting>(), Err(UnsupportedLocale));
    }

    #[test]
    fn accept_language_honours_q_values() {
        assert_eq!(Locale::negotiate("de-DE,de;q=0.9,en;q=0.8"), Locale::De);
        assert_eq!(Locale::negotiate("en;q=0.5, fr;q=0.9"), Locale::Fr);
        assert_eq!(Locale::negotiate("fr;q=0, de;q=0.1"), Locale::De);
        assert_eq!(Locale::negotiate("da, nl;q=0.7"), Locale::Nl);
        assert_eq!(Locale::negotiate("pt-PT"), Locale::PtBr);
        assert_eq!(Locale::negotiate("en-AU,en;q=0.9"), Locale::En);
        assert_eq!(Locale::negotiate("en-GB"), Locale::EnGb);
        assert_eq!(Locale::negotiate("zh-Hant-TW"), Locale::Zh);
        assert_eq!(Locale::negotiate("ar-EG;q=0.8,he;q=0.8"), Locale::Ar);
        assert_eq!(Locale::negotiate("*"), Locale::En);
        assert_eq!(Locale::negotiate(""), Locale::En);
        assert_eq!(Locale::negotiate("ja;q=2, sv;q=abc, pl;q=0.3"), Locale::Pl);
    }

    #[test]
    fn the_customers_choice_wins_then_the_session_then_the_browser() {
        let fixed = LocaleSetting::Fixed(Locale::Fr);
        assert_eq!(fixed.resolve(Some(Locale::Ja), Some("de")), Locale::Ja);
        assert_eq!(fixed.resolve(None, Some("de")), Locale::Fr);
        assert_eq!(LocaleSetting::Auto.resolve(None, Some("de")), Locale::De);
        assert_eq!(LocaleSetting::Auto.resolve(None, None), Locale::En);
    }

    proptest! {
        #[test]
        fn negotiation_never_panics_and_an_exact_top_choice_wins(s in ".{0,80}", i in 0usize..14) {
            let _ = Locale::negotiate(&s);
            let l = Locale::ALL[i];
            prop_assert_eq!(Locale::negotiate(&format!("{}, {s}", l.tag())), l);
        }
    }
}
