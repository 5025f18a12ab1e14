//! Saves changed applications within 300 ms of a change and on `pagehide`; a failed
//! write is kept pending and shown, never swallowed. A key another tab wrote since this
//! tab last saw it is not written: the clash goes to the user (`tabs`). The index's own
//! saving (merging another tab's settings first) is `index.rs`; removals are `deletion.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use leptos::prelude::*;

use super::Store;
use crate::backup::lineage::Lineage;
use crate::storage;
use crate::ui::clock;

const DELAY: Duration = Duration::from_millis(300);
/// After a refused write (full storage), how soon to try again.
const RETRY: Duration = Duration::from_secs(3);

#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Idle,
    Pending,
    Saved(DateTime<FixedOffset>),
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct Saver {
    dirty: StoredValue<BTreeSet<String>>,
    /// The content hash each application was last saved with: a save that changes no
    /// content (an export's sync point, say) must not bump the revision.
    saved: StoredValue<BTreeMap<String, u64>>,
    pub(super) index_dirty: StoredValue<bool>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// What each application's key held when this tab last wrote or read it.
    stored: StoredValue<BTreeMap<String, u64>>,
    /// The versions of `peixun/index` this tab wrote or read, with their settings: the
    /// base of the merge when another tab wrote it since.
    pub(super) lineage: StoredValue<Lineage>,
    /// The application ids that index listed.
    pub(super) listed: StoredValue<Vec<String>>,
    /// Applications deleted here whose keys are still to be removed (this tab stopped
    /// saving, or another tab's version waits for the reader to be asked about).
    pub(super) removals: StoredValue<BTreeSet<String>>,
    /// Why nothing is written: the stored index could not be read at start, or another
    /// tab left one this version cannot read (`index.rs`). It is kept as it is.
    pub(super) blocked: StoredValue<Option<String>>,
}

impl Saver {
    pub fn new(loaded: &storage::Loaded) -> Saver {
        let saved = loaded.workspace.applications.iter().map(|a| (a.id.clone(), a.content_hash())).collect();
        let blocked = loaded.index_error.as_ref().map(|e| {
            format!(
                "本地数据无法读取（{e}），\
                 未作任何改动。请先导出备份"
            )
        });
        Saver {
            dirty: StoredValue::new(BTreeSet::new()),
            saved: StoredValue::new(saved),
            index_dirty: StoredValue::new(false),
            timer: StoredValue::new(None),
            stored: StoredValue::new(loaded.stored.clone()),
            lineage: StoredValue::new(Lineage::new(loaded.index_stored, loaded.workspace.settings())),
            listed: StoredValue::new(loaded.listed.clone()),
            removals: StoredValue::new(BTreeSet::new()),
            blocked: StoredValue::new(blocked),
        }
    }

    pub fn is_dirty(&self, id: &str) -> bool {
        self.dirty.with_value(|d| d.contains(id))
    }

    pub fn blocked(&self) -> Option<String> {
        self.blocked.get_value()
    }

    /// Whether anything still waits to be written.
    pub fn pending(&self) -> bool {
        self.index_dirty.get_value()
            || self.dirty.with_value(|d| !d.is_empty())
            || self.removals.with_value(|r| !r.is_empty())
    }

    pub fn index_dirty(&self) -> bool {
        self.index_dirty.get_value()
    }

    pub fn stored(&self, id: &str) -> storage::Stored {
        self.stored.with_value(|s| s.get(id).copied())
    }

    /// Drops a pending save (the user is asked first).
    pub fn unmark(&self, id: &str) {
        self.dirty.update_value(|d| {
            d.remove(id);
        });
    }

    /// This tab now holds what the key holds (`stored`), with this content: nothing to save.
    pub fn adopt(&self, id: &str, stored: storage::Stored, content: Option<u64>) {
        self.dirty.update_value(|d| {
            d.remove(id);
        });
        let set = |map: &mut BTreeMap<String, u64>, value: Option<u64>| match value {
            Some(h) => map.insert(id.to_string(), h),
            None => map.remove(id),
        };
        self.stored.update_value(|s| {
            set(s, stored);
        });
        self.saved.update_value(|s| {
            set(s, content);
        });
    }

