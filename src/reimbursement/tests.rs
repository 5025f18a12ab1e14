use super::*;
use crate::model::{Application, CountryCode, Execution, Money, Reimbursement};
use crate::report::Cell;
use crate::rule_set::RuleSet;
use crate::rules::testing::{AppExt, d, youth};
use crate::rules::{Cx, check_all};
use crate::workspace::Workspace;

fn yuan(s: &str) -> Money {
    Money::parse(s).unwrap()
}

/// A group (Germany) that went 2020-06-01 – 2020-06-14.
fn trip() -> Application {
    let execution = Execution {
        actual_exit_date: Some(d("2020-06-01")),
        actual_return_date: Some(d("2020-06-14")),
        ..Default::default()
    };
    Application { execution: Some(execution), ..youth().named("g1", "量子材料表征技术研修") }
}

fn line(person: &str, app: &str, date: &str) -> Reimbursement {
    Reimbursement {
        id: format!("r-{person}"),
        application_id: app.into(),
        person: person.into(),
        expense_date: Some(d(date)),
        ..Default::default()
    }
}

fn table(rows: Vec<Reimbursement>) -> (Workspace, ReimbursementTable) {
    let ws =
        Workspace { unit: "物理所".into(), applications: vec![trip()], reimbursements: rows, ..Default::default() };
    let t = ReimbursementTable::build(&ws, RuleSet::embedded(), 2020);
    (ws, t)
}

#[test]
fn point_one_plus_point_two_totals_exactly_point_three() {
    let a = Reimbursement { other: yuan("0.10"), ..line("张三", "g1", "2020-06-20") };
    let b = Reimbursement { other: yuan("0.20"), ..line("李二", "g1", "2020-06-20") };
    let (_, t) = table(vec![a, b]);
    assert_eq!(t.totals.other, Money(30));
    assert_eq!(t.totals.total, Money(30));
    assert_eq!(t.total_cells()[10], "¥0.30");
    assert_eq!(t.total_cells()[11], "¥0.30");
}

#[test]
fn rows_carry_the_trip_and_every_column_is_summed() {
    let a = Reimbursement {
        international_travel: yuan("12,345.67"),
        accommodation: yuan("8000"),
        meals: yuan("1,234.5"),
        incidentals: yuan("300"),
        training_fee: yuan("5,000"),
        other: yuan("0.33"),
        ministry_funding: yuan("10,000"),
        academy_funding: yuan("6,000"),
        ..line("张三", "g1", "2020-06-20")
    };
    let b =
        Reimbursement { accommodation: yuan("100"), academy_funding: yuan("50"), ..line("李二", "g1", "2020-06-20") };
    let (_, t) = table(vec![a, b]);
    assert_eq!(
        t.rows[0].cells(),
        [
            "张三",
            "量子材料表征技术研修",
            "DE 德国",
            "2020-06-01 至 2020-06-14",
            "14",
            "¥12,345.67",
            "¥8,000.00",
            "¥1,234.50",
            "¥300.00",
            "¥5,000.00",
            "¥0.33",
            "¥26,880.50",
            "¥10,000.00",
            "¥6,000.00",
            "¥10,880.50",
        ]
    );
    assert_eq!(t.rows[0].days, Some(14));
    assert_eq!(
        t.total_cells(),
        [
            "合计",
            "2 人次",
            "",
            "",
            "",
            "¥12,345.67",
            "¥8,100.00",
            "¥1,234.50",
            "¥300.00",
            "¥5,000.00",
            "¥0.33",
            "¥26,980.50",
            "¥10,000.00",
            "¥6,050.00",
            "¥10,930.50",
        ]
    );
}

#[test]
fn a_trip_outside_the_workspace_uses_the_row_s_own_fields() {
    let r = Reimbursement {
        project: " 2019年度 团组 ".into(),
        country: CountryCode::parse("RU"),
        exit_date: Some(d("2019-10-08")),
        return_date: Some(d("2019-10-28")),
        ..line("王五", "not-here", "2019-11-05")
    };
    let (_, t) = table(vec![r]);
    let cells = t.rows[0].cells();
    assert_eq!(cells[..5], ["王五", "2019年度 团组", "RU 俄罗斯", "2019-10-08 至 2019-10-28", "21"]);
}

#[test]
fn period_and_settlement_window_come_from_the_rule_set() {
    let (_, t) = table(vec![]);
    assert_eq!(t.period, Some((d("2019-09-01"), d("2020-08-31"))));
    assert_eq!(t.settlement_window, Some((d("2020-09-01"), d("2020-09-30"))));
    assert_eq!(t.period_text(), "核销期：2019-09-01 至 2020-08-31");
    assert_eq!(
        t.settlement_text(),
        "人事局于 2020-09-01 至 2020-09-30 进行年度院内资助经费核销，\
         请在此期间报送本表"
    );
    assert_eq!(t.totals, Amounts::default());
}

