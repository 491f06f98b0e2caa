//! Use cases. Each public function is one thing a merchant or customer does; handlers call
//! exactly one of them.

pub mod auth;
pub mod cache;
pub mod catalog;
pub mod checkout_links;
pub mod checkouts;
pub mod clock;
pub mod console;
pub mod contracts;
pub mod demo;
pub mod discounts;
pub mod events;
pub mod idempotency;
pub mod organisations;
pub mod webhooks;

use std::sync::Arc;

use crate::domain::validation::{FieldError, Problem};
use crate::storage::{DynStorage, PageRequest};

/// What every use case may touch: the store, the clock, the public base URL and the settings
/// use cases read.
#[derive(Clone)]
pub struct Ctx {
    pub store: DynStorage,
    pub clock: Arc<dyn clock::Clock>,
    pub public_url: Arc<str>,
    /// API key → organisation, remembered briefly (see [`auth::KeyCache`]).
    pub keys: Arc<auth::KeyCache>,
    /// Write-once catalog objects (see [`cache`]).
    pub catalog: Arc<cache::CatalogCache>,
    /// A new session's lifetime when no `expires_at` is given (`CHECKOUT_TTL`).
    pub checkout_ttl: chrono::Duration,
    /// Objects as the API shows them, for events.
    pub objects: Arc<dyn events::Objects>,
    /// Wakes this process's delivery worker.
    pub outbox: Arc<events::Outbox>,
    /// Which endpoint URLs and addresses webhooks may reach.
    pub webhook_policy: Arc<webhooks::ssrf::AddressPolicy>,
}

impl Ctx {
    pub fn new(
        store: DynStorage,
        clock: Arc<dyn clock::Clock>,
        public_url: &str,
        objects: Arc<dyn events::Objects>,
    ) -> Self {
        Self {
            store,
            clock,
            public_url: Arc::from(public_url),
            keys: Arc::default(),
            catalog: Arc::default(),
            checkout_ttl: chrono::Duration::hours(checkouts::DEFAULT_TTL_HOURS),
            objects,
            outbox: Arc::default(),
            webhook_policy: Arc::default(),
        }
    }

    /// With the SSRF guard the settings ask for (the default is production's).
    pub fn with_webhook_policy(mut self, policy: webhooks::ssrf::AddressPolicy) -> Self {
        self.webhook_policy = Arc::new(policy);
        self
    }

    /// With `CHECKOUT_TTL` (validated by the settings: more than 0, at most 30 days).
    pub fn with_checkout_ttl(mut self, ttl: std::time::Duration) -> Self {
        if let Ok(ttl) = chrono::Duration::from_std(ttl) {
            self.checkout_ttl = ttl;
        }
        self
    }
}

/// Collects the field errors of one request, so that all are reported at once.
#[derive(Debug, Default)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(FieldError::new(field, message));
    }
    /// A problem a customer can meet on a hosted form (said in their language there).
    pub fn because(&mut self, field: impl Into<String>, problem: Problem) {
        self.0.push(FieldError::because(field, problem));
    }
    pub fn extend(&mut self, errs: impl IntoIterator<Item = FieldError>) {
        self.0.extend(errs);
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// `Ok` when nothing was found, else every error found.
    pub fn finish(self) -> Result<(), Vec<FieldError>> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }
}

/// Every item of a short listing (a catalog's plans, an organisation's codes), read a page of
/// 100 at a time; `id_of` gives the cursor.
pub(crate) async fn every_page<T, E, Fut>(
    mut read: impl FnMut(PageRequest) -> Fut,
    id_of: impl Fn(&T) -> uuid::Uuid,
) -> Result<Vec<T>, E>
where
    Fut: std::future::Future<Output = Result<crate::storage::PageOf<T>, E>>,
{
    let mut all = Vec::new();
    let mut page = PageRequest {
        limit: 100,
        starting_after: None,
    };
    loop {
        let got = read(page).await?;
        page.starting_after = got.data.last().map(&id_of);
        all.extend(got.data);
        if !got.has_more || page.starting_after.is_none() {
            return Ok(all);
        }
    }
}

/// Query parameters of every list endpoint.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListParams {
    pub limit: Option<String>,
    pub starting_after: Option<String>,
}

impl ListParams {
    /// The page, its errors (if any) added to `errors` beside the list's other fields.
    pub fn page_into(&self, errors: &mut Errors) -> PageRequest {
        self.page().unwrap_or_else(|es| {
            errors.extend(es);
            PageRequest {
                limit: 20,
                starting_after: None,
            }
        })
    }

    pub fn page(&self) -> Result<PageRequest, Vec<FieldError>> {
        let mut errors = Errors::default();
        let limit = match self.limit.as_deref() {
            None => 20,
            Some(s) => match s.parse::<u32>() {
                Ok(n) if (1..=100).contains(&n) => n,
                _ => {
                    errors.add("limit", "must be a whole number from 1 to 100");
                    20
                }
            },
        };
        let starting_after = match self.starting_after.as_deref() {
            None | Some("") => None,
            Some(s) => match uuid::Uuid::parse_str(s) {
                Ok(id) => Some(id),
                Err(_) => {
                    errors.add("starting_after", "must be an id (UUID)");
                    None
                }
            },
        };
        errors.finish()?;
        Ok(PageRequest {
            limit,
            starting_after,
        })
    }
}
