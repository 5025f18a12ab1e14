use super::{Check, Cx, Report, Rule, Severity};
use crate::model::Application;
use crate::rule_set::RuleSet;

/// 14 天项目境外培训机构不得超过 2 个，21 天及以上项目不得超过 3 个。Too few hosts is
/// `required`'s finding; a duration below every limit's start (`duration`'s) is skipped.
/// Only named rows count (`Host::is_named`): a blank row is `required`'s.
/// Example: 14 days with 3 hosts → `hosts`; 21 days with 3 hosts ok.
pub static HOST_COUNT: Rule = Rule {
    id: "host-count",
    severity: Severity::Error,
    title: "境外培训机构的数量不超过本时长的上限",
    limit,
    check: Check::Application(check),
};

/// 至少 1 个；14–20 天项目至多 2 个；21 天及以上项目至多 3 个
fn limit(rs: &RuleSet) -> String {
    let mut tiers = rs.host_limits.clone();
    tiers.sort_by_key(|l| l.from_days);
    let mut parts = vec![format!("至少 {} 个", rs.min_hosts)];
    for (i, l) in tiers.iter().enumerate() {
        let days = match tiers.get(i + 1) {
            Some(next) if next.from_days > l.from_days + 1 => format!("{}–{} 天", l.from_days, next.from_days - 1),
            Some(_) => format!("{} 天", l.from_days),
            None => format!("{} 天及以上", l.from_days),
        };
        parts.push(format!("{days}项目至多 {} 个", l.max_hosts));
    }
    parts.join("；")
}

fn check(cx: &Cx, app: &Application, out: &mut Report) {
    let Some(days) = app.duration_days else { return };
    let Some(max) = cx.rule_set.max_hosts(days) else { return };
    let n = app.named_hosts().count();
    if n > max as usize {
        out.push(
            "hosts",
            format!(
                "境外培训机构共 {n} 个，培训 {days} 天的项目不得超过 {max} 个（通知{}）",
                cx.rule_set.clause(HOST_COUNT.id)
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::HOST_COUNT as R;
    use crate::model::Category;
    use crate::rule_set::RuleSet;
    use crate::rules::testing::*;

    #[test]
    fn limit_by_duration() {
        let b = "Berlin";
        for c in Category::ALL {
            for (days, ok, too_many) in [(14, 2, 3), (21, 3, 4), (30, 3, 4), (60, 3, 4), (90, 3, 4)] {
                assert_clean(&R, &valid(c).lasting(days).hosts_in(&vec![b; ok]));
                assert_one(&R, &valid(c).lasting(days).hosts_in(&vec![b; too_many]), "hosts");
            }
            assert_clean(&R, &valid(c).lasting(14).hosts_in(&[b]));
        }
    }

    #[test]
    fn skipped_without_hosts_or_a_limit() {
        assert_clean(&R, &youth().hosts_in(&[]));
        assert_clean(&R, &youth().lasting(13).hosts_in(&["Berlin"; 5]));
        let mut a = youth().hosts_in(&["Berlin"; 5]);
        a.duration_days = None;
        assert_clean(&R, &a);
    }

    #[test]
    fn blank_rows_are_no_hosts() {
        let mut a = youth().hosts_in(&["Berlin"; 3]);
        a.hosts[2].name_zh = String::new();
        a.hosts[2].name_en = " ".into();
        assert_clean(&R, &a);
        a.hosts[2].name_en = "Host 2".into();
        assert_one(&R, &a, "hosts");
    }

    #[test]
    fn messages() {
        let f = assert_one(&R, &youth().hosts_in(&["Berlin"; 3]), "hosts");
        assert_eq!(
            f.message,
            "境外培训机构共 3 个，\
             培训 14 天的项目不得超过 2 个（通知二(三)）"
        );
        assert_eq!(
            super::limit(RuleSet::embedded()),
            "至少 1 个；14–20 天项目至多 2 个；\
             21 天及以上项目至多 3 个"
        );
    }
}
