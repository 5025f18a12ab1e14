use crate::model::unit_name::same_unit;
use crate::model::{Application, CountryCode};
use crate::rule_set::RuleSet;
use crate::workspace::Workspace;

use super::totals::Totals;

/// The column headers, in SPEC §5's order.
pub const COLUMNS: [&str; 15] = [
    "排序",
    "项目名称",
    "项目类别",
    "重点领域专项",
    "团组带头人（姓名/职称）",
    "人数",
    "成员",
    "国别",
    "城市",
    "境外培训机构",
    "培训天数",
    "计划出入境日期",
    "优先条件",
    "联系人及电话",
    "备注",
];

/// One application's row, each cell as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRow {
    pub application_id: String,
    /// Empty for an application not (yet) ranked.
    pub rank: String,
    pub title: String,
    pub category: String,
    pub special_topics: String,
    pub leader: String,
    pub persons: String,
    pub members: String,
    pub country: String,
    pub cities: String,
    pub hosts: String,
    pub duration: String,
    pub dates: String,
    pub priority: String,
    pub contact: String,
    pub note: String,
}

impl SummaryRow {
    /// The cells in [`COLUMNS`] order.
    pub fn cells(&self) -> [&str; 15] {
        [
            &self.rank,
            &self.title,
            &self.category,
            &self.special_topics,
            &self.leader,
            &self.persons,
            &self.members,
            &self.country,
            &self.cities,
            &self.hosts,
            &self.duration,
            &self.dates,
            &self.priority,
            &self.contact,
            &self.note,
        ]
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryTable {
    pub unit: String,
    pub rows: Vec<SummaryRow>,
    pub totals: Totals,
}

impl SummaryTable {
    /// Rows in ranking order (`Workspace::rank_order`: each ranked once); unranked
    /// applications follow, in workspace order.
    pub fn build(ws: &Workspace, rs: &RuleSet) -> SummaryTable {
        let (apps, ranked) = ws.rank_order();
        SummaryTable {
            unit: ws.unit.clone(),
            rows: apps.iter().enumerate().map(|(i, app)| row((i < ranked).then_some(i + 1), app, rs)).collect(),
            totals: Totals::of(&apps, rs),
        }
    }

    pub fn columns() -> &'static [&'static str; 15] {
        &COLUMNS
    }
}

fn or_blank<T: ToString>(x: Option<T>) -> String {
    x.map(|v| v.to_string()).unwrap_or_default()
}

/// 国别 as a table shows it: "DE 德国", or "DE" for a code the country list does not know.
pub(crate) fn country_cell(c: CountryCode) -> String {
    c.name().map_or_else(|| c.to_string(), |n| format!("{c} {n}"))
}

/// 优先条件 (二(二)): the labels of the items claimed, then the free-text note.
pub fn priority_labels<'a>(rs: &'a RuleSet, app: &'a Application) -> Vec<&'a str> {
    let flags = app.priority.flags();
    let mut out: Vec<&str> = rs
        .priority_items
        .iter()
        .filter(|i| flags.iter().any(|(k, on)| *k == i.key && *on))
        .map(|i| i.label.as_str())
        .collect();
    let note = app.priority.priority_note.trim();
    if !note.is_empty() {
        out.push(note);
    }
    out
}

fn row(rank: Option<usize>, app: &Application, rs: &RuleSet) -> SummaryRow {
    let leader = app.members.iter().find(|m| m.is_leader);
    let names: Vec<&str> = app.members.iter().map(|m| m.name.trim()).filter(|n| !n.is_empty()).collect();
    let cities = app.cities();
    let hosts: Vec<&str> = app.hosts.iter().filter_map(|h| h.name()).collect();
    let country = app.country.map(country_cell);
    let dates = match (app.exit_date, app.return_date) {
        (None, None) => String::new(),
        (a, b) => format!("{} 至 {}", or_blank(a), or_blank(b)),
    };
    let priority = priority_labels(rs, app);
    let contact = [app.contact.name.trim(), app.contact.phone.trim()].into_iter().filter(|s| !s.is_empty());
    SummaryRow {
        application_id: app.id.clone(),
        rank: or_blank(rank),
        title: app.title.trim().into(),
        category: app.category.map(|c| rs.category(c).label.clone()).unwrap_or_default(),
        special_topics: app
            .special_topics
            .iter()
            .map(|n| rs.topic_label(*n).map_or_else(|| format!("第 {n} 项"), str::to_string))
            .collect::<Vec<_>>()
            .join("、"),
        leader: leader.map(|m| format!("{}/{}", m.name.trim(), m.title.trim())).unwrap_or_default(),
        persons: app.members.len().to_string(),
        members: names.join("、"),
        country: country.unwrap_or_default(),
        cities: cities.join("、"),
        hosts: hosts.join("；"),
        duration: or_blank(app.duration_days),
        dates,
        priority: priority.join("；"),
        contact: contact.collect::<Vec<_>>().join(" "),
        note: note_for(app, rs),
    }
}

/// 备注: what a reader of the table should know that no column says.
fn note_for(app: &Application, rs: &RuleSet) -> String {
    let mut notes = Vec::new();
    if rs.counts_in_key_fields(&app.special_topics) {
        notes.push(format!("计入{}", rs.key_fields.label));
    }
    // The group's unit: lead_unit, else (not typed yet) the leader's, else the first member's.
    let units = app.members.iter().map(|m| m.unit.trim()).filter(|u| !u.is_empty());
    let leader = app.leader().map(|(_, m)| m.unit.trim()).filter(|u| !u.is_empty());
    let home = Some(app.lead_unit.trim()).filter(|u| !u.is_empty()).or(leader).or(units.clone().next());
    let mut others: Vec<&str> = Vec::new();
    for u in units {
        if !home.is_some_and(|h| same_unit(h, u)) && !others.iter().any(|o| same_unit(o, u)) {
            others.push(u);
        }
    }
    if !others.is_empty() {
        notes.push(format!("跨单位团组（{}）", others.join("、")));
    }
    if let Some(e) = &app.execution {
        notes.push(e.status.label().to_string());
    }
    notes.join("；")
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
