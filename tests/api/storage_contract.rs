//! Storage contract tests: the same assertions against whichever backend this run uses
//! (SQLite by default, PostgreSQL with TEST_DATABASE_URL). CI runs the suite on both.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate, SubsecRound, Utc};
use hosted_checkout::domain::catalog::{
    BusinessEntity, Contract, ContractItem, ContractStatus, ContractVersion, Customer, Organisation,
};
use hosted_checkout::domain::checkout::{Checkout, CheckoutStatus, CheckoutType, Quote};
use hosted_checkout::domain::customer::CustomerData;
use hosted_checkout::domain::invoice::{Estimates, Invoice};
use hosted_checkout::domain::locale::{Locale, LocaleSetting};
use hosted_checkout::domain::money::Currency;
use hosted_checkout::domain::overrides::ProrationBehavior;
use hosted_checkout::domain::pricing::{ItemBilling, Pricing};
use hosted_checkout::storage::{
    self, Announce, Change, CheckoutFilter, Close, ConfirmOutcome, ConfirmWrite, DynStorage,
    EventFilter, IdempotencyBegin, PageRequest, PoolSettings, StorageResult, TermsRef,
};
use rust_decimal::Decimal;
use sqlx::{Connection, Row};
use uuid::Uuid;

use crate::helpers::fresh_database;
use hosted_checkout::domain::events::{Event, EventType};

/// One event per change, named for it, with the changed session's id as its object: what the
/// store must write in the change's own transaction.
struct Recorder;

impl Announce for Recorder {
    fn events(&self, change: Change<'_>) -> StorageResult<Vec<Event>> {
        let (t, c) = match change {
            Change::Confirmed { checkout, .. } => (EventType::CheckoutCompleted, checkout),
            Change::Cancelled(c) => (EventType::CheckoutCancelled, c),
            Change::Expired(c) => (EventType::CheckoutExpired, c),
        };
        Ok(vec![
            Event::new(c.organisation_id, t, c.id, "{}", c.updated_at).unwrap(),
        ])
    }
}

/// The types of the organisation's events about `object`, oldest first.
async fn events_of(f: &Fixture, object: Uuid) -> Vec<EventType> {
    let filter = EventFilter {
        object_id: Some(object),
        ..Default::default()
    };
    let page = PageRequest {
        limit: 100,
        starting_after: None,
    };
    let mut types: Vec<EventType> = f
        .store
        .list_events(f.org, &filter, page)
        .await
        .unwrap()
        .data
        .into_iter()
        .map(|e| e.event_type)
        .collect();
    types.reverse();
    types
}

struct Fixture {
    store: DynStorage,
    org: Uuid,
    entity: Uuid,
    customer: Uuid,
    plan: Uuid,
    _tmp: Option<tempfile::TempDir>,
}

fn usd() -> Currency {
    Currency::parse("USD").unwrap()
}

async fn fixture() -> Fixture {
    let (url, tmp) = fresh_database().await;
    let store = storage::connect(&url, &PoolSettings::default())
        .await
        .unwrap();
    fixture_on(store, tmp).await
}

/// The fixture on a store whose reads all go through sqlx's pool: what SQLite's inline reads
/// (`storage::sqlite::inline_reads`) fall back to. PostgreSQL has no inline reads: the same store as
/// [`fixture`].
async fn fixture_without_inline_reads() -> Fixture {
    let (url, tmp) = fresh_database().await;
    let store: DynStorage = if url.starts_with("sqlite:") {
        std::sync::Arc::new(
            storage::sqlite::SqliteStore::connect(&url, &PoolSettings::default())
                .await
                .unwrap()
                .without_inline_reads(),
        )
    } else {
        storage::connect(&url, &PoolSettings::default())
            .await
            .unwrap()
    };
    fixture_on(store, tmp).await
}

