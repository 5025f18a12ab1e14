//! Fixtures and assertions for rule tests: a complete, valid application per category,
//! changed one field at a time to land on either side of a boundary.

use chrono::{Days, NaiveDate};

use super::{Check, Cx, Finding, Report, Rule};
use crate::model::{Application, Category, Contact, CountryCode, Host, Member, TitleLevel};
use crate::rule_set::RuleSet;
use crate::workspace::Workspace;

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The day tests run on unless they say otherwise: before the 2020 submission deadline.
pub const TODAY: &str = "2020-01-10";

pub fn member(i: usize, name: &str, born: &str, level: TitleLevel) -> Member {
    Member {
        id: format!("m{i}"),
        name: name.into(),
        gender: Some(crate::model::Gender::Female),
        birth_date: Some(d(born)),
        unit: "中国科学院物理研究所".into(),
        registered_staff: Some(true),
        title: level.label().into(),
        title_level: Some(level),
        position: "课题组长".into(),
        discipline: "凝聚态物理".into(),
        foreign_language: "英语 熟练".into(),
        is_leader: i == 0,
        phone: "010-82640000".into(),
        email: format!("m{i}@iphy.ac.cn"),
        ..Default::default()
    }
}

pub fn host(i: usize, city: &str) -> Host {
    Host {
        name_zh: format!("培训机构{i}"),
        name_en: format!("Host {i}"),
        country: None,
        city: city.into(),
        website: format!("https://host{i}.example.org"),
        contact: "Dr. Example".into(),
    }
}

/// A complete application of `category` that breaks no rule: two members, 14 days in
/// Germany from 2020-06-01, one host in Berlin.
pub fn valid(category: Category) -> Application {
    Application {
        id: format!("app-{}", category.key()),
        revision: 1,
        title: "量子材料表征技术研修".into(),
        category: Some(category),
        country: CountryCode::parse("DE"),
        hosts: vec![host(0, "Berlin")],
        duration_days: Some(14),
        exit_date: Some(d("2020-06-01")),
        return_date: Some(d("2020-06-14")),
        rationale: "本单位在量子材料方向与发达国家存在差距。".into(),
        content: "第一周：实验技术；第二周：数据分析。".into(),
        objectives: "掌握先进表征技术。".into(),
        sharing_plan: "回国后举办学术报告。".into(),
        lead_unit: "中国科学院物理研究所".into(),
        contact: Contact { name: "王五".into(), phone: "010-82640001".into(), email: "w@iphy.ac.cn".into() },
        members: vec![
            member(0, "张三", "1982-05-05", TitleLevel::SeniorFull),
            member(1, "李二", "1985-07-07", TitleLevel::Intermediate),
        ],
        ..Default::default()
    }
}

pub fn youth() -> Application {
    valid(Category::Youth)
}

pub trait AppExt {
    /// Member `i` born on `date`.
    fn born(self, i: usize, date: &str) -> Self;
    /// Exit on `date`, return so that the duration stays right.
    fn exits(self, date: &str) -> Self;
    /// Duration `days` with a matching return date.
    fn lasting(self, days: u32) -> Self;
    /// Exactly `n` members, member 0 the leader.
    fn with_members(self, n: usize) -> Self;
    /// Member `i` with title level `level`.
    fn level(self, i: usize, level: TitleLevel) -> Self;
    /// One host per city, all in the application's country.
    fn hosts_in(self, cities: &[&str]) -> Self;
    /// A distinct id and title, for workspaces of several applications.
    fn named(self, id: &str, title: &str) -> Self;
}

impl AppExt for Application {
    fn born(mut self, i: usize, date: &str) -> Self {
        self.members[i].birth_date = Some(d(date));
        self
    }

    fn exits(mut self, date: &str) -> Self {
        self.exit_date = Some(d(date));
        let days = self.duration_days.unwrap_or(14);
        self.lasting(days)
    }

    fn lasting(mut self, days: u32) -> Self {
        self.duration_days = Some(days);
        self.return_date = self.exit_date.and_then(|e| e.checked_add_days(Days::new(u64::from(days) - 1)));
        self
    }

