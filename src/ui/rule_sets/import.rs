//! 「导入规则集文件」: a picked `*.peixun-rules.json` is read by the core (`parse_file`);
//! its problems are listed and nothing changes, or a preview says what it would change,
//! old → new (`differences`: from the rule-set with its id, or for a new one from the rule-set
//! in use), and only 「导入」 saves it.

use leptos::prelude::*;

use super::PageCx;
use crate::rule_set::form::copy_of;
use crate::rule_set::{Difference, Problem, RuleSet, differences, parse_file};
use crate::ui::sharing::{files_of, read_text};

/// The picked file, read.
#[derive(Clone)]
enum Picked {
    Bad { file: String, problems: Vec<Problem> },
    Ready { file: String, rs: Box<RuleSet> },
}

/// The file picker, the preview and what the import did.
#[component]
pub fn ImportRuleSet() -> impl IntoView {
    let cx = PageCx::get();
    let picked = RwSignal::new(None::<Picked>);
    // The rule-set just imported, for 「使用此规则集」.
    let done = RwSignal::new(None::<RuleSet>);
    let pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = files_of(input.files()).into_iter().next() else { return };
        // The same file can be picked again after a cancel.
        input.set_value("");
        done.set(None);
        leptos::task::spawn_local(async move {
            let name = file.name();
            let read = read_text(&file).await.map_err(|e| vec![Problem::new("", e)]).and_then(|t| parse_file(&t));
            picked.set(Some(match read {
                Ok(rs) => Picked::Ready { file: name, rs: Box::new(rs) },
                Err(problems) => Picked::Bad { file: name, problems },
            }));
        });
    };
    view! {
        <section class="panel" aria-labelledby="import-rule-set-title">
            <h2 id="import-rule-set-title">"导入规则集文件"</h2>
            <p>
                "人事处或其他单位导出的规则集文件（*.peixun-rules.json）。\
                 导入前会先显示其中的规则集及与现有规则集的不同之处；\
                 在您点「导入」之前，什么都不会改变。"
            </p>
            <label class="button button--secondary file-button">
                "导入规则集文件"
                <input
                    type="file"
                    class="visually-hidden"
                    accept=".json,application/json"
                    data-action="import-rule-set"
                    on:change=pick
                />
            </label>
            {move || {
                picked
                    .get()
                    .map(|p| match p {
                        Picked::Bad { file, problems } => view! { <Refused file problems picked /> }.into_any(),
                        Picked::Ready { file, rs } => view! { <Preview file rs=*rs picked done /> }.into_any(),
                    })
            }}
            {move || {
                done.get()
                    .map(|rs| {
                        let name = rs.name.clone();
                        let rs = StoredValue::new(rs);
                        view! {
                            <div class="import-done" data-imported>
                                <p>{format!("已导入规则集「{name}」。")}</p>
                                <Show when=move || cx.in_use() != rs.with_value(|r| r.id.clone())>
                                    <button
                                        type="button"
                                        class="button"
                                        data-action="use-imported"
                                        on:click=move |_| rs.with_value(|r| cx.use_rule_set(r))
                                    >
                                        "使用此规则集"
                                    </button>
                                </Show>
                            </div>
                        }
                    })
            }}
        </section>
    }
}

/// A file that is not a usable rule-set: every problem, and nothing changed.
#[component]
fn Refused(file: String, problems: Vec<Problem>, picked: RwSignal<Option<Picked>>) -> impl IntoView {
    view! {
        <div class="finding-summary" role="alert" data-import-refused>
            <h3>{format!("无法导入「{file}」，没有做任何更改：")}</h3>
            <ul>
                {problems
                    .into_iter()
                    .map(|p| {
                        let at = if p.path.is_empty() {
                            String::new()
                        } else {
                            format!("{}：", crate::rule_set::field_label(RuleSet::embedded(), &p.path))
                        };
                        view! { <li data-path=p.path.clone()>{at}{p.message}</li> }
                    })
                    .collect_view()}
            </ul>
            <button type="button" class="button button--secondary" on:click=move |_| picked.set(None)>
                "关闭"
            </button>
        </div>
    }
}

