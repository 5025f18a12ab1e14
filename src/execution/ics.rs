//! The pending summary deadlines as an iCalendar file (RFC 5545) that a person saves and
//! opens in their calendar: one all-day event per group. No clock here: the DTSTAMP
//! (when the file is made) is a parameter.

use chrono::{DateTime, Days, Timelike, Utc};

use super::DeadlineRow;
use crate::calendar::ymd_compact as ymd;
use crate::rule_set::RuleSet;

/// The name a download of [`summary_deadlines_ics`] is saved under.
pub const FILE_NAME: &str = "peixun-summary-deadlines.ics";

/// RFC 5545 §3.1: a content line is at most 75 octets long, line break excluded.
const MAX_OCTETS: usize = 75;

/// A VCALENDAR with one VEVENT on the due date of each row whose summary is not yet
/// submitted (overdue ones included: still owed). CRLF line ends, long lines folded.
pub fn summary_deadlines_ics(rows: &[DeadlineRow], rule_set: &RuleSet, stamp: DateTime<Utc>) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//peixun//培训总结截止日期//ZH".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape_text("培训总结截止日期")),
    ];
    let stamp = format!("{}T{:02}{:02}{:02}Z", ymd(stamp.date_naive()), stamp.hour(), stamp.minute(), stamp.second());
    for (i, row) in rows.iter().enumerate().filter(|(_, r)| r.submitted.is_none()) {
        let title = if row.title.is_empty() { "未命名项目" } else { row.title.as_str() };
        let uid = match row.application_id.trim() {
            "" => format!("untitled-{i}-{}@peixun", ymd(row.due)),
            id => format!("{id}@peixun"),
        };
        let mut description = Vec::new();
        if !row.leader.is_empty() {
            description.push(format!("团组带头人：{}", row.leader));
        }
        description.push(format!("实际回国日期：{}", row.returned));
        description.push(format!(
            "培训总结应于回国后 {} 个工作日内（回国当日不计）提交，截止 {}。",
            rule_set.summary_due_working_days, row.due
        ));
        lines.extend([
            "BEGIN:VEVENT".into(),
            format!("UID:{}", escape_text(&uid)),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", ymd(row.due)),
            // An all-day event ends (exclusively) the next day.
            format!("DTEND;VALUE=DATE:{}", ymd(row.due.checked_add_days(Days::new(1)).unwrap_or(row.due))),
            format!("SUMMARY:{}", escape_text(&format!("培训总结截止：{title}"))),
            format!("DESCRIPTION:{}", escape_text(&description.join("\n"))),
            "TRANSP:TRANSPARENT".into(),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold_line(l) + "\r\n").collect()
}

/// TEXT values (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, any line break
/// written as `\n`; other control characters, which TEXT may not hold, dropped.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line (RFC 5545 §3.1): after at most 75 octets, CRLF and a space, the
/// space counting towards the next line's 75. Breaks fall between characters, never
/// inside a multi-byte UTF-8 sequence. No line end is added.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 64 * 3);
    let mut len = 0;
    for c in line.chars() {
        if len + c.len_utf8() > MAX_OCTETS {
            out.push_str("\r\n ");
            len = 1;
        }
        out.push(c);
        len += c.len_utf8();
    }
    out
}

#[cfg(test)]
#[path = "ics_tests.rs"]
mod tests;
