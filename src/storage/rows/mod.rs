//! Rows as the databases return them, and their conversion into domain types.
//!
//! Every row is read by column name. A row type's columns are looked up by name once per
//! result (or once per process for the hot reads, [`Resolved`]) into a small struct of
//! indices (`PlanColumns`, ...), through which each row is then read: adding a column to a
//! query, or a join, shifts nothing, and a name missing from a result is an error rather than
//! the neighbouring column's value. Joined tables carry their alias as a prefix in the result
//! (`p.id AS p_id`, found with [`Find::prefixed`]).
//!
//! The same decoders read sqlx's rows (both databases) and rusqlite's (SQLite's inline reads,
//! `sqlite::inline_reads`): they see a row only through [`ReadRow`]. A row struct holds the
//! columns as stored (text for enums, JSON and decimals); its `TryFrom` into the domain type
//! parses them and reports a value this version cannot understand as [`StorageError::Corrupt`].

pub(crate) mod catalog;
pub(crate) mod checkouts;
pub(crate) mod contracts;
pub(crate) mod discounts;
pub(crate) mod events;
pub(crate) mod links;

use std::sync::OnceLock;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{ColumnIndex, Decode, Type};
use uuid::Uuid;

use super::{StorageError, StorageResult};

/// A result row, as the decoders see it: sqlx's rows of either database, and rusqlite's
/// (`sqlite::inline_reads::InlineRow`).
pub trait ReadRow {
    /// Where the column called `name` is in this row's result.
    fn index_of(&self, name: &str) -> Option<usize>;
}

/// Reads column `at` as a `T`.
pub trait Reads<'r, T>: ReadRow {
    fn get(&'r self, at: usize) -> StorageResult<T>;
}

/// Every type the decoders read a column as. The list is written once, as supertraits, so a
/// decoder says only `R: ReadsAll`.
pub trait ReadsAll:
    ReadRow
    + for<'r> Reads<'r, Uuid>
    + for<'r> Reads<'r, Option<Uuid>>
    + for<'r> Reads<'r, &'r str>
    + for<'r> Reads<'r, Option<&'r str>>
    + for<'r> Reads<'r, String>
    + for<'r> Reads<'r, Option<String>>
    + for<'r> Reads<'r, i64>
    + for<'r> Reads<'r, Option<i64>>
    + for<'r> Reads<'r, bool>
    + for<'r> Reads<'r, NaiveDate>
    + for<'r> Reads<'r, Option<NaiveDate>>
    + for<'r> Reads<'r, DateTime<Utc>>
    + for<'r> Reads<'r, Option<DateTime<Utc>>>
{
}

impl<R: sqlx::Row> ReadRow for R
where
    for<'n> &'n str: ColumnIndex<R>,
{
    fn index_of(&self, name: &str) -> Option<usize> {
        self.try_column(name).ok().map(sqlx::Column::ordinal)
    }
}

impl<'r, R, T> Reads<'r, T> for R
where
    R: sqlx::Row,
    for<'n> &'n str: ColumnIndex<R>,
    usize: ColumnIndex<R>,
    T: Decode<'r, R::Database> + Type<R::Database>,
{
    fn get(&'r self, at: usize) -> StorageResult<T> {
        Ok(self.try_get(at)?)
    }
}

impl ReadsAll for sqlx::sqlite::SqliteRow {}
impl ReadsAll for sqlx::postgres::PgRow {}

/// Looks up a row type's columns by name in one result, each name after `prefix` (the alias a
/// join gives a table's columns: `p_` for `p.id AS p_id`).
pub(crate) struct Find<'a, R: ?Sized> {
    row: &'a R,
    prefix: &'static str,
}

impl<'a, R: ReadRow + ?Sized> Find<'a, R> {
    pub(crate) fn new(row: &'a R) -> Self {
        Self { row, prefix: "" }
    }

    /// The columns of a joined table, named `{prefix}{column}` in the result.
    pub(crate) fn prefixed(&self, prefix: &'static str) -> Self {
        Self {
            row: self.row,
            prefix,
        }
    }

    /// The index of column `name`. A prefixed name is put together here, once per result or
    /// per process (never per row).
    pub(crate) fn at(&self, name: &str) -> StorageResult<usize> {
        let found = if self.prefix.is_empty() {
            self.row.index_of(name)
        } else {
            self.row.index_of(&format!("{}{name}", self.prefix))
        };
        found.ok_or_else(|| {
            StorageError::Corrupt(format!("the result has no column {}{name}", self.prefix))
        })
    }
}

/// Where one row type's columns are in a result, and how a row of it becomes a domain value.
pub(crate) trait Columns: Sized {
    type Item;
    fn find<R: ReadsAll + ?Sized>(f: &Find<'_, R>) -> StorageResult<Self>;
    fn decode<R: ReadsAll + ?Sized>(&self, r: &R) -> StorageResult<Self::Item>;
}

/// Decodes one row, finding its columns first.
pub(crate) fn decode_one<C: Columns, R: ReadsAll + ?Sized>(r: &R) -> StorageResult<C::Item> {
    C::find(&Find::new(r))?.decode(r)
}

/// Decodes every row of one result, finding the columns once.
pub(crate) fn decode_all<C: Columns, R: ReadsAll>(rows: &[R]) -> StorageResult<Vec<C::Item>> {
    let Some(first) = rows.first() else {
        return Ok(Vec::new());
    };
    let columns = C::find(&Find::new(first))?;
    rows.iter().map(|r| columns.decode(r)).collect()
}

/// The columns of the one result a hot read always runs, found on its first row and kept:
/// the query text is fixed, so its columns never move, and the read then costs no lookup.
pub(crate) struct Resolved<C>(OnceLock<C>);

impl<C> Default for Resolved<C> {
    fn default() -> Self {
        Self(OnceLock::new())
    }
}

impl<C: Columns> Resolved<C> {
    pub(crate) fn decode<R: ReadsAll + ?Sized>(&self, r: &R) -> StorageResult<C::Item> {
        let columns = match self.0.get() {
            Some(columns) => columns,
            None => {
                let found = C::find(&Find::new(r))?;
                self.0.get_or_init(|| found)
            }
        };
        columns.decode(r)
    }
}

/// A table reached by a `LEFT JOIN`: `None` when the join found no row (its `id` is NULL).
pub(crate) fn joined<C: Columns, R: ReadsAll + ?Sized>(
    columns: &C,
    id: usize,
    r: &R,
) -> StorageResult<Option<C::Item>> {
    let id: Option<Uuid> = r.get(id)?;
    match id {
        None => Ok(None),
        Some(_) => columns.decode(r).map(Some),
    }
}

// What reading a stored value needs beyond the row itself.

pub(crate) fn json<T: serde::de::DeserializeOwned>(s: &str) -> StorageResult<T> {
    Ok(serde_json::from_str(s)?)
}

pub(crate) fn opt_json<T: serde::de::DeserializeOwned>(
    s: Option<&str>,
) -> StorageResult<Option<T>> {
    s.map(json).transpose()
}

pub(crate) fn to_json<T: serde::Serialize>(v: &T) -> StorageResult<String> {
    serde_json::to_string(v).map_err(|e| StorageError::Other(e.into()))
}

pub(crate) fn corrupt(what: &str, v: &str) -> StorageError {
    StorageError::Corrupt(format!("{what} {v:?}"))
}

/// One column of `r` by name, for the rows read once (a count, a key's organisation).
pub(crate) fn column<'r, T, R: Reads<'r, T> + ?Sized>(r: &'r R, name: &str) -> StorageResult<T> {
    r.get(Find::new(r).at(name)?)
}
