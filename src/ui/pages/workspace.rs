//! 工作台: every draft in this browser; new, open, duplicate, delete (with 「撤销」), examples.

use leptos::prelude::*;

use super::{EmptyState, PageTitle};
use crate::model::Application;
use crate::rules::{Cx, Severity, check_application};
use crate::sample::example_applications;
use crate::ui::clock::{new_id, today};
use crate::ui::editor::{Page, Section, href, started};
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
    status: (&'static str, String),
    saved: String,
}

fn status(store: &Store, a: &Application, problems: usize) -> (&'static str, String) {
    if !Section::ALL.iter().any(|s| started(*s, a)) {
        ("not-started", "未开始".into())
    } else if problems > 0 {
        ("problems", format!("有 {problems} 个问题"))
    } else if Section::ALL.iter().all(|s| store.is_done(&a.id, s.slug())) {
        ("done", "已完成".into())
    } else {
        ("in-progress", "填写中".into())
    }
}

#[component]
pub fn Workspace() -> impl IntoView {
    let store = Store::get();
    let today = today();
    // Re-validates every application: the span `make bench` reports for 300 of them.
    let rows = Memo::new(move |_| {
        let _span = crate::ui::perf::Span::new("peixun-validate-workspace");
        let rs = store.rule_set();
        store.ws.with(|w| {
            let cx = Cx::new(rs, w, today);
            w.applications
                .iter()
                .map(|a| {
                    let problems = check_application(&cx, a).iter().filter(|f| f.severity != Severity::Info).count();
                    Row {
                        id: a.id.clone(),
                        title: a.display_title(),
                        category: a.category.map(|c| rs.category(c).label.clone()).unwrap_or_else(|| "未选择".into()),
                        members: a.members.len(),
                        status: status(&store, a, problems),
                        saved: a.updated_at.map(crate::ui::clock::date_hm).unwrap_or_else(|| "—".into()),
                    }
                })
                .collect::<Vec<_>>()
        })
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
    let export_selected = move |_| {
        // In the workspace's order, whatever order they were ticked in.
        let ids = store.ws.with_untracked(|w| {
            selected
                .with_untracked(|s| w.applications.iter().filter(|a| s.contains(&a.id)).map(|a| a.id.clone()).collect())
        });
        export(ids);
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
            <button type="button" class="button button--secondary" data-action="export-all"
                disabled=move || rows.with(|r| r.is_empty()) on:click=export_all>"导出全部"</button>
        </div>
        <p class="field__hint">"导出的 .peixun.json 文件可发给人事处或合作单位；也可以把收到的文件直接拖到本页面导入。合作单位成员请填写"<a href="#/card">"成员信息卡"</a>"。"</p>
        {move || export_error.get().map(|e| view! { <p class="finding finding--error" role="alert">{e}</p> })}
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
                <table class="table drafts">
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
                                    <td><a href=href(&r.id, Page::Section(Section::Basic))>{r.title.clone()}</a></td>
                                    <td>{r.category}</td>
                                    <td>{r.members}</td>
                                    <td><span class=format!("tag tag--{}", r.status.0) data-status=r.status.0>{r.status.1}</span></td>
                                    <td>{r.saved}</td>
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
