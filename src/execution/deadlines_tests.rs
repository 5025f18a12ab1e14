use super::*;
use crate::model::{Application, Execution};
use crate::rules::testing::{AppExt, d, youth};
use crate::rules::{Cx, check_all};

/// A youth group (leader 张三) back on `returned`, the summary handed in on `submitted`.
fn back(id: &str, title: &str, returned: &str, submitted: Option<&str>) -> Application {
    let execution = Execution {
        status: ExecutionStatus::Done,
        actual_return_date: Some(d(returned)),
        summary_submitted: submitted.map(d),
        summary_file: "  总结.pdf ".into(),
        ..Default::default()
    };
    Application { execution: Some(execution), ..youth().named(id, title) }
}

fn ws(apps: Vec<Application>) -> Workspace {
    Workspace { applications: apps, ..Default::default() }
}

fn rows_on(ws: &Workspace, today: &str) -> Vec<DeadlineRow> {
    deadlines(ws, RuleSet::embedded(), d(today))
}

#[test]
fn returned_2020_09_25_is_due_after_the_national_day_break() {
    // Return Fri 9/25, not counted. Working days: 9/27 (Sun, make-up) 1, 9/28–9/30 2–4,
    // 10/1–10/8 off (国庆节、中秋节), 10/9 (Fri) 5, 10/10 (Sat, make-up) 6, 10/12–10/16 7–11,
    // 10/19–10/22 12–15. Due Thu 2020-10-22.
    let w = ws(vec![back("a", "量子材料表征技术研修", "2020-09-25", None)]);
    let cases = [
        // 10/9: 10/10 1, 10/12–10/16 2–6: more than five working days left.
        ("2020-10-09", 13, DeadlineStatus::Open, "还剩 13 天"),
        // 10/14: 10/15, 10/16, 10/19, 10/20, 10/21 are the next five: 10/22 is the sixth.
        ("2020-10-14", 8, DeadlineStatus::Open, "还剩 8 天"),
        // 10/15: 10/16, 10/19, 10/20, 10/21, 10/22: the fifth working day is the due date.
        ("2020-10-15", 7, DeadlineStatus::DueSoon, "还剩 7 天"),
        ("2020-10-22", 0, DeadlineStatus::DueSoon, "今天截止"),
        ("2020-10-23", -1, DeadlineStatus::Overdue, "已逾期 1 天"),
    ];
    for (today, left, status, text) in cases {
        let rows = rows_on(&w, today);
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!((r.returned, r.due), (d("2020-09-25"), d("2020-10-22")), "{today}");
        assert_eq!((r.days_left, r.status, r.days_left_text().as_str()), (left, status, text), "{today}");
    }
    let r = &rows_on(&w, "2020-10-09")[0];
    assert_eq!(
        (r.title.as_str(), r.leader.as_str(), r.summary_file.as_str()),
        ("量子材料表征技术研修", "张三", "总结.pdf")
    );
}

#[test]
fn returned_2020_01_17_is_due_after_the_extended_spring_festival() {
    // Return Fri 1/17. 1/19 (Sun, make-up) 1, 1/20–1/23 2–5, 1/24–2/2 off (春节, extended;
    // Sat 2/1 stays off inside the break), 2/3–2/7 6–10, 2/10–2/14 11–15. Due Fri 2020-02-14.
    let w = ws(vec![back("a", "关键技术培训", "2020-01-17", None)]);
    let r = &rows_on(&w, "2020-02-03")[0];
    assert_eq!((r.due, r.days_left, r.status), (d("2020-02-14"), 11, DeadlineStatus::Open));
    // A unit closed on 2/3 and 2/4 (a province's longer break): two working days later.
    let closed = Workspace { closure_days: vec![d("2020-02-03"), d("2020-02-04")], ..w };
    let r = &rows_on(&closed, "2020-02-03")[0];
    assert_eq!((r.due, r.days_left), (d("2020-02-18"), 15));
}

#[test]
fn sorted_by_due_date_without_cancelled_or_not_yet_returned() {
    let mut cancelled = back("c", "已取消", "2020-03-02", None);
    cancelled.execution.as_mut().unwrap().status = ExecutionStatus::Cancelled;
    let w = ws(vec![
        back("late", "秋季团组", "2020-09-25", None),
        youth().named("planned", "尚未出国"),
        cancelled,
        back("done", "春季团组", "2020-01-17", Some("2020-02-20")),
        back("june", "夏季团组", "2020-06-19", Some("2020-07-01")),
    ]);
    let rows = rows_on(&w, "2020-07-20");
    let got: Vec<_> = rows.iter().map(|r| (r.application_id.as_str(), r.status)).collect();
    assert_eq!(
        got,
        [("done", DeadlineStatus::Submitted), ("june", DeadlineStatus::Submitted), ("late", DeadlineStatus::Open)]
    );
    assert!(rows[0].submitted_late && !rows[1].submitted_late);
    assert_eq!(rows[0].days_left_text(), "已提交（2020-02-20，逾期）");
    assert_eq!(rows[0].summary_file, "总结.pdf");
}

#[test]
fn overdue_rows_are_exactly_the_summary_due_findings() {
    let w = Workspace {
        closure_days: vec![d("2020-10-21")],
        ..ws(vec![
            back("a", "甲", "2020-09-25", None),
            back("b", "乙", "2020-10-09", None),
            back("c", "丙", "2020-09-01", Some("2020-09-10")),
        ])
    };
    for today in ["2020-10-22", "2020-10-23", "2020-10-26", "2020-11-10", "2020-12-31"] {
        let overdue: Vec<String> = rows_on(&w, today)
            .into_iter()
            .filter(|r| r.status == DeadlineStatus::Overdue)
            .map(|r| r.application_id)
            .collect();
        let cx = Cx::new(RuleSet::embedded(), &w, d(today));
        let flagged: Vec<String> =
            check_all(&cx, &w).into_iter().filter(|f| f.rule == "summary-due").filter_map(|f| f.application).collect();
        assert_eq!(overdue, flagged, "{today}");
    }
}