async fn fixture_on(store: DynStorage, tmp: Option<tempfile::TempDir>) -> Fixture {
    let now = Utc::now().trunc_subsecs(6);
    let org = Organisation {
        id: Uuid::new_v4(),
        name: "Org".into(),
        redirect_secret: "rsec_test".into(),
        created_at: now,
    };
    let entity = BusinessEntity {
        id: Uuid::new_v4(),
        organisation_id: org.id,
        name: "Org".into(),
        email: None,
        logo_url: None,
        brand_color: None,
        tax_rate: Decimal::new(19, 0),
        address: None,
        is_default: true,
        created_at: now,
    };
    store
        .create_organisation(&org, &entity, &"a".repeat(64), "hc_aaaaaaa")
        .await
        .unwrap();
    let customer = Customer {
        id: Uuid::new_v4(),
        organisation_id: org.id,
        business_entity_id: entity.id,
        customer_name: "Ada".into(),
        email: Some("ada@example.com".into()),
        phone_number: None,
        external_id: None,
        company_name: None,
        tax_id: None,
        address: None,
        created_at: now,
    };
    store.insert_customer(&customer).await.unwrap();
    let product = hosted_checkout::domain::catalog::Product {
        id: Uuid::new_v4(),
        organisation_id: org.id,
        name: "Seats".into(),
        sku: None,
        description: None,
        unit_label: Some("seat".into()),
        created_at: now,
    };
    store.insert_product(&product).await.unwrap();
    let plan = hosted_checkout::domain::catalog::Plan {
        id: Uuid::new_v4(),
        organisation_id: org.id,
        name: "Team".into(),
        description: None,
        currency: usd(),
        billing_period: hosted_checkout::domain::period::BillingPeriod::P1M,
        trial_period_days: 0,
        business_entity_id: None,
        status: hosted_checkout::domain::catalog::PlanStatus::Active,
        items: vec![hosted_checkout::domain::catalog::PlanItem {
            product_id: product.id,
            pricing: Pricing::PerUnit {
                unit_amount: Decimal::new(5, 4),
            },
            billing: ItemBilling::Recurring,
            quantity: 1,
            min_quantity: None,
            max_quantity: None,
            adjustable: true,
            is_enabled: true,
            optional: false,
        }],
        created_at: now,
        updated_at: now,
    };
    store.insert_plan(&plan).await.unwrap();
    Fixture {
        store,
        org: org.id,
        entity: entity.id,
        customer: customer.id,
        plan: plan.id,
        _tmp: tmp,
    }
}

fn empty_invoice(d: NaiveDate) -> Invoice {
    Invoice {
        currency: usd(),
        period_start: d,
        period_end: d,
        line_items: vec![],
        subtotal: Decimal::ZERO,
        discount: Decimal::ZERO,
        tax: Decimal::ZERO,
        total: Decimal::ZERO,
        amount_due: Decimal::ZERO,
        notes: vec![],
        note_details: vec![],
    }
}

fn checkout(f: &Fixture, expires_in: Duration) -> Checkout {
    let now = Utc::now().trunc_subsecs(6);
    let d = now.date_naive();
    Checkout {
        id: Uuid::new_v4(),
        organisation_id: f.org,
        status: CheckoutStatus::Open,
        checkout_type: CheckoutType::NewSubscription,
        plan_id: Some(f.plan),
        contract_id: None,
        start_date: d,
        end_date: None,
        customer_id: Some(f.customer),
        business_entity_id: f.entity,
        guest_checkout: false,
        customer_data: CustomerData::default(),
        quote: Quote {
            estimates: Estimates {
                current_invoice: empty_invoice(d),
                next_invoice: None,
            },
            change: None,
            discount: None,
        },
        expires_at: now + expires_in,
        success_url: None,
        cancel_url: None,
        product_overrides: vec![],
        plan_options: vec![],
        proration_behavior: ProrationBehavior::Auto,
        metadata: BTreeMap::from([("k".to_owned(), "v".to_owned())]),
        preview: false,
        cancel_reason: None,
        created_at: now,
        updated_at: now,
        completed_at: None,
        link_secret: Some("k3Y-link_secret-0123AB".to_owned()),
        discount: None,
        allow_promotion_codes: false,
        locale: LocaleSetting::Fixed(Locale::PtBr),
        checkout_link_id: None,
    }
}

