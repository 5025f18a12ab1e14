//! The bureau's answer per application (院人事局遴选, notice 二(四); funding, 二(六)): kept
//! in the bureau's workspace, carried to the units in a result bundle (`kind: "result"`).

use serde::{Deserialize, Serialize};

use super::{Application, Category, Money};

/// 入选 / 未入选.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Selected,
    NotSelected,
}

impl Decision {
    pub const ALL: [Decision; 2] = [Decision::Selected, Decision::NotSelected];

    pub fn key(self) -> &'static str {
        match self {
            Decision::Selected => "selected",
            Decision::NotSelected => "not_selected",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Decision::Selected => "入选",
            Decision::NotSelected => "未入选",
        }
    }
}

/// One application's outcome, with the keys a person reads (unit, title, leader) beside
/// the id the import matches on. Field order is the order in result files.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Selection {
    pub id: String,
    pub unit: String,
    pub title: String,
    pub leader: String,
    pub decision: Option<Decision>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The category the ministry approved (科技部审批明确资助类别).
    pub approved_category: Option<Category>,
    /// The academy's funding for the group (院层面资助金额), in fen.
    pub funding: Option<Money>,
}

impl Selection {
    /// A blank outcome for `app` of `unit`, with its keys.
    pub fn of(unit: &str, app: &Application) -> Selection {
        Selection {
            id: app.id.clone(),
            unit: unit.trim().to_string(),
            title: app.title.trim().to_string(),
            leader: app.leader().map(|(_, m)| m.name.trim().to_string()).unwrap_or_default(),
            ..Default::default()
        }
    }

    /// Nothing decided, approved or funded yet.
    pub fn is_blank(&self) -> bool {
        self.decision.is_none() && self.note.is_empty() && self.approved_category.is_none() && self.funding.is_none()
    }

    /// 「量子材料表征技术研修（张三）」: how a person recognises the group.
    pub fn display(&self) -> String {
        let title = if self.title.is_empty() { "未命名申请" } else { self.title.as_str() };
        if self.leader.is_empty() { title.to_string() } else { format!("{title}（{}）", self.leader) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Member;
    use crate::workspace::Workspace;

    #[test]
    fn put_replaces_per_unit_and_id_and_drops_blank_ones() {
        let app = Application {
            id: "a".into(),
            title: " 研修 ".into(),
            members: vec![Member { name: "张三".into(), is_leader: true, ..Default::default() }],
            ..Default::default()
        };
        let mut ws = Workspace::default();
        let mut s = Selection::of("物理所", &app);
        let want = ("研修", "张三", "研修（张三）".to_string());
        assert_eq!((s.title.as_str(), s.leader.as_str(), s.display()), want);
        ws.put_selection(s.clone());
        assert!(ws.selections.is_empty(), "a blank outcome is not kept");
        s.decision = Some(Decision::Selected);
        ws.put_selection(s.clone());
        let other = Selection { unit: "化物所".into(), decision: Some(Decision::NotSelected), ..s.clone() };
        ws.put_selection(other);
        assert_eq!(ws.selections.len(), 2, "the same id in another unit is another application");
        s.funding = Some(Money(100));
        ws.put_selection(s.clone());
        assert_eq!(ws.selection("中国科学院物理研究所", "a").unwrap().funding, Some(Money(100)));
        ws.put_selection(Selection { decision: None, funding: None, ..s });
        assert_eq!(ws.selections.len(), 1);
        assert_eq!(ws.selection("化物所", "a").unwrap().decision, Some(Decision::NotSelected));
    }

    #[test]
    fn old_workspaces_load_without_selections() {
        let ws: Workspace = serde_json::from_str(r#"{"unit":"物理所","applications":[]}"#).unwrap();
        assert!(ws.selections.is_empty());
        assert!(!serde_json::to_string(&ws).unwrap().contains("selections"), "not written while empty");
    }
}
