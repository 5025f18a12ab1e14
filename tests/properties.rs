//! Properties over arbitrary data: round trips hold, and nothing panics on any input.
// Native only: the wasm test build runs tests/web.rs in the browser.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use peixun::bundle::{Bundle, Choice, Kind, Resolution, Resolutions, apply, diff, export, merge, parse, plan_import};
use peixun::execution::ics::{fold_line, summary_deadlines_ics};
use peixun::execution::{deadlines, sharing_log};
use peixun::model::{
    Application, Category, Contact, CountryCode, Execution, ExecutionStatus, Gender, Host, Member, Money, Priority,
    Reimbursement, SharingActivity, TitleLevel,
};
use peixun::reimbursement::ReimbursementTable;
use peixun::rule_set::RuleSet;
use peixun::rules::{Cx, check_all};
use peixun::workspace::Workspace;
use proptest::prelude::*;
use proptest::sample::select;

fn text() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        3 => select(vec!['王', '李', '娜', '研', '修', '所', 'a', 'Z', '1', ' ', '-', '=']),
        1 => select(vec!['😀', '"', '\\', '\n', '\t', '\u{0}', '\u{feff}', '／', 'é']),
        1 => any::<char>(),
    ];
    prop::collection::vec(ch, 0..12).prop_map(|cs| cs.into_iter().collect())
}

/// Dates in `years`; day ≤ 28 so that every combination exists.
fn date(years: std::ops::Range<i32>) -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of((years, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap()))
}

fn country() -> impl Strategy<Value = Option<CountryCode>> {
    prop::option::of(
        select(vec!["DE", "US", "GB", "JP", "RU", "BR", "ZZ"]).prop_map(|c| CountryCode::parse(c).unwrap()),
    )
}

fn time() -> impl Strategy<Value = Option<DateTime<FixedOffset>>> {
    prop::option::of(
        (0i64..4_000_000_000, -12i32..=14)
            .prop_map(|(secs, h)| FixedOffset::east_opt(h * 3600).unwrap().timestamp_opt(secs, 0).unwrap()),
    )
}

fn member(years: std::ops::Range<i32>) -> impl Strategy<Value = Member> {
    (
        (text(), text(), prop::option::of(select(vec![Gender::Male, Gender::Female])), date(years.clone())),
        (text(), prop::option::of(any::<bool>()), text(), prop::option::of(select(TitleLevel::ALL.to_vec()))),
        (text(), text(), any::<bool>(), text()),
        (date(years.clone()), date(years), country()),
    )
        .prop_map(
            |(
                (id, name, gender, birth_date),
                (unit, registered_staff, title, title_level),
                (position, discipline, is_leader, phone),
                (exit_date, return_date, country),
            )| Member {
                id,
                name,
                gender,
                birth_date,
                unit,
                registered_staff,
                title,
                title_level,
                position,
                discipline,
                foreign_language: "英语".into(),
                is_leader,
                phone,
                email: String::new(),
                exit_date,
                return_date,
                country,
            },
        )
}

fn host() -> impl Strategy<Value = Host> {
    (text(), text(), country(), text()).prop_map(|(name_zh, name_en, country, city)| Host {
        name_zh,
        name_en,
        country,
        city,
        website: "https://example.org".into(),
        contact: String::new(),
    })
}

fn execution(years: std::ops::Range<i32>) -> impl Strategy<Value = Option<Execution>> {
    let status = select(vec![
        ExecutionStatus::Pending,
        ExecutionStatus::Approved,
        ExecutionStatus::Done,
        ExecutionStatus::Cancelled,
    ]);
    prop::option::of(
        (status, date(years.clone()), date(years.clone()), date(years.clone()), prop::option::of(0u32..500)).prop_map(
            |(status, actual_exit_date, actual_return_date, summary_submitted, audience)| Execution {
                status,
                actual_exit_date,
                actual_return_date,
                summary_submitted,
                sharing: vec![SharingActivity { date: summary_submitted, audience, ..Default::default() }],
                ..Default::default()
            },
        ),
    )
}

