//! 规则集 (`#/rule-sets`): every rule-set this browser has, the one in use, and how an HR
//! office makes the next round's: copy, edit (`form`), export, import a file with a
//! preview (`import`), use, delete. The numbers are read and checked by the core
//! (`rule_set::{form, validate, parse_file, differences}`); this is the page around them.

mod calendar;
mod field;
mod form;
mod import;
mod sections;

use leptos::prelude::*;

use form::{Opened, RuleSetForm};
pub use import::DifferenceTable;

use crate::rule_set::form::copy_of;
use crate::rule_set::{RuleSet, file_name, to_file_text};
use crate::ui::pages::PageTitle;
use crate::ui::state::Store;

/// What the page shares with its parts.
#[derive(Clone, Copy)]
pub struct PageCx {
    pub store: Store,
    /// The last action's outcome, read out politely.
    pub status: RwSignal<String>,
    /// The rule-set whose deletion waits for 「确定删除」.
    confirm_delete: RwSignal<Option<String>>,
    /// The form, while it is open (in place of the list).
    form: RwSignal<Option<Opened>>,
}

impl PageCx {
    pub fn get() -> PageCx {
        expect_context::<PageCx>()
    }

    /// Every rule-set: the embedded one first, then this browser's own.
    pub fn all(&self) -> Vec<RuleSet> {
        let own = self.store.ws.with(|w| w.rule_sets.clone());
        std::iter::once(RuleSet::embedded().clone()).chain(own).collect()
    }

    /// The ids of this browser's own rule-sets (the embedded one's is never free either).
    pub fn taken_ids(&self) -> Vec<String> {
        self.store.ws.with_untracked(|w| w.rule_sets.iter().map(|r| r.id.clone()).collect())
    }

    pub fn in_use(&self) -> String {
        self.store.rule_set().id.clone()
    }

    /// Opens the form on a copy of `rs` with a free id, to make a new rule-set from.
    pub fn open_copy(&self, rs: &RuleSet) {
        let taken = self.taken_ids();
        let draft = copy_of(rs, &taken.iter().map(String::as_str).collect::<Vec<_>>());
        self.open(Opened { draft, editing: None, read_only: false });
    }

    pub fn open(&self, opened: Opened) {
        self.status.set(String::new());
        self.form.set(Some(opened));
        focus_soon("#rs-form-title");
    }

    pub fn close_form(&self) {
        self.form.set(None);
        focus_soon("main h1");
    }

    /// Checks every application against `rs` from now on, and says so.
    pub fn use_rule_set(&self, rs: &RuleSet) {
        self.store.use_rule_set(&rs.id);
        self.status.set(format!("已改用规则集「{}」，所有申请按其检查。", rs.name));
    }
}

/// The page.
#[component]
pub fn RuleSets() -> impl IntoView {
    let cx = PageCx {
        store: Store::get(),
        status: RwSignal::new(String::new()),
        confirm_delete: RwSignal::new(None),
        form: RwSignal::new(None),
    };
    provide_context(cx);
    let list = move || {
        view! {
            <ul class="rule-set-list">
                <For each=move || cx.all() key=|rs| rs.content_hash() let:rs>
                    <Row rs />
                </For>
            </ul>
            <import::ImportRuleSet />
        }
    };
    view! {
        <div class="rule-sets">
            <PageTitle>"规则集"</PageTitle>
            <p class="lead">
                "规则集是一轮申报的全部数值：各类别的人数与年龄上限、培训时长、\
                 截止日期、节假日安排等。每年有新的通知时，复制上一轮的规则集，\
                 按新通知修改，再「保存并使用」；所有申请即按新的规则集检查。\
                 也可以导入人事处发来的规则集文件。"
            </p>
            <p class="status-line" role="status" aria-live="polite" data-status>
                {move || cx.status.get()}
            </p>
            {move || match cx.form.get() {
                Some(opened) => view! { <RuleSetForm opened /> }.into_any(),
                None => list().into_any(),
            }}
        </div>
    }
}

