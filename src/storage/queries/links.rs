//! Checkout links (SPEC §13) and the console's per-day figures.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::{Arg as _, Db, SqlStore};
use crate::domain::checkout::CheckoutStatus;
use crate::domain::checkout_link::{CheckoutLink, LinkStats};
use crate::storage::rows::links::CheckoutLinkColumns;
use crate::storage::rows::{column, corrupt, to_json};
use crate::storage::{
    CheckoutLinkStore, DayOutcome, PageOf, PageRequest, ReportStore, StorageResult,
};

const INSERT_LINK: &str = "INSERT INTO checkout_links (id, organisation_id, slug, active, plan_id, plan_options, product_overrides, allow_promotion_codes, business_entity_id, success_url, cancel_url, locale, metadata, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)";
const LINK: &str = "SELECT id, organisation_id, slug, active, plan_id, plan_options, product_overrides, allow_promotion_codes, business_entity_id, success_url, cancel_url, locale, metadata, created_at, updated_at FROM checkout_links WHERE organisation_id = $1 AND id = $2";
const LINK_BY_SLUG: &str = "SELECT id, organisation_id, slug, active, plan_id, plan_options, product_overrides, allow_promotion_codes, business_entity_id, success_url, cancel_url, locale, metadata, created_at, updated_at FROM checkout_links WHERE slug = $1";
const LINKS: &str = "SELECT id, organisation_id, slug, active, plan_id, plan_options, product_overrides, allow_promotion_codes, business_entity_id, success_url, cancel_url, locale, metadata, created_at, updated_at FROM checkout_links WHERE organisation_id = $1 AND ($2 IS NULL OR (created_at, id) < (SELECT l.created_at, l.id FROM checkout_links l WHERE l.id = $2 AND l.organisation_id = $1)) ORDER BY created_at DESC, id DESC LIMIT $3";
const SET_ACTIVE: &str =
    "UPDATE checkout_links SET active = $1, updated_at = $2 WHERE organisation_id = $3 AND id = $4";
/// Counted in the link's own index (`checkouts_link`).
const LINK_STATS: &str = "SELECT COUNT(*) AS sessions, COALESCE(SUM(CASE WHEN checkout_status = 'contract_created' THEN 1 ELSE 0 END), 0) AS completed FROM checkouts WHERE checkout_link_id = $1 AND organisation_id = $2";

#[async_trait]
impl<D: Db> CheckoutLinkStore for SqlStore<D> {
    async fn insert_link(&self, l: &CheckoutLink) -> StorageResult<()> {
        let plan_options = to_json(&l.plan_options)?;
        let overrides = to_json(&l.product_overrides)?;
        let metadata = to_json(&l.metadata)?;
        let _writing = self.writing().await;
        let q = sqlx::query(INSERT_LINK)
            .arg(l.id)
            .arg(l.organisation_id)
            .arg(l.slug.as_str())
            .arg(l.active)
            .arg(l.plan_id)
            .arg(plan_options.as_str())
            .arg(overrides.as_str())
            .arg(l.allow_promotion_codes)
            .arg(l.business_entity_id)
            .arg(l.success_url.as_ref().map(|u| u.as_str()))
            .arg(l.cancel_url.as_ref().map(|u| u.as_str()))
            .arg(l.locale.as_str())
            .arg(metadata.as_str())
            .arg(l.created_at)
            .arg(l.updated_at);
        self.execute(q).await?;
        Ok(())
    }

    async fn get_link(&self, org: Uuid, id: Uuid) -> StorageResult<Option<CheckoutLink>> {
        let q = sqlx::query(LINK).arg(org).arg(id);
        self.fetch_decoded::<CheckoutLinkColumns>(q).await
    }

    async fn get_link_by_slug(&self, slug: &str) -> StorageResult<Option<CheckoutLink>> {
        let q = sqlx::query(LINK_BY_SLUG).arg(slug);
        self.fetch_decoded::<CheckoutLinkColumns>(q).await
    }

