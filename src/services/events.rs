//! Events (SPEC §8): which changes make which events ([`Announcer`]), and the Events API
//! (list, get with deliveries, resend).

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Ctx, Errors, ListParams};
use crate::domain::catalog::Contract;
use crate::domain::checkout::Checkout;
use crate::domain::events::{Delivery, EndpointStatus, Event, EventType};
use crate::domain::validation::FieldError;
use crate::storage::{Announce, Change, EventFilter, PageOf, StorageError};

/// Events are kept this long, then purged by the sweeper.
pub const RETENTION_DAYS: i64 = 30;

/// An object as `GET` returns it, for an event's `data.object`. The edge owns the wire
/// format (`routes::api`), so it hands the use cases this renderer.
pub trait Objects: Send + Sync {
    fn checkout(&self, c: &Checkout) -> Result<String, serde_json::Error>;
    fn contract(&self, c: &Contract) -> Result<String, serde_json::Error>;
}

/// Wakes this process's delivery worker when a transaction here wrote events.
#[derive(Default)]
pub struct Outbox {
    wake: tokio::sync::Notify,
}

impl Outbox {
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    pub async fn woken(&self) {
        self.wake.notified().await;
    }
}

/// The events each change makes. Preview sessions make none.
pub(crate) struct Announcer<'a> {
    pub(crate) objects: &'a dyn Objects,
    /// Events rendered before the write for the rows it is expected to leave, so that the
    /// rendering (JSON of the session with its estimates, and of the contract) is not done
    /// while the write holds SQLite's write lock. Used only if the rows are exactly these.
    expected: Option<Expected>,
}

struct Expected {
    checkout: Checkout,
    contract: Contract,
    events: Vec<Event>,
}

impl Announcer<'_> {
    fn event(
        &self,
        event_type: EventType,
        org: Uuid,
        object_id: Uuid,
        object: Result<String, serde_json::Error>,
        at: DateTime<Utc>,
    ) -> Result<Event, StorageError> {
        let object = object.map_err(|e| StorageError::Other(e.into()))?;
        Event::new(org, event_type, object_id, &object, at)
            .map_err(|e| StorageError::Other(e.into()))
    }

    fn checkout(&self, t: EventType, c: &Checkout) -> Result<Event, StorageError> {
        let object = self.objects.checkout(c);
        self.event(t, c.organisation_id, c.id, object, c.updated_at)
    }
}

impl Announce for Announcer<'_> {
    fn events(&self, change: Change<'_>) -> Result<Vec<Event>, StorageError> {
        if let (
            Some(x),
            Change::Confirmed {
                checkout, contract, ..
            },
        ) = (&self.expected, change)
            && x.checkout == *checkout
            && x.contract == *contract
        {
            return Ok(x.events.clone());
        }
        self.render(change)
    }
}

impl Announcer<'_> {
    fn render(&self, change: Change<'_>) -> Result<Vec<Event>, StorageError> {
        Ok(match change {
            Change::Confirmed { checkout, .. }
            | Change::Cancelled(checkout)
            | Change::Expired(checkout)
                if checkout.preview =>
            {
                Vec::new()
            }
            Change::Confirmed {
                checkout,
                contract,
                created,
            } => {
                let t = if created {
                    EventType::ContractCreated
                } else {
                    EventType::ContractUpdated
                };
                let object = self.objects.contract(contract);
                vec![
                    self.checkout(EventType::CheckoutCompleted, checkout)?,
                    self.event(
                        t,
                        contract.organisation_id,
                        contract.id,
                        object,
                        checkout.updated_at,
                    )?,
                ]
            }
            Change::Cancelled(c) => vec![self.checkout(EventType::CheckoutCancelled, c)?],
            Change::Expired(c) => vec![self.checkout(EventType::CheckoutExpired, c)?],
        })
    }
}

impl Ctx {
    pub(crate) fn announcer(&self) -> Announcer<'_> {
        Announcer {
            objects: self.objects.as_ref(),
            expected: None,
        }
    }

    /// An announcer with the events of a new subscription's confirm rendered now, for the
    /// session and contract the write is expected to leave (see [`Announcer::expected`]).
    pub(crate) fn announcer_expecting(
        &self,
        checkout: &Checkout,
        contract: &Contract,
    ) -> Result<Announcer<'_>, StorageError> {
        let mut a = self.announcer();
        let events = a.render(Change::Confirmed {
            checkout,
            contract,
            created: true,
        })?;
        a.expected = Some(Expected {
            checkout: checkout.clone(),
            contract: contract.clone(),
            events,
        });
        Ok(a)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum EventError {
    #[error("no such {0}")]
    NotFound(&'static str),
    #[error("invalid request")]
    Invalid(Vec<FieldError>),
    /// A resend to an endpoint that is disabled.
    #[error("the webhook endpoint is disabled: enable it first")]
    EndpointDisabled,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// The list's query parameters as given.
#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    pub limit: Option<String>,
    pub starting_after: Option<String>,
    pub event_type: Option<String>,
    pub object_id: Option<String>,
}

pub async fn list(ctx: &Ctx, org: Uuid, q: EventQuery) -> Result<PageOf<Event>, EventError> {
    let mut errors = Errors::default();
    let mut filter = EventFilter::default();
    if let Some(t) = q.event_type.as_deref() {
        match EventType::parse(t) {
            Some(t) => filter.event_type = Some(t),
            None => errors.add("type", "is not an event type"),
        }
    }
    if let Some(o) = q.object_id.as_deref() {
        match Uuid::parse_str(o) {
            Ok(o) => filter.object_id = Some(o),
            Err(_) => errors.add("object_id", "must be a UUID"),
        }
    }
    let page = ListParams {
        limit: q.limit,
        starting_after: q.starting_after,
    }
    .page_into(&mut errors);
    errors.finish().map_err(EventError::Invalid)?;
    Ok(ctx
        .store
        .list_events(org, &filter, page)
        .await
        .context("listing events")?)
}

pub async fn get(ctx: &Ctx, org: Uuid, id: Uuid) -> Result<(Event, Vec<Delivery>), EventError> {
    ctx.store
        .get_event(org, id)
        .await
        .context("reading the event")?
        .ok_or(EventError::NotFound("event"))
}

/// `POST /events/{id}/resend`: a new delivery, due now, to `endpoint` (which must be
/// enabled) or to every enabled endpoint the event's type goes to. Answers the event with its
/// deliveries.
pub async fn resend(
    ctx: &Ctx,
    org: Uuid,
    id: Uuid,
    endpoint: Option<Uuid>,
) -> Result<(Event, Vec<Delivery>), EventError> {
    get(ctx, org, id).await?;
    if let Some(e) = endpoint {
        let found = ctx
            .store
            .get_endpoint(org, e)
            .await
            .context("reading the endpoint")?
            .ok_or(EventError::NotFound("webhook endpoint"))?;
        if found.status != EndpointStatus::Enabled {
            return Err(EventError::EndpointDisabled);
        }
    }
    let n = ctx
        .store
        .resend_event(org, id, endpoint, ctx.clock.now())
        .await
        .context("resending the event")?;
    if n > 0 {
        ctx.outbox.wake();
    }
    get(ctx, org, id).await
}

/// The sweeper's step: events older than the retention go, with their deliveries.
pub async fn purge(ctx: &Ctx) -> anyhow::Result<u64> {
    let before = ctx.clock.now() - chrono::Duration::days(RETENTION_DAYS);
    ctx.store
        .purge_events(before)
        .await
        .context("purging old events")
}
