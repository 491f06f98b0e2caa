//! Edges of the term and the calendar, trials, rounding, and item resolution.

use super::*;

#[test]
fn the_effective_date_must_be_inside_the_term() {
    let mut c = basic_contract();
    c.end_date = Some(date(2027, 10, 31));
    let pro = monthly(vec![flat_item(2, "Pro", "80")]);
    for d in [date(2026, 10, 31), date(2027, 11, 1)] {
        let result = estimate_amendment(&Amendment {
            currency: usd(),
            tax_rate: dec("0"),
            contract: &c,
            new_plan: &pro,
            effective_date: d,
            behavior: ProrationBehavior::Auto,
            new_discount: None,
            replaces: None,
        });
        assert_eq!(result, Err(BillingError::EffectiveDateOutsideTerm));
    }
    // the first and last days are inside
    amend(&c, &pro, date(2026, 11, 1), ProrationBehavior::Auto, "0");
    amend(&c, &pro, date(2027, 10, 31), ProrationBehavior::Auto, "0");
}

#[test]
fn a_change_in_the_last_period_is_prorated_to_the_contract_end() {
    let mut c = basic_contract();
    c.end_date = Some(date(2026, 11, 20));
    let pro = monthly(vec![flat_item(2, "Pro", "80")]);
    let est = amend(
        &c,
        &pro,
        date(2026, 11, 16),
        ProrationBehavior::ProrateNow,
        "0",
    );
    let current = &est.estimates.current_invoice;
    assert_eq!(current.period_end, date(2026, 11, 20));
    // 5 of 30 days
    assert_eq!(current.line_items[0].amount, dec("-5"));
    assert_eq!(current.line_items[1].amount, dec("13.33"));
    assert_eq!(est.estimates.next_invoice, None);
    assert_eq!(
        est.summary,
        "You pay $8.33 now for the rest of this period (16–20 Nov 2026). \
         Your contract ends on 20 Nov 2026."
    );
    let lite = monthly(vec![flat_item(3, "Lite", "10")]);
    let est = amend(&c, &lite, date(2026, 11, 16), ProrationBehavior::Auto, "0");
    assert_eq!(est.behavior, ProrationBehavior::AtPeriodEnd);
    assert_eq!(est.estimates.next_invoice, None);
    assert_eq!(
        est.summary,
        "Your current terms stay until 20 Nov 2026. Your contract ends on 20 Nov 2026, \
         before the change would take effect."
    );
}

#[test]
fn the_next_period_is_cut_by_the_contract_end() {
    let mut c = basic_contract();
    c.end_date = Some(date(2026, 12, 15));
    let pro = monthly(vec![flat_item(2, "Pro", "62")]);
    let est = amend(&c, &pro, date(2026, 11, 16), ProrationBehavior::None, "0");
    let next = est.estimates.next_invoice.as_ref().unwrap();
    assert_eq!(next.period_end, date(2026, 12, 15));
    assert_eq!(next.total, dec("30"));
}

#[test]
fn month_end_anchors_prorate_over_the_short_month() {
    let c = contract(
        BillingPeriod::P1M,
        vec![flat_item(1, "Basic", "28")],
        date(2026, 1, 31),
    );
    let pro = monthly(vec![flat_item(2, "Pro", "56")]);
    let est = amend(
        &c,
        &pro,
        date(2026, 2, 15),
        ProrationBehavior::ProrateNow,
        "0",
    );
    let current = &est.estimates.current_invoice;
    // period 31 Jan – 27 Feb (28 days); 13 days left
    assert_eq!(current.period_end, date(2026, 2, 27));
    assert_eq!(current.line_items[0].amount, dec("-13"));
    assert_eq!(current.line_items[1].amount, dec("26"));
    let next = est.estimates.next_invoice.as_ref().unwrap();
    assert_eq!(next.period_start, date(2026, 2, 28));
    assert_eq!(next.period_end, date(2026, 3, 30));
    // leap year February has 29 days
    let c = contract(
        BillingPeriod::P1M,
        vec![flat_item(1, "Basic", "29")],
        date(2028, 1, 31),
    );
    let est = amend(
        &c,
        &pro,
        date(2028, 2, 15),
        ProrationBehavior::ProrateNow,
        "0",
    );
    assert_eq!(
        est.estimates.current_invoice.line_items[0].amount,
        dec("-14")
    );
    assert_eq!(
        est.estimates.next_invoice.unwrap().period_start,
        date(2028, 2, 29)
    );
}

