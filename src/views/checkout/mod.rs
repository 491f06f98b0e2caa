//! Builds the hosted pages from what the services return: one module per step, formatting
//! and customer-facing words only. Input names come from `routes::hosted::forms`.

mod details;
mod plan;
mod review;
mod status;

pub use details::details_page;
pub use plan::plan_page;
pub use review::{CodeForm, review_page};
pub use status::{error_page, status_page};

use super::Layout;
use super::pages::Step;
use crate::domain::checkout::{Checkout, LinkKey};
use crate::services::checkouts::{HostedCheckout, NextStep};

/// The hosted URLs of one session, built in one place.
pub struct Urls {
    pub key: LinkKey,
}

impl Urls {
    /// The URLs of `c`'s own link.
    pub fn of(c: &Checkout) -> Self {
        Urls { key: c.link_key() }
    }

    pub fn entry(&self) -> String {
        self.key.path()
    }
    fn below(&self, page: &str) -> String {
        format!("{}/{page}", self.entry())
    }
    pub fn plan(&self) -> String {
        self.below("plan")
    }
    pub fn details(&self) -> String {
        self.below("details")
    }
    pub fn review(&self) -> String {
        self.below("review")
    }
    pub fn confirm(&self) -> String {
        self.below("confirm")
    }
    pub fn promotion_code(&self) -> String {
        self.below("promotion_code")
    }
    pub fn cancel(&self) -> String {
        self.below("cancel")
    }
    pub fn status(&self) -> String {
        self.below("status")
    }

    /// Where the browser goes for `step` (the answer to every hosted POST is a `303` here).
    pub fn next(&self, step: &NextStep) -> String {
        match step {
            NextStep::Plan => self.entry(),
            NextStep::Details => self.details(),
            NextStep::Review => self.review(),
            NextStep::ReviewChanged => format!("{}?changed=1", self.review()),
            NextStep::Status => self.status(),
            NextStep::PreviewDone => format!("{}?preview=done", self.status()),
            NextStep::Merchant(url) => url.clone(),
        }
    }
}

pub fn layout(h: &HostedCheckout, title: &str, csrf: &str, nonce: &str) -> Layout {
    let e = &h.loaded.entity;
    let mut l = Layout::new(
        title,
        &e.name,
        e.logo_url.as_deref(),
        e.brand_color.as_deref(),
        csrf,
        h.checkout.preview,
    );
    l.nonce = nonce.to_owned();
    l
}

pub fn steps(h: &HostedCheckout, current: &str) -> Vec<Step> {
    let urls = Urls::of(&h.checkout);
    let mut all = vec![("Plan", urls.entry())];
    if h.checkout.guest_checkout {
        all.push(("Details", urls.details()));
    }
    all.push(("Review", urls.review()));
    let pos = all.iter().position(|(l, _)| *l == current).unwrap_or(0);
    all.into_iter()
        .enumerate()
        .map(|(i, (label, href))| Step {
            label,
            href,
            current: i == pos,
            done: i < pos,
        })
        .collect()
}
