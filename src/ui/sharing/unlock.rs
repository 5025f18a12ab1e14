//! Sealed files in an import: the passphrase asked once for all of them, each opened with
//! WebCrypto (`ui::sealing`), then the ordinary preview. A wrong passphrase (or a changed
//! byte) says so and changes nothing; the passphrase is never stored.

use leptos::prelude::*;

use super::import::{ImportUi, ReadFile};
use crate::sealed::{SealedError, is_sealed};

/// Every sealed file opened with `passphrase`, or the first that it does not open.
async fn open_all(files: Vec<ReadFile>, passphrase: &str) -> Result<Vec<ReadFile>, String> {
    let mut out = Vec::new();
    for (name, text) in files {
        let opened = match text {
            Ok(t) if is_sealed(&t) => match crate::ui::sealing::open(&t, passphrase).await {
                Ok(plain) => Ok(plain),
                Err(SealedError::WrongOrDamaged) => return Err(format!("{name}：{}", SealedError::WrongOrDamaged)),
                Err(e) => Err(e.to_string()),
            },
            other => other,
        };
        out.push((name, opened));
    }
    Ok(out)
}

#[component]
pub fn Unlock() -> impl IntoView {
    let ui = ImportUi::get();
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);
    let sealed_names = move || {
        ui.locked_files(|l| {
            l.into_iter()
                .flatten()
                .filter(|(_, t)| t.as_ref().is_ok_and(|t| is_sealed(t)))
                .map(|(n, _)| n.clone())
                .collect::<Vec<_>>()
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(files) = untrack(|| ui.locked_files(|l| l.cloned())) else { return };
        let p = passphrase.get_untracked();
        working.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let opened = open_all(files, &p).await;
            working.set(false);
            match opened {
                Ok(texts) => {
                    ui.set_locked(None);
                    ui.plan(texts);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let cancel = move |_| ui.cancel();
    let on_input = move |ev| passphrase.set(event_target_value(&ev));
    let heading = move || format!("加密的数据包：{}", sealed_names().join("、"));
    let error_line = move || {
        error.get().map(|e| {
            view! {
                <p class="finding finding--error" role="alert" data-unlock-error>
                    {e}
                </p>
            }
        })
    };
    view! {
        <div class="notice" data-import-locked>
            <h3>{heading}</h3>
            <p>"请输入发送人另行告知的口令（口令不会被保存）。"</p>
            <form on:submit=submit>
                <label class="field__label" for="unlock-passphrase">
                    "口令"
                </label>
                <input
                    id="unlock-passphrase"
                    class="input input--medium"
                    type="password"
                    autocomplete="off"
                    data-passphrase
                    prop:value=move || passphrase.get()
                    on:input=on_input
                />
                <div class="actions">
                    <button type="submit" class="button" data-action="unlock" disabled=move || working.get()>
                        {move || if working.get() { "正在解密…" } else { "打开" }}
                    </button>
                    <button type="button" class="button button--secondary" data-action="cancel-unlock" on:click=cancel>
                        "取消"
                    </button>
                </div>
            </form>
            {error_line}
        </div>
    }
}
