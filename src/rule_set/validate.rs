//! What makes a rule-set usable, beyond its JSON shape: one list of checks for a loaded
//! file and for the form in the browser, each problem a Chinese sentence at a field path
//! (`categories.youth.max_members`), so the form shows it at its field.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, Weekday};

use super::{MonthDay, RuleSet};
use crate::calendar::YearCalendar;
use crate::model::{Category, Priority};

/// One thing wrong with a rule-set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The field, as in the file: `categories.youth.max_age`, `calendar[0].holidays[2]`;
    /// empty for the file as a whole.
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem { path: path.into(), message: message.into() }
    }
}

/// A plausible range for an age limit in 周岁: the app's sanity check, not the notice's.
const AGE_RANGE: std::ops::RangeInclusive<u32> = 18..=100;

/// Every problem of the rule-set, in the order of its fields; empty when it can be used.
pub fn validate(rs: &RuleSet) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut bad = |path: String, msg: String| out.push(Problem::new(path, msg));
    if rs.id.is_empty()
        || rs.id.len() > 40
        || !rs.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        bad("id".into(), "规则集编号须为 1–40 个小写字母、数字或连字符（如 cas-2026）".into());
    }
    let names = [("name", &rs.name, "规则集名称"), ("notice.title", &rs.notice.title, "通知标题")];
    for (path, value, what) in names {
        if value.trim().is_empty() {
            bad(path.into(), format!("{what}不能为空"));
        }
    }
    if rs.program_year.start > rs.program_year.end {
        bad(
            "program_year.end".into(),
            format!("项目执行期的结束日 {} 早于开始日 {}", rs.program_year.end, rs.program_year.start),
        );
    }
    if rs.submission_deadline < rs.notice.date {
        bad(
            "submission_deadline".into(),
            format!("申报截止日期 {} 早于通知的发布日期 {}", rs.submission_deadline, rs.notice.date),
        );
    } else if rs.submission_deadline > rs.program_year.end {
        bad(
            "submission_deadline".into(),
            format!(
                "申报截止日期 {} \
                 晚于项目执行期的结束日 {}",
                rs.submission_deadline, rs.program_year.end
            ),
        );
    }
    for c in Category::ALL {
        let Some(r) = rs.categories.get(&c) else {
            bad(format!("categories.{}", c.key()), format!("缺少类别 {}", c.key()));
            continue;
        };
        let p = |field: &str| format!("categories.{}.{field}", c.key());
        if r.min_members == 0 {
            bad(p("min_members"), format!("{}：最少人数须至少为 1", r.label));
        } else if r.min_members > r.max_members {
            let (min, max) = (r.min_members, r.max_members);
            bad(p("max_members"), format!("{}：最多人数 {max} 少于最少人数 {min}", r.label));
        }
        if !AGE_RANGE.contains(&r.max_age) {
            bad(
                p("max_age"),
                format!(
                    "{}：年龄上限 {} 周岁不合理，应在 {}–{} 周岁之间",
                    r.label,
                    r.max_age,
                    AGE_RANGE.start(),
                    AGE_RANGE.end()
                ),
            );
        }
        if r.leader_levels.is_empty() {
            bad(p("leader_levels"), format!("{}：至少选择一个带头人可有的职称级别", r.label));
        }
        if r.label.trim().is_empty() {
            bad(p("label"), format!("类别 {} 的名称不能为空", c.key()));
        }
    }
    let topics = &rs.key_fields.topics;
    if topics.len() > usize::from(u8::MAX) {
        bad("key_fields.topics".into(), format!("重点领域专项最多 {} 项", u8::MAX));
    }
    for (i, _) in topics.iter().enumerate().filter(|(_, t)| t.trim().is_empty()) {
        bad(format!("key_fields.topics[{i}]"), format!("第 {} 项专项的名称不能为空", i + 1));
    }
    let flags: Vec<&str> = Priority::default().flags().iter().map(|(k, _)| *k).collect();
    let mut seen = BTreeSet::new();
    for (i, item) in rs.priority_items.iter().enumerate() {
        let path = format!("priority_items[{i}]");
        if !flags.contains(&item.key.as_str()) {
            bad(path, format!("优先条件的键「{}」无效，应为 {} 之一", item.key, flags.join("、")));
        } else if !seen.insert(item.key.as_str()) {
            bad(path, format!("优先条件「{}」重复", item.key));
        } else if item.label.trim().is_empty() {
            bad(path, format!("优先条件「{}」的名称不能为空", item.key));
        }
    }
    check_durations(rs, &mut bad);
    check_hosts(rs, &mut bad);
    if !(1..=366).contains(&rs.summary_due_working_days) {
        bad(
            "summary_due_working_days".into(),
            format!(
                "提交培训总结的期限 {} 个工作日不合理，\
                 应在 1–366 之间",
                rs.summary_due_working_days
            ),
        );
    }
    check_reimbursement(rs, &mut bad);
    check_calendar(&rs.calendar, &mut bad);
    let mut codes = BTreeSet::new();
    for (i, c) in rs.developed_countries.countries.iter().enumerate() {
        if !codes.insert(c.code.as_str()) {
            bad(format!("developed_countries.countries[{i}]"), format!("国家代码 {} 重复", c.code));
        }
    }
    out.extend(super::clauses::problems(&rs.clauses));
    out
}

