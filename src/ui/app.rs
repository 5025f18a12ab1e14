use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::lazy;
use super::nav::Nav;
use super::pages;
use super::route::{Hash, Route, use_hash};
use super::state::Store;
use super::status::{SaveIndicator, TabConflicts, UndoToast};

pub const PRODUCT_NAME: &str = "因公出国（境）培训项目申报助手";

/// The shell: header, navigation, the page for the current route.
#[component]
pub fn App() -> impl IntoView {
    // Provided by `ui::start` (`provide_state`), over what was read at start.
    let store = Store::get();
    let import = super::sharing::ImportUi::provide(store);
    super::sharing::listen_for_drops(import);
    let hash = use_hash();
    provide_context(Hash(hash));
    let route = Memo::new(move |_| Route::from_hash(&hash.get()));
    Effect::new(move |_| {
        document().set_title(&format!("{} · {}", route.get().label(), PRODUCT_NAME));
    });
    // On a change of page (not of section), move focus to the new page's heading.
    Effect::new(move |prev: Option<Route>| {
        let now = route.get();
        if prev.is_some_and(|p| p != now) {
            focus_heading();
        }
        now
    });
    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=|ev| {
                ev.prevent_default();
                focus_by_id("main");
            }
        >
            "跳到正文"
        </a>
        <header class="masthead">
            <div>
                <p class="masthead__product">{PRODUCT_NAME}</p>
                <p class="masthead__notice" data-notice>
                    {move || format!("依据《{}》", store.rule_set().notice.title)}
                </p>
            </div>
            <SaveIndicator />
        </header>
        <Nav route />
        <main id="main" tabindex="-1" data-page=move || route.get().slug()>
            <TabConflicts />
            <super::backup::BackupReminder />
            <super::backup::UnreadableDrafts />
            <super::sharing::ImportPreview />
            {move || match route.get() {
                Route::Workspace => pages::Workspace().into_any(),
                Route::Editor => lazy::page(lazy::editor),
                Route::Unit => lazy::page(lazy::unit),
                Route::Execution => lazy::page(lazy::execution),
                Route::Rules => lazy::page(lazy::rules),
                Route::Data => lazy::page(lazy::data),
                Route::Card => lazy::page(lazy::card_page),
                Route::RuleSets => lazy::page(lazy::rule_sets),
            }}
        </main>
        <UndoToast />
        <footer class="footer">"所有数据只保存在本浏览器中，不会上传到任何服务器。"</footer>
    }
}

thread_local! {
    /// A change of page asked for its heading to get focus and it has not had it yet: a
    /// lazily loaded page may arrive after the frame that looked for it.
    static HEADING_WANTED: Cell<bool> = const { Cell::new(false) };
    /// An element the arriving page asks to have the focus instead of its heading.
    static FOCUS_INSTEAD: Cell<Option<&'static str>> = const { Cell::new(None) };
}

/// The page being shown asks for the element with this id to get the focus its
/// navigation gives (instead of the page's heading).
pub fn focus_instead(id: &'static str) {
    FOCUS_INSTEAD.set(Some(id));
}

fn focus_heading() {
    want_heading();
    // After the new page has rendered.
    request_animation_frame(try_focus_heading);
}

/// The page about to arrive gets the focus (a navigation, or 重试 on a page that failed).
pub fn want_heading() {
    HEADING_WANTED.set(true);
}

/// A lazily loaded page has arrived: it gets the focus its navigation asked for, if an
/// earlier try (in the frame after the navigation, before the page came) did not give it.
pub fn page_arrived() {
    if HEADING_WANTED.get() {
        request_animation_frame(try_focus_heading);
    }
}

/// Gives the focus a navigation asked for, once: the element the page named
/// ([`focus_instead`]), else its heading. A second try in a later frame (the page came
/// while the first was queued) leaves the focus where the first put it.
fn try_focus_heading() {
    if !HEADING_WANTED.get() {
        return;
    }
    if FOCUS_INSTEAD.take().is_some_and(focus_by_id) {
        HEADING_WANTED.set(false);
        return;
    }
    if let Some(h) = document().query_selector("main h1").ok().flatten()
        && h.unchecked_into::<web_sys::HtmlElement>().focus().is_ok()
    {
        HEADING_WANTED.set(false);
    }
}

/// Moves keyboard focus to the element with this id, if there is one.
pub fn focus_by_id(id: &str) -> bool {
    match document().get_element_by_id(id) {
        Some(el) => {
            let el: web_sys::HtmlElement = el.unchecked_into();
            el.scroll_into_view();
            el.focus().is_ok()
        }
        None => false,
    }
}
