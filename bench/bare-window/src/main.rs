//! A window with one static page and nothing else; prints `page loaded` when
//! the page has loaded, as the app logs it, so bench/startup.sh can time both.

use tauri::webview::PageLoadEvent;

fn main() {
    tauri::Builder::default()
        .on_page_load(|_, payload| {
            if payload.event() == PageLoadEvent::Finished {
                println!("page loaded");
            }
        })
        .run(tauri::generate_context!())
        .expect("the Tauri runtime starts");
}
