//! 「清除本机数据」 on 数据与设置: personal data has an end. The backup is offered first,
//! what will be removed is named (applications, persons), the user is asked once more, and
//! then no `peixun/` key is left (the app's offline files stay).

use leptos::prelude::*;

use crate::ui::backup::Backups;
use crate::ui::state::Store;

/// Where the panel is in its three steps.
#[derive(Clone, Copy, PartialEq)]
enum Step {
    Closed,
    /// The backup offered, what will go named.
    Asked,
    /// 「确定要清除吗？」
    Confirming,
    /// Done: how many keys were removed.
    Cleared(usize),
}

/// 「N 份申请、M 位人员」: the same person in two applications counts once; a member not yet
/// named or dated counts as one.
fn what_goes(store: Store) -> String {
    store.ws.with_untracked(|w| {
        let mut persons = std::collections::BTreeSet::new();
        let mut unnamed = 0;
        for m in w.applications.iter().flat_map(|a| &a.members) {
            match m.person() {
                Some(p) => {
                    persons.insert(p);
                }
                None => unnamed += 1,
            }
        }
        let card = crate::storage::stored_card().map_or("", |_| "、成员信息卡");
        format!(
            "将从本浏览器删除 {} 份申请、{} 位人员的资料，以及规则集、单位设置、\
             核销表{card}、备份记录和院人事局汇总时保存的单位数据包（如有）。删除后无法恢复。",
            w.applications.len(),
            persons.len() + unnamed
        )
    })
}

#[component]
pub fn ClearData() -> impl IntoView {
    let store = Store::get();
    let backups = Backups::get();
    // 工作台's note of a round that is over links here as `#/data?clear`: the panel opens
    // asked, its first choice (the backup) in view with the focus.
    // (The hash the navigation came with: a list leaving the page may rewrite the URL's
    // query with `replaceState` before this page is made.)
    let from_round_over = use_context::<crate::ui::route::Hash>()
        .map(|h| h.0.get_untracked())
        .or_else(|| window().location().hash().ok())
        .is_some_and(|h| h.ends_with("?clear"));
    let step = RwSignal::new(if from_round_over { Step::Asked } else { Step::Closed });
    if from_round_over {
        crate::ui::app::focus_instead("clear-export-backup");
    }
    let error = RwSignal::new(None::<String>);
    let backup_said = RwSignal::new(None::<String>);
    let export = move |_| {
        backup_said.set(Some(match backups.export(store) {
            Ok(()) => "已导出备份文件。".into(),
            Err(e) => e,
        }))
    };
    // Then the bureau's kept unit bundles (IndexedDB): the panel says done once both are.
    let clear = move |_| match store.clear_local_data() {
        Ok(n) => leptos::task::spawn_local(async move {
            if let Err(e) = crate::storage::idb::clear().await {
                error.set(Some(format!("院人事局汇总页保存的单位数据包没有清除：{e}")));
            }
            step.set(Step::Cleared(n));
        }),
        Err(e) => error.set(Some(e)),
    };
    // Why the clearing (or the kept bundles' part of it) did not succeed.
    let error_line = move || {
        error.get().map(|e| {
            view! {
                <p class="finding finding--error" role="alert">
                    {e}
                </p>
            }
        })
    };
    let body = move || match step.get() {
        Step::Closed => view! {
            <button
                type="button"
                class="button button--warning"
                data-action="clear-data"
                on:click=move |_| step.set(Step::Asked)
            >
                "清除本机数据…"
            </button>
        }
        .into_any(),
        Step::Asked => view! {
            <div class="notice" role="region" aria-label="清除前" data-clear-asked>
                <p data-clear-what>{what_goes(store)}</p>
                <p>
                    "建议先导出备份，并关闭本工具的其他标签页\
                     （否则它们可能再次写入数据）。"
                </p>
                <div class="actions">
                    <button
                        type="button"
                        class="button"
                        id="clear-export-backup"
                        data-action="clear-export-backup"
                        on:click=export
                    >
                        "先导出备份"
                    </button>
                    <button
                        type="button"
                        class="button button--warning"
                        data-action="clear-continue"
                        on:click=move |_| step.set(Step::Confirming)
                    >
                        "继续"
                    </button>
                    <button
                        type="button"
                        class="button button--secondary"
                        data-action="clear-cancel"
                        on:click=move |_| step.set(Step::Closed)
                    >
                        "取消"
                    </button>
                </div>
                {move || {
                    backup_said
                        .get()
                        .map(|m| {
                            view! {
                                <p role="status" data-clear-backup>
                                    {m}
                                </p>
                            }
                        })
                }}
            </div>
        }
        .into_any(),
        Step::Confirming => view! {
            <div class="finding-summary" role="alertdialog" aria-labelledby="clear-confirm-title" data-clear-confirm>
                <h3 id="clear-confirm-title">"确定要清除本机数据吗？此操作无法撤销。"</h3>
                <div class="actions">
                    <button type="button" class="button button--warning" data-action="confirm-clear" on:click=clear>
                        "确认清除"
                    </button>
                    <button
                        type="button"
                        class="button button--secondary"
                        data-action="clear-cancel"
                        on:click=move |_| step.set(Step::Closed)
                    >
                        "取消"
                    </button>
                </div>
                {error_line}
            </div>
        }
        .into_any(),
        Step::Cleared(n) => view! {
            <div class="import-done" role="status" data-cleared=n>
                <p>
                    {format!(
                        "已清除本机的全部数据（{n} 项）。本页不再保存；\
                         刷新本页即可重新开始。",
                    )}
                </p>
                <button
                    type="button"
                    class="button"
                    data-action="reload"
                    on:click=move |_| {
                        let _ = window().location().reload();
                    }
                >
                    "刷新本页"
                </button>
                {error_line}
            </div>
        }
        .into_any(),
    };
    view! {
        <section class="panel" aria-labelledby="clear-title" id="clear-data">
            <h2 id="clear-title">"清除本机数据"</h2>
            <p>
                "申请表中有多位人员的个人信息。一轮申报结束、数据已交出后，\
                 可以从本浏览器中删除本工具保存的全部数据；本工具的离线文件保留，\
                 仍可离线打开。"
            </p>
            {body}
        </section>
    }
}
