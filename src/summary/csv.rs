//! CSV for Excel: a UTF-8 byte-order mark (else Excel reads GBK), CRLF line ends, RFC 4180
//! quoting, and no formulas: a cell a person typed is never run by the spreadsheet. Every
//! table the app exports (附件2, the 核销表) goes through [`write_csv`].
//!
//! Cells are typed ([`Cell`]), so nothing is guessed from a cell's characters:
//!
//! - a number (`Cell::Int`, `Cell::Money`) is written plainly, `-1234.56` or `14`: no `¥`,
//!   no thousands separator, negative ones included, so the spreadsheet reads, sorts and
//!   sums it as a number;
//! - text (`Cell::Text`, and the header) starting with `=`, `+`, `-`, `@`, a tab or a CR
//!   gets a leading `'` ([`guard_formula`]). That holds for text that looks like a number
//!   too: "-5 天" and "-1234.56" typed into a text field (项目名称, 姓名 …) are written
//!   `'-5 天` and `'-1234.56`, text as typed, never a number or a formula. Text that starts
//!   with a digit ("12", "2020-06-01 至 …") needs no guard; the spreadsheet may read a bare
//!   "12" as the number 12, which runs nothing.

use std::borrow::Borrow;

use super::report::cells;
use super::table::{COLUMNS, SummaryTable};
use crate::report::Cell;

/// 附件2 as CSV: the rows, then the total rows, typed as the XLSX types them (排序, 人数,
/// 培训天数 are numbers).
pub fn to_csv(table: &SummaryTable) -> String {
    let totals = table.totals.rows();
    let rows = table.rows.iter().map(|r| cells(r.cells().into_iter()));
    write_csv(&COLUMNS, rows.chain(totals.iter().map(|r| cells(r.iter().map(String::as_str)))))
}

/// Any table: one header line, then one line per row of typed cells.
pub fn write_csv<R>(headers: &[&str], rows: impl IntoIterator<Item = R>) -> String
where
    R: IntoIterator,
    R::Item: Borrow<Cell>,
{
    let mut out = String::from('\u{feff}');
    push_row(&mut out, headers.iter().map(|h| text(h)));
    for row in rows {
        push_row(&mut out, row.into_iter().map(|c| cell(c.borrow())));
    }
    out
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, c) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&c);
    }
    out.push_str("\r\n");
}

/// A number as the spreadsheet reads one; text guarded and quoted.
fn cell(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Int(n) => n.to_string(),
        Cell::Money(m) => m.plain(),
        Cell::Text(s) => text(s),
    }
}

fn text(s: &str) -> String {
    quote(&guard_formula(s))
}

/// A cell starting with = + - @ (or a tab or CR) gets a leading `'`, which Excel shows as
/// text instead of evaluating (CSV injection). Only for text: numbers are never guarded.
pub fn guard_formula(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\r', '\n']) { format!("\"{}\"", cell.replace('"', "\"\"")) } else { cell.to_string() }
}
