//! What clients of one configuration share in one process: the connection pool (the HTTP
//! agent), the rate budget and the store of unfinished sign-ups.
//!
//! A PHP-FPM worker builds a client for every request and drops it at the end, but the worker
//! process lives for thousands of requests. Clients built from the same configuration (and the
//! same binding name) therefore take their pool, budget and sign-up store from a process-wide
//! registry instead of making new ones: the second request's call reuses the first request's
//! TLS connection, and the budget counts every request's calls together.
//!
//! ```
//! use phonecom::{Client, Config};
//! let config = Config::from_json(r#"{"v4": {"token": "tok_partner_1"}}"#)?;
//! let first = Client::new(config.clone())?;
//! drop(first);                           // the end of a PHP request
//! let second = Client::new(config)?;     // the next request: the same, still warm, pool
//! # Ok::<(), phonecom::Error>(())
//! ```
//!
//! - **Key.** Every setting of the configuration, the binding name, the proxy chosen from the
//!   environment and the trusted CA certificates' bytes, hashed with a key drawn at random once
//!   per process; only the 64-bit hash is kept, so no secret is held as text by the registry and
//!   the hash of a password cannot be checked against guesses outside the process. Clients that
//!   differ in anything (another token, another timeout) get their own entry; clients derived
//!   from one ([`Client::with_v4_token`](crate::Client::with_v4_token)) share its entry.
//! - **Bound.** At most [`MAX_CONFIGURATIONS`] configurations are kept; past that the oldest is
//!   forgotten (clients still holding it keep working; the next client of that configuration
//!   starts a new entry).
//! - **Fork safety.** Nothing made before a `fork()` is used after it in the child: the pool's
//!   sockets (a TLS connection used by two processes corrupts both), a store's connections. Each
//!   entry makes its pool, budget and sign-up store in the process that uses them and remembers
//!   that process's id; a call from another process id (a child of `fork()`, e.g. a PHP-FPM
//!   worker forked from a master that preloaded the library, or `pcntl_fork()`) makes new ones
//!   and drops the inherited ones (which only closes the child's copies of the sockets: the
//!   parent's connections stay open and usable). The child starts with an empty budget and no
//!   unfinished sign-ups of its parent. As with any lock and `fork()`, fork from a thread while
//!   no other thread of the process is building or calling a client.
//! - **Opting out.** `"share_across_clients": false` (`PHONECOM_SHARE_ACROSS_CLIENTS=0`) gives a
//!   client its own pool, budget and store, as before.

use crate::agent::AgentRecipe;
use crate::budget::{Budget, BudgetConfig, StateConfig};
use crate::config::Config;
use crate::error::Result;
use crate::express::PendingSignups;
use std::collections::hash_map::RandomState;
use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::{Arc, Mutex, OnceLock};

/// The most configurations the registry keeps at once.
pub const MAX_CONFIGURATIONS: usize = 64;

/// What the clients of one configuration share, made anew in each process that uses it.
pub(crate) struct Shared {
    recipe: AgentRecipe,
    budget: BudgetConfig,
    /// Kept to open the sign-up store again after a `fork()` (its key is a [`Secret`]
    /// (crate::secret::Secret): masked in `Debug`, never logged).
    state: StateConfig,
    here: Mutex<Option<ProcessState>>,
}

/// One process's pool, budget and sign-up store.
#[derive(Clone)]
pub(crate) struct ProcessState {
    pid: u32,
    /// The HTTP agent and its keep-alive pool (cloning shares the pool).
    pub(crate) agent: ureq::Agent,
    /// The rate budget.
    pub(crate) budget: Arc<Budget>,
    /// Generated passwords of unfinished sign-ups.
    pub(crate) pending_signups: Arc<PendingSignups>,
}

