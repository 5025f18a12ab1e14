//! CSV for Excel: a UTF-8 byte-order mark (else Excel reads GBK), CRLF line ends, RFC 4180
//! quoting, and no formulas: a cell a person typed is never run by the spreadsheet.

use super::table::{COLUMNS, SummaryTable};

pub fn to_csv(table: &SummaryTable) -> String {
    let mut out = String::from('\u{feff}');
    push_row(&mut out, COLUMNS.iter().copied());
    for row in &table.rows {
        push_row(&mut out, row.cells().into_iter());
    }
    for row in table.totals.rows() {
        push_row(&mut out, row.iter().map(String::as_str));
    }
    out
}

fn push_row<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    let cells: Vec<String> = cells.map(|c| quote(&guard_formula(c))).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// A cell starting with = + - @ (or a tab or CR) gets a leading `'`, which Excel shows as
/// text instead of evaluating (CSV injection).
pub fn guard_formula(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\r', '\n']) { format!("\"{}\"", cell.replace('"', "\"\"")) } else { cell.to_string() }
}
