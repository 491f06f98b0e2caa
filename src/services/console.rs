//! Merchant console users (SPEC §13): created from the command line with a one-time password,
//! signed in with Argon2id-hashed passwords, and password changes that end every other session.
//! Messages never say whether an address has an account.

use anyhow::Context as _;
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use super::Ctx;
use super::checkouts::{self, CreateError, NewCheckout};
use crate::domain::checkout::Checkout;
use crate::domain::console::ConsoleUser;
use crate::domain::overrides::ItemOverride;
use crate::domain::validation::FieldError;
use crate::storage::{DayOutcome, UserWrite};

/// Shortest password a user may choose.
pub const MIN_PASSWORD_LEN: usize = 12;

#[derive(Debug, thiserror::Error)]
pub enum ConsoleError {
    /// Wrong address or password: one message for both (no user enumeration).
    #[error("the email address or password is not right")]
    BadCredentials,
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    /// The signed-in session is no longer valid (password changed, user gone).
    #[error("signed out")]
    SignedOut,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// A console user as `user create` reports it, with the one-time password.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CreatedUser {
    pub user_id: Uuid,
    pub email: String,
    pub password: String,
}

/// Who is signed in: checked against the store on every request, so a password change on any
/// process ends the others' sessions at once.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user: ConsoleUser,
}

impl SignedIn {
    pub fn org(&self) -> Uuid {
        self.user.organisation_id
    }
}

fn random_bytes<const N: usize>() -> [u8; N] {
    use rand::RngCore as _;
    let mut b = [0u8; N];
    rand::rng().fill_bytes(&mut b);
    b
}

/// Argon2id with OWASP's 7 MiB configuration (m = 7,168 KiB, t = 5, p = 1): the cheat sheet
/// lists it as defending as well as the crate's default (19 MiB, t = 2) for the same CPU, and a
/// hash's memory is what a server holds for every sign-in in flight. A stored hash carries its
/// own parameters, so hashes made with the old ones still verify.
fn hasher() -> Argon2<'static> {
    let params = argon2::Params::new(7 * 1024, 5, 1, None).expect("OWASP's parameters are valid");
    Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
}

/// Runs one password hash or check on the blocking pool (tens of milliseconds of CPU), at
/// most one per core at a time: a burst of sign-ins waits here instead of holding a hash's
/// memory each (peak memory stays bounded whatever the number of requests).
async fn hashing<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> anyhow::Result<T> {
    static PERMITS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    let permits = PERMITS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        tokio::sync::Semaphore::new(cores)
    });
    let _permit = permits.acquire().await.context("the hashing permits")?;
    tokio::task::spawn_blocking(work)
        .await
        .context("the hashing task")
}

/// A new password's hash, as a PHC string.
async fn hash(password: String) -> anyhow::Result<String> {
    hashing(move || {
        let salt = SaltString::encode_b64(&random_bytes::<16>())
            .map_err(|e| anyhow::anyhow!("salt: {e}"))?;
        hasher()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))
    })
    .await?
}

