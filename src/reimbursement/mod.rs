//! 《中国科学院因公出国（境）院内资助费用核销表（单位）》 (notice 二(六)):
//! one row per person per trip for a Sep 1 – Aug 31 period, money in exact fen with totals, the settlement
//! window, and CSV through the one CSV writer (`summary::write_csv`).

mod report;
mod table;

pub use report::{SHEET_NAME, to_report};
pub use table::{Amounts, COLUMNS, ReimbursementRow, ReimbursementTable, TITLE};

#[cfg(test)]
mod tests;
