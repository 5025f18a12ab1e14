//! Which version of `peixun/index` another tab's write was made over. localStorage is not
//! transactional across tabs: two tabs can write the index within the same milliseconds,
//! each over the version it last saw, and the later write wins without the earlier's
//! changes. Each write names the version it was made over (`StoredIndex::parent`), so the
//! tab whose write was lost sees that the stored index does not continue its own and
//! merges its changes in again, from the version both started from.

use crate::workspace::Workspace;

/// How many versions a tab remembers: a write made over an older one than these is taken
/// as it is (as before versions were named).
const KEPT: usize = 8;

/// A version of the index: the hash of its text; `None`: no index was stored.
pub type Version = Option<u64>;

/// The versions of the index this tab wrote or read, newest last, with their settings.
#[derive(Debug, Clone)]
pub struct Lineage {
    seen: Vec<(Version, Workspace)>,
}

/// Where the stored index stands to this tab's versions.
#[derive(Debug, PartialEq)]
pub enum Place<'a> {
    /// It is what this tab last wrote or read.
    Ours,
    /// It was written over what this tab last wrote or read: nothing of ours is missing.
    Continues,
    /// It was written over an earlier version of ours (this settings'), so it misses what
    /// this tab wrote since: merge from that version.
    Missed(&'a Workspace),
    /// Its version is not one this tab knows.
    Unknown,
}

impl Lineage {
    /// `stored`: what the index held when the tab read it, with these settings.
    pub fn new(stored: Version, settings: Workspace) -> Lineage {
        Lineage { seen: vec![(stored, settings)] }
    }

    /// This tab wrote or read the version `hash`, with these settings.
    pub fn record(&mut self, hash: u64, settings: Workspace) {
        self.seen.retain(|(h, _)| *h != Some(hash));
        self.seen.push((Some(hash), settings));
        if self.seen.len() > KEPT {
            self.seen.remove(0);
        }
    }

    /// What this tab last wrote or read.
    pub fn current(&self) -> Version {
        self.seen.last().and_then(|(h, _)| *h)
    }

    /// The settings of that version: the base of a merge.
    pub fn base(&self) -> Workspace {
        self.seen.last().map(|(_, s)| s.clone()).unwrap_or_default()
    }

    /// Places the stored version `hash`, written over `parent` (`None`: not named).
    pub fn place(&self, hash: u64, parent: Option<Version>) -> Place<'_> {
        let current = self.current();
        if current == Some(hash) {
            return Place::Ours;
        }
        match parent {
            Some(p) if p == current => Place::Continues,
            Some(p) => self.seen.iter().find(|(h, _)| *h == p).map_or(Place::Unknown, |(_, s)| Place::Missed(s)),
            None => Place::Unknown,
        }
    }
}

/// A version's name as the index stores it: hex (JSON numbers lose a u64's low bits in
/// JavaScript, and other tools read the index); empty: written where no index was.
pub fn name(version: Version) -> String {
    version.map(|h| format!("{h:016x}")).unwrap_or_default()
}

/// `None`: not a version's name.
pub fn parse_name(name: &str) -> Option<Version> {
    if name.is_empty() {
        return Some(None);
    }
    u64::from_str_radix(name, 16).ok().map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(unit: &str) -> Workspace {
        Workspace { unit: unit.into(), ..Workspace::default() }
    }

    #[test]
    fn the_tabs_own_version_and_one_written_over_it() {
        let lineage = Lineage::new(Some(1), settings("O"));
        assert_eq!(lineage.place(1, None), Place::Ours);
        assert_eq!(lineage.place(2, Some(Some(1))), Place::Continues);
    }

    #[test]
    fn a_write_over_an_earlier_version_missed_ours_and_merges_from_that_version() {
        // Both tabs read O (1); this one wrote A (2); the other wrote B (3) over O.
        let mut lineage = Lineage::new(Some(1), settings("O"));
        lineage.record(2, settings("A"));
        assert_eq!(lineage.place(3, Some(Some(1))), Place::Missed(&settings("O")));
        // Over A: nothing missed.
        assert_eq!(lineage.place(3, Some(Some(2))), Place::Continues);
    }

    #[test]
    fn two_tabs_that_started_with_no_index() {
        let mut lineage = Lineage::new(None, settings(""));
        assert_eq!(lineage.place(3, Some(None)), Place::Continues);
        lineage.record(2, settings("A"));
        assert_eq!(lineage.place(3, Some(None)), Place::Missed(&settings("")));
        assert_eq!(lineage.place(3, Some(Some(2))), Place::Continues);
    }

    #[test]
    fn versions_not_seen_or_unnamed_are_unknown() {
        let mut lineage = Lineage::new(Some(1), settings("O"));
        lineage.record(2, settings("A"));
        assert_eq!(lineage.place(3, Some(Some(9))), Place::Unknown);
        assert_eq!(lineage.place(3, Some(None)), Place::Unknown);
        assert_eq!(lineage.place(3, None), Place::Unknown);
        assert_eq!(Lineage::new(None, settings("")).place(3, Some(Some(1))), Place::Unknown);
    }

    #[test]
    fn only_the_last_versions_are_kept() {
        let mut lineage = Lineage::new(Some(100), settings("first"));
        for h in 1..KEPT as u64 {
            lineage.record(h, settings(""));
        }
        assert!(matches!(lineage.place(50, Some(Some(100))), Place::Missed(_)));
        lineage.record(KEPT as u64, settings(""));
        assert_eq!(lineage.place(50, Some(Some(100))), Place::Unknown);
        assert_eq!(lineage.current(), Some(KEPT as u64));
    }

    #[test]
    fn a_version_seen_again_becomes_the_current_one() {
        let mut lineage = Lineage::new(Some(1), settings("O"));
        lineage.record(2, settings("A"));
        lineage.record(1, settings("O"));
        assert_eq!(lineage.current(), Some(1));
        assert_eq!(lineage.base(), settings("O"));
        assert_eq!(lineage.place(3, Some(Some(2))), Place::Missed(&settings("A")));
    }

    #[test]
    fn names_survive_javascript_numbers() {
        for h in [0, 1, u64::MAX, 0x9e37_79b9_7f4a_7c15] {
            assert_eq!(parse_name(&name(Some(h))), Some(Some(h)));
        }
        assert_eq!(name(Some(1)), "0000000000000001");
        assert_eq!(parse_name(&name(None)), Some(None));
        assert_eq!(parse_name("not hex"), None);
    }
}