impl Shared {
    /// The entry for `config` and `binding`: the registry's when the configuration shares, a
    /// new one of its own otherwise. Everything is checked (and made for this process) now, so
    /// that bad settings are refused before anything is sent.
    pub(crate) fn for_config(config: &Config, binding: &str) -> Result<Arc<Shared>> {
        let recipe = AgentRecipe::new(config, binding)?;
        let make = || -> Result<Arc<Shared>> {
            let shared = Shared {
                here: Mutex::new(Some(ProcessState::new(
                    &recipe,
                    &config.budget,
                    &config.state,
                )?)),
                recipe: recipe.clone(),
                budget: config.budget.clone(),
                state: config.state.clone(),
            };
            Ok(Arc::new(shared))
        };
        if !config.share_across_clients {
            return make();
        }
        let key = registry_key(config, binding, &recipe);
        let mut registry = registry().lock().unwrap_or_else(|p| p.into_inner());
        if let Some(found) = registry.entries.get(&key) {
            return Ok(found.clone());
        }
        let made = make()?;
        registry.insert(key, made.clone());
        Ok(made)
    }

    /// This process's pool, budget and sign-up store (made now when this process has none yet:
    /// the first call after a `fork()`).
    pub(crate) fn here(&self) -> Result<ProcessState> {
        self.here_in(crate::process::id())
    }

    fn here_in(&self, pid: u32) -> Result<ProcessState> {
        let mut here = self.here.lock().unwrap_or_else(|p| p.into_inner());
        match here.as_ref() {
            Some(state) if state.pid == pid => Ok(state.clone()),
            _ => {
                let fresh = ProcessState::new_in(&self.recipe, &self.budget, &self.state, pid)?;
                // The inherited state is dropped here: that closes only this process's copies of
                // its sockets.
                *here = Some(fresh.clone());
                Ok(fresh)
            }
        }
    }

    /// The User-Agent every request of these clients sends.
    pub(crate) fn user_agent(&self) -> &str {
        &self.recipe.user_agent
    }

    /// The password of the proxy in use, if it has one.
    pub(crate) fn proxy_password(&self) -> Option<&str> {
        self.recipe.proxy_password.as_deref()
    }
}

impl ProcessState {
    fn new(recipe: &AgentRecipe, budget: &BudgetConfig, state: &StateConfig) -> Result<Self> {
        ProcessState::new_in(recipe, budget, state, crate::process::id())
    }

    fn new_in(
        recipe: &AgentRecipe,
        budget: &BudgetConfig,
        state: &StateConfig,
        pid: u32,
    ) -> Result<ProcessState> {
        Ok(ProcessState {
            pid,
            agent: recipe.agent(),
            budget: Arc::new(Budget::new(budget)?),
            pending_signups: PendingSignups::from_config(budget, state)?,
        })
    }
}

/// The process-wide entries, by key, oldest first in `order`.
#[derive(Default)]
struct Registry {
    entries: HashMap<u64, Arc<Shared>>,
    order: VecDeque<u64>,
}

impl Registry {
    fn insert(&mut self, key: u64, shared: Arc<Shared>) {
        if self.order.len() >= MAX_CONFIGURATIONS {
            if let Some(oldest) = self.order.pop_front() {
                self.entries.remove(&oldest);
            }
        }
        self.order.push_back(key);
        self.entries.insert(key, shared);
    }
}

/// Forget every configuration the registry keeps: its pools, budgets and sign-up stores are
/// dropped (closing their connections) once no client holds them; clients still alive keep
/// theirs and work on, and the next client of a configuration starts a new entry. The C library
/// calls this when the process exits, so pooled connections close cleanly and leak checkers find
/// nothing left behind; a long-running process may call it to let idle connections go. Does
/// nothing while another thread is using the registry.
///
/// ```
/// phonecom::shared_clients::forget_all();
/// ```
pub fn forget_all() {
    if let Ok(mut registry) = registry().try_lock() {
        *registry = Registry::default();
    }
}

