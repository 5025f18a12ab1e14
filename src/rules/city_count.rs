use super::{Check, Cx, Report, Rule, Severity};
use crate::model::{Application, distinct_cities};
use crate::rule_set::RuleSet;

/// 培训地点不得超过一个国家的两个城市。Cities count once however spelt (`text::place_key`:
/// NFKC, case-folded, so full-width 「ＢＥＲＬＩＮ」 from a Chinese input method is
/// Berlin). Only named hosts count (`Host::is_named`). A named host's blank city is unknown
/// and counts as a city of its own, the worst case: an unfinished row must not let a group
/// pass (`required` asks for the city; once typed, it counts as what it is).
/// Example: Berlin, Munich ok; Berlin, Munich, Hamburg → `hosts`; Berlin, Munich, "" → `hosts`.
pub static CITY_COUNT: Rule = Rule {
    id: "city-count",
    severity: Severity::Error,
    title: "培训城市不超过上限",
    limit,
    check: Check::Application(check),
};

fn limit(rs: &RuleSet) -> String {
    format!("至多 {} 个城市", rs.max_cities)
}

fn check(cx: &Cx, app: &Application, out: &mut Report) {
    let mut cities: Vec<String> = distinct_cities(app.named_hosts()).into_iter().map(str::to_string).collect();
    let unknown = app.named_hosts().filter(|h| crate::model::text::is_blank(&h.city)).count();
    let n = cities.len() + unknown;
    let max = cx.rule_set.max_cities;
    if n > max as usize {
        if unknown > 0 {
            cities.push(format!("{unknown} 个境外培训机构未填写城市，各按一个城市计"));
        }
        out.push(
            "hosts",
            format!(
                "培训地点涉及 {n} 个城市（{}），不得超过一个国家的 {max} 个城市（通知{}）",
                cities.join("、"),
                cx.rule_set.clause(CITY_COUNT.id)
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
                a(&["Berlin", "  "]),
            ];
            for v in &valid_cases {
                assert_clean(&R, v);
            }
            assert_one(&R, &a(&["Berlin", "Munich", "Hamburg"]), "hosts");
            assert_one(&R, &a(&["Berlin", "MUNICH", "munich", "Hamburg"]), "hosts");
            assert_one(&R, &a(&["Berlin", "Munich", "  "]), "hosts");
        }
    }

    #[test]
    fn a_blank_city_is_a_city_of_its_own_and_a_blank_row_no_host() {
        let f = assert_one(&R, &youth().lasting(21).hosts_in(&["Berlin", "Munich", ""]), "hosts");
        assert_eq!(
            f.message,
            "培训地点涉及 3 个城市（Berlin、Munich、1 个境外培训机构未填写城市，\
             各按一个城市计），不得超过一个国家的 2 个城市（通知二(三)）"
        );
        let mut a = youth().lasting(21).hosts_in(&["Berlin", "Munich", "Hamburg"]);
        a.hosts[2].name_zh = String::new();
        a.hosts[2].name_en = String::new();
        assert_clean(&R, &a);
    }

    #[test]
    fn full_width_letters_from_a_chinese_input_method_name_the_same_city() {
        let a = |cities: &[&str]| youth().lasting(21).hosts_in(cities);
        let spelt = ["Berlin", "Munich", "ＢＥＲＬＩＮ", "ｍｕｎｉｃｈ\u{3000}", "Ber\u{200B}lin"];
        assert_clean(&R, &a(&spelt));
        assert_clean(&R, &a(&["New York", "new\u{3000}york", "Boston"]));
        let f = assert_one(&R, &a(&["Berlin", "ＭＵＮＩＣＨ", "Ｂｅｒｎ"]), "hosts");
        assert!(f.message.contains("（Berlin、ＭＵＮＩＣＨ、Ｂｅｒｎ）"), "{}", f.message);
        // A city of invisible characters only is a blank one: a city of its own.
        assert_one(&R, &a(&["Berlin", "Munich", "\u{200B}"]), "hosts");
    }

    #[test]
    fn message_lists_the_cities_as_typed_first() {
        let f = assert_one(&R, &youth().hosts_in(&[" Berlin", "Munich", "berlin", "Hamburg"]), "hosts");
        assert_eq!(
            f.message,
            "培训地点涉及 3 个城市（Berlin、\
             Munich、Hamburg），不得超过一个国家的 2 个城市（通知二(三)）"
        );
    }
}
