//! 附件1 and 单位总体排序意见 as a document without a file format: titles, headings,
//! bordered tables of label and value cells, text and the stamp lines. The editor's print
//! view renders a [`Document`] as HTML and the export worker writes the same one as .docx,
//! so the paper and the Word file cannot show different fields.

use chrono::{Datelike, NaiveDate};

use crate::model::Application;
use crate::rule_set::RuleSet;
use crate::workspace::Workspace;

pub const FORM_TITLE: &str = "因公出国（境）培训项目计划申请表";
pub const OPINION_TITLE: &str = "单位总体排序意见";
/// 附件1's usable width in twentieths of a point: A4 (11906) less two 2.2 cm margins.
pub const TEXT_WIDTH: u32 = 9412;

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// 附件1, top left.
    Annex(&'static str),
    Title(&'static str),
    Heading(&'static str),
    /// A paragraph; each `\n` starts a new line.
    Text(String),
    Table(Table),
    /// 单位（盖章） and the date line, right-aligned; `opinion` adds a 单位意见 box above.
    Seal {
        opinion: bool,
        date: Option<NaiveDate>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Names the table for screen readers (w:tblCaption) and tests.
    pub caption: &'static str,
    /// Column widths in twentieths of a point; they add up to [`TEXT_WIDTH`].
    pub widths: Vec<u32>,
    /// Column headings, repeated on every printed page; empty for a label–value grid.
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    /// Columns spanned (1 for most).
    pub span: usize,
    /// A label (bold, shaded) rather than what the user typed.
    pub label: bool,
}

impl Cell {
    pub fn label(s: &str) -> Cell {
        Cell { text: s.into(), span: 1, label: true }
    }
    pub fn value(s: impl Into<String>) -> Cell {
        Cell { text: s.into(), span: 1, label: false }
    }
    fn wide(s: impl Into<String>, span: usize) -> Cell {
        Cell { text: s.into(), span, label: false }
    }
}

/// `2020年1月10日`, as the forms date things.
pub fn chinese_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

pub fn category_label(rs: &RuleSet, a: &Application) -> String {
    a.category.map(|c| format!("{}项目", rs.category(c).label)).unwrap_or_default()
}

/// The 重点领域专项 by number and name, or 无.
pub fn topics(rs: &RuleSet, a: &Application) -> String {
    let t: Vec<String> = a
        .special_topics
        .iter()
        .map(|n| rs.topic_label(*n).map(|l| format!("{n}. {l}")).unwrap_or(format!("{n}")))
        .collect();
    if t.is_empty() { "无".into() } else { t.join("；") }
}

/// The 优先条件 ticked and the note, or 无.
pub fn priorities(rs: &RuleSet, a: &Application) -> String {
    let items = crate::summary::priority_labels(rs, a);
    if items.is_empty() { "无".into() } else { items.join("；") }
}

pub fn dates(a: &Application) -> String {
    match (a.exit_date, a.return_date) {
        (Some(e), Some(r)) => format!("{e} 至 {r}"),
        (Some(e), None) => format!("{e} 出境"),
        (None, Some(r)) => format!("{r} 入境"),
        (None, None) => String::new(),
    }
}

fn yes_no(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "是",
        Some(false) => "否",
        None => "",
    }
}

/// 附件1 of one application: every field the editor asks for, in the form's order. Blank
/// fields stay blank cells, so the office can fill them in Word before stamping.
pub fn application_form(a: &Application, rs: &RuleSet) -> Document {
    let country = |c: Option<crate::model::CountryCode>| c.map(|c| c.label()).unwrap_or_default();
    let (l, v) = (Cell::label, Cell::value);
    let basic = Table {
        caption: "基本信息",
        widths: vec![1900, 2806, 1900, 2806],
        header: vec![],
        rows: vec![
            vec![l("项目名称"), Cell::wide(a.title.as_str(), 3)],
            vec![
                l("项目类别"),
                v(category_label(rs, a)),
                l("培训天数"),
                v(a.duration_days.map(|d| format!("{d} 天")).unwrap_or_default()),
            ],
            vec![l("培训国别"), v(country(a.country)), l("计划出入境日期"), v(dates(a))],
            vec![l("重点领域专项"), Cell::wide(topics(rs, a), 3)],
            vec![l("优先条件"), Cell::wide(priorities(rs, a), 3)],
            vec![l("团组带头人所在单位"), Cell::wide(a.lead_unit.as_str(), 3)],
        ],
    };
    let hosts = Table {
        caption: "境外培训机构",
        widths: vec![600, 1900, 1900, 1300, 1100, 1400, 1212],
        header: vec!["序号", "中文名称", "英文名称", "国别", "城市", "网址", "联系方式"],
        rows: a
            .hosts
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let c = country(h.country.or(a.country));
                [
                    format!("{}", i + 1),
                    h.name_zh.clone(),
                    h.name_en.clone(),
                    c,
                    h.city.clone(),
                    h.website.clone(),
                    h.contact.clone(),
                ]
                .into_iter()
                .map(v)
                .collect()
            })
            .collect(),
    };
    let members = Table {
        caption: "团组成员",
        widths: vec![600, 1100, 600, 1300, 1900, 1400, 1100, 700, 712],
        header: vec!["序号", "姓名", "性别", "出生日期", "工作单位", "职称（级别）", "职务", "在册职工", "带头人"],
        rows: a
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let title = match (m.title.trim().is_empty(), m.title_level) {
                    (_, None) => m.title.clone(),
                    (true, Some(level)) => format!("（{}）", level.label()),
                    (false, Some(level)) => format!("{}（{}）", m.title, level.label()),
                };
                [
                    format!("{}", i + 1),
                    m.name.clone(),
                    m.gender.map(|g| g.label()).unwrap_or("").into(),
                    m.birth_date.map(|d| d.to_string()).unwrap_or_default(),
                    m.unit.clone(),
                    title,
                    m.position.clone(),
                    yes_no(m.registered_staff).into(),
                    if m.is_leader { "是" } else { "" }.into(),
                ]
                .into_iter()
                .map(v)
                .collect()
            })
            .collect(),
    };
    let reach = Table {
        caption: "团组成员专业、外语与联系方式",
        widths: vec![600, 1100, 2100, 1500, 1700, 2412],
        header: vec!["序号", "姓名", "专业/研究方向", "外语水平", "联系电话", "电子邮箱"],
        rows: a
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                [
                    format!("{}", i + 1),
                    m.name.clone(),
                    m.discipline.clone(),
                    m.foreign_language.clone(),
                    m.phone.clone(),
                    m.email.clone(),
                ]
                .into_iter()
                .map(v)
                .collect()
            })
            .collect(),
    };
    let text = |caption: &'static str, t: &str| Table {
        caption,
        widths: vec![TEXT_WIDTH],
        header: vec![caption],
        rows: vec![vec![v(t.to_string())]],
    };
    let c = &a.contact;
    let contact = Table {
        caption: "联系人",
        widths: vec![1000, 1500, 1100, 1700, 1100, 3012],
        header: vec![],
        rows: vec![vec![
            l("联系人"),
            v(c.name.clone()),
            l("联系电话"),
            v(c.phone.clone()),
            l("电子邮箱"),
            v(c.email.clone()),
        ]],
    };
    Document {
        blocks: vec![
            Block::Annex("附件1"),
            Block::Title(FORM_TITLE),
            Block::Heading("一、基本信息"),
            Block::Table(basic),
            Block::Heading("二、境外培训机构"),
            Block::Table(hosts),
            Block::Heading("三、团组成员"),
            Block::Table(members),
            Block::Table(reach),
            Block::Heading("四、项目内容"),
            Block::Table(text("项目理由", &a.rationale)),
            Block::Table(text("培训内容与日程安排", &a.content)),
            Block::Table(text("预期目标与成果", &a.objectives)),
            Block::Table(text("回国后成果分享计划", &a.sharing_plan)),
            Block::Heading("五、联系人"),
            Block::Table(contact),
            Block::Seal { opinion: true, date: None },
        ],
    }
}

