//! `peixun-check` (SPEC §7): checks bundle files and prints the findings. The logic lives
//! here, with the output streams as parameters, so tests call [`run`] directly; the binary
//! only passes the process's arguments and streams. This is the one module that reads files
//! and the clock, and it exists only natively.

use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::bundle::{Bundle, Kind, check_bundle, parse};
use crate::rule_set::{RuleSet, parse_file, problems_text, validate};
use crate::rules::{Finding, Severity};

pub const USAGE: &str = "用法：peixun-check [--json] [--today YYYY-MM-DD] [--rule-set 规则集文件] 数据包文件…
  --json            以 JSON 数组输出全部检查结果
  --today 日期      按该日期检查截止日期与总结提交期限（默认为今天，UTC）
  --rule-set 文件   按这一规则集文件检查（默认：数据包所带的规则集，没有时为内置规则集）
退出状态：0 无错误；1 至少一条错误；2 有文件无法读取、不是有效的数据包，或规则集无效";

struct Options {
    json: bool,
    today: Option<NaiveDate>,
    rule_set: Option<String>,
    files: Vec<String>,
}

enum Parsed {
    Run(Options),
    Help,
}

fn parse_args(args: &[String]) -> Result<Parsed, String> {
    let mut o = Options { json: false, today: None, rule_set: None, files: Vec::new() };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        let mut value =
            |what: &str| inline.clone().or_else(|| it.next().cloned()).ok_or(format!("{what} 后面缺少取值"));
        match name {
            "--json" => o.json = true,
            "-h" | "--help" => return Ok(Parsed::Help),
            "--today" => {
                let v = value("--today")?;
                let d = NaiveDate::parse_from_str(&v, "%Y-%m-%d");
                o.today = Some(d.map_err(|_| format!("--today 的日期 {v:?} 无效，应为 YYYY-MM-DD"))?);
            }
            "--rule-set" => o.rule_set = Some(value("--rule-set")?),
            "--" => {
                o.files.extend(it.by_ref().cloned());
            }
            s if s.starts_with('-') && s.len() > 1 => return Err(format!("不认识的选项 {s}")),
            _ => o.files.push(a.clone()),
        }
    }
    if o.files.is_empty() {
        return Err("请至少给出一个数据包文件".into());
    }
    Ok(Parsed::Run(o))
}

/// Today's date in UTC from the system clock (the core itself never reads a clock).
pub fn today_utc() -> NaiveDate {
    let days = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() / 86_400).unwrap_or(0);
    NaiveDate::from_ymd_opt(1970, 1, 1).and_then(|epoch| epoch.checked_add_days(Days::new(days))).unwrap_or_default()
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    file: &'a str,
    rule: &'a str,
    severity: Severity,
    application: Option<&'a str>,
    path: &'a str,
    message: &'a str,
    clause: &'a str,
}

/// The rule-set a bundle is checked against: `--rule-set` if given, else the one the
/// bundle carries, else the embedded one; `None` when the bundle carries a rule-set that
/// fails `validate` (each problem is said at its path in the bundle, `rules.…`: such a
/// file cannot be checked, like one that is not a valid bundle).
///
/// A carried rule-set never replaces the one it names: one with the built-in id is never
/// used (as the browser ignores it, `bundle::note_rule_set`), nor one with the id of
/// `--rule-set`'s; when its content differs from the named one, both content hashes are
/// said on stderr. Any other mismatch of ids is said there too.
fn rule_set_for<'a>(
    file: &str,
    b: &'a Bundle,
    forced: Option<&'a RuleSet>,
    err: &mut dyn Write,
) -> Option<&'a RuleSet> {
    let embedded = RuleSet::embedded();
    if let Some(rs) = &b.rules {
        let problems = validate(rs);
        for p in &problems {
            let path = if p.path.is_empty() { "rules".to_string() } else { format!("rules.{}", p.path) };
            _ = writeln!(err, "{file}: 所附规则集 {} 无效，未检查：{path}：{}", rs.id, p.message);
        }
        if !problems.is_empty() {
            return None;
        }
    }
    let carried = b.rules.as_ref();
    let rule_set = match (forced, carried) {
        (Some(f), _) => f,
        (None, Some(c)) if !c.is_embedded() => c,
        _ => embedded,
    };
    let given = |rs: &RuleSet| forced.is_some_and(|f| std::ptr::eq(f, rs));
    let describe = |rs: &RuleSet| {
        if given(rs) { format!(" --rule-set 所给规则集 {} ", rs.id) } else { "内置规则集".to_string() }
    };
    // The rule-set the carried one names: `--rule-set`'s if it has the same id, else the
    // built-in one for its id; none when the carried one is used or simply overridden.
    let named = carried.and_then(|c| match forced {
        Some(f) if f.id == c.id => Some((c, f)),
        _ if c.is_embedded() => Some((c, embedded)),
        _ => None,
    });
    if let Some((c, n)) = named
        && c.content_hash() != n.content_hash()
    {
        _ = writeln!(
            err,
            "{file}: 注意：数据包所带规则集 {} 与{}内容不同（内容指纹 {}≠{}），已按{}检查",
            c.id,
            describe(n),
            c.fingerprint(),
            n.fingerprint(),
            describe(rule_set)
        );
    }
    if !b.rule_set.is_empty() && b.rule_set != rule_set.id {
        _ = writeln!(err, "{file}: 注意：数据包注明按规则集 {} 填写，本次按 {} 检查", b.rule_set, rule_set.id);
    }
    Some(rule_set)
}

