//! The editor's pages: five form sections, 核对 (check answers) and the print view.

use crate::rules::Finding;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Basic,
    Schedule,
    Members,
    Content,
    Contact,
}

impl Section {
    pub const ALL: [Section; 5] =
        [Section::Basic, Section::Schedule, Section::Members, Section::Content, Section::Contact];

    pub fn slug(self) -> &'static str {
        match self {
            Section::Basic => "basic",
            Section::Schedule => "schedule",
            Section::Members => "members",
            Section::Content => "content",
            Section::Contact => "contact",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Section::Basic => "基本信息",
            Section::Schedule => "培训安排",
            Section::Members => "团组成员",
            Section::Content => "项目理由与内容",
            Section::Contact => "单位与联系人",
        }
    }

    /// The section whose form holds the field at `path` (`members[2].name` → Members).
    pub fn of_path(path: &str) -> Option<Section> {
        let top = path.split(['.', '[']).next().unwrap_or("");
        match top {
            "title" | "category" | "special_topics" | "priority" => Some(Section::Basic),
            "country" | "hosts" | "duration_days" | "exit_date" | "return_date" => Some(Section::Schedule),
            "members" => Some(Section::Members),
            "rationale" | "content" | "objectives" | "sharing_plan" => Some(Section::Content),
            "lead_unit" | "contact" => Some(Section::Contact),
            _ => None,
        }
    }

    pub fn owns(self, f: &Finding) -> bool {
        Section::of_path(&f.path) == Some(self)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Section(Section),
    Check,
    Print,
}

impl Page {
    pub fn from_slug(s: &str) -> Page {
        match s {
            "check" => Page::Check,
            "print" => Page::Print,
            other => Section::ALL
                .into_iter()
                .find(|x| x.slug() == other)
                .map(Page::Section)
                .unwrap_or(Page::Section(Section::Basic)),
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Page::Section(s) => s.slug(),
            Page::Check => "check",
            Page::Print => "print",
        }
    }
}

/// `#/apply/<id>/<page>`
pub fn href(id: &str, page: Page) -> String {
    format!("#/apply/{id}/{}", page.slug())
}

/// `#/apply/<id>/<section>#f-<path>` is not possible with hash routing, so links to a
/// field carry the path in `data-path` and focus it on click.
pub fn field_id(path: &str) -> String {
    format!("f-{path}")
}
