//! The rule-set form's text, read in the core: each field of the browser's form is a
//! line of text or a text area (one holiday, one country, one host limit a line), and
//! reading it gives the value or every problem, in Chinese, at the field's path
//! (「第 3 行：“2026-13-01” 不是有效的日期…」; dates by the one reader, `model::date_text`). The form shows a value with `to_text` and
//! reads it back with `from_text`; `validate` then checks the whole rule-set.

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
            "" => code.name().ok_or_else(|| format!("请写出 {code} 的国家名称（如 {code} 某国）"))?.to_string(),
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
mod tests {
    use super::*;
    use crate::rules::testing::d;

    fn messages<T: std::fmt::Debug>(r: Read<T>) -> Vec<String> {
        r.expect_err("problems").into_iter().map(|p| format!("{} {}", p.path, p.message)).collect()
    }

    #[test]
    fn single_values_read_and_refuse() {
        assert_eq!(u32::from_text("min_hosts", " 3 "), Ok(3));
        assert_eq!(messages(u32::from_text("min_hosts", "3.5")), ["min_hosts “3.5” 不是整数"]);
        assert_eq!(messages(u32::from_text("min_hosts", "-1")), ["min_hosts “-1” 不是整数"]);
        assert_eq!(messages(u32::from_text("min_hosts", "")), ["min_hosts 请填写一个整数"]);
        assert_eq!(NaiveDate::from_text("submission_deadline", "2026-03-31"), Ok(d("2026-03-31")));
        assert_eq!(
            messages(NaiveDate::from_text("submission_deadline", "2026-13-01")),
            [
                "submission_deadline “2026-13-01” 不是有效的日期（请按 YYYY-MM-DD 填写，也可写作 YYYY/M/D、YYYY年M月D日 或 YYYYMMDD）"
            ]
        );
        // Read as every date people type is (`model::date_text`).
        assert_eq!(NaiveDate::from_text("x", "2026-3-31"), Ok(d("2026-03-31")));
        assert_eq!(NaiveDate::from_text("x", "2026年3月31日"), Ok(d("2026-03-31")));
        assert_eq!(i32::from_text("calendar[0].year", "2027"), Ok(2027));
        assert!(i32::from_text("calendar[0].year", "27").is_err());
        assert_eq!(MonthDay::from_text("p", "9-1"), Ok(MonthDay { month: 9, day: 1 }));
        assert_eq!(MonthDay::from_text("p", "2月29日"), Ok(MonthDay { month: 2, day: 29 }));
        assert_eq!(
            messages(MonthDay::from_text("p", "2-30")),
            ["p “2-30” 不是有效的月日（应为 9-1 的格式，即 9 月 1 日）"]
        );
    }

    #[test]
    fn durations_are_a_list_of_numbers() {
        assert_eq!(parse_numbers("durations.allowed", "14, 21，30、60"), Ok(vec![14, 21, 30, 60]));
        assert_eq!(parse_numbers("durations.allowed", ""), Ok(vec![]));
        assert_eq!(
            messages(parse_numbers("durations.allowed", "14, x, 30")),
            ["durations.allowed 第 2 项：“x” 不是整数"]
        );
    }

    #[test]
    fn holidays_one_a_line_with_every_bad_line_named() {
        let text = "2026-01-01 2026-01-03 元旦\n\n2026-04-05 清明节\n";
        assert_eq!(
            parse_lines_holidays("calendar[0].holidays", text),
            Ok(vec![
                Holiday { from: d("2026-01-01"), to: d("2026-01-03"), name: "元旦".into() },
                Holiday { from: d("2026-04-05"), to: d("2026-04-05"), name: "清明节".into() },
            ])
        );
        let bad = "2026-01-01 2026-01-03 元旦\n2026-13-01 2026-13-02 春节\n2026-05-01 2026-05-05";
        assert_eq!(
            messages(parse_lines_holidays("calendar[0].holidays", bad)),
            [
                "calendar[0].holidays 第 2 行：“2026-13-01” 不是有效的日期（请按 YYYY-MM-DD 填写，也可写作 YYYY/M/D、YYYY年M月D日 或 YYYYMMDD）",
                "calendar[0].holidays 第 3 行：“2026-05-01 2026-05-05” 缺少节日名称（如 2026-01-01 2026-01-03 元旦）",
            ]
        );
    }