#[test]
fn a_row_dated_2019_08_31_is_flagged_in_the_2019_2020_period() {
    let (ws, t) = table(vec![
        line("张三", "g1", "2019-08-31"),
        line("李二", "g1", "2019-09-01"),
        line("王五", "g1", "2020-08-31"),
        Reimbursement { expense_date: None, ..line("赵六", "g1", "2020-01-01") },
    ]);
    let in_period: Vec<_> = t.rows.iter().map(|r| (r.number, r.in_period)).collect();
    assert_eq!(in_period, [(1, Some(false)), (2, Some(true)), (3, Some(true)), (4, None)]);
    assert_eq!(t.out_of_period, 1);
    // The rule, run on the same workspace during the 2020 settlement window, agrees.
    let cx = Cx::new(RuleSet::embedded(), &ws, d("2020-09-10"));
    let found: Vec<_> = check_all(&cx, &ws).into_iter().filter(|f| f.rule == "reimbursement-period").collect();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path, "reimbursements[0].expense_date");
    let message = &found[0].message;
    assert!(message.starts_with("核销表第 1 行（张三）的费用日期 2019-08-31"), "{message}");
}

#[test]
fn csv_has_plain_numbers_for_excel() {
    let a =
        Reimbursement { other: yuan("1,234.5"), ministry_funding: yuan("2000"), ..line("=张三", "g1", "2020-06-20") };
    let (_, t) = table(vec![a]);
    let csv = t.to_csv();
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(lines[0], COLUMNS.join(","));
    // A negative 单位负担 (more funding than expenses) is a number like any amount: the
    // spreadsheet sums it; the person's name, text starting with '=', is guarded.
    assert_eq!(
        lines[1],
        "'=张三,量子材料表征技术研修,\
         DE 德国,2020-06-01 至 2020-06-14,14,0.00,0.00,0.00,0.00,0.00,1234.50,1234.50,2000.00,0.00,-765.50"
    );
    assert_eq!(lines[2], "合计,1 人次,,,,0.00,0.00,0.00,0.00,0.00,1234.50,1234.50,2000.00,0.00,-765.50");
    assert!(csv.starts_with('\u{feff}') && csv.ends_with("\r\n"));
}

#[test]
fn csv_amounts_have_no_thousands_separator_and_negative_totals_stay_numbers() {
    let a = Reimbursement {
        international_travel: yuan("1,234,567.89"),
        academy_funding: yuan("2,000,000"),
        ..line("张三", "g1", "2020-06-20")
    };
    let b = Reimbursement { academy_funding: yuan("0.01"), ..line("李二", "g1", "2020-06-20") };
    let (_, t) = table(vec![a, b]);
    let csv = t.to_csv();
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert!(lines[1].ends_with(",1234567.89,0.00,0.00,0.00,0.00,0.00,1234567.89,0.00,2000000.00,-765432.11"));
    assert!(lines[2].ends_with(",0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.01,-0.01"), "{}", lines[2]);
    assert!(lines[3].ends_with(",1234567.89,0.00,0.00,0.00,0.00,0.00,1234567.89,0.00,2000000.01,-765432.12"));
    assert!(!csv.contains('¥'));
}

/// Text a person typed is text, even when it reads like a number: "-5 天" and "-1234.56" in
/// 姓名 or a row's own 团组/项目名称 are guarded, never written as a number or a formula.
#[test]
fn csv_guards_text_that_begins_with_a_minus() {
    let r = Reimbursement { project: "-1234.56".into(), ..line("-5 天", "not-here", "2020-06-20") };
    let (_, t) = table(vec![r]);
    let csv = t.to_csv();
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert!(lines[1].starts_with("'-5 天,'-1234.56,,,,0.00,"), "{}", lines[1]);
}

/// The XLSX (`to_report`) and the CSV type every cell alike, so a number is a number in both.
#[test]
fn the_xlsx_and_the_csv_type_every_cell_alike() {
    let a = Reimbursement { ministry_funding: yuan("10"), ..line("-张三", "g1", "2020-06-20") };
    let b = Reimbursement { meals: yuan("5"), ..line("李二", "not-here", "2020-06-20") };
    let (_, t) = table(vec![a, b]);
    let report = to_report(&t, d("2020-09-08"));
    let typed: Vec<Vec<Cell>> = t.rows.iter().map(|r| r.typed_cells().to_vec()).collect();
    assert_eq!(report.rows, typed);
    assert_eq!(report.totals, [t.typed_total_cells().to_vec()]);
    assert_eq!(report.rows[0][14], Cell::Money(Money(-1000)));
    assert_eq!(report.rows[0][0], Cell::Text("-张三".into()));
}

#[test]
fn an_unusable_period_is_said_not_panicked() {
    let mut rs = RuleSet::embedded().clone();
    rs.reimbursement.period_end = crate::rule_set::MonthDay { month: 2, day: 30 };
    let ws = Workspace { reimbursements: vec![line("张三", "", "2020-01-01")], ..Default::default() };
    let t = ReimbursementTable::build(&ws, &rs, 2020);
    assert_eq!((t.period, t.settlement_window, t.rows[0].in_period), (None, None, None));
    assert!(t.period_text().contains("无法"));
}
