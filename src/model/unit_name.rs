//! Institute names as people type them: 「物理所」, 「中国科学院物理研究所」,
//! 「物理研究所 」 are one unit. The one place unit names are compared (`leader-unit`,
//! 附件2's 跨单位 note).

/// The academy's name before an institute's, in its full and short forms.
const PREFIXES: [&str; 2] = ["中国科学院", "中科院"];
const LONG_SUFFIX: &str = "研究所";
const SHORT_SUFFIX: &str = "所";

/// The key two names of one unit share: no whitespace (U+3000 included), no leading
/// 「中国科学院」, and a final 研究所 shortened to 所. A name that is only the prefix stays.
pub fn unit_key(name: &str) -> String {
    let mut key: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(rest) = PREFIXES.iter().find_map(|p| key.strip_prefix(p)).filter(|r| !r.is_empty()) {
        key = rest.to_string();
    }
    if let Some(stem) = key.strip_suffix(LONG_SUFFIX).filter(|s| !s.is_empty()) {
        key = format!("{stem}{SHORT_SUFFIX}");
    }
    key
}

/// Whether `a` and `b` name the same unit (two blanks are the same: callers skip blanks).
pub fn same_unit(a: &str, b: &str) -> bool {
    unit_key(a) == unit_key(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_unit_however_written() {
        let same = [
            ("物理所", "中国科学院物理研究所"),
            ("物理所", "物理研究所"),
            (" 中国科学院 物理研究所\u{3000}", "中国科学院物理研究所"),
            ("中科院物理所", "中国科学院物理研究所"),
            ("中国科学院", " 中国科学院"),
            ("", "  "),
        ];
        for (a, b) in same {
            assert!(same_unit(a, b), "{a} = {b}");
        }
        let differ = [("物理所", "化学所"), ("物理所", "中国科学院化学研究所"), ("研究所", "所"), ("物理所", "")];
        for (a, b) in differ {
            assert!(!same_unit(a, b), "{a} ≠ {b}");
        }
        assert_eq!(unit_key("中国科学院大连化学物理研究所"), "大连化学物理所");
        assert_eq!(unit_key("研究所"), "研究所");
    }
}
