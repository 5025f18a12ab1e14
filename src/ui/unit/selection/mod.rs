//! The bureau's selection (院人事局遴选, 二(四); funding, 二(六)) in `#/unit/bureau`: per
//! group 入选/未入选 with a note, the approved category and the academy's funding, saved
//! in this browser's workspace; totals against the plan and per unit; result files per
//! unit or for all, and the academy-wide XLSX through the export worker.

use leptos::prelude::*;

use crate::bundle::{Bundle, export_result, result_file_name};
use crate::model::{Category, Decision, Money, Selection};
use crate::selection::{Row, rows, tally};
use crate::ui::clock::{now, today};
use crate::ui::download::download;
use crate::ui::export_status::ExportStatus;
use crate::ui::state::Store;

#[component]
pub fn Selections(bundles: RwSignal<Vec<Bundle>>) -> impl IntoView {
    let store = Store::get();
    let rs = store.rule_set();
    // The list follows the bundles; each row reads its own outcome, so an edit does not
    // rebuild the table under the cursor.
    let list = Memo::new(move |_| bundles.with(|b| store.ws.with_untracked(|w| rows(b, &w.selections))));
    let totals = Memo::new(move |_| {
        let r = bundles.with(|b| store.ws.with(|w| rows(b, &w.selections)));
        bundles.with(|b| tally(&r, b, rs))
    });
    let status = ExportStatus::new();
    let export = move |unit: Option<String>| {
        store.flush();
        let text =
            store.ws.with_untracked(|w| export_result(&w.unit, today(), unit.as_deref(), &w.selections, rs, now()));
        let name = result_file_name(unit.as_deref(), today());
        status.report(download(&name, "application/json", &text), &format!("已导出 {name}。"));
    };
    let xlsx = move |_| {
        store.flush();
        let units = bundles.with_untracked(|b| serde_json::to_string(b).unwrap_or_default());
        let request = store.ws.with_untracked(|w| {
            let ws = crate::workspace::Workspace {
                unit: w.unit.clone(),
                selections: w.selections.clone(),
                rule_set: w.rule_set.clone(),
                ..Default::default()
            };
            crate::ui::xlsx::request("selection", &ws, &format!(r#""units":{units},"rule_set":{}"#, rule_set_json(rs)))
        });
        let name = crate::bundle::file_name("遴选结果汇总表", today());
        let name = name.replace(crate::bundle::FILE_SUFFIX, ".xlsx");
        status.xlsx(request, name);
    };
    let category_label = move |c: Category| rs.category(c).label.clone();
    view! {
        <h2>"遴选结果"</h2>
        <p>
            "逐个团组选择入选或未入选（可附意见）；\
             科技部明确资助类别后填写批准类别，院里明确资助金额后填写金额\
             （如 1,234.56）。遴选结果保存在本浏览器，随备份导出。"
        </p>
        <table class="table" data-bureau-groups>
            <thead>
                <tr>
                    <th scope="col">"单位"</th>
                    <th scope="col">"单位排序"</th>
                    <th scope="col">"项目名称"</th>
                    <th scope="col">"类别"</th>
                    <th scope="col">"人数"</th>
                    <th scope="col">"遴选结果"</th>
                    <th scope="col">"意见"</th>
                    <th scope="col">"批准资助类别"</th>
                    <th scope="col">"院资助金额（元）"</th>
                </tr>
            </thead>
            <tbody>{move || list.get().into_iter().map(|row| view! { <SelectionRow row /> }).collect_view()}</tbody>
        </table>
        <h2>"入选团组与计划"</h2>
        {move || {
            let t = totals.get();
            view! {
                <table class="table" data-selection-totals>
                    <thead>
                        <tr>
                            <th scope="col">"类别"</th>
                            <th scope="col">"入选团组"</th>
                            <th scope="col">"入选人数"</th>
                            <th scope="col">"计划人数"</th>
                            <th scope="col">"院资助金额"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {t
                            .plan
                            .categories
                            .iter()
                            .zip(t.funding.iter())
                            .map(|(c, (_, m))| {
                                view! {
                                    <tr data-category=c.category.key()>
                                        <td>{category_label(c.category)}</td>
                                        <td>{c.applications}</td>
                                        <td>{c.persons_in_category}</td>
                                        <td>{c.plan_persons}</td>
                                        <td>{m.to_string()}</td>
                                    </tr>
                                }
                            })
                            .collect_view()} <tr data-category="key_fields">
                            <td>{t.plan.key_fields.label.clone()}</td>
                            <td>{t.plan.key_fields.applications}</td>
                            <td>{t.plan.key_fields.persons}</td>
                            <td>{t.plan.key_fields.plan_persons}</td>
                            <td></td>
                        </tr>
                    </tbody>
                </table>
                <table class="table" data-selection-units>
                    <thead>
                        <tr>
                            <th scope="col">"单位"</th>
                            <th scope="col">"团组"</th>
                            <th scope="col">"入选"</th>
                            <th scope="col">"未入选"</th>
                            <th scope="col">"未定"</th>
                            <th scope="col">"入选人数"</th>
                            <th scope="col">"院资助金额"</th>
                            <th scope="col">"遴选结果文件"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {t
                            .units
                            .iter()
                            .chain(std::iter::once(&t.all))
                            .enumerate()
                            .map(|(i, u)| {
                                let is_all = i == t.units.len();
                                let unit = u.unit.clone();
                                let row_key = if is_all { "all".to_string() } else { unit.clone() };
                                view! {
                                    <tr data-unit=row_key>
                                        <td>{u.unit.clone()}</td>
                                        <td>{u.applications}</td>
                                        <td>{u.selected}</td>
                                        <td>{u.not_selected}</td>
                                        <td>{u.undecided}</td>
                                        <td>{u.selected_persons}</td>
                                        <td>{u.funding.to_string()}</td>
                                        <td>
                                            {if is_all {
                                                view! {
                                                    <button
                                                        type="button"
                                                        class="button button--small"
                                                        data-action="export-result-all"
                                                        on:click=move |_| export(None)
                                                    >
                                                        "导出全部单位（一个文件）"
                                                    </button>
                                                }
                                                    .into_any()
                                            } else {
                                                view! {
                                                    <button
                                                        type="button"
                                                        class="button button--small"
                                                        data-action="export-result"
                                                        data-unit=unit.clone()
                                                        disabled=u.selected + u.not_selected == 0
                                                        on:click=move |_| export(Some(unit.clone()))
                                                    >
                                                        "导出给本单位"
                                                    </button>
                                                }
                                                    .into_any()
                                            }}
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            }
        }}
        <div class="actions">
            <button type="button" class="button" data-action="export-selection-xlsx" on:click=xlsx>
                "导出遴选结果汇总表（XLSX）"
            </button>
        </div>
        {status.line("data-selection-message")}
    }
}

/// The rule-set for the worker, unless it is the embedded one (the worker has that).
fn rule_set_json(rs: &'static crate::rule_set::RuleSet) -> String {
    if rs.is_embedded() { "null".into() } else { serde_json::to_string(rs).unwrap_or_else(|_| "null".into()) }
}

#[component]
fn SelectionRow(row: Row) -> impl IntoView {
    let store = Store::get();
    let rs = store.rule_set();
    let base =
        Selection { decision: None, note: String::new(), approved_category: None, funding: None, ..row.selection };
    let current = {
        let base = base.clone();
        Memo::new(move |_| {
            store.ws.with(|w| match w.selection(&base.unit, &base.id) {
                Some(s) => Selection {
                    decision: s.decision,
                    note: s.note.clone(),
                    approved_category: s.approved_category,
                    funding: s.funding,
                    ..base.clone()
                },
                None => base.clone(),
            })
        })
    };
    let put = move |f: &dyn Fn(&mut Selection)| {
        let mut s = current.get_untracked();
        f(&mut s);
        store.edit_workspace(|w| w.put_selection(s));
    };
    let money_error = RwSignal::new(None::<String>);
    let label = base.display();
    let key = format!("{}/{}", base.unit, base.id);
    view! {
        <tr
            data-group=base.id.clone()
            data-unit=base.unit.clone()
            data-decision=move || current.with(|s| s.decision.map(|d| d.key()).unwrap_or(""))
        >
            <td>{row.unit.clone()}</td>
            <td>{row.unit_rank.map(|r| r.to_string()).unwrap_or_else(|| "未排序".into())}</td>
            <td>{base.title.clone()}</td>
            <td>{row.category.map(|c| rs.category(c).label.clone()).unwrap_or_else(|| "未选择".into())}</td>
            <td>{row.persons}</td>
            <td>
                <select
                    class="input"
                    data-field="decision"
                    aria-label=format!("{label}：遴选结果")
                    prop:value=move || current.with(|s| s.decision.map(|d| d.key()).unwrap_or("").to_string())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        put(&|s| s.decision = Decision::ALL.into_iter().find(|d| d.key() == v));
                    }
                >
                    <option value="">"未定"</option>
                    {Decision::ALL
                        .into_iter()
                        .map(|d| view! { <option value=d.key()>{d.label()}</option> })
                        .collect_view()}
                </select>
            </td>
            <td>
                <input
                    class="input"
                    data-field="note"
                    aria-label=format!("{label}：意见")
                    prop:value=move || current.with(|s| s.note.clone())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        put(&|s| s.note = v.trim().to_string());
                    }
                />
            </td>
            <td>
                <select
                    class="input"
                    data-field="approved_category"
                    aria-label=format!("{label}：批准资助类别")
                    prop:value=move || current.with(|s| s.approved_category.map(|c| c.key()).unwrap_or("").to_string())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        put(&|s| s.approved_category = Category::ALL.into_iter().find(|c| c.key() == v));
                    }
                >
                    <option value="">"未填"</option>
                    {Category::ALL
                        .into_iter()
                        .map(|c| view! { <option value=c.key()>{rs.category(c).label.clone()}</option> })
                        .collect_view()}
                </select>
            </td>
            <td>
                <input
                    class="input"
                    inputmode="decimal"
                    data-field="funding"
                    aria-label=format!("{label}：院资助金额（元）")
                    prop:value=move || current.with(|s| s.funding.map(Money::plain).unwrap_or_default())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if v.trim().is_empty() {
                            money_error.set(None);
                            put(&|s| s.funding = None);
                        } else {
                            match Money::parse(&v) {
                                Ok(m) => {
                                    money_error.set(None);
                                    put(&|s| s.funding = Some(m));
                                }
                                Err(e) => money_error.set(Some(e)),
                            }
                        }
                    }
                />
                {move || {
                    money_error
                        .get()
                        .map(|e| {
                            view! {
                                <p class="finding finding--error" data-funding-error=key.clone()>
                                    {e}
                                </p>
                            }
                        })
                }}
            </td>
        </tr>
    }
}
