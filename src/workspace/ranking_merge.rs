//! Two tabs changing the unit's ranking (总体排序, the order an HR office reports) at once: a
//! three-way merge against the version both tabs last shared. A side that only added or took
//! out applications did not reorder: the other side's order stands, with those additions
//! and removals. Both reordering to the same order is no clash. Both reordering differently
//! is a clash the user settles: which tab saved last never decides a ranking.

use std::collections::BTreeSet;

/// The two orders of a ranking both tabs reordered differently, each with the other side's
/// additions and removals: the user keeps one.
#[derive(Debug, Clone, PartialEq)]
pub struct RankingChoice {
    /// This tab's order.
    pub mine: Vec<String>,
    /// The other tab's order.
    pub theirs: Vec<String>,
}

impl RankingChoice {
    /// The other tab's order chosen while this tab's ranking is `now` (it may have changed
    /// since the clash): what this tab added since stays, at the end; what it took out
    /// stays out.
    pub fn take_theirs(&self, now: &[String]) -> Vec<String> {
        let in_now: BTreeSet<&str> = now.iter().map(String::as_str).collect();
        let in_mine: BTreeSet<&str> = self.mine.iter().map(String::as_str).collect();
        let mut out: Vec<String> = self
            .theirs
            .iter()
            .filter(|id| in_now.contains(id.as_str()) || !in_mine.contains(id.as_str()))
            .cloned()
            .collect();
        let mut here: BTreeSet<String> = out.iter().cloned().collect();
        for id in now {
            if !in_mine.contains(id.as_str()) && here.insert(id.clone()) {
                out.push(id.clone());
            }
        }
        out
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum RankingMerge {
    Merged(Vec<String>),
    Clash(RankingChoice),
}

/// `base`: the ranking this tab last wrote or read; `ours`: this tab's now; `theirs`: what
/// another tab stored since.
pub fn merge_ranking(base: &[String], ours: &[String], theirs: &[String]) -> RankingMerge {
    let in_ours: BTreeSet<&str> = ours.iter().map(String::as_str).collect();
    let in_theirs: BTreeSet<&str> = theirs.iter().map(String::as_str).collect();
    // The order each side gave the applications both still rank: what it decided.
    let shared = |list: &[String]| -> Vec<String> {
        list.iter().filter(|id| in_ours.contains(id.as_str()) && in_theirs.contains(id.as_str())).cloned().collect()
    };
    let (b, o, t) = (shared(base), shared(ours), shared(theirs));
    let mine = with_changes(ours, theirs, base);
    let their_order = with_changes(theirs, ours, base);
    if o == b {
        RankingMerge::Merged(their_order)
    } else if t == b || o == t {
        RankingMerge::Merged(mine)
    } else {
        RankingMerge::Clash(RankingChoice { mine, theirs: their_order })
    }
}

/// `order`, less what `other` took out of `base`, plus what `other` added (at the end).
fn with_changes(order: &[String], other: &[String], base: &[String]) -> Vec<String> {
    let in_base: BTreeSet<&str> = base.iter().map(String::as_str).collect();
    let in_other: BTreeSet<&str> = other.iter().map(String::as_str).collect();
    let mut out: Vec<String> =
        order.iter().filter(|id| !in_base.contains(id.as_str()) || in_other.contains(id.as_str())).cloned().collect();
    let mut here: BTreeSet<String> = out.iter().cloned().collect();
    for id in other {
        if !in_base.contains(id.as_str()) && here.insert(id.clone()) {
            out.push(id.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(ids: &str) -> Vec<String> {
        ids.chars().map(String::from).collect()
    }

    fn merged(base: &str, ours: &str, theirs: &str) -> RankingMerge {
        merge_ranking(&s(base), &s(ours), &s(theirs))
    }

    #[test]
    fn only_one_side_reordered_takes_that_order() {
        assert_eq!(merged("abc", "cab", "abc"), RankingMerge::Merged(s("cab")));
        assert_eq!(merged("abc", "abc", "bca"), RankingMerge::Merged(s("bca")));
        assert_eq!(merged("abc", "abc", "abc"), RankingMerge::Merged(s("abc")));
    }

    #[test]
    fn both_reordered_the_same_way_is_no_clash() {
        assert_eq!(merged("abc", "cba", "cba"), RankingMerge::Merged(s("cba")));
    }

    #[test]
    fn both_reordered_differently_is_a_clash_offering_both_orders() {
        assert_eq!(
            merged("abc", "cab", "bca"),
            RankingMerge::Clash(RankingChoice { mine: s("cab"), theirs: s("bca") })
        );
        // Ranked for the first time in both tabs, differently (the base ranked nothing).
        assert_eq!(merged("", "ba", "ab"), RankingMerge::Clash(RankingChoice { mine: s("ba"), theirs: s("ab") }));
    }

    #[test]
    fn additions_and_removals_are_not_reorderings() {
        // Ours took b out (a deletion), theirs reordered: theirs' order without b.
        assert_eq!(merged("abcd", "acd", "dcba"), RankingMerge::Merged(s("dca")));
        // Ours added e, theirs reordered: theirs' order, then e.
        assert_eq!(merged("abc", "abce", "cba"), RankingMerge::Merged(s("cbae")));
        // Theirs took a out and added d, ours reordered: ours' order, less a, plus d.
        assert_eq!(merged("abc", "cba", "bcd"), RankingMerge::Merged(s("cbd")));
    }

    #[test]
    fn a_clash_carries_each_sides_additions_and_removals_in_both_orders() {
        // Ours reordered and added x; theirs reordered, took a out and added y.
        assert_eq!(
            merged("abcd", "dcbax", "cbdy"),
            RankingMerge::Clash(RankingChoice { mine: s("dcbxy"), theirs: s("cbdyx") })
        );
        // Theirs only took a out and added y (b, c, d in the base's order): ours' order.
        assert_eq!(merged("abcd", "dcbax", "bcdy"), RankingMerge::Merged(s("dcbxy")));
    }

    #[test]
    fn taking_their_order_keeps_what_this_tab_changed_since() {
        let choice = RankingChoice { mine: s("cab"), theirs: s("bca") };
        assert_eq!(choice.take_theirs(&s("cab")), s("bca"));
        // Since the clash this tab ranked d and deleted a.
        assert_eq!(choice.take_theirs(&s("cdb")), s("bcd"));
    }
}
