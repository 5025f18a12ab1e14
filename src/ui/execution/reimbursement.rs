//! 核销表: the rows a unit settles for one Sep 1 – Aug 31 period, with
//! totals in exact fen, the period's findings, and XLSX, CSV and print exports through the
//! same code as 附件2. `#/execution/reimbursement`, `#/execution/reimbursement/print`.

use chrono::Datelike;
use leptos::prelude::*;

use super::reimbursement_row::{Row, input_id};
use crate::model::Reimbursement;
use crate::reimbursement::{COLUMNS, ReimbursementTable, TITLE};
use crate::rules::{Cx, check_workspace_rules};
use crate::ui::clock::{new_id, today};
use crate::ui::download::{download, unit_file_name};
use crate::ui::export_status::ExportStatus;
use crate::ui::focus_by_id;
use crate::ui::pages::PageTitle;
use crate::ui::state::Store;

/// The period being looked at: the year it ends in (2020: 2019-09-01 – 2020-08-31).
#[derive(Clone, Copy)]
struct PeriodYear(RwSignal<i32>);

fn table(store: Store, year: RwSignal<i32>) -> Memo<ReimbursementTable> {
    Memo::new(move |_| store.ws.with(|w| ReimbursementTable::build(w, store.rule_set(), year.get())))
}

/// From the rule-set's program year (its trips are settled then and the year after) on.
fn first_year(store: Store) -> i32 {
    store.rule_set().program_year.start.year().min(today().year())
}

/// `print` shows the A4 landscape print view instead of the editor; `year` outlives both,
/// so the print view shows the period chosen in the editor.
#[component]
pub fn Reimbursements(print: bool, year: RwSignal<i32>) -> impl IntoView {
    if print { Print(PeriodYear(year)).into_any() } else { Editor(PeriodYear(year)).into_any() }
}

