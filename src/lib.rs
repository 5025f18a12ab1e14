//! peixun: the 2020 CAS overseas-training application helper.
//!
//! The core (everything but `ui`, `storage` and the native `cli`) is pure: no browser, no
//! clock, no I/O.
//! It compiles and is tested natively, and powers both the web app and `peixun-check`.

pub mod backup;
pub mod bundle;
pub mod calendar;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod docx;
pub mod execution;
pub mod json;
pub mod list_query;
pub mod model;
pub mod reimbursement;
pub mod report;
pub mod rule_set;
pub mod rules;
pub mod sample;
pub mod sealed;
pub mod selection;
pub mod summary;
pub mod workspace;
#[cfg(feature = "xlsx")]
pub mod xlsx;

#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
