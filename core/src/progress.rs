//! How far a list walk has got: [`Progress`], reported after each page through the callback a
//! walk takes ([`crate::Pages::on_progress`], [`crate::Items::on_progress`]), and readable at
//! any time ([`crate::Pages::progress`]).
//!
//! ```no_run
//! # fn main() -> phonecom::Result<()> {
//! # let client = phonecom::Client::new(phonecom::Config::from_env()?)?;
//! let numbers = client
//!     .items::<serde_json::Value>("v4.list-available-phone-numbers", serde_json::json!({"limit": 200}))?
//!     .on_progress(|p| eprintln!("{p}")); // "3 pages, 600 of 2050 rows (29%)"
//! for number in numbers {
//!     let _ = number?;
//! }
//! # Ok(())
//! # }
//! ```

use serde::Serialize;
use std::fmt;

/// Where a walk stands after its latest page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Pages fetched so far.
    pub pages: u64,
    /// Rows fetched so far, over all those pages.
    pub rows: u64,
    /// Rows the whole walk yields, when the upstream says: its `total` less the walk's starting
    /// `offset`. `None` for lists that report no total (e.g. `xml.getCallList`'s time windows).
    pub total: Option<u64>,
}

impl Progress {
    /// `rows / total` from 0.0 to 1.0, when the total is known (1.0 for an empty list).
    pub fn fraction(&self) -> Option<f64> {
        self.total.map(|t| match t {
            0 => 1.0,
            t => (self.rows as f64 / t as f64).min(1.0),
        })
    }

    /// Count one more page of `rows` rows, with the upstream's `total` from `start_offset` on.
    pub(crate) fn record(&mut self, rows: usize, total: Option<u64>, start_offset: u64) {
        self.pages += 1;
        self.rows += rows as u64;
        // A total smaller than the rows seen (rows added during the walk) is raised to them.
        self.total = total.map(|t| t.saturating_sub(start_offset).max(self.rows));
    }
}

impl fmt::Display for Progress {
    /// `1 page, 100 rows` or `3 pages, 300 of 1000 rows (30%)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pages = if self.pages == 1 { "page" } else { "pages" };
        write!(f, "{} {pages}, {}", self.pages, self.rows)?;
        match (self.total, self.fraction()) {
            (Some(t), Some(x)) => write!(f, " of {t} rows ({:.0}%)", (x * 100.0).floor()),
            _ => write!(f, " rows"),
        }
    }
}

/// A walk's progress callback.
pub(crate) type ProgressFn = Box<dyn FnMut(&Progress) + Send>;

#[cfg(test)]
mod tests {
    use super::Progress;

    #[test]
    fn records_pages_rows_and_the_total_from_the_start_offset() {
        let mut p = Progress::default();
        p.record(100, Some(250), 0);
        assert_eq!((p.pages, p.rows, p.total), (1, 100, Some(250)));
        assert_eq!(p.to_string(), "1 page, 100 of 250 rows (40%)");
        p.record(100, Some(250), 0);
        p.record(50, Some(250), 0);
        assert_eq!(p.to_string(), "3 pages, 250 of 250 rows (100%)");
        assert_eq!(p.fraction(), Some(1.0));

        let mut from_offset = Progress::default();
        from_offset.record(10, Some(250), 200);
        assert_eq!(from_offset.total, Some(50));

        let mut grown = Progress::default();
        grown.record(30, Some(20), 0);
        assert_eq!(grown.total, Some(30), "never fewer rows in all than seen");

        let mut unknown = Progress::default();
        unknown.record(7, None, 0);
        assert_eq!(
            (unknown.fraction(), unknown.to_string()),
            (None, "1 page, 7 rows".into())
        );
        assert_eq!(
            Progress {
                total: Some(0),
                ..unknown
            }
            .fraction(),
            Some(1.0)
        );
    }
}
