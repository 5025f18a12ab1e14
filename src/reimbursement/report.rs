//! The 核销表 as a [`Report`]: what the .xlsx shows, through the one XLSX writer the 附件2
//! export uses.

use chrono::NaiveDate;

use super::table::{COLUMNS, ReimbursementTable, TITLE};
use crate::report::{Cell, Column, Orientation, Report};
use crate::summary::date_line;

pub const SHEET_NAME: &str = "核销表";

/// In [`COLUMNS`] order: names and projects get room, money columns fit ¥1,234,567.89.
const WIDTHS: [f64; 15] = [8.0, 22.0, 12.0, 13.0, 5.0, 11.0, 11.0, 11.0, 10.0, 11.0, 10.0, 12.0, 12.0, 12.0, 12.0];

/// The table for its unit and period, dated `date` (the core has no clock).
pub fn to_report(table: &ReimbursementTable, date: NaiveDate) -> Report {
    Report {
        sheet_name: SHEET_NAME.into(),
        title: TITLE.into(),
        subtitles: vec![format!("填报单位：{}", table.unit), table.period_text(), date_line(date)],
        columns: COLUMNS.iter().zip(WIDTHS).map(|(h, w)| Column::new(h, w)).collect(),
        rows: table
            .rows
            .iter()
            .map(|r| {
                let cells = r.cells();
                let head = cells[..4].iter().map(|s| Cell::text(s));
                let days = r.days.map_or(Cell::Empty, Cell::Int);
                head.chain([days]).chain(r.amounts.columns().into_iter().map(Cell::Money)).collect()
            })
            .collect(),
        totals: vec![{
            let cells = table.total_cells();
            let head = cells[..5].iter().map(|s| Cell::text(s));
            head.chain(table.totals.columns().into_iter().map(Cell::Money)).collect()
        }],
        orientation: Orientation::Landscape,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Money, Reimbursement};
    use crate::rule_set::RuleSet;
    use crate::workspace::Workspace;

    #[test]
    fn the_report_shows_what_the_page_shows_with_money_as_numbers() {
        let r = |person: &str, fen: i64| Reimbursement {
            person: person.into(),
            meals: Money(fen),
            exit_date: NaiveDate::from_ymd_opt(2020, 6, 1),
            return_date: NaiveDate::from_ymd_opt(2020, 6, 14),
            ..Default::default()
        };
        let ws = Workspace {
            unit: "物理所".into(),
            reimbursements: vec![r("张三", 10), r("李二", 20)],
            ..Default::default()
        };
        let table = ReimbursementTable::build(&ws, RuleSet::embedded(), 2020);
        let report = to_report(&table, NaiveDate::from_ymd_opt(2020, 9, 8).unwrap());
        assert_eq!(
            report.subtitles,
            ["填报单位：物理所", "核销期：2019-09-01 至 2020-08-31", "填报日期：2020年9月8日"]
        );
        for (row, cells) in table.rows.iter().zip(&report.rows) {
            let shown: Vec<String> = cells.iter().map(Cell::display).collect();
            assert_eq!(shown, row.cells());
        }
        assert_eq!(report.rows[0][4], Cell::Int(14));
        assert_eq!(report.rows[1][7], Cell::Money(Money(20)));
        let totals: Vec<String> = report.totals[0].iter().map(Cell::display).collect();
        assert_eq!(totals, table.total_cells());
        assert_eq!(report.totals[0][7], Cell::Money(Money(30)));
    }
}
