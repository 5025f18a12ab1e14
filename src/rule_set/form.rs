//! The rule-set form's text, read in the core: each field of the browser's form is a
//! line of text or a text area (one holiday, one country, one host limit a line), and
//! reading it gives the value or every problem, in Chinese, at the field's path
//! (「第 3 行：“2026-13-01” 不是有效的日期…」; dates by the one reader,
//! `model::date_text`). The form shows a value with `to_text` and reads it back with
//! `from_text`; `validate` then checks the whole rule-set.

use chrono::{Datelike, NaiveDate};

use super::validate::Problem;
use super::{HostLimit, MonthDay, NamedCountry, PriorityItem, RuleSet};
use crate::calendar::{Holiday, YearCalendar};
use crate::model::CountryCode;

type Read<T> = Result<T, Vec<Problem>>;

/// A value of the form written as text, and read back.
pub trait FieldText: Sized {
    fn to_text(&self) -> String;
    /// The value of `text`, or its problems at `path`.
    fn from_text(path: &str, text: &str) -> Read<Self>;
}

impl FieldText for String {
    fn to_text(&self) -> String {
        self.clone()
    }
    fn from_text(_: &str, text: &str) -> Read<String> {
        Ok(text.to_string())
    }
}

impl FieldText for u32 {
    fn to_text(&self) -> String {
        self.to_string()
    }
    fn from_text(path: &str, text: &str) -> Read<u32> {
        parse_number(text).map_err(|m| one(path, m))
    }
}

/// A number that may be left empty (the open-ended duration: empty when there is none).
impl FieldText for Option<u32> {
    fn to_text(&self) -> String {
        self.map(|n| n.to_string()).unwrap_or_default()
    }
    fn from_text(path: &str, text: &str) -> Read<Option<u32>> {
        if text.trim().is_empty() { Ok(None) } else { u32::from_text(path, text).map(Some) }
    }
}

/// A calendar's year.
impl FieldText for i32 {
    fn to_text(&self) -> String {
        self.to_string()
    }
    fn from_text(path: &str, text: &str) -> Read<i32> {
        let t = text.trim();
        match t.parse::<i32>() {
            Ok(y) if t.len() == 4 && (1900..=2200).contains(&y) => Ok(y),
            _ => Err(one(path, format!("“{t}” 不是年份（四位数字，如 2027）"))),
        }
    }
}

impl FieldText for NaiveDate {
    fn to_text(&self) -> String {
        self.to_string()
    }
    fn from_text(path: &str, text: &str) -> Read<NaiveDate> {
        parse_date(text).map_err(|m| one(path, m))
    }
}

/// 「9-1」: 9 月 1 日.
impl FieldText for MonthDay {
    fn to_text(&self) -> String {
        format!("{}-{}", self.month, self.day)
    }
    fn from_text(path: &str, text: &str) -> Read<MonthDay> {
        parse_month_day(path, text)
    }
}

/// 「14, 21, 30, 60」.
impl FieldText for Vec<u32> {
    fn to_text(&self) -> String {
        self.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
    }
    fn from_text(path: &str, text: &str) -> Read<Vec<u32>> {
        parse_numbers(path, text)
    }
}

/// One text a line (the key-field topics).
impl FieldText for Vec<String> {
    fn to_text(&self) -> String {
        self.join("\n")
    }
    fn from_text(_: &str, text: &str) -> Read<Vec<String>> {
        Ok(lines(text).map(|(_, l)| l.to_string()).collect())
    }
}

