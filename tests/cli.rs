//! `peixun-check` as a user runs it: the built binary on the fixture files.
// Native only: the wasm test build runs tests/web.rs in the browser.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use serde_json::Value;

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Exit code, stdout, stderr.
fn check(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_peixun-check"))
        .args(["--today", "2020-01-10"])
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}

fn json_findings(file: &str) -> (i32, Vec<Value>) {
    let (code, out, _) = check(&["--json", &fixture(file)]);
    let v: Value = serde_json::from_str(&out).expect("--json prints JSON");
    (code, v.as_array().expect("an array").clone())
}

/// `rule path` of the error-severity findings.
fn errors(findings: &[Value]) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| format!("{} {}", f["rule"].as_str().unwrap_or(""), f["path"].as_str().unwrap_or("")))
        .collect()
}

#[test]
fn valid_bundles_exit_0() {
    for f in [
        "valid-youth.peixun.json",
        "valid-lead-individual.peixun.json",
        "unit-3-ranked.peixun.json",
        "member-card.peixun.json",
    ] {
        let (code, findings) = json_findings(f);
        assert_eq!(code, 0, "{f}: {findings:#?}");
        assert!(errors(&findings).is_empty(), "{f}");
    }
}

#[test]
fn each_invalid_fixture_names_its_rule_and_field() {
    let cases = [
        ("age-41.peixun.json", "age-limit members[1].birth_date"),
        ("bad-duration.peixun.json", "duration duration_days"),
        ("too-many-hosts.peixun.json", "host-count hosts"),
        ("unranked-unit.peixun.json", "ranking ranking"),
    ];
    for (file, expected) in cases {
        let (code, findings) = json_findings(file);
        assert_eq!(code, 1, "{file}");
        assert_eq!(errors(&findings), [expected], "{file}");
    }
}

#[test]
fn json_findings_have_the_spec_shape() {
    let (_, findings) = json_findings("age-41.peixun.json");
    let f = findings.iter().find(|f| f["rule"] == "age-limit").expect("age-limit finding");
    for key in ["file", "rule", "severity", "application", "path", "message", "clause"] {
        assert!(f.get(key).is_some(), "missing {key}");
    }
    assert_eq!(f["application"], "3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01");
    assert!(f["file"].as_str().unwrap().ends_with("age-41.peixun.json"));
    assert!(f["message"].as_str().unwrap().contains("41 周岁"));
}

#[test]
fn human_output_is_one_line_per_finding_and_a_summary() {
    let (code, out, _) = check(&[&fixture("age-41.peixun.json")]);
    assert_eq!(code, 1);
    let line = out.lines().find(|l| l.contains("[age-limit]")).expect("an age-limit line");
    assert!(
        line.contains(": 错误 [age-limit] 申请 量子材料原位表征技术研修 members[1].birth_date: 成员 李娜"),
        "{line}"
    );
    assert!(out.lines().last().unwrap().starts_with("共检查 1 个文件：错误 1 条"), "{out}");
}

#[test]
fn unreadable_or_invalid_files_exit_2_naming_file_and_reason() {
    let cases = [
        ("not-json.peixun.json", "文件不是有效的 JSON：第 1 行第 1 列"),
        ("truncated.peixun.json", "文件不完整（在第"),
        ("other-program.json", "这不是 peixun 数据包"),
        ("version-2.peixun.json", "数据包版本 2 比本程序支持的版本 1 新，请更新本程序"),
        ("wrong-type.peixun.json", "字段 applications[0].duration_days：应为非负整数，收到文本 \"十四\""),
        ("does-not-exist.peixun.json", "无法读取文件"),
    ];
    for (file, reason) in cases {
        let (code, _, err) = check(&[&fixture(file)]);
        assert_eq!(code, 2, "{file}");
        assert!(err.contains(file) && err.contains(reason), "{file}: {err}");
    }
}

#[test]
fn exit_2_wins_over_errors_and_findings_of_good_files_still_print() {
    let (code, out, err) = check(&["--json", &fixture("age-41.peixun.json"), &fixture("not-json.peixun.json")]);
    assert_eq!(code, 2);
    assert!(out.contains("age-limit") && err.contains("not-json.peixun.json"));
}

#[test]
fn deadline_follows_today() {
    let out = Command::new(env!("CARGO_BIN_EXE_peixun-check"))
        .args(["--json", "--today", "2020-03-01", &fixture("valid-youth.peixun.json")])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.as_array().unwrap().iter().any(|f| f["rule"] == "deadline"), "{v:#}");
    assert_eq!(out.status.code(), Some(0), "deadline is a warning");
}

