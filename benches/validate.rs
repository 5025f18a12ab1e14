//! Validation and import speed. Budgets: ≤ 20 µs per application (typing feedback and
//! checking a unit's whole submission); importing a 5 MB unit bundle ≤ 200 ms. Data from
//! `peixun::sample`, as the in-browser bench uses.

use std::hint::black_box;

use chrono::{DateTime, NaiveDate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use peixun::bundle::{Kind, Resolutions, apply, export, parse, plan_import};
use peixun::rule_set::RuleSet;
use peixun::rules::{Cx, check_all, check_application};
use peixun::sample::{sample_workspace, unit_bundle_of_size};
use peixun::workspace::Workspace;

const UNIT_SIZE: usize = 300;

/// The import budget: a unit bundle of this size imports in ≤ 200 ms.
const LARGE_BUNDLE_BYTES: usize = 5 * 1024 * 1024;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 10).unwrap()
}

fn benches(c: &mut Criterion) {
    let rs = RuleSet::embedded();
    let ws = sample_workspace(rs, 2020, UNIT_SIZE);
    let mut cx = Cx::new(rs, &ws, today());
    cx.ranking_required = true;

    let one = &ws.applications[0];
    c.bench_function("check_application (1 application)", |b| b.iter(|| check_application(&cx, black_box(one))));

    let mut g = c.benchmark_group("unit of 300");
    g.throughput(Throughput::Elements(UNIT_SIZE as u64));
    g.bench_function("check_all", |b| b.iter(|| check_all(&cx, black_box(&ws))));
    g.bench_function("Cx::new + check_all", |b| {
        b.iter(|| {
            let mut cx = Cx::new(rs, black_box(&ws), today());
            cx.ranking_required = true;
            check_all(&cx, &ws)
        })
    });
    let at = DateTime::parse_from_rfc3339("2020-01-20T09:00:00+08:00").unwrap();
    let text = export(Kind::Unit, &ws.unit, &ws.applications, &[], &ws.ranking, rs, at);
    g.bench_function("parse unit bundle", |b| b.iter(|| parse(black_box(&text))));
    g.finish();

    large_bundle(c, rs);
}

/// A unit bundle of at least 5 MB: parse it, and import it (parse, preview, apply) into an
/// empty workspace and into one that already holds every application (all unchanged, so
/// every application is hashed and compared).
fn large_bundle(c: &mut Criterion, rs: &RuleSet) {
    // The bundle `make bench` imports in the browser (`peixun-sample --bytes 5242880`).
    let (text, n) = unit_bundle_of_size(rs, 2020, LARGE_BUNDLE_BYTES);
    let import = |into: &Workspace| {
        let bundle = parse(black_box(&text)).unwrap();
        apply(into, &plan_import(into, &bundle), &Resolutions::new()).unwrap()
    };
    let holding_all = import(&Workspace::default());

    let mut g = c.benchmark_group(format!("unit bundle of {:.1} MB ({n} applications)", text.len() as f64 / 1e6));
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("parse", |b| b.iter(|| parse(black_box(&text))));
    g.bench_function("import into an empty workspace", |b| b.iter(|| import(&Workspace::default())));
    g.bench_function("import again (all unchanged)", |b| b.iter(|| import(&holding_all)));
    g.finish();
}

criterion_group!(validate, benches);
criterion_main!(validate);
