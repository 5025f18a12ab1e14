use super::{Check, Cx, Report, Rule, Severity};
use crate::model::Application;
use crate::rule_set::RuleSet;

/// 到发达国家知名科研机构或大学：the country is on the rule-set's list of developed
/// countries. A warning: the notice names no list, the rule-set's is a reading of it.
/// Example: DE ok; BR → `country`.
pub static DEVELOPED_COUNTRY: Rule = Rule {
    id: "developed-country",
    severity: Severity::Warning,
    title: "培训国家在发达国家名单中",
    limit,
    check: Check::Application(check),
};

fn limit(rs: &RuleSet) -> String {
    let list = &rs.developed_countries;
    format!("{} 个国家（{}）", list.countries.len(), list.source)
}

fn check(cx: &Cx, app: &Application, out: &mut Report) {
    let Some(country) = app.country else { return };
    let rs = cx.rule_set;
    if !rs.is_developed(country) {
        let clause = super::clause_for(cx, app, &DEVELOPED_COUNTRY);
        out.push(
            "country",
            format!(
                "国别 {country} 不在规则集的发达国家名单中（{}）：\
                 培训须到发达国家知名科研机构或大学（通知{clause}）",
                rs.developed_countries.source
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::DEVELOPED_COUNTRY as R;
    use crate::model::{Application, Category, CountryCode};
    use crate::rules::testing::*;

    fn in_country(mut a: Application, code: &str) -> Application {
        a.country = CountryCode::parse(code);
        a
    }

    #[test]
    fn listed_countries_only() {
        for c in Category::ALL {
            for code in ["DE", "US", "JP", "SG", "CH"] {
                assert_clean(&R, &in_country(valid(c), code));
            }
            for code in ["BR", "CN", "RU", "IN"] {
                assert_one(&R, &in_country(valid(c), code), "country");
            }
            let mut none = valid(c);
            none.country = None;
            assert_clean(&R, &none);
        }
    }

    #[test]
    fn is_a_warning_with_the_clause() {
        let f = assert_one(&R, &in_country(youth(), "BR"), "country");
        assert!(f.message.starts_with("国别 BR 不在规则集的发达国家名单中"), "{}", f.message);
        assert!(f.message.ends_with("（通知一(二)）"), "{}", f.message);
    }
}
