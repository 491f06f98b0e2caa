//! Webhook endpoints, and the delivery worker's two writes: claiming due deliveries under a
//! lease, and recording attempts under that lease.

use std::collections::BTreeSet;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;
use uuid::Uuid;

use super::{Arg as _, Db, PushArg as _, Query, SqlStore, Tuple, execute_on};
use crate::domain::events::{DeliveryStatus, WebhookEndpoint};
use crate::storage::rows::events::{EndpointColumns, decode_claimed};
use crate::storage::rows::{column, to_json};
use crate::storage::{
    AttemptOutcome, AttemptResult, Claimed, PageOf, PageRequest, StorageResult, WebhookStore,
};

const ENDPOINT: &str = "SELECT id, organisation_id, url, description, enabled_events, status, disabled_reason, secret, previous_secret, previous_secret_expires_at, failing_since, created_at, updated_at FROM webhook_endpoints WHERE organisation_id = $1 AND id = $2";
/// Newest first, after the cursor `$2` (if any), at most `$3`.
const ENDPOINTS: &str = "SELECT id, organisation_id, url, description, enabled_events, status, disabled_reason, secret, previous_secret, previous_secret_expires_at, failing_since, created_at, updated_at FROM webhook_endpoints WHERE organisation_id = $1 AND ($2 IS NULL OR (created_at, id) < (SELECT x.created_at, x.id FROM webhook_endpoints x WHERE x.id = $2 AND x.organisation_id = $1)) ORDER BY created_at DESC, id DESC LIMIT $3";
const INSERT_ENDPOINT: &str = "INSERT INTO webhook_endpoints (id, organisation_id, url, description, enabled_events, event_filter, status, disabled_reason, secret, previous_secret, previous_secret_expires_at, failing_since, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";
const UPDATE_ENDPOINT: &str = "UPDATE webhook_endpoints SET url = $1, description = $2, enabled_events = $3, event_filter = $4, status = $5, disabled_reason = $6, secret = $7, previous_secret = $8, previous_secret_expires_at = $9, failing_since = $10, updated_at = $11 WHERE organisation_id = $12 AND id = $13";
const DELETE_ENDPOINT: &str =
    "DELETE FROM webhook_endpoints WHERE organisation_id = $1 AND id = $2";

/// Leases up to `$4` due deliveries of enabled endpoints: `$1` lease token, `$2` lease
/// expiry, `$3` now. `{LOCK}` is the backend's row lock for the inner select.
const CLAIM: &str = "UPDATE webhook_deliveries SET lease_token = $1, lease_expires_at = $2 WHERE id IN (SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.status = 'pending' AND d.next_attempt_at <= $3 AND (d.lease_expires_at IS NULL OR d.lease_expires_at <= $3) AND e.status = 'enabled' AND (e.paused_until IS NULL OR e.paused_until <= $3) ORDER BY d.next_attempt_at LIMIT $4{LOCK})";
/// What the lease `$1` holds: each delivery with its event's body and its endpoint (`e_…`).
const CLAIMED: &str = "SELECT d.id, d.attempt_count, d.event_id, ev.payload, e.id AS e_id, e.organisation_id AS e_organisation_id, e.url AS e_url, e.description AS e_description, e.enabled_events AS e_enabled_events, e.status AS e_status, e.disabled_reason AS e_disabled_reason, e.secret AS e_secret, e.previous_secret AS e_previous_secret, e.previous_secret_expires_at AS e_previous_secret_expires_at, e.failing_since AS e_failing_since, e.created_at AS e_created_at, e.updated_at AS e_updated_at FROM webhook_deliveries d JOIN events ev ON ev.id = d.event_id JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.lease_token = $1";