#[test]
fn a_quantity_update_prorates_tiered_items() {
    let c = contract(
        BillingPeriod::P1M,
        vec![tiered_item(1, "API calls")],
        date(2026, 11, 1),
    );
    let items = resolve_items(
        AmendmentKind::QuantityUpdate,
        &c.plan.items,
        &[],
        &[ItemOverride {
            product_id: pid(1),
            quantity: Some(2500),
            is_enabled: None,
        }],
    )
    .unwrap();
    let new_plan = PlanTerms {
        items,
        ..c.plan.clone()
    };
    let est = amend(
        &c,
        &new_plan,
        date(2026, 11, 16),
        ProrationBehavior::ProrateNow,
        "0",
    );
    // tiered(1500) = 2500, tiered(2500) = 1000 + 2250 + 500 = 3750; f = 1/2
    assert_eq!(est.old_total_per_period, dec("2500"));
    assert_eq!(est.new_total_per_period, dec("3750"));
    assert_eq!(
        lines(&est.estimates.current_invoice),
        [
            (
                LineKind::ProrationCredit,
                dec("-1250"),
                "Unused time on 1,500 × API calls, 16–30 Nov 2026"
            ),
            (
                LineKind::ProrationCharge,
                dec("1875"),
                "Remaining time on 2,500 × API calls, 16–30 Nov 2026"
            ),
        ]
    );
}

#[test]
fn unchanged_terms_net_to_zero() {
    let c = contract(
        BillingPeriod::P1M,
        vec![
            flat_item(1, "Basic", "33.33"),
            per_unit_item(2, "Seats", "7.77", 3),
        ],
        date(2026, 11, 1),
    );
    let est = amend(
        &c,
        &c.plan,
        date(2026, 11, 10),
        ProrationBehavior::ProrateNow,
        "20",
    );
    assert_eq!(est.estimates.current_invoice.line_items.len(), 4);
    assert_eq!(est.estimates.current_invoice.total, dec("0"));
    assert!(est.is_upgrade);
}

#[test]
fn changes_during_a_trial_charge_nothing_until_it_ends() {
    let mut c = basic_contract();
    c.start_date = date(2026, 3, 1);
    c.billing_anchor_date = date(2026, 3, 15);
    let pro = monthly(vec![flat_item(2, "Pro", "80")]);
    let est = amend(&c, &pro, date(2026, 3, 5), ProrationBehavior::Auto, "0");
    assert_eq!(est.behavior, ProrationBehavior::ProrateNow);
    assert_eq!(est.effective_date, date(2026, 3, 5));
    assert_eq!(est.billing_anchor_date, date(2026, 3, 15));
    let current = &est.estimates.current_invoice;
    assert!(current.line_items.is_empty());
    assert_eq!(current.period_end, date(2026, 3, 14));
    assert_eq!(
        current.notes,
        [
            "You are on a free trial until 14 Mar 2026, so nothing is charged or credited for this change now."
        ]
    );
    let next = est.estimates.next_invoice.as_ref().unwrap();
    assert_eq!(next.period_start, date(2026, 3, 15));
    assert_eq!(next.total, dec("80"));
    assert_eq!(
        est.summary,
        "The change applies during your free trial, so nothing is charged now. \
         From 15 Mar 2026 you pay $80.00 per month."
    );
    let lite = monthly(vec![flat_item(3, "Lite", "10")]);
    let est = amend(&c, &lite, date(2026, 3, 5), ProrationBehavior::Auto, "0");
    assert_eq!(est.behavior, ProrationBehavior::AtPeriodEnd);
    assert_eq!(est.effective_date, date(2026, 3, 15));
}

#[test]
fn yen_and_dinar_prorations_round_to_their_minor_units() {
    let c = basic_contract();
    let mut old = c.clone();
    old.plan.items = vec![flat_item(1, "Basic", "3000")];
    let pro = monthly(vec![flat_item(2, "Pro", "8001")]);
    let est = estimate_amendment(&Amendment {
        currency: jpy(),
        tax_rate: dec("10"),
        contract: &old,
        new_plan: &pro,
        effective_date: date(2026, 11, 16),
        behavior: ProrationBehavior::ProrateNow,
        new_discount: None,
        replaces: None,
    })
    .unwrap();
    let current = &est.estimates.current_invoice;
    assert_eq!(current.line_items[0].amount.to_string(), "-1500");
    assert_eq!(current.line_items[1].amount.to_string(), "4001"); // 4000.5 → 4001
    assert_eq!(current.tax.to_string(), "250"); // 250.1
    assert!(est.summary.starts_with("You pay ¥2,751 now"));

    let mut old = contract(
        BillingPeriod::P1M,
        vec![flat_item(1, "Basic", "10")],
        date(2026, 12, 1),
    );
    old.plan.items[0].pricing = crate::domain::pricing::Pricing::FlatFee { amount: dec("10") };
    let pro = monthly(vec![flat_item(2, "Pro", "25")]);
    let est = estimate_amendment(&Amendment {
        currency: kwd(),
        tax_rate: dec("0"),
        contract: &old,
        new_plan: &pro,
        effective_date: date(2026, 12, 17),
        behavior: ProrationBehavior::ProrateNow,
        new_discount: None,
        replaces: None,
    })
    .unwrap();
    let current = &est.estimates.current_invoice;
    // 15 of 31 days
    assert_eq!(current.line_items[0].amount.to_string(), "-4.839");
    assert_eq!(current.line_items[1].amount.to_string(), "12.097");
    assert_eq!(current.total.to_string(), "7.258");
    assert!(est.summary.starts_with("You pay KWD 7.258 now"));
}

