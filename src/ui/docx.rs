//! 「导出 Word」 buttons: 附件1 of one application (editor's print view), of every
//! application in the unit's order (单位汇总), and 单位总体排序意见. The file comes from the
//! export worker (`docx::DocxRequest`), like the XLSX files; this code sits only in the
//! pages that show the buttons, never in the first load.

use leptos::prelude::*;

use crate::ui::state::Store;
use crate::ui::xlsx::{export_xlsx, request};

/// What to export: the request kind, the ids (empty: every application, in the unit's
/// order) and the file name.
#[derive(Clone)]
pub struct Target {
    pub kind: &'static str,
    pub ids: Vec<String>,
    pub file_name: String,
}

/// 附件1 of `a` alone: `附件1-<title>-20200110.docx`.
pub fn form_target(a: &crate::model::Application) -> Target {
    let name = crate::bundle::file_name(&format!("附件1-{}", a.display_title()), crate::ui::clock::today());
    Target { kind: "application_forms", ids: vec![a.id.clone()], file_name: docx_name(&name) }
}

/// The unit's file `what` as .docx, with every application (`ids` empty).
pub fn unit_target(store: Store, kind: &'static str, what: &str) -> Target {
    Target { kind, ids: Vec::new(), file_name: crate::ui::download::unit_file_name(store, what, ".docx") }
}

fn docx_name(bundle_name: &str) -> String {
    bundle_name.replace(crate::bundle::FILE_SUFFIX, ".docx")
}

/// Writes `t` as .docx through the export worker (saved drafts first); `done` gets the
/// failure, if any.
pub fn export(store: Store, t: Target, done: impl Fn(Option<String>) + 'static) {
    store.flush();
    let ids = match t.ids.is_empty() {
        true => String::new(),
        false => format!(r#""ids":{}"#, serde_json::to_string(&t.ids).unwrap_or_default()),
    };
    let json = store.ws.with_untracked(|w| request(t.kind, w, &ids));
    export_xlsx(json, t.file_name, done);
}

/// 附件1 of the applications `ids` (in that order) as one .docx, from 工作台's selection.
pub fn export_forms(store: Store, ids: Vec<String>, done: Callback<Option<String>>) {
    let file_name = crate::ui::download::unit_file_name(store, &format!("附件1（{} 份）", ids.len()), ".docx");
    export(store, Target { kind: "application_forms", ids, file_name }, move |e| done.run(e));
}

/// A button that exports `target()` as .docx, the outcome said beside it and 「重试」 after a
/// failure.
#[component]
pub fn DocxButton(
    label: &'static str,
    action: &'static str,
    #[prop(into)] target: Callback<(), Target>,
    #[prop(optional)] secondary: bool,
) -> impl IntoView {
    let store = Store::get();
    let message = RwSignal::new(None::<(bool, String)>);
    let failed = RwSignal::new(false);
    let run = move |_| {
        failed.set(false);
        message.set(Some((true, "正在生成 Word 文件…".into())));
        export(store, target.run(()), move |err| {
            failed.set(err.is_some());
            message.set(Some(match err {
                None => (true, "已导出 Word 文件（.docx）。".into()),
                Some(e) => (false, e),
            }))
        });
    };
    let class = if secondary { "button button--secondary" } else { "button" };
    view! {
        <button type="button" class=class data-action=action on:click=run>
            {label}
        </button>
        {move || {
            message
                .get()
                .map(|(ok, m)| {
                    view! {
                        <span
                            class=if ok { "import-done" } else { "finding finding--error" }
                            role="status"
                            data-docx-message=action
                        >
                            {m}
                        </span>
                    }
                })
        }}
        {move || {
            failed
                .get()
                .then(|| {
                    view! {
                        <button type="button" class="button" data-action="retry-docx" on:click=run>
                            "重试"
                        </button>
                    }
                })
        }}
    }
}
