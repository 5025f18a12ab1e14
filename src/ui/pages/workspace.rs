//! 工作台: every draft in this browser; new, open, duplicate, delete (with 「撤销」), examples.

use leptos::prelude::*;

use chrono::NaiveDate;

use super::{EmptyState, PageTitle};
use crate::model::{Application, Workspace};
use crate::rule_set::RuleSet;
use crate::rules::{Cx, Severity, check_application};
use crate::sample::example_applications;
use crate::ui::clock::{new_id, today};
use crate::ui::editor::{Page, Section, href, started};
use crate::ui::lazy;
use crate::ui::route::navigate;
use crate::ui::sharing::{ImportButton, export_applications};
use crate::ui::state::Store;

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

#[derive(Clone, PartialEq)]
struct Row {
    id: String,
    title: String,
    category: String,
    members: usize,
    /// Its place in the workspace (and in what [`count_problems`] returns).
    index: usize,
    started: bool,
    done: bool,
    saved: String,
}

/// The findings (not the notes) of each application, in the workspace's order. It runs in
/// a chunk fetched once the list is painted (`lazy::workspace_checks`): the rules are not
/// in the first download.
pub fn count_problems(rs: &RuleSet, w: &Workspace, today: NaiveDate) -> Vec<usize> {
    // Re-validates every application: the span `make bench` reports for 300 of them.
    let _span = crate::ui::perf::Span::new("peixun-validate-workspace");
    let cx = Cx::new(rs, w, today);
    w.applications
        .iter()
        .map(|a| check_application(&cx, a).iter().filter(|f| f.severity != Severity::Info).count())
        .collect()
}

/// Whether the rules' chunk is there yet.
#[derive(Clone, Copy)]
enum Checker {
    Waiting,
    Ready(lazy::Checks),
    Failed,
}

/// `problems`: `None` while the rules are on their way, `Some(None)` if they could not come.
fn status(started: bool, done: bool, problems: Option<Option<usize>>) -> (&'static str, String) {
    match problems {
        _ if !started => ("not-started", "未开始".into()),
        Some(Some(n)) if n > 0 => ("problems", format!("有 {n} 个问题")),
        Some(Some(_)) if done => ("done", "已完成".into()),
        Some(Some(_)) => ("in-progress", "填写中".into()),
        Some(None) => ("unchecked", "暂时无法检查".into()),
        None => ("checking", "检查中…".into()),
    }
}

