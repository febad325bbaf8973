//! Clients built one after another from one configuration (a PHP-FPM worker builds one per
//! request) share one connection pool in the process; `share_across_clients: false` gives each
//! its own. Counts of TCP connections to the sandbox over loopback ([`common::client_ports`]),
//! no timings.

#![cfg(target_os = "linux")]

mod common;

use phonecom::{Client, Config};
use serde_json::json;

/// The TCP connections to the sandbox after `clients` clients, each built from `env`'s config,
/// made one call and were dropped (as at the end of a PHP request).
fn connections_after_clients(env: &common::Env, clients: usize) -> usize {
    let config = Config::from_value(env.config.clone()).unwrap();
    for _ in 0..clients {
        let client = Client::new(config.clone()).unwrap();
        client.call("v4.get-account", json!({})).unwrap();
    }
    common::client_ports(common::sandbox_port(env)).len()
}

#[test]
fn clients_of_one_configuration_built_one_after_another_reuse_one_connection() {
    let env = common::start();
    let opened = connections_after_clients(&env, 20);
    assert_eq!(
        opened, 1,
        "20 clients of one configuration opened {opened} connections"
    );
}

#[test]
fn clients_that_do_not_share_open_a_connection_each() {
    let env = common::start_with(|c| c["share_across_clients"] = json!(false));
    let opened = connections_after_clients(&env, 5);
    assert_eq!(
        opened, 5,
        "5 clients with sharing off opened {opened} connections"
    );
}

#[test]
fn clients_with_different_credentials_do_not_share_a_budget_or_pool() {
    let env = common::start();
    let mut other = env.config.clone();
    other["v4"]["token"] = json!("tok_another_partner_1");
    let other = Client::new(Config::from_value(other).unwrap()).unwrap();
    env.client.call("v4.get-account", json!({})).unwrap();
    // The sandbox refuses the unknown token: the call is made on a connection of its own.
    let _ = other.call("v4.get-account", json!({}));
    let opened = common::client_ports(common::sandbox_port(&env)).len();
    assert_eq!(opened, 2, "two configurations, {opened} connections");
}
