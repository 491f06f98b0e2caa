//! Rows of `events`, `webhook_endpoints`, `webhook_deliveries` and `webhook_attempts`.

use uuid::Uuid;

use super::{Columns, Find, ReadsAll, corrupt, json};
use crate::domain::events::{
    Attempt, Delivery, DeliveryStatus, EnabledEvents, EndpointStatus, Event, EventType,
    WebhookEndpoint,
};
use crate::storage::StorageResult;

/// A struct of column positions named like the columns, found by name.
macro_rules! columns {
    ($(#[$doc:meta])* $name:ident { $($field:ident),* $(,)? }) => {
        $(#[$doc])*
        pub(crate) struct $name { $($field: usize),* }

        impl $name {
            fn found<R: ReadsAll + ?Sized>(f: &Find<'_, R>) -> StorageResult<Self> {
                Ok(Self { $($field: f.at(stringify!($field))?),* })
            }
        }
    };
}

columns!(
    /// An `events` row.
    EventColumns { id, organisation_id, event_type, object_id, payload, created_at }
);

impl Columns for EventColumns {
    type Item = Event;

    fn find<R: ReadsAll + ?Sized>(f: &Find<'_, R>) -> StorageResult<Self> {
        Self::found(f)
    }

    fn decode<R: ReadsAll + ?Sized>(&self, r: &R) -> StorageResult<Event> {
        let event_type: &str = r.get(self.event_type)?;
        Ok(Event {
            id: r.get(self.id)?,
            organisation_id: r.get(self.organisation_id)?,
            event_type: EventType::parse(event_type)
                .ok_or_else(|| corrupt("event type", event_type))?,
            object_id: r.get(self.object_id)?,
            payload: r.get(self.payload)?,
            created_at: r.get(self.created_at)?,
        })
    }
}

columns!(
    /// A `webhook_endpoints` row (unprefixed, or `e_` when joined to a delivery).
    EndpointColumns {
        id, organisation_id, url, description, enabled_events, status, disabled_reason, secret,
        previous_secret, previous_secret_expires_at, failing_since, created_at, updated_at,
    }
);

impl Columns for EndpointColumns {
    type Item = WebhookEndpoint;

    fn find<R: ReadsAll + ?Sized>(f: &Find<'_, R>) -> StorageResult<Self> {
        Self::found(f)
    }

    fn decode<R: ReadsAll + ?Sized>(&self, r: &R) -> StorageResult<WebhookEndpoint> {
        let enabled: &str = r.get(self.enabled_events)?;
        let list: Vec<String> = json(enabled)?;
        let status: &str = r.get(self.status)?;
        Ok(WebhookEndpoint {
            id: r.get(self.id)?,
            organisation_id: r.get(self.organisation_id)?,
            url: r.get(self.url)?,
            description: r.get(self.description)?,
            enabled_events: EnabledEvents::parse(&list)
                .map_err(|_| corrupt("enabled events", enabled))?,
            status: EndpointStatus::parse(status)
                .ok_or_else(|| corrupt("endpoint status", status))?,
            disabled_reason: r.get(self.disabled_reason)?,
            secret: r.get(self.secret)?,
            previous_secret: r.get(self.previous_secret)?,
            previous_secret_expires_at: r.get(self.previous_secret_expires_at)?,
            failing_since: r.get(self.failing_since)?,
            created_at: r.get(self.created_at)?,
            updated_at: r.get(self.updated_at)?,
        })
    }
}

columns!(
    /// A `webhook_deliveries` row; decodes with no attempts (they are attached after).
    DeliveryColumns {
        id, event_id, endpoint_id, status, attempt_count, next_attempt_at, last_status_code,
        last_error, created_at, updated_at,
    }
);

impl Columns for DeliveryColumns {
    /// The delivery and its event's id.
    type Item = (Uuid, Delivery);

    fn find<R: ReadsAll + ?Sized>(f: &Find<'_, R>) -> StorageResult<Self> {
        Self::found(f)
    }

    fn decode<R: ReadsAll + ?Sized>(&self, r: &R) -> StorageResult<(Uuid, Delivery)> {
        let status: &str = r.get(self.status)?;
        let delivery = Delivery {
            id: r.get(self.id)?,
            endpoint_id: r.get(self.endpoint_id)?,
            status: DeliveryStatus::parse(status)
                .ok_or_else(|| corrupt("delivery status", status))?,
            attempt_count: r.get(self.attempt_count)?,
            next_attempt_at: r.get(self.next_attempt_at)?,
            last_status_code: r.get(self.last_status_code)?,
            last_error: r.get(self.last_error)?,
            attempts: Vec::new(),
            created_at: r.get(self.created_at)?,
            updated_at: r.get(self.updated_at)?,
        };
        Ok((r.get(self.event_id)?, delivery))
    }
}

columns!(
    /// A `webhook_attempts` row, with its delivery's id.
    AttemptColumns {
        delivery_id, attempt_number, started_at, duration_ms, status_code, error,
        next_attempt_at,
    }
);

impl Columns for AttemptColumns {
    type Item = (Uuid, Attempt);

    fn find<R: ReadsAll + ?Sized>(f: &Find<'_, R>) -> StorageResult<Self> {
        Self::found(f)
    }

    fn decode<R: ReadsAll + ?Sized>(&self, r: &R) -> StorageResult<(Uuid, Attempt)> {
        let attempt = Attempt {
            attempt_number: r.get(self.attempt_number)?,
            started_at: r.get(self.started_at)?,
            duration_ms: r.get(self.duration_ms)?,
            status_code: r.get(self.status_code)?,
            error: r.get(self.error)?,
            next_attempt_at: r.get(self.next_attempt_at)?,
        };
        Ok((r.get(self.delivery_id)?, attempt))
    }
}

columns!(
    /// A claimed delivery joined to its event (`payload`) and endpoint (`e_…`).
    ClaimedColumns { id, attempt_count, event_id, payload }
);

/// Decodes the claimed deliveries of one result (the endpoint's columns prefixed `e_`).
pub(crate) fn decode_claimed<R: ReadsAll>(
    rows: &[R],
) -> StorageResult<Vec<crate::storage::Claimed>> {
    let Some(first) = rows.first() else {
        return Ok(Vec::new());
    };
    let find = Find::new(first);
    let claimed = ClaimedColumns::found(&find)?;
    let endpoint = EndpointColumns::found(&find.prefixed("e_"))?;
    rows.iter()
        .map(|r| {
            Ok(crate::storage::Claimed {
                delivery_id: r.get(claimed.id)?,
                attempt_count: r.get(claimed.attempt_count)?,
                event_id: r.get(claimed.event_id)?,
                payload: r.get(claimed.payload)?,
                endpoint: endpoint.decode(r)?,
            })
        })
        .collect()
}