    fn with_members(mut self, n: usize) -> Self {
        self.members = (0..n)
            .map(|i| {
                let level = if i == 0 { TitleLevel::SeniorFull } else { TitleLevel::Intermediate };
                member(i, &format!("成员{i}"), "1985-07-07", level)
            })
            .collect();
        self
    }

    fn level(mut self, i: usize, level: TitleLevel) -> Self {
        self.members[i].title_level = Some(level);
        self
    }

    fn hosts_in(mut self, cities: &[&str]) -> Self {
        self.hosts = cities.iter().enumerate().map(|(i, c)| host(i, c)).collect();
        self
    }

    fn named(mut self, id: &str, title: &str) -> Self {
        self.id = id.into();
        self.title = title.into();
        self
    }
}

pub fn cx(ws: &Workspace) -> Cx<'_> {
    cx_on(ws, TODAY)
}

/// A context whose today is `today`.
pub fn cx_on<'a>(ws: &'a Workspace, today: &str) -> Cx<'a> {
    Cx::new(RuleSet::embedded(), ws, d(today))
}

pub fn workspace(apps: Vec<Application>) -> Workspace {
    Workspace { applications: apps, ..Default::default() }
}

/// Runs one rule on one application on the day `today`.
pub fn run_on(rule: &'static Rule, app: &Application, today: &str) -> Vec<Finding> {
    let ws = workspace(vec![app.clone()]);
    run_ws(rule, &cx_on(&ws, today), &ws)
}

/// Runs one rule on one application, in a workspace holding only it.
pub fn run(rule: &'static Rule, app: &Application) -> Vec<Finding> {
    run_on(rule, app, TODAY)
}

/// A copy of the embedded rule-set, for tests that change one of its numbers.
pub fn embedded() -> RuleSet {
    RuleSet::embedded().clone()
}

/// Runs one rule on one application under another rule-set.
pub fn run_with(rule: &'static Rule, rs: &RuleSet, app: &Application) -> Vec<Finding> {
    let ws = workspace(vec![app.clone()]);
    run_ws(rule, &Cx::new(rs, &ws, d(TODAY)), &ws)
}

/// Runs one rule on a workspace with the given context.
pub fn run_ws(rule: &'static Rule, cx: &Cx, ws: &Workspace) -> Vec<Finding> {
    let mut out = Vec::new();
    match rule.check {
        Check::Application(f) => {
            for a in &ws.applications {
                f(cx, a, &mut Report::new(rule, cx, Some(&a.id), &mut out));
            }
        }
        Check::Workspace(f) => f(cx, ws, &mut Report::new(rule, cx, None, &mut out)),
    }
    out
}

#[track_caller]
pub fn assert_clean(rule: &'static Rule, app: &Application) {
    let found = run(rule, app);
    assert!(found.is_empty(), "{} should not fire, found {found:#?}", rule.id);
}

/// Exactly one finding of `rule`, at `path`; returns it for checks on the message.
#[track_caller]
pub fn assert_one(rule: &'static Rule, app: &Application, path: &str) -> Finding {
    let found = run(rule, app);
    assert_eq!(found.len(), 1, "{} should fire once, found {found:#?}", rule.id);
    let f = found.into_iter().next().unwrap();
    assert_eq!((f.rule, f.path.as_str()), (rule.id, path));
    assert_eq!(f.severity, rule.severity);
    assert!(!f.message.is_empty());
    f
}

#[test]
fn the_fixtures_break_no_rule() {
    for c in Category::ALL {
        let app = valid(c);
        let ws = Workspace { applications: vec![app], ..Default::default() };
        let found: Vec<_> = super::check_all(&cx(&ws), &ws)
            .into_iter()
            .filter(|f| f.severity != super::Severity::Info && f.rule != "developed-country")
            .collect();
        assert!(found.is_empty(), "{c:?}: {found:#?}");
    }
}

/// Where each finding points, `(application, path)`, to compare with a table.
pub fn places(found: &[Finding]) -> Vec<(Option<&str>, &str)> {
    found.iter().map(|f| (f.application.as_deref(), f.path.as_str())).collect()
}
