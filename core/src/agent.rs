//! How the transport's HTTP agent (ureq, with its keep-alive pool) is made.
//!
//! A client resolves everything its agent depends on once, when it is built ([`AgentRecipe::new`]:
//! the User-Agent, the proxy from the configuration or the environment, the trusted CA
//! certificates read and checked), so that bad settings are refused before anything is sent.
//! The agent itself is made from the recipe in the process that uses it ([`AgentRecipe::agent`]),
//! which lets [`crate::shared_clients`] make a fresh one after a `fork()` instead of sharing the
//! parent's pooled sockets.
//!
//! ```ignore
//! let recipe = AgentRecipe::new(&config, "php")?;   // validation errors name the field
//! let agent = recipe.agent();                       // a new, empty connection pool
//! ```

use crate::config::Config;
use crate::error::Result;
use crate::resolve::CachingResolver;
use crate::steady_timeouts::SteadyTimeouts;
use std::hash::{Hash, Hasher};

/// Everything an agent is made from, resolved and checked.
#[derive(Clone)]
pub(crate) struct AgentRecipe {
    config: ureq::config::Config,
    /// The User-Agent sent on every request.
    pub(crate) user_agent: String,
    /// The selected proxy's password (configured or from the environment), to be masked.
    pub(crate) proxy_password: Option<String>,
    /// The DER bytes of the trusted CA certificates given in the configuration (empty: the
    /// built-in roots).
    ca_der: Vec<u8>,
}

impl AgentRecipe {
    /// The recipe `config` describes for the binding called `binding` (refused, naming the
    /// field, when the proxy or the CA certificates are not usable).
    pub(crate) fn new(config: &Config, binding: &str) -> Result<AgentRecipe> {
        let proxy = crate::proxy::select(config.proxy.as_deref(), |k| std::env::var(k).ok())?;
        let proxy_password = proxy
            .as_ref()
            .and_then(|p| p.password())
            .map(str::to_string);
        let mut user_agent = format!(
            "libphonecom/{} ({binding}; {} {})",
            crate::VERSION,
            std::env::consts::OS,
            std::env::consts::ARCH
        );
        if let Some(app) = &config.app_info {
            user_agent.push(' ');
            user_agent.push_str(&app.user_agent_suffix());
        }
        let trusted = config.tls.trusted_roots()?;
        let tls = ureq::tls::TlsConfig::builder()
            .root_certs(trusted.roots)
            .build();
        let agent_config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(config.connect_timeout()))
            .timeout_global(Some(config.attempt_timeout()))
            .max_redirects(0)
            .user_agent(user_agent.as_str())
            // Both limits, or ureq's overall default of 10 idle connections closes the rest: up
            // to `pool_size` calls in flight reuse connections instead of opening new ones.
            .max_idle_connections(config.pool_size)
            .max_idle_connections_per_host(config.pool_size)
            .proxy(proxy)
            .tls_config(tls)
            .build();
        Ok(AgentRecipe {
            config: agent_config,
            user_agent,
            proxy_password,
            ca_der: trusted.der,
        })
    }

    /// A new agent with an empty connection pool.
    pub(crate) fn agent(&self) -> ureq::Agent {
        use ureq::unversioned::transport::{Connector, DefaultConnector};
        ureq::Agent::with_parts(
            self.config.clone(),
            DefaultConnector::new().chain(SteadyTimeouts),
            CachingResolver::default(),
        )
    }

    /// Feed what makes two recipes' agents differ into `state` (the proxy's password included:
    /// callers hash it with a per-process key and keep only the hash).
    pub(crate) fn hash_into(&self, state: &mut impl Hasher) {
        format!("{:?}", self.config).hash(state);
        self.proxy_password.hash(state);
        self.ca_der.hash(state);
    }
}
