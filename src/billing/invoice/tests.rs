use super::super::test_support::*;
use super::*;

#[test]
fn prorates_by_days_and_rounds_once() {
    let usd = usd();
    assert_eq!(prorate(usd, dec("30"), 15, 30).unwrap(), dec("15.00"));
    assert_eq!(prorate(usd, dec("10"), 1, 3).unwrap(), dec("3.33"));
    assert_eq!(prorate(usd, dec("10"), 2, 3).unwrap(), dec("6.67"));
    assert_eq!(prorate(usd, dec("0.01"), 1, 2).unwrap(), dec("0.01"));
    assert_eq!(prorate(jpy(), dec("1000"), 15, 31).unwrap(), dec("484"));
    assert_eq!(prorate(kwd(), dec("10"), 15, 31).unwrap(), dec("4.839"));
    assert_eq!(prorate(usd, dec("29.99"), 31, 31).unwrap(), dec("29.99"));
}

#[test]
fn describes_lines_in_words() {
    let item = per_unit_item(1, "Seats", "10", 1500);
    let span = Span::new(date(2026, 11, 16), date(2026, 12, 1));
    assert_eq!(
        describe(
            LineKind::ProrationCredit,
            &item,
            &SpanWords::new(span, None)
        ),
        "Unused time on 1,500 × Seats, 16–30 Nov 2026"
    );
    let basic = flat_item(2, "Basic", "20");
    assert_eq!(
        describe(
            LineKind::ProrationCharge,
            &basic,
            &SpanWords::new(span, None)
        ),
        "Remaining time on Basic, 16–30 Nov 2026"
    );
    assert_eq!(
        describe(LineKind::Recurring, &basic, &SpanWords::new(span, Some(30))),
        "Basic, 16–30 Nov 2026 (15 of 30 days)"
    );
    assert_eq!(
        describe(LineKind::OneTime, &basic, &SpanWords::new(span, None)),
        "Basic, one-time charge"
    );
}

#[test]
fn credit_never_takes_an_invoice_below_zero() {
    let span = Span::new(date(2026, 12, 1), date(2027, 1, 1));
    let items = vec![flat_item(1, "Basic", "20")];
    let mut draft = Draft::new(usd(), span, 2);
    draft.push_period(&items, span, span, false).unwrap();
    let rest = draft.apply_credit(dec("25"), date(2026, 11, 16)).unwrap();
    assert_eq!(rest, dec("5.00"));
    let invoice = draft.finish(dec("10")).unwrap();
    assert_eq!(invoice.subtotal, dec("0"));
    assert_eq!(invoice.total, dec("0"));
    assert_eq!(invoice.line_items[1].kind, LineKind::Credit);
    assert_eq!(invoice.line_items[1].amount, dec("-20"));
    assert_eq!(
        invoice.notes,
        ["A credit of $5.00 (before tax) stays on your account for later invoices."]
    );
}