    async fn list_links(
        &self,
        org: Uuid,
        page: PageRequest,
    ) -> StorageResult<PageOf<CheckoutLink>> {
        self.fetch_page::<CheckoutLinkColumns>(LINKS, org, page)
            .await
    }

    async fn set_link_active(
        &self,
        org: Uuid,
        id: Uuid,
        active: bool,
        at: DateTime<Utc>,
    ) -> StorageResult<bool> {
        let _writing = self.writing().await;
        let q = sqlx::query(SET_ACTIVE).arg(active).arg(at).arg(org).arg(id);
        Ok(self.execute(q).await? > 0)
    }

    async fn link_stats(&self, org: Uuid, id: Uuid) -> StorageResult<LinkStats> {
        let q = sqlx::query(LINK_STATS).arg(id).arg(org);
        let Some(row) = self.fetch_optional(q).await? else {
            return Ok(LinkStats::default());
        };
        Ok(LinkStats {
            sessions: column(&row, "sessions")?,
            completed: column(&row, "completed")?,
        })
    }
}

/// The overview's counts: folded ones and changes not folded yet, read in one statement so
/// that a fold running meanwhile is seen entirely or not at all.
const OUTCOME_COUNTS: &str = "SELECT day, checkout_status, CAST(SUM(sessions) AS BIGINT) AS sessions FROM (SELECT day, checkout_status, sessions FROM checkout_outcome_counts WHERE organisation_id = $1 AND day >= $2 UNION ALL SELECT day, checkout_status, sessions FROM checkout_outcome_changes WHERE organisation_id = $1 AND day >= $2) t GROUP BY day, checkout_status";

#[async_trait]
impl<D: Db> ReportStore for SqlStore<D> {
    async fn outcomes_by_day(
        &self,
        org: Uuid,
        since: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StorageResult<Vec<DayOutcome>> {
        let q = sqlx::query(OUTCOME_COUNTS).arg(org).arg(since.date_naive());
        let mut counts = std::collections::BTreeMap::<(NaiveDate, CheckoutStatus), i64>::new();
        for r in self.fetch_all(q).await? {
            let status: String = column(&r, "checkout_status")?;
            let status = CheckoutStatus::parse(&status)
                .ok_or_else(|| corrupt("checkout_status", &status))?;
            let sessions: i64 = column(&r, "sessions")?;
            *counts.entry((column(&r, "day")?, status)).or_default() += sessions;
        }
        // The counts follow stored statuses; a reader sees an open session past its expiry
        // as expired, whether or not the sweep has marked it yet (few: the sweep runs often).
        let sql = format!(
            "SELECT {day} AS day, COUNT(*) AS sessions FROM checkouts{hint} WHERE checkout_status = 'open' AND expires_at <= $1 AND organisation_id = $2 AND created_at >= $3 AND preview = $4 GROUP BY 1",
            day = D::CREATED_DAY,
            hint = if D::INDEX_HINTS {
                " INDEXED BY checkouts_open_expiry"
            } else {
                ""
            },
        );
        let q = sqlx::query::<D>(sqlx::AssertSqlSafe(sql))
            .arg(now)
            .arg(org)
            .arg(since)
            .arg(false);
        for r in self.fetch_all(q).await? {
            let day: String = column(&r, "day")?;
            let day = day.parse::<NaiveDate>().map_err(|_| corrupt("day", &day))?;
            let late: i64 = column(&r, "sessions")?;
            *counts.entry((day, CheckoutStatus::Open)).or_default() -= late;
            *counts.entry((day, CheckoutStatus::Expired)).or_default() += late;
        }
        Ok(counts
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|((day, status), sessions)| DayOutcome {
                day,
                status,
                sessions,
            })
            .collect())
    }

    async fn fold_outcome_changes(&self) -> StorageResult<u64> {
        let Some(fold) = D::FOLD_OUTCOME_CHANGES else {
            return Ok(0);
        };
        Ok(self.execute(sqlx::query(fold)).await?)
    }
}
