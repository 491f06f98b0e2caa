//! The stores of checkout links, the console's figures and console users (SPEC §13).

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::{PageOf, PageRequest, StorageResult};
use crate::domain::checkout::CheckoutStatus;
use crate::domain::checkout_link::{CheckoutLink, LinkStats};
use crate::domain::console::ConsoleUser;

#[async_trait]
pub trait CheckoutLinkStore {
    async fn insert_link(&self, l: &CheckoutLink) -> StorageResult<()>;
    async fn get_link(&self, org: Uuid, id: Uuid) -> StorageResult<Option<CheckoutLink>>;
    /// A link by its public slug, in any organisation (`/l/{slug}`).
    async fn get_link_by_slug(&self, slug: &str) -> StorageResult<Option<CheckoutLink>>;
    async fn list_links(&self, org: Uuid, page: PageRequest)
    -> StorageResult<PageOf<CheckoutLink>>;
    /// `false`: no such link in `org`.
    async fn set_link_active(
        &self,
        org: Uuid,
        id: Uuid,
        active: bool,
        at: DateTime<Utc>,
    ) -> StorageResult<bool>;
    /// The sessions opened from a link, and how many became contracts.
    async fn link_stats(&self, org: Uuid, id: Uuid) -> StorageResult<LinkStats>;
}

/// How many of an organisation's sessions created on `day` (UTC) are in `status` now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayOutcome {
    pub day: NaiveDate,
    /// As a reader sees it now: an open session past its expiry counts as expired.
    pub status: CheckoutStatus,
    pub sessions: i64,
}

/// The console's figures.
#[async_trait]
pub trait ReportStore {
    /// Sessions (not previews) created since `since`, by day and outcome.
    async fn outcomes_by_day(
        &self,
        org: Uuid,
        since: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StorageResult<Vec<DayOutcome>>;
    /// Folds the appended count changes into the counts (PostgreSQL; SQLite's triggers keep
    /// the counts themselves). Returns how many counts it changed.
    async fn fold_outcome_changes(&self) -> StorageResult<u64>;
}

/// What a write of a console user did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserWrite {
    Written,
    /// Another user has that address.
    EmailTaken,
    /// No such user, or its credentials changed meanwhile.
    NotFound,
}

#[async_trait]
pub trait ConsoleUserStore {
    async fn insert_console_user(&self, u: &ConsoleUser) -> StorageResult<UserWrite>;
    /// The user with this address, in any case.
    async fn find_console_user(&self, email: &str) -> StorageResult<Option<ConsoleUser>>;
    async fn get_console_user(&self, id: Uuid) -> StorageResult<Option<ConsoleUser>>;
    /// Sets a new password if the user's credentials are still at `version` (a concurrent
    /// change wins once), bumping the version: sessions signed in before it end.
    async fn set_console_password(
        &self,
        id: Uuid,
        version: i64,
        password_hash: &str,
        temporary: bool,
        at: DateTime<Utc>,
    ) -> StorageResult<UserWrite>;
}