#[test]
fn usage_errors_exit_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_peixun-check")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("用法"));
    let (code, _, _) = check(&["--rule-set", "/nonexistent.json", &fixture("valid-youth.peixun.json")]);
    assert_eq!(code, 2);
}

#[test]
fn another_years_rule_set_file_is_used() {
    // The same file under a rule-set that lets youth members be 41: no error left.
    let embedded = std::fs::read_to_string(format!("{}/src/rule_set/cas-2020.json", env!("CARGO_MANIFEST_DIR")))
        .expect("the embedded rule-set");
    let mut rs: Value = serde_json::from_str(&embedded).unwrap();
    rs["id"] = "cas-2021".into();
    rs["categories"]["youth"]["max_age"] = 41.into();
    let path = std::env::temp_dir().join(format!("peixun-rule-set-{}.json", std::process::id()));
    std::fs::write(&path, rs.to_string()).unwrap();
    let (code, out, err) = check(&["--json", "--rule-set", path.to_str().unwrap(), &fixture("age-41.peixun.json")]);
    _ = std::fs::remove_file(&path);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("按规则集 cas-2020 填写，本次按 cas-2021 检查"), "{err}");
}

/// `age-41.peixun.json` with a rule-set carried in the file: youth up to `max_age`.
fn carried(max_age: u32, name: &str) -> std::path::PathBuf {
    let mut b: Value = serde_json::from_str(&std::fs::read_to_string(fixture("age-41.peixun.json")).unwrap()).unwrap();
    let embedded = std::fs::read_to_string(format!("{}/src/rule_set/cas-2020.json", env!("CARGO_MANIFEST_DIR")))
        .expect("the embedded rule-set");
    let mut rs: Value = serde_json::from_str(&embedded).unwrap();
    rs["id"] = "cas-2026".into();
    rs["categories"]["youth"]["max_age"] = max_age.into();
    b["rule_set"] = "cas-2026".into();
    b["rules"] = rs;
    let path = std::env::temp_dir().join(format!("peixun-carried-{name}-{}.peixun.json", std::process::id()));
    std::fs::write(&path, b.to_string()).unwrap();
    path
}

#[test]
fn a_bundle_is_checked_against_the_rule_set_it_carries() {
    // 41 on the reference date: passes a carried limit of 41, fails one of 40.
    for (max_age, expected) in [(41, 0), (40, 1)] {
        let path = carried(max_age, &max_age.to_string());
        let (code, out, err) = check(&["--json", path.to_str().unwrap()]);
        _ = std::fs::remove_file(&path);
        assert_eq!(code, expected, "limit {max_age}: {out}{err}");
        assert!(!err.contains("本次按"), "{err}");
    }
}

#[test]
fn rule_set_overrides_what_a_bundle_carries() {
    let path = carried(41, "forced");
    let embedded = format!("{}/src/rule_set/cas-2020.json", env!("CARGO_MANIFEST_DIR"));
    let (code, out, err) = check(&["--json", "--rule-set", &embedded, path.to_str().unwrap()]);
    _ = std::fs::remove_file(&path);
    assert_eq!(code, 1, "the embedded limit of 40 applies: {out}{err}");
    assert!(err.contains("按规则集 cas-2026 填写，本次按 cas-2020 检查"), "{err}");
}

#[test]
fn result_files_are_read_and_their_amounts_checked() {
    let (code, out, err) = check(&[&fixture("result-unit.peixun.json")]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("共检查 1 个文件：错误 0 条"), "{out}");
    let (code, _, err) = check(&[&fixture("result-negative.peixun.json")]);
    assert_eq!(code, 2);
    assert!(err.contains("金额不能为负数") && err.contains("量子材料表征技术研修"), "{err}");
    let dir = std::env::temp_dir().join(format!("peixun-cli-result-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(fixture("result-unit.peixun.json")).unwrap();
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["results"][1] = v["results"][0].clone();
    v["results"][0]["approved_category"] = "vip".into();
    let bad = dir.join("category.peixun.json");
    std::fs::write(&bad, v.to_string()).unwrap();
    let (code, _, err) = check(&[bad.to_str().unwrap()]);
    assert_eq!(code, 2, "an unknown category is no category: {err}");
    assert!(err.contains("results[0].approved_category"), "{err}");
    v["results"][0]["approved_category"] = "lead".into();
    std::fs::write(&bad, v.to_string()).unwrap();
    let (code, out, _) = check(&[bad.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("[result-duplicate] 结果 量子材料表征技术研修（张三）"), "{out}");
    std::fs::remove_dir_all(&dir).unwrap();
}
