//! API tests against the real server (both databases: set TEST_DATABASE_URL for PostgreSQL).

mod catalog;
mod checkouts;
mod console;
#[path = "../common/database.rs"]
mod database;
mod discounts;
mod health;
mod helpers;
mod hosted;
mod keys;
mod links;
mod locales;
mod openapi;
mod operations;
mod phases;
#[path = "../common/receiver.rs"]
mod receiver;
mod storage_contract;
mod webhooks;
