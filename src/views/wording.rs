//! The estimate's sentences in the customer's language (SPEC §12): the engine records what
//! each line, note, plan change and discount says as data (`domain::wording`), and this is the
//! one place that puts that data into words for a page, through `locales/*.ftl`. Estimates
//! stored before the data was recorded keep their English.

use crate::domain::discount::{AppliedDiscount, DiscountValue, Unavailable};
use crate::domain::invoice::{Invoice, LineItem, LineKind};
use crate::domain::money::Currency;
use crate::domain::period::days_between;
use crate::domain::validation::{FieldError, Problem};
use crate::domain::wording::{
    ChangeNow, ChangeThen, ChangeWords, DiscountLabel, DiscountSpan, Note, Settle,
};

use super::{Arg, Lang};

/// The name shown on a line: the item's, or the word for a credit.
pub fn line_name(lang: &Lang, l: &LineItem) -> String {
    if l.kind == LineKind::Credit {
        lang.t("line-credit-name")
    } else {
        l.name.clone()
    }
}

/// What a line is for: "Unused time on 5 × Seats, 16–30 Nov 2026".
pub fn line_description(lang: &Lang, l: &LineItem) -> String {
    let range = lang.date_range(l.period_start, l.period_end);
    let d = &l.detail;
    if l.kind == LineKind::Discount {
        return match &d.discount {
            Some(label) if l.amount.is_sign_positive() => {
                let discount = discount_label(lang, label);
                lang.tf(
                    "line-discount-given-back",
                    &[("discount", (&discount).into())],
                )
            }
            Some(label) => discount_label(lang, label),
            None => l.description.clone(),
        };
    }
    if l.kind == LineKind::Credit {
        return match d.credit_from {
            Some(from) => lang.tf("line-credit", &[("date", (&lang.date(from)).into())]),
            None => l.description.clone(),
        };
    }
    let item = if d.counted {
        lang.tf(
            "line-counted",
            &[
                ("quantity", (&lang.count(l.quantity)).into()),
                ("name", (&l.name).into()),
            ],
        )
    } else {
        l.name.clone()
    };
    let item = Arg::from(&item);
    let range = Arg::from(&range);
    match l.kind {
        LineKind::OneTime => lang.tf("line-one-time", &[("item", item)]),
        LineKind::Trial => lang.tf("line-trial", &[("item", item), ("range", range)]),
        LineKind::Usage => lang.tf("line-usage", &[("item", item), ("range", range)]),
        LineKind::ProrationCredit => {
            lang.tf("line-proration-credit", &[("item", item), ("range", range)])
        }
        LineKind::ProrationCharge => {
            lang.tf("line-proration-charge", &[("item", item), ("range", range)])
        }
        _ => match d.period_days {
            Some(period_days) => lang.tf(
                "line-recurring-part",
                &[
                    ("item", item),
                    ("range", range),
                    ("days", line_days(l).into()),
                    ("period-days", period_days.into()),
                ],
            ),
            None => lang.tf("line-recurring", &[("item", item), ("range", range)]),
        },
    }
}

/// The days a line covers (its end is inclusive).
fn line_days(l: &LineItem) -> i64 {
    days_between(l.period_start, l.period_end) + 1
}

/// "SUMMER20 (20% off)".
pub fn discount_label(lang: &Lang, label: &DiscountLabel) -> String {
    let value = discount_value(lang, &label.value);
    lang.tf(
        "discount-label",
        &[("name", (&label.name).into()), ("value", (&value).into())],
    )
}

/// "20% off", "$5.00 off".
fn discount_value(lang: &Lang, value: &DiscountValue) -> String {
    match value {
        DiscountValue::PercentOff { percent } => lang.tf(
            "discount-percent-off",
            &[("percent", (&lang.number(*percent)).into())],
        ),
        DiscountValue::AmountOff { amount, currency } => lang.tf(
            "discount-amount-off",
            &[("amount", (&lang.money(*currency, *amount)).into())],
        ),
    }
}

/// "20% off for 3 months, then $96.00 per month."
pub fn discount_summary(lang: &Lang, c: Currency, d: &AppliedDiscount) -> String {
    let Some(then) = d.then else {
        return d.summary.clone();
    };
    let value = discount_value(lang, &d.discount.value);
    let amount = lang.money(c, then.amount);
    let value = Arg::from(&value);
    let amount = Arg::from(&amount);
    let period = Arg::Str(then.period.as_str());
    let (id, unit, n) = match DiscountSpan::of(d.discount.duration, then.period) {
        DiscountSpan::Forever => {
            return lang.tf("discount-forever", &[("value", value), ("period", period)]);
        }
        DiscountSpan::Once => {
            return lang.tf(
                "discount-once",
                &[("value", value), ("period", period), ("amount", amount)],
            );
        }
        DiscountSpan::Months(n) => ("discount-months", "months", n),
        DiscountSpan::Years(n) => ("discount-years", "years", n),
    };
    lang.tf(
        id,
        &[
            ("value", value),
            (unit, count(n)),
            ("period", period),
            ("amount", amount),
        ],
    )
}

