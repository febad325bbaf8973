//! A process forked after its budget's first call to Redis (a PHP-FPM master that made a call
//! before forking its workers) does not speak on its parent's connection: it opens its own.
//! Alone in its file, so no other test's thread is running when it forks.

mod shared_store;

use phonecom::budget::{Budget, BudgetConfig};
use shared_store::RedisServer;
use std::time::{Duration, Instant};

fn take(budget: &Budget) -> bool {
    let far = Instant::now() + Duration::from_secs(60);
    let pass = budget
        .pass("v4", "tok_fork_1", "GET /x")
        .expect("the budget is on");
    pass.acquire(far).is_ok()
}

#[test]
fn a_forked_process_opens_its_own_redis_connection() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let config: BudgetConfig = serde_json::from_value(serde_json::json!({
        "store": redis.url(), "v4": {"per_endpoint": 1000, "total": 1000}
    }))
    .unwrap();
    let budget = Budget::new(&config).unwrap();
    assert!(take(&budget)); // the parent's connection is open and pooled
    let before = redis.connections_received();
    // SAFETY: the child only uses the budget on this thread and leaves with _exit.
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0, "fork");
    if pid == 0 {
        let ok = (0..5).all(|_| take(&budget));
        unsafe { libc::_exit(if ok { 0 } else { 1 }) };
    }
    let mut status = 0;
    // SAFETY: waits for the child forked above.
    assert_eq!(unsafe { libc::waitpid(pid, &mut status, 0) }, pid);
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "the child's takes"
    );
    assert_eq!(
        redis.connections_received(),
        before + 2, // the child's own connection, and this check's
        "the child opened one connection of its own"
    );
    // The parent goes on on its pooled connection, and all 1 + 5 + 5 sends are counted in Redis.
    assert!((0..5).all(|_| take(&budget)));
    let sent: Vec<_> = redis
        .dump()
        .into_iter()
        .filter(|(k, _)| k.ends_with(":GET /x#sent"))
        .collect();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(
        sent[0].1.split(' ').count(),
        2 * 11,
        "members and scores: {sent:?}"
    );
}