#[allow(non_snake_case)]
fn Editor(PeriodYear(year): PeriodYear) -> impl IntoView {
    let store = Store::get();
    let this_year = store.rule_set().current_reimbursement_year(today());
    let table = table(store, year);
    // The rule checks the period of the next settlement, as the bureau will. Once per change,
    // for the summary and every row.
    let findings = Memo::new(move |_| {
        store.ws.with(|w| {
            let cx = Cx::new(store.rule_set(), w, today());
            check_workspace_rules(&cx, w)
                .into_iter()
                .filter(|f| f.path.starts_with("reimbursements["))
                .collect::<Vec<_>>()
        })
    });
    // The 团组 choices, the same for every row.
    let apps = Memo::new(move |_| {
        store.ws.with(|w| w.applications.iter().map(|a| (a.id.clone(), a.display_title())).collect::<Vec<_>>())
    });
    let count = Memo::new(move |_| store.ws.with(|w| w.reimbursements.len()));
    let add = move |_| {
        store.edit_workspace(|w| w.reimbursements.push(Reimbursement { id: new_id(), ..Default::default() }));
        let last = count.get_untracked() - 1;
        request_animation_frame(move || {
            focus_by_id(&input_id(last, "person"));
        });
    };
    let status = ExportStatus::new();
    let name = move |ext| unit_file_name(store, &format!("核销表-{}", year.get_untracked()), ext);
    let csv = move |_| {
        store.flush();
        let r = download(&name(".csv"), "text/csv;charset=utf-8", &table.with_untracked(ReimbursementTable::to_csv));
        status.report(r, "已导出 CSV。");
    };
    let xlsx = move |_| {
        store.flush();
        let request = store.ws.with_untracked(|w| {
            crate::ui::xlsx::request("reimbursement", w, &format!(r#""period_year":{}"#, year.get_untracked()))
        });
        status.xlsx(request, name(".xlsx"));
    };
    view! {
        <p>
            <a href="#/execution">"返回执行与核销"</a>
        </p>
        <PageTitle>"院内资助费用核销表"</PageTitle>
        <p class="lead">{TITLE}"：每人每次出访一行，金额以分为单位精确计算。"</p>
        <div class="field field--compact">
            <label class="field__label" for="period-year">
                "核销年度"
            </label>
            <select
                class="input input--medium"
                id="period-year"
                on:change=move |ev| {
                    if let Ok(y) = event_target_value(&ev).parse() {
                        year.set(y)
                    }
                }
            >
                {(first_year(store)..=this_year + 1)
                    .rev()
                    .map(|y| {
                        let period = store
                            .rule_set()
                            .reimbursement_period(y)
                            .map(|(a, b)| format!("（{a} 至 {b}）"))
                            .unwrap_or_default();
                        // The period's months come from the rule-set, never from code.
                        view! {
                            <option value=y.to_string() selected=move || year.get() == y>
                                {format!("{y} 年{period}")}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
        <p data-period>{move || table.with(ReimbursementTable::period_text)}</p>
        <p class="computed" data-settlement>
            {move || table.with(ReimbursementTable::settlement_text)}
        </p>
        {move || {
            findings
                .with(|fs| {
                    (!fs.is_empty())
                        .then(|| {
                            view! {
                                <div
                                    class="finding-summary"
                                    role="region"
                                    aria-label="核销表中的问题"
                                    data-findings
                                >
                                    <h2>
                                        {format!(
                                            "核销表中有 {} 个问题（按 {this_year} 年核销期检查）",
                                            fs.len(),
                                        )}
                                    </h2>
                                    <ul>
                                        {fs
                                            .iter()
                                            .map(|f| {
                                                let target = f
                                                    .path
                                                    .trim_start_matches("reimbursements[")
                                                    .split_once("].")
                                                    .map(|(i, field)| input_id(i.parse().unwrap_or(0), field))
                                                    .unwrap_or_default();
                                                view! {
                                                    <li>
                                                        <a
                                                            href="#"
                                                            on:click=move |ev| {
                                                                ev.prevent_default();
                                                                focus_by_id(&target);
                                                            }
                                                        >
                                                            {f.message.clone()}
                                                        </a>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                </div>
                            }
                        })
                })
        }}
        <section class="panel" aria-labelledby="rows-title">
            <h2 id="rows-title">"填写核销明细"</h2>
            {move || (0..count.get()).map(|index| view! { <Row index findings apps /> }).collect_view()}
            <button type="button" class="button button--secondary" data-action="add-row" on:click=add>
                "添加一行"
            </button>
        </section>
        <section class="panel" aria-labelledby="table-title">
            <h2 id="table-title">"核销表"</h2>
            <Table table />
            <div class="actions">
                <button type="button" class="button" data-action="export-xlsx" on:click=xlsx>
                    "导出核销表（XLSX）"
                </button>
                <button type="button" class="button button--secondary" data-action="export-csv" on:click=csv>
                    "导出核销表（CSV）"
                </button>
                <a class="button button--secondary" href="#/execution/reimbursement/print">
                    "打印核销表"
                </a>
            </div>
            {status.line("data-export-message")}
            {status.retry(xlsx)}
        </section>
    }
}

/// The table as the form prints it: rows outside the period marked, totals in bold.
#[component]
fn Table(table: Memo<ReimbursementTable>) -> impl IntoView {
    let rows = move || {
        table.with(|t| {
            t.rows
                .iter()
                .map(|r| {
                    let out_of_period = r.in_period == Some(false);
                    let cells = r.cells().into_iter().zip(COLUMNS).enumerate().map(|(i, (c, label))| {
                        let tag = (i == 0 && out_of_period)
                            .then_some(view! { <span class="tag tag--problems">"不在核销期内"</span> });
                        view! { <td data-label=label>{c} {tag}</td> }
                    });
                    view! { <tr data-out-of-period=out_of_period.then_some("1")>{cells.collect_view()}</tr> }
                })
                .collect_view()
        })
    };
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="核销表">
            <table class="form-1__table form-2__table table--cards" data-reimbursement-table>
                <thead>
                    <tr>{COLUMNS.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {rows} <tr class="summary-total" data-total>
                        {move || {
                            table
                                .with(|t| {
                                    t.total_cells()
                                        .into_iter()
                                        .zip(COLUMNS)
                                        .map(|(c, label)| view! { <td data-label=label>{c}</td> })
                                        .collect_view()
                                })
                        }}
                    </tr>
                </tbody>
            </table>
        </div>
    }
}

#[allow(non_snake_case)]
fn Print(PeriodYear(year): PeriodYear) -> impl IntoView {
    let store = Store::get();
    let table = table(store, year);
    let d = today();
    view! {
        <crate::ui::unit::PrintBar back="#/execution/reimbursement" label="返回核销表" />
        <article class="print-landscape form-2" data-print="reimbursement" tabindex="0" aria-label="核销表">
            <h2 class="form-1__title">{TITLE}</h2>
            <p class="form-2__meta">
                <span>{move || format!("填报单位（盖章）：{}", table.with(|t| t.unit.clone()))}</span>
                <span>{move || table.with(ReimbursementTable::period_text)}</span>
                <span>{crate::summary::date_line(d)}</span>
            </p>
            <Table table />
        </article>
    }
}
