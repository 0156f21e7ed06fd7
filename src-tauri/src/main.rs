//! Starts the desktop app. Two arguments answer in the terminal and end,
//! without a window: `--version` prints the app's name and version (the
//! installer check runs it so), and `--unverified` lists the catalog's facts
//! that no verified source backs, for officers and maintainers.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("--version") => println!("{} {}", env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION")),
        Some("--unverified") => app_lib::unverified::print(),
        _ => app_lib::run(),
    }
}