fn count(n: u64) -> Arg<'static> {
    Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
}

/// An invoice's notes in the page's language (its English when stored without the data).
pub fn notes(lang: &Lang, inv: &Invoice) -> Vec<String> {
    if inv.note_details.len() != inv.notes.len() {
        return inv.notes.clone();
    }
    inv.note_details
        .iter()
        .map(|n| note(lang, inv.currency, n))
        .collect()
}

/// One note: "Free trial until Dec 14, 2026."
pub fn note(lang: &Lang, c: Currency, n: &Note) -> String {
    let money = |a| lang.money(c, a);
    let date = |d| lang.date(d);
    let label = |l| discount_label(lang, l);
    match n {
        Note::Usage => lang.t("note-usage"),
        Note::CreditLater { amount } => {
            lang.tf("note-credit-later", &[("amount", (&money(*amount)).into())])
        }
        Note::CreditNext { amount } => {
            lang.tf("note-credit-next", &[("amount", (&money(*amount)).into())])
        }
        Note::CreditKept { amount } => {
            lang.tf("note-credit-kept", &[("amount", (&money(*amount)).into())])
        }
        Note::EndsInPeriod {
            last_day,
            days,
            period_days,
        } => lang.tf(
            "note-ends-in-period",
            &[
                ("date", (&date(*last_day)).into()),
                ("days", (*days).into()),
                ("period-days", (*period_days).into()),
            ],
        ),
        Note::TrialUntil { last_day } => {
            lang.tf("note-trial-until", &[("date", (&date(*last_day)).into())])
        }
        Note::FirstPayment { amount, on } => lang.tf(
            "note-first-payment",
            &[
                ("amount", (&money(*amount)).into()),
                ("date", (&date(*on)).into()),
            ],
        ),
        Note::EndsInTrial => lang.t("note-ends-in-trial"),
        Note::RestCovered {
            start,
            end,
            days,
            period_days,
        }
        | Note::RestCredited {
            start,
            end,
            days,
            period_days,
        } => lang.tf(
            if matches!(n, Note::RestCovered { .. }) {
                "note-rest-covered"
            } else {
                "note-rest-credited"
            },
            &[
                ("range", (&lang.date_range(*start, *end)).into()),
                ("days", (*days).into()),
                ("period-days", (*period_days).into()),
            ],
        ),
        Note::ChangeLater { on } => lang.tf("note-change-later", &[("date", (&date(*on)).into())]),
        Note::EndsBeforeChange => lang.t("note-ends-before-change"),
        Note::ChangeUnprorated { start, end } => lang.tf(
            "note-change-unprorated",
            &[
                ("date", (&date(*start)).into()),
                ("range", (&lang.date_range(*start, *end)).into()),
            ],
        ),
        Note::DiscountReplaced { new, old, from } => lang.tf(
            "note-discount-replaced",
            &[
                ("new", (&label(new)).into()),
                ("old", (&label(old)).into()),
                ("date", (&date(*from)).into()),
            ],
        ),
        Note::DiscountStaysUntil { discount, until } => lang.tf(
            "note-discount-stays-until",
            &[
                ("discount", (&label(discount)).into()),
                ("date", (&date(*until)).into()),
            ],
        ),
        Note::DiscountStays { discount } => lang.tf(
            "note-discount-stays",
            &[("discount", (&label(discount)).into())],
        ),
        Note::TrialChange { until } => {
            lang.tf("note-trial-change", &[("date", (&date(*until)).into())])
        }
        Note::DiscountRefused { discount, why } => {
            let reason = refusal(lang, why);
            lang.tf(
                "note-discount-refused",
                &[("discount", discount.into()), ("reason", (&reason).into())],
            )
        }
    }
}

/// What a plan change does, in two or three sentences.
pub fn change(lang: &Lang, c: Currency, w: &ChangeWords) -> String {
    let mut out = now(lang, c, w.now);
    out.push(' ');
    out.push_str(&then(lang, c, w.then));
    if let Some(r) = &w.replaces {
        let on = lang.date(r.on);
        out.push(' ');
        out.push_str(&match &r.plan {
            Some(plan) => lang.tf(
                "change-replaces-switch",
                &[("plan", plan.into()), ("date", (&on).into())],
            ),
            None => lang.tf("change-replaces", &[("date", (&on).into())]),
        });
    }
    out
}

