//! 附件2《因公出国（境）培训项目计划申请汇总表》 (SPEC §5): one row per application in
//! ranking order, every cell already a display string, plus the totals per category and
//! for the key fields; `to_csv` renders it for Excel, `to_report` describes the printable
//! sheet (title, 填报单位, date) that the XLSX writer renders.

pub mod bureau;
mod csv;
mod report;
mod table;
mod totals;

pub use csv::{guard_formula, to_csv, write_csv};
pub use report::{SHEET_NAME, TITLE, date_line, to_report};
pub(crate) use table::country_cell;
pub use table::priority_labels;
pub use table::{COLUMNS, SummaryRow, SummaryTable};
pub use totals::{CategoryTotal, KeyFieldsTotal, Totals};
