//! Checkout session state: the status machine and the kind of change a session makes.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// `open` → `contract_created` | `cancelled` | `expired`. Only `open` sessions change.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CheckoutStatus {
    Open,
    ContractCreated,
    Cancelled,
    Expired,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a {from} checkout session cannot be {action}")]
pub struct TransitionError {
    pub from: CheckoutStatus,
    pub action: &'static str,
}

impl CheckoutStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::ContractCreated => "contract_created",
            Self::Cancelled => "cancelled",
            Self::Expired => "expired",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "open" => Some(Self::Open),
            "contract_created" => Some(Self::ContractCreated),
            "cancelled" => Some(Self::Cancelled),
            "expired" => Some(Self::Expired),
            _ => None,
        }
    }

    /// The status as a reader sees it at `now`: an open session past its expiry is expired,
    /// whether or not the sweeper has written that yet.
    pub fn effective(self, expires_at: DateTime<Utc>, now: DateTime<Utc>) -> Self {
        if self == Self::Open && expires_at <= now {
            Self::Expired
        } else {
            self
        }
    }

    fn leave(self, to: Self, action: &'static str) -> Result<Self, TransitionError> {
        match self {
            Self::Open => Ok(to),
            from => Err(TransitionError { from, action }),
        }
    }

    pub fn confirm(self) -> Result<Self, TransitionError> {
        self.leave(Self::ContractCreated, "confirmed")
    }

    pub fn cancel(self) -> Result<Self, TransitionError> {
        self.leave(Self::Cancelled, "cancelled")
    }

    pub fn expire(self) -> Result<Self, TransitionError> {
        self.leave(Self::Expired, "expired")
    }

    /// Whether the session may still be edited (plan, details, PATCH).
    pub fn edit(self) -> Result<Self, TransitionError> {
        self.leave(Self::Open, "changed")
    }
}

impl std::fmt::Display for CheckoutStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CheckoutType {
    NewSubscription,
    PlanChange,
    QuantityUpdate,
}

impl CheckoutType {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NewSubscription => "new_subscription",
            Self::PlanChange => "plan_change",
            Self::QuantityUpdate => "quantity_update",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "new_subscription" => Some(Self::NewSubscription),
            "plan_change" => Some(Self::PlanChange),
            "quantity_update" => Some(Self::QuantityUpdate),
            _ => None,
        }
    }

    /// SPEC §1: the type follows from which of `plan_id` / `contract_id` is present.
    pub fn detect(has_plan: bool, has_contract: bool) -> Option<Self> {
        match (has_plan, has_contract) {
            (true, false) => Some(Self::NewSubscription),
            (true, true) => Some(Self::PlanChange),
            (false, true) => Some(Self::QuantityUpdate),
            (false, false) => None,
        }
    }

    pub fn is_amendment(self) -> bool {
        self != Self::NewSubscription
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn only_open_sessions_leave_their_state() {
        for s in [
            CheckoutStatus::ContractCreated,
            CheckoutStatus::Cancelled,
            CheckoutStatus::Expired,
        ] {
            assert!(s.confirm().is_err());
            assert!(s.cancel().is_err());
            assert!(s.expire().is_err());
            assert!(s.edit().is_err());
        }
        assert_eq!(
            CheckoutStatus::Open.confirm(),
            Ok(CheckoutStatus::ContractCreated)
        );
        assert_eq!(CheckoutStatus::Open.cancel(), Ok(CheckoutStatus::Cancelled));
    }

    #[test]
    fn open_past_expiry_reads_as_expired() {
        let now = Utc::now();
        assert_eq!(
            CheckoutStatus::Open.effective(now, now),
            CheckoutStatus::Expired
        );
        assert_eq!(
            CheckoutStatus::Open.effective(now + Duration::seconds(1), now),
            CheckoutStatus::Open
        );
        assert_eq!(
            CheckoutStatus::Cancelled.effective(now - Duration::days(1), now),
            CheckoutStatus::Cancelled
        );
    }

    #[test]
    fn type_detection() {
        assert_eq!(
            CheckoutType::detect(true, false),
            Some(CheckoutType::NewSubscription)
        );
        assert_eq!(
            CheckoutType::detect(true, true),
            Some(CheckoutType::PlanChange)
        );
        assert_eq!(
            CheckoutType::detect(false, true),
            Some(CheckoutType::QuantityUpdate)
        );
        assert_eq!(CheckoutType::detect(false, false), None);
    }
}

