//! Saving `peixun/index` (the settings and the list of applications). Another tab's write
//! since this tab last saw it is merged in first (`workspace::merge_settings3`, which
//! comes with the reader's chunk); a ranking both tabs reordered waits for the user's
//! choice; an index this version cannot read (a newer version's, or a damaged write) is
//! never written over: this tab stops saving and says so.

use leptos::prelude::*;

use super::Store;
use super::autosave::{SaveStatus, Saver};
use crate::backup::lineage::{self, Lineage, Place};
use crate::model::text_hash;
use crate::storage::{self, Reader};
use crate::workspace::{RankingChoice, Workspace};

/// The save status, and the banner's text, once another tab left an index of a newer version.
pub const NEWER_INDEX: &str = "另一个标签页使用了新版本的数据，请刷新本页";
/// …or an index no version can read (a damaged write).
pub const DAMAGED_INDEX: &str = "另一个标签页写入的数据无法读取（可能已损坏），\
    本页不再保存，以免覆盖它";
/// The save status while both tabs' orders of the ranking wait for the user.
pub(super) const RANKING_CLASH: &str = "另一个标签页同时调整了总体排序，\
    请在页面顶部选择保留哪一个排序（选择前不保存设置）";

/// How many times a save of the index is made again over another tab's write that came
/// between this tab's reading and writing it.
const ATTEMPTS: usize = 3;

/// What to do with the stored index before writing ours.
enum Over {
    /// Write over this version (merged into ours if another tab wrote it).
    Version(storage::Stored),
    /// Its reader's chunk is on its way: wait.
    Wait,
    /// It cannot be read: never written over.
    Stopped,
}

impl Saver {
    /// What `peixun/index` held when this tab last wrote or read it.
    pub fn index_current(&self) -> storage::Stored {
        self.lineage.with_value(Lineage::current)
    }

    /// Whether the index stored as `hash` was written over an earlier version of this
    /// tab's, missing what this tab wrote since.
    pub fn index_missed_ours(&self, hash: u64, parent: Option<&str>) -> bool {
        let parent = parent.and_then(lineage::parse_name);
        self.lineage.with_value(|l| matches!(l.place(hash, parent), Place::Missed(_)))
    }

    /// Another tab left an index this version cannot read: from now on this tab writes
    /// nothing (its changes stay on screen, pending) and says why.
    pub(super) fn stop(&self, store: Store, reader: Reader, text: &str) {
        let why = if (reader.newer_index)(text) { NEWER_INDEX } else { DAMAGED_INDEX };
        self.blocked.set_value(Some(why.into()));
        store.stopped.set(Some(why));
        store.status.set(SaveStatus::Failed(why.into()));
    }

    /// Before any write: whether the stored index, if another tab wrote it since, can be
    /// read (else this tab stops). Its reader not here yet: the index's own save waits.
    pub(super) fn index_readable(&self, store: Store) -> bool {
        let Some(text) = storage::raw(storage::INDEX_KEY) else { return true };
        if Some(text_hash(&text)) == self.index_current() {
            return true;
        }
        let Some(reader) = crate::storage::reader() else { return true };
        if (reader.parse_index)(&text).is_some() {
            return true;
        }
        self.stop(store, reader, &text);
        false
    }

    /// Another tab wrote the settings since this tab last saw them: both tabs' changes are
    /// merged into this tab's before it writes (a clash is named on the page).
    fn merge_other_tab_settings(&self, store: Store) -> Over {
        let Some(text) = storage::raw(storage::INDEX_KEY) else { return Over::Version(None) };
        let hash = text_hash(&text);
        if Some(hash) == self.index_current() {
            return Over::Version(Some(hash));
        }
        let Some(reader) = store.reader() else { return Over::Wait };
        match (reader.parse_index)(&text) {
            Some(theirs) => {
                self.merge_index(store, reader, hash, theirs);
                Over::Version(Some(hash))
            }
            None => {
                self.stop(store, reader, &text);
                Over::Stopped
            }
        }
    }

    /// Merges the index another tab stored as `hash` into this tab's settings, from the
    /// version both tabs last shared; this tab then holds that index as read.
    pub fn merge_index(&self, store: Store, reader: Reader, hash: u64, theirs: storage::Index) {
        let parent = theirs.parent.as_deref().and_then(lineage::parse_name);
        let m = self.lineage.with_value(|l| {
            let base = match l.place(hash, parent) {
                Place::Missed(base) => base.clone(),
                _ => l.base(),
            };
            store.ws.with_untracked(|w| (reader.merge_settings)(&base, w, &theirs.workspace))
        });
        store.ws.update(|w| w.set_settings(m.merged));
        store.done.update(|d| {
            for (id, sections) in theirs.done_sections {
                d.entry(id).or_insert(sections);
            }
        });
        if !m.clashes.is_empty() {
            store.settings_clash.set(m.clashes);
        }
        // A question already open stays until answered; a new one replaces it.
        if let Some(choice) = m.ranking {
            store.ranking_clash.set(Some(choice));
        }
        self.adopt_index(hash, theirs.workspace, theirs.applications);
    }

    /// Writes the index over the stored version, merged first; it stays pending while the
    /// ranking waits for the user's choice or another tab's version for the reader.
    pub(super) fn save_index(&self, store: Store) -> Result<(), String> {
        for _ in 0..ATTEMPTS {
            let parent = match self.merge_other_tab_settings(store) {
                Over::Version(v) => v,
                Over::Wait | Over::Stopped => return Ok(()),
            };
            if store.ranking_clash.with_untracked(Option::is_some) {
                return Ok(());
            }
            let written = store.ws.with_untracked(|w| {
                store
                    .done
                    .with_untracked(|d| self.listed.with_value(|listed| storage::save_index(w, d, listed, parent)))
            })?;
            if let Some((hash, listed)) = written {
                self.index_dirty.set_value(false);
                self.adopt_index(hash, store.ws.with_untracked(Workspace::settings), listed);
                return Ok(());
            }
            // Another tab wrote it between our reading and writing: merged again.
        }
        self.schedule(store);
        Ok(())
    }
}

impl Store {
    /// Settles the ranking both tabs reordered: `keep_mine` keeps this page's order (as it
    /// is now), else the other tab's; either is then saved.
    pub fn choose_ranking(&self, keep_mine: bool) {
        let Some(choice) = self.ranking_clash.try_update(Option::take).flatten() else { return };
        if !keep_mine {
            self.ws.update(|w| w.ranking = choice.take_theirs(&w.ranking));
        }
        self.saver.mark_index(*self);
    }

    /// The ranking both tabs reordered differently, while the user has not chosen.
    pub fn ranking_choice(&self) -> Option<RankingChoice> {
        self.ranking_clash.get()
    }
}
