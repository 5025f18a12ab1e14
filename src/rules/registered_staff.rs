use super::{Check, Cx, Report, Rule, Severity, member_path};
use crate::model::Application;
use crate::rule_set::RuleSet;

/// 团组成员均须为单位在册职工。Not yet answered (`None`) is an error too: the group cannot
/// be submitted until every member has said.
/// Example: member 1 with `registered_staff: false` → `members[1].registered_staff`.
pub static REGISTERED_STAFF: Rule = Rule {
    id: "registered-staff",
    severity: Severity::Error,
    title: "每位成员都是单位在册职工",
    limit,
    check: Check::Application(check),
};

fn limit(_: &RuleSet) -> String {
    "每位成员均须为单位在册职工".into()
}

fn check(cx: &Cx, app: &Application, out: &mut Report) {
    let clause = super::clause_for(cx, app, &REGISTERED_STAFF);
    for (i, m) in app.members.iter().enumerate() {
        let state = match m.registered_staff {
            Some(true) => continue,
            Some(false) => "不是在册职工",
            None => "尚未确认是否为在册职工",
        };
        out.push(
            member_path(i, "registered_staff"),
            format!("成员 {} {state}，参训人员须为单位在册职工（通知{clause}）", m.display_name(i)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::REGISTERED_STAFF as R;
    use crate::model::Category;
    use crate::rules::testing::*;

    #[test]
    fn yes_no_and_unanswered() {
        for c in Category::ALL {
            for (answer, fires) in [(Some(true), false), (Some(false), true), (None, true)] {
                let mut a = valid(c);
                a.members[1].registered_staff = answer;
                if fires {
                    assert_one(&R, &a, "members[1].registered_staff");
                } else {
                    assert_clean(&R, &a);
                }
            }
        }
    }

    #[test]
    fn messages() {
        let mut a = youth();
        a.members[1].registered_staff = Some(false);
        let f = assert_one(&R, &a, "members[1].registered_staff");
        assert_eq!(
            f.message,
            "成员 李二 不是在册职工，\
             参训人员须为单位在册职工（通知一(二)）"
        );
        a.members[1].registered_staff = None;
        a.category = None;
        let f = assert_one(&R, &a, "members[1].registered_staff");
        assert_eq!(
            f.message,
            "成员 李二 尚未确认是否为在册职工，\
             参训人员须为单位在册职工（通知一(一)–(三)）"
        );
    }
}
