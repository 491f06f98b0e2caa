//! The locale files are complete and consistent: every locale has exactly English's messages,
//! each with English's variables (none missing, none unused), every message formats without
//! errors, and every message the code asks for exists (and every message is asked for).

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::*;

type Vars = BTreeSet<String>;

fn inline_vars(e: &InlineExpression<&str>, out: &mut Vars) {
    match e {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
            for a in &arguments.named {
                inline_vars(&a.value, out);
            }
        }
        InlineExpression::Placeable { expression } => expr_vars(expression, out),
        _ => {}
    }
}

fn expr_vars(e: &Expression<&str>, out: &mut Vars) {
    match e {
        Expression::Inline(i) => inline_vars(i, out),
        Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
    }
}

fn pattern_vars(p: &Pattern<&str>, out: &mut Vars) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expr_vars(expression, out);
        }
    }
}

/// Each message of a locale file with the variables it uses.
fn messages(source: &str) -> BTreeMap<String, Vars> {
    let res = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("syntax errors: {errors:?}"));
    let mut out = BTreeMap::new();
    for entry in &res.body {
        match entry {
            Entry::Message(m) => {
                let mut vars = Vars::new();
                if let Some(v) = &m.value {
                    pattern_vars(v, &mut vars);
                }
                assert!(
                    out.insert(m.id.name.to_owned(), vars).is_none(),
                    "{} twice",
                    m.id.name
                );
            }
            Entry::Junk { content } => panic!("unparsed: {content}"),
            _ => {}
        }
    }
    out
}

#[test]
fn every_locale_has_every_message_with_the_same_variables() {
    let en = messages(SOURCES[0].1);
    assert!(en.len() > 100, "{}", en.len());
    for (l, src) in &SOURCES[1..] {
        let m = messages(src);
        let missing: Vec<_> = en.keys().filter(|k| !m.contains_key(*k)).collect();
        let extra: Vec<_> = m.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{l}: missing {missing:?}");
        assert!(extra.is_empty(), "{l}: not in en: {extra:?}");
        for (id, vars) in &en {
            assert_eq!(&m[id], vars, "{l}: {id} uses other variables than en");
        }
    }
}

