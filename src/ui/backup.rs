//! Backups of everything this browser holds: 「导出全部数据」 (the same file `recover.html`
//! writes), 「从备份恢复」 through the ordinary import, a reminder when drafts changed and
//! no backup was made for a week, and persistent storage asked of the browser.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::backup::{Backup, BackupRecord};
use crate::storage;
use crate::ui::clock::now;
use crate::ui::download::download;
use crate::ui::sharing::ImportButton;
use crate::ui::state::Store;

/// Shared through context: the backup record and whether storage is persistent.
#[derive(Clone, Copy)]
pub struct Backups {
    pub record: RwSignal<BackupRecord>,
    /// `None` while asking; `Some(Err)` when the browser has no such API.
    pub persisted: RwSignal<Option<Result<bool, String>>>,
}

impl Backups {
    /// `read`: the record read at start, if any.
    pub fn provide(read: Option<crate::backup::BackupRecord>) -> Backups {
        let b = Backups { record: RwSignal::new(storage::backup_record(read, now())), persisted: RwSignal::new(None) };
        provide_context(b);
        leptos::task::spawn_local(async move { b.persisted.set(Some(ask_persistence().await)) });
        b
    }

    pub fn get() -> Backups {
        expect_context::<Backups>()
    }

    /// Downloads every `peixun/` key and remembers when.
    pub fn export(&self, store: Store) -> Result<(), String> {
        let (name, text, at) = Self::file(store);
        download(&name, "application/json", &text)?;
        self.exported(at)
    }

    /// The backup file of every `peixun/` key: its name, its text and when it was made.
    fn file(store: Store) -> (String, String, chrono::DateTime<chrono::FixedOffset>) {
        store.flush();
        let at = now();
        let origin = window().location().origin().unwrap_or_default();
        let text = Backup::new(storage::entries(), at, &origin).to_json();
        let name = format!(
            "peixun-备份-{}-{:02}{:02}.json",
            crate::calendar::ymd_compact(at.date_naive()),
            chrono::Timelike::hour(&at),
            chrono::Timelike::minute(&at)
        );
        (name, text, at)
    }

    /// Remembers that a backup made `at` was downloaded.
    fn exported(&self, at: chrono::DateTime<chrono::FixedOffset>) -> Result<(), String> {
        let record = BackupRecord { last: Some(at), ..self.record.get_untracked() };
        self.record.set(record.clone());
        storage::save_backup_record(&record)
    }
}

/// Asks the browser not to evict this site's storage under pressure.
async fn ask_persistence() -> Result<bool, String> {
    let manager = window().navigator().storage();
    let ask = |p: Result<js_sys::Promise, wasm_bindgen::JsValue>| async move {
        let p = p.map_err(|e| format!("{e:?}"))?;
        JsFuture::from(p).await.map(|v| v.as_bool() == Some(true)).map_err(|e| format!("{e:?}"))
    };
    if ask(manager.persisted()).await? {
        return Ok(true);
    }
    ask(manager.persist()).await
}

/// 「距上次备份已 8 天…」 when drafts changed since.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let store = Store::get();
    let backups = Backups::get();
    let when = now();
    let due = Memo::new(move |_| {
        let last_change = store.ws.with(|w| w.applications.iter().filter_map(|a| a.updated_at).max());
        backups.record.with(|r| r.reminder(last_change, when).map(|days| (days, r.last.is_none())))
    });
    let message = RwSignal::new(None::<String>);
    view! {
        {move || {
            due.get()
                .map(|(days, never)| {
                    view! {
                        <div class="notice" role="status" data-backup-reminder=days>
                            <p>
                                {if never {
                                    format!(
                                        "草稿已在本浏览器中保存 {days} 天，还没有备份过。\
                                         浏览器清理数据或更换电脑时草稿会丢失。",
                                    )
                                } else {
                                    format!("距上次备份已 {days} 天，其间草稿有改动。")
                                }}
                            </p>
                            <button
                                type="button"
                                class="button button--small"
                                data-action="export-backup"
                                on:click=move |_| message.set(backups.export(store).err())
                            >
                                "导出全部数据"
                            </button>
                        </div>
                    }
                })
        }}
        {move || {
            message
                .get()
                .map(|m| {
                    view! {
                        <p class="finding finding--error" role="alert">
                            {m}
                        </p>
                    }
                })
        }}
    }
}

/// Drafts in this browser that cannot be read: said on every page (how many, and where
/// to get them back), never silently skipped.
#[component]
pub fn UnreadableDrafts() -> impl IntoView {
    let keys = Store::get().unreadable.get_value();
    (!keys.is_empty()).then(|| {
        view! {
            <div class="notice" role="status" data-unreadable-drafts=keys.len()>
                <p>
                    {format!(
                        "本浏览器中有 {} 份草稿无法读取（可能已损坏），\
                         没有显示在列表中；它们仍原样保存在本机，不会被覆盖。",
                        keys.len(),
                    )}
                </p>
                <a class="button button--small" href="./recover.html" data-action="recover">
                    "恢复数据"
                </a>
            </div>
        }
    })
}

/// The data page's section: export, restore, persistence.
#[component]
pub fn BackupPanel() -> impl IntoView {
    let store = Store::get();
    let backups = Backups::get();
    let message = RwSignal::new(None::<(bool, String)>);
    // Sealed when 「加密（设置口令）」 is ticked: the date is remembered once the file is out.
    let export = move |_| {
        let (name, text, at) = Backups::file(store);
        let recorded = move || {
            if let Err(e) = backups.exported(at) {
                message.set(Some((false, e)));
            }
        };
        message.set(None);
        match crate::ui::seal_export::download_bundle(&name, &text, recorded) {
            // (`recorded` has said its error, if any.)
            Ok(crate::ui::seal_export::Sent::Downloaded) if message.with_untracked(Option::is_none) => {
                message.set(Some((true, "已导出全部数据。".into())))
            }
            Ok(_) => {}
            Err(e) => message.set(Some((false, e))),
        }
    };
    view! {
        <section class="panel" aria-labelledby="backup-title">
            <h2 id="backup-title">"备份与恢复"</h2>
            <p data-last-backup>
                {move || {
                    backups
                        .record
                        .with(|r| match r.last {
                            Some(t) => format!("上次备份：{}", crate::ui::clock::date_hm(t)),
                            None => "还没有备份过。".into(),
                        })
                }}
            </p>
            <div class="actions">
                <button type="button" class="button" data-action="export-backup" on:click=export>
                    "导出全部数据"
                </button>
                <ImportButton label="从备份恢复" />
                <crate::ui::seal_export::SealOption />
            </div>
            <p class="field__hint">
                "备份文件包含本浏览器中的全部申请、单位设置和核销表。\
                 恢复时先显示将要发生的变化，确认后才写入；已有的申请不会被悄悄覆盖。"
            </p>
            {move || {
                message
                    .get()
                    .map(|(ok, m)| {
                        view! {
                            <p class=if ok { "import-done" } else { "finding finding--error" } role="status">
                                {m}
                            </p>
                        }
                    })
            }}
            <p data-persisted>
                {move || match backups.persisted.get() {
                    None => "正在向浏览器申请持久存储…".to_string(),
                    Some(Ok(true)) => {
                        "浏览器已同意持久存储：不会因空间紧张而自动清除本站数据。".into()
                    }
                    Some(Ok(false)) => {
                        "浏览器未同意持久存储：空间紧张时可能清除本站数据，\
                         请定期导出备份。"
                            .into()
                    }
                    Some(Err(_)) => "此浏览器不支持持久存储申请，请定期导出备份。".into(),
                }}
            </p>
        </section>
    }
}
