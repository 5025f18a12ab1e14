//! The app's state: one signal holds the workspace (plain core structs), and every change
//! goes through [`Store`] so that it is saved. Components get the store from context.

mod autosave;
mod clear;
mod deletion;
mod index;
mod tabs;

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;

pub use autosave::SaveStatus;
pub use clear::{CLEARED, CLEARED_ELSEWHERE};
pub use index::{DAMAGED_INDEX, NEWER_INDEX};
pub use tabs::TabConflict;

use crate::model::Application;
use crate::rule_set::RuleSet;
use crate::storage::{Loaded, Reader};
use crate::workspace::{Deleted, RankingChoice, Trash, Workspace};

#[derive(Clone, Copy)]
pub struct Store {
    pub ws: RwSignal<Workspace>,
    /// Editor sections marked as done, per application id.
    pub done: RwSignal<BTreeMap<String, BTreeSet<String>>>,
    pub status: RwSignal<SaveStatus>,
    /// The last deletions (applications, members, hosts, 核销表 rows) and where each
    /// stood, while 「撤销」 is offered.
    pub trash: RwSignal<Trash>,
    /// Applications another tab changed while this one had unsaved changes to them.
    pub conflicts: RwSignal<Vec<TabConflict>>,
    /// Settings another tab changed differently at the same time (this tab's value kept).
    pub settings_clash: RwSignal<Vec<&'static str>>,
    /// The ranking this tab and another reordered differently: nothing of the settings is
    /// saved until the user chooses (`choose_ranking`).
    pub ranking_clash: RwSignal<Option<RankingChoice>>,
    /// Why this tab stopped saving while it ran (another tab left an index this version
    /// cannot read): [`NEWER_INDEX`] or [`DAMAGED_INDEX`].
    pub stopped: RwSignal<Option<&'static str>>,
    /// Keys of stored drafts this page could not read when it loaded.
    pub unreadable: StoredValue<Vec<String>>,
    /// The rule-set in use (the workspace's choice), as a `'static` for the many closures.
    rule_set: Memo<&'static RuleSet>,
    saver: autosave::Saver,
}

