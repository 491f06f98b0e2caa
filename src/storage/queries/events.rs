//! Events: inserted with their deliveries inside the transaction of the change they report
//! (the outbox), listed, read with their deliveries, re-sent and purged.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;
use uuid::Uuid;

use super::{Arg as _, Db, PushArg as _, SqlStore, Tuple, execute_on, page_of, push_ids};
use crate::domain::events::{Delivery, Event, EventType};
use crate::storage::rows::events::{AttemptColumns, DeliveryColumns, EventColumns};
use crate::storage::rows::{column, corrupt, decode_all};
use crate::storage::{EventFilter, EventStore, PageOf, PageRequest, StorageResult};

const INSERT_EVENTS: &str =
    "INSERT INTO events (id, organisation_id, event_type, object_id, payload, created_at) VALUES ";
const EVENT: &str = "SELECT id, organisation_id, event_type, object_id, payload, created_at FROM events WHERE organisation_id = $1 AND id = $2";
/// The organisation follows, then the list's filters (completed at run time).
const EVENTS: &str = "SELECT id, organisation_id, event_type, object_id, payload, created_at FROM events WHERE organisation_id = ";
const DELIVERIES: &str = "SELECT id, event_id, endpoint_id, status, attempt_count, next_attempt_at, last_status_code, last_error, created_at, updated_at FROM webhook_deliveries WHERE event_id = $1 ORDER BY created_at, id";
/// An endpoint's latest deliveries, newest first, with their event's type.
const ENDPOINT_DELIVERIES: &str = "SELECT d.id, d.event_id, d.endpoint_id, d.status, d.attempt_count, d.next_attempt_at, d.last_status_code, d.last_error, d.created_at, d.updated_at, ev.event_type FROM webhook_deliveries d JOIN events ev ON ev.id = d.event_id WHERE d.organisation_id = $1 AND d.endpoint_id = $2 ORDER BY d.created_at DESC, d.id DESC LIMIT $3";
const ATTEMPTS_IN: &str = "SELECT delivery_id, attempt_number, started_at, duration_ms, status_code, error, next_attempt_at FROM webhook_attempts WHERE delivery_id IN ";

/// The deliveries of the events whose ids follow (`IN (…)`), one per enabled endpoint of the
/// event's organisation whose filter matches its type, due at once. `{NEW_ID}` is the
/// backend's random id.
const FAN_OUT: &str = "INSERT INTO webhook_deliveries (id, organisation_id, event_id, endpoint_id, status, attempt_count, next_attempt_at, created_at, updated_at) SELECT {NEW_ID}, ev.organisation_id, ev.id, e.id, 'pending', 0, ev.created_at, ev.created_at, ev.created_at FROM events ev JOIN webhook_endpoints e ON e.organisation_id = ev.organisation_id AND e.status = 'enabled' AND (e.event_filter = '*' OR e.event_filter LIKE '%,' || ev.event_type || ',%') WHERE ev.id IN ";

/// A resend to one endpoint (`$1` event, `$2` endpoint, `$3` organisation, `$4` now).
const RESEND_TO: &str = "INSERT INTO webhook_deliveries (id, organisation_id, event_id, endpoint_id, status, attempt_count, next_attempt_at, created_at, updated_at) SELECT {NEW_ID}, ev.organisation_id, ev.id, e.id, 'pending', 0, $4, $4, $4 FROM events ev JOIN webhook_endpoints e ON e.organisation_id = ev.organisation_id WHERE ev.id = $1 AND e.id = $2 AND ev.organisation_id = $3";
/// A resend to every enabled endpoint the event matches (`$1` event, `$2` organisation, `$3` now).
const RESEND_ALL: &str = "INSERT INTO webhook_deliveries (id, organisation_id, event_id, endpoint_id, status, attempt_count, next_attempt_at, created_at, updated_at) SELECT {NEW_ID}, ev.organisation_id, ev.id, e.id, 'pending', 0, $3, $3, $3 FROM events ev JOIN webhook_endpoints e ON e.organisation_id = ev.organisation_id AND e.status = 'enabled' AND (e.event_filter = '*' OR e.event_filter LIKE '%,' || ev.event_type || ',%') WHERE ev.id = $1 AND ev.organisation_id = $2";

/// Events go first (deliveries, then attempts, follow by `ON DELETE CASCADE`).
const PURGE: &str = "DELETE FROM events WHERE created_at < $1";

/// `sql` with the backend's random-id expression in place of `{NEW_ID}`: both are constants
/// of this module and of `Db`, never input.
fn with_new_id<D: Db>(sql: &'static str) -> sqlx::AssertSqlSafe<String> {
    sqlx::AssertSqlSafe(sql.replace("{NEW_ID}", D::NEW_ID))
}