fn now(lang: &Lang, c: Currency, now: ChangeNow) -> String {
    // Each way of settling has its own sentence for each of the two spans it can cover.
    let settled = |settle: Settle, rest: bool, span: (&str, &String)| {
        let (id, amount) = match (settle, rest) {
            (Settle::Pay { amount }, true) => ("change-pay-rest", Some(amount)),
            (Settle::Pay { amount }, false) => ("change-pay-restart", Some(amount)),
            (Settle::Credit { amount, next: true }, true) => {
                ("change-credit-next-rest", Some(amount))
            }
            (Settle::Credit { amount, next: true }, false) => {
                ("change-credit-next-restart", Some(amount))
            }
            (Settle::Credit { amount, .. }, true) => ("change-credit-kept-rest", Some(amount)),
            (Settle::Credit { amount, .. }, false) => ("change-credit-kept-restart", Some(amount)),
            (Settle::Nothing, true) => ("change-nothing-rest", None),
            (Settle::Nothing, false) => ("change-nothing-restart", None),
        };
        match amount {
            Some(a) => {
                let amount = lang.money(c, a);
                lang.tf(id, &[("amount", (&amount).into()), (span.0, span.1.into())])
            }
            None => lang.tf(id, &[(span.0, span.1.into())]),
        }
    };
    match now {
        ChangeNow::Trial => lang.t("change-trial"),
        ChangeNow::ForRest { settle, start, end } => {
            settled(settle, true, ("range", &lang.date_range(start, end)))
        }
        ChangeNow::Restarted { settle, from } => settled(settle, false, ("date", &lang.date(from))),
        ChangeNow::StaysUntil { last_day } => lang.tf(
            "change-stays-until",
            &[("date", (&lang.date(last_day)).into())],
        ),
        ChangeNow::AppliesFrom { from } => lang.tf(
            "change-applies-from",
            &[("date", (&lang.date(from)).into())],
        ),
    }
}

fn then(lang: &Lang, c: Currency, then: ChangeThen) -> String {
    match then {
        ChangeThen::Pays {
            from,
            amount,
            period,
            including_tax,
            plus_usage,
        } => {
            let id = match (including_tax, plus_usage) {
                (false, false) => "change-then",
                (true, false) => "change-then-tax",
                (false, true) => "change-then-usage",
                (true, true) => "change-then-tax-usage",
            };
            lang.tf(
                id,
                &[
                    ("date", (&lang.date(from)).into()),
                    ("amount", (&lang.money(c, amount)).into()),
                    ("period", period.as_str().into()),
                ],
            )
        }
        ChangeThen::Ends {
            last_day,
            before_change,
        } => lang.tf(
            if before_change {
                "change-ends-before-change"
            } else {
                "change-ends"
            },
            &[("date", (&lang.date(last_day)).into())],
        ),
    }
}

/// What is wrong with a field the customer filled in (its English when the problem is not
/// one a customer can meet).
pub fn field_problem(lang: &Lang, e: &FieldError) -> String {
    let Some(p) = &e.problem else {
        return e.message.clone();
    };
    match p {
        Problem::Required => lang.t("problem-required"),
        Problem::TooLong { max } => lang.tf("problem-too-long", &[("max", count(*max as u64))]),
        Problem::ControlCharacters => lang.t("problem-control-characters"),
        Problem::Email => lang.t("problem-email"),
        Problem::Country => lang.t("problem-country"),
        Problem::NotOffered => lang.t("problem-not-offered"),
        Problem::Quantity => lang.t("problem-quantity"),
        Problem::Code(why) => refusal(lang, why),
    }
}

