//! A walk over many pages reports its progress after each page (issue 14 item 10): pages and
//! rows so far, and the total when the upstream says it, against the sandbox.

mod common;

use phonecom::Progress;
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};

/// The reports a walk made, collected by its callback.
fn recorder() -> (
    Arc<Mutex<Vec<Progress>>>,
    impl FnMut(&Progress) + Send + 'static,
) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = seen.clone();
    (seen, move |p: &Progress| sink.lock().unwrap().push(*p))
}

/// What a walk of `total` rows, `limit` a page, reports: one line per page.
fn expected(total: u64, limit: u64) -> Vec<Progress> {
    (1..=total.div_ceil(limit))
        .map(|page| Progress {
            pages: page,
            rows: (page * limit).min(total),
            total: Some(total),
        })
        .collect()
}

#[test]
fn a_v4_walk_reports_pages_rows_and_the_total_after_each_page() {
    let env = common::start();
    let total = env
        .client
        .call("v4.list-available-phone-numbers", json!({"limit": 1}))
        .unwrap()["total"]
        .as_u64()
        .unwrap();
    assert!(
        total > 1000,
        "the seeded inventory is thousands of rows ({total})"
    );

    let (seen, report) = recorder();
    let mut rows = 0u64;
    let items = env
        .client
        .items::<Value>("v4.list-available-phone-numbers", json!({"limit": 500}))
        .unwrap()
        .on_progress(report);
    assert_eq!(
        items.progress(),
        Progress::default(),
        "nothing before the first page"
    );
    for row in items {
        row.unwrap();
        rows += 1;
        // Reported before the page's rows are handed out: never behind the rows seen.
        assert!(seen.lock().unwrap().last().unwrap().rows >= rows);
    }
    assert_eq!(rows, total);
    assert_eq!(*seen.lock().unwrap(), expected(total, 500));

    // Starting at an offset: the total is what this walk yields, so the fraction reaches 1.
    let (seen, report) = recorder();
    let pages = env
        .client
        .pages(
            "v4.list-available-phone-numbers",
            json!({"limit": 300, "offset": total - 700}),
        )
        .unwrap()
        .on_progress(report);
    assert_eq!(pages.map(|p| p.unwrap().items.len()).sum::<usize>(), 700);
    let seen = seen.lock().unwrap();
    assert_eq!(*seen, expected(700, 300));
    assert_eq!(seen.last().unwrap().fraction(), Some(1.0));
    assert_eq!(
        seen.last().unwrap().to_string(),
        "3 pages, 700 of 700 rows (100%)"
    );
}

#[test]
fn a_walk_with_no_upstream_total_reports_none_and_a_failed_page_reports_nothing() {
    let env = common::start();
    // xml.getCallList reports no total: the 1,500 seeded calls in windows, 400 rows a page.
    let (seen, report) = recorder();
    let mut pages = env
        .client
        .pages(
            "xml.getCallList",
            json!({"startTime": 1_704_067_200, "endTime": 1_711_929_599, "limit": 400}),
        )
        .unwrap()
        .on_progress(report);
    let rows: usize = pages.by_ref().map(|p| p.unwrap().items.len()).sum();
    assert_eq!(rows, 1500);
    let want: Vec<Progress> = [400, 800, 1200, 1500]
        .iter()
        .enumerate()
        .map(|(i, &rows)| Progress {
            pages: i as u64 + 1,
            rows,
            total: None,
        })
        .collect();
    assert_eq!(*seen.lock().unwrap(), want);
    assert_eq!(pages.progress(), want[3]);
    assert_eq!(want[3].to_string(), "4 pages, 1500 rows");

    // A page that fails is not counted and not reported.
    let (seen, report) = recorder();
    let mut pages = env
        .client
        .pages("v4.list-available-phone-numbers", json!({"limit": 100}))
        .unwrap()
        .on_progress(report);
    pages.next().unwrap().unwrap();
    env.fault("GET", "/v4/phone-numbers/available", "status=404", 1);
    assert!(pages.next().unwrap().is_err());
    assert_eq!(seen.lock().unwrap().len(), 1);
    assert_eq!(pages.progress().pages, 1);
}
