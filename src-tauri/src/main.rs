//! Starts the desktop app; `--version` prints its name and version and ends
//! (the installer check runs it so, without a window).
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if std::env::args().nth(1).as_deref() == Some("--version") {
        println!("{} {}", env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"));
        return;
    }
    app_lib::run();
}