fn application(years: std::ops::Range<i32>) -> impl Strategy<Value = Application> {
    (
        (select(vec!["a", "b", "c", "d", ""]), 0u64..6, time(), text()),
        (
            prop::option::of(select(Category::ALL.to_vec())),
            prop::collection::vec(0u8..15, 0..3),
            any::<[bool; 6]>(),
            country(),
        ),
        (
            prop::collection::vec(host(), 0..4),
            prop::option::of(prop_oneof![0u32..100, any::<u32>()]),
            date(years.clone()),
            date(years.clone()),
        ),
        (text(), text(), prop::collection::vec(member(years.clone()), 0..8), execution(years)),
    )
        .prop_map(
            |(
                (id, revision, updated_at, title),
                (category, special_topics, p, country),
                (hosts, duration_days, exit_date, return_date),
                (rationale, lead_unit, members, execution),
            )| Application {
                id: id.into(),
                revision,
                updated_at,
                history: Vec::new(),
                rule_set: String::new(),
                title,
                category,
                special_topics,
                priority: Priority {
                    innovation_fields: p[0],
                    three_majors: p[1],
                    four_institutions: p[2],
                    national_major_tasks: p[3],
                    strategic_priority_program: p[4],
                    cas_key_project: p[5],
                    priority_note: String::new(),
                },
                country,
                hosts,
                duration_days,
                exit_date,
                return_date,
                rationale,
                content: "第1周".into(),
                objectives: String::new(),
                sharing_plan: String::new(),
                lead_unit,
                contact: Contact::default(),
                members,
                execution,
            },
        )
}

fn workspace(years: std::ops::Range<i32>) -> impl Strategy<Value = Workspace> {
    (
        text(),
        prop::collection::vec(application(years), 0..5),
        prop::collection::vec(select(vec!["a", "b", "x", "a"]), 0..5),
    )
        .prop_map(|(unit, applications, ranking)| Workspace {
            unit,
            applications,
            ranking: ranking.into_iter().map(String::from).collect(),
            ..Default::default()
        })
}

fn exported(apps: &[Application]) -> String {
    let at = DateTime::parse_from_rfc3339("2020-01-05T10:30:00+08:00").unwrap();
    export(Kind::Unit, "物理所", apps, &[], &["a".into()], peixun::rule_set::RuleSet::embedded(), at)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn export_then_parse_is_the_identity(apps in prop::collection::vec(application(1900..2100), 0..4)) {
        let text = exported(&apps);
        // A unit bundle names each application once (an empty id is none): two under one
        // id are refused at the second.
        let mut ids: Vec<&str> = apps.iter().map(|a| a.id.as_str()).filter(|id| !id.is_empty()).collect();
        ids.sort_unstable();
        if ids.windows(2).any(|w| w[0] == w[1]) {
            let e = parse(&text).expect_err("two applications under one id");
            prop_assert!(e.path.as_deref().is_some_and(|p| p.starts_with("applications[") && p.ends_with("].id")), "{e:?}");
            return Ok(());
        }
        let bundle = parse(&text).expect("our own export parses");
        let mut expected = apps.clone();
        expected.iter_mut().for_each(Application::record_sync_point);
        prop_assert_eq!(bundle.applications, expected);
    }

    #[test]
    fn check_all_never_panics(ws in workspace(1..9999), y in 1i32..9999, ranked in any::<bool>()) {
        let today = NaiveDate::from_ymd_opt(y, 6, 15).unwrap();
        let mut cx = Cx::new(RuleSet::embedded(), &ws, today);
        cx.ranking_required = ranked;
        let _ = check_all(&cx, &ws);
    }

    #[test]
    fn parse_never_panics_on_any_text(s in any::<String>()) {
        let _ = parse(&s);
    }

    #[test]
    fn parse_never_panics_on_mutated_bundles(
        apps in prop::collection::vec(application(1900..2100), 1..3),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..6),
        cut in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let mut bytes = exported(&apps).into_bytes();
        for (at, byte, op) in edits {
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ => { bytes.remove(i); }
            }
        }
        if let Some(c) = cut {
            bytes.truncate(c.index(bytes.len()));
        }
        if let Err(e) = parse(&String::from_utf8_lossy(&bytes)) {
            prop_assert!(!e.message.is_empty());
        }
    }

    #[test]
    fn plan_and_apply_never_panic(
        local in workspace(1900..2100),
        incoming in prop::collection::vec(application(1900..2100), 0..4),
        all in prop::option::of(select(vec![Choice::Mine, Choice::Theirs])),
    ) {
        let mut bundle = Bundle::new(Kind::Unit);
        bundle.applications = incoming;
        bundle.ranking = vec!["a".into(), "c".into()];
        let plan = plan_import(&local, &bundle);
        let resolutions: Resolutions = ["a", "b", "c", "d", ""].iter().map(|id| (id.to_string(), Resolution { all, fields: BTreeMap::new() })).collect();
        if let Ok(after) = apply(&local, &plan, &resolutions) {
            // Every incoming application is present afterwards.
            for a in &bundle.applications {
                prop_assert!(after.get(&a.id).is_some());
            }
        }
    }

    #[test]
    fn merging_all_theirs_gives_their_content(mine in application(1900..2100), theirs in application(1900..2100)) {
        let choices: BTreeMap<String, Choice> = diff(&mine, &theirs).into_iter().map(|c| (c.path, Choice::Theirs)).collect();
        let merged = merge(&mine, &theirs, &choices);
        let same_ids = |a: &Application| a.members.iter().map(|m| m.id.clone()).collect::<Vec<_>>();
        // Member order follows mine; with unique member ids the content is theirs.
        let unique = |a: &Application| { let mut v = same_ids(a); v.sort(); v.dedup(); v.len() == a.members.len() && !v.contains(&String::new()) };
        if unique(&mine) && unique(&theirs) && same_ids(&merged) == same_ids(&theirs) {
            prop_assert_eq!(merged.content_hash(), theirs.content_hash());
        }
        prop_assert!(merge(&mine, &theirs, &BTreeMap::new()).content_hash() == mine.content_hash());
    }
}