/// A list written one item a line: how an item is written, and the function that reads
/// the lines back.
macro_rules! one_a_line {
    ($($(#[$doc:meta])* $t:ty: |$x:ident| $show:expr, $read:path;)*) => {$(
        $(#[$doc])*
        impl FieldText for Vec<$t> {
            fn to_text(&self) -> String {
                self.iter().map(|$x| $show).collect::<Vec<_>>().join("\n")
            }
            fn from_text(path: &str, text: &str) -> Read<Vec<$t>> {
                $read(path, text)
            }
        }
    )*};
}

one_a_line! {
    /// One date a line (make-up working days).
    NaiveDate: |d| d.to_string(), parse_lines_dates;
    /// 「14 2」 a line.
    HostLimit: |l| format!("{} {}", l.from_days, l.max_hosts), parse_lines_host_limits;
    /// 「three_majors “三重大”产出导向」 a line.
    PriorityItem: |p| format!("{} {}", p.key, p.label), parse_lines_priority_items;
    /// 「US 美国」 a line.
    NamedCountry: |c| format!("{} {}", c.code, c.name), parse_lines_countries;
    /// 「2026-01-01 2026-01-03 元旦」 a line.
    Holiday: |h| format!("{} {} {}", h.from, h.to, h.name), parse_lines_holidays;
}

/// The non-blank lines, trimmed, with their 1-based line numbers.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().map(|(i, l)| (i + 1, l.trim())).filter(|(_, l)| !l.is_empty())
}

fn one(path: &str, message: String) -> Vec<Problem> {
    vec![Problem::new(path, message)]
}

/// Reads every non-blank line with `read`; problems are 「第 n 行：…」 at `path`.
pub(super) fn each_line<T>(path: &str, text: &str, read: impl Fn(&str) -> Result<T, String>) -> Read<Vec<T>> {
    let (mut values, mut problems) = (Vec::new(), Vec::new());
    for (n, line) in lines(text) {
        match read(line) {
            Ok(v) => values.push(v),
            Err(m) => problems.push(Problem::new(path, format!("第 {n} 行：{m}"))),
        }
    }
    if problems.is_empty() { Ok(values) } else { Err(problems) }
}

/// A whole number such as 60.
pub fn parse_number(text: &str) -> Result<u32, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("请填写一个整数".into());
    }
    match t.parse::<u32>() {
        Ok(n) if t.bytes().all(|b| b.is_ascii_digit()) => Ok(n),
        _ => Err(format!("“{t}” 不是整数")),
    }
}

/// A date as people type it: the one reader (`model::date_text`).
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    crate::model::date_text::read_date(text)
}

/// 「9-1」, 「9/1」, 「9月1日」 or 「9 1」: a month and day that exist (29 February does).
pub fn parse_month_day(path: &str, text: &str) -> Read<MonthDay> {
    let t = text.trim();
    let groups: Vec<u32> =
        t.split(|c: char| !c.is_ascii_digit()).filter(|g| !g.is_empty()).filter_map(|g| g.parse().ok()).collect();
    match groups.as_slice() {
        [month, day] if NaiveDate::from_ymd_opt(2000, *month, *day).is_some() => {
            Ok(MonthDay { month: *month, day: *day })
        }
        _ => Err(one(path, format!("“{t}” 不是有效的月日（应为 9-1 的格式，即 9 月 1 日）"))),
    }
}

/// 「14, 21, 30, 60」 (commas, 、 or spaces between the numbers).
pub fn parse_numbers(path: &str, text: &str) -> Read<Vec<u32>> {
    let (mut values, mut problems) = (Vec::new(), Vec::new());
    let items = text.split([',', '，', '、', ';', '；', ' ', '\n', '\t']).filter(|s| !s.trim().is_empty());
    for (i, item) in items.enumerate() {
        match parse_number(item) {
            Ok(n) => values.push(n),
            Err(m) => problems.push(Problem::new(path, format!("第 {} 项：{m}", i + 1))),
        }
    }
    if problems.is_empty() { Ok(values) } else { Err(problems) }
}

/// One date a line.
pub fn parse_lines_dates(path: &str, text: &str) -> Read<Vec<NaiveDate>> {
    each_line(path, text, parse_date)
}

/// 「14 2」 a line: from 14 days of training on, at most 2 hosts.
pub fn parse_lines_host_limits(path: &str, text: &str) -> Read<Vec<HostLimit>> {
    each_line(path, text, |line| match line.split_whitespace().collect::<Vec<_>>().as_slice() {
        [from, max] => Ok(HostLimit { from_days: parse_number(from)?, max_hosts: parse_number(max)? }),
        _ => Err(format!("“{line}” 应为两个整数：自多少天起、最多几家（如 14 2）")),
    })
}

