//! `peixun-check` (SPEC §7): checks bundle files and prints the findings. The logic lives
//! here, with the output streams as parameters, so tests call [`run`] directly; the binary
//! only passes the process's arguments and streams. This is the one module that reads files
//! and the clock, and it exists only natively.

use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::bundle::{Bundle, Kind, check_bundle, parse};
use crate::rule_set::RuleSet;
use crate::rules::{Finding, Severity};

pub const USAGE: &str = "用法：peixun-check [--json] [--today YYYY-MM-DD] [--rule-set 规则集文件] 数据包文件…
  --json            以 JSON 数组输出全部检查结果
  --today 日期      按该日期检查截止日期与总结提交期限（默认为今天，UTC）
  --rule-set 文件   使用另一年度的规则集文件（默认为内置的 2020 年规则集）
退出状态：0 无错误；1 至少一条错误；2 有文件无法读取或不是有效的数据包";

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
/// bundle carries (when usable), else the embedded one; a mismatch is said on stderr.
fn rule_set_for<'a>(file: &str, b: &'a Bundle, forced: Option<&'a RuleSet>, err: &mut dyn Write) -> &'a RuleSet {
    let carried = b.rules.as_ref().filter(|rs| {
        let problems = crate::rule_set::validate(rs);
        if let Some(p) = problems.first() {
            _ = writeln!(err, "{file}: 注意：所附规则集 {} 无法使用（{}：{}）", rs.id, p.path, p.message);
        }
        problems.is_empty()
    });
    let rule_set = forced.or(carried).unwrap_or_else(|| RuleSet::embedded());
    if !b.rule_set.is_empty() && b.rule_set != rule_set.id {
        _ = writeln!(err, "{file}: 注意：数据包注明按规则集 {} 填写，本次按 {} 检查", b.rule_set, rule_set.id);
    }
    rule_set
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
            match std::fs::read_to_string(path).map_err(|e| e.to_string()).and_then(|t| RuleSet::from_json(&t)) {
                Ok(rs) => {
                    loaded = rs;
                    Some(&loaded)
                }
                Err(e) => {
                    _ = writeln!(err, "{path}: 无法使用规则集文件：{e}");
                    return 2;
                }
            }
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
            Ok(b) => {
                let rule_set = rule_set_for(file, &b, forced, err);
                let findings = check_bundle(&b, rule_set, today);
                all.push((file.clone(), b, findings));
            }
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
                    clause: f.clause,
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
        line.push_str(&format!("；{bad_files} 个文件无法读取或不是有效的数据包"));
    }
    line
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn today_is_plausible() {
        assert!(today_utc() > NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
    }
}
