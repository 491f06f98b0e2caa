//! SQLite's hot reads on the calling thread.
//!
//! sqlx runs every SQLite connection on a thread of its own: a query is a message to that
//! thread, its rows are messages back, and handing the connection back to the pool is one more
//! round trip (sqlx pings it). For a one-row read of a few pages that SQLite has in memory,
//! those hand-offs cost more than the read itself: a profile of the hosted review page under
//! load put half of the server's CPU in them (docs/performance.md).
//!
//! The two hot reads (`CHECKOUT_WITH_TERMS`: every hosted page, confirm, patch, get;
//! `TERMS`: create and preview) and a page of the API's session list whose filter is one index
//! seek (`ListSql::seek`: none or one filter; a combined filter may walk many rows and stays on
//! the pool's thread) therefore run here, synchronously, on read-only connections of
//! their own, opened with rusqlite over the same bundled SQLite library sqlx links. In WAL mode
//! a reader never waits for a writer and sees every transaction committed before it started,
//! on whichever connection; such a read takes a few microseconds when its pages are cached. A
//! page that is not cached is a disk read on the server thread, which holds up that thread's
//! other requests for as long (`docs/decisions.md`).
//!
//! Whatever would have to wait (`SQLITE_BUSY`: another connection recovering the WAL), cannot
//! open or fails in SQLite falls back to sqlx's pool, which waits on its own thread and maps
//! errors as every other query does (a database that is gone is `503`). Only a row that does
//! not decode is an error here.

use std::path::PathBuf;
use std::sync::Mutex;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, ErrorCode, OpenFlags};
use uuid::Uuid;

use crate::domain::catalog::Customer;
use crate::domain::checkout::{Checkout, QuoteJson};
use crate::storage::queries::checkouts::{
    CHECKOUT_WITH_TERMS, ListArg, ListSql, TERMS, terms_found,
};
use crate::storage::rows::checkouts::{
    CheckoutColumns, CheckoutWithTermsColumns, CustomerTermsColumns,
};
use crate::storage::rows::{ReadRow, Reads, ReadsAll, Resolved};
use crate::storage::{PageOf, PageRequest, StorageError, StorageResult, Terms, TermsRef};

/// Idle connections kept for reuse; one is in use per thread reading at that moment.
const MAX_IDLE: usize = 8;

/// Read-only connections to one SQLite database file, used on the calling thread.
pub(crate) struct InlineReader {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
    /// Where the hot reads' columns are, found by name on their first row: rusqlite's
    /// lookup by name compares every column name (case-insensitively) until it matches, too
    /// slow to do for each of 63 columns on every read.
    checkout_with_terms: Resolved<CheckoutWithTermsColumns>,
    terms: Resolved<CustomerTermsColumns>,
    /// The list's statement varies with its filters; its columns and their order do not.
    listed: Resolved<CheckoutColumns<QuoteJson>>,
}

/// Why an inline read did not answer.
enum Miss {
    /// SQLite would have made it wait, or failed: read through the pool instead.
    Fallback,
    /// The row does not decode.
    Failed(StorageError),
}

impl From<rusqlite::Error> for Miss {
    fn from(e: rusqlite::Error) -> Self {
        if !matches!(
            e.sqlite_error_code(),
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
        ) {
            tracing::debug!(error = %e, "inline SQLite read failed; reading through the pool");
        }
        Miss::Fallback
    }
}

impl From<StorageError> for Miss {
    fn from(e: StorageError) -> Self {
        Miss::Failed(e)
    }
}

impl InlineReader {
    /// Reads `path`, a database file sqlx has created and migrated. `None` for a database
    /// that is not a file of its own (in memory): other connections would not see it.
    pub(crate) fn new(path: PathBuf) -> Option<Self> {
        path.is_file().then(|| Self {
            path,
            idle: Mutex::new(Vec::new()),
            checkout_with_terms: Resolved::default(),
            terms: Resolved::default(),
            listed: Resolved::default(),
        })
    }