/// A checkout session as stored. Its quote is read ([`Quote`]) by everything that works with
/// it, or kept as the stored JSON ([`QuoteJson`]) by the API's lists, which only show it.
#[derive(Debug, Clone, PartialEq)]
pub struct Checkout<Q = Quote> {
    pub id: uuid::Uuid,
    pub organisation_id: uuid::Uuid,
    /// The stored status; read [`Checkout::status_at`] for what a reader sees.
    pub status: CheckoutStatus,
    pub checkout_type: CheckoutType,
    pub plan_id: Option<uuid::Uuid>,
    pub contract_id: Option<uuid::Uuid>,
    pub start_date: chrono::NaiveDate,
    pub end_date: Option<chrono::NaiveDate>,
    pub customer_id: Option<uuid::Uuid>,
    pub business_entity_id: uuid::Uuid,
    pub guest_checkout: bool,
    pub customer_data: super::customer::CustomerData,
    pub quote: Q,
    pub expires_at: DateTime<Utc>,
    pub success_url: Option<super::redirect_url::RedirectUrl>,
    pub cancel_url: Option<super::redirect_url::RedirectUrl>,
    pub product_overrides: Vec<super::overrides::ItemOverride>,
    pub plan_options: Vec<uuid::Uuid>,
    pub proration_behavior: super::overrides::ProrationBehavior,
    pub metadata: std::collections::BTreeMap<String, String>,
    pub preview: bool,
    pub cancel_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
    /// The hosted link's secret part ([`LinkKey`]); `None` for sessions made before links had
    /// one, which open by id alone.
    pub link_secret: Option<String>,
    /// The coupon (through a promotion code, if one was typed) the session redeems.
    pub discount: Option<super::discount::DiscountRef>,
    /// Whether the review step offers a promotion code field (SPEC §10).
    pub allow_promotion_codes: bool,
    /// The pages' language: `auto` (the browser's) or a fixed supported locale (SPEC §12).
    pub locale: crate::domain::locale::LocaleSetting,
    /// The checkout link the session was opened from, if any (SPEC §13).
    pub checkout_link_id: Option<uuid::Uuid>,
}

impl<Q> Checkout<Q> {
    pub fn status_at(&self, now: DateTime<Utc>) -> CheckoutStatus {
        self.status.effective(self.expires_at, now)
    }

    /// The key of this session's hosted link.
    pub fn link_key(&self) -> LinkKey {
        LinkKey {
            id: self.id,
            secret: self.link_secret.clone(),
        }
    }

    /// Whether `key` opens this session's hosted pages: the id and, for every session made
    /// with a secret, that secret (compared in constant time). A session without one (made
    /// before links had it) opens by id alone, as its link always did.
    pub fn opened_by(&self, key: &LinkKey) -> bool {
        use subtle::ConstantTimeEq as _;
        self.id == key.id
            && match (&self.link_secret, &key.secret) {
                (None, None) => true,
                (Some(ours), Some(given)) => bool::from(ours.as_bytes().ct_eq(given.as_bytes())),
                _ => false,
            }
    }

    /// The hosted link (SPEC §5, §14: `{public_url}/checkout/{id}.{secret}`).
    pub fn hosted_url(&self, public_url: &str) -> String {
        format!(
            "{}{}",
            public_url.trim_end_matches('/'),
            self.link_key().path()
        )
    }
}

/// What a hosted link carries (SPEC §14): the session id and the link's own secret, 128
/// random bits that no other link reveals (a UUIDv7 id shares its timestamp and counter with
/// ids made in the same millisecond). One path segment: `{id}.{secret}`, or `{id}` alone for
/// sessions made before links had a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkKey {
    pub id: uuid::Uuid,
    pub secret: Option<String>,
}