fn registry() -> &'static Mutex<Registry> {
    static REGISTRY: OnceLock<Mutex<Registry>> = OnceLock::new();
    REGISTRY.get_or_init(Mutex::default)
}

/// A keyed hash of everything that makes two clients' shared parts differ; secrets enter only
/// the hash.
fn registry_key(config: &Config, binding: &str, recipe: &AgentRecipe) -> u64 {
    static KEY: OnceLock<RandomState> = OnceLock::new();
    let mut state = KEY.get_or_init(RandomState::new).build_hasher();
    // `Debug` shows every setting, secrets masked; the secrets themselves are added after it.
    format!("{config:?}").hash(&mut state);
    config.secret_values().hash(&mut state);
    config.xml.username.hash(&mut state);
    binding.hash(&mut state);
    recipe.hash_into(&mut state);
    state.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(json: &str) -> Config {
        Config::from_json(json).unwrap()
    }

    #[test]
    fn the_same_configuration_shares_and_any_difference_does_not() {
        let a = config(r#"{"v4": {"token": "tok_registry_a"}, "pool_size": 3}"#);
        let first = Shared::for_config(&a, "rust").unwrap();
        assert!(Arc::ptr_eq(
            &first,
            &Shared::for_config(&a, "rust").unwrap()
        ));
        for other in [
            r#"{"v4": {"token": "tok_registry_b"}, "pool_size": 3}"#,
            r#"{"v4": {"token": "tok_registry_a"}, "pool_size": 4}"#,
            r#"{"v4": {"token": "tok_registry_a"}, "pool_size": 3, "share_across_clients": false}"#,
        ] {
            let shared = Shared::for_config(&config(other), "rust").unwrap();
            assert!(!Arc::ptr_eq(&first, &shared), "{other}");
        }
        assert!(!Arc::ptr_eq(
            &first,
            &Shared::for_config(&a, "php").unwrap()
        ));
    }

    #[test]
    fn a_new_process_id_gets_a_new_pool_budget_and_sign_up_store() {
        let c = config(r#"{"v4": {"token": "tok_registry_pid"}}"#);
        let shared = Shared::for_config(&c, "rust").unwrap();
        let parent = shared.here().unwrap();
        parent
            .pending_signups
            .remember("user-1", &crate::secret::Secret::new("password-123"));
        let child = shared.here_in(parent.pid.wrapping_add(1)).unwrap();
        assert!(!Arc::ptr_eq(&parent.budget, &child.budget));
        assert!(!Arc::ptr_eq(
            &parent.pending_signups,
            &child.pending_signups
        ));
        assert!(child.pending_signups.get("user-1").is_none());
        let again = shared.here_in(child.pid).unwrap();
        assert!(
            Arc::ptr_eq(&child.budget, &again.budget),
            "made once per process"
        );
    }

    #[test]
    fn the_registry_is_bounded_and_forgets_the_oldest_first() {
        let mut registry = Registry::default();
        let c = config("{}");
        let shared = Shared::for_config(&c, "rust").unwrap();
        for key in 0..(MAX_CONFIGURATIONS as u64 + 5) {
            registry.insert(key, shared.clone());
        }
        assert_eq!(registry.entries.len(), MAX_CONFIGURATIONS);
        assert!(!registry.entries.contains_key(&0));
        assert!(registry
            .entries
            .contains_key(&(MAX_CONFIGURATIONS as u64 + 4)));
    }

    #[test]
    fn the_key_depends_on_secrets_without_holding_them() {
        let a = config(r#"{"xml": {"username": "partner-a", "password": "pw-aaaa"}}"#);
        let b = config(r#"{"xml": {"username": "partner-a", "password": "pw-bbbb"}}"#);
        let recipe = AgentRecipe::new(&a, "rust").unwrap();
        assert_ne!(
            registry_key(&a, "rust", &recipe),
            registry_key(&b, "rust", &recipe)
        );
    }
}