/// The sentence above the ranked list; the round comes from the rule-set.
pub fn opinion_intro(rs: &RuleSet) -> String {
    format!(
        "根据本单位学科布局与发展需求，\
         经研究，本单位 {} 因公出国（境）培训项目推荐人选（团组）总体排序如下：",
        rs.round_label()
    )
}

/// 单位总体排序意见: the applications in the unit's order with its opinion on each (as
/// typed, line breaks kept), the unit, and the stamp and date lines.
pub fn ranking_opinion(ws: &Workspace, rs: &RuleSet, date: NaiveDate) -> Document {
    let rows = ws
        .ranked_ids()
        .iter()
        .filter_map(|id| ws.get(id))
        .enumerate()
        .map(|(i, a)| {
            let opinion = ws.opinions.get(&a.id).cloned().unwrap_or_default();
            vec![Cell::value(format!("{}", i + 1)), Cell::value(a.title.as_str()), Cell::value(opinion)]
        })
        .collect();
    Document {
        blocks: vec![
            Block::Title(OPINION_TITLE),
            Block::Text(format!("单位：{}", ws.unit)),
            Block::Text(opinion_intro(rs)),
            Block::Table(Table {
                caption: "总体排序",
                widths: vec![900, 3400, 5112],
                header: vec!["排序", "项目名称", "单位意见"],
                rows,
            }),
            Block::Seal { opinion: false, date: Some(date) },
        ],
    }
}
