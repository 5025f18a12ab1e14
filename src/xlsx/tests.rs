//! Export, then read back with real readers: calamine for what a person sees, the zip's XML
//! for what only a printer or Excel's window sees (frozen panes, page setup, print titles).

use std::io::{Cursor, Read};

use calamine::{Data, DataType, Dimensions, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;

use super::*;
use crate::model::Money;
use crate::report::{Cell, Column, Orientation, Report};
use crate::rule_set::RuleSet;
use crate::sample::sample_workspace;
use crate::summary::{COLUMNS, SHEET_NAME, TITLE};
use crate::workspace::Workspace;

const UNIT: &str = "中国科学院物理研究所";

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 10).unwrap()
}

/// Twelve applications, ranked in the reverse of the order they were entered.
fn ranked_workspace() -> Workspace {
    let mut ws = sample_workspace(RuleSet::embedded(), 2020, 12);
    ws.ranking = ws.applications.iter().rev().map(|a| a.id.clone()).collect();
    ws
}

fn read(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("calamine opens the export")
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
    xml
}

/// The first element of `xml` starting with `start`, up to its closing `>`.
fn element<'a>(xml: &'a str, start: &str) -> &'a str {
    let from = xml.find(start).unwrap_or_else(|| panic!("no {start} in {xml}"));
    let len = xml[from..].find('>').unwrap();
    &xml[from..=from + len]
}

fn text(d: Option<&Data>) -> String {
    d.map(|d| d.as_string().unwrap_or_default()).unwrap_or_default()
}

#[test]
fn the_summary_reads_back_title_headers_rows_in_rank_order_and_totals() {
    let ws = ranked_workspace();
    let table = SummaryTable::build(&ws, RuleSet::embedded());
    let bytes = summary_xlsx(&table, UNIT, date()).unwrap();
    let mut book = read(&bytes);
    assert_eq!(book.sheet_names(), [SHEET_NAME]);
    let sheet = book.worksheet_range(SHEET_NAME).unwrap();
    let at = |r: u32, c: u32| text(sheet.get_value((r, c)));

    assert_eq!(at(0, 0), TITLE);
    assert_eq!(at(1, 0), format!("填报单位：{UNIT}"));
    assert_eq!(at(2, 0), "填报日期：2020年1月10日");
    let headers: Vec<String> = (0..15).map(|c| at(3, c)).collect();
    assert_eq!(headers, COLUMNS);

    // Rank order: row i holds ranking[i], with rank i + 1 stored as a number.
    assert_eq!(table.rows.len(), 12);
    for (i, id) in ws.ranking.iter().enumerate() {
        let r = 4 + i as u32;
        assert_eq!(sheet.get_value((r, 0)).and_then(|d| d.as_i64()), Some(i as i64 + 1), "rank in row {r}");
        assert_eq!(at(r, 1), ws.get(id).unwrap().title.trim(), "title in row {r}");
        let persons = ws.get(id).unwrap().members.len() as i64;
        assert_eq!(sheet.get_value((r, 5)).and_then(|d| d.as_i64()), Some(persons));
        let shown: Vec<String> = (0..15).map(|c| at(r, c)).collect();
        assert_eq!(shown, table.rows[i].cells(), "every cell of row {r}");
    }

    // Totals: one line per category, the key fields, then everything.
    let totals = table.totals.rows();
    for (k, line) in totals.iter().enumerate() {
        let r = 16 + k as u32;
        assert_eq!(at(r, 0), "合计");
        assert_eq!(at(r, 1), line[1]);
        assert_eq!(at(r, 2), line[2]);
        assert_eq!(at(r, 5), line[5]);
        assert_eq!(at(r, 14), line[14]);
    }
    let last = 16 + totals.len() as u32 - 1;
    assert_eq!(at(last, 1), "12 项");
    assert_eq!(at(last, 2), "全部");
    assert_eq!(sheet.get_value((last, 5)).and_then(|d| d.as_i64()), Some(table.totals.persons as i64));
    assert_eq!(sheet.end(), Some((last, 14)));

    let merged = book.merge_cells_by_sheet_name(SHEET_NAME).unwrap();
    assert!(merged.contains(&Dimensions { start: (0, 0), end: (0, 14) }), "{merged:?}");
}

