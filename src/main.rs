//! `hosted-checkout`: parse the command line, load settings, init telemetry, run.

use clap::{Parser, Subcommand};
use hosted_checkout::configuration::{
    DEFAULT_DATABASE_URL, Environment, LogFormat, Secret, Settings, parse_ttl,
};
use hosted_checkout::routes::api::webhooks::ApiObjects;
use hosted_checkout::services::clock::SystemClock;
use hosted_checkout::services::webhooks::ssrf::AddressPolicy;
use hosted_checkout::services::webhooks::worker::WorkerSettings;
use hosted_checkout::services::{Ctx, console, demo, organisations};
use hosted_checkout::startup::Application;
use hosted_checkout::{storage, telemetry};
use std::sync::Arc;

#[derive(Parser)]
#[command(
    name = "hosted-checkout",
    version,
    about = "Self-hostable hosted checkout for subscription billing"
)]
struct Cli {
    /// sqlite://FILE or postgres://… (default: a local SQLite file)
    #[arg(long, env = "DATABASE_URL", global = true, default_value = DEFAULT_DATABASE_URL, hide_env_values = true)]
    database_url: String,
    /// development or production (production refuses development secrets and never seeds demo data)
    #[arg(
        long,
        env = "APP_ENV",
        global = true,
        value_enum,
        default_value = "development"
    )]
    environment: Environment,
    /// pretty or json log lines
    #[arg(
        long,
        env = "LOG_FORMAT",
        global = true,
        value_enum,
        default_value = "pretty"
    )]
    log_format: LogFormat,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API and the hosted pages
    Serve(ServeArgs),
    /// Apply database migrations and exit
    Migrate,
    /// Manage organisations
    Org {
        #[command(subcommand)]
        command: OrgCommand,
    },
    /// Manage merchant console users
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a console user; prints {"user_id","email","password"} (a one-time password,
    /// changed at the first sign-in)
    Create {
        #[arg(long)]
        org: uuid::Uuid,
        #[arg(long)]
        email: String,
    },
}

#[derive(clap::Args)]
struct ServeArgs {
    /// ADDR:PORT to listen on
    #[arg(long, env = "BIND", default_value = "127.0.0.1:8080")]
    bind: String,
    /// Base URL of hosted links (default: http://BIND)
    #[arg(long, env = "PUBLIC_URL")]
    public_url: Option<String>,
    /// Do not seed demo data on an empty database
    #[arg(long, env = "NO_DEMO")]
    no_demo: bool,
    /// Session cookie key, at least 64 characters (required in production)
    #[arg(long, env = "SESSION_SECRET", hide_env_values = true)]
    session_secret: Option<String>,
    /// Database pool size
    #[arg(long, env = "DB_MAX_CONNECTIONS", default_value_t = 10)]
    db_max_connections: u32,
    /// How long a request waits for a database connection before failing with 503
    #[arg(long, env = "DB_ACQUIRE_TIMEOUT_MS", default_value_t = 3000)]
    db_acquire_timeout_ms: u64,
    /// Seconds between expiry sweeps (0 disables)
    #[arg(long, env = "EXPIRY_SWEEP_SECONDS", default_value_t = 60)]
    expiry_sweep_seconds: u64,
    /// Lifetime of a session created without expires_at (e.g. 24h, 90m, 7d; at most 30 days)
    #[arg(long, env = "CHECKOUT_TTL", default_value = "24h", value_parser = parse_ttl)]
    checkout_ttl: std::time::Duration,
    /// ADDR:PORT for Prometheus metrics at /metrics (off unless given)
    #[arg(long, env = "METRICS_BIND")]
    metrics_bind: Option<String>,
    /// API requests per second per API key, per process (0 turns the limit off)
    #[arg(long, env = "API_RATE_LIMIT", default_value_t = 100)]
    api_rate_limit: u32,
    /// Hosted form POSTs per minute per checkout session, per process (0 turns it off)
    #[arg(long, env = "HOSTED_POST_RATE_LIMIT", default_value_t = 60)]
    hosted_post_rate_limit: u32,
    /// Checkout-link visits per minute per client address, per process (0 turns it off)
    #[arg(long, env = "LINK_OPEN_RATE_LIMIT", default_value_t = 60)]
    link_open_rate_limit: u32,
    /// Console sign-in attempts per minute per account, four times as many per address (0: off)
    #[arg(long, env = "LOGIN_RATE_LIMIT", default_value_t = 5)]
    login_rate_limit: u32,
    /// on or off: run the webhook delivery worker in this process
    #[arg(long, env = "WEBHOOK_WORKER", default_value = "on", value_parser = on_off)]
    webhook_worker: bool,
    /// Seconds between a delivery's attempts after the first (default 5,300,1800,7200,18000,36000,36000)
    #[arg(long, env = "WEBHOOK_RETRY_SCHEDULE", value_parser = parse_schedule)]
    webhook_retry_schedule: Option<Schedule>,
    /// An attempt with no answer in this long fails (e.g. 15s)
    #[arg(long, env = "WEBHOOK_TIMEOUT", default_value = "15s", value_parser = parse_ttl)]
    webhook_timeout: std::time::Duration,
    /// How long a worker holds a claimed delivery before another process may retry it (at most 60s)
    #[arg(long, env = "WEBHOOK_LEASE", default_value = "60s", value_parser = parse_ttl)]
    webhook_lease: std::time::Duration,
    /// Comma-separated CIDR ranges webhooks may reach although they are not public
    #[arg(long, env = "WEBHOOK_ALLOWED_CIDRS", default_value = "", value_parser = parse_cidrs)]
    webhook_allowed_cidrs: Cidrs,
}

