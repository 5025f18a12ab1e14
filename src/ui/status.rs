//! Save state in the header, the 「撤销」 toast after a deletion, and the questions another
//! tab's writes raise (drafts, a deletion, the ranking) or the reason this tab stopped saving.

use std::time::Duration;

use leptos::prelude::*;

use super::state::{SaveStatus, Store, TabConflict};
use crate::workspace::Trash;

/// 「已保存 14:32:05」, or a failure that says the change is not saved yet.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let store = Store::get();
    view! {
        <div
            class="save-status"
            role="status"
            aria-live="polite"
            data-save-status=move || match store.status.get() {
                SaveStatus::Idle => "idle",
                SaveStatus::Pending => "pending",
                SaveStatus::Saved(_) => "saved",
                SaveStatus::Failed(_) => "failed",
            }
        >
            {move || match store.status.get() {
                SaveStatus::Idle => "".into_any(),
                SaveStatus::Pending => "正在保存…".into_any(),
                SaveStatus::Saved(at) => format!("已保存 {}", crate::ui::clock::hms(at)).into_any(),
                SaveStatus::Failed(why) if why == crate::ui::state::CLEARED => {
                    // Cleared on purpose (「清除本机数据」): nothing is owed a save.
                    view! { <span class="save-status__failed">{why}</span> }
                        .into_any()
                }
                SaveStatus::Failed(why) => {
                    view! {
                        <span class="save-status__failed">
                            {format!("更改尚未保存：{why}。页面上的内容仍在，请先导出备份。")}
                        </span>
                        " "
                        <button
                            type="button"
                            class="button button--small button--secondary"
                            data-action="backup"
                            on:click=move |_| {
                                let ids: Vec<String> = store
                                    .ws
                                    .with_untracked(|w| w.applications.iter().map(|a| a.id.clone()).collect());
                                crate::ui::sharing::export_applications(
                                    store,
                                    ids,
                                    move |r| {
                                        if let Err(e) = r {
                                            store.status.set(SaveStatus::Failed(e));
                                        }
                                    },
                                );
                            }
                        >
                            "导出备份"
                        </button>
                    }
                        .into_any()
                }
            }}
            {move || {
                let clash = store.settings_clash.get();
                (!clash.is_empty())
                    .then(|| {
                        view! {
                            <span class="save-status__merged" data-settings-clash>
                                {format!(
                                    "另一个标签页同时修改了{}：两边新增的都已保留，\
                                     同一项两边不同之处保留了本页的内容，请核对。",
                                    clash.join("、"),
                                )}
                                " "
                                <button
                                    type="button"
                                    class="button button--small button--secondary"
                                    on:click=move |_| store.settings_clash.set(Vec::new())
                                >
                                    "知道了"
                                </button>
                            </span>
                        }
                    })
            }}
        </div>
    }
}

const UNDO_FOR: Duration = Duration::from_secs(10);

/// Offered for 10 s after the last delete (the delete has already taken effect); each
/// 「撤销」 brings back the most recent deletion, and the toast stays while there is more.
#[component]
pub fn UndoToast() -> impl IntoView {
    let store = Store::get();
    let timer = StoredValue::new(None::<TimeoutHandle>);
    // Restarts on each deletion, not on an undo.
    let deletions = Memo::new(move |_| store.trash.with(Trash::deletions));
    Effect::new(move |_| {
        if deletions.get() > 0 {
            if let Some(t) = timer.get_value() {
                t.clear();
            }
            let expire = move || {
                store.trash.try_update(Trash::clear);
            };
            timer.set_value(set_timeout_with_handle(expire, UNDO_FOR).ok());
        }
    });
    let shown = move || store.trash.with(|t| !t.is_empty() || t.failed.is_some());
    let what = move || {
        store.trash.with(|t| {
            let failed = t.failed.as_ref().map(|why| format!("无法撤销：{why}"));
            let next = t.last().map(|d| match t.len() {
                1 => format!("已删除{}。", d.label()),
                n => format!("已删除{}。（共 {n} 项可撤销）", d.label()),
            });
            [failed, next].into_iter().flatten().collect::<Vec<_>>().join(" ")
        })
    };
    // The live region stays in the page so that each change of its text is announced.
    view! {
        <div role="status" aria-live="polite" data-undo-region>
            <Show when=shown>
                <div class="toast" data-undo-toast>
                    <span>{what}</span>
                    <Show when=move || store.trash.with(|t| !t.is_empty())>
                        <button
                            type="button"
                            class="button button--secondary"
                            data-action="undo"
                            on:click=move |_| store.undo_delete()
                        >
                            "撤销"
                        </button>
                    </Show>
                </div>
            </Show>
        </div>
    }
}

