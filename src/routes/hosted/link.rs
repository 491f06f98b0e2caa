//! `/l/{slug}` (SPEC §13): a visit to a checkout link opens a new guest session and answers
//! `303` to its hosted page (a `HEAD` only checks the link). An inactive link is a `410` page; a slug that is not a link, `404`.

use std::net::{IpAddr, Ipv4Addr};

use actix_web::{HttpRequest, web};

use super::page::{PageRes, PageResult, see_other};
use crate::routes::limits::Limits;
use crate::services::Ctx;
use crate::services::checkout_links;

/// The address a visit is counted against: the connection's peer (a forwarded-for header is
/// not trusted: anyone can write one; see docs/decisions.md).
pub fn client_address(req: &HttpRequest) -> IpAddr {
    req.peer_addr()
        .map(|a| a.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}

pub async fn open_link(
    ctx: web::Data<Ctx>,
    limits: web::Data<Limits>,
    req: HttpRequest,
    slug: web::Path<String>,
) -> PageRes {
    if req.method() == actix_web::http::Method::HEAD {
        // Link checkers and chat previews probe with HEAD: answer whether the link works
        // without opening a session for them (it would count as a visit that never converts).
        checkout_links::find_active(&ctx, &slug).await.page(&req)?;
        return Ok(actix_web::HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .finish());
    }
    limits.link_open(client_address(&req)).page(&req)?;
    let checkout = checkout_links::open(&ctx, &slug).await.page(&req)?;
    Ok(see_other(&checkout.hosted_url(&ctx.public_url)))
}
