//! Saves changed applications within 300 ms of a change and on `pagehide`; a failed
//! write is kept pending and shown, never swallowed.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use leptos::prelude::*;

use super::Store;
use crate::storage;
use crate::ui::clock;

const DELAY: Duration = Duration::from_millis(300);

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
    index_dirty: StoredValue<bool>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Saver {
    pub fn new(ws: &crate::model::Workspace) -> Saver {
        let saved = ws.applications.iter().map(|a| (a.id.clone(), a.content_hash())).collect();
        Saver {
            dirty: StoredValue::new(BTreeSet::new()),
            saved: StoredValue::new(saved),
            index_dirty: StoredValue::new(false),
            timer: StoredValue::new(None),
        }
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
    fn schedule(&self, store: Store) {
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
        if ids.is_empty() && !self.index_dirty.get_value() {
            return;
        }
        let now = clock::now();
        let mut failed: Option<String> = None;
        let mut saved = BTreeSet::new();
        store.ws.update(|w| {
            for a in w.applications.iter_mut().filter(|a| ids.contains(&a.id)) {
                let hash = a.content_hash();
                if self.saved.with_value(|s| s.get(&a.id) != Some(&hash)) {
                    a.touch(now);
                }
                match storage::save_application(a) {
                    Ok(()) => {
                        saved.insert(a.id.clone());
                        self.saved.update_value(|s| {
                            s.insert(a.id.clone(), hash);
                        });
                    }
                    Err(e) => failed = Some(e),
                }
            }
        });
        // Ids no longer in the workspace (deleted meanwhile) need no write either.
        self.dirty
            .update_value(|d| d.retain(|id| !saved.contains(id) && store.ws.with_untracked(|w| w.get(id).is_some())));
        let index = store.ws.with_untracked(|w| store.done.with_untracked(|d| storage::save_index(w, d)));
        match index {
            Ok(()) => self.index_dirty.set_value(false),
            Err(e) => failed = failed.or(Some(e)),
        }
        store.status.set(match failed {
            Some(e) => SaveStatus::Failed(e),
            None => SaveStatus::Saved(now),
        });
    }
}
