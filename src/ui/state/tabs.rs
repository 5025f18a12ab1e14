//! Several tabs on the same drafts. Another tab's write reaches this one as a `storage`
//! event: a draft with no unsaved change here takes the other tab's version; one that
//! changed on both sides becomes a [`TabConflict`] and the user chooses which to keep.
//! (A write this tab would make over another tab's is refused in `autosave` the same way,
//! and a removal in `deletion`.) An index this version cannot read stops this tab's saving
//! (`index`).

use std::cell::RefCell;

use leptos::prelude::*;

use super::Store;
use crate::model::{Application, text_hash};
use crate::storage::{self, Change, Reader, Stored};
use crate::workspace::Deleted;

#[derive(Debug, Clone, PartialEq)]
pub struct TabConflict {
    pub id: String,
    pub title: String,
    /// The other tab's version; `None`: it deleted the application.
    pub theirs: Option<Application>,
    /// What the key held when the clash was seen.
    pub(super) stored: Stored,
    /// This tab deleted the application (`deletion`): keeping "mine" deletes theirs.
    pub mine_deleted: bool,
    /// Where the deleted one stood, for theirs to come back there.
    pub(super) restore: Option<Box<Deleted>>,
}

impl TabConflict {
    /// Tells one question from another about the same application (a deletion, or another
    /// version of theirs, replaces the one asked): a list keyed by it shows the new one.
    pub fn key(&self) -> String {
        format!("{}:{}:{:?}", self.id, self.mine_deleted, self.stored)
    }
}

/// The save status while a clash waits for the user.
pub(super) const CLASH: &str = "另一个标签页也修改了同一份申请，\
    请在页面顶部选择保留哪一份";

thread_local! {
    /// Other tabs' changes that came before the reader's chunk: applied in order once it is here.
    static WAITING: RefCell<Vec<Change>> = const { RefCell::new(Vec::new()) };
}

pub fn listen(store: Store) {
    storage::on_other_tab(move |change| {
        WAITING.with_borrow_mut(|w| w.push(change));
        apply_waiting(store);
    });
}

/// Applies the other tabs' changes received so far, if the reader is here (else its
/// arrival calls this again).
pub(super) fn apply_waiting(store: Store) {
    let Some(reader) = store.reader() else { return };
    for change in WAITING.take() {
        // This tab writes nothing more and asks for a reload: other tabs' writes are left
        // to the reloaded page.
        if store.stopped.get_untracked().is_some() {
            continue;
        }
        match change {
            Change::Application { id, text, old } => {
                store.other_tab_wrote(reader, &id, text.as_deref(), old.as_deref())
            }
            Change::Index(Some(text)) => store.other_tab_wrote_index(reader, &text),
            // Cleared elsewhere (「清除本机数据」): this tab keeps what it shows and stops
            // saving (its next save would write back what was removed).
            Change::Index(None) => store.other_tab_cleared(),
        }
    }
}

impl Store {
    fn other_tab_wrote(&self, reader: Reader, id: &str, text: Option<&str>, old: Option<&str>) {
        let stored = text.map(text_hash);
        let deletion_asked = self.conflicts.with_untracked(|cs| cs.iter().any(|c| c.id == id && c.mine_deleted));
        if deletion_asked || self.saver.removing(id) {
            // Deleted here, not yet removed there: this write is the question.
            return self.other_tab_wrote_deleted(reader, id, text);
        }
        if self.saver.stored(id) == stored {
            return;
        }
        let theirs = match text {
            // Not an application (a damaged write): keep ours; saving it would be refused.
            Some(t) => match (reader.parse_application)(t) {
                Some(a) => Some(a),
                None => return,
            },
            None => None,
        };
        let mine = self.ws.with_untracked(|w| w.get(id).map(|a| (a.content_hash(), a.revision)));
        let same = mine.is_some() && mine.map(|m| m.0) == theirs.as_ref().map(Application::content_hash);
        // The user decides when this tab has an unsaved change, when a question about it
        // is open (it stays until answered), or when the other tab's version does not
        // continue ours: localStorage is not transactional across processes, so two saves
        // a few ms apart can both pass their check; the later one then carries a revision
        // no higher than ours.
        let asked = self.conflicts.with_untracked(|cs| cs.iter().any(|c| c.id == id));
        let continues = match (&theirs, mine) {
            (Some(t), Some((_, revision))) => t.revision > revision,
            _ => old.map(text_hash) == self.saver.stored(id),
        };
        if (self.saver.is_dirty(id) || asked || !continues) && !same && mine.is_some() {
            return self.clash_with(id, theirs, storage::stored(&storage::app_key(id)));
        }
        if asked {
            self.conflicts.update(|cs| cs.retain(|c| c.id != id));
        }
        self.take(id, theirs, stored);
    }

