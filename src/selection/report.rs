//! The academy-wide list (院人事局遴选结果汇总): every unit's groups in the units' ranking
//! order with the decision columns, as a [`Report`] for the XLSX worker.

use chrono::NaiveDate;

use super::{Row, Tally};
use crate::report::{Cell, Column, Orientation, Report};
use crate::rule_set::RuleSet;
use crate::summary::date_line;

pub const TITLE: &str = "因公出国（境）培训项目遴选结果汇总表";
pub const SHEET_NAME: &str = "遴选结果";

const COLUMNS: [(&str, f64); 11] = [
    ("序号", 5.0),
    ("单位", 16.0),
    ("单位排序", 6.0),
    ("项目名称", 24.0),
    ("团组负责人", 10.0),
    ("申报类别", 14.0),
    ("人数", 5.0),
    ("遴选结果", 8.0),
    ("意见", 20.0),
    ("批准资助类别", 14.0),
    ("院资助金额（元）", 14.0),
];

pub fn to_report(rows: &[Row], tally: &Tally, rs: &RuleSet, issuer: &str, date: NaiveDate) -> Report {
    let label = |c: Option<crate::model::Category>| c.map(|c| rs.category(c).label.clone()).unwrap_or_default();
    let body = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let s = &r.selection;
            vec![
                Cell::Int(i64::try_from(i + 1).unwrap_or(i64::MAX)),
                Cell::text(&r.unit),
                r.unit_rank.map_or_else(|| Cell::text("未排序"), |n| Cell::Int(n as i64)),
                Cell::text(&s.title),
                Cell::text(&s.leader),
                Cell::text(&label(r.category)),
                Cell::Int(i64::from(r.persons)),
                Cell::text(s.decision.map_or("未定", |d| d.label())),
                Cell::text(&s.note),
                Cell::text(&label(s.approved_category)),
                s.funding.map_or(Cell::Empty, Cell::Money),
            ]
        })
        .collect();
    let line = |what: String, persons: String, funding: Option<crate::model::Money>| {
        let mut r = vec![Cell::Empty; COLUMNS.len()];
        r[1] = Cell::text("合计");
        r[3] = Cell::Text(what);
        r[8] = Cell::Text(persons);
        r[10] = funding.map_or(Cell::Empty, Cell::Money);
        r
    };
    let mut totals: Vec<Vec<Cell>> = tally
        .plan
        .categories
        .iter()
        .zip(&tally.funding)
        .map(|(c, (_, money))| {
            line(
                format!("{}：入选 {} 项", c.label, c.applications),
                format!("入选 {} 人，计划 {} 人", c.persons_in_category, c.plan_persons),
                Some(*money),
            )
        })
        .collect();
    let k = &tally.plan.key_fields;
    totals.push(line(
        format!("{}：入选 {} 项", k.label, k.applications),
        format!("入选 {} 人，计划 {} 人", k.persons, k.plan_persons),
        None,
    ));
    let a = &tally.all;
    totals.push(line(
        format!(
            "全部 {} 项：\
             入选 {}，未入选 {}，未定 {}",
            a.applications, a.selected, a.not_selected, a.undecided
        ),
        format!("入选 {} 人", a.selected_persons),
        Some(a.funding),
    ));
    let mut subtitles = Vec::new();
    if !issuer.trim().is_empty() {
        subtitles.push(format!("遴选单位：{}", issuer.trim()));
    }
    subtitles.push(date_line(date));
    Report {
        sheet_name: SHEET_NAME.into(),
        title: TITLE.into(),
        subtitles,
        columns: COLUMNS.iter().map(|(h, w)| Column::new(h, *w)).collect(),
        rows: body,
        totals,
        orientation: Orientation::Landscape,
    }
}