/// A value clap keeps whole (a `Vec` would be read as repeated flags).
#[derive(Clone)]
struct Schedule(Vec<u64>);
#[derive(Clone)]
struct Cidrs(Vec<ipnet::IpNet>);

fn on_off(s: &str) -> Result<bool, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "on" | "true" | "1" | "yes" => Ok(true),
        "off" | "false" | "0" | "no" => Ok(false),
        _ => Err("must be on or off".into()),
    }
}

fn parse_schedule(s: &str) -> Result<Schedule, String> {
    WorkerSettings::parse_schedule(s).map(Schedule)
}

fn parse_cidrs(s: &str) -> Result<Cidrs, String> {
    AddressPolicy::parse_cidrs(s).map(Cidrs)
}

#[derive(Subcommand)]
enum OrgCommand {
    /// Create an organisation; prints {"organisation_id","api_key","business_entity_id","redirect_secret"}
    Create {
        #[arg(long)]
        name: String,
    },
}

fn settings(cli: &Cli, serve: &ServeArgs) -> Settings {
    let mut s = Settings::development();
    s.database_url = Secret::new(cli.database_url.clone());
    s.environment = cli.environment;
    s.log_format = cli.log_format;
    s.bind = serve.bind.clone();
    s.public_url = serve
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", serve.bind));
    if let Some(secret) = &serve.session_secret {
        s.session_secret = Secret::new(secret.clone());
    }
    s.demo = !serve.no_demo && cli.environment == Environment::Development;
    s.db_max_connections = serve.db_max_connections;
    s.db_acquire_timeout_ms = serve.db_acquire_timeout_ms;
    s.expiry_sweep_seconds = serve.expiry_sweep_seconds;
    s.checkout_ttl = serve.checkout_ttl;
    s.metrics_bind = serve.metrics_bind.clone();
    s.api_rate_limit = serve.api_rate_limit;
    s.hosted_post_rate_limit = serve.hosted_post_rate_limit;
    s.link_open_rate_limit = serve.link_open_rate_limit;
    s.login_rate_limit = serve.login_rate_limit;
    s.webhook_worker = serve.webhook_worker;
    if let Some(Schedule(schedule)) = &serve.webhook_retry_schedule {
        s.webhook_retry_schedule = schedule.clone();
    }
    s.webhook_timeout = serve.webhook_timeout;
    s.webhook_lease = serve.webhook_lease;
    s.webhook_allowed_cidrs = serve.webhook_allowed_cidrs.0.clone();
    s
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut cli = Cli::parse();
    if cli.command.is_none() {
        // No subcommand: `serve` with its defaults (and environment).
        cli = Cli::parse_from(std::env::args().chain(["serve".to_owned()]));
    }
    telemetry::init(cli.log_format);
    match &cli.command {
        None => anyhow::bail!("no command"),
        Some(Command::Serve(args)) => serve(&cli, args).await,
        Some(Command::Migrate) => {
            storage::Backend::from_url(&cli.database_url)?;
            storage::connect(&cli.database_url, &storage::PoolSettings::default()).await?;
            eprintln!("migrations applied");
            Ok(())
        }
        Some(Command::Org {
            command: OrgCommand::Create { name },
        }) => {
            let ctx = command_ctx(&cli).await?;
            let created = organisations::create_organisation(&ctx, name).await?;
            println!("{}", serde_json::to_string(&created)?);
            Ok(())
        }
        Some(Command::User {
            command: UserCommand::Create { org, email },
        }) => {
            let ctx = command_ctx(&cli).await?;
            match console::create_user(&ctx, *org, email).await {
                Ok(created) => {
                    println!("{}", serde_json::to_string(&created)?);
                    Ok(())
                }
                Err(console::ConsoleError::Invalid(errors)) => {
                    for e in &errors {
                        eprintln!("{}: {}", e.field, e.message);
                    }
                    anyhow::bail!("the user was not created")
                }
                Err(e) => Err(e.into()),
            }
        }
    }
}

/// What a one-shot command runs with: the database, the system clock.
async fn command_ctx(cli: &Cli) -> anyhow::Result<Ctx> {
    let store = storage::connect(&cli.database_url, &storage::PoolSettings::default()).await?;
    let objects = Arc::new(ApiObjects {
        public_url: String::new(),
    });
    Ok(Ctx::new(store, Arc::new(SystemClock), "", objects))
}

async fn serve(cli: &Cli, args: &ServeArgs) -> anyhow::Result<()> {
    let settings = settings(cli, args);
    settings.validate()?;
    tracing::info!(settings = ?settings, "starting");
    let app = Application::build(settings.clone()).await?;
    if settings.demo
        && let Some(d) = demo::seed_if_empty(&app.context()).await?
    {
        println!("\nDemo data seeded (organisation {}).", d.organisation_id);
        println!("  Demo API key (shown once): {}", d.api_key);
        println!("  Open a hosted checkout:    {}", d.checkout_url);
        println!(
            "  Try the API:               curl -H 'x-api-key: {}' {}/checkouts\n",
            d.api_key,
            settings.public_url_trimmed()
        );
    }
    tracing::info!(port = app.port(), "listening");
    app.run_until_stopped().await?;
    Ok(())
}