    /// Puts the other tab's version (or its deletion) in place of ours.
    fn take(&self, id: &str, theirs: Option<Application>, stored: Stored) {
        let content = theirs.as_ref().map(Application::content_hash);
        self.ws.update(|w| match (w.applications.iter().position(|a| a.id == id), theirs) {
            (Some(i), Some(app)) => w.applications[i] = app,
            (None, Some(app)) => w.applications.push(app),
            (Some(i), None) => {
                w.applications.remove(i);
                w.ranking.retain(|r| r != id);
            }
            (None, None) => {}
        });
        self.saver.adopt(id, stored, content);
    }

    /// Another tab wrote (or removed) an application this tab deleted and has not removed.
    fn other_tab_wrote_deleted(&self, reader: Reader, id: &str, text: Option<&str>) {
        self.saver.forget_removal(id);
        match text.map(|t| (t, (reader.parse_application)(t))) {
            Some((t, Some(theirs))) => self.clash_deleted(id, theirs, Some(text_hash(t))),
            // A damaged write: never removed unread (see `Saver::try_remove`).
            Some((t, None)) => {
                self.conflicts.update(|cs| cs.retain(|c| c.id != id));
                self.saver.adopt(id, Some(text_hash(t)), None);
            }
            // Deleted there too: nothing left to ask.
            None => {
                self.conflicts.update(|cs| cs.retain(|c| c.id != id));
                self.saver.adopt(id, None, None);
            }
        }
        if self.conflicts.with_untracked(Vec::is_empty) {
            self.flush();
        }
    }

    fn other_tab_wrote_index(&self, reader: Reader, text: &str) {
        let hash = text_hash(text);
        if self.saver.index_current() == Some(hash) {
            return;
        }
        // A newer version's (or a damaged write): never written over; this tab stops saving.
        let Some(index) = (reader.parse_index)(text) else { return self.saver.stop(*self, reader, text) };
        if self.saver.index_missed_ours(hash, index.parent.as_deref()) {
            // Both tabs wrote over the same version at once. The browser kept the later
            // write, and each tab's view of the key ends with it: if that is ours, the
            // other tab, whose write was lost, merges; one tab writes the merge, once.
            if storage::stored(storage::INDEX_KEY) == self.saver.index_current() {
                return;
            }
            self.saver.merge_index(*self, reader, hash, index);
            return self.saver.mark_index(*self);
        }
        // Our own settings change is about to be written: merged with theirs then (autosave).
        if self.saver.index_dirty() {
            return;
        }
        self.saver.adopt_index(hash, index.workspace.settings(), index.applications);
        self.ws.update(|w| w.set_settings(index.workspace));
        self.done.set(index.done_sections);
    }

    /// Our write of `id` was refused: the other tab wrote it first. `false`: their version
    /// cannot be read yet (the reader's chunk is on its way); nothing was decided.
    pub(super) fn clash(&self, id: &str) -> bool {
        let Some(reader) = self.reader() else { return false };
        let text = storage::raw(&storage::app_key(id));
        let theirs = text.as_deref().and_then(reader.parse_application);
        self.clash_with(id, theirs, text.as_deref().map(text_hash));
        true
    }

    fn clash_with(&self, id: &str, theirs: Option<Application>, stored: Stored) {
        let title = self.ws.with_untracked(|w| w.get(id).map(Application::display_title)).unwrap_or_default();
        let conflict = TabConflict { id: id.to_string(), title, theirs, stored, mine_deleted: false, restore: None };
        self.conflicts.update(|cs| {
            cs.retain(|c| c.id != id);
            cs.push(conflict);
        });
        self.saver.unmark(id);
        self.status.set(super::SaveStatus::Failed(CLASH.into()));
    }

    /// Resolves a clash: `keep_mine` writes this tab's version over the other's.
    pub fn resolve(&self, id: &str, keep_mine: bool) {
        let Some(c) =
            self.conflicts.try_update(|cs| cs.iter().position(|c| c.id == id).map(|i| cs.remove(i))).flatten()
        else {
            return;
        };
        if c.mine_deleted {
            return self.resolve_deleted(c, keep_mine);
        }
        if keep_mine {
            // Saved as a new revision above theirs, so the other tab sees it continues theirs.
            let theirs = c.theirs.as_ref().map_or(0, |t| t.revision);
            self.ws.update(|w| {
                if let Some(a) = w.applications.iter_mut().find(|a| a.id == id) {
                    a.revision = a.revision.max(theirs);
                }
            });
            self.saver.adopt(id, c.stored, None);
            self.saver.mark(*self, id);
        } else {
            // Written back: the key may hold another version than theirs by now.
            self.take(id, c.theirs.clone(), storage::stored(&storage::app_key(id)));
            if c.theirs.is_some() {
                self.saver.mark(*self, id);
            }
            if self.conflicts.with_untracked(Vec::is_empty) {
                self.flush();
                // Nothing was left to write: what the page shows is what is stored.
                if !self.saver.pending() {
                    self.status.set(super::SaveStatus::Saved(crate::ui::clock::now()));
                }
            }
        }
    }
}