/// Inserts `events` and their deliveries on `conn`, inside the caller's transaction.
pub(super) async fn insert_events_in<D: Db>(
    conn: &mut D::Connection,
    events: &[Event],
) -> StorageResult<()> {
    if events.is_empty() {
        return Ok(());
    }
    let mut qb = QueryBuilder::<D>::new(INSERT_EVENTS);
    for (i, e) in events.iter().enumerate() {
        if i > 0 {
            qb.push(", ");
        }
        Tuple::open(&mut qb)
            .value(e.id)
            .value(e.organisation_id)
            .value(e.event_type.as_str())
            .value(e.object_id)
            .value(e.payload.as_str())
            .value(e.created_at)
            .close();
    }
    execute_on::<D>(conn, qb.build()).await?;
    let mut qb = QueryBuilder::<D>::new(FAN_OUT.replace("{NEW_ID}", D::NEW_ID));
    push_ids(&mut qb, events.iter().map(|e| e.id));
    execute_on::<D>(conn, qb.build()).await?;
    Ok(())
}

impl<D: Db> SqlStore<D> {
    /// The deliveries of one event, oldest first, each with its attempts.
    async fn deliveries_of(&self, event: Uuid) -> StorageResult<Vec<Delivery>> {
        let rows = self.fetch_all(sqlx::query(DELIVERIES).arg(event)).await?;
        let mut deliveries: Vec<Delivery> = decode_all::<DeliveryColumns, _>(&rows)?
            .into_iter()
            .map(|(_, d)| d)
            .collect();
        if deliveries.is_empty() {
            return Ok(deliveries);
        }
        let mut qb = QueryBuilder::<D>::new(ATTEMPTS_IN);
        push_ids(&mut qb, deliveries.iter().map(|d| d.id));
        qb.push(" ORDER BY attempt_number");
        let rows = self.fetch_all(qb.build()).await?;
        for (delivery, a) in decode_all::<AttemptColumns, _>(&rows)? {
            if let Some(d) = deliveries.iter_mut().find(|d| d.id == delivery) {
                d.attempts.push(a);
            }
        }
        Ok(deliveries)
    }
}

#[async_trait]
impl<D: Db> EventStore for SqlStore<D> {
    async fn list_events(
        &self,
        org: Uuid,
        filter: &EventFilter,
        page: PageRequest,
    ) -> StorageResult<PageOf<Event>> {
        let mut qb = QueryBuilder::<D>::new(EVENTS);
        qb.push_arg(org);
        if let Some(t) = filter.event_type {
            qb.push(" AND event_type = ").push_arg(t.as_str());
        }
        if let Some(o) = filter.object_id {
            qb.push(" AND object_id = ").push_arg(o);
        }
        if let Some(after) = page.starting_after {
            qb.push(
                " AND (created_at, id) < (SELECT x.created_at, x.id FROM events x WHERE x.id = ",
            )
            .push_arg(after)
            .push(" AND x.organisation_id = ")
            .push_arg(org)
            .push(")");
        }
        qb.push(" ORDER BY created_at DESC, id DESC LIMIT ")
            .push_arg(i64::from(page.limit) + 1);
        let rows = self.fetch_all(qb.build()).await?;
        page_of::<EventColumns, D>(&rows, page)
    }

    async fn get_event(
        &self,
        org: Uuid,
        id: Uuid,
    ) -> StorageResult<Option<(Event, Vec<Delivery>)>> {
        let q = sqlx::query(EVENT).arg(org).arg(id);
        let Some(event) = self.fetch_decoded::<EventColumns>(q).await? else {
            return Ok(None);
        };
        let deliveries = self.deliveries_of(id).await?;
        Ok(Some((event, deliveries)))
    }

    async fn endpoint_deliveries(
        &self,
        org: Uuid,
        endpoint: Uuid,
        limit: i64,
    ) -> StorageResult<Vec<(Uuid, EventType, Delivery)>> {
        let q = sqlx::query(ENDPOINT_DELIVERIES)
            .arg(org)
            .arg(endpoint)
            .arg(limit);
        let rows = self.fetch_all(q).await?;
        let decoded = decode_all::<DeliveryColumns, _>(&rows)?;
        rows.iter()
            .zip(decoded)
            .map(|(row, (event, delivery))| {
                let t: String = column(row, "event_type")?;
                let t = EventType::parse(&t).ok_or_else(|| corrupt("event type", &t))?;
                Ok((event, t, delivery))
            })
            .collect()
    }

    async fn resend_event(
        &self,
        org: Uuid,
        id: Uuid,
        endpoint: Option<Uuid>,
        now: DateTime<Utc>,
    ) -> StorageResult<u64> {
        let _writing = self.writing().await;
        match endpoint {
            Some(e) => {
                let sql = with_new_id::<D>(RESEND_TO);
                let q = sqlx::query(sql).arg(id).arg(e).arg(org).arg(now);
                self.execute(q).await
            }
            None => {
                let sql = with_new_id::<D>(RESEND_ALL);
                let q = sqlx::query(sql).arg(id).arg(org).arg(now);
                self.execute(q).await
            }
        }
    }

    async fn purge_events(&self, before: DateTime<Utc>) -> StorageResult<u64> {
        let _writing = self.writing().await;
        self.execute(sqlx::query(PURGE).arg(before)).await
    }
}
