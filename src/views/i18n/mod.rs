//! What the pages say, in the customer's language (SPEC §12): Fluent messages from
//! `locales/<tag>.ftl` (one file per locale, compiled into the binary) and CLDR formats
//! ([`format::Formats`]). Everything is built once, at start-up ([`init`]); a page borrows
//! its locale's [`Lang`].

pub mod format;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rust_decimal::Decimal;

use crate::domain::locale::Locale;
use crate::domain::money::Currency;

use self::format::Formats;

/// The Fluent source of each locale, in [`Locale::ALL`] order.
pub const SOURCES: [(Locale, &str); 14] = [
    (Locale::En, include_str!("../../../locales/en.ftl")),
    (Locale::EnGb, include_str!("../../../locales/en-GB.ftl")),
    (Locale::De, include_str!("../../../locales/de.ftl")),
    (Locale::Fr, include_str!("../../../locales/fr.ftl")),
    (Locale::Es, include_str!("../../../locales/es.ftl")),
    (Locale::It, include_str!("../../../locales/it.ftl")),
    (Locale::Nl, include_str!("../../../locales/nl.ftl")),
    (Locale::PtBr, include_str!("../../../locales/pt-BR.ftl")),
    (Locale::Sv, include_str!("../../../locales/sv.ftl")),
    (Locale::Pl, include_str!("../../../locales/pl.ftl")),
    (Locale::Ja, include_str!("../../../locales/ja.ftl")),
    (Locale::Zh, include_str!("../../../locales/zh.ftl")),
    (Locale::Ar, include_str!("../../../locales/ar.ftl")),
    (Locale::He, include_str!("../../../locales/he.ftl")),
];

/// One locale's messages and formats.
pub struct Lang {
    pub locale: Locale,
    bundle: FluentBundle<FluentResource>,
    /// Every message that takes no argument, formatted once at start-up: most of a page's
    /// words (labels, headings, buttons) are these, and [`Lang::t`] only copies them.
    plain: HashMap<&'static str, String>,
    pub formats: Formats,
}

impl std::fmt::Debug for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lang")
            .field("locale", &self.locale)
            .finish_non_exhaustive()
    }
}

/// A message argument: text (already formatted for the locale) or a number (for plurals).
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Str(&'a str),
    Num(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(s)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Str(s)
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Num(n)
    }
}

impl From<u64> for Arg<'_> {
    fn from(n: u64) -> Self {
        Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Arg::Num(i64::from(n))
    }
}

impl Lang {
    fn new(locale: Locale, source: &'static str) -> anyhow::Result<Self> {
        let id: unic_langid::LanguageIdentifier = locale.tag().parse()?;
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Placeables are isolated (FSI … PDI) only where the text runs right to left, so an
        // amount or a plan name inside Arabic or Hebrew keeps its own direction.
        bundle.set_use_isolating(locale.rtl());
        let resource = FluentResource::try_new(source.to_owned())
            .map_err(|(_, e)| anyhow::anyhow!("{}: {e:?}", locale.tag()))?;
        bundle
            .add_resource(resource)
            .map_err(|e| anyhow::anyhow!("{}: {e:?}", locale.tag()))?;
        let mut lang = Lang {
            locale,
            bundle,
            plain: HashMap::new(),
            formats: Formats::new(locale)?,
        };
        let plain = message_ids(source)
            .filter_map(|id| Some((id, lang.format_plain(id)?)))
            .collect();
        lang.plain = plain;
        Ok(lang)
    }

    /// The message `id` without arguments.
    pub fn t(&self, id: &str) -> String {
        match self.plain.get(id) {
            Some(s) => s.clone(),
            None => self.tf(id, &[]),
        }
    }

    /// `id` formatted without arguments, when it needs none (a message that selects on or
    /// shows a variable reports an error and is left to [`Lang::tf`]).
    fn format_plain(&self, id: &str) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let s = self.bundle.format_pattern(pattern, None, &mut errors);
        errors.is_empty().then(|| s.into_owned())
    }

    /// The message `id` with `args`. A message missing here (the tests make sure none is)
    /// falls back to English, then to its id.
    pub fn tf(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        if let Some(s) = self.format(id, args) {
            return s.into_owned();
        }
        if self.locale != Locale::En
            && let Some(s) = lang(Locale::En).format(id, args)
        {
            return s.into_owned();
        }
        tracing::warn!(locale = %self.locale, id, "missing message");
        id.to_owned()
    }

    fn format(&self, id: &str, args: &[(&str, Arg<'_>)]) -> Option<Cow<'_, str>> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let s = if args.is_empty() {
            self.bundle.format_pattern(pattern, None, &mut errors)
        } else {
            let mut fa = FluentArgs::with_capacity(args.len());
            for (k, v) in args {
                match *v {
                    Arg::Str(s) => fa.set(*k, FluentValue::from(s)),
                    Arg::Num(n) => fa.set(*k, FluentValue::from(n)),
                }
            }
            // The arguments borrow from the caller, so the result is owned here.
            Cow::Owned(
                self.bundle
                    .format_pattern(pattern, Some(&fa), &mut errors)
                    .into_owned(),
            )
        };
        if !errors.is_empty() {
            tracing::warn!(locale = %self.locale, id, ?errors, "message formatted with errors");
        }
        Some(s)
    }

    pub fn money(&self, c: Currency, amount: Decimal) -> String {
        self.formats.money(c, amount)
    }

    pub fn unit_price(&self, c: Currency, amount: Decimal) -> String {
        self.formats.unit_price(c, amount)
    }

    pub fn count(&self, n: u64) -> String {
        self.formats.count(n)
    }

    pub fn date(&self, d: NaiveDate) -> String {
        self.formats.date(d)
    }

    /// "Dec 1 – Dec 31, 2026" style ranges are not in ICU4X's stable API yet: a range is its
    /// two dates joined by the locale's `date-range` message; a single day is one date.
    pub fn date_range(&self, start: NaiveDate, end_inclusive: NaiveDate) -> String {
        if start == end_inclusive {
            return self.date(start);
        }
        let (a, b) = (self.date(start), self.date(end_inclusive));
        self.tf(
            "date-range",
            &[("start", (&a).into()), ("end", (&b).into())],
        )
    }

    pub fn dir(&self) -> &'static str {
        if self.locale.rtl() { "rtl" } else { "ltr" }
    }
}

/// The ids of a Fluent source's messages (`id = …` at the start of a line; terms start with
/// `-` and comments with `#`, so neither matches).
fn message_ids(source: &'static str) -> impl Iterator<Item = &'static str> {
    source.lines().filter_map(|line| {
        let (id, _) = line.split_once('=')?;
        let id = id.trim_end();
        let first = id.bytes().next()?;
        (first.is_ascii_lowercase()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'))
        .then_some(id)
    })
}

static CATALOG: LazyLock<Vec<Lang>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(l, src)| {
            // The sources are compiled in and checked by the tests, so a failure here is a
            // build that must not start.
            Lang::new(*l, src).unwrap_or_else(|e| panic!("locale {}: {e:#}", l.tag()))
        })
        .collect()
});

/// The messages and formats of `l`.
pub fn lang(l: Locale) -> &'static Lang {
    &CATALOG[l.index()]
}

/// Builds every locale's bundle and formatters (called once at start-up, so no request pays
/// for it).
pub fn init() {
    LazyLock::force(&CATALOG);
}

#[cfg(test)]
mod tests;
