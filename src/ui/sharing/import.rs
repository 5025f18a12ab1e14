//! Reading picked or dropped files into an import batch.

use std::collections::BTreeMap;

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::bundle::{Batch, MAX_BYTES, Resolutions, RuleSetChoices, prepare};
use crate::ui::state::Store;

const UNAVAILABLE: &str = "导入功能的程序文件没有下载成功（可能网络已断开，\
    或者网站刚刚更新），没有导入任何内容。请重新加载页面后再试。";

/// A file's name and its text, or why it could not be read.
pub type ReadFile = (String, Result<String, String>);

thread_local! {
    /// [`ImportUi::locked`]'s files.
    static LOCKED: std::cell::RefCell<Option<Vec<ReadFile>>> = const { std::cell::RefCell::new(None) };
}

/// The import in progress, shared through context.
#[derive(Clone, Copy)]
pub struct ImportUi {
    pub batch: RwSignal<Option<Batch>>,
    pub resolutions: RwSignal<Resolutions>,
    /// Member card index → the application it joins.
    pub targets: RwSignal<BTreeMap<usize, String>>,
    /// Which offered rule-sets to add, and which to use.
    pub rule_sets: RwSignal<RuleSetChoices>,
    pub error: RwSignal<Option<String>>,
    pub busy: RwSignal<bool>,
    /// What the last import did, for the status line.
    pub done: RwSignal<Option<String>>,
    /// Files read, some of them sealed, wait for the passphrase (`unlock.rs`): the files
    /// are [`ImportUi::locked_files`] (a flag here and the files beside it: a signal of
    /// its own type would add its generic code to the first module).
    pub locked: RwSignal<bool>,
    pub store: Store,
}

impl ImportUi {
    pub fn provide(store: Store) -> ImportUi {
        let ui = ImportUi {
            store,
            batch: RwSignal::new(None),
            resolutions: RwSignal::new(Resolutions::new()),
            targets: RwSignal::new(BTreeMap::new()),
            rule_sets: RwSignal::new(RuleSetChoices::default()),
            error: RwSignal::new(None),
            busy: RwSignal::new(false),
            done: RwSignal::new(None),
            locked: RwSignal::new(false),
        };
        provide_context(ui);
        ui
    }

    pub fn get() -> ImportUi {
        expect_context::<ImportUi>()
    }

    pub fn cancel(&self) {
        self.batch.set(None);
        self.resolutions.set(Resolutions::new());
        self.targets.set(BTreeMap::new());
        self.rule_sets.set(RuleSetChoices::default());
        self.error.set(None);
        self.set_locked(None);
    }

    /// The files waiting for the passphrase (`None`: none wait).
    pub fn set_locked(self, files: Option<Vec<ReadFile>>) {
        self.locked.set(files.is_some());
        LOCKED.set(files);
    }

    /// What waits for the passphrase (read with the flag, which it tracks).
    pub fn locked_files<T>(self, f: impl FnOnce(Option<&Vec<ReadFile>>) -> T) -> T {
        self.locked.track();
        LOCKED.with_borrow(|l| f(l.as_ref()))
    }

    /// Reads every file (refusing oversized ones unread) and shows the preview.
    pub fn start(self, files: Vec<web_sys::File>) {
        if files.is_empty() {
            return;
        }
        self.cancel();
        self.done.set(None);
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            match crate::ui::lazy::read_files(self, files).await {
                Ok(task) => task.await,
                Err(_) => {
                    self.busy.set(false);
                    self.error.set(Some(UNAVAILABLE.into()));
                }
            }
        });
    }

    /// Reads and plans; the code is in the import's chunk (`lazy::read_files`).
    pub async fn read_files(self, files: Vec<web_sys::File>) {
        let mut texts = Vec::new();
        for f in files {
            texts.push((f.name(), read_text(&f).await));
        }
        // Sealed files: an envelope that cannot be read is said as the file's error at once;
        // the others wait for the passphrase.
        let mut sealed = 0;
        for (_, text) in &mut texts {
            if let Ok(t) = text
                && crate::sealed::is_sealed(t)
            {
                match crate::sealed::read(t) {
                    Ok(_) => sealed += 1,
                    Err(e) => *text = Err(e.to_string()),
                }
            }
        }
        if sealed > 0 {
            self.busy.set(false);
            self.set_locked(Some(texts));
            return;
        }
        self.plan(texts);
    }

    /// The preview of files read (and opened).
    pub fn plan(self, texts: Vec<ReadFile>) {
        // Plan against what is saved: a save after planning would look like an edit.
        self.store.flush();
        let _span = crate::ui::perf::Span::new("peixun-import-prepare");
        let batch = self.store.ws.with_untracked(|w| prepare(w, texts));
        self.busy.set(false);
        self.rule_sets.set(super::rule_sets::default_choices(&batch.rule_sets));
        self.batch.set(Some(batch));
    }
}

/// A picked or dropped file's text; files over the size limit are refused unread.
pub async fn read_text(f: &web_sys::File) -> Result<String, String> {
    if f.size() > MAX_BYTES as f64 {
        return Err(format!(
            "文件有 {:.1} MB，超过 {} MB 的上限，未读取",
            f.size() / 1_048_576.0,
            MAX_BYTES / 1_048_576
        ));
    }
    let text = JsFuture::from(f.text()).await.map_err(|e| format!("无法读取文件：{e:?}"))?;
    text.as_string().ok_or_else(|| "无法把文件读成文本".to_string())
}

pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// 「导入数据包」: a file picker for one or more `.peixun.json` files.
#[component]
pub fn ImportButton(#[prop(default = "导入数据包")] label: &'static str) -> impl IntoView {
    let ui = ImportUi::get();
    let on_change = move |ev| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        ui.start(files_of(input.files()));
        // The same file can be picked again after a cancel.
        input.set_value("");
    };
    view! {
        <label class="button button--secondary file-button">
            {label}
            <input
                type="file"
                class="visually-hidden"
                accept=".json,application/json"
                multiple
                data-action="import"
                on:change=on_change
            />
        </label>
    }
}

/// Files dropped anywhere on the page are imported (the browser would open them otherwise).
pub fn listen_for_drops(ui: ImportUi) {
    let over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        let files = ev.data_transfer().and_then(|d| d.files());
        ui.start(files_of(files));
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
}