// After approval: the deadline list, its calendar file, the sharing log, the 核销表, money.
proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn after_approval_views_never_panic(
        mut ws in workspace(1..9999),
        y in 1i32..9999,
        lines in prop::collection::vec((text(), select(vec!["a", "b", ""]), date(1..9999), country(), any::<i64>()), 0..4),
    ) {
        ws.reimbursements = lines
            .into_iter()
            .map(|(person, app, expense_date, country, fen)| Reimbursement {
                person,
                application_id: app.into(),
                expense_date,
                country,
                other: Money(fen),
                ministry_funding: Money(fen / 3),
                ..Default::default()
            })
            .collect();
        let rs = RuleSet::embedded();
        let today = NaiveDate::from_ymd_opt(y, 6, 15).unwrap();
        let rows = deadlines(&ws, rs, today);
        prop_assert!(rows.windows(2).all(|w| w[0].due <= w[1].due));
        let stamp = Utc.with_ymd_and_hms(2020, 10, 1, 0, 0, 0).unwrap();
        let ics = summary_deadlines_ics(&rows, rs, stamp);
        prop_assert!(ics.split("\r\n").all(|l| l.len() <= 75));
        let _ = sharing_log(&ws);
        let _ = ReimbursementTable::build(&ws, rs, y).to_csv();
    }

    #[test]
    fn folding_keeps_lines_short_and_unfolds_to_the_original(s in any::<String>()) {
        prop_assume!(!s.contains("\r\n "));
        let folded = fold_line(&s);
        prop_assert!(folded.split("\r\n").all(|l| l.len() <= 75));
        prop_assert_eq!(folded.replace("\r\n ", ""), s);
    }

    #[test]
    fn money_parses_its_own_display_and_never_panics(fen in 0i64..=i64::MAX, s in any::<String>()) {
        prop_assert_eq!(Money::parse(&Money(fen).to_string()), Ok(Money(fen)));
        prop_assert_eq!(Money::parse(&Money(fen).plain()), Ok(Money(fen)));
        let _ = Money::parse(&s);
    }
}
