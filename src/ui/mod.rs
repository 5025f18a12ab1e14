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
mod export_status;
mod failure;
mod lazy;
mod list;
mod nav;
pub mod pages;
pub mod perf;
pub mod route;
pub mod rule_sets;
pub mod seal_export;
mod sealing;
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
    if !crate::storage::has_saved_data() {
        // Nothing to read: the reader's chunk comes when another tab's write must be read.
        return mount(crate::storage::Loaded::default());
    }
    // The reader of stored drafts is a chunk (the loader preloads it beside the first
    // module when something is saved). If it cannot be fetched, nothing is shown and
    // nothing written.
    wasm_bindgen_futures::spawn_local(async {
        let loaded = match lazy::reader().await {
            Ok(reader) => {
                crate::storage::set_reader(reader);
                (reader.load_all)()
            }
            Err(lazy::Unavailable) => crate::storage::Loaded::unavailable(),
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
