//! Checkout links (SPEC §13): a reusable link that makes a guest session per visit, like
//! Stripe's payment links. The link holds what each session is created from.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::locale::LocaleSetting;
use super::overrides::ItemOverride;
use super::redirect_url::RedirectUrl;

#[derive(Debug, Clone, PartialEq)]
pub struct CheckoutLink {
    pub id: Uuid,
    pub organisation_id: Uuid,
    /// The public part of the link (`/l/{slug}`): 16 random bytes, unpadded base64url.
    pub slug: String,
    /// An inactive link answers `410` with a page that says so.
    pub active: bool,
    pub plan_id: Uuid,
    pub plan_options: Vec<Uuid>,
    pub product_overrides: Vec<ItemOverride>,
    pub allow_promotion_codes: bool,
    pub business_entity_id: Uuid,
    pub success_url: Option<RedirectUrl>,
    pub cancel_url: Option<RedirectUrl>,
    pub locale: LocaleSetting,
    pub metadata: BTreeMap<String, String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl CheckoutLink {
    /// Length of a slug: 16 bytes (128 random bits, SPEC §13 asks ≥ 96) in unpadded base64url.
    pub const SLUG_LEN: usize = 22;

    pub fn path(&self) -> String {
        format!("/l/{}", self.slug)
    }

    pub fn url(&self, public_url: &str) -> String {
        format!("{}{}", public_url.trim_end_matches('/'), self.path())
    }

    /// Whether `s` could be a slug (so that anything else is a 404 without a database read).
    pub fn slug_well_formed(s: &str) -> bool {
        s.len() == Self::SLUG_LEN
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    }
}

/// How a link has done: the sessions opened from it, by outcome (the console's conversion).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LinkStats {
    pub sessions: i64,
    pub completed: i64,
}

impl LinkStats {
    /// Completed sessions per session opened, in whole percent (none opened: `None`).
    pub fn conversion_percent(&self) -> Option<i64> {
        (self.sessions > 0).then(|| (self.completed * 100 + self.sessions / 2) / self.sessions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_22_url_safe_characters() {
        assert!(CheckoutLink::slug_well_formed("AbCdEfGhIjKlMnOpQr-_12"));
        assert!(!CheckoutLink::slug_well_formed("AbCdEfGhIjKlMnOpQr-_1"));
        assert!(!CheckoutLink::slug_well_formed("AbCdEfGhIjKlMnOpQr-_1="));
        assert!(!CheckoutLink::slug_well_formed("AbCdEfGhIjKlMnOpQr/_12"));
    }

    #[test]
    fn conversion_rounds_to_whole_percent() {
        let s = |sessions, completed| LinkStats {
            sessions,
            completed,
        };
        assert_eq!(s(0, 0).conversion_percent(), None);
        assert_eq!(s(3, 1).conversion_percent(), Some(33));
        assert_eq!(s(3, 2).conversion_percent(), Some(67));
        assert_eq!(s(4, 4).conversion_percent(), Some(100));
    }
}
