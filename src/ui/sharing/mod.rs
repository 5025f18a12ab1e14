//! Sharing between units: export bundles, import them from a file picker or a drop
//! anywhere on the page, with a preview before anything changes.

mod damaged;
mod export;
mod import;
mod plan_list;
mod preview;
mod results;
mod rule_sets;
mod unlock;

pub use export::{export_applications, write_application_bundle};
pub use import::{ImportButton, ImportUi, files_of, listen_for_drops, read_text};
pub use preview::{ImportPreview, Preview};