    fn open(&self) -> rusqlite::Result<Connection> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        // Never sleep on this thread: a busy database falls back to the pool (rusqlite's
        // default is to wait up to 5 s).
        conn.busy_timeout(std::time::Duration::ZERO)?;
        Ok(conn)
    }

    /// Runs the one-row read `sql` with `params` and decodes its row, if any.
    /// `None`: not answered here; read through the pool.
    fn one_row<T>(
        &self,
        sql: &str,
        params: &[(&str, &dyn rusqlite::ToSql)],
        decode: impl FnOnce(&InlineRow<'_, '_>) -> StorageResult<T>,
    ) -> Option<StorageResult<Option<T>>> {
        self.read(sql, params, |rows| match rows.next()? {
            Some(row) => Ok(Some(decode(&InlineRow(row))?)),
            None => Ok(None),
        })
    }

    /// Runs `sql` with `params` on an idle connection (or a new one) and reads its rows with
    /// `read`. `None`: not answered here; read through the pool.
    fn read<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        read: impl FnOnce(&mut rusqlite::Rows<'_>) -> Result<T, Miss>,
    ) -> Option<StorageResult<T>> {
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        let conn = match idle {
            Some(conn) => conn,
            None => match self.open() {
                Ok(conn) => conn,
                Err(e) => {
                    tracing::warn!(error = %e, "cannot open an inline SQLite reader");
                    return None;
                }
            },
        };
        let result = (|| -> Result<T, Miss> {
            let mut stmt = conn.prepare_cached(sql)?;
            let mut rows = stmt.query(params)?;
            read(&mut rows)
        })();
        match result {
            Ok(found) => {
                if let Ok(mut idle) = self.idle.lock()
                    && idle.len() < MAX_IDLE
                {
                    idle.push(conn);
                }
                Some(Ok(found))
            }
            // A connection SQLite failed on is not reused.
            Err(Miss::Fallback) => None,
            Err(Miss::Failed(e)) => Some(Err(e)),
        }
    }

    /// A page of the sessions list (`queries::checkouts::list_sql`): its statement differs
    /// with the filters, its columns do not.
    pub(crate) fn checkouts(
        &self,
        q: &ListSql,
        page: PageRequest,
    ) -> Option<StorageResult<PageOf<Checkout<QuoteJson>>>> {
        let values = q.args.iter().map(|a| match a {
            // As sqlx binds them: UUIDs as 16-byte blobs, timestamps as RFC 3339 text.
            ListArg::Id(id) => Value::Blob(id.as_bytes().to_vec()),
            ListArg::Text(t) => Value::Text((*t).to_owned()),
            ListArg::Owned(t) => Value::Text(t.clone()),
            ListArg::Time(t) => Value::Text(t.to_rfc3339_opts(SecondsFormat::AutoSi, false)),
            ListArg::Int(n) => Value::Integer(*n),
        });
        if !q.seek {
            return None;
        }
        let limit = page.limit as usize;
        self.read(&q.sql, rusqlite::params_from_iter(values), |rows| {
            let mut data = Vec::new();
            let mut has_more = false;
            while let Some(row) = rows.next()? {
                if data.len() == limit {
                    has_more = true;
                    break;
                }
                data.push(self.listed.decode(&InlineRow(row))?);
            }
            Ok(PageOf { data, has_more })
        })
    }

    pub(crate) fn checkout_with_terms(
        &self,
        org: Option<Uuid>,
        id: Uuid,
    ) -> Option<StorageResult<Option<(Checkout, Terms)>>> {
        self.one_row(
            CHECKOUT_WITH_TERMS,
            rusqlite::named_params! {
                "$1": id.as_bytes().as_slice(),
                "$2": org.as_ref().map(|o| o.as_bytes().as_slice()),
            },
            |r| self.checkout_with_terms.decode(r),
        )
    }

    pub(crate) fn terms(
        &self,
        org: Uuid,
        ids: TermsRef,
    ) -> Option<StorageResult<(Option<Customer>, Terms)>> {
        let found = self.one_row(
            TERMS,
            rusqlite::named_params! {
                "$1": org.as_bytes().as_slice(),
                "$2": ids.customer_id.as_ref().map(|i| i.as_bytes().as_slice()),
                "$3": ids.plan_id.as_ref().map(|i| i.as_bytes().as_slice()),
                "$4": ids.contract_id.as_ref().map(|i| i.as_bytes().as_slice()),
            },
            |r| self.terms.decode(r),
        )?;
        Some(found.and_then(terms_found))
    }
}