/// Drafts changed in this tab and another: the user picks which version stays. With it, the
/// ranking both tabs reordered, and why this tab no longer saves.
#[component]
pub fn TabConflicts() -> impl IntoView {
    let store = Store::get();
    view! {
        <StoppedSaving />
        <RankingClash />
        <Show when=move || store.conflicts.with(|c| !c.is_empty())>
            <div class="finding-summary" role="alert" data-tab-conflicts>
                <h2>"另一个标签页也修改了这些申请"</h2>
                <p>
                    "两个标签页的修改不会互相覆盖。请为每份申请选择保留哪一份\
                     （未选择前，本页的修改只在本页中）。"
                </p>
                <ul>
                    <For each=move || store.conflicts.get() key=TabConflict::key let:c>
                        {
                            let (mine, theirs) = (c.id.clone(), c.id.clone());
                            let what = match (c.mine_deleted, c.theirs.is_some()) {
                                (true, _) => {
                                    "本页删除了它，但另一个标签页保存过本页还没有看到的修改"
                                }
                                (false, true) => "另一个标签页修改了它",
                                (false, false) => "另一个标签页删除了它",
                            };
                            let (keep, take) = if c.mine_deleted {
                                ("仍然删除", "保留另一个标签页的版本")
                            } else {
                                ("保留本页的版本", "采用另一个标签页的版本")
                            };
                            view! {
                                <li data-tab-conflict=c.id.clone() data-mine-deleted=c.mine_deleted.then_some("")>
                                    {format!("「{}」：{what}。", c.title)}
                                    <button
                                        type="button"
                                        class="button button--small"
                                        data-action="keep-mine"
                                        on:click=move |_| store.resolve(&mine, true)
                                    >
                                        {keep}
                                    </button>
                                    " "
                                    <button
                                        type="button"
                                        class="button button--small button--secondary"
                                        data-action="take-theirs"
                                        on:click=move |_| store.resolve(&theirs, false)
                                    >
                                        {take}
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </div>
        </Show>
    }
}

/// This tab stopped saving while it ran: another tab left data this version cannot read
/// (a newer version's). Its changes stay on screen; a backup of what it shows keeps them.
#[component]
fn StoppedSaving() -> impl IntoView {
    let store = Store::get();
    let failed = RwSignal::new(None::<String>);
    move || {
        store.stopped.get().map(|why| {
            view! {
                <div class="finding-summary" role="alert" data-stopped-saving>
                    <h2>{why}</h2>
                    <p>
                        "为免覆盖另一个标签页的数据，本页从现在起不再保存任何修改；\
                         页面上的内容仍在。请先导出备份（包含本页上的全部内容，\
                         可在「数据与设置」中用「从备份恢复」导入），再刷新本页。"
                    </p>
                    <button
                        type="button"
                        class="button"
                        data-action="export-page-backup"
                        on:click=move |_| failed.set(export_page_backup(store).err())
                    >
                        "导出备份"
                    </button>
                    {move || failed.get().map(|e| view! { <p class="finding finding--error">{e}</p> })}
                </div>
            }
        })
    }
}

/// Downloads what this page holds (not what storage holds: another tab's newer data is
/// there) as a backup file, the format 「从备份恢复」 reads.
fn export_page_backup(store: Store) -> Result<(), String> {
    let entries = store.ws.with_untracked(|w| store.done.with_untracked(|d| crate::storage::page_entries(w, d)));
    let at = crate::ui::clock::now();
    let origin = window().location().origin().unwrap_or_default();
    let text = crate::backup::Backup::new(entries, at, &origin).to_json();
    let name = format!(
        "peixun-备份-本页-{}-{:02}{:02}.json",
        crate::calendar::ymd_compact(at.date_naive()),
        chrono::Timelike::hour(&at),
        chrono::Timelike::minute(&at)
    );
    crate::ui::download::download(&name, "application/json", &text)
}

/// How many titles of each order the ranking's question shows.
const EXCERPT: usize = 5;

/// Both tabs reordered the ranking differently: both orders (from the first place they
/// differ), and the choice. Nothing of the settings is saved until it is made.
#[component]
fn RankingClash() -> impl IntoView {
    let store = Store::get();
    move || {
        store.ranking_choice().map(|choice| {
            let (mine, theirs) = store.ws.with(|w| (w.ranking.clone(), choice.theirs.clone()));
            let from = mine.iter().zip(&theirs).take_while(|(a, b)| a == b).count();
            let list = move |order: Vec<String>| {
                let n = order.len();
                let items = store.ws.with_untracked(|w| {
                    order
                        .iter()
                        .skip(from)
                        .take(EXCERPT)
                        .map(|id| w.get(id).map_or_else(|| id.clone(), crate::model::Application::display_title))
                        .map(|title| view! { <li>{title}</li> })
                        .collect_view()
                });
                let more = (n > from + EXCERPT).then(|| format!("……共 {n} 份"));
                view! {
                    <ol start=from + 1>{items}</ol>
                    {more.map(|m| view! { <p class="field__hint">{m}</p> })}
                }
            };
            view! {
                <div class="finding-summary" role="alert" data-ranking-clash>
                    <h2>"另一个标签页同时调整了总体排序"</h2>
                    <p>
                        {match from {
                            0 => {
                                "两个标签页的排序不会互相覆盖，\
                                 请选择保留哪一个（选择前，本页的设置修改只在本页中）。"
                                    .to_string()
                            }
                            k => {
                                format!(
                                    "两个标签页的排序前 {k} 名相同，从第 {} 名起不同；\
                                     请选择保留哪一个（选择前，本页的设置修改只在本页中）。",
                                    k + 1,
                                )
                            }
                        }}
                    </p>
                    <div class="ranking-clash">
                        <section data-ranking-order="mine">
                            <h3>"本页的排序"</h3>
                            {list(mine)}
                        </section>
                        <section data-ranking-order="theirs">
                            <h3>"另一个标签页的排序"</h3>
                            {list(theirs)}
                        </section>
                    </div>
                    <div class="actions">
                        <button
                            type="button"
                            class="button"
                            data-action="keep-my-ranking"
                            on:click=move |_| store.choose_ranking(true)
                        >
                            "保留本页的排序"
                        </button>
                        <button
                            type="button"
                            class="button button--secondary"
                            data-action="take-their-ranking"
                            on:click=move |_| store.choose_ranking(false)
                        >
                            "采用另一个标签页的排序"
                        </button>
                    </div>
                </div>
            }
        })
    }
}