/// 「three_majors “三重大”产出导向」 a line: the key (checked by `validate`) and its label.
pub fn parse_lines_priority_items(path: &str, text: &str) -> Read<Vec<PriorityItem>> {
    each_line(path, text, |line| match line.split_once(char::is_whitespace) {
        Some((key, label)) => Ok(PriorityItem { key: key.to_string(), label: label.trim().to_string() }),
        None => Err(format!("“{line}” 缺少名称（应为：键 名称）")),
    })
}

/// 「US 美国」 a line; without a name, the ISO list's Chinese name is taken.
pub fn parse_lines_countries(path: &str, text: &str) -> Read<Vec<NamedCountry>> {
    each_line(path, text, |line| {
        let (code, name) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let Some(code) = CountryCode::parse(&code.to_ascii_uppercase()) else {
            return Err(format!("“{code}” 不是两个字母的国家代码（ISO 3166-1，如 US）"));
        };
        let name = match name.trim() {
            "" => {
                let ask = || format!("请写出 {code} 的国家名称（如 {code} 某国）");
                code.name().ok_or_else(ask)?.to_string()
            }
            n => n.to_string(),
        };
        Ok(NamedCountry { code, name })
    })
}

/// 「2026-01-01 2026-01-03 元旦」 a line; a one-day holiday may give one date
/// (「2026-04-05 清明节」).
pub fn parse_lines_holidays(path: &str, text: &str) -> Read<Vec<Holiday>> {
    each_line(path, text, |line| {
        let mut words = line.split_whitespace().peekable();
        let from = parse_date(words.next().unwrap_or_default())?;
        // A second word that starts with a digit is meant as the last day.
        let to = match words.peek() {
            Some(w) if w.starts_with(|c: char| c.is_ascii_digit()) => parse_date(words.next().unwrap_or_default())?,
            _ => from,
        };
        let name = words.collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err(format!("“{line}” 缺少节日名称（如 2026-01-01 2026-01-03 元旦）"));
        }
        Ok(Holiday { from, to, name })
    })
}

/// Whether a problem at `problem` is shown at the field `field`: the field itself or an
/// item of it (`calendar[0].holidays[2]` at `calendar[0].holidays`).
pub fn belongs_to(problem: &str, field: &str) -> bool {
    problem.strip_prefix(field).is_some_and(|rest| rest.is_empty() || rest.starts_with(['[', '.']))
}

/// The problems with a rule-set's id beside the others this browser has: the embedded
/// id is the app's own, and an id may name one rule-set only. `editing` is the id of the
/// rule-set the form edits (it may keep its id).
pub fn id_problems(draft: &RuleSet, editing: Option<&str>, taken: &[&str]) -> Vec<Problem> {
    let id = draft.id.as_str();
    if id == RuleSet::embedded().id {
        vec![Problem::new("id", format!("编号 {id} 是内置规则集的编号，请换一个（如 {id}-copy）"))]
    } else if taken.contains(&id) && editing != Some(id) {
        vec![Problem::new("id", format!("编号 {id} 已被另一个规则集使用，请换一个"))]
    } else {
        Vec::new()
    }
}

/// A copy to start a new rule-set from: `<id>-copy` (-copy-2 … while taken), named
/// 「<name>（副本）」.
pub fn copy_of(rs: &RuleSet, taken: &[&str]) -> RuleSet {
    let base = format!("{}-copy", rs.id);
    let id = std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|id| !taken.contains(&id.as_str()) && *id != RuleSet::embedded().id)
        .unwrap_or(base);
    RuleSet { id, name: format!("{}（副本）", rs.name), ..rs.clone() }
}

/// An empty calendar for the year after the last one the app knows (built in or the
/// rule-set's own), for 「添加一年」.
pub fn next_calendar_year(rs: &RuleSet) -> YearCalendar {
    let last = crate::calendar::in_use(&rs.calendar).iter().map(|y| y.year).max().unwrap_or(rs.program_year.end.year());
    YearCalendar { year: last + 1, source: String::new(), holidays: Vec::new(), workdays: Vec::new() }
}

#[cfg(test)]
#[path = "form_tests.rs"]
mod tests;