/// A rusqlite row as the decoders read it (`storage::rows`), decoding what sqlx wrote
/// exactly as sqlx reads it back: UUIDs as 16-byte blobs, dates as `YYYY-MM-DD`, timestamps as
/// RFC 3339 text, booleans as integers. A value of another type is a corrupt row, as it is for
/// sqlx.
pub(crate) struct InlineRow<'a, 'stmt>(&'a rusqlite::Row<'stmt>);

impl ReadRow for InlineRow<'_, '_> {
    /// Compares every column name until one matches: fine once per result, not per read
    /// (see [`InlineReader`]).
    fn index_of(&self, name: &str) -> Option<usize> {
        self.0.as_ref().column_index(name).ok()
    }
}

impl<'r, T: FromColumn<'r>> Reads<'r, T> for InlineRow<'_, '_> {
    fn get(&'r self, at: usize) -> StorageResult<T> {
        let value = self
            .0
            .get_ref(at)
            .map_err(|e| StorageError::Other(anyhow::Error::new(e)))?;
        T::from_column(value).ok_or_else(|| {
            StorageError::Corrupt(format!(
                "column of type {} where {} was expected",
                value.data_type(),
                std::any::type_name::<T>()
            ))
        })
    }
}

impl ReadsAll for InlineRow<'_, '_> {}

/// A Rust value from one column's value; `None` when the value has another type.
pub(crate) trait FromColumn<'r>: Sized {
    fn from_column(value: ValueRef<'r>) -> Option<Self>;
}

impl<'r, T: FromColumn<'r>> FromColumn<'r> for Option<T> {
    fn from_column(value: ValueRef<'r>) -> Option<Self> {
        match value {
            ValueRef::Null => Some(None),
            v => T::from_column(v).map(Some),
        }
    }
}

impl<'r> FromColumn<'r> for &'r str {
    fn from_column(value: ValueRef<'r>) -> Option<Self> {
        match value {
            ValueRef::Text(t) => std::str::from_utf8(t).ok(),
            _ => None,
        }
    }
}

impl FromColumn<'_> for String {
    fn from_column(value: ValueRef<'_>) -> Option<Self> {
        <&str>::from_column(value).map(str::to_owned)
    }
}

impl FromColumn<'_> for i64 {
    fn from_column(value: ValueRef<'_>) -> Option<Self> {
        match value {
            ValueRef::Integer(i) => Some(i),
            _ => None,
        }
    }
}

impl FromColumn<'_> for bool {
    fn from_column(value: ValueRef<'_>) -> Option<Self> {
        i64::from_column(value).map(|i| i != 0)
    }
}

impl FromColumn<'_> for Uuid {
    fn from_column(value: ValueRef<'_>) -> Option<Self> {
        match value {
            ValueRef::Blob(b) => Uuid::from_slice(b).ok(),
            _ => None,
        }
    }
}

impl FromColumn<'_> for NaiveDate {
    fn from_column(value: ValueRef<'_>) -> Option<Self> {
        crate::domain::period::parse_iso_date(<&str>::from_column(value)?)
    }
}

