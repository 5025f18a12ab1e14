//! CSV for Excel: a UTF-8 byte-order mark (else Excel reads GBK), CRLF line ends, RFC 4180
//! quoting, and no formulas: a cell a person typed is never run by the spreadsheet. Every
//! table the app exports (附件2, the 核销表) goes through [`write_csv`].

use super::table::{COLUMNS, SummaryTable};

/// 附件2 as CSV: the rows, then the total rows.
pub fn to_csv(table: &SummaryTable) -> String {
    let totals = table.totals.rows();
    let rows = table.rows.iter().map(|r| r.cells().to_vec());
    write_csv(&COLUMNS, rows.chain(totals.iter().map(|r| r.iter().map(String::as_str).collect())))
}

/// Any table: one header line, then one line per row.
pub fn write_csv<R, C>(headers: &[&str], rows: impl IntoIterator<Item = R>) -> String
where
    R: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let mut out = String::from('\u{feff}');
    push_row(&mut out, headers.iter());
    for row in rows {
        push_row(&mut out, row);
    }
    out
}

fn push_row<C: AsRef<str>>(out: &mut String, cells: impl IntoIterator<Item = C>) {
    let cells: Vec<String> = cells.into_iter().map(|c| quote(&guard_formula(c.as_ref()))).collect();
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
