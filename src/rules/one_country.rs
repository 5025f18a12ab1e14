use super::{Check, Cx, Report, Rule, Severity};
use crate::model::Application;
use crate::rule_set::RuleSet;

/// 团组赴同一国家培训：每个境外培训机构都在申请的国别。A host without a country is in
/// the application's; without the application's country, the hosts that name one must
/// name the same (the first sets it).
/// Example: country DE, host 1 in FR → `hosts[1].country`.
pub static ONE_COUNTRY: Rule = Rule {
    id: "one-country",
    severity: Severity::Error,
    title: "所有境外培训机构都在同一国家",
    limit,
    check: Check::Application(check),
};

fn limit(_: &RuleSet) -> String {
    "所有境外培训机构位于申请填写的国别".into()
}

fn check(cx: &Cx, app: &Application, out: &mut Report) {
    let rs = cx.rule_set;
    // 一(二)、二(三) for a youth group: the category's clause, then the hosts' clause.
    let group = app.category.map_or(rs.clause(super::group_size::GROUP_SIZE.id), |c| rs.category(c).clause.as_str());
    let hosts = rs.clause(super::host_count::HOST_COUNT.id);
    let name = |i: usize| match app.hosts[i].name() {
        Some(n) => format!("境外培训机构 {n} "),
        None => format!("第 {} 个境外培训机构", i + 1),
    };
    // Without the application's country, the first host that names one sets it.
    let first = app.hosts.iter().enumerate().find_map(|(i, h)| h.country.map(|c| (i, c)));
    let (country, against) = match (app.country, first) {
        (Some(c), _) => (c, format!("项目国别{}", c.label())),
        (None, Some((i, c))) => (c, format!("{}所在的{}", name(i).trim_end(), c.label())),
        (None, None) => return,
    };
    for (i, h) in app.hosts.iter().enumerate() {
        let Some(there) = h.country.filter(|c| *c != country) else { continue };
        out.push(
            format!("hosts[{i}].country"),
            format!(
                "{}位于{}，与{against}不同：\
                 团组须赴同一国家培训（通知{group}、{hosts}）",
                name(i),
                there.label()
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::ONE_COUNTRY as R;
    use crate::model::{Application, Category, CountryCode};
    use crate::rules::testing::*;

    fn host_in(mut a: Application, i: usize, code: Option<&str>) -> Application {
        a.hosts[i].country = code.and_then(CountryCode::parse);
        a
    }

    #[test]
    fn hosts_in_the_application_s_country() {
        for c in Category::ALL {
            let two = || valid(c).lasting(21).hosts_in(&["Berlin", "Munich"]);
            for a in [two(), host_in(two(), 1, Some("DE")), host_in(two(), 1, None)] {
                assert_clean(&R, &a);
            }
            assert_one(&R, &host_in(two(), 1, Some("FR")), "hosts[1].country");
            assert_one(&R, &host_in(two(), 0, Some("BR")), "hosts[0].country");
        }
    }

    #[test]
    fn without_the_application_s_country_the_hosts_are_compared() {
        let mut a = host_in(youth().lasting(21).hosts_in(&["Paris", "Lyon", "Nice"]), 0, Some("FR"));
        a.country = None;
        assert_clean(&R, &a);
        // Both in France, or the second without a country: one country.
        assert_clean(&R, &host_in(a.clone(), 1, Some("FR")));
        let f = assert_one(&R, &host_in(a.clone(), 1, Some("IT")), "hosts[1].country");
        assert_eq!(
            f.message,
            "境外培训机构 培训机构1 位于意大利（IT），\
             与境外培训机构 培训机构0所在的法国（FR）不同：\
             团组须赴同一国家培训（通知一(二)、二(三)）"
        );
        // The first host without a country: the first that has one sets it.
        let mut b = host_in(a.clone(), 0, None);
        b = host_in(host_in(b, 1, Some("IT")), 2, Some("IT"));
        assert_clean(&R, &b);
        b.hosts[2].country = crate::model::CountryCode::parse("FR");
        assert_one(&R, &b, "hosts[2].country");
    }

    #[test]
    fn messages() {
        let mut a = host_in(youth(), 0, Some("BR"));
        a.category = None;
        a.hosts[0].name_zh = String::new();
        let f = assert_one(&R, &a, "hosts[0].country");
        assert_eq!(
            f.message,
            "境外培训机构 Host 0 位于巴西（BR），与项目国别德国（DE）不同：\
             团组须赴同一国家培训（通知一(一)–(三)、二(三)）"
        );
        let f = assert_one(&R, &host_in(youth(), 0, Some("FR")), "hosts[0].country");
        assert_eq!(
            f.message,
            "境外培训机构 培训机构0 位于法国（FR），\
             与项目国别德国（DE）不同：团组须赴同一国家培训（通知一(二)、二(三)）"
        );
    }
}
