use leptos::prelude::*;

use crate::bundle::{Kind, export, file_name};
use crate::ui::clock::{now, today};
use crate::ui::download::download;
use crate::ui::state::Store;

/// Downloads the applications with these ids as one `application` bundle and remembers,
/// on the local copies, the version that left.
pub fn export_applications(store: Store, ids: &[String]) -> Result<(), String> {
    store.flush();
    let (apps, unit) = store
        .ws
        .with_untracked(|w| (ids.iter().filter_map(|id| w.get(id).cloned()).collect::<Vec<_>>(), w.unit.clone()));
    if apps.is_empty() {
        return Err("没有可导出的申请".into());
    }
    let text = export(Kind::Application, &unit, &apps, &[], &[], store.rule_set(), now());
    let name = match apps.as_slice() {
        [one] if !one.title.trim().is_empty() => one.title.clone(),
        [_] => "未命名申请".into(),
        many => format!("{}份申请", many.len()),
    };
    download(&file_name(&name, today()), "application/json", &text)?;
    store.mark_exported(ids);
    Ok(())
}
