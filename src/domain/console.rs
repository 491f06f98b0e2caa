//! Merchant console users (SPEC §13).

use chrono::{DateTime, Utc};
use uuid::Uuid;

#[derive(Clone, PartialEq, Eq)]
pub struct ConsoleUser {
    pub id: Uuid,
    pub organisation_id: Uuid,
    /// As the user gave it; matched by [`ConsoleUser::email_key`].
    pub email: String,
    /// Argon2id, as a PHC string (`$argon2id$v=19$...`).
    pub password_hash: String,
    /// A one-time password from `user create`: it must be changed at the first sign-in.
    pub password_temporary: bool,
    /// Bumped on every password change; a console session remembers the version it signed in
    /// with and ends when it differs.
    pub credentials_version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl ConsoleUser {
    /// How an address is matched: trimmed, lower case (one user per address).
    pub fn email_key(email: &str) -> String {
        email.trim().to_lowercase()
    }
}

impl std::fmt::Debug for ConsoleUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConsoleUser")
            .field("id", &self.id)
            .field("organisation_id", &self.organisation_id)
            .field("email", &self.email)
            .field("password_temporary", &self.password_temporary)
            .field("credentials_version", &self.credentials_version)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_match_in_any_case() {
        assert_eq!(
            ConsoleUser::email_key(" Ada@Example.COM "),
            "ada@example.com"
        );
    }
}
