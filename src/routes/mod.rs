pub mod api;
pub mod health;
pub mod hosted;
