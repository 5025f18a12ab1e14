//! When the app breaks: a panic shows boot.js's error screen (its text lives there, shared
//! with a failed start), which links to recover.html. Storage is left exactly as it is.

use wasm_bindgen::{JsCast, JsValue};

/// Only if boot.js did not load: the same two ways out, in one line.
const FALLBACK: &str = "<p role=\"alert\">程序出错了。草稿仍保存在本浏览器中。\
<a href=\"recover.html\">恢复数据</a> · <a href=\"./\">重新加载</a></p>";

/// Keeps console_error_panic_hook's console message, then shows the error screen.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Calls `window.peixunFailed(detail)` from boot.js. Touches no reactive state: whatever
/// panicked may hold it.
fn show(detail: &str) {
    let Some(window) = web_sys::window() else { return };
    let shown = js_sys::Reflect::get(&window, &JsValue::from_str("peixunFailed"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|f| f.call2(&JsValue::NULL, &JsValue::from_str("panic"), &JsValue::from_str(detail)).is_ok());
    if !shown && let Some(body) = window.document().and_then(|d| d.body()) {
        body.set_inner_html(FALLBACK);
    }
}
