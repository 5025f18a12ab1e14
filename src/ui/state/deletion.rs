//! Deleting applications. A delete takes effect on screen at once and removes the stored
//! draft only if its key still holds the version this tab last saw: another tab's newer
//! version is never removed unseen. The user is asked instead (a [`TabConflict`] whose
//! "mine" is the deletion): delete it anyway, or keep the other tab's version, back at the
//! place and rank the deleted one had.

use leptos::prelude::*;

use super::autosave::Saver;
use super::{Store, TabConflict};
use crate::model::{Application, text_hash};
use crate::storage::{self, Stored};
use crate::workspace::Deleted;

impl Store {
    /// Deletes at once; 「撤销」 brings it back, at its place and rank, while it is in the trash.
    pub fn delete(&self, id: &str) {
        let mut removed = None;
        self.ws.update(|w| removed = Deleted::application(w, id));
        if let Some(d) = removed {
            self.trash.update(|t| t.push(d));
            self.saver.remove(*self, id);
            self.saver.mark_index(*self);
        }
    }

    /// Deletes several applications as one deletion: one 「撤销」 brings them all back.
    pub fn delete_many(&self, ids: &[String]) {
        let here: Vec<String> =
            self.ws.with_untracked(|w| ids.iter().filter(|id| w.get(id).is_some()).cloned().collect());
        let mut removed = None;
        self.ws.update(|w| removed = Deleted::applications(w, &here));
        let Some(d) = removed else { return };
        self.trash.update(|t| t.push(d));
        for id in &here {
            self.saver.remove(*self, id);
        }
        self.saver.mark_index(*self);
    }

    /// Our deletion of `id` met another tab's version of it (`theirs`, stored as `stored`):
    /// the user chooses. The deletion leaves the trash for the question (its place and rank
    /// come back with theirs).
    pub(super) fn clash_deleted(&self, id: &str, theirs: Application, stored: Stored) {
        let asked = self.conflicts.try_update(|cs| cs.iter().position(|c| c.id == id).map(|i| cs.remove(i))).flatten();
        let restore = match asked {
            Some(c) if c.mine_deleted => c.restore,
            _ => self.trash.try_update(|t| t.take_application(id)).flatten().map(Box::new),
        };
        let conflict = TabConflict {
            id: id.to_string(),
            title: theirs.display_title(),
            theirs: Some(theirs),
            stored,
            mine_deleted: true,
            restore,
        };
        self.conflicts.update(|cs| cs.push(conflict));
        self.status.set(super::SaveStatus::Failed(super::tabs::CLASH.into()));
    }

    /// Settles a deletion that met another tab's version: `delete` removes it (if the key
    /// still holds that version), else theirs comes back where ours was.
    pub(super) fn resolve_deleted(&self, c: TabConflict, delete: bool) {
        let id = c.id.as_str();
        match c.theirs {
            Some(theirs) if !delete => {
                let content = theirs.content_hash();
                self.ws.update(|w| {
                    if let Some(d) = c.restore {
                        // Already back (an import meanwhile): theirs replaces it all the same.
                        let _ = d.restore(w);
                    }
                    w.upsert(theirs);
                });
                self.saver.adopt(id, c.stored, Some(content));
            }
            _ => {
                self.saver.adopt(id, c.stored, None);
                self.saver.remove(*self, id);
            }
        }
        // Its rank and 排序意见 came back, or it leaves the list.
        self.saver.mark_index(*self);
    }
}

impl Saver {
    /// Removes a deleted application's stored draft, unless another tab wrote it since
    /// this tab last saw it: then the user is asked (or, while the reader's chunk is on its
    /// way or this tab writes nothing, the removal waits).
    pub(super) fn remove(&self, store: Store, id: &str) {
        self.unmark(id);
        self.removals.update_value(|r| {
            r.insert(id.to_string());
        });
        if self.blocked().is_some() {
            return self.schedule(store);
        }
        if !self.try_remove(store, id) {
            self.schedule(store);
        }
    }

    /// The removals still waiting (flush): one undone meanwhile is saved as any draft.
    pub(super) fn remove_pending(&self, store: Store) {
        for id in self.removals.get_value() {
            if store.ws.with_untracked(|w| w.get(&id).is_some()) {
                self.removals.update_value(|r| {
                    r.remove(&id);
                });
            } else {
                self.try_remove(store, &id);
            }
        }
    }

    /// Whether the removal of `id` is settled: done, asked, or nothing left to remove.
    fn try_remove(&self, store: Store, id: &str) -> bool {
        let settled = |saver: &Saver| {
            saver.removals.update_value(|r| {
                r.remove(id);
            })
        };
        if storage::remove_application(id, self.stored(id)) {
            self.adopt(id, None, None);
            settled(self);
            return true;
        }
        // Another tab wrote the key since this tab last saw it.
        let Some(text) = storage::raw(&storage::app_key(id)) else {
            // Deleted there too.
            self.adopt(id, None, None);
            settled(self);
            return true;
        };
        let Some(reader) = store.reader() else { return false };
        settled(self);
        match (reader.parse_application)(&text) {
            Some(theirs) => store.clash_deleted(id, theirs, Some(text_hash(&text))),
            // Not an application (a damaged write): never removed unread; the index keeps
            // listing it, as a draft this page cannot read.
            None => self.adopt(id, Some(text_hash(&text)), None),
        }
        true
    }

    /// Whether a removal of `id` waits (see [`Saver::remove`]).
    pub(super) fn removing(&self, id: &str) -> bool {
        self.removals.with_value(|r| r.contains(id))
    }

    /// Forgets a waiting removal: another tab's write of it is now the question.
    pub(super) fn forget_removal(&self, id: &str) {
        self.removals.update_value(|r| {
            r.remove(id);
        });
    }
}
