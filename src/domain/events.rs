//! Events (SPEC §8): what happened, written in the same transaction as the change it reports,
//! and the webhook endpoints, deliveries and attempts that push them to a merchant.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The kinds of event. Preview sessions emit none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
pub enum EventType {
    #[serde(rename = "checkout.completed")]
    CheckoutCompleted,
    #[serde(rename = "checkout.cancelled")]
    CheckoutCancelled,
    #[serde(rename = "checkout.expired")]
    CheckoutExpired,
    #[serde(rename = "contract.created")]
    ContractCreated,
    #[serde(rename = "contract.updated")]
    ContractUpdated,
}

impl EventType {
    pub const ALL: [EventType; 5] = [
        Self::CheckoutCompleted,
        Self::CheckoutCancelled,
        Self::CheckoutExpired,
        Self::ContractCreated,
        Self::ContractUpdated,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::CheckoutCompleted => "checkout.completed",
            Self::CheckoutCancelled => "checkout.cancelled",
            Self::CheckoutExpired => "checkout.expired",
            Self::ContractCreated => "contract.created",
            Self::ContractUpdated => "contract.updated",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// An event as stored: `payload` is its whole JSON body, exactly as delivered.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub event_type: EventType,
    pub object_id: Uuid,
    pub created_at: DateTime<Utc>,
    pub payload: String,
}

impl Event {
    /// A new event about the object whose JSON (as `GET` returns it) is `object`.
    pub fn new(
        organisation_id: Uuid,
        event_type: EventType,
        object_id: Uuid,
        object: &str,
        at: DateTime<Utc>,
    ) -> Result<Self, serde_json::Error> {
        let id = Uuid::new_v4();
        let payload = format!(
            r#"{{"id":{},"type":{},"created_at":{},"organisation_id":{},"data":{{"object":{}}}}}"#,
            serde_json::to_string(&id)?,
            serde_json::to_string(event_type.as_str())?,
            serde_json::to_string(&at)?,
            serde_json::to_string(&organisation_id)?,
            object
        );
        Ok(Self {
            id,
            organisation_id,
            event_type,
            object_id,
            created_at: at,
            payload,
        })
    }
}

/// Which events an endpoint receives: `["*"]` or a list of types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnabledEvents {
    All,
    Only(Vec<EventType>),
}

impl EnabledEvents {
    /// From the API's list: `["*"]` alone, or one or more known types (no repeats kept).
    pub fn parse(list: &[String]) -> Result<Self, String> {
        if list.is_empty() {
            return Err("must list at least one event type, or \"*\"".into());
        }
        if list.iter().any(|t| t == "*") {
            return if list.len() == 1 {
                Ok(Self::All)
            } else {
                Err("\"*\" must be the only entry".into())
            };
        }
        let mut types = Vec::new();
        for t in list {
            let parsed = EventType::parse(t).ok_or_else(|| {
                let known: Vec<&str> = EventType::ALL.iter().map(|t| t.as_str()).collect();
                format!("unknown event type {t:?} (one of {})", known.join(", "))
            })?;
            if !types.contains(&parsed) {
                types.push(parsed);
            }
        }
        Ok(Self::Only(types))
    }

    pub fn to_list(&self) -> Vec<String> {
        match self {
            Self::All => vec!["*".into()],
            Self::Only(types) => types.iter().map(|t| t.as_str().to_owned()).collect(),
        }
    }

    /// The stored filter the event's `INSERT ... SELECT` matches: `*` or `,type,type,`.
    pub fn filter(&self) -> String {
        match self {
            Self::All => "*".into(),
            Self::Only(types) => {
                let mut s = String::from(",");
                for t in types {
                    s.push_str(t.as_str());
                    s.push(',');
                }
                s
            }
        }
    }

