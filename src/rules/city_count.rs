use super::{Check, Cx, Report, Rule, Severity};
use crate::model::Application;
use crate::rule_set::RuleSet;

/// 培训地点不得超过一个国家的两个城市。Cities count once however spelt
/// (`Application::cities`: trimmed, case-insensitive); an empty city is not counted.
/// Example: Berlin, Munich ok; Berlin, Munich, Hamburg → `hosts`.
pub static CITY_COUNT: Rule = Rule {
    id: "city-count",
    severity: Severity::Error,
    clause: "二(三)",
    title: "培训城市不超过上限",
    limit,
    check: Check::Application(check),
};

fn limit(rs: &RuleSet) -> String {
    format!("至多 {} 个城市", rs.max_cities)
}

fn check(cx: &Cx, app: &Application, out: &mut Report) {
    let cities = app.cities();
    let max = cx.rule_set.max_cities;
    if cities.len() > max as usize {
        out.push(
            "hosts",
            format!(
                "培训地点涉及 {} 个城市（{}），不得超过一个国家的 {max} 个城市（通知{}）",
                cities.len(),
                cities.join("、"),
                CITY_COUNT.clause
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::CITY_COUNT as R;
    use crate::model::Category;
    use crate::rules::testing::*;

    #[test]
    fn two_cities_at_most() {
        for c in Category::ALL {
            let a = |cities: &[&str]| valid(c).lasting(21).hosts_in(cities);
            let valid_cases = [
                a(&["Berlin"]),
                a(&["Berlin", "Munich"]),
                a(&["Berlin", "Munich", "Berlin"]),
                a(&["Berlin", "Munich", "berlin "]),
                a(&["Berlin", "Munich", "  "]),
            ];
            for v in &valid_cases {
                assert_clean(&R, v);
            }
            assert_one(&R, &a(&["Berlin", "Munich", "Hamburg"]), "hosts");
            assert_one(&R, &a(&["Berlin", "MUNICH", "munich", "Hamburg"]), "hosts");
        }
    }

    #[test]
    fn message_lists_the_cities_as_typed_first() {
        let f = assert_one(&R, &youth().hosts_in(&[" Berlin", "Munich", "berlin", "Hamburg"]), "hosts");
        assert_eq!(
            f.message,
            "培训地点涉及 3 个城市（Berlin、Munich、Hamburg），不得超过一个国家的 2 个城市（通知二(三)）"
        );
    }
}
