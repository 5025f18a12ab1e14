//! The passphrase dialog of a sealed export (its own chunk, `lazy::seal_dialog`).

use leptos::prelude::*;

use super::SealExports;
use crate::sealed::{passphrase_problem, sealed_file_name};
use crate::ui::download::download;

#[component]
pub fn SealDialogBody() -> impl IntoView {
    let s = SealExports::get();
    let (first, again) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let problem = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);
    let name = move || s.pending.with(|p| p.as_ref().map(|(n, _)| sealed_file_name(n)).unwrap_or_default());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (p, p2) = (first.get_untracked(), again.get_untracked());
        if let Some(why) = passphrase_problem(&p, &p2) {
            return problem.set(Some(why));
        }
        let Some((file, text)) = s.pending.get_untracked() else { return };
        problem.set(None);
        working.set(true);
        leptos::task::spawn_local(async move {
            let sealed = crate::ui::sealing::seal(&text, &p).await;
            working.set(false);
            let target = sealed_file_name(&file);
            match sealed.and_then(|env| download(&target, "application/json", &env)) {
                Ok(()) => {
                    super::finished(true);
                    s.said.set(Some((true, format!("已加密导出 {target}。请把口令通过其他方式告诉接收人。"))));
                }
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    let cancel = move |_| {
        super::finished(false);
        s.said.set(Some((false, "已取消：没有导出文件。".into())));
    };
    let set_first = move |ev| first.set(event_target_value(&ev));
    let set_again = move |ev| again.set(event_target_value(&ev));
    let problem_line = move || {
        problem.get().map(|p| {
            view! {
                <p class="finding finding--error" role="alert" data-seal-problem>
                    {p}
                </p>
            }
        })
    };
    view! {
        <section class="import-preview" role="dialog" aria-labelledby="seal-title" data-seal-dialog>
            <h2 id="seal-title">"加密导出"</h2>
            <p>{move || format!("将导出加密文件 {}。", name())}</p>
            <p class="field__hint">
                "口令至少 8 个字符。请通过电话、短信等其他方式告诉接收人，不要与文件一起发送；本程序不保存口令，忘记后无法打开。"
            </p>
            <form on:submit=submit>
                <label class="field__label" for="seal-passphrase">
                    "口令"
                </label>
                <input
                    id="seal-passphrase"
                    class="input input--medium"
                    type="password"
                    autocomplete="new-password"
                    data-seal-passphrase
                    on:input=set_first
                />
                <label class="field__label" for="seal-again">
                    "再次输入口令"
                </label>
                <input
                    id="seal-again"
                    class="input input--medium"
                    type="password"
                    autocomplete="new-password"
                    data-seal-again
                    on:input=set_again
                />
                {problem_line}
                <div class="actions">
                    <button type="submit" class="button" data-action="seal-export" disabled=move || working.get()>
                        {move || if working.get() { "正在加密…" } else { "加密并导出" }}
                    </button>
                    <button type="button" class="button button--secondary" data-action="cancel-seal" on:click=cancel>
                        "取消"
                    </button>
                </div>
            </form>
        </section>
    }
}
