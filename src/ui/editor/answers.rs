//! Everything entered, as label–value pairs per section: for 核对 and the print view.

use crate::model::{Application, Gender};
use crate::rule_set::RuleSet;

use super::schedule::country_label;
use super::section::Section;

pub struct Answer {
    pub section: Section,
    pub label: String,
    pub path: String,
    pub value: String,
}

pub fn or_blank(s: &str) -> String {
    if s.trim().is_empty() { "未填写".into() } else { s.to_string() }
}

pub fn category_label(rs: &RuleSet, a: &Application) -> String {
    a.category.map(|c| format!("{}项目", rs.category(c).label)).unwrap_or_else(|| "未填写".into())
}

// The form's own wording, so 核对, the print view and the .docx say the same.
pub use crate::docx::form::{priorities, topics};

pub fn dates(a: &Application) -> String {
    match (a.exit_date, a.return_date) {
        (Some(e), Some(r)) => format!("{e} 至 {r}"),
        (Some(e), None) => format!("{e} 出境"),
        _ => "未填写".into(),
    }
}

pub fn hosts(a: &Application) -> String {
    if a.hosts.is_empty() {
        return "未填写".into();
    }
    let one = |h: &crate::model::Host| {
        let city = h.city.trim();
        let name = format!("{} {}", h.name_zh.trim(), h.name_en.trim()).trim().to_string();
        if city.is_empty() { name } else { format!("{name}（{city}）") }
    };
    a.hosts.iter().map(one).collect::<Vec<_>>().join("；")
}

pub fn answers(rs: &RuleSet, a: &Application) -> Vec<Answer> {
    let mut out = Vec::new();
    let mut put = |section, label: &str, path: &str, value: String| {
        out.push(Answer { section, label: label.into(), path: path.into(), value })
    };
    put(Section::Basic, "项目名称", "title", or_blank(&a.title));
    put(Section::Basic, "项目类别", "category", category_label(rs, a));
    put(Section::Basic, "重点领域专项", "special_topics", topics(rs, a));
    put(Section::Basic, "优先条件", "priority.priority_note", priorities(rs, a));
    put(Section::Schedule, "培训国别", "country", or_blank(&country_label(a.country)));
    put(Section::Schedule, "境外培训机构", "hosts", hosts(a));
    put(
        Section::Schedule,
        "培训天数",
        "duration_days",
        a.duration_days.map(|d| format!("{d} 天")).unwrap_or("未填写".into()),
    );
    put(Section::Schedule, "计划出入境日期", "exit_date", dates(a));
    for (i, m) in a.members.iter().enumerate() {
        let mut facts = vec![
            m.gender.map(Gender::label).unwrap_or("性别未填").to_string(),
            m.birth_date.map(|d| format!("{d} 出生")).unwrap_or("出生日期未填".into()),
            or_blank(&m.unit),
            format!("{}（{}）", or_blank(&m.title), m.title_level.map(|l| l.label()).unwrap_or("级别未填")),
        ];
        facts.push(match m.registered_staff {
            Some(true) => "在册职工".into(),
            Some(false) => "非在册职工".into(),
            None => "是否在册未填".into(),
        });
        let label = format!("{}{}", m.display_name(i), if m.is_leader { "（带头人）" } else { "" });
        put(Section::Members, &label, &format!("members[{i}].name"), facts.join("，"));
    }
    if a.members.is_empty() {
        put(Section::Members, "成员", "members", "未填写".into());
    }
    put(Section::Content, "项目理由", "rationale", or_blank(&a.rationale));
    put(Section::Content, "培训内容与日程安排", "content", or_blank(&a.content));
    put(Section::Content, "预期目标与成果", "objectives", or_blank(&a.objectives));
    put(Section::Content, "回国后成果分享计划", "sharing_plan", or_blank(&a.sharing_plan));
    put(Section::Contact, "团组带头人所在单位", "lead_unit", or_blank(&a.lead_unit));
    let c = &a.contact;
    put(Section::Contact, "联系人", "contact.name", or_blank(format!("{} {} {}", c.name, c.phone, c.email).trim()));
    out
}
