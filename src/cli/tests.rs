//! `peixun-check` run in memory: its output, its exit status.

use serde_json::Value;

use super::*;

fn run_args(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(&args, &mut out, &mut err);
    (code, String::from_utf8_lossy(&out).into(), String::from_utf8_lossy(&err).into())
}

#[test]
fn usage_errors_exit_2_in_chinese() {
    let (code, _, err) = run_args(&[]);
    assert_eq!(code, 2);
    assert!(err.contains("请至少给出一个数据包文件") && err.contains("用法"), "{err}");
    assert_eq!(run_args(&["--today", "2020-13-01", "x"]).0, 2);
    assert_eq!(run_args(&["--frobnicate", "x"]).0, 2);
    assert_eq!(run_args(&["--today"]).0, 2);
    assert_eq!(run_args(&["--help"]).0, 0);
}

#[test]
fn a_missing_file_exits_2_naming_it() {
    let (code, _, err) = run_args(&["--today=2020-01-10", "/nonexistent/x.peixun.json"]);
    assert_eq!(code, 2);
    assert!(err.starts_with("/nonexistent/x.peixun.json: 无法读取文件"), "{err}");
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A file in the temp directory, removed when dropped; `name` is unique per test, as
/// the tests share one process.
struct Temp(std::path::PathBuf);

impl Temp {
    fn new(name: &str, text: &str) -> Temp {
        let path = std::env::temp_dir().join(format!("peixun-cli-{}-{name}", std::process::id()));
        std::fs::write(&path, text).unwrap();
        Temp(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        _ = std::fs::remove_file(&self.0);
    }
}

/// The embedded rule-set's file, to edit: `id` and the youth category's age limit.
fn rules_json(id: &str, youth_max_age: u32) -> Value {
    let mut rs: Value = serde_json::from_str(include_str!("../rule_set/cas-2020.json")).unwrap();
    rs["id"] = id.into();
    rs["categories"]["youth"]["max_age"] = youth_max_age.into();
    rs
}

fn hash_of(rules: &Value) -> String {
    format!("{:016x}", serde_json::from_value::<RuleSet>(rules.clone()).unwrap().content_hash())
}

/// `fixture` filled under `filled_under`, carrying `rules`.
fn carrying(fixture_name: &str, filled_under: &str, rules: &Value, name: &str) -> Temp {
    let mut b: Value = serde_json::from_str(&std::fs::read_to_string(fixture(fixture_name)).unwrap()).unwrap();
    b["rule_set"] = filled_under.into();
    b["rules"] = rules.clone();
    Temp::new(name, &b.to_string())
}

const BUILT_IN: &str = "cas-2020";

// age-41.peixun.json: a youth member 41 on the reference day, an error under the
// built-in limit of 40 and none under a limit of 41.

#[test]
fn a_carried_rule_set_with_the_built_in_id_is_ignored_and_other_content_said_with_both_hashes() {
    let builtin = format!("{:016x}", RuleSet::embedded().content_hash());
    // A limit of 41 would clear age-41's error: it stays.
    let lenient = rules_json(BUILT_IN, 41);
    let file = carrying("age-41.peixun.json", BUILT_IN, &lenient, "builtin-id-41.peixun.json");
    let (code, out, err) = run_args(&["--today=2020-01-10", file.path()]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("[age-limit]"), "{out}");
    let said = format!(
        "数据包所带规则集 cas-2020 与内置规则集内容不同（内容指纹 {}≠{builtin}），\
         已按内置规则集检查",
        hash_of(&lenient)
    );
    assert_eq!(err.trim_end(), format!("{}: 注意：{said}", file.path()));
    // A limit of 18 would fail valid-youth: it is still valid, and --json says it on stderr.
    let strict = rules_json(BUILT_IN, 18);
    let file = carrying("valid-youth.peixun.json", BUILT_IN, &strict, "builtin-id-18.peixun.json");
    let (code, out, err) = run_args(&["--json", "--today=2020-01-10", file.path()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(serde_json::from_str::<Value>(&out).unwrap().is_array(), "{out}");
    assert!(
        err.contains(&format!(
            "（内容指纹 {}≠{builtin}），\
             已按内置规则集检查",
            hash_of(&strict)
        )),
        "{err}"
    );
    // Under --rule-set of another id, that file is used and said.
    let other = Temp::new("builtin-id-forced.json", &rules_json("cas-2021", 41).to_string());
    let (code, out, err) = run_args(&["--today=2020-01-10", "--rule-set", other.path(), file.path()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        err.contains(&format!(
            "与内置规则集内容不同（内容指纹 {}≠{builtin}），\
             已按 --rule-set 所给规则集 cas-2021 检查",
            hash_of(&strict)
        )),
        "{err}"
    );
}

#[test]
fn a_carried_copy_of_the_built_in_rule_set_is_not_said() {
    let same = rules_json(BUILT_IN, RuleSet::embedded().categories[&crate::model::Category::Youth].max_age);
    assert_eq!(hash_of(&same), format!("{:016x}", RuleSet::embedded().content_hash()));
    let file = carrying("age-41.peixun.json", BUILT_IN, &same, "builtin-copy.peixun.json");
    let (code, out, err) = run_args(&["--today=2020-01-10", file.path()]);
    assert_eq!((code, err.as_str()), (1, ""), "{out}");
    // One number changed is said.
    let file = carrying("age-41.peixun.json", BUILT_IN, &rules_json(BUILT_IN, 39), "builtin-39.peixun.json");
    let (code, _, err) = run_args(&["--today=2020-01-10", file.path()]);
    assert_eq!(code, 1);
    assert!(err.contains("内容指纹"), "{err}");
}

#[test]
fn a_rule_set_file_with_the_carried_id_and_other_content_is_used_and_said() {
    let carried = rules_json("cas-2026", 41);
    let file = carrying("age-41.peixun.json", "cas-2026", &carried, "carried-2026.peixun.json");
    let given = rules_json("cas-2026", 40);
    let forced = Temp::new("forced-2026.json", &given.to_string());
    let (code, out, err) = run_args(&["--today=2020-01-10", "--rule-set", forced.path(), file.path()]);
    assert_eq!(code, 1, "the file's limit of 40 applies: {out}{err}");
    let said = format!(
        "数据包所带规则集 cas-2026 与 --rule-set 所给规则集 \
         cas-2026 内容不同（内容指纹 {}≠{}），已按 --rule-set 所给规则集 cas-2026 检查",
        hash_of(&carried),
        hash_of(&given)
    );
    assert_eq!(err.trim_end(), format!("{}: 注意：{said}", file.path()));
    // The same content is not said.
    let same = Temp::new("forced-2026-same.json", &carried.to_string());
    let (code, out, err) = run_args(&["--today=2020-01-10", "--rule-set", same.path(), file.path()]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
}

#[test]
fn a_valid_carried_rule_set_of_another_id_is_used() {
    for (max_age, expected) in [(41, 0), (40, 1)] {
        let rules = rules_json("cas-2026", max_age);
        let file = carrying("age-41.peixun.json", "cas-2026", &rules, &format!("used-{max_age}.peixun.json"));
        let (code, out, err) = run_args(&["--today=2020-01-10", file.path()]);
        assert_eq!((code, err.as_str()), (expected, ""), "limit {max_age}: {out}");
    }
}

#[test]
fn an_invalid_rule_set_file_exits_2_naming_each_field() {
    let mut rules = rules_json("cas-2026", 41);
    let valid = Temp::new("valid-2026.json", &rules.to_string());
    assert_eq!(run_args(&["--today=2020-01-10", "--rule-set", valid.path(), &fixture("age-41.peixun.json")]).0, 0);
    rules["categories"]["youth"]["min_members"] = 0.into();
    rules["summary_due_working_days"] = 0.into();
    let invalid = Temp::new("invalid-2026.json", &rules.to_string());
    let (code, out, err) =
        run_args(&["--today=2020-01-10", "--rule-set", invalid.path(), &fixture("age-41.peixun.json")]);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with(&format!("{}: 规则集文件无效：categories.youth.min_members：", invalid.path())),
        "{err}"
    );
    let due = format!("{}: 规则集文件无效：summary_due_working_days：", invalid.path());
    assert!(lines[1].starts_with(&due), "{err}");
    // A value of the wrong type, at its path; text that is no JSON at all.
    rules["categories"]["youth"]["min_members"] = "三".into();
    let typed = Temp::new("typed-2026.json", &rules.to_string());
    let (code, _, err) = run_args(&["--rule-set", typed.path(), &fixture("age-41.peixun.json")]);
    assert_eq!(code, 2);
    assert!(err.contains("规则集文件无效：categories.youth.min_members："), "{err}");
    let broken = Temp::new("broken-2026.json", "{\"id\": ");
    let (code, _, err) = run_args(&["--rule-set", broken.path(), &fixture("age-41.peixun.json")]);
    assert_eq!(code, 2);
    assert!(err.starts_with(&format!("{}: 规则集文件无效：文件不完整", broken.path())), "{err}");
}

#[test]
fn a_rule_set_no_round_can_mean_exits_2_naming_each_field_given_or_carried() {
    // The round checks of `rule_set::validate`: an open-ended duration from 0 days, a
    // submission deadline before the notice's date.
    let mut rules = rules_json("cas-2026", 41);
    rules["durations"]["open_ended_from"] = 0.into();
    rules["submission_deadline"] = "2019-12-01".into();
    let given = Temp::new("round-2026.json", &rules.to_string());
    let (code, out, err) =
        run_args(&["--today=2020-01-10", "--rule-set", given.path(), &fixture("age-41.peixun.json")]);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    let said = |prefix: &str| {
        [
            format!("{prefix}submission_deadline：申报截止日期 2019-12-01 早于通知的发布日期 2019-12-26"),
            format!(
                "{prefix}durations.open_ended_from：不限天数的起点须至少为 1 天；\
                 没有不限天数的项目时请留空"
            ),
        ]
    };
    let lines: Vec<String> = said("").iter().map(|s| format!("{}: 规则集文件无效：{s}", given.path())).collect();
    assert_eq!(err.lines().collect::<Vec<_>>(), lines, "{err}");
    // The same rule-set carried by a bundle: the bundle is not checked.
    let file = carrying("age-41.peixun.json", "cas-2026", &rules, "carried-round.peixun.json");
    let (code, out, err) = run_args(&["--today=2020-01-10", file.path()]);
    assert_eq!(code, 2, "{out}{err}");
    let lines: Vec<String> =
        said("rules.").iter().map(|s| format!("{}: 所附规则集 cas-2026 无效，未检查：{s}", file.path())).collect();
    assert_eq!(err.lines().collect::<Vec<_>>(), lines, "{err}");
    assert!(!out.contains("[age-limit]"), "{out}");
}

#[test]
fn a_bundle_carrying_an_invalid_rule_set_exits_2_naming_the_field_under_rules() {
    let mut rules = rules_json("cas-2026", 41);
    rules["summary_due_working_days"] = 0.into();
    let file = carrying("age-41.peixun.json", "cas-2026", &rules, "carried-invalid.peixun.json");
    let (code, out, err) = run_args(&["--today=2020-01-10", file.path(), &fixture("valid-youth.peixun.json")]);
    assert_eq!(code, 2, "{out}{err}");
    assert_eq!(
        err.trim_end(),
        format!(
            "{}: 所附规则集 cas-2026 无效，未检查：rules.summary_due_working_days：\
             提交培训总结的期限 0 个工作日不合理，应在 1–366 之间",
            file.path()
        )
    );
    assert!(!out.contains("[age-limit]"), "the file is not checked: {out}");
    assert!(out.contains("共检查 2 个文件：错误 0 条") && out.contains("1 个文件无法读取"), "{out}");
    // With the built-in id, and whatever --rule-set says.
    let mut rules = rules_json(BUILT_IN, 40);
    rules["categories"]["youth"]["min_members"] = 0.into();
    let file = carrying("age-41.peixun.json", BUILT_IN, &rules, "carried-invalid-builtin.peixun.json");
    let given = format!("{}/src/rule_set/cas-2020.json", env!("CARGO_MANIFEST_DIR"));
    let (code, _, err) = run_args(&["--today=2020-01-10", "--rule-set", &given, file.path()]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "所附规则集 cas-2020 无效，未检查：\
             rules.categories.youth.min_members："
        ),
        "{err}"
    );
}

#[test]
fn today_is_plausible() {
    assert!(today_utc() > NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
}
