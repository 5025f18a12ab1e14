use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::nav::Nav;
use super::pages;
use super::route::{Route, use_route};

pub const PRODUCT_NAME: &str = "因公出国（境）培训项目申报助手";

/// The shell: header, navigation, the page for the current route.
#[component]
pub fn App() -> impl IntoView {
    let route = use_route();
    Effect::new(move |_| {
        document().set_title(&format!("{} · {}", route.get().label(), PRODUCT_NAME));
        // Move focus to the page heading so keyboard and screen-reader users land there.
        if let Some(h) = document().query_selector("main h1").ok().flatten() {
            let _ = h.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            if let Some(m) = document().get_element_by_id("main") {
                let _ = m.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }>"跳到正文"</a>
        <header class="masthead">
            <p class="masthead__product">{PRODUCT_NAME}</p>
            <p class="masthead__notice">"依据《中国科学院人事局关于申报2020年度因公出国（境）培训项目计划的预通知》"</p>
        </header>
        <Nav route/>
        <main id="main" tabindex="-1" data-page=move || route.get().slug()>
            {move || match route.get() {
                Route::Workspace => pages::Workspace().into_any(),
                Route::Editor => pages::Editor().into_any(),
                Route::Unit => pages::Unit().into_any(),
                Route::Execution => pages::Execution().into_any(),
                Route::Rules => pages::Rules().into_any(),
                Route::Data => pages::Data().into_any(),
            }}
        </main>
        <footer class="footer">
            "所有数据只保存在本浏览器中，不会上传到任何服务器。"
        </footer>
    }
}
