//! The JSON API (SPEC §3–§5). Handlers parse, call one service, and answer JSON.

pub mod catalog;
pub mod catalog_dto;
pub mod checkouts;
pub mod discounts;
pub mod dto;
pub mod extract;
pub mod keys;
pub mod links;
pub mod openapi;
pub mod webhooks;

use actix_web::web;

use super::get_or_head;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/openapi.json").route(get_or_head().to(openapi::openapi_json)))
        .service(
            web::resource("/business_entities")
                .route(web::post().to(catalog::create_entity))
                .route(get_or_head().to(catalog::list_entities)),
        )
        .service(
            web::resource("/business_entities/{id}").route(get_or_head().to(catalog::get_entity)),
        )
        .service(
            web::resource("/customers")
                .route(web::post().to(catalog::create_customer))
                .route(get_or_head().to(catalog::list_customers)),
        )
        .service(web::resource("/customers/{id}").route(get_or_head().to(catalog::get_customer)))
        .service(
            web::resource("/products")
                .route(web::post().to(catalog::create_product))
                .route(get_or_head().to(catalog::list_products)),
        )
        .service(web::resource("/products/{id}").route(get_or_head().to(catalog::get_product)))
        .service(
            web::resource("/plans")
                .route(web::post().to(catalog::create_plan))
                .route(get_or_head().to(catalog::list_plans)),
        )
        .service(web::resource("/plans/{id}").route(get_or_head().to(catalog::get_plan)))
        .service(web::resource("/plans/{id}/archive").route(web::post().to(catalog::archive_plan)))
        .service(
            web::resource("/contracts")
                .route(web::post().to(catalog::import_contract))
                .route(get_or_head().to(catalog::list_contracts)),
        )
        .service(web::resource("/contracts/{id}").route(get_or_head().to(catalog::get_contract)))
        .service(
            web::resource("/coupons")
                .route(web::post().to(discounts::create_coupon))
                .route(get_or_head().to(discounts::list_coupons)),
        )
        .service(web::resource("/coupons/{id}").route(get_or_head().to(discounts::get_coupon)))
        .service(
            web::resource("/coupons/{id}/archive").route(web::post().to(discounts::archive_coupon)),
        )
        .service(
            web::resource("/promotion_codes")
                .route(web::post().to(discounts::create_promotion_code))
                .route(get_or_head().to(discounts::list_promotion_codes)),
        )
        .service(
            web::resource("/promotion_codes/{id}")
                .route(get_or_head().to(discounts::get_promotion_code))
                .route(web::patch().to(discounts::patch_promotion_code)),
        )
        .service(web::resource("/checkouts/preview").route(web::post().to(checkouts::preview)))
        .service(
            web::resource("/checkouts")
                .route(web::post().to(checkouts::create))
                .route(get_or_head().to(checkouts::list)),
        )
        .service(
            web::resource("/checkouts/{id}")
                .route(get_or_head().to(checkouts::get))
                .route(web::patch().to(checkouts::patch)),
        )
        .service(web::resource("/checkouts/{id}/confirm").route(web::post().to(checkouts::confirm)))
        .service(web::resource("/checkouts/{id}/cancel").route(web::post().to(checkouts::cancel)))
        .service(web::resource("/checkouts/{id}/expire").route(web::post().to(checkouts::expire)))
        .service(
            web::resource("/webhook_endpoints")
                .route(web::post().to(webhooks::create_endpoint))
                .route(get_or_head().to(webhooks::list_endpoints)),
        )
        .service(
            web::resource("/webhook_endpoints/{id}")
                .route(get_or_head().to(webhooks::get_endpoint))
                .route(web::patch().to(webhooks::patch_endpoint))
                .route(web::delete().to(webhooks::delete_endpoint)),
        )
        .service(
            web::resource("/webhook_endpoints/{id}/rotate_secret")
                .route(web::post().to(webhooks::rotate_secret)),
        )
        .service(web::resource("/events").route(get_or_head().to(webhooks::list_events)))
        .service(web::resource("/events/{id}").route(get_or_head().to(webhooks::get_event)))
        .service(web::resource("/events/{id}/resend").route(web::post().to(webhooks::resend_event)))
        .service(web::resource("/organisation").route(get_or_head().to(webhooks::get_organisation)))
        .service(
            web::resource("/api_keys")
                .route(web::post().to(keys::create))
                .route(get_or_head().to(keys::list)),
        )
        .service(
            web::resource("/checkout_links")
                .route(web::post().to(links::create))
                .route(get_or_head().to(links::list)),
        )
        .service(
            web::resource("/checkout_links/{id}")
                .route(get_or_head().to(links::get))
                .route(web::patch().to(links::patch)),
        )
        .service(web::resource("/api_keys/{id}/revoke").route(web::post().to(keys::revoke)))
        .service(
            web::resource("/organisation/rotate_redirect_secret")
                .route(web::post().to(webhooks::rotate_redirect_secret)),
        );
}