#[component]
pub fn Workspace() -> impl IntoView {
    let store = Store::get();
    let today = today();
    let rows = Memo::new(move |_| {
        let rs = store.rule_set();
        store.ws.with(|w| {
            w.applications
                .iter()
                .enumerate()
                .map(|(index, a)| Row {
                    id: a.id.clone(),
                    title: a.display_title(),
                    category: a.category.map(|c| rs.category(c).label.clone()).unwrap_or_else(|| "未选择".into()),
                    members: a.members.len(),
                    index,
                    started: Section::ALL.iter().any(|s| started(*s, a)),
                    done: Section::ALL.iter().all(|s| store.is_done(&a.id, s.slug())),
                    saved: a.updated_at.map(crate::ui::clock::date_hm).unwrap_or_else(|| "—".into()),
                })
                .collect::<Vec<_>>()
        })
    });
    // The rules come right after the list is painted; 「检查中…」 until then.
    let checker = RwSignal::new(Checker::Waiting);
    Effect::new(move |_| {
        leptos::task::spawn_local(async move {
            checker.set(match lazy::workspace_checks().await {
                Ok(f) => Checker::Ready(f),
                Err(lazy::Unavailable) => Checker::Failed,
            });
        });
    });
    let problems = Memo::new(move |_| match checker.get() {
        Checker::Waiting => None,
        Checker::Failed => Some(Vec::new()),
        Checker::Ready(f) => {
            let rs = store.rule_set();
            Some(store.ws.with(|w| f(rs, w, today)))
        }
    });
    let create = move |_| {
        let app = Application { id: new_id(), ..Default::default() };
        let id = app.id.clone();
        store.add(vec![app]);
        navigate(&href(&id, Page::Section(Section::Basic)));
    };
    let examples = move |_| store.add(example_applications(store.rule_set()).iter().map(fresh_copy).collect());
    let round_over = move || {
        store.rule_set().round_over_note(today).map(|note| {
            view! { <div class="notice" role="note" data-round-over><p>{note}</p><a href="#/rule-sets">"管理规则集"</a></div> }
        })
    };
    let selected = RwSignal::new(std::collections::BTreeSet::<String>::new());
    let export_error = RwSignal::new(None::<String>);
    let export = move |ids: Vec<String>| export_applications(store, ids, move |r| export_error.set(r.err()));
    // In the workspace's order, whatever order they were ticked in.
    let selected_ids = move || {
        store.ws.with_untracked(|w| {
            selected
                .with_untracked(|s| w.applications.iter().filter(|a| s.contains(&a.id)).map(|a| a.id.clone()).collect())
        })
    };
    let export_selected = move |_| export(selected_ids());
    let docx_message = RwSignal::new(None::<(bool, String)>);
    let docx_selected = move |_| {
        docx_message.set(Some((true, "正在生成 Word 文件…".into())));
        let done = Callback::new(move |e: Option<String>| {
            docx_message.set(Some(match e {
                None => (true, "已导出所选申请的附件1（.docx）。".into()),
                Some(e) => (false, e),
            }))
        });
        let ids = selected_ids();
        leptos::task::spawn_local(async move {
            if crate::ui::lazy::docx_forms(store, ids, done).await.is_err() {
                docx_message.set(Some((false, "导出程序没有下载成功（可能网络已断开），请联网后再试。".into())));
            }
        });
    };
    let export_all =
        move |_| export(store.ws.with_untracked(|w| w.applications.iter().map(|a| a.id.clone()).collect()));
    view! {
        <PageTitle>"工作台"</PageTitle>
        <p class="lead">"本浏览器中的全部申请表草稿。每次修改都会自动保存在本机。"</p>
        {round_over}
        <div class="actions">
            <button type="button" class="button" data-action="new" on:click=create>"新建申请表"</button>
            <button type="button" class="button button--secondary" data-action="examples" on:click=examples>"载入示例"</button>
            <ImportButton/>
            <button type="button" class="button button--secondary" data-action="export-selected"
                disabled=move || selected.with(|s| s.is_empty()) on:click=export_selected>
                {move || format!("导出所选（{}）", selected.with(|s| s.len()))}
            </button>
            <button type="button" class="button button--secondary" data-action="docx-selected"
                disabled=move || selected.with(|s| s.is_empty()) on:click=docx_selected>"所选的附件1（Word）"</button>
            <button type="button" class="button button--secondary" data-action="export-all"
                disabled=move || rows.with(|r| r.is_empty()) on:click=export_all>"导出全部"</button>
        </div>
        <p class="field__hint">"导出的 .peixun.json 文件可发给人事处或合作单位；也可以把收到的文件直接拖到本页面导入。合作单位成员请填写"<a href="#/card">"成员信息卡"</a>"。"</p>
        {move || export_error.get().map(|e| view! { <p class="finding finding--error" role="alert">{e}</p> })}
        {move || docx_message.get().map(|(ok, m)| view! {
            <p class=if ok { "import-done" } else { "finding finding--error" } role="status" data-docx-message="docx-selected">{m}</p>
        })}
        {move || {
            let rows = rows.get();
            if rows.is_empty() {
                return view! {
                    <EmptyState>
                        <p>"还没有申请表。"</p>
                        <p>"点击「新建申请表」开始填写，或点击「载入示例」看看填好的申请表是什么样子。"</p>
                    </EmptyState>
                }.into_any();
            }
            view! {
                <table class="table table--cards drafts">
                    <caption class="visually-hidden">"申请表草稿"</caption>
                    <thead><tr>
                        <th scope="col"><span class="visually-hidden">"选择"</span></th>
                        <th scope="col">"项目名称"</th><th scope="col">"类别"</th><th scope="col">"人数"</th>
                        <th scope="col">"状态"</th><th scope="col">"最后保存"</th><th scope="col">"操作"</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|r| {
                            let (dup_id, del_id, exp_id, sel_id, sel_id2) = (r.id.clone(), r.id.clone(), r.id.clone(), r.id.clone(), r.id.clone());
                            let title = r.title.clone();
                            let (index, started, done) = (r.index, r.started, r.done);
                            let check_id = format!("select-{}", r.id);
                            view! {
                                <tr data-app=r.id.clone()>
                                    <td>
                                        <input type="checkbox" id=check_id.clone() data-action="select"
                                            prop:checked=move || selected.with(|s| s.contains(&sel_id))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                selected.update(|s| { if on { s.insert(sel_id2.clone()); } else { s.remove(&sel_id2); } });
                                            }/>
                                        <label for=check_id class="visually-hidden">{format!("选择 {}", r.title)}</label>
                                    </td>
                                    <td class="cell--title"><a href=href(&r.id, Page::Section(Section::Basic))>{r.title.clone()}</a></td>
                                    <td data-label="类别">{r.category}</td>
                                    <td data-label="人数">{r.members}</td>
                                    <td data-label="状态">{move || {
                                        let (class, text) = status(started, done, problems.with(|p| p.as_ref().map(|p| p.get(index).copied())));
                                        view! { <span class=format!("tag tag--{class}") data-status=class>{text}</span> }
                                    }}</td>
                                    <td data-label="最后保存">{r.saved}</td>
                                    <td class="row-actions">
                                        <button type="button" class="button button--small" data-action="export"
                                            on:click=move |_| export(vec![exp_id.clone()])>
                                            "导出" <span class="visually-hidden">{title.clone()}</span>
                                        </button>
                                        <button type="button" class="button button--small" data-action="duplicate"
                                            on:click=move |_| {
                                                let copy = store.ws.with_untracked(|w| w.get(&dup_id).map(|a| {
                                                    let mut c = fresh_copy(a);
                                                    c.title = format!("{}（副本）", a.title);
                                                    c
                                                }));
                                                if let Some(c) = copy { store.add(vec![c]); }
                                            }>
                                            "复制" <span class="visually-hidden">{title.clone()}</span>
                                        </button>
                                        <button type="button" class="button button--small button--warning" data-action="delete"
                                            on:click=move |_| store.delete(&del_id)>
                                            "删除" <span class="visually-hidden">{title}</span>
                                        </button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
    }
}