    pub fn matches(&self, t: EventType) -> bool {
        match self {
            Self::All => true,
            Self::Only(types) => types.contains(&t),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EndpointStatus {
    Enabled,
    Disabled,
}

impl EndpointStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Enabled => "enabled",
            Self::Disabled => "disabled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "enabled" => Some(Self::Enabled),
            "disabled" => Some(Self::Disabled),
            _ => None,
        }
    }
}

/// A merchant's webhook endpoint. The secrets never leave through `Serialize`.
#[derive(Debug, Clone, PartialEq)]
pub struct WebhookEndpoint {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub url: String,
    pub description: Option<String>,
    pub enabled_events: EnabledEvents,
    pub status: EndpointStatus,
    pub disabled_reason: Option<String>,
    pub secret: String,
    /// The secret before the last rotation, still signing until `previous_secret_expires_at`.
    pub previous_secret: Option<String>,
    pub previous_secret_expires_at: Option<DateTime<Utc>>,
    pub failing_since: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl WebhookEndpoint {
    /// The secrets a delivery at `now` is signed with: the current one, and the previous one
    /// while its grace period lasts.
    pub fn signing_secrets(&self, now: DateTime<Utc>) -> Vec<&str> {
        let mut secrets = vec![self.secret.as_str()];
        if let (Some(old), Some(until)) = (&self.previous_secret, self.previous_secret_expires_at)
            && now < until
        {
            secrets.push(old.as_str());
        }
        secrets
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStatus {
    /// Waiting for its next attempt (or being attempted).
    Pending,
    Succeeded,
    /// Every attempt of the schedule failed, or the endpoint answered `410 Gone`.
    Failed,
}

impl DeliveryStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Succeeded => "succeeded",
            Self::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "pending" => Some(Self::Pending),
            "succeeded" => Some(Self::Succeeded),
            "failed" => Some(Self::Failed),
            _ => None,
        }
    }
}

/// One event sent (or to be sent) to one endpoint, with its attempts.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Delivery {
    pub id: Uuid,
    pub endpoint_id: Uuid,
    pub status: DeliveryStatus,
    pub attempt_count: i64,
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub last_status_code: Option<i64>,
    pub last_error: Option<String>,
    pub attempts: Vec<Attempt>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One HTTP attempt of a delivery.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Attempt {
    pub attempt_number: i64,
    pub started_at: DateTime<Utc>,
    pub duration_ms: i64,
    /// The receiver's status code; none when no answer came (timeout, refused, blocked).
    pub status_code: Option<i64>,
    pub error: Option<String>,
    /// When the next attempt was scheduled after this one (none: no more attempts).
    pub next_attempt_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enabled_events_parse_and_filter() {
        let all = EnabledEvents::parse(&["*".into()]).unwrap();
        assert_eq!(all, EnabledEvents::All);
        assert_eq!(all.filter(), "*");
        let some = EnabledEvents::parse(&["checkout.completed".into(), "contract.created".into()])
            .unwrap();
        assert_eq!(some.filter(), ",checkout.completed,contract.created,");
        assert!(some.matches(EventType::ContractCreated));
        assert!(!some.matches(EventType::CheckoutExpired));
        assert!(EnabledEvents::parse(&[]).is_err());
        assert!(EnabledEvents::parse(&["*".into(), "checkout.completed".into()]).is_err());
        assert!(EnabledEvents::parse(&["checkout.done".into()]).is_err());
    }

    #[test]
    fn event_payload_embeds_the_object() {
        let at = DateTime::parse_from_rfc3339("2026-12-02T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let org = Uuid::nil();
        let e = Event::new(org, EventType::CheckoutExpired, org, r#"{"a":1}"#, at).unwrap();
        let v: serde_json::Value = serde_json::from_str(&e.payload).unwrap();
        assert_eq!(v["type"], "checkout.expired");
        assert_eq!(v["created_at"], "2026-12-02T10:00:00Z");
        assert_eq!(v["data"]["object"]["a"], 1);
        assert_eq!(v["id"], e.id.to_string());
    }
}
