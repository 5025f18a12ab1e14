//! Writing a bundle. Exported applications carry a sync point for their current version,
//! so that re-importing an edited copy is recognised as an update (see `plan`).

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::format::{Bundle, FILE_SUFFIX, Kind};
use crate::model::{Application, Member};
use crate::rule_set::RuleSet;
use crate::workspace::Workspace;

/// The file's text: pretty-printed, fields in struct order, ending with a newline.
///
/// The exported copies get `record_sync_point()`; call [`mark_exported`] on the local
/// workspace with the same ids so both sides remember the shared version.
pub fn export(
    kind: Kind,
    unit: &str,
    apps: &[Application],
    members: &[Member],
    ranking: &[String],
    rule_set: &RuleSet,
    exported_at: DateTime<FixedOffset>,
) -> String {
    let applications = apps
        .iter()
        .map(|a| {
            let mut a = a.clone();
            a.record_sync_point();
            a
        })
        .collect();
    let bundle = Bundle {
        exported_at: Some(exported_at),
        rule_set: rule_set.id.clone(),
        // Every copy of the app has the embedded one.
        rules: (!rule_set.is_embedded()).then(|| rule_set.clone()),
        unit: unit.into(),
        applications,
        members: members.to_vec(),
        ranking: ranking.to_vec(),
        ..Bundle::new(kind)
    };
    to_text(&bundle)
}

/// A bundle as file text, as is (no sync points added).
pub fn to_text(bundle: &Bundle) -> String {
    // Plain structs, string keys: serialising cannot fail.
    let mut s = serde_json::to_string_pretty(bundle).unwrap_or_default();
    s.push('\n');
    s
}

/// Records on the local copies that `ids` were exported in their current version.
pub fn mark_exported(ws: &mut Workspace, ids: &[String]) {
    for a in ws.applications.iter_mut().filter(|a| ids.contains(&a.id)) {
        a.record_sync_point();
    }
}

const MAX_NAME_CHARS: usize = 80;

/// Invisible characters that reorder or hide text: a right-to-left override can make
/// `evil\u{202E}nosj.exe` look like `evilexe.json` in a file manager. ZWJ stays (emoji).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// `量子材料表征技术研修-20200105.peixun.json`: the title made safe for every file system.
pub fn file_name(title: &str, date: NaiveDate) -> String {
    let safe: String = title
        .chars()
        .filter(|&c| !is_invisible(c))
        .map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .collect();
    let trimmed = safe.trim().trim_start_matches('.').trim();
    let mut stem: String = trimmed.chars().take(MAX_NAME_CHARS).collect();
    stem = stem.trim_end_matches(['.', ' ']).to_string();
    if stem.is_empty() {
        stem = "未命名".into();
    }
    format!("{stem}-{}{FILE_SUFFIX}", crate::calendar::ymd_compact(date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::parse;
    use crate::rules::testing::d;

    #[test]
    fn file_names_are_safe() {
        let day = d("2020-01-05");
        let want = "量子材料表征技术研修-20200105.peixun.json";
        assert_eq!(file_name("量子材料表征技术研修", day), want);
        assert_eq!(file_name("a/b:c*?\"<>|\u{7}", day), "a_b_c_______-20200105.peixun.json");
        assert_eq!(file_name("  ..隐藏 ", day), "隐藏-20200105.peixun.json");
        assert_eq!(file_name(" ", day), "未命名-20200105.peixun.json");
        assert_eq!(file_name("evil\u{202E}nosj.exe\u{202C}", day), "evilnosj.exe-20200105.peixun.json");
        assert_eq!(file_name("\u{200F}\u{2066}\u{FEFF}", day), "未命名-20200105.peixun.json");
        let want = "👩‍🔬𠀀𪚥-20200105.peixun.json";
        assert_eq!(file_name("👩‍🔬𠀀𪚥", day), want, "emoji (ZWJ kept) and astral CJK");
        assert_eq!(file_name(&"长".repeat(200), day).chars().count(), 80 + "-20200105.peixun.json".len());
    }

    #[test]
    fn export_is_pretty_stable_and_parses_back() {
        let app = Application { id: "a1".into(), revision: 3, title: "研修".into(), ..Default::default() };
        let at = DateTime::parse_from_rfc3339("2020-01-05T10:30:00+08:00").unwrap();
        let text = export(
            Kind::Application,
            "物理所",
            std::slice::from_ref(&app),
            &[],
            &[],
            crate::rule_set::RuleSet::embedded(),
            at,
        );
        assert!(text.ends_with("}\n") && text.starts_with("{\n  \"format\": \"peixun-bundle\",\n  \"version\": 1,"));
        let b = parse(&text).unwrap();
        assert_eq!(b.applications[0].history, vec![app.sync_point()]);
        assert_eq!(b.exported_at, Some(at));
        assert_eq!(
            text,
            export(Kind::Application, "物理所", &[app], &[], &[], crate::rule_set::RuleSet::embedded(), at)
        );
    }
}
