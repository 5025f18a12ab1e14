use super::{Check, Cx, Report, Rule, Severity};
use crate::model::Application;
use crate::rule_set::RuleSet;

/// 重点领域专项只能选通知所列的项目：every number in `special_topics` is 1..=n for the
/// rule-set's n topics. Import keeps other numbers (a draft may hold anything) and this
/// rule reports them, all in one finding at the field; they do not make the application
/// count in the key-field plan (`RuleSet::counts_in_key_fields`).
/// Example: [12] ok; [13] → `special_topics`; [0, 3] → `special_topics`.
pub static SPECIAL_TOPIC: Rule = Rule {
    id: "special-topic",
    severity: Severity::Error,
    title: "重点领域专项是通知所列的项目",
    limit,
    check: Check::Application(check),
};

fn limit(rs: &RuleSet) -> String {
    format!("第 1 至 {} 项", rs.key_fields.topics.len())
}

fn check(cx: &Cx, app: &Application, out: &mut Report) {
    let rs = cx.rule_set;
    let unknown: Vec<String> =
        app.special_topics.iter().filter(|&&n| rs.topic_label(n).is_none()).map(u8::to_string).collect();
    if unknown.is_empty() {
        return;
    }
    let n = rs.key_fields.topics.len();
    out.push(
        "special_topics",
        format!(
            "重点领域专项第 {} 项不存在：\
             通知所列{}共 {n} 项（第 1 至 {n} 项），请重新选择（通知{}）",
            unknown.join("、"),
            rs.key_fields.label,
            rs.key_fields.clause
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::SPECIAL_TOPIC as R;
    use crate::model::{Application, Category};
    use crate::rules::testing::*;

    fn topics(t: &[u8]) -> Application {
        Application { special_topics: t.to_vec(), ..youth() }
    }

    #[test]
    fn numbers_of_the_notice_s_list_only() {
        for c in Category::ALL {
            assert_clean(&R, &Application { special_topics: vec![1, 12], ..valid(c) });
        }
        assert_clean(&R, &topics(&[]));
        for bad in [&[13][..], &[0], &[12, 13], &[255, 1]] {
            assert_one(&R, &topics(bad), "special_topics");
        }
    }

    #[test]
    fn the_list_s_size_comes_from_the_rule_set() {
        let mut rs = embedded();
        rs.key_fields.topics.push("第十三项".into());
        assert!(run_with(&R, &rs, &topics(&[13])).is_empty());
        assert_eq!(run_with(&R, &rs, &topics(&[14])).len(), 1);
    }

    #[test]
    fn message() {
        let f = assert_one(&R, &topics(&[0, 3, 13]), "special_topics");
        assert_eq!(
            f.message,
            "重点领域专项第 0、13 项不存在：通知所列重点领域专项计划共 \
             12 项（第 1 至 12 项），请重新选择（通知一(四)）"
        );
    }
}