#[test]
fn the_summary_freezes_its_header_and_prints_on_a4_landscape_with_print_titles() {
    let table = SummaryTable::build(&ranked_workspace(), RuleSet::embedded());
    let bytes = summary_xlsx(&table, UNIT, date()).unwrap();
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/>"#), "{sheet}");
    let page_setup = element(&sheet, "<pageSetup ");
    for attr in [r#"paperSize="9""#, r#"orientation="landscape""#, r#"fitToHeight="0""#] {
        assert!(page_setup.contains(attr), "{page_setup} lacks {attr}");
    }
    assert!(sheet.contains(r#"<pageSetUpPr fitToPage="1"/>"#));
    assert!(sheet.contains(r#"<col min="2" max="2" width="22.7109375" customWidth="1"/>"#), "{sheet}");
    let workbook = part(&bytes, "xl/workbook.xml");
    let titles = r#"<definedName name="_xlnm.Print_Titles" localSheetId="0">汇总表!$4:$4</definedName>"#;
    assert!(workbook.contains(titles));
    let styles = part(&bytes, "xl/styles.xml");
    assert!(styles.contains(r#"wrapText="1""#) && styles.contains("<b/>"));
    // The date given, not the clock, dates the file: the same table gives the same bytes.
    assert!(part(&bytes, "docProps/core.xml").contains("2020-01-10T00:00:00Z"));
    assert_eq!(bytes, summary_xlsx(&table, UNIT, date()).unwrap());
}

#[test]
fn money_is_yuan_with_two_decimals_and_text_is_never_a_formula() {
    let report = Report {
        sheet_name: "核销表".into(),
        title: "核销".into(),
        subtitles: vec![],
        columns: vec![Column::new("姓名", 10.0), Column::new("金额", 12.0)],
        rows: vec![vec![Cell::Text("=1+1".into()), Cell::Money(Money(123_456))], vec![Cell::Empty, Cell::Int(7)]],
        totals: vec![vec![Cell::Text("合计".into()), Cell::Money(Money(-5))]],
        orientation: Orientation::Portrait,
    };
    let bytes = write_report(&report, date()).unwrap();
    let mut book = read(&bytes);
    let sheet = book.worksheet_range("核销表").unwrap();
    // Title, header, then the rows: no subtitle lines here.
    assert_eq!(sheet.get_value((2, 0)), Some(&Data::String("=1+1".into())));
    assert_eq!(sheet.get_value((2, 1)), Some(&Data::Float(1234.56)));
    assert_eq!(sheet.get_value((3, 1)), Some(&Data::Float(7.0)));
    assert_eq!(sheet.get_value((4, 1)), Some(&Data::Float(-0.05)));
    let xml = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(!xml.contains("<f>"), "no formula cells");
    assert!(element(&xml, "<pageSetup ").contains(r#"orientation="portrait""#));
    assert!(xml.contains(r#"<pane ySplit="2" topLeftCell="A3""#), "frozen below the header");
    assert!(part(&bytes, "xl/styles.xml").contains(r##"formatCode="#,##0.00""##));
}

#[test]
fn the_worker_request_builds_the_same_file_and_explains_bad_input() {
    let ws = ranked_workspace();
    let json = serde_json::json!({ "kind": "summary", "workspace": ws, "unit": UNIT, "date": "2020-01-10" });
    let table = SummaryTable::build(&ws, RuleSet::embedded());
    assert_eq!(export(&json.to_string()).unwrap(), summary_xlsx(&table, UNIT, date()).unwrap());

    let no_unit = serde_json::json!({ "kind": "summary", "workspace": ws, "date": "2020-01-10" });
    let mut book = read(&export(&no_unit.to_string()).unwrap());
    let sheet = book.worksheet_range(SHEET_NAME).unwrap();
    assert_eq!(text(sheet.get_value((1, 0))), format!("填报单位：{}", ws.unit));

    let err = export(r#"{"kind":"summary","workspace":{},"date":"2020-13-01"}"#).unwrap_err();
    assert!(err.starts_with("导出请求无法读取："), "{err}");
    assert!(export(r#"{"kind":"reimbursement"}"#).is_err());
}

#[test]
fn the_reimbursement_form_reads_back_with_exact_totals() {
    use crate::model::Reimbursement;
    use crate::reimbursement::{self, ReimbursementTable};
    let yuan = |s: &str| Money::parse(s).unwrap();
    let row = |person: &str, date: &str| Reimbursement {
        person: person.into(),
        project: "量子材料表征技术研修".into(),
        expense_date: Some(date.parse().unwrap()),
        exit_date: NaiveDate::from_ymd_opt(2020, 6, 1),
        return_date: NaiveDate::from_ymd_opt(2020, 6, 14),
        ..Default::default()
    };
    let ws = Workspace {
        unit: UNIT.into(),
        reimbursements: vec![
            Reimbursement { other: yuan("0.10"), accommodation: yuan("12,345.67"), ..row("张三", "2020-06-20") },
            Reimbursement { other: yuan("0.20"), academy_funding: yuan("6000"), ..row("=李二", "2019-08-31") },
        ],
        ..Default::default()
    };
    let json =
        serde_json::json!({ "kind": "reimbursement", "workspace": ws, "period_year": 2020, "date": "2020-09-08" });
    let bytes = export(&json.to_string()).unwrap();
    let mut book = read(&bytes);
    assert_eq!(book.sheet_names(), [reimbursement::SHEET_NAME]);
    let sheet = book.worksheet_range(reimbursement::SHEET_NAME).unwrap();
    let at = |r: u32, c: u32| text(sheet.get_value((r, c)));
    let money = |r: u32, c: u32| match sheet.get_value((r, c)) {
        Some(Data::Float(f)) => Money((f * 100.0).round() as i64),
        other => panic!("row {r} column {c} is not a number: {other:?}"),
    };
    assert_eq!(at(0, 0), reimbursement::TITLE);
    assert_eq!(at(1, 0), format!("填报单位：{UNIT}"));
    assert_eq!(at(2, 0), "核销期：2019-09-01 至 2020-08-31");
    assert_eq!(at(3, 0), "填报日期：2020年9月8日");
    assert_eq!((0..15).map(|c| at(4, c)).collect::<Vec<_>>(), reimbursement::COLUMNS);
    // Rows 5 and 6: text as typed (never a formula), days as a number, money in yuan.
    assert_eq!((at(5, 0), at(6, 0)), ("张三".into(), "=李二".into()));
    assert_eq!(at(5, 3), "2020-06-01 至 2020-06-14");
    assert_eq!(sheet.get_value((5, 4)), Some(&Data::Float(14.0)));
    assert_eq!(money(5, 6), yuan("12,345.67"));
    // 合计 row: 0.10 + 0.20 is 0.30 exactly, in 其他 and in 合计; 单位负担 = 合计 − 院资助.
    assert_eq!(at(7, 0), "合计");
    assert_eq!(at(7, 1), "2 人次");
    assert_eq!(sheet.get_value((7, 10)), Some(&Data::Float(0.3)));
    assert_eq!(money(7, 6), yuan("12,345.67"));
    assert_eq!(money(7, 11), yuan("12,345.97"));
    assert_eq!(money(7, 13), yuan("6000"));
    assert_eq!(money(7, 14), yuan("6,345.97"));
    let table = ReimbursementTable::build(&ws, RuleSet::embedded(), 2020);
    assert_eq!((5..=14).map(|c| money(7, c)).collect::<Vec<_>>(), table.totals.columns());
    assert_eq!(sheet.end(), Some((7, 14)));
    assert!(!part(&bytes, "xl/worksheets/sheet1.xml").contains("<f>"));
}