impl FromColumn<'_> for DateTime<Utc> {
    fn from_column(value: ValueRef<'_>) -> Option<Self> {
        DateTime::parse_from_rfc3339(<&str>::from_column(value)?)
            .ok()
            .map(|t| t.with_timezone(&Utc))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::rows::Find;

    /// A WAL database with one table `t (x TEXT)` holding `'a'`.
    fn database(dir: &tempfile::TempDir) -> PathBuf {
        let path = dir.path().join("t.db");
        let conn = Connection::open(&path).expect("open");
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('a');",
        )
        .expect("schema");
        path
    }

    fn read_x(reader: &InlineReader) -> Option<StorageResult<Option<String>>> {
        reader.one_row("SELECT x FROM t", &[], |row| row.get(0))
    }

    #[test]
    fn a_database_that_is_not_a_file_of_its_own_is_not_read_inline() {
        assert!(InlineReader::new(PathBuf::from(":memory:")).is_none());
        assert!(InlineReader::new(PathBuf::from("file:sqlx-in-memory-1")).is_none());
    }

    #[test]
    fn a_reused_connection_sees_what_others_committed_since() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = database(&dir);
        let reader = InlineReader::new(path.clone()).expect("reader");
        assert_eq!(
            read_x(&reader).expect("inline").expect("read"),
            Some("a".into())
        );
        Connection::open(&path)
            .expect("open")
            .execute("UPDATE t SET x = 'b'", [])
            .expect("update");
        assert_eq!(reader.idle.lock().expect("idle").len(), 1);
        assert_eq!(
            read_x(&reader).expect("inline").expect("read"),
            Some("b".into())
        );
    }

    #[test]
    fn a_read_that_would_wait_falls_back_to_the_pool_without_waiting() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = database(&dir);
        let reader = InlineReader::new(path.clone()).expect("reader");
        let conn = reader.open().expect("open");
        let timeout: i64 = conn
            .query_row("PRAGMA busy_timeout", [], |r| r.get(0))
            .expect("pragma");
        assert_eq!(timeout, 0);
        // A connection in exclusive locking mode keeps the database to itself once it has
        // written: every other connection is busy until it closes.
        let holder = Connection::open(&path).expect("open");
        holder
            .execute_batch("PRAGMA locking_mode = EXCLUSIVE; UPDATE t SET x = 'b';")
            .expect("lock");
        assert!(
            read_x(&reader).is_none(),
            "answered while the database was locked"
        );
        drop(holder);
        assert_eq!(
            read_x(&reader).expect("inline").expect("read"),
            Some("b".into())
        );
    }

    #[test]
    fn a_read_sqlite_fails_goes_to_the_pool() {
        let dir = tempfile::tempdir().expect("tempdir");
        let reader = InlineReader::new(database(&dir)).expect("reader");
        let read = reader.one_row("SELECT x FROM missing", &[], |row| {
            Reads::<String>::get(row, 0)
        });
        assert!(read.is_none(), "{read:?}");
        assert_eq!(
            read_x(&reader).expect("inline").expect("read"),
            Some("a".into())
        );
    }

    #[test]
    fn a_value_of_another_type_is_a_corrupt_row() {
        let dir = tempfile::tempdir().expect("tempdir");
        let reader = InlineReader::new(database(&dir)).expect("reader");
        let read = reader
            .one_row("SELECT 1", &[], |row| {
                Reads::<&str>::get(row, 0).map(str::to_owned)
            })
            .expect("inline");
        assert!(matches!(read, Err(StorageError::Corrupt(_))), "{read:?}");
        let read = reader
            .one_row("SELECT x FROM t", &[], |row| Reads::<Uuid>::get(row, 0))
            .expect("inline");
        assert!(matches!(read, Err(StorageError::Corrupt(_))), "{read:?}");
    }

    #[test]
    fn columns_are_found_by_name_wherever_they_stand() {
        let dir = tempfile::tempdir().expect("tempdir");
        let reader = InlineReader::new(database(&dir)).expect("reader");
        let read = reader
            .one_row("SELECT 'b' AS b, 7 AS p_a", &[], |row| {
                Reads::<i64>::get(row, Find::new(row).prefixed("p_").at("a")?)
            })
            .expect("inline");
        assert_eq!(read.expect("read"), Some(7));
        let read = reader
            .one_row("SELECT 1 AS a", &[], |row| Find::new(row).at("b"))
            .expect("inline");
        assert!(matches!(read, Err(StorageError::Corrupt(_))), "{read:?}");
    }

    #[test]
    fn values_decode_as_sqlx_wrote_them() {
        let dir = tempfile::tempdir().expect("tempdir");
        let reader = InlineReader::new(database(&dir)).expect("reader");
        let id = Uuid::new_v4();
        let at = DateTime::parse_from_rfc3339("2026-11-30T10:26:00.123456+00:00")
            .expect("time")
            .with_timezone(&Utc);
        let read = reader
            .one_row(
                "SELECT $1, '2026-02-28', $2, 1, NULL",
                rusqlite::named_params! {
                    "$1": id.as_bytes().as_slice(),
                    // sqlx's encoding of a `DateTime<Utc>` (SecondsFormat::AutoSi).
                    "$2": at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false),
                },
                |row| {
                    Ok((
                        Reads::<Uuid>::get(row, 0)?,
                        Reads::<NaiveDate>::get(row, 1)?,
                        Reads::<DateTime<Utc>>::get(row, 2)?,
                        Reads::<bool>::get(row, 3)?,
                        Reads::<Option<NaiveDate>>::get(row, 4)?,
                    ))
                },
            )
            .expect("inline")
            .expect("read")
            .expect("row");
        let date = NaiveDate::from_ymd_opt(2026, 2, 28).expect("date");
        assert_eq!(read, (id, date, at, true, None));
    }
}