/// One rule-set: its key numbers and what can be done with it.
#[component]
fn Row(rs: RuleSet) -> impl IntoView {
    let cx = PageCx::get();
    let rs = StoredValue::new(rs);
    let id = rs.with_value(|r| r.id.clone());
    let embedded = rs.with_value(RuleSet::is_embedded);
    let in_use = {
        let id = id.clone();
        Memo::new(move |_| cx.in_use() == id)
    };
    let confirming = {
        let id = id.clone();
        move || cx.confirm_delete.with(|c| c.as_deref() == Some(id.as_str()))
    };
    let export = move |_| {
        let (name, text) = rs.with_value(|r| (file_name(r), to_file_text(r, crate::ui::clock::now())));
        match crate::ui::download::download(&name, "application/json", &text) {
            Ok(()) => cx.status.set(format!("已导出 {name}。")),
            Err(e) => cx.status.set(e),
        }
    };
    let heading_id = format!("rule-set-{id}");
    view! {
        <li class="rule-set" data-rule-set=id.clone()>
            <h2 class="rule-set__name" id=heading_id>
                {rs.with_value(|r| r.name.clone())}
                {embedded
                    .then(|| {
                        view! {
                            " "
                            <span class="tag tag--not-started">"内置"</span>
                        }
                    })}
                {move || {
                    in_use
                        .get()
                        .then(|| {
                            view! {
                                " "
                                <span class="tag tag--done" data-in-use>
                                    "使用中"
                                </span>
                            }
                        })
                }}
            </h2>
            <dl class="facts">
                <dt>"编号"</dt>
                <dd>
                    <code>{id.clone()}</code>
                </dd>
                <dt>"项目执行期"</dt>
                <dd>{rs.with_value(|r| format!("{} 至 {}", r.program_year.start, r.program_year.end))}</dd>
                <dt>"申报截止日"</dt>
                <dd>{rs.with_value(|r| r.submission_deadline.to_string())}</dd>
            </dl>
            {embedded
                .then(|| {
                    view! {
                        <p class="field__hint">
                            {rs
                                .with_value(|r| {
                                    format!(
                                        "内置规则集依据{}的通知，不能修改或删除；\
                                         要按新通知检查，请复制后修改。",
                                        r.round_label(),
                                    )
                                })}
                        </p>
                    }
                })}
            <div class="row-actions">
                <Show when=move || !in_use.get()>
                    <button
                        type="button"
                        class="button"
                        data-action="use-rule-set"
                        on:click=move |_| rs.with_value(|r| cx.use_rule_set(r))
                    >
                        "使用此规则集"
                    </button>
                </Show>
                <button
                    type="button"
                    class="button button--secondary"
                    data-action="copy-rule-set"
                    on:click=move |_| rs.with_value(|r| cx.open_copy(r))
                >
                    "复制为新规则集"
                </button>
                <button
                    type="button"
                    class="button button--secondary"
                    data-action=if embedded { "view-rule-set" } else { "edit-rule-set" }
                    on:click=move |_| {
                        cx.open(Opened {
                            draft: rs.get_value(),
                            editing: (!embedded).then(|| rs.with_value(|r| r.id.clone())),
                            read_only: embedded,
                        })
                    }
                >
                    {if embedded { "查看全部数值" } else { "编辑" }}
                </button>
                <button type="button" class="button button--secondary" data-action="export-rule-set" on:click=export>
                    "导出"
                </button>
                {(!embedded)
                    .then(|| {
                        let id = id.clone();
                        view! {
                            <button
                                type="button"
                                class="button button--warning"
                                data-action="delete-rule-set"
                                on:click=move |_| cx.confirm_delete.set(Some(id.clone()))
                            >
                                "删除"
                            </button>
                        }
                    })}
            </div>
            <Show when=confirming.clone()>
                <DeleteConfirm rs=rs.get_value() in_use=in_use.get_untracked() />
            </Show>
        </li>
    }
}

/// 「确定删除」 on the page (no `window.confirm`); a rule-set in use falls back to the
/// embedded one, and the page says so first.
#[component]
fn DeleteConfirm(rs: RuleSet, in_use: bool) -> impl IntoView {
    let cx = PageCx::get();
    let embedded = RuleSet::embedded();
    let warning = if in_use {
        format!(
            "确定删除规则集「{}」吗？它正在使用中，\
             删除后所有申请将改按内置规则集「{}」检查。删除前可先导出备份。",
            rs.name, embedded.name
        )
    } else {
        format!("确定删除规则集「{}」吗？删除前可先导出备份。", rs.name)
    };
    let (id, name) = (rs.id.clone(), rs.name.clone());
    let delete = move |_| {
        cx.store.delete_rule_set(&id);
        cx.confirm_delete.set(None);
        let tail = if in_use {
            format!("，现按内置规则集「{}」检查", RuleSet::embedded().name)
        } else {
            String::new()
        };
        cx.status.set(format!("已删除规则集「{name}」{tail}。"));
    };
    view! {
        <div class="notice" role="alert" data-confirm-delete>
            <p>{warning}</p>
            <button type="button" class="button button--warning" data-action="confirm-delete" on:click=delete>
                "确定删除"
            </button>
            <button
                type="button"
                class="button button--secondary"
                data-action="cancel-delete"
                on:click=move |_| cx.confirm_delete.set(None)
            >
                "取消"
            </button>
        </div>
    }
}

/// Focuses the element `selector` finds once the view that holds it has rendered.
fn focus_soon(selector: &'static str) {
    use wasm_bindgen::JsCast;
    request_animation_frame(move || {
        if let Some(el) = document().query_selector(selector).ok().flatten() {
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
}