impl LinkKey {
    /// The secret's length: 16 random bytes in unpadded base64url.
    pub const SECRET_LEN: usize = 22;

    /// A link's path segment, or `None` for anything that is not one (answered as not found).
    pub fn parse(segment: &str) -> Option<LinkKey> {
        let (id, secret) = match segment.split_once('.') {
            Some((id, secret)) => (id, Some(secret)),
            None => (segment, None),
        };
        let well_formed = |s: &str| {
            s.len() == Self::SECRET_LEN
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        };
        if secret.is_some_and(|s| !well_formed(s)) {
            return None;
        }
        Some(LinkKey {
            id: uuid::Uuid::parse_str(id).ok()?,
            secret: secret.map(str::to_owned),
        })
    }

    /// The path segment [`LinkKey::parse`] reads.
    pub fn segment(&self) -> String {
        match &self.secret {
            Some(secret) => format!("{}.{secret}", self.id),
            None => self.id.to_string(),
        }
    }

    /// The hosted link's path; every page of the flow is below it.
    pub fn path(&self) -> String {
        format!("/checkout/{}", self.segment())
    }
}

/// A stored [`Quote`] as its JSON, unread: what a list shows of each session is exactly what
/// was stored (the same `Serialize` wrote it), so it is spliced into the answer rather than
/// decoded and encoded again (issue 15: that was most of a list's time).
#[derive(Debug, Clone, Deserialize)]
pub struct QuoteJson {
    pub estimates: Box<serde_json::value::RawValue>,
    pub change: Option<Box<serde_json::value::RawValue>>,
    #[serde(default)]
    pub discount: Option<Box<serde_json::value::RawValue>>,
}

/// What the customer is shown and accepts: the invoice estimates and, for amendments, what
/// changes and when. Stored with the session; confirm recomputes it and compares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub estimates: super::invoice::Estimates,
    pub change: Option<ChangeSummary>,
    /// The discount the estimates carry, with the days it covers and its sentence; `None`
    /// without one (and in quotes stored before discounts).
    #[serde(default)]
    pub discount: Option<super::discount::AppliedDiscount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ChangeSummary {
    /// The behaviour actually applied (`auto` resolved).
    pub behavior: super::overrides::ProrationBehavior,
    /// When the contract's terms change.
    pub effective_date: chrono::NaiveDate,
    pub billing_anchor_date: chrono::NaiveDate,
    /// A sentence for the customer, in English.
    pub summary: String,
    /// The same sentences as data, for the pages to say them in the customer's language;
    /// `None` in quotes stored before they were recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary_details: Option<super::wording::ChangeWords>,
}

#[cfg(test)]
mod link_key_tests {
    use super::LinkKey;

    const ID: &str = "0190a5e2-7c3b-7d4e-8f10-123456789abc";

    #[test]
    fn a_segment_reads_back_as_the_same_key() {
        for secret in [None, Some("AbCdEfGhIjKlMnOpQr-_09".to_owned())] {
            let key = LinkKey {
                id: ID.parse().unwrap(),
                secret,
            };
            assert_eq!(LinkKey::parse(&key.segment()), Some(key.clone()));
            assert_eq!(key.path(), format!("/checkout/{}", key.segment()));
        }
    }

    #[test]
    fn anything_else_is_not_a_link() {
        for bad in [
            "",
            "not-a-uuid",
            &format!("{ID}."),
            &format!("{ID}.short"),
            &format!("{ID}.AbCdEfGhIjKlMnOpQr-_09x"),
            &format!("{ID}.AbCdEfGhIjKlMnOpQr+/09"),
            &format!("{ID}.AbCdEfGhIjKlMnOpQr.-09"),
            &format!(".{ID}"),
        ] {
            assert_eq!(LinkKey::parse(bad), None, "{bad}");
        }
    }
}
