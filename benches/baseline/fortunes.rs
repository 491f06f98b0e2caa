//! The bare baseline for the load benchmark (`benches/load.sh`): the TechEmpower "fortunes"
//! test on the product's own stack — actix-web 4, askama 0.16, sqlx 0.9 (SQLite or PostgreSQL),
//! the same crate versions (one `Cargo.lock`) and the same release profile, because it is built
//! as an example of this package (`cargo build --release --example baseline`).
//!
//! `GET /fortunes` reads the 12 rows of `fortune`, adds one at request time, sorts by message
//! and renders an escaped HTML table. Nothing else: no middleware, no session, no logging, so
//! the product's figures divided by these say what the product's own work costs.
//!
//! ```sh
//! target/release/examples/baseline --database-url sqlite:///tmp/fortunes.db --bind 127.0.0.1:8091
//! target/release/examples/baseline --database-url postgres://postgres@127.0.0.1:5432/fortunes
//! ```
//!
//! Both the product and this use the same sqlx pool settings (10 connections, no test query
//! before each acquire), the same (system) allocator and actix-web's default worker
//! count (one per CPU the process may run on, so one under `taskset -c 0`): whatever makes the
//! product faster on this stack makes the baseline faster too.

use std::str::FromStr;

use actix_web::{App, HttpResponse, HttpServer, web};
use askama::Template;
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, Row, SqlitePool};

const FORTUNES: [&str; 12] = [
    "fortune: No such file or directory",
    "A computer scientist is someone who fixes things that aren't broken.",
    "After enough decimal places, nobody gives a damn.",
    "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1",
    "A computer program does what you tell it to do, not what you want it to do.",
    "Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen",
    "Any program that runs right is obsolete.",
    "A list is only as strong as its weakest link. — Donald Knuth",
    "Feature: A bug with seniority.",
    "Computers make very fast, very accurate mistakes.",
    "<script>alert(\"This should not be displayed in a browser alert box.\");</script>",
    "フレームワークのベンチマーク",
];

struct Fortune {
    id: i64,
    message: String,
}

#[derive(Template)]
#[template(
    source = r#"<!DOCTYPE html>
<html><head><title>Fortunes</title></head><body><table><tr><th>id</th><th>message</th></tr>
{%- for f in fortunes %}<tr><td>{{ f.id }}</td><td>{{ f.message }}</td></tr>{% endfor -%}
</table></body></html>"#,
    ext = "html"
)]
struct FortunesPage<'a> {
    fortunes: &'a [Fortune],
}

#[derive(Clone)]
enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

const SELECT: &str = "SELECT id, message FROM fortune";

impl Db {
    async fn connect(url: &str) -> anyhow::Result<Self> {
        if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal);
            let pool = SqlitePoolOptions::new()
                .max_connections(10)
                .test_before_acquire(false)
                .connect_with(options)
                .await?;
            Ok(Db::Sqlite(pool))
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Db::Postgres(
                PgPoolOptions::new()
                    .max_connections(10)
                    .test_before_acquire(false)
                    .connect(url)
                    .await?,
            ))
        } else {
            anyhow::bail!("unsupported database URL {url}")
        }
    }

    /// Creates and fills `fortune` when it is empty (idempotent).
    async fn seed(&self) -> anyhow::Result<()> {
        let create =
            "CREATE TABLE IF NOT EXISTS fortune (id INTEGER PRIMARY KEY, message TEXT NOT NULL)";
        let insert = "INSERT INTO fortune (id, message) VALUES ($1, $2)";
        match self {
            Db::Sqlite(p) => {
                sqlx::query(create).execute(p).await?;
                let n: i64 = sqlx::query("SELECT COUNT(*) FROM fortune")
                    .fetch_one(p)
                    .await?
                    .get(0);
                if n == 0 {
                    for (i, m) in FORTUNES.iter().enumerate() {
                        sqlx::query(insert)
                            .bind(i as i64 + 1)
                            .bind(*m)
                            .execute(p)
                            .await?;
                    }
                }
            }
            Db::Postgres(p) => {
                sqlx::query(create).execute(p).await?;
                let n: i64 = sqlx::query("SELECT COUNT(*) FROM fortune")
                    .fetch_one(p)
                    .await?
                    .get(0);
                if n == 0 {
                    for (i, m) in FORTUNES.iter().enumerate() {
                        sqlx::query(insert)
                            .bind(i as i32 + 1)
                            .bind(*m)
                            .execute(p)
                            .await?;
                    }
                }
            }
        }
        Ok(())
    }

    async fn fortunes(&self) -> Result<Vec<Fortune>, sqlx::Error> {
        match self {
            Db::Sqlite(p) => {
                let rows = sqlx::query(SELECT).fetch_all(p).await?;
                rows.iter()
                    .map(|r| {
                        Ok(Fortune {
                            id: r.try_get(0)?,
                            message: r.try_get(1)?,
                        })
                    })
                    .collect()
            }
            Db::Postgres(p) => {
                let rows = sqlx::query(SELECT).fetch_all(p).await?;
                rows.iter()
                    .map(|r| {
                        Ok(Fortune {
                            id: i64::from(r.try_get::<i32, _>(0)?),
                            message: r.try_get(1)?,
                        })
                    })
                    .collect()
            }
        }
    }
}

async fn fortunes(db: web::Data<Db>) -> HttpResponse {
    let mut list = match db.fortunes().await {
        Ok(l) => l,
        Err(e) => return HttpResponse::InternalServerError().body(e.to_string()),
    };
    list.push(Fortune {
        id: 0,
        message: "Additional fortune added at request time.".to_owned(),
    });
    list.sort_unstable_by(|a, b| a.message.cmp(&b.message));
    match (FortunesPage { fortunes: &list }).render() {
        Ok(body) => HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .body(body),
        Err(e) => HttpResponse::InternalServerError().body(e.to_string()),
    }
}

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let url = arg(&args, "--database-url")
        .or_else(|| std::env::var("DATABASE_URL").ok())
        .unwrap_or_else(|| "sqlite://fortunes.db".to_owned());
    let bind = arg(&args, "--bind").unwrap_or_else(|| "127.0.0.1:8091".to_owned());
    let db = Db::connect(&url).await?;
    db.seed().await?;
    let data = web::Data::new(db);
    eprintln!("baseline: fortunes on http://{bind}/fortunes");
    HttpServer::new(move || {
        App::new()
            .app_data(data.clone())
            .route("/fortunes", web::get().to(fortunes))
    })
    .bind(&bind)?
    .run()
    .await?;
    Ok(())
}
