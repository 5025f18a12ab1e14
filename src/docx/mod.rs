//! 附件1 and 单位总体排序意见 as Word files. `form` (always built) lays each out as a
//! [`form::Document`], which the editor's print view shows too; the writer (feature `docx`,
//! only in the `peixun-xlsx` export worker and native tools) turns documents into .docx.
//!
//! Written by hand over the zip writer rust_xlsxwriter already brings into the worker,
//! rather than with docx-rs: docx-rs (0.4, default features off) adds about 115 KB brotli
//! to the worker and a second version of the zip crate, keeps control characters that make
//! Word refuse the file, and writes line breaks as an escaped newline that Word shows as a
//! space. The parts written here are the few a form needs (docs/PERFORMANCE.md).
//!
//! Several applications are one .docx, one section each (a new page, page numbers from 1):
//! an office prints and stamps the set in one go and files one document; the editor exports
//! a single application's form on its own.

pub mod form;
#[cfg(feature = "docx")]
mod package;
#[cfg(feature = "docx")]
mod request;
#[cfg(feature = "docx")]
pub mod xml;

#[cfg(feature = "docx")]
pub use package::write_docx;
#[cfg(feature = "docx")]
pub use request::{DocxRequest, export, is_docx};

#[cfg(all(test, feature = "docx", not(target_arch = "wasm32")))]
mod tests;
