//! Realistic, deterministic example data: for benches, property tests, fixtures and the
//! app's 「载入示例」. Every number (ages, durations, host and city limits, the program
//! year) comes from the rule-set, so the examples stay valid for another year's rules.
//! A tiny seeded PRNG (SplitMix64) keeps it reproducible without the `rand` crate.

use chrono::{DateTime, Datelike, Days, NaiveDate};

use crate::bundle::Kind;

use crate::model::{Application, Category, Contact, CountryCode, Gender, Host, Member, Priority, TitleLevel};
use crate::rule_set::RuleSet;
use crate::workspace::Workspace;

mod data;
mod text;

use data::{GIVEN, HOSTS, KINDS, LANGUAGES, SURNAMES, TOPICS, UNITS};

/// SplitMix64: small, fast, and good enough for example data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// 0..n (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next_u64() % n as u64) as usize }
    }

    /// lo..=hi
    pub fn between(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo { lo } else { lo + (self.next_u64() % (hi - lo + 1) as u64) as i64 }
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// A version-4-shaped UUID.
    pub fn uuid(&mut self) -> String {
        let (a, b) = (self.next_u64(), self.next_u64());
        format!(
            "{:08x}-{:04x}-4{:03x}-{:x}{:03x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xfff,
            8 + (b >> 62),
            (b >> 48) & 0xfff,
            b & 0xffff_ffff_ffff
        )
    }
}

fn person(rng: &mut Rng) -> String {
    format!("{}{}", rng.pick(SURNAMES), rng.pick(GIVEN))
}

fn phone(rng: &mut Rng) -> String {
    format!("1{}{:09}", rng.between(3, 9), rng.next_u64() % 1_000_000_000)
}

/// One complete application that breaks no per-application rule of `rs`; its leader
/// works at `unit`.
pub fn sample_application(rs: &RuleSet, rng: &mut Rng, unit: &str) -> Application {
    let category = *rng.pick(&Category::ALL);
    let cat = rs.category(category);
    let (topic, discipline) = *rng.pick(TOPICS);
    let title = format!("{topic}{}", rng.pick(KINDS));

    let days = *rng.pick(&rs.durations.allowed);
    let year = &rs.program_year;
    let latest_exit = (year.end - year.start).num_days() - i64::from(days);
    let exit =
        year.start.checked_add_days(Days::new(rng.between(60, latest_exit.max(60)) as u64)).unwrap_or(year.start);
    let ret = exit.checked_add_days(Days::new(u64::from(days.saturating_sub(1)))).unwrap_or(exit);

    let country = rng.pick(HOSTS).0;
    let candidates: Vec<_> = HOSTS.iter().filter(|h| h.0 == country).collect();
    let max_hosts = rs.max_hosts(days).unwrap_or(rs.min_hosts).max(1) as usize;
    let n_hosts = 1 + rng.below(max_hosts.min(candidates.len()).min(rs.max_cities.max(1) as usize));
    let start = rng.below(candidates.len());
    let hosts = (0..n_hosts)
        .map(|k| {
            let h = candidates[(start + k) % candidates.len()];
            Host {
                name_zh: h.1.into(),
                name_en: h.2.into(),
                country: None,
                city: h.3.into(),
                website: h.4.into(),
                contact: format!("Prof. {}", h.2.split_whitespace().next().unwrap_or("Host")),
            }
        })
        .collect();

    let size = rng.between(i64::from(cat.min_members), i64::from(cat.max_members)) as usize;
    let members: Vec<Member> =
        (0..size).map(|i| sample_member(rs, rng, category, i == 0, exit, unit, discipline)).collect();
    let leader = &members[0];
    let topics = rs.key_fields.topics.len().max(1) as i64;
    let special_topics = if rng.chance(25) { vec![rng.between(1, topics) as u8] } else { Vec::new() };
    let host = candidates[start].1;
    let [rationale, content, objectives, sharing_plan] = text::texts(rng, topic, discipline, host, days);

    Application {
        id: rng.uuid(),
        revision: 1,
        updated_at: None,
        history: Vec::new(),
        rule_set: rs.id.clone(),
        title,
        category: Some(category),
        special_topics,
        priority: Priority {
            innovation_fields: rng.chance(40),
            three_majors: rng.chance(30),
            national_major_tasks: rng.chance(30),
            strategic_priority_program: rng.chance(25),
            cas_key_project: rng.chance(20),
            four_institutions: rng.chance(15),
            priority_note: if rng.chance(30) {
                "依托中国科学院战略性先导科技专项（A类）".into()
            } else {
                String::new()
            },
        },
        country: CountryCode::parse(country),
        hosts,
        duration_days: Some(days),
        exit_date: Some(exit),
        return_date: Some(ret),
        rationale,
        content,
        objectives,
        sharing_plan,
        lead_unit: unit.into(),
        contact: Contact { name: leader.name.clone(), phone: leader.phone.clone(), email: leader.email.clone() },
        members,
        execution: None,
    }
}

