//! What the pages say, in the customer's language (SPEC §12): Fluent messages from
//! `locales/<tag>.ftl` (one file per locale, compiled into the binary) and CLDR formats
//! ([`format::Formats`]). Everything is built once, at start-up ([`init`]); a page borrows
//! its locale's [`Lang`].

pub mod format;

use std::borrow::Cow;
use std::fmt::Write as _;
use std::sync::LazyLock;

use chrono::NaiveDate;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use foldhash::HashMap;
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
    /// The messages that need no Fluent resolver at request time (see [`Compiled`]); the rest
    /// (selectors: plurals) are formatted by the bundle.
    compiled: HashMap<&'static str, Compiled>,
    pub formats: Formats,
}

impl std::fmt::Debug for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lang")
            .field("locale", &self.locale)
            .finish_non_exhaustive()
    }
}

/// A message prepared at start-up.
#[derive(Debug)]
enum Compiled {
    /// Takes no argument: formatted once. Most of a page's words (labels, headings,
    /// buttons) are these, and [`Lang::t`] only copies them.
    Plain(String),
    /// Text and variables only (`You'll be invoiced { $amount } today.`): joined from its
    /// pieces, the text Fluent's resolver writes for such a pattern (isolation marks
    /// included), without building `FluentArgs` and walking the AST for every message. A
    /// test compares both for every such message of every locale.
    Pieces(Vec<Piece>),
}

#[derive(Debug)]
enum Piece {
    Text(&'static str),
    /// A variable; `isolate`: wrapped in FSI … PDI, as Fluent does in a right-to-left
    /// locale for a placeable among other elements.
    Var {
        name: &'static str,
        isolate: bool,
    },
}

impl Compiled {
    /// `pattern` as pieces, when it is only text and variable references.
    fn pieces(pattern: &ast::Pattern<&'static str>, isolating: bool) -> Option<Compiled> {
        let many = pattern.elements.len() > 1;
        pattern
            .elements
            .iter()
            .map(|el| match el {
                ast::PatternElement::TextElement { value } => Some(Piece::Text(value)),
                ast::PatternElement::Placeable {
                    expression:
                        ast::Expression::Inline(ast::InlineExpression::VariableReference { id }),
                } => Some(Piece::Var {
                    name: id.name,
                    isolate: isolating && many,
                }),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()
            .map(Compiled::Pieces)
    }
}

/// Joins `pieces` with `args`; `None` when an argument is missing (left to Fluent, which
/// reports it).
fn join(pieces: &[Piece], args: &[(&str, Arg<'_>)]) -> Option<String> {
    let mut out = String::with_capacity(64);
    for piece in pieces {
        match *piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Var { name, isolate } => {
                let (_, value) = args.iter().find(|(k, _)| *k == name)?;
                if isolate {
                    out.push('\u{2068}');
                }
                match *value {
                    Arg::Str(s) => out.push_str(s),
                    // Fluent writes a number as its `f64` does.
                    Arg::Num(n) => {
                        let _ = write!(out, "{}", n as f64);
                    }
                }
                if isolate {
                    out.push('\u{2069}');
                }
            }
        }
    }
    Some(out)
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
            compiled: HashMap::default(),
            formats: Formats::new(locale)?,
        };
        // The same source again, as an AST borrowing the compiled-in text.
        let ast = fluent_syntax::parser::parse(source)
            .map_err(|(_, e)| anyhow::anyhow!("{}: {e:?}", locale.tag()))?;
        let mut compiled = HashMap::default();
        for entry in &ast.body {
            let ast::Entry::Message(m) = entry else {
                continue;
            };
            let id = m.id.name;
            let prepared = match lang.format_plain(id) {
                Some(text) => Some(Compiled::Plain(text)),
                None => m
                    .value
                    .as_ref()
                    .and_then(|p| Compiled::pieces(p, locale.rtl())),
            };
            if let Some(c) = prepared {
                compiled.insert(id, c);
            }
        }
        lang.compiled = compiled;
        Ok(lang)
    }

    /// The message `id` without arguments.
    pub fn t(&self, id: &str) -> String {
        self.tf(id, &[])
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
        match self.compiled.get(id) {
            // Extra arguments change nothing in Fluent either (the tests allow none).
            Some(Compiled::Plain(s)) => return s.clone(),
            Some(Compiled::Pieces(pieces)) => {
                if let Some(s) = join(pieces, args) {
                    return s;
                }
            }
            None => {}
        }
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

    pub fn number(&self, n: Decimal) -> String {
        self.formats.number(n)
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
