//! 工作台: every draft in this browser; new, open, duplicate, delete (with 「撤销」), examples;
//! search, filter and sort them, and act on the ticked ones (`list.rs`, a chunk).

mod list;
mod table;

pub use list::DraftList;

use leptos::prelude::*;

use chrono::NaiveDate;

use super::{EmptyState, PageTitle};
use crate::list_query::Checked;
use crate::model::Application;
use crate::rule_set::RuleSet;
use crate::rules::{Cx, check_application};
use crate::ui::clock::{new_id, today};
use crate::ui::editor::{Page, Section, href};
use crate::ui::lazy;
use crate::ui::route::navigate;
use crate::ui::sharing::{ImportButton, export_applications};
use crate::ui::state::Store;
use crate::workspace::Workspace;

/// A copy with fresh ids that starts its own history.
fn fresh_copy(a: &Application) -> Application {
    let mut copy = a.clone();
    copy.id = new_id();
    copy.revision = 0;
    copy.history.clear();
    copy.updated_at = None;
    copy.execution = None;
    for m in &mut copy.members {
        m.id = new_id();
    }
    copy
}

/// The findings (not the notes) of each application, in the workspace's order. It runs in
/// a chunk fetched once the list is painted (`lazy::workspace_checks`): the rules are not
/// in the first download.
pub fn count_problems(rs: &RuleSet, w: &Workspace, today: NaiveDate) -> Vec<Checked> {
    // Re-validates every application: the span `make bench` reports for 300 of them.
    let _span = crate::ui::perf::Span::new("peixun-validate-workspace");
    let cx = Cx::new(rs, w, today);
    w.applications.iter().map(|a| Checked::of(&check_application(&cx, a))).collect()
}

#[component]
pub fn Workspace() -> impl IntoView {
    let store = Store::get();
    let today = today();
    let create = move |_| {
        let app = Application { id: new_id(), ..Default::default() };
        let id = app.id.clone();
        store.add(vec![app]);
        navigate(&href(&id, Page::Section(Section::Basic)));
    };
    // The sample generator comes as a chunk (its names and sentences are not first-load bytes).
    let examples_error = RwSignal::new(None::<&'static str>);
    let examples = move |_| {
        leptos::task::spawn_local(async move {
            match crate::ui::lazy::examples(store.rule_set()).await {
                Ok(apps) => {
                    examples_error.set(None);
                    store.add(apps.iter().map(fresh_copy).collect());
                }
                Err(_) => examples_error.set(Some(
                    "示例暂时无法载入（网络不通或本页已有新版本），\
                     请稍后再试或刷新本页。",
                )),
            }
        })
    };
    let round_over = move || {
        store.rule_set().round_over_note(today).map(|note| {
            view! {
                <div class="notice" role="note" data-round-over>
                    <p>{note}</p>
                    <a href="#/rule-sets">"管理规则集"</a>
                    <p>
                        "这一轮的申请已交出、不再需要时，可在「数据与设置」中"
                        <a href="#/data?clear" data-link="clear-data">
                            "清除本机数据"
                        </a>"。"
                    </p>
                </div>
            }
        })
    };
    let export_error = RwSignal::new(None::<String>);
    let export_all = move |_| {
        let ids = store.ws.with_untracked(|w| w.applications.iter().map(|a| a.id.clone()).collect());
        export_applications(store, ids, move |r| export_error.set(r.err()))
    };
    // The list is built again only when the workspace stops or starts being empty.
    let any = Memo::new(move |_| store.ws.with(|w| !w.applications.is_empty()));
    view! {
        <PageTitle>"工作台"</PageTitle>
        <p class="lead">"本浏览器中的全部申请表草稿。每次修改都会自动保存在本机。"</p>
        {round_over}
        <div class="actions">
            <button type="button" class="button" data-action="new" on:click=create>
                "新建申请表"
            </button>
            <button type="button" class="button button--secondary" data-action="examples" on:click=examples>
                "载入示例"
            </button>
            <ImportButton />
            <button
                type="button"
                class="button button--secondary"
                data-action="export-all"
                disabled=move || !any.get()
                on:click=export_all
            >
                "导出全部"
            </button>
        </div>
        <p class="field__hint">
            "导出的 .peixun.json 文件可发给人事处或合作单位；\
             也可以把收到的文件直接拖到本页面导入。合作单位成员请填写"
            <a href="#/card">"成员信息卡"</a>"。"
        </p>
        {move || {
            export_error
                .get()
                .map(|e| {
                    view! {
                        <p class="finding finding--error" role="alert">
                            {e}
                        </p>
                    }
                })
        }}
        {move || {
            examples_error
                .get()
                .map(|e| {
                    view! {
                        <p class="finding finding--error" role="alert" data-examples-error>
                            {e}
                        </p>
                    }
                })
        }}
        {move || {
            if any.get() {
                lazy::part(lazy::workspace_list, list::unavailable)
            } else {
                view! {
                    <EmptyState>
                        <p>"还没有申请表。"</p>
                        <p>
                            "点击「新建申请表」开始填写，或点击「载入示例」\
                             看看填好的申请表是什么样子。"
                        </p>
                    </EmptyState>
                }
                    .into_any()
            }
        }}
    }
}
