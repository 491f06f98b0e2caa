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

use super::pages::{OrderSummary, Step};
use super::{Lang, Layout, PageCx};
use crate::domain::checkout::{Checkout, LinkKey};
use crate::domain::period::BillingPeriod;
use crate::services::checkouts::{HostedCheckout, NextStep};

/// The hosted URLs of one session, built in one place.
pub struct Urls {
    /// The link's path, written once: a page carries some eight URLs below it.
    entry: String,
}

impl Urls {
    pub fn new(key: &LinkKey) -> Self {
        Urls { entry: key.path() }
    }

    /// The URLs of `c`'s own link.
    pub fn of(c: &Checkout) -> Self {
        Urls::new(&c.link_key())
    }

    pub fn entry(&self) -> String {
        self.entry.clone()
    }
    fn below(&self, page: &str) -> String {
        let mut url = String::with_capacity(self.entry.len() + 1 + page.len());
        url.push_str(&self.entry);
        url.push('/');
        url.push_str(page);
        url
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

pub fn layout(h: &HostedCheckout, title: &str, cx: &PageCx) -> Layout {
    let e = &h.loaded.entity;
    Layout::new(
        title,
        &e.name,
        e.logo_url.as_deref(),
        e.brand_color.as_deref(),
        cx,
        h.checkout.preview,
    )
}

/// The step a page is on (the progress list's positions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepId {
    Plan,
    Details,
    Review,
}

pub fn steps(h: &HostedCheckout, current: StepId, lang: &Lang) -> Vec<Step> {
    let urls = Urls::of(&h.checkout);
    let mut all = vec![(StepId::Plan, lang.t("step-plan"), urls.entry())];
    if h.checkout.guest_checkout {
        all.push((StepId::Details, lang.t("step-details"), urls.details()));
    }
    all.push((StepId::Review, lang.t("step-review"), urls.review()));
    let pos = all.iter().position(|(s, _, _)| *s == current).unwrap_or(0);
    all.into_iter()
        .enumerate()
        .map(|(i, (_, label, href))| Step {
            label,
            href,
            current: i == pos,
            done: i < pos,
        })
        .collect()
}

/// The session's quote in two lines: what confirming invoices today, then what recurs per
/// `period` from the next invoice's date.
pub fn order_summary(
    h: &HostedCheckout,
    period: Option<BillingPeriod>,
    lang: &Lang,
) -> OrderSummary {
    let est = &h.checkout.quote.estimates;
    let c = est.current_invoice.currency;
    let then = match (&est.next_invoice, period) {
        (Some(next), Some(period)) => lang.tf(
            "then-recurring",
            &[
                ("amount", (&lang.money(c, next.amount_due)).into()),
                ("period", period.as_str().into()),
                ("date", (&lang.date(next.period_start)).into()),
            ],
        ),
        _ => lang.t("summary-no-renewal"),
    };
    OrderSummary {
        today: lang.money(c, est.current_invoice.amount_due),
        then,
    }
}