fn check_reimbursement(rs: &RuleSet, bad: &mut impl FnMut(String, String)) {
    let r = &rs.reimbursement;
    let mut real = true;
    for (path, md) in [
        ("reimbursement.period_start", r.period_start),
        ("reimbursement.period_end", r.period_end),
        ("reimbursement.settlement_window.from", r.settlement_window.from),
        ("reimbursement.settlement_window.to", r.settlement_window.to),
    ] {
        if !is_real_month_day(md) {
            bad(path.into(), format!("{} 月 {} 日不是有效的日期", md.month, md.day));
            real = false;
        }
    }
    if !real {
        return;
    }
    // Five periods in a row, a leap day among them: each period must be twelve months that
    // begin the day after the one before ended, so that every day is in exactly one.
    let first = rs.program_year.start.year();
    let periods: Vec<Option<(NaiveDate, NaiveDate)>> = (first..first + 5).map(|y| rs.reimbursement_period(y)).collect();
    let twelve_months = periods.windows(2).all(|w| match (w[0], w[1]) {
        (Some((_, end)), Some((next, _))) => end.succ_opt() == Some(next),
        _ => false,
    });
    if !twelve_months {
        let (s, e) = (r.period_start, r.period_end);
        bad(
            "reimbursement.period_end".into(),
            format!(
                "核销期间 {}月{}日 至 {}月{}日 不是首尾相接的十二个月：\
                 结束日应是开始日的前一天（如 9-1 至 8-31），每一天恰属于一个期间",
                s.month, s.day, e.month, e.day
            ),
        );
        return;
    }
    // The window settles the period that has just ended: it opens after its last day and
    // before half a year has passed (one typed as the period's own last month opens a year
    // late when read as the next one).
    let Some((_, end)) = periods[0] else { return };
    let w = &r.settlement_window;
    match rs.settlement_window(end) {
        Some((from, _)) if (from - end).num_days() <= 183 => {}
        _ => bad(
            "reimbursement.settlement_window.from".into(),
            format!(
                "集中核销时间 {}月{}日 起：\
                 应在核销期间结束（{}月{}日）之后开始，不能早于期间结束",
                w.from.month, w.from.day, r.period_end.month, r.period_end.day
            ),
        ),
    }
}

fn check_durations(rs: &RuleSet, bad: &mut impl FnMut(String, String)) {
    let d = &rs.durations;
    if d.allowed.is_empty() && d.open_ended_from.is_none() {
        bad("durations.allowed".into(), "至少要有一种允许的培训天数".into());
    }
    let longest = d.allowed.iter().copied().max().unwrap_or(0);
    match d.open_ended_from {
        Some(0) => bad(
            "durations.open_ended_from".into(),
            "不限天数的起点须至少为 1 天；\
             没有不限天数的项目时请留空"
                .into(),
        ),
        Some(from) if from < longest => bad(
            "durations.open_ended_from".into(),
            format!(
                "不限天数的起点 {from} 天短于所列的最长天数 {longest} 天；\
                 没有不限天数的项目时请留空"
            ),
        ),
        _ => {}
    }
    let mut seen = BTreeSet::new();
    for (i, days) in d.allowed.iter().enumerate() {
        if *days == 0 {
            bad(format!("durations.allowed[{i}]"), "培训天数须至少为 1 天".into());
        } else if !seen.insert(days) {
            bad(format!("durations.allowed[{i}]"), format!("培训天数 {days} 重复"));
        }
    }
}