/// Reads `--rule-set`'s file; `None` when it cannot be read or used, each problem said on
/// stderr at its field path.
fn load_rule_set(path: &str, err: &mut dyn Write) -> Option<RuleSet> {
    let text = match std::fs::read(path) {
        Err(e) => {
            _ = writeln!(err, "{path}: 无法读取规则集文件：{e}");
            return None;
        }
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => {
                _ = writeln!(err, "{path}: 规则集文件无效：文件不是 UTF-8 编码的文本");
                return None;
            }
        },
    };
    match parse_file(&text) {
        Ok(rs) => Some(rs),
        Err(problems) => {
            for p in &problems {
                _ = writeln!(err, "{path}: 规则集文件无效：{}", problems_text(std::slice::from_ref(p)));
            }
            None
        }
    }
}

/// Runs the checker; returns the exit status (0, 1 or 2).
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    // A closed stdout or stderr is nobody to tell; the exit status still says it all.
    let opts = match parse_args(args) {
        Ok(Parsed::Run(o)) => o,
        Ok(Parsed::Help) => {
            _ = writeln!(out, "{USAGE}");
            return 0;
        }
        Err(e) => {
            _ = writeln!(err, "peixun-check：{e}\n{USAGE}");
            return 2;
        }
    };
    let loaded;
    let forced = match &opts.rule_set {
        None => None,
        Some(path) => {
            let Some(rs) = load_rule_set(path, err) else { return 2 };
            loaded = rs;
            Some(&loaded)
        }
    };
    let today = opts.today.unwrap_or_else(today_utc);

    let mut bad_files = 0;
    let mut all: Vec<(String, Bundle, Vec<Finding>)> = Vec::new();
    for file in &opts.files {
        let bundle = match std::fs::read(file) {
            Err(e) => Err(format!("无法读取文件：{e}")),
            Ok(bytes) => match String::from_utf8(bytes) {
                Err(_) => Err("文件不是 UTF-8 编码的文本，不是数据包".into()),
                Ok(text) => parse(&text).map_err(|e| format!("不是有效的数据包：{e}")),
            },
        };
        match bundle {
            Err(msg) => {
                bad_files += 1;
                _ = writeln!(err, "{file}: {msg}");
            }
            Ok(b) => match rule_set_for(file, &b, forced, err) {
                Some(rule_set) => {
                    let findings = check_bundle(&b, rule_set, today);
                    all.push((file.clone(), b, findings));
                }
                None => bad_files += 1,
            },
        }
    }

    if opts.json {
        let rows: Vec<JsonFinding> = all
            .iter()
            .flat_map(|(file, _, fs)| {
                fs.iter().map(move |f| JsonFinding {
                    file,
                    rule: f.rule,
                    severity: f.severity,
                    application: f.application.as_deref(),
                    path: &f.path,
                    message: &f.message,
                    clause: &f.clause,
                })
            })
            .collect();
        _ = writeln!(out, "{}", serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".into()));
    } else {
        for (file, bundle, findings) in &all {
            for f in findings {
                _ = writeln!(out, "{}", human_line(file, bundle, f));
            }
        }
        _ = writeln!(out, "{}", summary_line(&all, bad_files));
    }

    let errors = all.iter().flat_map(|(_, _, fs)| fs).any(|f| f.severity == Severity::Error);
    if bad_files > 0 {
        2
    } else if errors {
        1
    } else {
        0
    }
}