/// Attempts' results, each only while its lease (`column2`) is still the delivery's: the time
/// follows, then one `(id, lease, status, next_attempt_at, last_status_code, last_error)` per
/// result and `RECORDED_WHERE` (both databases name a `VALUES` list's columns `column1`...).
const RECORD: &str = "UPDATE webhook_deliveries SET status = v.column3, attempt_count = attempt_count + 1, next_attempt_at = v.column4, last_status_code = v.column5, last_error = v.column6, lease_token = NULL, lease_expires_at = NULL, updated_at = ";
const RECORDED_WHERE: &str = ") AS v WHERE webhook_deliveries.id = v.column1 AND webhook_deliveries.lease_token = v.column2 RETURNING webhook_deliveries.id";
const INSERT_ATTEMPTS: &str = "INSERT INTO webhook_attempts (id, delivery_id, attempt_number, started_at, duration_ms, status_code, error, next_attempt_at) VALUES ";
const ENDPOINT_OK: &str = "UPDATE webhook_endpoints SET failing_since = NULL, paused_until = NULL WHERE id = $1 AND (failing_since IS NOT NULL OR paused_until IS NOT NULL)";
const ENDPOINT_FAILING: &str = "UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, $1), paused_until = $2 WHERE id = $3";
/// Disables `$3` if it has failed since before `$4` (or at once, with `$4` = NULL).
const DISABLE: &str = "UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = $1, updated_at = $2 WHERE id = $3 AND status = 'enabled' AND ($4 IS NULL OR failing_since <= $4)";

/// Binds the changeable fields, `url` to `failing_since`, in the order both `INSERT_ENDPOINT`
/// and `UPDATE_ENDPOINT` name them (`events`: `enabled_events` as JSON; `filter`: its
/// `event_filter`).
fn endpoint_fields<'q, D: Db>(
    q: Query<'q, D>,
    e: &'q WebhookEndpoint,
    events: &'q str,
    filter: &'q str,
) -> Query<'q, D> {
    q.arg(e.url.as_str())
        .arg(e.description.as_deref())
        .arg(events)
        .arg(filter)
        .arg(e.status.as_str())
        .arg(e.disabled_reason.as_deref())
        .arg(e.secret.as_str())
        .arg(e.previous_secret.as_deref())
        .arg(e.previous_secret_expires_at)
        .arg(e.failing_since)
}

#[async_trait]
impl<D: Db> WebhookStore for SqlStore<D> {
    async fn insert_endpoint(&self, e: &WebhookEndpoint) -> StorageResult<()> {
        let _writing = self.writing().await;
        let (events, filter) = (
            to_json(&e.enabled_events.to_list())?,
            e.enabled_events.filter(),
        );
        let q = sqlx::query(INSERT_ENDPOINT)
            .arg(e.id)
            .arg(e.organisation_id);
        let q = endpoint_fields::<D>(q, e, &events, &filter)
            .arg(e.created_at)
            .arg(e.updated_at);
        self.execute(q).await?;
        Ok(())
    }

    async fn get_endpoint(&self, org: Uuid, id: Uuid) -> StorageResult<Option<WebhookEndpoint>> {
        self.fetch_decoded::<EndpointColumns>(sqlx::query(ENDPOINT).arg(org).arg(id))
            .await
    }

    async fn list_endpoints(
        &self,
        org: Uuid,
        page: PageRequest,
    ) -> StorageResult<PageOf<WebhookEndpoint>> {
        self.fetch_page::<EndpointColumns>(ENDPOINTS, org, page)
            .await
    }

    async fn update_endpoint(&self, e: &WebhookEndpoint) -> StorageResult<bool> {
        let _writing = self.writing().await;
        let (events, filter) = (
            to_json(&e.enabled_events.to_list())?,
            e.enabled_events.filter(),
        );
        let q = endpoint_fields::<D>(sqlx::query(UPDATE_ENDPOINT), e, &events, &filter)
            .arg(e.updated_at)
            .arg(e.organisation_id)
            .arg(e.id);
        Ok(self.execute(q).await? == 1)
    }

    async fn delete_endpoint(&self, org: Uuid, id: Uuid) -> StorageResult<bool> {
        let _writing = self.writing().await;
        let q = sqlx::query(DELETE_ENDPOINT).arg(org).arg(id);
        Ok(self.execute(q).await? == 1)
    }

    async fn claim_deliveries(
        &self,
        lease: Uuid,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: i64,
    ) -> StorageResult<Vec<Claimed>> {
        // Both parts are constants (this module's and `Db`'s), never input.
        let claim = sqlx::AssertSqlSafe(CLAIM.replace("{LOCK}", D::CLAIM_LOCK));
        let claimed = {
            let _writing = self.writing().await;
            let mut tx = self.begin_write().await?;
            let q = sqlx::query(claim)
                .arg(lease)
                .arg(lease_until)
                .arg(now)
                .arg(limit);
            let n = execute_on::<D>(&mut tx, q).await?;
            tx.commit().await?;
            n
        };
        if claimed == 0 {
            return Ok(Vec::new());
        }
        let rows = self.fetch_all(sqlx::query(CLAIMED).arg(lease)).await?;
        decode_claimed(&rows)
    }

