//! `portal-sandbox [--port N] [--database PATH] [--auto-advance-secs N]
//! [--admin-token TOKEN] [--signing-key FILE]`: runs the sandbox portal on
//! 127.0.0.1, prints its base URL and then its admin token (this is a
//! developer tool), and stops on Ctrl-C. The signing key file holds the
//! standard base64 of a 32-byte Ed25519 seed.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use portal_sandbox::{ADMIN_TOKEN_HEADER, Config, Sandbox, TEST_ACCOUNTS};

const USAGE: &str = "usage: portal-sandbox [--port N] [--database PATH] [--auto-advance-secs N] \
                     [--admin-token TOKEN] [--signing-key FILE]";

/// The Ed25519 seed in `path`: standard base64 of 32 bytes.
fn signing_seed(path: &str) -> Result<[u8; 32], String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("--signing-key: cannot read the file: {e}"))?;
    let bytes = STANDARD
        .decode(text.trim())
        .map_err(|_| "--signing-key: the file must hold standard base64".to_owned())?;
    <[u8; 32]>::try_from(bytes).map_err(|_| "--signing-key: the seed must be 32 bytes".to_owned())
}

fn parse(args: impl IntoIterator<Item = String>) -> Result<(u16, Config), String> {
    let mut port = 0;
    let mut config = Config::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--port" => {
                port = value()?
                    .parse()
                    .map_err(|_| format!("--port takes a number\n{USAGE}"))?
            }
            "--database" => config.database = Some(PathBuf::from(value()?)),
            "--auto-advance-secs" => {
                let secs: u64 = value()?
                    .parse()
                    .map_err(|_| format!("--auto-advance-secs takes a number\n{USAGE}"))?;
                config.auto_advance = (secs > 0).then(|| Duration::from_secs(secs));
            }
            "--admin-token" => {
                let token = value()?;
                if token.is_empty() {
                    return Err(format!("--admin-token must not be empty\n{USAGE}"));
                }
                config.admin_token = Some(token);
            }
            "--signing-key" => config.signing_key = Some(signing_seed(&value()?)?),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok((port, config))
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("portal_sandbox=info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let (port, config) = match parse(std::env::args().skip(1)) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let sandbox = match Sandbox::start_on(SocketAddr::from((Ipv4Addr::LOCALHOST, port)), config).await {
        Ok(sandbox) => sandbox,
        Err(e) => {
            eprintln!("portal-sandbox: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("{}", sandbox.base_url());
    println!("{ADMIN_TOKEN_HEADER}: {}", sandbox.admin_token());
    let accounts: Vec<&str> = TEST_ACCOUNTS.iter().map(|a| a.id).collect();
    eprintln!("test accounts: {}; Ctrl-C stops", accounts.join(", "));
    if let Err(e) = tokio::signal::ctrl_c().await {
        eprintln!("portal-sandbox: cannot wait for Ctrl-C: {e}");
    }
    sandbox.stop().await;
    ExitCode::SUCCESS
}