/// `FILE: 错误 [age-limit] 申请 量子材料… members[1].birth_date: message（通知一(二)）`
fn human_line(file: &str, bundle: &Bundle, f: &Finding) -> String {
    let subject = match (&f.application, bundle.kind) {
        (_, Kind::Member) => "成员卡".to_string(),
        (None, _) => "全部申请".to_string(),
        (Some(id), Kind::Result) => {
            let r = bundle.results.iter().find(|s| &s.id == id);
            format!("结果 {}", r.map_or_else(|| id.clone(), |s| s.display()))
        }
        (Some(id), _) => {
            let title = bundle.applications.iter().find(|a| &a.id == id).map(|a| a.title.trim()).unwrap_or("");
            format!("申请 {}", if title.is_empty() { id.as_str() } else { title })
        }
    };
    let path = if f.path.is_empty() { String::new() } else { format!(" {}", f.path) };
    // Most messages already quote their clause; add it only where one does not.
    let clause = if f.message.contains("（通知") { String::new() } else { format!("（通知{}）", f.clause) };
    format!("{file}: {} [{}] {subject}{path}: {}{clause}", f.severity.label(), f.rule, f.message)
}

fn summary_line(all: &[(String, Bundle, Vec<Finding>)], bad_files: usize) -> String {
    let count = |s: Severity| all.iter().flat_map(|(_, _, fs)| fs).filter(|f| f.severity == s).count();
    let mut line = format!(
        "共检查 {} 个文件：错误 {} 条，警告 {} 条，提示 {} 条",
        all.len() + bad_files,
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    );
    if bad_files > 0 {
        line.push_str(&format!("；{bad_files} 个文件无法读取、不是有效的数据包或所附规则集无效"));
    }
    line
}

#[cfg(test)]
mod tests {
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
        let mut rs: Value = serde_json::from_str(include_str!("rule_set/cas-2020.json")).unwrap();
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
            "数据包所带规则集 cas-2020 与内置规则集内容不同（内容指纹 {}≠{builtin}），已按内置规则集检查",
            hash_of(&lenient)
        );
        assert_eq!(err.trim_end(), format!("{}: 注意：{said}", file.path()));
        // A limit of 18 would fail valid-youth: it is still valid, and --json says it on stderr.
        let strict = rules_json(BUILT_IN, 18);
        let file = carrying("valid-youth.peixun.json", BUILT_IN, &strict, "builtin-id-18.peixun.json");
        let (code, out, err) = run_args(&["--json", "--today=2020-01-10", file.path()]);
        assert_eq!(code, 0, "{out}{err}");
        assert!(serde_json::from_str::<Value>(&out).unwrap().is_array(), "{out}");
        assert!(err.contains(&format!("（内容指纹 {}≠{builtin}），已按内置规则集检查", hash_of(&strict))), "{err}");
        // Under --rule-set of another id, that file is used and said.
        let other = Temp::new("builtin-id-forced.json", &rules_json("cas-2021", 41).to_string());
        let (code, out, err) = run_args(&["--today=2020-01-10", "--rule-set", other.path(), file.path()]);
        assert_eq!(code, 0, "{out}{err}");
        assert!(
            err.contains(&format!(
                "与内置规则集内容不同（内容指纹 {}≠{builtin}），已按 --rule-set 所给规则集 cas-2021 检查",
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
            "数据包所带规则集 cas-2026 与 --rule-set 所给规则集 cas-2026 内容不同（内容指纹 {}≠{}），已按 --rule-set 所给规则集 cas-2026 检查",
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
        assert!(
            lines[1].starts_with(&format!("{}: 规则集文件无效：summary_due_working_days：", invalid.path())),
            "{err}"
        );
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
    fn a_bundle_carrying_an_invalid_rule_set_exits_2_naming_the_field_under_rules() {
        let mut rules = rules_json("cas-2026", 41);
        rules["summary_due_working_days"] = 0.into();
        let file = carrying("age-41.peixun.json", "cas-2026", &rules, "carried-invalid.peixun.json");
        let (code, out, err) = run_args(&["--today=2020-01-10", file.path(), &fixture("valid-youth.peixun.json")]);
        assert_eq!(code, 2, "{out}{err}");
        assert_eq!(
            err.trim_end(),
            format!(
                "{}: 所附规则集 cas-2026 无效，未检查：rules.summary_due_working_days：提交培训总结的期限 0 个工作日不合理，应在 1–366 之间",
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
        assert!(err.contains("所附规则集 cas-2020 无效，未检查：rules.categories.youth.min_members："), "{err}");
    }

    #[test]
    fn today_is_plausible() {
        assert!(today_utc() > NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
    }
}
