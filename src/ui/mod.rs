//! The thin UI: Leptos components that render what the core computes. No rule is
//! re-implemented here; pages show the core's findings.

mod app;
pub mod backup;
pub mod card;
pub mod clock;
pub mod docx;
pub mod download;
pub mod editor;
pub mod execution;
mod failure;
mod lazy;
mod list;
mod nav;
pub mod pages;
pub mod perf;
pub mod route;
pub mod rule_sets;
pub mod sharing;
pub mod state;
mod status;
pub mod unit;
pub mod xlsx;

pub use app::{App, focus_by_id, page_arrived, want_heading};

use leptos::prelude::*;

/// Mounts the app on `<body>` and tells the page it is interactive.
pub fn start() {
    failure::install_panic_hook();
    // The reader of stored drafts is a chunk (the loader preloads it beside the first
    // module): the app starts once it is here, so that no tab ever runs without it (a
    // tab that could not compare another tab's settings lost a 核销表 row). If it cannot
    // be fetched, saved drafts are shown as unreadable and nothing is written.
    wasm_bindgen_futures::spawn_local(async {
        let saved = crate::storage::has_saved_data();
        let loaded = match lazy::reader().await {
            Ok(reader) => {
                crate::storage::set_reader(reader);
                if saved { (reader.load_all)() } else { crate::storage::Loaded::default() }
            }
            Err(lazy::Unavailable) if saved => crate::storage::Loaded::unavailable(),
            Err(lazy::Unavailable) => crate::storage::Loaded::default(),
        };
        mount(loaded);
    });
}

fn mount(loaded: crate::storage::Loaded) {
    leptos::mount::mount_to_body(move || {
        provide_state(loaded);
        App()
    });
    mark_interactive();
    lazy::preload_editor();
}

/// The store over what was read at start, and the backup record, in context for the app.
pub fn provide_state(mut loaded: crate::storage::Loaded) {
    let backup = loaded.backup.take();
    state::Store::new(loaded).provide();
    backup::Backups::provide(backup);
}

/// `performance.mark("peixun-interactive")` and `<html data-ready>`: what the bench
/// and the end-to-end tests wait for.
fn mark_interactive() {
    let window = window();
    if let Some(p) = window.performance() {
        let _ = p.mark("peixun-interactive");
    }
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-ready", "1");
    }
}
