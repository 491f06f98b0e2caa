pub mod catalog;
pub mod checkout;
pub mod customer;
pub mod money;
pub mod period;
pub mod pricing;
pub mod redirect_url;
pub mod validation;