thread_local! {
    /// The reader's chunk has been asked for.
    static FETCHING_READER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

const READER_MISSING: &str = "另一个标签页修改了数据，\
    但本页读取数据的程序文件没有下载成功（可能网络已断开）：\
    本页暂不保存，请联网后刷新";

impl Store {
    /// Reads what this browser saved, now, and starts autosaving (tests; the app waits for
    /// the reader's chunk instead: `ui::start`).
    pub fn load() -> Store {
        Store::new(crate::storage::load_now())
    }

    /// The store over what was read at start; autosaving from now on.
    pub fn new(loaded: Loaded) -> Store {
        // What was saved before this page load, and when.
        let last = loaded.workspace.applications.iter().filter_map(|a| a.updated_at).max();
        let saver = autosave::Saver::new(&loaded);
        let ws = RwSignal::new(loaded.workspace);
        let store = Store {
            ws,
            done: RwSignal::new(loaded.done_sections),
            status: RwSignal::new(match saver.blocked() {
                Some(why) => SaveStatus::Failed(why),
                None => last.map_or(SaveStatus::Idle, SaveStatus::Saved),
            }),
            trash: RwSignal::new(Trash::default()),
            conflicts: RwSignal::new(Vec::new()),
            settings_clash: RwSignal::new(Vec::new()),
            ranking_clash: RwSignal::new(None),
            stopped: RwSignal::new(None),
            unreadable: StoredValue::new(loaded.unreadable),
            rule_set: Memo::new(move |_| ws.with(|w| w.rule_set().interned())),
            saver,
        };
        store.saver.listen_for_pagehide(store);
        tabs::listen(store);
        store
    }

    pub fn provide(self) {
        provide_context(self);
    }

    pub fn get() -> Store {
        expect_context::<Store>()
    }

    /// What reads stored drafts, or `None` while its chunk is on its way: the fetch starts
    /// here, and its arrival applies the other tabs' waiting changes and saves what waited.
    pub(crate) fn reader(&self) -> Option<Reader> {
        if let Some(r) = crate::storage::reader() {
            return Some(r);
        }
        if !FETCHING_READER.replace(true) {
            let store = *self;
            leptos::task::spawn_local(async move {
                store.fetch_reader().await;
            });
        }
        None
    }

    /// The reader, fetching its chunk if it is not here yet (`None`: it cannot be fetched).
    pub(crate) async fn fetch_reader(self) -> Option<Reader> {
        if let Some(r) = crate::storage::reader() {
            return Some(r);
        }
        match crate::ui::lazy::reader().await {
            Ok(r) => {
                if crate::storage::reader().is_none() {
                    crate::storage::set_reader(r);
                    tabs::apply_waiting(self);
                    if self.saver.pending() {
                        self.flush();
                    }
                }
                Some(r)
            }
            Err(_) => {
                FETCHING_READER.set(false);
                self.status.set(SaveStatus::Failed(READER_MISSING.into()));
                None
            }
        }
    }

    pub fn rule_set(&self) -> &'static RuleSet {
        self.rule_set.get()
    }

    /// Checks every application against the rule-set `id` from now on.
    pub fn use_rule_set(&self, id: &str) {
        self.edit_workspace(|w| w.rule_set = id.to_string());
    }

    /// Adds a rule-set (made, copied or imported), or replaces the one with its id.
    pub fn save_rule_set(&self, rs: RuleSet) {
        self.edit_workspace(|w| w.put_rule_set(rs));
    }

    /// Removes one of this browser's rule-sets; if it was in use, the embedded one is.
    pub fn delete_rule_set(&self, id: &str) {
        self.edit_workspace(|w| {
            w.rule_sets.retain(|r| r.id != id);
            if w.rule_set == id {
                w.rule_set.clear();
            }
        });
    }

    /// Changes one application; it is saved within 300 ms.
    pub fn edit(&self, id: &str, f: impl FnOnce(&mut Application)) {
        // One body for all callers (see `EditorCx::read`).
        let mut f = Some(f);
        self.edit_dyn(id, &mut |a| f.take().map_or((), |f| f(a)));
    }

    /// `edit` for a caller that already holds a `dyn FnMut` (the editor's one body).
    pub(crate) fn edit_dyn(&self, id: &str, f: &mut dyn FnMut(&mut Application)) {
        let mut changed = false;
        self.ws.update(|w| {
            if let Some(a) = w.applications.iter_mut().find(|a| a.id == id) {
                f(a);
                changed = true;
            }
        });
        if changed {
            self.saver.mark(*self, id);
        }
    }

    /// Adds applications (new, duplicated, examples) and saves them.
    pub fn add(&self, mut apps: Vec<Application>) {
        let id = self.rule_set.get_untracked().id.clone();
        for a in &mut apps {
            a.rule_set.clone_from(&id);
        }
        let ids: Vec<String> = apps.iter().map(|a| a.id.clone()).collect();
        self.ws.update(|w| w.applications.extend(apps));
        for id in &ids {
            self.saver.mark(*self, id);
        }
        self.saver.mark_index(*self);
    }

    pub fn set_section_done(&self, id: &str, section: &str, done: bool) {
        self.done.update(|d| {
            let set = d.entry(id.to_string()).or_default();
            if done {
                set.insert(section.to_string());
            } else {
                set.remove(section);
            }
        });
        self.saver.mark_index(*self);
    }

    pub fn is_done(&self, id: &str, section: &str) -> bool {
        self.done.with(|d| d.get(id).is_some_and(|s| s.contains(section)))
    }

    /// Changes the workspace's own settings (unit name, ranking, opinions).
    pub fn edit_workspace(&self, f: impl FnOnce(&mut Workspace)) {
        self.ws.update(f);
        self.saver.mark_index(*self);
    }

    /// Remembers that these applications left in their current version (an export).
    pub fn mark_exported(&self, ids: &[String]) {
        self.ws.update(|w| crate::bundle::mark_exported(w, ids));
        for id in ids {
            self.saver.mark(*self, id);
        }
    }

    /// Replaces the whole workspace (an applied import) and saves every application.
    pub fn replace(&self, ws: Workspace) {
        let ids: Vec<String> = ws.applications.iter().map(|a| a.id.clone()).collect();
        let gone: Vec<String> = self
            .ws
            .with_untracked(|w| w.applications.iter().filter(|a| !ids.contains(&a.id)).map(|a| a.id.clone()).collect());
        self.ws.set(ws);
        for id in gone {
            self.saver.remove(*self, &id);
        }
        for id in &ids {
            self.saver.mark(*self, id);
        }
        self.saver.mark_index(*self);
    }

    /// Saves everything pending now (pagehide, before export).
    pub fn flush(&self) {
        self.saver.flush(*self);
    }

    /// Undoes the most recent deletion in the trash and saves what came back.
    pub fn undo_delete(&self) {
        let Some(d) = self.trash.try_update(|t| t.pop()).flatten() else { return };
        let mut result = None;
        self.ws.update(|w| result = Some(d.restore(w)));
        match result {
            Some(Ok(restored)) => {
                for id in &restored.applications {
                    self.saver.mark(*self, id);
                }
                if restored.index {
                    self.saver.mark_index(*self);
                }
                self.trash.update(|t| t.failed = None);
            }
            Some(Err(why)) => self.trash.update(|t| t.failed = Some(why)),
            None => {}
        }
    }

    /// Removes member `member_id` of application `app_id`; 「撤销」 puts them back.
    pub fn remove_member(&self, app_id: &str, member_id: &str) {
        self.remove(Some(app_id), |w| Deleted::member(w, app_id, member_id));
    }

    /// Removes host `index` of application `app_id`; 「撤销」 puts it back.
    pub fn remove_host(&self, app_id: &str, index: usize) {
        self.remove(Some(app_id), |w| Deleted::host(w, app_id, index));
    }

    /// Removes 核销表 row `index`; 「撤销」 puts it back.
    pub fn remove_reimbursement(&self, index: usize) {
        self.remove(None, |w| Deleted::reimbursement(w, index));
    }

    /// A removal that goes to the trash; saves the application it changed, else the index.
    fn remove(&self, app_id: Option<&str>, f: impl FnOnce(&mut Workspace) -> Option<Deleted>) {
        let mut removed = None;
        self.ws.update(|w| removed = f(w));
        let Some(d) = removed else { return };
        self.trash.update(|t| t.push(d));
        match app_id {
            Some(id) => self.saver.mark(*self, id),
            None => self.saver.mark_index(*self),
        }
    }
}