    #[test]
    fn dates_host_limits_priorities_and_countries() {
        assert_eq!(parse_lines_dates("w", "2026-01-04\n 2026-02-14 "), Ok(vec![d("2026-01-04"), d("2026-02-14")]));
        assert_eq!(messages(parse_lines_dates("w", "2026-01-04\n1月4日")).len(), 1);
        assert_eq!(
            parse_lines_host_limits("host_limits", "14 2\n21 3"),
            Ok(vec![HostLimit { from_days: 14, max_hosts: 2 }, HostLimit { from_days: 21, max_hosts: 3 }])
        );
        assert_eq!(
            messages(parse_lines_host_limits("host_limits", "14\n21 x")),
            [
                "host_limits 第 1 行：“14” 应为两个整数：自多少天起、最多几家（如 14 2）",
                "host_limits 第 2 行：“x” 不是整数",
            ]
        );
        assert_eq!(
            parse_lines_priority_items("priority_items", "three_majors “三重大”产出导向"),
            Ok(vec![PriorityItem { key: "three_majors".into(), label: "“三重大”产出导向".into() }])
        );
        assert_eq!(messages(parse_lines_priority_items("priority_items", "three_majors")).len(), 1);
        let countries = parse_lines_countries("developed_countries.countries", "us 美利坚\nDE").unwrap();
        assert_eq!(
            countries.iter().map(|c| (c.code.as_str(), c.name.as_str())).collect::<Vec<_>>(),
            [("US", "美利坚"), ("DE", "德国")]
        );
        assert_eq!(
            messages(parse_lines_countries("developed_countries.countries", "USA 美国")),
            ["developed_countries.countries 第 1 行：“USA” 不是两个字母的国家代码（ISO 3166-1，如 US）"]
        );
    }

    #[test]
    fn every_value_of_the_embedded_rule_set_reads_back_from_its_text() {
        fn round<T: FieldText + PartialEq + std::fmt::Debug>(v: &T) {
            assert_eq!(T::from_text("p", &v.to_text()).as_ref(), Ok(v));
        }
        let rs = RuleSet::embedded();
        round(&rs.durations.allowed);
        round(&rs.key_fields.topics);
        round(&rs.priority_items);
        round(&rs.host_limits);
        round(&rs.developed_countries.countries);
        round(&rs.reimbursement.period_start);
        round(&rs.submission_deadline);
        for y in crate::calendar::built_in() {
            round(&y.holidays);
            round(&y.workdays);
        }
    }

    #[test]
    fn a_problem_shows_at_its_field_and_the_items_of_it() {
        assert!(belongs_to("calendar[0].holidays[2]", "calendar[0].holidays"));
        assert!(belongs_to("categories.youth.max_members", "categories.youth.max_members"));
        assert!(!belongs_to("calendar[1].holidays[2]", "calendar[0].holidays"));
        assert!(!belongs_to("categories.youth.max_members", "categories.youth.max"));
    }

    #[test]
    fn ids_are_unique_and_never_the_embedded_one() {
        let mut rs = RuleSet::embedded().clone();
        assert_eq!(
            id_problems(&rs, None, &[])[0].message,
            "编号 cas-2020 是内置规则集的编号，请换一个（如 cas-2020-copy）"
        );
        rs.id = "cas-2026".into();
        assert!(id_problems(&rs, None, &["cas-2021"]).is_empty());
        assert!(id_problems(&rs, Some("cas-2026"), &["cas-2026"]).is_empty(), "the edited one keeps its id");
        assert_eq!(
            id_problems(&rs, Some("cas-2021"), &["cas-2026"])[0].message,
            "编号 cas-2026 已被另一个规则集使用，请换一个"
        );
    }

    #[test]
    fn a_copy_gets_a_free_id_and_says_it_is_one() {
        let rs = RuleSet::embedded();
        let copy = copy_of(rs, &["cas-2020-copy"]);
        assert_eq!(
            (copy.id.as_str(), copy.name.as_str()),
            ("cas-2020-copy-2", "中国科学院 2020 年度因公出国（境）培训项目（副本）")
        );
        assert_eq!(copy.categories, rs.categories);
        assert!(super::super::validate(&copy).is_empty());
    }

    #[test]
    fn a_new_calendar_year_follows_the_last_known() {
        let last = crate::calendar::built_in().iter().map(|y| y.year).max().unwrap();
        assert_eq!(next_calendar_year(RuleSet::embedded()).year, last + 1);
    }
}
