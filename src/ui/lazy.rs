//! Pages whose code is not in the first download. In the release build
//! (`--cfg peixun_split`, scripts/build_app.py) each `#[lazy]` function below becomes its
//! own wasm chunk, fetched and compiled the first time the page is shown; elsewhere
//! (tests, clippy) they are plain async functions, so the same views are exercised.

use leptos::prelude::*;

macro_rules! lazy_pages {
    ($($name:ident => $view:expr;)*) => {$(
        #[cfg_attr(peixun_split, leptos::lazy)]
        pub async fn $name() -> AnyView {
            $view.into_any()
        }
    )*};
}

lazy_pages! {
    editor => super::editor::Editor();
    unit => super::unit::Unit();
    execution => super::execution::Execution();
    rules => super::pages::Rules();
    data => super::pages::Data();
    card => super::card::MemberCardPage();
    import_preview => super::sharing::Preview();
}

/// Reads the picked or dropped files and plans their import: the bundle reader, the
/// merge and the preview come with the first import.
#[cfg_attr(peixun_split, leptos::lazy)]
pub async fn read_files(ui: super::sharing::ImportUi, files: Vec<web_sys::File>) {
    ui.read_files(files).await
}

/// Shows `load`'s view once its chunk is there, and a line of status text until then.
pub fn page(load: impl Future<Output = AnyView> + Send + 'static) -> AnyView {
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"正在加载…"</p> }>
            {Suspend::new(async {
                let view = load.await;
                super::page_arrived();
                view
            })}
        </Suspense>
    }
    .into_any()
}
