//! The 附件2 table as a [`Report`]: what the .xlsx (and the printed page) show.

use chrono::{Datelike, NaiveDate};

use super::table::{COLUMNS, SummaryTable};
use crate::report::{Cell, Column, Orientation, Report};

pub const TITLE: &str = "因公出国（境）培训项目计划申请汇总表";
pub const SHEET_NAME: &str = "汇总表";

/// Column widths in characters, in [`COLUMNS`] order: long free text gets room, counts
/// stay narrow; everything wraps, and the page is scaled to one sheet wide.
const WIDTHS: [f64; 15] = [5.0, 22.0, 12.0, 14.0, 14.0, 5.0, 16.0, 10.0, 12.0, 22.0, 6.0, 13.0, 18.0, 14.0, 18.0];

/// Columns holding counts: written as numbers so Excel can sort and sum them.
const NUMERIC: [usize; 3] = [0, 5, 10];

/// 填报日期：2020年1月10日
pub fn date_line(date: NaiveDate) -> String {
    format!("填报日期：{}年{}月{}日", date.year(), date.month(), date.day())
}

/// The table for `unit` (填报单位), dated `date` (the core has no clock).
pub fn to_report(table: &SummaryTable, unit: &str, date: NaiveDate) -> Report {
    Report {
        sheet_name: SHEET_NAME.into(),
        title: TITLE.into(),
        subtitles: vec![format!("填报单位：{unit}"), date_line(date)],
        columns: COLUMNS.iter().zip(WIDTHS).map(|(h, w)| Column::new(h, w)).collect(),
        rows: table.rows.iter().map(|r| cells(r.cells().into_iter())).collect(),
        totals: table.totals.rows().iter().map(|r| cells(r.iter().map(String::as_str))).collect(),
        orientation: Orientation::Landscape,
    }
}

/// A row's typed cells: the [`NUMERIC`] columns as integers when they are one, the rest
/// text. `to_csv` types them the same way.
pub(super) fn cells<'a>(row: impl Iterator<Item = &'a str>) -> Vec<Cell> {
    row.enumerate().map(|(i, s)| if NUMERIC.contains(&i) { Cell::int_or_text(s) } else { Cell::text(s) }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule_set::RuleSet;
    use crate::sample::sample_workspace;

    #[test]
    fn the_report_shows_what_the_csv_shows() {
        let rs = RuleSet::embedded();
        let table = SummaryTable::build(&sample_workspace(rs, 3, 5), rs);
        let report = to_report(&table, "某研究所", NaiveDate::from_ymd_opt(2020, 1, 9).unwrap());
        assert_eq!(report.subtitles, ["填报单位：某研究所", "填报日期：2020年1月9日"]);
        let headers: Vec<&str> = report.columns.iter().map(|c| c.header.as_str()).collect();
        assert_eq!(headers, COLUMNS);
        for (row, cells) in table.rows.iter().zip(&report.rows) {
            let shown: Vec<String> = cells.iter().map(Cell::display).collect();
            assert_eq!(shown, row.cells());
        }
        assert_eq!(report.rows[0][0], Cell::Int(1));
        let totals: Vec<Vec<String>> = report.totals.iter().map(|r| r.iter().map(Cell::display).collect()).collect();
        assert_eq!(totals, table.totals.rows().iter().map(|r| r.to_vec()).collect::<Vec<_>>());
    }
}
