//! .xlsx export (feature `xlsx`): rust_xlsxwriter is too heavy for the app's first load,
//! so only the `peixun-xlsx` worker and native tools compile this module. `writer` renders
//! any [`crate::report::Report`]; each form maps itself to a report and calls it.

mod request;
mod writer;

use chrono::NaiveDate;

pub use request::{ExportRequest, export};
pub use writer::write_report;

use crate::summary::{SummaryTable, to_report};

/// 附件2 as a workbook with one sheet, 汇总表, for `unit` (填报单位) dated `date`.
pub fn summary_xlsx(table: &SummaryTable, unit: &str, date: NaiveDate) -> Result<Vec<u8>, String> {
    write_report(&to_report(table, unit, date), date)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