#[test]
fn disabled_one_time_and_usage_items_are_not_prorated() {
    let c = contract(
        BillingPeriod::P1M,
        vec![
            flat_item(1, "Basic", "30"),
            ItemTerms {
                billing: ItemBilling::OneTime,
                ..flat_item(2, "Setup", "100")
            },
            ItemTerms {
                billing: ItemBilling::Usage,
                ..per_unit_item(3, "API calls", "0.001", 0)
            },
            ItemTerms {
                enabled: false,
                ..flat_item(4, "Add-on", "20")
            },
        ],
        date(2026, 11, 1),
    );
    let items = resolve_items(
        AmendmentKind::QuantityUpdate,
        &c.plan.items,
        &[],
        &[ItemOverride {
            product_id: pid(4),
            quantity: None,
            is_enabled: Some(true),
        }],
    )
    .unwrap();
    let new_plan = PlanTerms {
        items,
        ..c.plan.clone()
    };
    let est = amend(
        &c,
        &new_plan,
        date(2026, 11, 16),
        ProrationBehavior::ProrateNow,
        "0",
    );
    let kinds: Vec<_> = lines(&est.estimates.current_invoice)
        .into_iter()
        .map(|(k, a, _)| (k, a))
        .collect();
    assert_eq!(
        kinds,
        [
            (LineKind::ProrationCredit, dec("-15")),
            (LineKind::ProrationCharge, dec("15")),
            (LineKind::ProrationCharge, dec("10")),
        ]
    );
    let next = est.estimates.next_invoice.unwrap();
    let next_kinds: Vec<_> = next.line_items.iter().map(|l| l.kind).collect();
    assert_eq!(
        next_kinds,
        [LineKind::Recurring, LineKind::Usage, LineKind::Recurring]
    );
    assert!(
        est.summary
            .ends_with("you pay $50.00 per month, plus usage.")
    );
}

#[test]
fn resolve_items_for_a_quantity_update_applies_overrides() {
    let contract_items = vec![
        per_unit_item(1, "Seats", "10", 3),
        flat_item(2, "Support", "5"),
    ];
    let items = resolve_items(
        AmendmentKind::QuantityUpdate,
        &contract_items,
        &[],
        &[ItemOverride {
            product_id: pid(1),
            quantity: Some(7),
            is_enabled: None,
        }],
    )
    .unwrap();
    assert_eq!(items[0].quantity, 7);
    assert_eq!(items[1], contract_items[1]);
}

#[test]
fn resolve_items_for_a_plan_change_keeps_the_contracts_choices() {
    let contract_items = vec![
        per_unit_item(1, "Seats", "10", 3),
        ItemTerms {
            enabled: false,
            ..flat_item(2, "Support", "5")
        },
        flat_item(9, "Legacy", "1"),
    ];
    let new_plan_items = vec![
        per_unit_item(1, "Seats", "12", 1),
        flat_item(2, "Support", "6"),
        per_unit_item(3, "Storage", "1", 10),
    ];
    let items = resolve_items(
        AmendmentKind::PlanChange,
        &contract_items,
        &new_plan_items,
        &[ItemOverride {
            product_id: pid(3),
            quantity: Some(20),
            is_enabled: Some(true),
        }],
    )
    .unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!((items[0].quantity, items[0].enabled), (3, true));
    assert_eq!(items[0].pricing.unit_price(), Some(dec("12")));
    assert_eq!((items[1].quantity, items[1].enabled), (1, false));
    assert_eq!((items[2].quantity, items[2].enabled), (20, true));
}

#[test]
fn resolve_items_refuses_unknown_products() {
    let contract_items = vec![flat_item(1, "Basic", "10")];
    let o = ItemOverride {
        product_id: pid(42),
        quantity: Some(1),
        is_enabled: None,
    };
    assert_eq!(
        resolve_items(
            AmendmentKind::QuantityUpdate,
            &contract_items,
            &[],
            std::slice::from_ref(&o)
        ),
        Err(BillingError::UnknownProduct(pid(42)))
    );
    // a product only on the contract is unknown to the new plan
    let o = ItemOverride {
        product_id: pid(1),
        ..o
    };
    assert_eq!(
        resolve_items(
            AmendmentKind::PlanChange,
            &contract_items,
            &[flat_item(2, "Pro", "20")],
            &[o]
        ),
        Err(BillingError::UnknownProduct(pid(1)))
    );
}

#[test]
fn proration_behavior_is_snake_case() {
    assert_eq!(
        serde_json::to_string(&ProrationBehavior::AtPeriodEnd).unwrap(),
        r#""at_period_end""#
    );
    assert_eq!(
        serde_json::from_str::<ProrationBehavior>(r#""prorate_now""#).unwrap(),
        ProrationBehavior::ProrateNow
    );
    assert_eq!(ProrationBehavior::default(), ProrationBehavior::Auto);
    assert_eq!(ProrationBehavior::None.as_str(), "none");
}
