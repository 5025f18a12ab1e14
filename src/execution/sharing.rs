//! 回国后开展学术交流或经验分享 (notice 二(七)): every group's sharing activities in one
//! list, with counts per form and the total audience, for the unit's yearly review.

use chrono::NaiveDate;

use crate::model::SharingForm;
use crate::workspace::Workspace;

/// One activity, with the group it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharingRow {
    pub application_id: String,
    /// The activity's index in its application's `execution.sharing`, for a path such as
    /// `execution.sharing[1].date`.
    pub index: usize,
    pub title: String,
    pub date: Option<NaiveDate>,
    pub form: Option<SharingForm>,
    pub audience: Option<u32>,
    pub note: String,
}

impl SharingRow {
    /// 学术报告, or 未填 while no form is chosen.
    pub fn form_label(&self) -> &'static str {
        self.form.map_or("未填", SharingForm::label)
    }
}

/// Activities and audience of one form (or of activities with no form yet: `form: None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormCount {
    pub form: Option<SharingForm>,
    pub label: &'static str,
    pub activities: usize,
    pub audience: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SharingLog {
    /// By date, undated ones last; ties keep the workspace's order.
    pub rows: Vec<SharingRow>,
    /// Every form in the notice's order, then 未填 if any activity lacks a form.
    pub per_form: Vec<FormCount>,
    pub total_audience: u64,
    /// Activities whose audience size is not recorded (not in the total).
    pub audience_unknown: usize,
    /// Groups with at least one activity.
    pub groups: usize,
}

pub fn sharing_log(ws: &Workspace) -> SharingLog {
    let mut rows: Vec<SharingRow> = ws
        .applications
        .iter()
        .flat_map(|app| {
            let sharing = app.execution.as_ref().map(|e| e.sharing.as_slice()).unwrap_or_default();
            sharing.iter().enumerate().map(move |(index, s)| SharingRow {
                application_id: app.id.clone(),
                index,
                title: app.title.trim().to_string(),
                date: s.date,
                form: s.form,
                audience: s.audience,
                note: s.note.trim().to_string(),
            })
        })
        .collect();
    rows.sort_by_key(|r| (r.date.is_none(), r.date));
    let count = |form: Option<SharingForm>| {
        let of: Vec<&SharingRow> = rows.iter().filter(|r| r.form == form).collect();
        FormCount {
            form,
            label: form.map_or("未填", SharingForm::label),
            activities: of.len(),
            audience: of.iter().filter_map(|r| r.audience).map(u64::from).sum(),
        }
    };
    let mut per_form: Vec<FormCount> = SharingForm::ALL.into_iter().map(|f| count(Some(f))).collect();
    let unset = count(None);
    if unset.activities > 0 {
        per_form.push(unset);
    }
    let mut groups: Vec<&str> = rows.iter().map(|r| r.application_id.as_str()).collect();
    groups.sort_unstable();
    groups.dedup();
    SharingLog {
        total_audience: rows.iter().filter_map(|r| r.audience).map(u64::from).sum(),
        audience_unknown: rows.iter().filter(|r| r.audience.is_none()).count(),
        groups: groups.len(),
        per_form,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Application, Execution, SharingActivity};
    use crate::rules::testing::{AppExt, d, youth};

    fn act(date: Option<&str>, form: Option<SharingForm>, audience: Option<u32>) -> SharingActivity {
        SharingActivity { date: date.map(d), form, audience, note: " 所内 ".into() }
    }

    fn group(id: &str, sharing: Vec<SharingActivity>) -> Application {
        Application { execution: Some(Execution { sharing, ..Default::default() }), ..youth().named(id, id) }
    }

    #[test]
    fn all_groups_by_date_with_counts_per_form() {
        use SharingForm::*;
        let ws = Workspace {
            applications: vec![
                group("a", vec![act(Some("2020-11-02"), Some(Talk), Some(80)), act(None, None, Some(5))]),
                youth().named("none", "未记录"),
                group(
                    "b",
                    vec![act(Some("2020-10-20"), Some(Training), Some(30)), act(Some("2020-12-01"), Some(Talk), None)],
                ),
            ],
            ..Default::default()
        };
        let log = sharing_log(&ws);
        let order: Vec<_> = log.rows.iter().map(|r| (r.application_id.as_str(), r.index)).collect();
        assert_eq!(order, [("b", 0), ("a", 0), ("b", 1), ("a", 1)]);
        assert_eq!((log.rows[0].note.as_str(), log.rows[3].form_label()), ("所内", "未填"));
        let counts: Vec<_> = log.per_form.iter().map(|c| (c.label, c.activities, c.audience)).collect();
        assert_eq!(counts, [("学术报告", 2, 80), ("经验分享", 0, 0), ("培训", 1, 30), ("其他", 0, 0), ("未填", 1, 5)]);
        assert_eq!((log.total_audience, log.audience_unknown, log.groups), (115, 1, 2));
    }

    #[test]
    fn an_empty_workspace_has_an_empty_log() {
        let log = sharing_log(&Workspace::default());
        assert!(log.rows.is_empty());
        assert_eq!(log.per_form.len(), 4);
        assert_eq!((log.total_audience, log.groups), (0, 0));
    }
}