/// Whether `password` matches `phc` (with the parameters `phc` was made with); a malformed
/// stored hash never matches. `None` checks it against the decoy (no account).
async fn verify(password: String, phc: Option<String>) -> anyhow::Result<bool> {
    hashing(move || {
        let phc = phc.as_deref().unwrap_or_else(|| decoy_hash());
        let Ok(parsed) = PasswordHash::new(phc) else {
            return false;
        };
        hasher()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
    .await
}

/// A hash of no one's password, verified when an address has no account so that answering
/// takes as long as for a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| {
        let salt = SaltString::encode_b64(&[7u8; 16]).expect("16 bytes encode");
        hasher()
            .hash_password(b"no one's password", &salt)
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}

/// `hosted-checkout user create --org ID --email EMAIL`.
pub async fn create_user(ctx: &Ctx, org: Uuid, email: &str) -> Result<CreatedUser, ConsoleError> {
    let email = email.trim();
    let mut errors = Vec::new();
    crate::domain::customer::validate_email("email", email, &mut errors);
    if !errors.is_empty() {
        return Err(ConsoleError::Invalid(errors));
    }
    let known = ctx
        .store
        .get_organisation(org)
        .await
        .context("reading the organisation")?;
    if known.is_none() {
        return Err(ConsoleError::Invalid(vec![FieldError::new(
            "org",
            "no such organisation",
        )]));
    }
    use base64::Engine as _;
    let password = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(random_bytes::<15>());
    let now = ctx.clock.now();
    let user = ConsoleUser {
        id: Uuid::now_v7(),
        organisation_id: org,
        email: email.to_owned(),
        password_hash: hash(password.clone()).await?,
        password_temporary: true,
        credentials_version: 1,
        created_at: now,
        updated_at: now,
    };
    match ctx
        .store
        .insert_console_user(&user)
        .await
        .context("storing the user")?
    {
        UserWrite::Written => Ok(CreatedUser {
            user_id: user.id,
            email: user.email,
            password,
        }),
        _ => Err(ConsoleError::Invalid(vec![FieldError::new(
            "email",
            "already has a console user",
        )])),
    }
}

/// Sign-in: the user when address and password match; one error for every other case.
pub async fn sign_in(ctx: &Ctx, email: &str, password: &str) -> Result<SignedIn, ConsoleError> {
    let user = ctx
        .store
        .find_console_user(email)
        .await
        .context("reading the user")?;
    let phc = user.as_ref().map(|u| u.password_hash.clone());
    let matches = verify(password.to_owned(), phc).await?;
    match user {
        Some(user) if matches => Ok(SignedIn { user }),
        _ => Err(ConsoleError::BadCredentials),
    }
}

/// The signed-in user of a console session that remembers `id` at credentials `version`.
pub async fn signed_in(ctx: &Ctx, id: Uuid, version: i64) -> Result<SignedIn, ConsoleError> {
    match ctx
        .store
        .get_console_user(id)
        .await
        .context("reading the user")?
    {
        Some(user) if user.credentials_version == version => Ok(SignedIn { user }),
        _ => Err(ConsoleError::SignedOut),
    }
}

/// Changes the signed-in user's password (the current one is asked again); every session
/// signed in before ends. Returns the user at its new credentials version.
pub async fn change_password(
    ctx: &Ctx,
    who: &SignedIn,
    current: &str,
    new: &str,
    repeat: &str,
) -> Result<SignedIn, ConsoleError> {
    let mut errors = Vec::new();
    if new.chars().count() < MIN_PASSWORD_LEN {
        errors.push(FieldError::new(
            "new_password",
            format!("must be at least {MIN_PASSWORD_LEN} characters"),
        ));
    } else if new != repeat {
        errors.push(FieldError::new("repeat_password", "does not match"));
    } else if new == current {
        errors.push(FieldError::new(
            "new_password",
            "must differ from the current password",
        ));
    }
    if !verify(current.to_owned(), Some(who.user.password_hash.clone())).await? {
        errors.insert(0, FieldError::new("current_password", "is not right"));
    }
    if !errors.is_empty() {
        return Err(ConsoleError::Invalid(errors));
    }
    let phc = hash(new.to_owned()).await?;
    let written = ctx
        .store
        .set_console_password(
            who.user.id,
            who.user.credentials_version,
            &phc,
            false,
            ctx.clock.now(),
        )
        .await
        .context("storing the password")?;
    if written != UserWrite::Written {
        return Err(ConsoleError::SignedOut);
    }
    signed_in(ctx, who.user.id, who.user.credentials_version + 1).await
}

/// The overview's figures: sessions by outcome for each of the last `days` days (UTC).
pub async fn outcomes(
    ctx: &Ctx,
    org: Uuid,
    days: i64,
) -> Result<(DateTime<Utc>, Vec<DayOutcome>), ConsoleError> {
    let now = ctx.clock.now();
    let since = (now - Duration::days(days - 1))
        .date_naive()
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc())
        .unwrap_or(now);
    let rows = ctx
        .store
        .outcomes_by_day(org, since, now)
        .await
        .context("counting sessions")?;
    Ok((now, rows))
}

/// The sweeper's step for the overview's counts: folds the changes other writes appended
/// (PostgreSQL), so that the overview reads a few rows per day.
pub async fn fold_counts(ctx: &Ctx) -> anyhow::Result<u64> {
    ctx.store
        .fold_outcome_changes()
        .await
        .context("folding the overview's counts")
}

/// The console's "Open preview": a preview session of `plan_id` (confirming writes nothing)
/// for `customer`, or for a guest sold by the seller a checkout link would have.
pub async fn preview_plan(
    ctx: &Ctx,
    org: Uuid,
    plan_id: Uuid,
    customer: Option<Uuid>,
    product_overrides: Vec<ItemOverride>,
    locale: Option<String>,
) -> Result<Checkout, CreateError> {
    let seller = match customer {
        Some(_) => None,
        None => checkouts::seller::guest_seller(ctx, org, None, plan_id).await?,
    };
    let session = NewCheckout {
        plan_id: Some(plan_id),
        customer_id: customer,
        guest_checkout: Some(customer.is_none()),
        business_entity_id: seller,
        product_overrides: Some(product_overrides),
        locale,
        preview: Some(true),
        ..NewCheckout::default()
    };
    checkouts::create(ctx, org, session).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_and_a_wrong_password_does_not() {
        let phc = hash("correct horse battery".to_owned()).await.unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=7168,t=5,p=1$"), "{phc}");
        assert!(
            verify("correct horse battery".to_owned(), Some(phc.clone()))
                .await
                .unwrap()
        );
        assert!(
            !verify("correct horse batterz".to_owned(), Some(phc))
                .await
                .unwrap()
        );
        assert!(!verify("anything".to_owned(), None).await.unwrap());
        assert!(
            !verify("anything".to_owned(), Some("not a hash".to_owned()))
                .await
                .unwrap()
        );
    }

    #[tokio::test]
    async fn a_hash_made_with_the_former_parameters_still_verifies() {
        let salt = SaltString::encode_b64(&[3u8; 16]).unwrap();
        let old = Argon2::default()
            .hash_password(b"an older password", &salt)
            .unwrap()
            .to_string();
        assert!(old.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{old}");
        assert!(
            verify("an older password".to_owned(), Some(old))
                .await
                .unwrap()
        );
    }
}
