//! 「清除本机数据」: every `peixun/` key removed, and this page writes nothing after (what it
//! still shows is emptied; a reload starts afresh).

use leptos::prelude::*;

use super::{SaveStatus, Store};
use crate::workspace::{Trash, Workspace};

/// What the page says once the data is gone, and why it saves nothing more.
pub const CLEARED: &str = crate::storage::CLEARED_TEXT;
/// …and in another tab, which stops saving when the data is cleared (it would write back
/// what was removed) and keeps what it shows.
pub const CLEARED_ELSEWHERE: &str = "另一个标签页清除了本机数据，本页不再保存";

impl Store {
    /// Removes everything this app stored in this browser. From then on this page writes
    /// nothing (a save or a pagehide would put data back); its workspace is emptied.
    pub fn clear_local_data(&self) -> Result<usize, String> {
        // Blocked first: nothing written between the removal and the page's end.
        self.saver.blocked.set_value(Some(CLEARED.into()));
        let removed = crate::storage::clear_all();
        self.ws.set(Workspace::default());
        self.trash.set(Trash::default());
        self.conflicts.set(Vec::new());
        self.status.set(SaveStatus::Failed(CLEARED.into()));
        removed
    }

    /// Another tab removed the index (「清除本机数据」 there): this tab stops saving.
    pub(super) fn other_tab_cleared(&self) {
        self.saver.blocked.set_value(Some(CLEARED_ELSEWHERE.into()));
        self.stopped.set(Some(CLEARED_ELSEWHERE));
        self.status.set(SaveStatus::Failed(CLEARED_ELSEWHERE.into()));
    }
}