/// What 「导入」 would do: a new rule-set, or the differences from the one with its id.
#[component]
fn Preview(
    file: String,
    rs: RuleSet,
    picked: RwSignal<Option<Picked>>,
    done: RwSignal<Option<RuleSet>>,
) -> impl IntoView {
    let cx = PageCx::get();
    let existing = cx.store.ws.with_untracked(|w| w.find_rule_set(&rs.id).cloned());
    let embedded = rs.is_embedded();
    let diffs = existing.as_ref().map(|old| differences(old, &rs));
    let body = match &diffs {
        None => {
            // A new round: what it changes against the rule-set in use, old → new.
            let in_use = cx.store.rule_set();
            let rows = differences(in_use, &rs);
            let intro = format!(
                "新规则集「{}」（编号 {}）。与正在使用的规则集「{}」相比，有 {} 处不同：",
                rs.name,
                rs.id,
                in_use.name,
                rows.len()
            );
            view! {
                <p data-preview="new">{intro}</p>
                <DifferenceTable rows />
            }
            .into_any()
        }
        Some(d) if d.is_empty() => {
            let same = format!("与本浏览器中的规则集「{}」完全相同。", rs.name);
            view! { <p data-preview="same">{same}</p> }.into_any()
        }
        Some(d) => view! {
            <p data-preview="changed">
                {format!("本浏览器已有编号为 {} 的规则集，文件中有 {} 处不同：", rs.id, d.len())}
            </p>
            <DifferenceTable rows=d.clone() />
        }
        .into_any(),
    };
    let rs = StoredValue::new(rs);
    let import = move |_| {
        let r = rs.get_value();
        cx.store.save_rule_set(r.clone());
        picked.set(None);
        cx.status.set(format!("已导入规则集「{}」。", r.name));
        done.set(Some(r));
    };
    let as_copy = move |_| {
        let taken = cx.taken_ids();
        let copy = rs.with_value(|r| copy_of(r, &taken.iter().map(String::as_str).collect::<Vec<_>>()));
        picked.update(|p| {
            if let Some(Picked::Ready { rs, .. }) = p {
                **rs = copy;
            }
        });
    };
    view! {
        <div class="import-preview" role="region" aria-labelledby="rule-set-preview-title" data-rule-set-preview>
            <h3 id="rule-set-preview-title">{format!("导入预览：{file}")}</h3>
            {body}
            {embedded
                .then(|| {
                    view! {
                        <p class="finding finding--warning">
                            "文件中的规则集编号是内置规则集的编号；\
                             内置规则集不能被替换。可以把它导入为副本（换一个编号）。"
                        </p>
                    }
                })}
            <div class="actions">
                {if embedded {
                    view! {
                        <button type="button" class="button" data-action="import-as-copy" on:click=as_copy>
                            "导入为副本"
                        </button>
                    }
                        .into_any()
                } else {
                    view! {
                        <button type="button" class="button" data-action="confirm-rule-set-import" on:click=import>
                            "导入"
                        </button>
                    }
                        .into_any()
                }}
                <button
                    type="button"
                    class="button button--secondary"
                    data-action="cancel-rule-set-import"
                    on:click=move |_| picked.set(None)
                >
                    "取消"
                </button>
            </div>
        </div>
    }
}

/// Each differing field: its label, the value here, the value in the file (also in the
/// import preview, for a rule-set a bundle carries).
#[component]
pub fn DifferenceTable(rows: Vec<Difference>) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="差异">
            <table class="table conflict-table">
                <caption class="visually-hidden">"与现有规则集的不同之处"</caption>
                <thead>
                    <tr>
                        <th scope="col">"项目"</th>
                        <th scope="col">"当前"</th>
                        <th scope="col">"文件中"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|d| {
                            view! {
                                <tr data-path=d.path>
                                    <th scope="row">{d.label}</th>
                                    <td>{d.ours}</td>
                                    <td>{d.theirs}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
