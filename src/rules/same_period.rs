use chrono::NaiveDate;

use super::{Check, Cx, Report, Rule, Severity, member_path};
use crate::model::{Application, CountryCode};
use crate::rule_set::RuleSet;

/// 团组须同期（出入境时间一致）赴同国培训：a partner's member card carries no exit date,
/// return date or country that differs from the group's. One finding per differing field;
/// a field the group has not filled yet is not compared (`required` asks for it).
/// Example: group exits 2020-06-01, member 1's card says 2020-06-02 → `members[1].exit_date`.
pub static SAME_PERIOD: Rule = Rule {
    id: "same-period",
    severity: Severity::Error,
    title: "成员的出入境日期和国别与团组一致",
    limit,
    check: Check::Application(check),
};

fn limit(_: &RuleSet) -> String {
    "成员名片上的出境日期、回国日期、国别与团组相同".into()
}

fn check(cx: &Cx, app: &Application, out: &mut Report) {
    let clause = super::clause_for(cx, app, &SAME_PERIOD);
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string());
    let country = |c: Option<CountryCode>| c.map(|c| c.label());
    for (i, m) in app.members.iter().enumerate() {
        let fields = [
            ("exit_date", "出境日期", date(m.exit_date), date(app.exit_date)),
            ("return_date", "回国日期", date(m.return_date), date(app.return_date)),
            ("country", "国别", country(m.country), country(app.country)),
        ];
        for (field, what, theirs, ours) in fields {
            let (Some(theirs), Some(ours)) = (theirs, ours) else { continue };
            if theirs != ours {
                out.push(
                    member_path(i, field),
                    format!(
                        "成员 {} 的{what} {theirs} 与团组的 {ours} 不一致：\
                         团组须同期（出入境时间一致）赴同国培训（通知{clause}）",
                        m.display_name(i)
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SAME_PERIOD as R;
    use crate::model::{Application, Category, CountryCode};
    use crate::rules::testing::*;

    /// Member 1's card with these dates and country.
    fn card(mut a: Application, exit: Option<&str>, ret: Option<&str>, country: Option<&str>) -> Application {
        let m = &mut a.members[1];
        m.exit_date = exit.map(d);
        m.return_date = ret.map(d);
        m.country = country.and_then(CountryCode::parse);
        a
    }

    #[test]
    fn cards_agreeing_or_silent_are_fine() {
        for c in Category::ALL {
            // valid(): DE, 2020-06-01 – 2020-06-14.
            let valid_cases = [
                card(valid(c), None, None, None),
                card(valid(c), Some("2020-06-01"), Some("2020-06-14"), Some("DE")),
                card(valid(c), Some("2020-06-01"), None, None),
            ];
            for a in &valid_cases {
                assert_clean(&R, a);
            }
            let invalid = [
                (card(valid(c), Some("2020-06-02"), None, None), "members[1].exit_date"),
                (card(valid(c), Some("2020-05-31"), Some("2020-06-14"), None), "members[1].exit_date"),
                (card(valid(c), None, Some("2020-06-15"), None), "members[1].return_date"),
                (card(valid(c), None, None, Some("FR")), "members[1].country"),
            ];
            for (a, path) in &invalid {
                assert_one(&R, a, path);
            }
        }
    }

    #[test]
    fn one_finding_per_field() {
        let found = run(&R, &card(youth(), Some("2020-07-01"), Some("2020-07-14"), Some("FR")));
        let paths: Vec<_> = places(&found).into_iter().map(|(_, p)| p).collect();
        assert_eq!(paths, ["members[1].exit_date", "members[1].return_date", "members[1].country"]);
    }

    #[test]
    fn a_group_field_not_yet_filled_is_not_compared() {
        let mut a = card(youth(), Some("2020-07-01"), None, Some("FR"));
        a.exit_date = None;
        a.country = None;
        assert_clean(&R, &a);
    }

    #[test]
    fn messages() {
        let f = assert_one(&R, &card(youth(), Some("2020-06-02"), None, None), "members[1].exit_date");
        assert_eq!(
            f.message,
            "成员 李二 的出境日期 2020-06-02 与团组的 2020-06-01 不一致：\
             团组须同期（出入境时间一致）赴同国培训（通知一(二)）"
        );
        let f = assert_one(&R, &card(youth(), None, None, Some("FR")), "members[1].country");
        assert!(f.message.contains("的国别 法国（FR） 与团组的 德国（DE） 不一致"), "{}", f.message);
    }
}
