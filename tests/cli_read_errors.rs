//! `peixun-check` says where in a file a problem is, as a user runs it: a bundle that
//! cannot be read for a field's value (two applications under one id, a negative amount in
//! a result file …) exits 2 with the field's path after 「不是有效的数据包：」, as rule-set
//! problems are said; the rows of a result file that are not applied are findings at
//! their `results[i].unit`; a type error names its field once.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn fixture_json(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixture(name)).unwrap()).unwrap()
}

/// A folder of this test's own, removed at the end.
struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let d = std::env::temp_dir().join(format!("peixun-cli-read-errors-{}-{name}", std::process::id()));
        _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        Dir(d)
    }

    fn file(&self, name: &str, v: &Value) -> String {
        let p = self.0.join(name);
        std::fs::write(&p, serde_json::to_string_pretty(v).unwrap()).unwrap();
        p.to_str().unwrap().to_string()
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        _ = std::fs::remove_dir_all(&self.0);
    }
}

fn check(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_peixun-check"))
        .args(["--today", "2020-01-10"])
        .args(args)
        .env_remove("PEIXUN_PASSPHRASE")
        .output()
        .expect("the binary runs");
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

/// The one line on stderr for `file`, which must exit 2.
fn refused(file: &str) -> String {
    let (code, out, err) = check(&[file]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(out.contains("1 个文件无法读取"), "{out}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    lines[0].to_string()
}

#[test]
fn a_unit_bundle_with_two_applications_under_one_id_exits_2_at_the_second_id() {
    let d = Dir::new("same-id");
    let mut b = fixture_json("unit-3-ranked.peixun.json");
    b["applications"][1]["id"] = b["applications"][0]["id"].clone();
    let file = d.file("same-id.peixun.json", &b);
    let line = refused(&file);
    let said = format!(
        "{file}: 不是有效的数据包：applications[1].id：第 2 份申请《拓扑量子计算前沿领军人才研修》的编号 \
         id「3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01」与第 1 份申请《量子材料原位表征技术研修》相同："
    );
    assert!(line.starts_with(&said), "{line}");
    // --seal refuses it at the same path.
    let out = Command::new(env!("CARGO_BIN_EXE_peixun-check"))
        .args(["--seal", &file])
        .env("PEIXUN_PASSPHRASE", "团组口令 2020 春")
        .output()
        .expect("the binary runs");
    let (code, err) = (out.status.code().unwrap_or(-1), String::from_utf8(out.stderr).unwrap());
    assert_eq!(code, 2, "{err}");
    assert!(err.starts_with(&format!("{file}: 不是有效的数据包，未加密：applications[1].id：第 2 份申请")), "{err}");
}

#[test]
fn a_negative_funding_exits_2_at_its_path() {
    let line = refused(fixture("result-negative.peixun.json").to_str().unwrap());
    assert!(
        line.ends_with(
            "result-negative.peixun.json: 不是有效的数据包：results[0].funding：\
             第 1 条结果（量子材料表征技术研修（张三））的资助金额为 -¥1.00，金额不能为负数"
        ),
        "{line}"
    );
}

#[test]
fn each_unreadable_result_row_is_said_at_its_path() {
    let d = Dir::new("result-rows");
    let good = fixture_json("result-unit.peixun.json");
    type Edit = fn(&mut Value);
    let cases: [(&str, Edit, &str); 4] = [
        ("no-id", |v| v["results"][1]["id"] = "".into(), "results[1].id：第 2 条结果"),
        ("no-decision", |v| v["results"][1]["decision"] = Value::Null, "results[1].decision：第 2 条结果"),
        (
            "not-selected-funded",
            |v| v["results"][1]["funding"] = 100.into(),
            "results[1].decision：第 2 条结果（同步辐射线站运行管理培训（李四））未入选，却有批准类别或资助金额",
        ),
        ("empty", |v| v["results"] = Value::Array(vec![]), "results：遴选结果文件中没有任何申请的结果"),
    ];
    for (name, edit, said) in cases {
        let mut v = good.clone();
        edit(&mut v);
        let file = d.file(&format!("{name}.peixun.json"), &v);
        let line = refused(&file);
        assert!(line.starts_with(&format!("{file}: 不是有效的数据包：{said}")), "{name}: {line}");
    }
}

/// `result-unit.peixun.json` (for 物理所) with `edit` applied: exit 1, one error finding;
/// its human line and its `--json` path.
fn row_finding(name: &str, edit: impl Fn(&mut Value)) -> (String, String) {
    let d = Dir::new(name);
    let mut v = fixture_json("result-unit.peixun.json");
    edit(&mut v);
    let file = d.file(&format!("{name}.peixun.json"), &v);
    let (code, out, err) = check(&[&file]);
    assert_eq!((code, err.as_str()), (1, ""), "{out}");
    let line = out.lines().find(|l| l.contains("错误 [")).unwrap_or_default().to_string();
    let (_, json, _) = check(&["--json", &file]);
    let findings: Value = serde_json::from_str(&json).unwrap();
    let errors: Vec<&Value> = findings.as_array().unwrap().iter().filter(|f| f["severity"] == "error").collect();
    assert_eq!(errors.len(), 1, "{json}");
    (line.replace(&file, "F"), errors[0]["path"].as_str().unwrap().to_string())
}

#[test]
fn another_units_row_in_a_one_unit_result_file_is_said_at_its_unit() {
    let (line, path) = row_finding("other-unit", |v| v["results"][1]["unit"] = "中国科学院化学研究所".into());
    assert_eq!(path, "results[1].unit");
    assert!(
        line.starts_with(
            "F: 错误 [result-other-unit] 结果 同步辐射线站运行管理培训（李四） results[1].unit: \
             第 2 条结果（同步辐射线站运行管理培训（李四））是「中国科学院化学研究所」的申请"
        ),
        "{line}"
    );
}

#[test]
fn a_row_without_a_unit_in_an_all_units_result_file_is_said_at_its_unit() {
    let (line, path) = row_finding("no-unit", |v| {
        v["unit"] = "".into();
        v["results"][1]["unit"] = "".into();
    });
    assert_eq!(path, "results[1].unit");
    assert!(
        line.starts_with(
            "F: 错误 [result-no-unit] 结果 同步辐射线站运行管理培训（李四） results[1].unit: \
             第 2 条结果（同步辐射线站运行管理培训（李四））没有写明单位（unit）"
        ),
        "{line}"
    );
}

#[test]
fn header_errors_name_their_field_and_a_type_error_names_it_once() {
    let line = refused(fixture("version-2.peixun.json").to_str().unwrap());
    assert!(line.ends_with("不是有效的数据包：version：数据包版本 2 比本程序支持的版本 1 新，请更新本程序"), "{line}");
    let line = refused(fixture("wrong-type.peixun.json").to_str().unwrap());
    assert!(
        line.ends_with(
            "不是有效的数据包：第 36 行第 27 列，\
             字段 applications[0].duration_days：应为非负整数，收到文本 \"十四\""
        ),
        "{line}"
    );
    assert_eq!(line.matches("applications[0].duration_days").count(), 1, "{line}");
    // No field, no path: a file that is not a bundle at all.
    let line = refused(fixture("other-program.json").to_str().unwrap());
    assert!(line.contains("不是有效的数据包：这不是 peixun 数据包：缺少 \"format\""), "{line}");
}
