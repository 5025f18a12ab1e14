//! The unit's files: 附件2 as CSV and XLSX, the unit bundle, and the print views.

use leptos::prelude::*;

use super::ranking::order;
use crate::bundle::{Kind, export};
use crate::summary::{SummaryTable, to_csv};
use crate::ui::clock::now;
use crate::ui::download::{download, unit_file_name};
use crate::ui::export_status::ExportStatus;
use crate::ui::state::Store;

#[component]
pub fn Exports() -> impl IntoView {
    let store = Store::get();
    let status = ExportStatus::new();
    let csv = move |_| {
        store.flush();
        let text = store.ws.with_untracked(|w| to_csv(&SummaryTable::build(w, store.rule_set())));
        let name = unit_file_name(store, "汇总表", ".csv");
        status.report(download(&name, "text/csv;charset=utf-8", &text), "已导出 CSV。");
    };
    let xlsx = move |_| {
        store.flush();
        let request = store.ws.with_untracked(|w| crate::ui::xlsx::request("summary", w, ""));
        status.xlsx(request, unit_file_name(store, "汇总表", ".xlsx"));
    };
    let unit_bundle = move |_| {
        store.flush();
        let (text, ids) = store.ws.with_untracked(|w| {
            let ranking = order(w);
            (export(Kind::Unit, &w.unit, &w.applications, &[], &ranking, store.rule_set(), now()), ranking)
        });
        let name = unit_file_name(store, "单位数据包", "");
        let r = crate::ui::seal_export::download_bundle(&name, &text, move || store.mark_exported(&ids));
        status.sent(r, "已导出单位数据包。");
    };
    view! {
        <section class="panel" aria-labelledby="exports-title">
            <h2 id="exports-title">"导出与打印"</h2>
            <div class="actions">
                <button type="button" class="button" data-action="export-xlsx" on:click=xlsx>
                    "导出附件2（XLSX）"
                </button>
                <button type="button" class="button button--secondary" data-action="export-csv" on:click=csv>
                    "导出附件2（CSV）"
                </button>
                <a class="button button--secondary" href="#/unit/print">
                    "打印附件2"
                </a>
                <crate::ui::docx::DocxButton
                    label="导出全部附件1（Word）"
                    action="export-forms-docx"
                    secondary=true
                    target=Callback::new(move |()| crate::ui::docx::unit_target(store, "application_forms", "附件1"))
                />
                <a class="button button--secondary" href="#/unit/opinion">
                    "单位总体排序意见"
                </a>
                <button type="button" class="button button--secondary" data-action="export-unit" on:click=unit_bundle>
                    "导出单位数据包"
                </button>
                <crate::ui::seal_export::SealOption />
            </div>
            {status.line("data-export-message")}
            {status.retry(xlsx)}
        </section>
    }
}
