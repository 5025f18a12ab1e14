//! Pages whose code is not in the first download. In the release build
//! (`--cfg peixun_split`, scripts/build_app.py) each function below is a split point: its
//! code becomes a wasm chunk, fetched and compiled the first time the page is shown;
//! elsewhere (tests, clippy) they are plain async functions, so the same views are
//! exercised. A chunk that cannot be fetched (offline before the service worker has the
//! files, or a site updated under an open tab) is said on the page, with 「重试」.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

/// A chunk could not be fetched or compiled.
#[derive(Debug, Clone, Copy)]
pub struct Unavailable;

impl From<leptos::wasm_split::SplitLoaderError> for Unavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unavailable
    }
}

macro_rules! split_points {
    ($($name:ident($($arg:ident: $ty:ty),*) -> $out:ty => $body:expr;)*) => {$(
        #[cfg(peixun_split)]
        #[leptos::wasm_split::wasm_split($name, fallible, wasm_split_path = ::leptos::wasm_split)]
        pub fn $name($($arg: $ty),*) -> Result<$out, Unavailable> {
            Ok($body)
        }

        #[cfg(not(peixun_split))]
        pub async fn $name($($arg: $ty),*) -> Result<$out, Unavailable> {
            Ok($body)
        }
    )*};
}

/// Fetches the editor's chunks (and 工作台's list) once the first page is up and the browser
/// is idle: the editor is where people go next, and its first opening would otherwise wait
/// for them. On a connection to spare, only the backup export's chunk.
/// A failure is left for the real visit to report.
pub fn preload_editor() {
    // A partner opening the member card by its link never goes there (on a phone network).
    if super::route::Route::from_hash(&window().location().hash().unwrap_or_default()) == super::route::Route::Card {
        return;
    }
    request_idle_callback(|| {
        // On a metered or slow connection (a phone network) the editor and the list wait
        // for their first use.
        let spare = sparing();
        #[cfg(not(peixun_split))]
        let _ = spare;
        #[cfg(peixun_split)]
        leptos::task::spawn_local(async move {
            // 「导出备份」 when storage is full must not wait for the network.
            let _ = __wasm_split_preload_application_bundle().await;
            if !spare {
                let _ = __wasm_split_preload_editor().await;
                // 工作台's list, which the first draft made or imported shows.
                let _ = __wasm_split_preload_workspace_list().await;
            }
        });
    });
}

