use leptos::prelude::*;

use crate::bundle::file_name;
use crate::ui::clock::{now, today};
use crate::ui::state::Store;

const UNAVAILABLE: &str = "导出功能的程序文件没有下载成功（可能网络已断开，\
    或者网站刚刚更新），没有导出。请重新加载页面后再试。";

/// Downloads the applications with these ids as one `application` bundle and remembers,
/// on the local copies, the version that left; `done` gets the outcome. The bundle is
/// written by code fetched with the first export (`lazy::application_bundle`, preloaded
/// when the browser is idle).
pub fn export_applications(store: Store, ids: Vec<String>, done: impl Fn(Result<(), String>) + 'static) {
    store.flush();
    let (apps, unit) = store
        .ws
        .with_untracked(|w| (ids.iter().filter_map(|id| w.get(id).cloned()).collect::<Vec<_>>(), w.unit.clone()));
    if apps.is_empty() {
        return done(Err("没有可导出的申请".into()));
    }
    let name = match apps.as_slice() {
        [one] if !one.title.trim().is_empty() => one.title.clone(),
        [_] => "未命名申请".into(),
        many => format!("{}份申请", many.len()),
    };
    let rule_set = store.rule_set();
    leptos::task::spawn_local(async move {
        let file = file_name(&name, today());
        // The versions that left are remembered once the file is downloaded (not when the
        // passphrase dialog is cancelled).
        let then = Box::new(move || store.mark_exported(&ids));
        let Ok(result) = crate::ui::lazy::application_bundle(file, unit, apps, rule_set, now(), then).await else {
            return done(Err(UNAVAILABLE.into()));
        };
        done(result.map(|_| ()));
    });
}

/// The bundle of `apps`, downloaded as `file` (sealed when 「加密（设置口令）」 is ticked): in
/// the chunk that comes with the first export (`lazy::application_bundle`).
pub fn write_application_bundle(
    file: &str,
    unit: &str,
    apps: &[crate::model::Application],
    rule_set: &crate::rule_set::RuleSet,
    at: chrono::DateTime<chrono::FixedOffset>,
    then: Box<dyn FnOnce()>,
) -> Result<crate::ui::seal_export::Sent, String> {
    let text = crate::bundle::export(crate::bundle::Kind::Application, unit, apps, &[], &[], rule_set, at);
    crate::ui::seal_export::download_bundle(file, &text, then)
}