fn check_hosts(rs: &RuleSet, bad: &mut impl FnMut(String, String)) {
    if rs.min_hosts == 0 {
        bad("min_hosts".into(), "境外培训机构最少数量须至少为 1".into());
    }
    if rs.max_cities == 0 {
        bad("max_cities".into(), "培训城市数量上限须至少为 1".into());
    }
    if rs.host_limits.is_empty() {
        bad(
            "host_limits".into(),
            "至少要有一条境外培训机构数量限制\
             （自多少天起最多几家）"
                .into(),
        );
    }
    let mut seen = BTreeSet::new();
    for (i, l) in rs.host_limits.iter().enumerate() {
        if !seen.insert(l.from_days) {
            bad(format!("host_limits[{i}]"), format!("“自 {} 天起”的限制重复", l.from_days));
        } else if l.max_hosts < rs.min_hosts {
            bad(
                format!("host_limits[{i}]"),
                format!("自 {} 天起最多 {} 家，少于最少数量 {}", l.from_days, l.max_hosts, rs.min_hosts),
            );
        }
    }
}

/// Month and day exist in some year (29 February counts).
fn is_real_month_day(md: MonthDay) -> bool {
    NaiveDate::from_ymd_opt(2000, md.month, md.day).is_some()
}

fn check_calendar(years: &[YearCalendar], bad: &mut impl FnMut(String, String)) {
    let mut seen_years = BTreeSet::new();
    // Every off day so far, to find ranges that overlap (within a year or across two).
    let mut off: Vec<(NaiveDate, NaiveDate, String)> = Vec::new();
    for (y, cal) in years.iter().enumerate() {
        let at = |rest: &str| format!("calendar[{y}]{rest}");
        if !seen_years.insert(cal.year) {
            bad(at(".year"), format!("{} 年的节假日安排出现了两次", cal.year));
        }
        if cal.source.trim().is_empty() {
            bad(at(".source"), format!("{} 年的节假日安排须注明依据（通知文号）", cal.year));
        }
        for (i, h) in cal.holidays.iter().enumerate() {
            let path = at(&format!(".holidays[{i}]"));
            if h.from > h.to {
                bad(path, format!("{}：结束日 {} 早于开始日 {}", h.name, h.to, h.from));
                continue;
            }
            if h.from.year() != cal.year || h.to.year() != cal.year {
                bad(
                    path,
                    format!(
                        "{}（{} 至 {}）超出 {} 年：\
                         每年的安排只能含本年的日期，跨年的部分请写入另一年的安排",
                        h.name, h.from, h.to, cal.year
                    ),
                );
                continue;
            }
            if let Some((_, _, other)) = off.iter().find(|(f, t, _)| h.from <= *t && *f <= h.to) {
                bad(path, format!("{}（{} 至 {}）与{}重叠", h.name, h.from, h.to, other));
                continue;
            }
            off.push((h.from, h.to, format!("{}（{} 至 {}）", h.name, h.from, h.to)));
        }
        for (i, w) in cal.workdays.iter().enumerate() {
            let path = at(&format!(".workdays[{i}]"));
            if w.year() != cal.year {
                bad(
                    path,
                    format!(
                        "调休上班日 {w} 不在 {} 年：\
                         每年的安排只能含本年的日期",
                        cal.year
                    ),
                );
            } else if !matches!(w.weekday(), Weekday::Sat | Weekday::Sun) {
                bad(path, format!("调休上班日 {w} 不是周六或周日"));
            } else if let Some((_, _, h)) = off.iter().find(|(f, t, _)| f <= w && w <= t) {
                bad(path, format!("调休上班日 {w} 落在{h}之内"));
            }
        }
    }
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