fn contract(f: &Fixture, checkout_id: Option<Uuid>) -> Contract {
    let now = Utc::now().trunc_subsecs(6);
    let d = now.date_naive();
    let items = vec![ContractItem {
        product_id: Uuid::new_v4(),
        name: "Seats".into(),
        unit_label: None,
        billing: ItemBilling::Recurring,
        pricing: Pricing::FlatFee {
            amount: Decimal::new(2999, 2),
        },
        quantity: 3,
        is_enabled: true,
        min_quantity: None,
        max_quantity: None,
    }];
    Contract {
        id: Uuid::new_v4(),
        organisation_id: f.org,
        customer_id: f.customer,
        plan_id: f.plan,
        currency: usd(),
        status: ContractStatus::Active,
        start_date: d,
        end_date: None,
        billing_anchor_date: d,
        versions: vec![ContractVersion {
            version: 1,
            effective_date: d,
            plan_id: f.plan,
            billing_anchor_date: d,
            items: items.clone(),
            change_summary: "new".into(),
            checkout_id,
            created_at: now,
        }],
        items,
        checkout_id,
        version: 1,
        created_at: now,
        updated_at: now,
        discount: None,
        scheduled: None,
        current_version: 1,
        phases: Vec::new(),
    }
}

#[tokio::test]
async fn checkout_round_trips_every_field() {
    let f = fixture().await;
    let c = checkout(&f, Duration::hours(1));
    f.store.insert_checkout(&c, None).await.unwrap();
    let got = f.store.get_checkout(f.org, c.id).await.unwrap().unwrap();
    assert_eq!(got, c);
    assert!(
        f.store
            .get_checkout(Uuid::new_v4(), c.id)
            .await
            .unwrap()
            .is_none(),
        "scoped by organisation"
    );
    let plan = f.store.get_plan(f.org, f.plan).await.unwrap().unwrap();
    assert_eq!(
        plan.items[0].pricing,
        Pricing::PerUnit {
            unit_amount: Decimal::new(5, 4)
        }
    );
}

/// The one-query reads the hosted pages, create and confirm use: each joined row is exactly
/// what its own `get_*` returns, only within the session's organisation, and absent rows are
/// `None`.
#[tokio::test]
async fn checkout_with_terms_reads_what_the_session_refers_to() {
    reads_what_the_session_refers_to(fixture().await).await;
}

/// The same through the pool, where SQLite's inline reads fall back to.
#[tokio::test]
async fn checkout_with_terms_reads_the_same_through_the_pool() {
    reads_what_the_session_refers_to(fixture_without_inline_reads().await).await;
}

