//! The clauses the rules cite, as the rule-set form writes them: one rule a line, its id
//! and then the clause (「required 二(八)」, 「duration 一(四) 培训时长」).

use std::collections::BTreeMap;

use super::form::{FieldText, each_line};
use super::validate::Problem;

impl FieldText for BTreeMap<String, String> {
    fn to_text(&self) -> String {
        self.iter().map(|(rule, clause)| format!("{rule} {clause}")).collect::<Vec<_>>().join("\n")
    }

    fn from_text(path: &str, text: &str) -> Result<BTreeMap<String, String>, Vec<Problem>> {
        let pairs = each_line(path, text, |line| match line.split_once(char::is_whitespace) {
            Some((rule, clause)) => Ok((rule.to_string(), clause.trim().to_string())),
            None => Err(format!("“{line}” 缺少条款（应为：规则编号 条款，如 required 二(八)）")),
        })?;
        let mut map = BTreeMap::new();
        let mut problems = Vec::new();
        for (rule, clause) in pairs {
            if map.insert(rule.clone(), clause).is_some() {
                problems.push(Problem::new(path, format!("规则 {rule} 出现了两次")));
            }
        }
        if problems.is_empty() { Ok(map) } else { Err(problems) }
    }
}

/// Each problem of the map: a rule id that cannot be one, an empty clause.
pub(super) fn problems(clauses: &BTreeMap<String, String>) -> Vec<Problem> {
    let mut out = Vec::new();
    for (rule, clause) in clauses {
        let path = format!("clauses.{rule}");
        if rule.is_empty() || !rule.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
            out.push(Problem::new(
                path,
                format!(
                    "“{rule}” 不是规则编号（小写字母和连字符，\
                     如 age-limit）"
                ),
            ));
        } else if clause.trim().is_empty() {
            out.push(Problem::new(path, format!("规则 {rule} 引用的条款不能为空")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule_set::RuleSet;

    #[test]
    fn one_rule_a_line_read_back_as_written() {
        let map = RuleSet::embedded().clauses.clone();
        assert_eq!(BTreeMap::from_text("clauses", &map.to_text()), Ok(map));
        let read = BTreeMap::from_text("clauses", "required  第三条\n\nduration 第五条 时长\n").unwrap();
        assert_eq!(read["required"], "第三条");
        assert_eq!(read["duration"], "第五条 时长");
    }

    #[test]
    fn a_line_without_a_clause_and_a_rule_twice_are_refused() {
        let p = BTreeMap::<String, String>::from_text("clauses", "required 二(八)\nduration").unwrap_err();
        assert_eq!(
            p,
            [Problem::new(
                "clauses",
                "第 2 行：“duration” 缺少条款（应为：\
                 规则编号 条款，如 required 二(八)）"
            )]
        );
        let p = BTreeMap::<String, String>::from_text("clauses", "required 二(八)\nrequired 三").unwrap_err();
        assert_eq!(p, [Problem::new("clauses", "规则 required 出现了两次")]);
    }

    #[test]
    fn ids_and_clauses_are_checked() {
        let map = |k: &str, v: &str| BTreeMap::from([(k.to_string(), v.to_string())]);
        assert_eq!(problems(&map("age-limit", "第二条")), []);
        assert_eq!(problems(&map("Age_Limit", "第二条"))[0].path, "clauses.Age_Limit");
        assert_eq!(problems(&map("age-limit", " "))[0].message, "规则 age-limit 引用的条款不能为空");
    }

    #[test]
    fn a_rule_the_map_leaves_out_cites_the_embedded_clause() {
        let mut rs = RuleSet::embedded().clone();
        rs.clauses = map_of(&[("required", "第三条")]);
        assert_eq!(rs.clause("required"), "第三条");
        assert_eq!(rs.clause("duration"), "一(四) 培训时长");
        assert_eq!(rs.clause("no-such-rule"), "—");
    }

    fn map_of(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }
}
