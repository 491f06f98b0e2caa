//! hosted-checkout: a self-hostable, server-rendered hosted checkout for subscription billing.

pub mod billing;
pub mod configuration;
pub mod domain;
pub mod error;
pub mod routes;
pub mod services;
pub mod startup;
pub mod storage;
pub mod telemetry;
pub mod views;
