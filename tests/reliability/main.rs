//! Reliability and security: races, crashes, database faults, hostile input (issue 6).
//! Each test proves one guarantee of docs/reliability.md and can fail.

mod concurrency;
#[path = "../common/database.rs"]
mod database;
mod entity_outage;
mod faults;
mod hostile;
#[path = "../common/receiver.rs"]
mod receiver;
mod support;
mod tenancy;
mod webhooks;
