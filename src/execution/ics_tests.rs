use chrono::TimeZone;

use super::*;
use crate::execution::DeadlineStatus;
use crate::rules::testing::d;

fn row(id: &str, title: &str, due: &str, submitted: Option<&str>) -> DeadlineRow {
    DeadlineRow {
        application_id: id.into(),
        title: title.into(),
        leader: "张三".into(),
        returned: d("2020-09-25"),
        due: d(due),
        submitted: submitted.map(d),
        summary_file: String::new(),
        days_left: 0,
        status: DeadlineStatus::Open,
        submitted_late: false,
        calendar_note: None,
    }
}

fn stamp() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2020, 10, 1, 8, 0, 0).unwrap()
}

/// The content lines, unfolded (RFC 5545 §3.1: remove every CRLF followed by a space).
fn unfolded(ics: &str) -> Vec<String> {
    ics.replace("\r\n ", "").split("\r\n").map(str::to_string).collect()
}

#[test]
fn one_all_day_event_per_pending_deadline() {
    let pending = row("a", "量子材料表征技术研修", "2020-10-22", None);
    let rows = [pending, row("b", "已交", "2020-02-14", Some("2020-02-10"))];
    let ics = summary_deadlines_ics(&rows, RuleSet::embedded(), stamp());
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "only CRLF line ends");
    let lines = unfolded(&ics);
    assert_eq!(
        lines[..16],
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//peixun//培训总结截止日期//ZH",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:培训总结截止日期",
            "BEGIN:VEVENT",
            "UID:a@peixun",
            "DTSTAMP:20201001T080000Z",
            "DTSTART;VALUE=DATE:20201022",
            "DTEND;VALUE=DATE:20201023",
            "SUMMARY:培训总结截止：量子材料表征技术研修",
            "DESCRIPTION:团组带头人：张三\\n实际回国日期：2020-09-25\\n培训总结应于回国后 \
             15 个工作日内（回国当日不计）提交，截止 2020-10-22。",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
            "END:VCALENDAR",
        ]
    );
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1, "the submitted one has no event");
}

#[test]
fn the_uid_is_stable_and_an_empty_list_is_still_a_calendar() {
    let rows = [row("a", "甲", "2020-10-22", None)];
    let later = Utc.with_ymd_and_hms(2020, 12, 1, 0, 0, 0).unwrap();
    let uid = |ics: String| unfolded(&ics).into_iter().find(|l| l.starts_with("UID:"));
    assert_eq!(uid(summary_deadlines_ics(&rows, RuleSet::embedded(), stamp())), Some("UID:a@peixun".into()));
    assert_eq!(uid(summary_deadlines_ics(&rows, RuleSet::embedded(), later)), Some("UID:a@peixun".into()));
    let empty = summary_deadlines_ics(&[], RuleSet::embedded(), stamp());
    assert!(empty.starts_with("BEGIN:VCALENDAR\r\n") && !empty.contains("VEVENT"));
}

#[test]
fn text_escaping() {
    assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
    assert_eq!(escape_text("一\n二\r\n三\r四"), r"一\n二\n三\n四");
    assert_eq!(escape_text("无\u{7}控制符\u{0}"), "无控制符");
    let text = "中文，逗号；分号";
    assert_eq!(escape_text(text), text, "full-width punctuation is plain text");
    let ics = summary_deadlines_ics(&[row("x;y", "A,B;C\\D\n续", "2020-10-22", None)], RuleSet::embedded(), stamp());
    let lines = unfolded(&ics);
    assert!(lines.contains(&r"SUMMARY:培训总结截止：A\,B\;C\\D\n续".to_string()), "{lines:#?}");
    assert!(lines.contains(&r"UID:x\;y@peixun".to_string()));
}

#[test]
fn folding_counts_octets_and_never_splits_a_character() {
    // 8 ASCII octets + 23 three-octet characters = 77 octets: the 23rd character would end
    // at octet 77, so the line breaks after 8 + 22 × 3 = 74 octets.
    let line = format!("SUMMARY:{}", "研".repeat(23));
    assert_eq!(fold_line(&line), format!("SUMMARY:{}\r\n 研", "研".repeat(22)));
    // Exactly 75 octets stay on one line; the 76th moves to the next, after the space.
    let a75 = "a".repeat(75);
    assert_eq!(fold_line(&a75), a75);
    assert_eq!(fold_line(&format!("{a75}b")), format!("{a75}\r\n b"));
}

#[test]
fn long_chinese_text_folds_into_lines_of_at_most_75_octets() {
    let title = "面向“一带一路”\
                 沿线国家的大型科学仪器共享平台运行维护与关键技术联合研修（第二期）"
        .repeat(3);
    let rows = [row("a", &title, "2020-10-22", None)];
    let ics = summary_deadlines_ics(&rows, RuleSet::embedded(), stamp());
    for physical in ics.split("\r\n") {
        assert!(physical.len() <= 75, "{} octets: {physical}", physical.len());
    }
    assert!(ics.contains("\r\n "), "the summary is folded");
    let summary = unfolded(&ics).into_iter().find(|l| l.starts_with("SUMMARY:")).unwrap();
    assert_eq!(summary, format!("SUMMARY:培训总结截止：{title}"));
    // With a four-octet character as well.
    let emoji = format!("DESCRIPTION:{}", "🎓研".repeat(30));
    let folded = fold_line(&emoji);
    assert!(folded.split("\r\n").all(|l| l.len() <= 75));
    assert_eq!(folded.replace("\r\n ", ""), emoji);
}
