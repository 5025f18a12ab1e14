//! 「加密（设置口令）」 for bundle exports: a choice beside the export buttons (for this
//! page's session, not saved); while it is ticked, a bundle export asks for a passphrase
//! (typed twice) and downloads the sealed file instead (`ui::sealing`, WebCrypto). The
//! choice is on pages in chunks and the dialog is a chunk of its own: none of it is in
//! the first module.

pub mod dialog;

use leptos::prelude::*;

use crate::ui::download::download;

/// One for the page ([`SealExports::get`]).
#[derive(Clone, Copy)]
pub struct SealExports {
    pub on: RwSignal<bool>,
    /// The export waiting for its passphrase: its file name and text.
    pub pending: RwSignal<Option<(String, String)>>,
    /// What the last sealed export did (or why it did not).
    pub said: RwSignal<Option<(bool, String)>>,
}

thread_local! {
    /// One for the page, made at first use: exports call [`download_bundle`] from async
    /// tasks, where no reactive owner (and so no context) is current.
    static SEAL: std::cell::Cell<Option<SealExports>> = const { std::cell::Cell::new(None) };
}

impl SealExports {
    pub fn get() -> SealExports {
        SEAL.get().unwrap_or_else(|| {
            // Under an owner of their own, kept for the page's life: made under the first
            // page that asks, they would be disposed with it.
            // (`new_root` becomes the current owner: the caller's is set back after.)
            let caller = Owner::current();
            let owner = Owner::new_root(None);
            let s = owner.with(|| SealExports {
                on: RwSignal::new(false),
                pending: RwSignal::new(None),
                said: RwSignal::new(None),
            });
            match caller {
                Some(c) => c.set(),
                None => owner.clone().unset(),
            }
            std::mem::forget(owner);
            SEAL.set(Some(s));
            s
        })
    }
}

thread_local! {
    /// What the export waiting for its passphrase does once its file is downloaded
    /// (marking the applications exported, the backup's date): dropped when cancelled.
    static THEN: std::cell::RefCell<Option<Box<dyn FnOnce()>>> = const { std::cell::RefCell::new(None) };
}

/// What a bundle export did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sent {
    /// The file is downloaded (and `then` has run).
    Downloaded,
    /// The passphrase dialog asks first; `then` runs only if the sealed file is downloaded.
    Asking,
}

/// A bundle export: downloaded as it is, or, with 「加密（设置口令）」 ticked, handed to the
/// passphrase dialog (which downloads it sealed, or nothing when cancelled). `then` runs
/// once the file is downloaded, never for a cancelled or failed export.
pub fn download_bundle(name: &str, text: &str, then: impl FnOnce() + 'static) -> Result<Sent, String> {
    let s = SealExports::get();
    if s.on.get_untracked() {
        s.said.set(None);
        THEN.set(Some(Box::new(then)));
        s.pending.set(Some((name.to_string(), text.to_string())));
        Ok(Sent::Asking)
    } else {
        download(name, "application/json", text)?;
        then();
        Ok(Sent::Downloaded)
    }
}

/// The dialog downloaded the sealed file (`true`) or was cancelled (`false`).
pub(crate) fn finished(downloaded: bool) {
    let then = THEN.take();
    SealExports::get().pending.set(None);
    if let (true, Some(then)) = (downloaded, then) {
        then();
    }
}

/// The choice, beside a page's bundle exports, and the passphrase dialog when one of its
/// exports waits for it (each page shows the choice once, so the dialog appears once),
/// with what the last sealed export did.
#[component]
pub fn SealOption() -> impl IntoView {
    let s = SealExports::get();
    let on_change = move |ev| s.on.set(event_target_checked(&ev));
    let said = move || {
        s.said.get().map(|(ok, m)| {
            let class = if ok { "import-done" } else { "finding finding--error" };
            view! {
                <p class=class role="status" data-seal-said>
                    {m}
                </p>
            }
        })
    };
    view! {
        <label class="seal-option">
            <input type="checkbox" data-action="seal-exports" prop:checked=move || s.on.get() on:change=on_change />
            "加密（设置口令）"
        </label>
        <Show when=move || {
            s.pending.with(Option::is_some)
        }>{|| crate::ui::lazy::part(crate::ui::lazy::seal_dialog, dialog_unavailable)}</Show>
        {said}
    }
}

fn dialog_unavailable(retry: Trigger) -> AnyView {
    view! {
        <div class="notice" role="alert" data-seal-unavailable>
            <p>
                "加密功能的程序文件没有下载成功（可能网络已断开），没有导出任何文件。"
            </p>
            <button type="button" class="button" on:click=move |_| retry.notify()>
                "重试"
            </button>
            <button type="button" class="button button--secondary" on:click=move |_| finished(false)>
                "取消"
            </button>
        </div>
    }
    .into_any()
}
