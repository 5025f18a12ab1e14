//! `peixun-check` (SPEC §7): checks bundle files and prints the findings. The logic lives
//! here, with the output streams as parameters, so tests call [`run`] directly; the binary
//! only passes the process's arguments and streams. This is the one module that reads files
//! and the clock, and it exists only natively.

use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::bundle::{Bundle, BundleError, Kind, check_bundle, parse};
use crate::rule_set::{RuleSet, parse_file, problems_text, validate};
use crate::rules::{Finding, Severity};

mod seal;

pub use seal::PASSPHRASE_ENV;

pub const USAGE: &str = "用法：peixun-check [--json] [--today YYYY-MM-DD] \
                         [--rule-set 规则集文件] [--passphrase-file 口令文件] 数据包文件…
       peixun-check --seal --passphrase-file 口令文件 数据包文件…
  --json            以 JSON 数组输出全部检查结果
  --passphrase-file 文件  加密数据包的口令（文件的第一行；也可用环境变量 PEIXUN_PASSPHRASE）
  --seal            不检查，把每个数据包加密另存为 名称.sealed.json
  --today 日期      按该日期检查截止日期与总结提交期限（默认为今天，UTC）
  --rule-set 文件   按这一规则集文件检查（默认：\
                    数据包所带的规则集，没有时为内置规则集）
退出状态：0 无错误；1 至少一条错误；\
          2 有文件无法读取、不是有效的数据包，或规则集无效";

struct Options {
    json: bool,
    today: Option<NaiveDate>,
    rule_set: Option<String>,
    passphrase_file: Option<String>,
    seal: bool,
    files: Vec<String>,
}

enum Parsed {
    Run(Options),
    Help,
}

fn parse_args(args: &[String]) -> Result<Parsed, String> {
    let mut o =
        Options { json: false, today: None, rule_set: None, passphrase_file: None, seal: false, files: Vec::new() };
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
            "--passphrase-file" => o.passphrase_file = Some(value("--passphrase-file")?),
            "--seal" => o.seal = true,
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
        _ = writeln!(
            err,
            "{file}: 注意：数据包注明按规则集 {} 填写，\
             本次按 {} 检查",
            b.rule_set, rule_set.id
        );
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

/// A bundle's read error as the checker says it: `applications[1].id：…` when it happened
/// at a field, as a rule-set's problems are said (the error's `Display` is the sentence
/// alone, which the browser shows beside the field). A type error's sentence already names
/// its field (`第 3 行第 17 列，字段 PATH：…`) and is said as it is, not with the path twice.
pub(crate) fn read_error_text(e: &BundleError) -> String {
    match e.path.as_deref() {
        Some(path) if !path.is_empty() && !e.message.contains(&format!("字段 {path}：")) => {
            format!("{path}：{}", e.message)
        }
        _ => e.message.clone(),
    }
}

/// Runs the checker; returns the exit status (0, 1 or 2).
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    run_with(args, std::env::var(PASSPHRASE_ENV).ok(), out, err)
}

/// [`run`] with the environment's passphrase given (tests).
pub fn run_with(args: &[String], env_passphrase: Option<String>, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
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
    let passphrase = match seal::passphrase(opts.passphrase_file.as_deref(), env_passphrase) {
        Ok(p) => p,
        Err(e) => {
            _ = writeln!(err, "peixun-check：{e}");
            return 2;
        }
    };
    if opts.seal {
        return seal::seal_files(&opts.files, passphrase.as_deref(), out, err);
    }
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
                Ok(text) => seal::opened(text, passphrase.as_deref())
                    .and_then(|text| parse(&text).map_err(|e| format!("不是有效的数据包：{}", read_error_text(&e)))),
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
        line.push_str(&format!(
            "；{bad_files} 个文件无法读取、\
             不是有效的数据包或所附规则集无效"
        ));
    }
    line
}

#[cfg(test)]
mod tests;
