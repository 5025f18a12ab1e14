//! The task list beside the form: each section with its status and problem count.

use leptos::prelude::*;

use super::context::EditorCx;
use super::section::{Page, Section, href};
use crate::model::Application;
use crate::rules::Severity;
use crate::ui::state::Store;

/// Whether the user has typed anything in a section yet.
pub fn started(section: Section, a: &Application) -> bool {
    let filled = |s: &str| !s.trim().is_empty();
    match section {
        Section::Basic => filled(&a.title) || a.category.is_some() || !a.special_topics.is_empty(),
        Section::Schedule => {
            a.country.is_some() || !a.hosts.is_empty() || a.duration_days.is_some() || a.exit_date.is_some()
        }
        Section::Members => !a.members.is_empty(),
        Section::Content => [&a.rationale, &a.content, &a.objectives, &a.sharing_plan].into_iter().any(|s| filled(s)),
        Section::Contact => filled(&a.lead_unit) || filled(&a.contact.name) || filled(&a.contact.phone),
    }
}

#[derive(Clone, PartialEq)]
pub enum Status {
    NotStarted,
    InProgress,
    Problems(usize),
    Done,
}

impl Status {
    pub fn label(&self) -> String {
        match self {
            Status::NotStarted => "未开始".into(),
            Status::InProgress => "填写中".into(),
            Status::Problems(n) => format!("有 {n} 个问题"),
            Status::Done => "已完成".into(),
        }
    }

    pub fn css(&self) -> &'static str {
        match self {
            Status::NotStarted => "not-started",
            Status::InProgress => "in-progress",
            Status::Problems(_) => "problems",
            Status::Done => "done",
        }
    }
}

#[component]
pub fn TaskList(page: Memo<Page>) -> impl IntoView {
    let ecx = EditorCx::get();
    let store = Store::get();
    let status = move |s: Section| {
        let ecx = EditorCx::get();
        let problems = ecx.findings.with(|fs| fs.iter().filter(|f| s.owns(f) && f.severity != Severity::Info).count());
        let started = ecx.read(|a| started(s, a));
        let done = store.is_done(&ecx.id, s.slug());
        match (started || done, problems, done) {
            (false, _, _) => Status::NotStarted,
            (_, 0, true) => Status::Done,
            (_, n, _) if n > 0 && (done || ecx.findings.with(|fs| fs.iter().any(|f| s.owns(f) && ecx.visible(f)))) => {
                Status::Problems(n)
            }
            _ => Status::InProgress,
        }
    };
    let id = ecx.id.clone();
    view! {
        <nav class="task-list" aria-label="申请表各部分">
            <ol>
                {Section::ALL
                    .into_iter()
                    .map(|s| {
                        let link = href(&id, Page::Section(s));
                        let st = Memo::new(move |_| status(s));
                        // Memoized: a keystroke that leaves the status as it was touches no DOM.
                        view! {
                            <li data-section=s.slug()>
                                <a href=link aria-current=move || (page.get() == Page::Section(s)).then_some("page")>
                                    {s.label()}
                                </a>
                                {move || {
                                    st.with(|st| {
                                        view! { <span class=format!("tag tag--{}", st.css())>{st.label()}</span> }
                                    })
                                }}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <p>
                <a href=href(&id, Page::Check) aria-current=move || (page.get() == Page::Check).then_some("page")>
                    "核对全部内容"
                </a>
            </p>
            <p>
                <a href=href(&id, Page::Print) aria-current=move || (page.get() == Page::Print).then_some("page")>
                    "打印申请表"
                </a>
            </p>
        </nav>
    }
}
