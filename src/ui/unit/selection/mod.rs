//! The bureau's selection (院人事局遴选, and the funding) in `#/unit/bureau`: per
//! group 入选/未入选 with a note, the approved category and the academy's funding, saved
//! in this browser's workspace; totals against the plan and per unit; result files per
//! unit or for all, and the academy-wide XLSX through the export worker.

mod row;

use leptos::prelude::*;

use crate::bundle::{Bundle, export_result, result_file_name};
use crate::model::Category;
use crate::selection::{Outcomes, rows_with, search, tally};
use crate::ui::clock::{now, today};
use crate::ui::export_status::ExportStatus;
use crate::ui::list::{PageNav, Paging};
use crate::ui::state::Store;

#[component]
pub fn Selections(bundles: RwSignal<Vec<Bundle>>) -> impl IntoView {
    let store = Store::get();
    let rs = store.rule_set();
    // The list follows the bundles; each row reads its own outcome (from `outcomes`, found
    // at once), so an edit does not rebuild the table under the cursor. A page of it shows.
    let outcomes = Memo::new(move |_| store.ws.with(|w| Outcomes::of(&w.selections)));
    let list = Memo::new(move |_| bundles.with(|b| outcomes.with_untracked(|o| rows_with(b, o))));
    let query = RwSignal::new(String::new());
    let paging = Paging::default();
    let found = Memo::new(move |_| query.with(|q| list.with(|l| search(l, q))));
    let found_count = Signal::derive(move || found.with(Vec::len));
    // Each row with its place among the groups found (for `aria-rowindex`).
    let page_rows = move || {
        let (start, shown) = found.with(|f| {
            let range = paging.range(f.len());
            (range.start, f[range].to_vec())
        });
        list.with(|l| {
            shown
                .into_iter()
                .enumerate()
                .map(|(k, i)| view! { <row::SelectionRow row=l[i].clone() outcomes index=start + k /> })
                .collect_view()
        })
    };
    let on_search = move |ev| {
        query.set(event_target_value(&ev));
        paging.reset();
    };
    let totals = Memo::new(move |_| bundles.with(|b| outcomes.with(|o| tally(&rows_with(b, o), b, rs))));
    let status = ExportStatus::new();
    let export = move |unit: Option<String>| {
        store.flush();
        let text =
            store.ws.with_untracked(|w| export_result(&w.unit, today(), unit.as_deref(), &w.selections, rs, now()));
        let name = result_file_name(unit.as_deref(), today());
        status.sent(crate::ui::seal_export::download_bundle(&name, &text, || ()), &format!("已导出 {name}。"));
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
        <div class="field" role="search">
            <label class="field__label" for="bureau-search">
                "查找团组"
            </label>
            <input
                id="bureau-search"
                class="input input--medium"
                type="search"
                placeholder="单位、项目名称或带头人"
                data-bureau-search
                on:input=on_search
            />
        </div>
        <PageNav paging total=found_count label="团组分页" />
        <table class="table" data-bureau-groups aria-rowcount=move || found_count.get() + 1>
            <thead>
                <tr aria-rowindex="1">
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
            <tbody>{page_rows}</tbody>
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
            <crate::ui::seal_export::SealOption />
        </div>
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