async fn reads_what_the_session_refers_to(f: Fixture) {
    let customer = f.store.get_customer(f.org, f.customer).await.unwrap();
    let plan = f.store.get_plan(f.org, f.plan).await.unwrap();
    assert!(customer.is_some() && plan.is_some());

    let mut c = checkout(&f, Duration::hours(1));
    c.success_url = Some(
        hosted_checkout::domain::redirect_url::RedirectUrl::parse(
            "https://shop.example/thanks/{CHECKOUT_ID}?a=1",
        )
        .unwrap(),
    );
    c.proration_behavior = ProrationBehavior::AtPeriodEnd;
    f.store.insert_checkout(&c, None).await.unwrap();
    let (got, terms) = f
        .store
        .get_checkout_with_terms(None, c.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(got, c);
    assert_eq!(got.customer_id, Some(f.customer));
    assert_eq!(terms.plan, plan);
    assert!(terms.contract.is_none() && terms.contract_plan.is_none());
    assert!(
        f.store
            .get_checkout_with_terms(Some(f.org), c.id)
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        f.store
            .get_checkout_with_terms(Some(Uuid::new_v4()), c.id)
            .await
            .unwrap()
            .is_none(),
        "scoped by organisation"
    );
    assert!(
        f.store
            .get_checkout_with_terms(None, Uuid::new_v4())
            .await
            .unwrap()
            .is_none()
    );

    // A change to a contract: the contract (without its history) and the contract's plan.
    let k = contract(&f, None);
    f.store.insert_contract(&k).await.unwrap();
    let mut a = checkout(&f, Duration::hours(1));
    a.checkout_type = CheckoutType::QuantityUpdate;
    a.plan_id = None;
    a.customer_id = None;
    a.contract_id = Some(k.id);
    f.store.insert_checkout(&a, None).await.unwrap();
    let (got, terms) = f
        .store
        .get_checkout_with_terms(Some(f.org), a.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(got, a);
    let without_history = Contract {
        versions: vec![],
        ..k.clone()
    };
    assert_eq!(terms.contract, Some(without_history.clone()));
    assert_eq!(terms.contract_plan, plan);
    assert!(terms.plan.is_none());

    // get_terms: each part independently, only in the organisation.
    let all = TermsRef {
        customer_id: Some(f.customer),
        plan_id: Some(f.plan),
        contract_id: Some(k.id),
    };
    let (found, terms) = f.store.get_terms(f.org, all).await.unwrap();
    assert_eq!(found, customer);
    assert_eq!(terms.plan, plan);
    assert_eq!(terms.contract, Some(without_history));
    assert_eq!(terms.contract_plan, plan);
    let (found, none) = f.store.get_terms(Uuid::new_v4(), all).await.unwrap();
    assert!(found.is_none() && none.plan.is_none() && none.contract.is_none());
    let (found, only_plan) = f
        .store
        .get_terms(
            f.org,
            TermsRef {
                customer_id: Some(Uuid::new_v4()),
                plan_id: Some(f.plan),
                contract_id: None,
            },
        )
        .await
        .unwrap();
    assert!(found.is_none() && only_plan.contract.is_none());
    assert_eq!(only_plan.plan, plan);
    let (found, nothing) = f.store.get_terms(f.org, TermsRef::default()).await.unwrap();
    assert!(found.is_none() && nothing.plan.is_none());
}

/// Many sessions inserted at once (on SQLite they share group commits): every insert that
/// answers Ok is stored exactly as given, and a duplicate id fails only its own insert.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_inserts_each_get_their_own_outcome() {
    let f = std::sync::Arc::new(fixture().await);
    let mut sessions: Vec<Checkout> = (0..120).map(|_| checkout(&f, Duration::hours(1))).collect();
    // Two copies of one session: exactly one of them may be stored.
    let twin = sessions[7].clone();
    sessions.push(twin.clone());
    let tasks: Vec<_> = sessions
        .iter()
        .cloned()
        .map(|c| {
            let f = f.clone();
            tokio::spawn(async move { f.store.insert_checkout(&c, None).await.is_ok() })
        })
        .collect();
    let mut ok = Vec::new();
    for t in tasks {
        ok.push(t.await.unwrap());
    }
    let failed: Vec<usize> = (0..ok.len()).filter(|i| !ok[*i]).collect();
    assert_eq!(failed.len(), 1, "only one of the twins fails: {failed:?}");
    assert!(failed[0] == 7 || failed[0] == 120, "{failed:?}");
    for c in &sessions[..120] {
        let got = f.store.get_checkout(f.org, c.id).await.unwrap();
        assert_eq!(got.as_ref(), Some(c));
    }
    let all = f
        .store
        .list_checkouts(
            f.org,
            &CheckoutFilter::default(),
            PageRequest {
                limit: 200,
                starting_after: None,
            },
            Utc::now(),
        )
        .await
        .unwrap();
    assert_eq!(all.data.len(), 120);
}

#[tokio::test]
async fn confirm_writes_contract_and_status_once() {
    let f = fixture().await;
    let c = checkout(&f, Duration::hours(1));
    f.store.insert_checkout(&c, None).await.unwrap();
    let k = contract(&f, Some(c.id));
    let write = ConfirmWrite::NewContract {
        customer: None,
        contract: Box::new(k.clone()),
    };
    let now = Utc::now();
    assert_eq!(
        f.store
            .confirm_checkout(f.org, c.id, &write, None, now, &Recorder)
            .await
            .unwrap(),
        ConfirmOutcome::Confirmed { contract_id: k.id }
    );
    // A second confirm (even with another contract) changes nothing.
    let other = ConfirmWrite::NewContract {
        customer: None,
        contract: Box::new(contract(&f, Some(c.id))),
    };
    assert_eq!(
        f.store
            .confirm_checkout(f.org, c.id, &other, None, now, &Recorder)
            .await
            .unwrap(),
        ConfirmOutcome::NotOpen
    );
    // The event committed with the claim; the refused second confirm wrote none.
    assert_eq!(events_of(&f, c.id).await, [EventType::CheckoutCompleted]);
    let got = f.store.get_checkout(f.org, c.id).await.unwrap().unwrap();
    assert_eq!(got.status, CheckoutStatus::ContractCreated);
    assert_eq!(got.contract_id, Some(k.id));
    assert!(got.completed_at.is_some());
    let contracts = f
        .store
        .list_contracts(
            f.org,
            PageRequest {
                limit: 10,
                starting_after: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(contracts.data.len(), 1);
    assert_eq!(contracts.data[0].versions.len(), 1);
    assert_eq!(contracts.data[0].items, k.items);
}

#[tokio::test]
async fn amend_requires_the_expected_contract_version() {
    let f = fixture().await;
    let k = contract(&f, None);
    f.store.insert_contract(&k).await.unwrap();
    let amend = |expected| ConfirmWrite::Amend {
        contract_id: k.id,
        expected_version: expected,
        plan_id: f.plan,
        effective_date: k.start_date,
        billing_anchor_date: k.start_date,
        items: k.items.clone(),
        change_summary: "more seats".into(),
        discount: None,
        plan_name: "Team".into(),
        kept: None,
    };
    let a = checkout(&f, Duration::hours(1));
    let b = checkout(&f, Duration::hours(1));
    f.store.insert_checkout(&a, None).await.unwrap();
    f.store.insert_checkout(&b, None).await.unwrap();
    let now = Utc::now();
    assert!(matches!(
        f.store
            .confirm_checkout(f.org, a.id, &amend(1), None, now, &Recorder)
            .await
            .unwrap(),
        ConfirmOutcome::Confirmed { .. }
    ));
    // b was priced against version 1 too: refused, and b stays open (rolled back).
    assert_eq!(
        f.store
            .confirm_checkout(f.org, b.id, &amend(1), None, now, &Recorder)
            .await
            .unwrap(),
        ConfirmOutcome::ContractChanged
    );
    // Rolled back with the claim: a's event only.
    assert_eq!(events_of(&f, a.id).await, [EventType::CheckoutCompleted]);
    assert!(events_of(&f, b.id).await.is_empty());
    assert_eq!(
        f.store
            .get_checkout(f.org, b.id)
            .await
            .unwrap()
            .unwrap()
            .status,
        CheckoutStatus::Open
    );
    let got = f.store.get_contract(f.org, k.id).await.unwrap().unwrap();
    assert_eq!(got.version, 2);
    assert_eq!(
        got.versions.iter().map(|v| v.version).collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(got.versions[1].checkout_id, Some(a.id));
}

#[tokio::test]
async fn expired_sessions_cannot_change_and_are_swept() {
    let f = fixture().await;
    let live = checkout(&f, Duration::hours(1));
    let dead = checkout(&f, Duration::seconds(1));
    f.store.insert_checkout(&live, None).await.unwrap();
    f.store.insert_checkout(&dead, None).await.unwrap();
    let later = Utc::now() + Duration::minutes(1);
    let cancel = Close::Cancelled { reason: None };
    assert!(
        !f.store
            .close_checkout(f.org, dead.id, &cancel, later, &Recorder)
            .await
            .unwrap()
    );
    let expired = f
        .store
        .list_checkouts(
            f.org,
            &CheckoutFilter {
                status: Some(CheckoutStatus::Expired),
                ..Default::default()
            },
            PageRequest {
                limit: 10,
                starting_after: None,
            },
            later,
        )
        .await
        .unwrap();
    assert_eq!(
        expired.data.iter().map(|c| c.id).collect::<Vec<_>>(),
        [dead.id]
    );
    let open = f
        .store
        .list_checkouts(
            f.org,
            &CheckoutFilter {
                status: Some(CheckoutStatus::Open),
                ..Default::default()
            },
            PageRequest {
                limit: 10,
                starting_after: None,
            },
            later,
        )
        .await
        .unwrap();
    assert_eq!(
        open.data.iter().map(|c| c.id).collect::<Vec<_>>(),
        [live.id]
    );
    assert_eq!(f.store.expire_due(later, 100, &Recorder).await.unwrap(), 1);
    assert_eq!(
        f.store.expire_due(later, 100, &Recorder).await.unwrap(),
        0,
        "idempotent"
    );
    assert_eq!(events_of(&f, dead.id).await, [EventType::CheckoutExpired]);
    assert!(events_of(&f, live.id).await.is_empty());
    assert_eq!(
        f.store
            .get_checkout(f.org, dead.id)
            .await
            .unwrap()
            .unwrap()
            .status,
        CheckoutStatus::Expired
    );
    assert_eq!(
        f.store
            .get_checkout(f.org, live.id)
            .await
            .unwrap()
            .unwrap()
            .status,
        CheckoutStatus::Open
    );
}

#[tokio::test]
async fn idempotency_keys_start_replay_and_mismatch() {
    let f = fixture().await;
    let now = Utc::now();
    assert_eq!(
        f.store
            .begin_idempotent(f.org, "k1", "h1", now)
            .await
            .unwrap(),
        IdempotencyBegin::Started
    );
    assert_eq!(
        f.store
            .begin_idempotent(f.org, "k1", "h1", now)
            .await
            .unwrap(),
        IdempotencyBegin::InProgress
    );
    f.store
        .complete_idempotent(f.org, "k1", 201, "{\"id\":1}")
        .await
        .unwrap();
    assert_eq!(
        f.store
            .begin_idempotent(f.org, "k1", "h1", now)
            .await
            .unwrap(),
        IdempotencyBegin::Replay {
            status: 201,
            body: "{\"id\":1}".into()
        }
    );
    assert_eq!(
        f.store
            .begin_idempotent(f.org, "k1", "h2", now)
            .await
            .unwrap(),
        IdempotencyBegin::Mismatch
    );
    // Per organisation.
    let other_org = Uuid::new_v4();
    let org = Organisation {
        id: other_org,
        name: "Other".into(),
        redirect_secret: "rsec_other".into(),
        created_at: now.trunc_subsecs(6),
    };
    let mut e = f.store.default_entity(f.org).await.unwrap().unwrap();
    e.id = Uuid::new_v4();
    e.organisation_id = other_org;
    f.store
        .create_organisation(&org, &e, &"b".repeat(64), "hc_bbbbbbb")
        .await
        .unwrap();
    assert_eq!(
        f.store
            .begin_idempotent(other_org, "k1", "h2", now)
            .await
            .unwrap(),
        IdempotencyBegin::Started
    );
    // Abandoned keys can be used again.
    f.store.abandon_idempotent(other_org, "k1").await.unwrap();
    assert_eq!(
        f.store
            .begin_idempotent(other_org, "k1", "h3", now)
            .await
            .unwrap(),
        IdempotencyBegin::Started
    );
    assert_eq!(
        f.store
            .purge_idempotency_keys(now + Duration::seconds(1))
            .await
            .unwrap(),
        2
    );
}

#[tokio::test]
async fn api_keys_are_stored_hashed() {
    let app = crate::helpers::spawn_app().await;
    let hash = hosted_checkout::services::auth::hash_api_key(&app.api_key);
    assert_eq!(
        app.ctx.store.organisation_for_key(&hash).await.unwrap(),
        Some(app.org_id)
    );
    assert_eq!(
        app.ctx
            .store
            .organisation_for_key(&app.api_key)
            .await
            .unwrap(),
        None,
        "the secret itself is not stored"
    );
}

/// Both migration folders hold the same files, and (when PostgreSQL is available) create the
/// same tables with the same columns.
#[tokio::test]
async fn sqlite_and_postgres_schemas_match() {
    let names = |dir: &str| {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    assert_eq!(names("migrations/sqlite"), names("migrations/postgres"));

    let dir = tempfile::tempdir().unwrap();
    let sqlite_url = format!("sqlite://{}", dir.path().join("s.db").display());
    storage::connect(&sqlite_url, &PoolSettings::default())
        .await
        .unwrap();
    let mut conn = sqlx::SqliteConnection::connect(&sqlite_url).await.unwrap();
    let rows = sqlx::query(
        "SELECT m.name AS t, p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%' ORDER BY 1, 2",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    let sqlite: Vec<(String, String)> = rows.iter().map(|r| (r.get("t"), r.get("c"))).collect();
    assert!(sqlite.contains(&("checkouts".into(), "estimates".into())));

    let Ok(base) = std::env::var("TEST_DATABASE_URL") else {
        return;
    };
    let (pg_url, _) = fresh_database().await;
    assert!(base.starts_with("postgres"));
    storage::connect(&pg_url, &PoolSettings::default())
        .await
        .unwrap();
    let mut pg = sqlx::PgConnection::connect(&pg_url).await.unwrap();
    let rows = sqlx::query(
        "SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '_sqlx%' ORDER BY 1, 2",
    )
    .fetch_all(&mut pg)
    .await
    .unwrap();
    let postgres: Vec<(String, String)> = rows.iter().map(|r| (r.get("t"), r.get("c"))).collect();
    assert_eq!(sqlite, postgres);
}

/// The overview's counts (`migrations/*/0012`) follow every insert (one at a time and in a
/// group commit) and every change of outcome, leave previews out, and count an open session
/// past its expiry as expired before and after the sweep; folding the changes (PostgreSQL)
/// changes no figure.
#[tokio::test]
async fn overview_counts_follow_every_change_of_outcome() {
    use hosted_checkout::storage::DayOutcome;
    let f = fixture().await;
    let open = checkout(&f, Duration::hours(1));
    let confirmed = checkout(&f, Duration::hours(1));
    let cancelled = checkout(&f, Duration::hours(1));
    let lapsed = checkout(&f, Duration::seconds(1));
    let preview = Checkout {
        preview: true,
        ..checkout(&f, Duration::hours(1))
    };
    let mut older = checkout(&f, Duration::hours(1));
    older.created_at -= Duration::days(3);
    older.updated_at = older.created_at;
    for c in [&open, &confirmed, &cancelled, &lapsed, &preview, &older] {
        f.store.insert_checkout(c, None).await.unwrap();
    }
    // Concurrent inserts share group commits: multi-row statements.
    let grouped: Vec<Checkout> = (0..8).map(|_| checkout(&f, Duration::hours(1))).collect();
    futures_util::future::join_all(grouped.iter().map(|c| f.store.insert_checkout(c, None)))
        .await
        .into_iter()
        .for_each(|r| r.unwrap());
    let now = Utc::now();
    let write = ConfirmWrite::NewContract {
        customer: None,
        contract: Box::new(contract(&f, Some(confirmed.id))),
    };
    f.store
        .confirm_checkout(f.org, confirmed.id, &write, None, now, &Recorder)
        .await
        .unwrap();
    let cancel = Close::Cancelled { reason: None };
    assert!(
        f.store
            .close_checkout(f.org, cancelled.id, &cancel, now, &Recorder)
            .await
            .unwrap()
    );
    let later = now + Duration::minutes(1);
    let today = open.created_at.date_naive();
    let day = |d: NaiveDate, status, sessions| DayOutcome {
        day: d,
        status,
        sessions,
    };
    let expected = vec![
        day(older.created_at.date_naive(), CheckoutStatus::Open, 1),
        day(today, CheckoutStatus::Open, 9),
        day(today, CheckoutStatus::ContractCreated, 1),
        day(today, CheckoutStatus::Cancelled, 1),
        day(today, CheckoutStatus::Expired, 1),
    ];
    let counts = || async {
        let mut v = f
            .store
            .outcomes_by_day(f.org, later - Duration::days(29), later)
            .await
            .unwrap();
        v.sort_by_key(|o| (o.day, o.status));
        v
    };
    let mut sorted = expected.clone();
    sorted.sort_by_key(|o| (o.day, o.status));
    assert_eq!(counts().await, sorted, "before the fold and the sweep");
    f.store.fold_outcome_changes().await.unwrap();
    assert_eq!(counts().await, sorted, "after the fold");
    assert_eq!(f.store.expire_due(later, 100, &Recorder).await.unwrap(), 1);
    assert_eq!(counts().await, sorted, "after the sweep");
    f.store.fold_outcome_changes().await.unwrap();
    assert_eq!(
        counts().await,
        sorted,
        "after the sweep's changes are folded"
    );
    assert_eq!(
        f.store.fold_outcome_changes().await.unwrap(),
        0,
        "nothing left to fold"
    );
    // A shorter window leaves the older day out.
    let recent = f
        .store
        .outcomes_by_day(f.org, later - Duration::days(1), later)
        .await
        .unwrap();
    assert_eq!(recent.iter().map(|o| o.sessions).sum::<i64>(), 12);
}
