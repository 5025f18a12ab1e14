//! 申请表 (附件1): the editor of one application, one page per section, with a task list,
//! 核对 (check answers) and the print view. `#/apply/<id>/<page>`.

mod answers;
mod basic;
mod card_form;
mod check;
mod contact;
mod content;
mod context;
mod fields;
mod findings;
mod members;
mod page;
mod print;
mod schedule;
mod section;
mod task_list;

pub use card_form::CardForm;
pub use context::EditorCx;
pub use fields::{RadioGroup, TextInput, date, date_example, normalize_date, parse_date, text, unreadable_date};
pub use findings::FindingLine;
pub use schedule::parse_country;
pub use section::{Page, Section, href};
pub use task_list::started;

use leptos::prelude::*;

use crate::ui::pages::{EmptyState, PageTitle};
use crate::ui::route::{Hash, segments};
use crate::ui::state::Store;
use task_list::TaskList;

#[component]
pub fn Editor() -> impl IntoView {
    let Hash(hash) = expect_context::<Hash>();
    let store = Store::get();
    let id = Memo::new(move |_| hash.with(|h| segments(h).nth(1).map(str::to_string)));
    let page = Memo::new(move |_| hash.with(|h| Page::from_slug(segments(h).nth(2).unwrap_or(""))));
    let exists = Memo::new(move |_| id.with(|id| id.as_ref().is_some_and(|id| store.ws.with(|w| w.get(id).is_some()))));
    move || match (id.get(), exists.get()) {
        (Some(id), true) => view! { <ApplicationEditor id page /> }.into_any(),
        (Some(_), false) => view! {
            <PageTitle>"找不到这份申请表"</PageTitle>
            <EmptyState>
                <p>
                    "它可能已被删除。请回到"<a href="#/">"工作台"</a>
                    "查看本浏览器中的全部申请表。"
                </p>
            </EmptyState>
        }
        .into_any(),
        (None, _) => view! {
            <PageTitle>"申请表（附件1）"</PageTitle>
            <p class="lead">
                "《因公出国（境）培训项目计划申请表》：分为基本信息、培训安排、\
                 团组成员、项目理由与内容、单位与联系人五个部分，\
                 边填写边按通知逐条检查。"
            </p>
            <EmptyState>
                <p>"请先在"<a href="#/">"工作台"</a>"新建或打开一份申请表。"</p>
            </EmptyState>
        }
        .into_any(),
    }
}

#[component]
fn ApplicationEditor(id: String, page: Memo<Page>) -> impl IntoView {
    let ecx = EditorCx::new(id);
    provide_context(ecx.clone());
    let title = Memo::new({
        let ecx = ecx.clone();
        move |_| ecx.read(|a| a.title.clone())
    });
    // Made under another round's rule-set than the one in use: say which numbers apply.
    let made_under = Memo::new(move |_| ecx.read(|a| a.rule_set.clone()));
    let other_round = move || {
        let (made, rs) = (made_under.get(), Store::get().rule_set());
        (!made.is_empty() && made != rs.id).then(|| {
            view! {
                <div class="notice" role="note" data-other-rule-set=made.clone()>
                    <p>
                        {format!(
                            "本申请按规则集 {made} 填写，现按使用中的「{}」（{}）检查。",
                            rs.name,
                            rs.id,
                        )}
                    </p>
                    <a href="#/rule-sets">"管理规则集"</a>
                </div>
            }
        })
    };
    let page_title = move || {
        let t = title.get();
        if t.trim().is_empty() { "未命名申请".to_string() } else { t }
    };
    view! {
        <div class="editor" class:editor--print=move || page.get() == Page::Print>
            <p class="editor__caption">"申请表（附件1）"</p>
            <PageTitle>{page_title}</PageTitle>
            {other_round}
            <div class="editor__layout">
                <TaskList page/>
                <div class="editor__page" data-editor-page=move || page.get().slug()>
                    {move || match page.get() {
                        Page::Section(Section::Basic) => basic::Basic().into_any(),
                        Page::Section(Section::Schedule) => schedule::Schedule().into_any(),
                        Page::Section(Section::Members) => members::Members().into_any(),
                        Page::Section(Section::Content) => content::Content().into_any(),
                        Page::Section(Section::Contact) => contact::Contact().into_any(),
                        Page::Check => check::CheckAnswers().into_any(),
                        Page::Print => print::PrintView().into_any(),
                    }}
                </div>
            </div>
        </div>
    }
}