    async fn record_attempts(
        &self,
        results: &[AttemptResult],
        now: DateTime<Utc>,
        disable_before: DateTime<Utc>,
        disable_reason: &str,
        pause_until: DateTime<Utc>,
    ) -> StorageResult<()> {
        if results.is_empty() {
            return Ok(());
        }
        let _writing = self.writing().await;
        let mut tx = self.begin_write().await?;
        let mut qb = QueryBuilder::<D>::new(RECORD);
        qb.push_arg(now).push(" FROM (VALUES ");
        for (i, r) in results.iter().enumerate() {
            if i > 0 {
                qb.push(", ");
            }
            let status = match r.outcome {
                AttemptOutcome::Succeeded => DeliveryStatus::Succeeded,
                AttemptOutcome::Retry => DeliveryStatus::Pending,
                AttemptOutcome::Failed | AttemptOutcome::Gone { .. } => DeliveryStatus::Failed,
            };
            Tuple::open(&mut qb)
                .value(r.delivery_id)
                .value(r.lease)
                .value(status.as_str())
                .value(r.attempt.next_attempt_at)
                .value(r.attempt.status_code)
                .value(r.attempt.error.as_deref())
                .close();
        }
        qb.push(RECORDED_WHERE);
        let rows = qb.build().fetch_all(D::on(&mut tx)).await?;
        let recorded: BTreeSet<Uuid> = rows
            .iter()
            .map(|r| column(r, "id"))
            .collect::<StorageResult<_>>()?;
        let kept: Vec<&AttemptResult> = results
            .iter()
            .filter(|r| recorded.contains(&r.delivery_id))
            .collect();
        if !kept.is_empty() {
            let mut qb = QueryBuilder::<D>::new(INSERT_ATTEMPTS);
            for (i, r) in kept.iter().enumerate() {
                if i > 0 {
                    qb.push(", ");
                }
                let a = &r.attempt;
                Tuple::open(&mut qb)
                    .value(Uuid::new_v4())
                    .value(r.delivery_id)
                    .value(a.attempt_number)
                    .value(a.started_at)
                    .value(a.duration_ms)
                    .value(a.status_code)
                    .value(a.error.as_deref())
                    .value(a.next_attempt_at)
                    .close();
            }
            execute_on::<D>(&mut tx, qb.build()).await?;
        }
        // Per endpoint, once: a success clears its failing streak; a failure starts one (if
        // none runs) and disables an endpoint failing for too long; 410 disables at once.
        let ok: BTreeSet<Uuid> = kept
            .iter()
            .filter(|r| r.outcome == AttemptOutcome::Succeeded)
            .map(|r| r.endpoint_id)
            .collect();
        let failing: BTreeSet<Uuid> = kept
            .iter()
            .filter(|r| r.outcome != AttemptOutcome::Succeeded)
            .map(|r| r.endpoint_id)
            .filter(|e| !ok.contains(e))
            .collect();
        for e in &ok {
            execute_on::<D>(&mut tx, sqlx::query(ENDPOINT_OK).arg(*e)).await?;
        }
        for e in &failing {
            let q = sqlx::query(ENDPOINT_FAILING)
                .arg(now)
                .arg(pause_until)
                .arg(*e);
            execute_on::<D>(&mut tx, q).await?;
            let q = sqlx::query(DISABLE)
                .arg(disable_reason)
                .arg(now)
                .arg(*e)
                .arg(Some(disable_before));
            execute_on::<D>(&mut tx, q).await?;
        }
        for r in &kept {
            if let AttemptOutcome::Gone { reason } = &r.outcome {
                let q = sqlx::query(DISABLE)
                    .arg(reason.as_str())
                    .arg(now)
                    .arg(r.endpoint_id)
                    .arg(None::<DateTime<Utc>>);
                execute_on::<D>(&mut tx, q).await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }
}
