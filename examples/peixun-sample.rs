//! Writes a realistic unit bundle (SPEC §4) for benchmarks and manual testing:
//!
//!     cargo run --release --example peixun-sample -- --apps 300 > unit-300.peixun.json
//!     cargo run --release --example peixun-sample -- --bytes 5242880 > unit-5mb.peixun.json
//!
//! or, for the bureau (`#/unit/bureau`), `U` units' bundles of `N` applications each into a
//! directory, `unit-001.peixun.json` …: each unit under its own name, every person in them
//! a different one (no one is on two units' lists, nor twice in one):
//!
//!     cargo run --release --example peixun-sample -- --units 100 --apps 30 --out-dir bureau
//!
//! Deterministic (`--seed`, default 2020; unit `i` of `--units` uses seed + i); every
//! application breaks no per-application rule.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::DateTime;
use peixun::bundle::{Kind, export};
use peixun::rule_set::RuleSet;
use peixun::sample::{sample_workspace, unit_bundle, unit_bundle_of_size};

/// Unit names for `--units`: 中国科学院 + a city + a field (100 of them), then numbered.
const CITIES: &[&str] = &["北京", "上海", "广州", "南京", "武汉", "成都", "西安", "长春", "合肥", "兰州"];
const FIELDS: &[&str] = &["物理", "化学", "材料", "光电", "生态", "海洋", "能源", "信息", "地质", "生物"];
/// Person names for `--units`: surname + two characters, 20 × 40 × 40 = 32,000 different.
const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马",
    "罗",
];
const GIVEN: &[&str] = &[
    "晓", "明", "伟", "芳", "磊", "静", "洋", "婷", "浩", "然", "雪", "博", "文", "宇", "欣", "怡", "涛", "丹", "鹏",
    "颖", "健", "琳", "超", "俊", "杰", "佳", "慧", "志", "强", "军", "敏", "秀", "英", "华", "丽", "平", "刚", "桂",
    "玉", "兰",
];

fn unit_name(i: usize) -> String {
    let base = format!("中国科学院{}{}研究所", CITIES[i % CITIES.len()], FIELDS[(i / CITIES.len()) % FIELDS.len()]);
    let round = i / (CITIES.len() * FIELDS.len());
    if round == 0 { base } else { format!("{base}（{}）", round + 1) }
}

/// The `k`-th person's name (different for every k below 32,000).
fn person_name(k: usize) -> String {
    let g = GIVEN.len();
    format!(
        "{}{}{}",
        SURNAMES[k % SURNAMES.len()],
        GIVEN[(k / SURNAMES.len()) % g],
        GIVEN[(k / SURNAMES.len() / g) % g]
    )
}

/// Unit `i`'s bundle of `apps` applications: the sample workspace of seed `seed`, its unit
/// renamed, its people renamed from `next_person` on (which is advanced).
fn bureau_unit(rs: &RuleSet, seed: u64, i: usize, apps: usize, next_person: &mut usize) -> String {
    let mut ws = sample_workspace(rs, seed, apps);
    let name = unit_name(i);
    let own = std::mem::replace(&mut ws.unit, name.clone());
    for a in &mut ws.applications {
        a.lead_unit = name.clone();
        for m in &mut a.members {
            if m.unit == own {
                m.unit = name.clone();
            }
            m.name = person_name(*next_person);
            *next_person += 1;
        }
        a.contact.name = a.members[0].name.clone();
    }
    let at = DateTime::parse_from_rfc3339("2020-01-20T09:00:00+08:00").expect("a fixed, valid time");
    export(Kind::Unit, &ws.unit, &ws.applications, &[], &ws.ranking, rs, at)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1));
    let value = |flag: &str| text(flag)?.parse::<u64>().ok();
    let units = value("--units");
    let usage = args.iter().any(|a| a == "-h" || a == "--help")
        || (value("--apps").is_none() && value("--bytes").is_none())
        || (units.is_some() && (value("--apps").is_none() || text("--out-dir").is_none()));
    if usage {
        eprintln!(
            "usage: peixun-sample (--apps N | --bytes B) [--seed S]  (writes the bundle to stdout)\n       \
             peixun-sample --units U --apps N --out-dir DIR [--seed S]  (DIR/unit-001.peixun.json …)"
        );
        return ExitCode::from(2);
    }
    let rs = RuleSet::embedded();
    let seed = value("--seed").unwrap_or(2020);
    if let (Some(units), Some(apps), Some(dir)) = (units, value("--apps"), text("--out-dir")) {
        return write_units(rs, seed, units as usize, apps as usize, Path::new(dir));
    }
    let (text, n) = match (value("--apps"), value("--bytes")) {
        (Some(n), _) => (unit_bundle(rs, seed, n as usize), n as usize),
        (None, Some(b)) => unit_bundle_of_size(rs, seed, b as usize),
        (None, None) => unreachable!("checked above"),
    };
    eprintln!("peixun-sample: {n} applications, {} bytes", text.len());
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("peixun-sample: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write_units(rs: &RuleSet, seed: u64, units: usize, apps: usize, dir: &Path) -> ExitCode {
    let (mut next_person, mut bytes) = (0, 0);
    let written = std::fs::create_dir_all(dir).and_then(|()| {
        for i in 0..units {
            let text = bureau_unit(rs, seed + i as u64, i, apps, &mut next_person);
            bytes += text.len();
            std::fs::write(dir.join(format!("unit-{:03}.peixun.json", i + 1)), text)?;
        }
        Ok(())
    });
    if let Err(e) = written {
        eprintln!("peixun-sample: {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    let names = SURNAMES.len() * GIVEN.len() * GIVEN.len();
    if next_person > names {
        eprintln!("peixun-sample: {next_person} persons, more than the {names} different names");
        return ExitCode::FAILURE;
    }
    eprintln!("peixun-sample: {units} units of {apps} applications, {next_person} persons, {bytes} bytes");
    ExitCode::SUCCESS
}
