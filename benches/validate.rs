//! Validation speed. Budget: ≤ 20 µs per application (SPEC budget for typing feedback and
//! for checking a unit's whole submission). Data from `peixun::sample`, as the in-browser
//! bench uses.

use std::hint::black_box;

use chrono::{DateTime, NaiveDate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use peixun::bundle::{Kind, export, parse};
use peixun::rule_set::RuleSet;
use peixun::rules::{Cx, check_all, check_application};
use peixun::sample::sample_workspace;

const UNIT_SIZE: usize = 300;

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
    let text = export(Kind::Unit, &ws.unit, &ws.applications, &[], &ws.ranking, &rs.id, at);
    g.bench_function("parse unit bundle", |b| b.iter(|| parse(black_box(&text))));
    g.finish();
}

criterion_group!(validate, benches);
criterion_main!(validate);
