//! Targets for what a caller configures and passes to a call: the config document, the
//! environment, and the parameters of any catalog operation.

use super::{client, operation, show, split_first_line};
use phonecom::{Client, Config, Result};
use serde_json::Value;

/// A config document ([`Config::from_json`]); a config that passes builds a client (its proxy
/// is parsed then) and both print their Debug forms.
pub fn config_json(data: &[u8]) {
    build(Config::from_json(&String::from_utf8_lossy(data)));
}

/// `NAME=VALUE` lines as the environment ([`Config::from_lookup`]); the last line for a name wins.
pub fn config_env(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let vars: Vec<(&str, &str)> = text.lines().filter_map(|l| l.split_once('=')).collect();
    build(Config::from_lookup(|name| {
        vars.iter()
            .rev()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }));
}

fn build(config: Result<Config>) {
    match config.and_then(|c| {
        let _ = format!("{c:?}");
        Client::new(c)
    }) {
        Ok(client) => {
            let _ = format!("{client:?}");
        }
        Err(e) => show(&e),
    }
}

/// `OPERATION\nPARAMS`: everything a call of OPERATION does before sending with those
/// parameters (JSON; other text is passed as a string, which the call refuses):
/// [`phonecom::fuzzing::check_call`]. `path` members are dropped: a file parameter given by path
/// reads that file, and a fuzzer must not read `/dev/zero`.
pub fn validate(data: &[u8]) {
    let (name, rest) = split_first_line(data);
    let op = operation(&name, |_| true);
    let mut params = serde_json::from_slice::<Value>(rest)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(rest).into_owned()));
    drop_paths(&mut params);
    if let Err(e) = phonecom::fuzzing::check_call(&client(), &op.name, params) {
        show(&e);
    }
}

fn drop_paths(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.remove("path");
            m.values_mut().for_each(drop_paths);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_paths),
        _ => {}
    }
}
