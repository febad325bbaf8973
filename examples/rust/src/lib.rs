//! What every example shares: a client for the sandbox the example starts itself, or for the
//! hosts of the config file named by `PHONECOM_CONFIG`.

use phonecom::{Client, Config, Error, ErrorKind};
use phonecom_sandbox::Sandbox;

/// A client, and the sandbox it talks to when the example started one (keep it alive: dropping
/// it stops the sandbox). With `PHONECOM_CONFIG` set, that config file is used and no sandbox
/// starts; otherwise a sandbox starts on loopback and `step 0` says where.
pub fn connect() -> Result<(Option<Sandbox>, Client), Error> {
    if let Ok(path) = std::env::var("PHONECOM_CONFIG") {
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Error::new(
                ErrorKind::Validation,
                format!("PHONECOM_CONFIG {path}: {e}"),
            )
        })?;
        return Ok((None, Client::new(Config::from_json(&text)?)?));
    }
    let sandbox =
        Sandbox::start().map_err(|e| Error::new(ErrorKind::Transport, format!("sandbox: {e}")))?;
    println!("step 0: sandbox listening on {}", sandbox.base_url());
    let client = Client::new(Config::from_value(sandbox.config())?)?;
    Ok((Some(sandbox), client))
}

/// Run `f`; print its error and exit 1 if it fails.
pub fn main_with(f: impl FnOnce() -> Result<(), Error>) {
    if let Err(e) = f() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
