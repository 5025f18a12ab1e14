//! The bureau's opened unit bundles, kept in IndexedDB: an academy's hundred bundles are
//! more than localStorage's 5 MB. One database, one object store of files (`[name, text]`
//! by position), written whole when the bureau opens files and cleared by 「关闭全部」.
//! Only the unit page's and 数据与设置's chunks call these, so none of it is in the first
//! module.

use js_sys::{Array, Function, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

const DATABASE: &str = "peixun-bureau";
const FILES: &str = "unit-bundles";

/// A file as the bureau opened it: its name and its text, as read.
pub type KeptFile = (String, String);

/// Waits until `arm` has been given a resolve and a reject function and one of them ran
/// (the browser's event handlers call them directly: no closure to keep or forget).
async fn settled(arm: impl FnOnce(&Function, &Function)) -> Result<(), JsValue> {
    let mut handlers = None;
    let promise = Promise::new(&mut |resolve, reject| handlers = Some((resolve, reject)));
    if let Some((resolve, reject)) = handlers {
        arm(&resolve, &reject);
    }
    JsFuture::from(promise).await.map(drop)
}

/// What went wrong, for the person: the storage is full, or the browser refused.
fn message(error: Option<web_sys::DomException>, doing: &str) -> String {
    match error {
        Some(e) if e.name() == "QuotaExceededError" => format!(
            "浏览器的存储空间不足，{doing}没有成功。已打开的单位数据包仍可使用，但刷新页面后需要重新打开。\
             可以在浏览器设置中为本网站释放空间。"
        ),
        Some(e) => format!("浏览器拒绝了{doing}（{}）。刷新页面后需要重新打开单位数据包。", e.name()),
        None => format!("{doing}没有成功。刷新页面后需要重新打开单位数据包。"),
    }
}

async fn open(doing: &str) -> Result<IdbDatabase, String> {
    let fail = |what: &str| format!("本浏览器不能保存已打开的单位数据包（{what}），刷新页面后需要重新打开。");
    let factory =
        web_sys::window().and_then(|w| w.indexed_db().ok().flatten()).ok_or_else(|| fail("没有 IndexedDB"))?;
    let request: IdbOpenDbRequest = factory.open_with_u32(DATABASE, 1).map_err(|_| fail("无法打开数据库"))?;
    // The first open creates the store; it runs before success.
    let upgrade = Closure::<dyn FnMut()>::new({
        let request = request.clone();
        move || {
            if let Ok(db) = request.result().and_then(|r| r.dyn_into::<IdbDatabase>())
                && !db.object_store_names().contains(FILES)
            {
                let _ = db.create_object_store(FILES);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let done = settled(|ok, err| {
        request.set_onsuccess(Some(ok));
        request.set_onerror(Some(err));
    })
    .await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    done.map_err(|_| message(request.error().ok().flatten(), doing))?;
    request.result().ok().and_then(|r| r.dyn_into().ok()).ok_or_else(|| fail("无法打开数据库"))
}

/// One transaction on the files, `mode`, with `work` done in it; resolves when it completes.
async fn transaction(
    mode: IdbTransactionMode,
    doing: &str,
    work: impl FnOnce(&IdbObjectStore) -> Result<Option<IdbRequest>, JsValue>,
) -> Result<Option<JsValue>, String> {
    let db = open(doing).await?;
    let tx: IdbTransaction =
        db.transaction_with_str_and_mode(FILES, mode).map_err(|e| message(e.dyn_into().ok(), doing))?;
    let store = tx.object_store(FILES).map_err(|e| message(e.dyn_into().ok(), doing))?;
    let request = match work(&store) {
        Ok(r) => r,
        Err(e) => {
            let _ = tx.abort();
            db.close();
            return Err(message(e.dyn_into().ok(), doing));
        }
    };
    let done = settled(|ok, err| {
        tx.set_oncomplete(Some(ok));
        tx.set_onerror(Some(err));
        tx.set_onabort(Some(err));
    })
    .await;
    db.close();
    done.map_err(|_| message(tx.error(), doing))?;
    Ok(request.and_then(|r| r.result().ok()))
}

/// Keeps `files` in place of what was kept.
pub async fn keep(files: &[KeptFile]) -> Result<(), String> {
    transaction(IdbTransactionMode::Readwrite, "保存已打开的单位数据包", |store| {
        store.clear()?;
        for (i, (name, text)) in files.iter().enumerate() {
            store.put_with_key(&Array::of2(&name.into(), &text.into()), &(i as u32).into())?;
        }
        Ok(None)
    })
    .await
    .map(drop)
}

/// What was kept, in the order it was opened.
pub async fn kept() -> Result<Vec<KeptFile>, String> {
    let all = transaction(IdbTransactionMode::Readonly, "读取上次打开的单位数据包", |store| {
        store.get_all().map(Some)
    })
    .await?;
    Ok(all
        .map(|v| Array::from(&v))
        .map(|a| {
            a.iter()
                .filter_map(|f| {
                    let f = f.dyn_into::<Array>().ok()?;
                    Some((f.get(0).as_string()?, f.get(1).as_string()?))
                })
                .collect()
        })
        .unwrap_or_default())
}

/// Forgets every kept file for 「清除本机数据」: nothing to do where there is no IndexedDB.
pub async fn clear() -> Result<(), String> {
    if web_sys::window().and_then(|w| w.indexed_db().ok().flatten()).is_none() {
        return Ok(());
    }
    forget().await
}

/// Forgets every kept file (「关闭全部」).
pub async fn forget() -> Result<(), String> {
    transaction(IdbTransactionMode::Readwrite, "关闭全部", |store| store.clear().map(|_| None)).await.map(drop)
}
