//! What an export page says under its buttons: 「正在生成 XLSX…」, 「已导出 …」 or the
//! error in one status line, and 「重试」 after a failed XLSX. 附件2 (`unit::export`),
//! 核销表 (`execution::reimbursement`) and 遴选结果 (`unit::selection`) share it.

use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;

use crate::ui::xlsx::export_xlsx;

/// The last export's outcome (`true` when it went well, and the text), and whether the
/// last XLSX export failed (then 「重试」 is offered).
#[derive(Clone, Copy, Default)]
pub struct ExportStatus {
    message: RwSignal<Option<(bool, String)>>,
    failed: RwSignal<bool>,
}

impl ExportStatus {
    /// Nothing said yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Says how an export went: `ok_text`, or the error.
    pub fn report(self, result: Result<(), String>, ok_text: &str) {
        self.message.set(Some(match result {
            Ok(()) => (true, ok_text.to_string()),
            Err(e) => (false, e),
        }));
    }

    /// Says how a bundle export went: `ok_text` once downloaded, nothing while the passphrase
    /// dialog asks (it says what it did), or the error.
    pub fn sent(self, result: Result<crate::ui::seal_export::Sent, String>, ok_text: &str) {
        match result {
            Ok(crate::ui::seal_export::Sent::Asking) => self.message.set(None),
            other => self.report(other.map(|_| ()), ok_text),
        }
    }

    /// Writes `request` as `file_name` through the export worker: 「正在生成 XLSX…」 while
    /// it runs, then 「已导出 XLSX。」, or the error and 「重试」.
    pub fn xlsx(self, request: String, file_name: String) {
        self.failed.set(false);
        self.message.set(Some((true, "正在生成 XLSX…".into())));
        export_xlsx(request, file_name, move |err| {
            self.failed.set(err.is_some());
            self.report(err.map_or(Ok(()), Err), "已导出 XLSX。");
        });
    }

    /// The status line, `<p role="status">` marked with the attribute `marker`
    /// (`data-export-message`, what the end-to-end tests read); nothing before the
    /// first export.
    pub fn line(self, marker: &'static str) -> impl IntoView {
        move || {
            self.message.get().map(|(ok, text)| {
                let class = if ok { "import-done" } else { "finding finding--error" };
                let marker = custom_attribute(marker, true);
                view! {
                    <p class=class role="status" {..marker}>
                        {text}
                    </p>
                }
            })
        }
    }

    /// 「重试」 (`data-action="retry-xlsx"`) running `retry`, shown after a failed XLSX
    /// export.
    pub fn retry(self, retry: impl Fn(web_sys::MouseEvent) + Clone + Send + Sync + 'static) -> impl IntoView {
        move || {
            self.failed.get().then(|| {
                view! {
                    <button type="button" class="button" data-action="retry-xlsx" on:click=retry.clone()>
                        "重试"
                    </button>
                }
            })
        }
    }
}