#[test]
fn every_message_formats_without_errors_in_every_locale() {
    let en = messages(SOURCES[0].1);
    for l in Locale::ALL {
        let lang = lang(l);
        for (id, vars) in &en {
            for n in [0i64, 1, 2, 5, 11, 21, 100] {
                let args: Vec<(&str, Arg<'_>)> = vars
                    .iter()
                    .map(|v| {
                        let a = match v.as_str() {
                            "count" | "quantity" | "months" | "years" | "size" | "days"
                            | "period-days" | "max" => Arg::Num(n),
                            "period" => Arg::Str(["P1M", "P3M", "P6M", "P1Y"][n as usize % 4]),
                            _ => Arg::Str("x"),
                        };
                        (v.as_str(), a)
                    })
                    .collect();
                let pattern = lang
                    .bundle
                    .get_message(id)
                    .and_then(|m| m.value())
                    .unwrap_or_else(|| panic!("{l}: {id} has no value"));
                let mut fa = FluentArgs::new();
                for (k, v) in &args {
                    match v {
                        Arg::Str(s) => fa.set(*k, FluentValue::from(*s)),
                        Arg::Num(n) => fa.set(*k, FluentValue::from(*n)),
                    }
                }
                let mut errors = Vec::new();
                let s = lang.bundle.format_pattern(pattern, Some(&fa), &mut errors);
                assert!(errors.is_empty(), "{l}: {id}: {errors:?}");
                assert!(!s.trim().is_empty(), "{l}: {id} is empty");
            }
        }
    }
}

fn code_files() -> Vec<String> {
    fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs" || x == "html")
                && !p.ends_with("i18n/tests.rs")
            {
                out.push(std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    walk(&root.join("src"), &mut files);
    walk(&root.join("templates"), &mut files);
    files
}

/// The message ids asked for in the code and templates (`t("…")`, `tf("…"`).
fn ids_in_code(files: &[String]) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for f in files {
        for marker in ["t(\"", "tf(\"", "msg!(\""] {
            for (i, _) in f.match_indices(marker) {
                // `t("` inside `get("` is not a message.
                let before = f[..i].bytes().next_back();
                if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_') {
                    continue;
                }
                let rest = &f[i + marker.len()..];
                if let Some(end) = rest.find('"') {
                    let id = &rest[..end];
                    if !id.is_empty()
                        && id
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                    {
                        ids.insert(id.to_owned());
                    }
                }
            }
        }
    }
    ids
}

#[test]
fn the_code_asks_only_for_messages_that_exist_and_for_all_of_them() {
    let en = messages(SOURCES[0].1);
    let files = code_files();
    let asked = ids_in_code(&files);
    let unknown: Vec<_> = asked.iter().filter(|id| !en.contains_key(*id)).collect();
    // Ids chosen in a `match` are passed on as literals: a message is used when its id is
    // asked for or written as a string literal somewhere outside this test.
    let unused: Vec<_> = en
        .keys()
        .filter(|id| {
            let literal = format!("\"{id}\"");
            !asked.contains(*id) && !files.iter().any(|f| f.contains(&literal))
        })
        .collect();
    assert!(unknown.is_empty(), "not in en.ftl: {unknown:?}");
    assert!(unused.is_empty(), "never used: {unused:?}");
}

#[test]
fn plurals_follow_cldr() {
    // Polish has one, few and many; Arabic six forms: the test data covers the categories.
    let pl = lang(Locale::Pl);
    let few = pl.tf("item-quantity-now", &[("quantity", Arg::Num(3))]);
    assert!(few.contains('3'), "{few}");
}

#[test]
fn right_to_left_locales_isolate_their_placeables() {
    let ar = lang(Locale::Ar).tf("invoiced-today", &[("amount", Arg::Str("$60.00"))]);
    assert!(ar.contains("\u{2068}$60.00\u{2069}"), "{ar}");
    let en = lang(Locale::En).tf("invoiced-today", &[("amount", Arg::Str("$60.00"))]);
    assert_eq!(en, "You'll be invoiced $60.00 today.");
    assert_eq!(lang(Locale::He).dir(), "rtl");
    assert_eq!(lang(Locale::De).dir(), "ltr");
}

#[test]
fn messages_prepared_at_start_up_read_as_fluent_formats_them() {
    let (mut plain, mut pieces) = (0, 0);
    for l in Locale::ALL {
        let lang = lang(l);
        for (id, compiled) in &lang.compiled {
            match compiled {
                Compiled::Plain(text) => {
                    plain += 1;
                    let fluent = lang.format(id, &[]).expect("message");
                    assert_eq!(text, &fluent, "{l}: {id}");
                }
                Compiled::Pieces(p) => {
                    pieces += 1;
                    let names: Vec<&str> = p
                        .iter()
                        .filter_map(|piece| match piece {
                            Piece::Var { name, .. } => Some(*name),
                            Piece::Text(_) => None,
                        })
                        .collect();
                    // Text arguments (with characters a page escapes later), then numbers.
                    let texts: Vec<String> =
                        names.iter().map(|n| format!("<{n} & 12,5>")).collect();
                    let args: Vec<(&str, Arg<'_>)> = names
                        .iter()
                        .zip(&texts)
                        .map(|(n, t)| (*n, Arg::Str(t)))
                        .collect();
                    let fluent = lang.format(id, &args).expect("message");
                    assert_eq!(join(p, &args).as_deref(), Some(&*fluent), "{l}: {id}");
                    assert_eq!(lang.tf(id, &args), fluent, "{l}: {id}");
                    let nums: Vec<(&str, Arg<'_>)> =
                        names.iter().map(|n| (*n, Arg::Num(-1234))).collect();
                    let fluent = lang.format(id, &nums).expect("message");
                    assert_eq!(join(p, &nums).as_deref(), Some(&*fluent), "{l}: {id}");
                }
            }
        }
        // A missing argument is Fluent's to report.
        assert_eq!(
            lang.tf("invoiced-today", &[]),
            lang.format("invoiced-today", &[]).expect("message")
        );
    }
    assert!(plain > 80 * 14, "{plain} plain messages");
    assert!(pieces > 20 * 14, "{pieces} joined messages");
}