/// Why a code cannot be used: "this code has expired".
fn refusal(lang: &Lang, why: &Unavailable) -> String {
    match why {
        Unavailable::Unknown => lang.t("code-unknown"),
        Unavailable::Expired => lang.t("code-expired"),
        Unavailable::UsedUp => lang.t("code-used-up"),
        Unavailable::Inactive => lang.t("code-inactive"),
        Unavailable::NotForThisPlan => lang.t("code-not-for-plan"),
        Unavailable::MinimumAmount { amount, currency } => lang.tf(
            "code-minimum",
            &[("amount", (&lang.money(*currency, *amount)).into())],
        ),
        Unavailable::FirstPurchaseOnly => lang.t("code-first-purchase"),
        Unavailable::Currency { currency } => {
            lang.tf("code-currency", &[("currency", currency.code().into())])
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rust_decimal::Decimal;

    use super::*;
    use crate::domain::locale::Locale;
    use crate::domain::wording::Replaced;
    use crate::views::i18n::lang;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn usd() -> Currency {
        Currency::parse("USD").unwrap()
    }

    fn every_note() -> Vec<Note> {
        let label = DiscountLabel {
            name: "SPRING".into(),
            value: DiscountValue::PercentOff {
                percent: Decimal::new(125, 1),
            },
        };
        let amount = Decimal::new(1250, 2);
        vec![
            Note::Usage,
            Note::CreditLater { amount },
            Note::CreditNext { amount },
            Note::CreditKept { amount },
            Note::EndsInPeriod {
                last_day: d(1, 20),
                days: 20,
                period_days: 31,
            },
            Note::TrialUntil { last_day: d(1, 14) },
            Note::FirstPayment {
                amount,
                on: d(1, 15),
            },
            Note::EndsInTrial,
            Note::RestCovered {
                start: d(1, 16),
                end: d(1, 31),
                days: 16,
                period_days: 31,
            },
            Note::RestCredited {
                start: d(1, 16),
                end: d(1, 31),
                days: 16,
                period_days: 31,
            },
            Note::ChangeLater { on: d(2, 1) },
            Note::EndsBeforeChange,
            Note::ChangeUnprorated {
                start: d(1, 16),
                end: d(1, 31),
            },
            Note::DiscountReplaced {
                new: label.clone(),
                old: label.clone(),
                from: d(2, 1),
            },
            Note::DiscountStaysUntil {
                discount: label.clone(),
                until: d(3, 31),
            },
            Note::DiscountStays { discount: label },
            Note::TrialChange { until: d(1, 14) },
            Note::DiscountRefused {
                discount: "SPRING".into(),
                why: Unavailable::UsedUp,
            },
        ]
    }

    #[test]
    fn every_note_is_said_in_every_locale_from_its_own_message() {
        let c = usd();
        for note in every_note() {
            let english = note.english(c);
            for l in Locale::ALL {
                let said = super::note(lang(l), c, &note);
                assert!(!said.starts_with("note-"), "{l}: {said}");
                if !matches!(l, Locale::En | Locale::EnGb) {
                    assert_ne!(said, english, "{l}: still English");
                }
            }
        }
        // US English says what the API says, with the page's date format.
        assert_eq!(
            super::note(
                lang(Locale::En),
                c,
                &Note::TrialUntil { last_day: d(1, 14) }
            ),
            "Free trial until Jan 14, 2026."
        );
    }

    #[test]
    fn a_plan_change_is_said_in_two_sentences_and_what_it_replaces() {
        let c = usd();
        let w = ChangeWords {
            now: ChangeNow::ForRest {
                settle: Settle::Credit {
                    amount: Decimal::new(500, 2),
                    next: true,
                },
                start: d(1, 16),
                end: d(1, 31),
            },
            then: ChangeThen::Pays {
                from: d(2, 1),
                amount: Decimal::new(8000, 2),
                period: crate::domain::period::BillingPeriod::P1M,
                including_tax: true,
                plus_usage: false,
            },
            replaces: Some(Replaced {
                plan: Some("Basic".into()),
                on: d(2, 1),
            }),
        };
        assert_eq!(
            change(lang(Locale::En), c, &w),
            "You get a credit of $5.00, used on your next invoice, for the rest of this period \
             (Jan 16, 2026 – Jan 31, 2026). From Feb 1, 2026 you pay $80.00 per month including \
             tax. This replaces your scheduled switch to Basic on Feb 1, 2026."
        );
        let de = change(lang(Locale::De), c, &w);
        assert!(de.starts_with("Sie erhalten"), "{de}");
        assert!(de.contains("5,00\u{a0}$") && de.contains("Basic"), "{de}");
    }

    #[test]
    fn notes_stored_without_their_data_keep_their_english() {
        let inv = Invoice {
            currency: usd(),
            period_start: d(1, 1),
            period_end: d(1, 31),
            line_items: vec![],
            subtotal: Decimal::ZERO,
            discount: Decimal::ZERO,
            tax: Decimal::ZERO,
            total: Decimal::ZERO,
            amount_due: Decimal::ZERO,
            notes: vec!["Free trial until 14 Jan 2026.".into()],
            note_details: vec![],
        };
        assert_eq!(notes(lang(Locale::De), &inv), inv.notes);
    }
}