fn sample_member(
    rs: &RuleSet,
    rng: &mut Rng,
    c: Category,
    leader: bool,
    exit: NaiveDate,
    unit: &str,
    discipline: &str,
) -> Member {
    let cat = rs.category(c);
    // Youngest 26, oldest one year under the limit, so the age rule holds on any exit day.
    let max_age = i64::from(cat.max_age) - 1;
    let age = if leader { rng.between(max_age.min(36), max_age) } else { rng.between(26.min(max_age), max_age) };
    let birth = NaiveDate::from_ymd_opt(exit.year() - age as i32, rng.between(1, 12) as u32, rng.between(1, 28) as u32);
    let level = if leader { *rng.pick(&cat.leader_levels) } else { *rng.pick(&TitleLevel::ALL[..4]) };
    let title = match level {
        TitleLevel::SeniorFull => "研究员",
        TitleLevel::SeniorAssociate => "副研究员",
        TitleLevel::Intermediate => "助理研究员",
        _ => "研究实习员",
    };
    let name = person(rng);
    Member {
        id: rng.uuid(),
        gender: Some(if rng.chance(50) { Gender::Male } else { Gender::Female }),
        birth_date: birth,
        unit: if leader || rng.chance(70) { unit.into() } else { (*rng.pick(UNITS)).into() },
        registered_staff: Some(true),
        title: title.into(),
        title_level: Some(level),
        position: if leader { "课题组长".into() } else { "项目骨干".into() },
        discipline: discipline.into(),
        foreign_language: (*rng.pick(LANGUAGES)).into(),
        is_leader: leader,
        phone: phone(rng),
        email: format!("user{}@example.ac.cn", rng.next_u64() % 100_000),
        name,
        ..Default::default()
    }
}

/// A unit's workspace of `n` applications, all ranked.
pub fn sample_workspace(rs: &RuleSet, seed: u64, n: usize) -> Workspace {
    let mut rng = Rng::new(seed);
    let unit = UNITS[0];
    let applications: Vec<Application> = (0..n).map(|_| sample_application(rs, &mut rng, unit)).collect();
    let mut ranking: Vec<String> = applications.iter().map(|a| a.id.clone()).collect();
    for i in (1..ranking.len()).rev() {
        ranking.swap(i, rng.below(i + 1));
    }
    Workspace { unit: unit.into(), applications, ranking, ..Default::default() }
}

/// A unit bundle (SPEC §4) of `sample_workspace(rs, seed, n)`, exported at a fixed time.
pub fn unit_bundle(rs: &RuleSet, seed: u64, n: usize) -> String {
    let ws = sample_workspace(rs, seed, n);
    let at = DateTime::parse_from_rfc3339("2020-01-20T09:00:00+08:00").expect("a fixed, valid time");
    crate::bundle::export(Kind::Unit, &ws.unit, &ws.applications, &[], &ws.ranking, rs, at)
}

/// The smallest unit bundle of at least `bytes` bytes (within 5 % more applications than
/// needed), and how many applications it holds.
pub fn unit_bundle_of_size(rs: &RuleSet, seed: u64, bytes: usize) -> (String, usize) {
    let per_app = unit_bundle(rs, seed, 20).len() / 20;
    let mut n = bytes.div_ceil(per_app.max(1)).max(1);
    loop {
        let text = unit_bundle(rs, seed, n);
        if text.len() >= bytes {
            return (text, n);
        }
        n += n / 20 + 1;
    }
}

/// The examples 「载入示例」 loads: one application per category.
pub fn example_applications(rs: &RuleSet) -> Vec<Application> {
    let mut rng = Rng::new(2020);
    let mut out: Vec<Application> = Vec::new();
    while out.len() < Category::ALL.len() {
        let a = sample_application(rs, &mut rng, UNITS[0]);
        if !out.iter().any(|b| b.category == a.category) {
            out.push(a);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Cx, Severity, check_all};

    #[test]
    fn samples_are_deterministic_and_break_no_rule() {
        let rs = RuleSet::embedded();
        let ws = sample_workspace(rs, 7, 60);
        assert_eq!(ws, sample_workspace(rs, 7, 60));
        let today = NaiveDate::from_ymd_opt(2020, 1, 10).unwrap();
        let mut cx = Cx::new(rs, &ws, today);
        cx.ranking_required = true;
        let errors: Vec<_> = check_all(&cx, &ws).into_iter().filter(|f| f.severity == Severity::Error).collect();
        assert!(errors.is_empty(), "{errors:#?}");
        assert_eq!(example_applications(rs).len(), 3);
    }
}