/// Whether this visit spares the connection: `window.peixunSparing` (public/sw-register.js,
/// which decides the service worker's saving too) says so; absent, it does not.
fn sparing() -> bool {
    use wasm_bindgen::JsCast;
    js_sys::Reflect::get(&window(), &"peixunSparing".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&wasm_bindgen::JsValue::NULL).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Resolves once the frame being built has been painted (or after 200 ms, for a tab in the
/// background, whose frames wait): a chunk fetched after the form or the list is up. Starting
/// a chunk's fetches costs tens of ms of main thread on a slow phone, which would otherwise
/// come before the first paint.
pub async fn after_paint() {
    let painted = js_sys::Promise::new(&mut |resolve, _| {
        let fallback = resolve.clone();
        request_animation_frame(move || {
            set_timeout(move || drop(resolve.call0(&wasm_bindgen::JsValue::NULL)), std::time::Duration::ZERO)
        });
        set_timeout(move || drop(fallback.call0(&wasm_bindgen::JsValue::NULL)), std::time::Duration::from_millis(200));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(painted).await;
}

/// What 工作台 shows as each application's problem count: the rules' code, in a chunk.
pub type Checks =
    fn(&crate::rule_set::RuleSet, &crate::workspace::Workspace, chrono::NaiveDate) -> Vec<crate::list_query::Checked>;

/// The import's work, started from the first module and run by code in the chunk.
pub type Task = Pin<Box<dyn Future<Output = ()>>>;

split_points! {
    editor() -> AnyView => super::editor::Editor().into_any();
    unit() -> AnyView => super::unit::Unit().into_any();
    execution() -> AnyView => super::execution::Execution().into_any();
    rules() -> AnyView => super::pages::Rules().into_any();
    data() -> AnyView => super::pages::Data().into_any();
    card(saved: Option<super::card::CardDraft>, unreadable: bool, stored: crate::storage::Stored) -> AnyView
        => super::card::member_card_page(saved, unreadable, stored);
    // The card's findings and export, fetched once its form is up.
    card_tools() -> super::card::CardTools => super::card::CARD_TOOLS;
    rule_sets() -> AnyView => super::rule_sets::RuleSets().into_any();
    // 工作台's list: its search, filters, sort and the actions on the ticked ones.
    workspace_list() -> AnyView => super::pages::DraftList().into_any();
    // 工作台's statuses: the rules, fetched once the list is painted.
    workspace_checks() -> Checks => super::pages::count_problems as Checks;
    import_preview() -> AnyView => super::sharing::Preview().into_any();
    // 「加密（设置口令）」's passphrase dialog and WebCrypto, when an export waits for it.
    seal_dialog() -> AnyView => super::seal_export::dialog::SealDialogBody().into_any();
    // 附件1 of the applications ticked on 工作台 as one .docx (the worker's caller).
    docx_forms(store: super::state::Store, ids: Vec<String>, done: Callback<Option<String>>) -> ()
        => super::docx::export_forms(store, ids, done);
    // Writing a bundle (its pretty JSON of every type) comes with the first export.
    application_bundle(
        file: String,
        unit: String,
        apps: Vec<crate::model::Application>,
        rule_set: &'static crate::rule_set::RuleSet,
        at: chrono::DateTime<chrono::FixedOffset>,
        then: Box<dyn FnOnce()>
    ) -> Result<super::seal_export::Sent, String>
        => super::sharing::write_application_bundle(&file, &unit, &apps, rule_set, at, then);
    // Reading, planning and the merge come with the first import.
    read_files(ui: super::sharing::ImportUi, files: Vec<web_sys::File>) -> Task => Box::pin(ui.read_files(files));
    // Reading stored drafts: awaited at start when something is saved (`ui::start`), else
    // fetched by `Store::reader` once another tab's write must be read.
    reader() -> crate::storage::Reader => crate::storage::READER;
    // 「载入示例」: the sample generator and its names and sentences, when first clicked.
    examples(rule_set: &'static crate::rule_set::RuleSet) -> Vec<crate::model::Application>
        => crate::sample::example_applications(rule_set);
}

/// 成员信息卡: a card stored in this browser is read by the reader's chunk (awaited first if
/// it is not here), so a first visit by the card's link fetches no JSON reading.
pub async fn card_page() -> Result<AnyView, Unavailable> {
    let text = crate::storage::stored_card();
    // What the page saw: its saves are compare-and-set on it.
    let stored = text.as_deref().map(crate::model::text_hash);
    let saved = match text {
        Some(text) => {
            let reader = super::state::Store::get().fetch_reader().await.ok_or(Unavailable)?;
            Some((reader.parse_card)(&text))
        }
        None => None,
    };
    let unreadable = matches!(saved, Some(None));
    card(saved.flatten(), unreadable, stored).await
}

/// A page (a route): the view `load` brings once its chunk is there, 「正在加载…」 until
/// then, and what to do if the chunk cannot be fetched. Its heading gets the focus the
/// navigation asked for.
pub fn page<Fut>(load: fn() -> Fut) -> AnyView
where
    Fut: Future<Output = Result<AnyView, Unavailable>> + Send + 'static,
{
    lazy_view(load, unavailable_page, true)
}

/// A part of a page (the import preview), with its own view for a chunk that cannot be
/// fetched.
pub fn part<Fut>(load: fn() -> Fut, failed: fn(Trigger) -> AnyView) -> AnyView
where
    Fut: Future<Output = Result<AnyView, Unavailable>> + Send + 'static,
{
    lazy_view(load, failed, false)
}

fn lazy_view<Fut>(load: fn() -> Fut, failed: fn(Trigger) -> AnyView, is_page: bool) -> AnyView
where
    Fut: Future<Output = Result<AnyView, Unavailable>> + Send + 'static,
{
    let retry = Trigger::new();
    view! {
        <Suspense fallback=|| {
            view! {
                <p class="loading" role="status">
                    "正在加载…"
                </p>
            }
        }>
            {move || {
                retry.track();
                Suspend::new(async move {
                    let view = load().await.unwrap_or_else(|Unavailable| failed(retry));
                    if is_page {
                        super::page_arrived();
                    }
                    view
                })
            }}
        </Suspense>
    }
    .into_any()
}

fn unavailable_page(retry: Trigger) -> AnyView {
    let again = move |_| {
        // The page that comes instead of this notice gets the focus.
        super::want_heading();
        retry.notify();
    };
    view! {
        <section class="unavailable" data-unavailable>
            <h1 tabindex="-1">"本页暂时无法打开"</h1>
            <p role="alert">
                "本页的程序文件没有下载成功：可能网络已断开，或者网站刚刚更新。\
                 您的数据都还在本浏览器中，没有受到影响。"
            </p>
            // Offline: this page was never used online here, so it is not saved yet.
            {(!window().navigator().on_line())
                .then(|| {
                    view! {
                        <p data-offline-never>
                            "本浏览器尚未保存此页：联网时打开一次，\
                             之后断网也能使用（「数据与设置」中列出已可离线使用的页面）。"
                        </p>
                    }
                })}
            <p class="actions">
                <button type="button" class="button" data-action="retry-page" on:click=again>
                    "重试"
                </button>
                " "
                <a class="button button--secondary" href="./">
                    "重新加载"
                </a>
            </p>
        </section>
    }
    .into_any()
}
