//! The bureau's decisions recorded on a workspace.

use super::Workspace;
use crate::model::*;

impl Workspace {
    /// The bureau's outcome for application `id` of `unit` (ids are only unique per unit).
    pub fn selection(&self, unit: &str, id: &str) -> Option<&Selection> {
        self.selections.iter().find(|s| s.id == id && crate::model::unit_name::same_unit(&s.unit, unit))
    }

    /// Records an outcome, replacing the one for the same application; a blank one is
    /// removed, so an undone decision leaves nothing behind.
    pub fn put_selection(&mut self, sel: Selection) {
        let at = self
            .selections
            .iter()
            .position(|s| s.id == sel.id && crate::model::unit_name::same_unit(&s.unit, &sel.unit));
        match (at, sel.is_blank()) {
            (Some(i), true) => {
                self.selections.remove(i);
            }
            (Some(i), false) => self.selections[i] = sel,
            (None, true) => {}
            (None, false) => self.selections.push(sel),
        }
    }
}
