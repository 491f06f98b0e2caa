//! Rows of `checkout_links` and `console_users`.

use super::{Columns, Find, ReadsAll, corrupt, json};
use crate::domain::checkout_link::CheckoutLink;
use crate::domain::console::ConsoleUser;
use crate::domain::redirect_url::RedirectUrl;
use crate::storage::StorageResult;

/// Where a `checkout_links` row's columns are.
pub(crate) struct CheckoutLinkColumns {
    id: usize,
    organisation_id: usize,
    slug: usize,
    active: usize,
    plan_id: usize,
    plan_options: usize,
    product_overrides: usize,
    allow_promotion_codes: usize,
    business_entity_id: usize,
    success_url: usize,
    cancel_url: usize,
    locale: usize,
    metadata: usize,
    created_at: usize,
    updated_at: usize,
}

/// A stored redirect URL was checked when it was written.
fn url(s: Option<String>) -> StorageResult<Option<RedirectUrl>> {
    s.map(|s| RedirectUrl::from_stored(s).map_err(|e| corrupt("url", e)))
        .transpose()
}

impl Columns for CheckoutLinkColumns {
    type Item = CheckoutLink;

    fn find<R: ReadsAll + ?Sized>(f: &Find<'_, R>) -> StorageResult<Self> {
        Ok(Self {
            id: f.at("id")?,
            organisation_id: f.at("organisation_id")?,
            slug: f.at("slug")?,
            active: f.at("active")?,
            plan_id: f.at("plan_id")?,
            plan_options: f.at("plan_options")?,
            product_overrides: f.at("product_overrides")?,
            allow_promotion_codes: f.at("allow_promotion_codes")?,
            business_entity_id: f.at("business_entity_id")?,
            success_url: f.at("success_url")?,
            cancel_url: f.at("cancel_url")?,
            locale: f.at("locale")?,
            metadata: f.at("metadata")?,
            created_at: f.at("created_at")?,
            updated_at: f.at("updated_at")?,
        })
    }

    fn decode<R: ReadsAll + ?Sized>(&self, r: &R) -> StorageResult<CheckoutLink> {
        let locale: &str = r.get(self.locale)?;
        Ok(CheckoutLink {
            id: r.get(self.id)?,
            organisation_id: r.get(self.organisation_id)?,
            slug: r.get(self.slug)?,
            active: r.get(self.active)?,
            plan_id: r.get(self.plan_id)?,
            plan_options: json(r.get(self.plan_options)?)?,
            product_overrides: json(r.get(self.product_overrides)?)?,
            allow_promotion_codes: r.get(self.allow_promotion_codes)?,
            business_entity_id: r.get(self.business_entity_id)?,
            success_url: url(r.get(self.success_url)?)?,
            cancel_url: url(r.get(self.cancel_url)?)?,
            locale: locale.parse().map_err(|_| corrupt("locale", locale))?,
            metadata: json(r.get(self.metadata)?)?,
            created_at: r.get(self.created_at)?,
            updated_at: r.get(self.updated_at)?,
        })
    }
}

/// Where a `console_users` row's columns are.
pub(crate) struct ConsoleUserColumns {
    id: usize,
    organisation_id: usize,
    email: usize,
    password_hash: usize,
    password_temporary: usize,
    credentials_version: usize,
    created_at: usize,
    updated_at: usize,
}

impl Columns for ConsoleUserColumns {
    type Item = ConsoleUser;

    fn find<R: ReadsAll + ?Sized>(f: &Find<'_, R>) -> StorageResult<Self> {
        Ok(Self {
            id: f.at("id")?,
            organisation_id: f.at("organisation_id")?,
            email: f.at("email")?,
            password_hash: f.at("password_hash")?,
            password_temporary: f.at("password_temporary")?,
            credentials_version: f.at("credentials_version")?,
            created_at: f.at("created_at")?,
            updated_at: f.at("updated_at")?,
        })
    }

    fn decode<R: ReadsAll + ?Sized>(&self, r: &R) -> StorageResult<ConsoleUser> {
        Ok(ConsoleUser {
            id: r.get(self.id)?,
            organisation_id: r.get(self.organisation_id)?,
            email: r.get(self.email)?,
            password_hash: r.get(self.password_hash)?,
            password_temporary: r.get(self.password_temporary)?,
            credentials_version: r.get(self.credentials_version)?,
            created_at: r.get(self.created_at)?,
            updated_at: r.get(self.updated_at)?,
        })
    }
}