    /// This tab now knows the settings and the list of applications (`listed`) of the
    /// index stored as `stored`.
    pub fn adopt_index(&self, stored: u64, settings: crate::workspace::Workspace, listed: Vec<String>) {
        self.lineage.update_value(|l| l.record(stored, settings));
        self.listed.set_value(listed);
    }

    pub fn mark(&self, store: Store, id: &str) {
        self.dirty.update_value(|d| {
            d.insert(id.to_string());
        });
        self.schedule(store);
    }

    pub fn mark_index(&self, store: Store) {
        self.index_dirty.set_value(true);
        self.schedule(store);
    }

    /// A flush 300 ms after the first unsaved change, not after the last: steady typing
    /// never postpones saving.
    pub(super) fn schedule(&self, store: Store) {
        if !matches!(store.status.get_untracked(), SaveStatus::Pending) {
            store.status.set(SaveStatus::Pending);
        }
        if self.timer.get_value().is_some() {
            return;
        }
        let saver = *self;
        let handle = set_timeout_with_handle(move || saver.flush(store), DELAY).ok();
        self.timer.set_value(handle);
    }

    pub fn listen_for_pagehide(&self, store: Store) {
        let saver = *self;
        // Lives as long as the page: the listener is never removed.
        std::mem::forget(window_event_listener(leptos::ev::pagehide, move |_| saver.flush(store)));
    }

    /// Writes every pending application (revision +1, time stamped) and the index.
    pub fn flush(&self, store: Store) {
        if let Some(t) = self.timer.get_value() {
            t.clear();
        }
        self.timer.set_value(None);
        let ids = self.dirty.get_value();
        if !self.pending() {
            return;
        }
        if let Some(why) = self.blocked() {
            return store.status.set(SaveStatus::Failed(why));
        }
        // Another tab left an index this version cannot read: nothing is written (it stops).
        if !self.index_readable(store) {
            return;
        }
        let _span = crate::ui::perf::Span::new("peixun-save");
        let now = clock::now();
        let mut failed: Option<String> = None;
        let mut saved = BTreeSet::new();
        let mut clashed = Vec::new();
        store.ws.update(|w| {
            for a in w.applications.iter_mut().filter(|a| ids.contains(&a.id)) {
                let hash = a.content_hash();
                if self.saved.with_value(|s| s.get(&a.id) != Some(&hash)) {
                    a.touch(now);
                }
                match storage::save_application(a, self.stored(&a.id)) {
                    Ok(Some(written)) => {
                        saved.insert(a.id.clone());
                        self.saved.update_value(|s| {
                            s.insert(a.id.clone(), hash);
                        });
                        self.stored.update_value(|s| {
                            s.insert(a.id.clone(), written);
                        });
                    }
                    Ok(None) => clashed.push(a.id.clone()),
                    Err(e) => failed = Some(e),
                }
            }
        });
        // Ids no longer in the workspace (deleted meanwhile) need no write either; clashes
        // wait for the user's choice.
        self.dirty.update_value(|d| {
            d.retain(|id| {
                !saved.contains(id) && !clashed.contains(id) && store.ws.with_untracked(|w| w.get(id).is_some())
            })
        });
        for id in clashed {
            if !store.clash(&id) {
                // Asked once the reader's chunk is here (it saves again then).
                self.dirty.update_value(|d| {
                    d.insert(id);
                });
            }
        }
        self.remove_pending(store);
        if self.index_dirty.get_value()
            && let Err(e) = self.save_index(store)
        {
            failed = failed.or(Some(e));
        }
        if let Some(why) = self.blocked() {
            // Stopped meanwhile (`index.rs`): nothing more is written.
            return store.status.set(SaveStatus::Failed(why));
        }
        if failed.is_some() {
            // Space may free up (another tab, the user deleting something): try again.
            let saver = *self;
            let handle = set_timeout_with_handle(move || saver.flush(store), RETRY).ok();
            self.timer.set_value(handle);
        }
        store.status.set(match failed {
            Some(e) => SaveStatus::Failed(e),
            None if store.conflicts.with_untracked(|c| !c.is_empty()) => SaveStatus::Failed(super::tabs::CLASH.into()),
            None if store.ranking_clash.with_untracked(Option::is_some) => {
                SaveStatus::Failed(super::index::RANKING_CLASH.into())
            }
            // Waiting for the reader (see `merge_other_tab_settings`).
            None if self.pending() => SaveStatus::Pending,
            None => SaveStatus::Saved(now),
        });
    }
}
