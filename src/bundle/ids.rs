//! Application ids from other programs: an empty id, or one with a character that breaks
//! the app's routes (`#/apply/<id>`), is replaced on import by a fresh one. The new id is
//! derived from the original and the content, so importing the same file again finds the
//! same application instead of adding a copy, and two id-less applications both arrive.

use super::format::Bundle;
use crate::model::text_hash;

/// An id the app can route to: not empty, no `/`, `?`, `#`, `%`, white space or control
/// characters, at most 100 characters.
pub fn usable_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().count() <= 100
        && !id.chars().any(|c| matches!(c, '/' | '?' | '#' | '%' | '\\') || c.is_whitespace() || c.is_control())
}

/// One application whose id was replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renamed {
    pub from: String,
    pub to: String,
    pub title: String,
}

/// Gives every application of `bundle` with an unusable id a fresh one (and follows it in
/// the ranking); returns what was renamed.
pub fn fresh_ids(bundle: &mut Bundle) -> Vec<Renamed> {
    let mut renamed = Vec::new();
    for i in 0..bundle.applications.len() {
        let app = &bundle.applications[i];
        if usable_id(&app.id) {
            continue;
        }
        let from = app.id.clone();
        let seed = format!("{from}\u{0}{}", app.content_hash());
        let mut n = 0u32;
        let to = loop {
            let candidate = uuid_like(&format!("{seed}\u{0}{n}"));
            if !bundle.applications.iter().any(|a| a.id == candidate) {
                break candidate;
            }
            n += 1;
        };
        if !from.is_empty() {
            for r in bundle.ranking.iter_mut().filter(|r| **r == from) {
                r.clone_from(&to);
            }
        }
        bundle.applications[i].id.clone_from(&to);
        renamed.push(Renamed { from, to, title: bundle.applications[i].display_title() });
    }
    renamed
}

/// 8-4-4-4-12 hex digits from two hashes of `seed` (a version-less, UUID-shaped id).
fn uuid_like(seed: &str) -> String {
    let (a, b) = (text_hash(seed), text_hash(&format!("{seed}\u{1}")));
    let hex = format!("{a:016x}{b:016x}");
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::Kind;
    use crate::model::Application;

    fn app(id: &str, title: &str) -> Application {
        Application { id: id.into(), title: title.into(), ..Default::default() }
    }

    #[test]
    fn only_ids_that_break_a_route_are_replaced() {
        for ok in ["3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01", "app-1", "申请一"] {
            assert!(usable_id(ok), "{ok}");
        }
        for bad in ["", "a/b", "a?b", "a#b", "a b", "50%", "a\\b", "x\n"] {
            assert!(!usable_id(bad), "{bad:?}");
        }
    }

    #[test]
    fn two_id_less_applications_both_get_one_and_the_ranking_follows() {
        let mut b = Bundle::new(Kind::Unit);
        b.applications = vec![app("", "甲"), app("", "乙"), app("a/b", "丙"), app("ok", "丁")];
        b.ranking = vec!["a/b".into(), "ok".into()];
        let renamed = fresh_ids(&mut b);
        assert_eq!(
            renamed.iter().map(|r| (r.from.as_str(), r.title.as_str())).collect::<Vec<_>>(),
            [("", "甲"), ("", "乙"), ("a/b", "丙")]
        );
        let ids: Vec<&str> = b.applications.iter().map(|a| a.id.as_str()).collect();
        assert!(ids[..3].iter().all(|id| usable_id(id) && id.len() == 36), "{ids:?}");
        assert_ne!(ids[0], ids[1]);
        assert_eq!(ids[3], "ok");
        assert_eq!(b.ranking, [ids[2], "ok"]);
    }

    #[test]
    fn the_same_file_gets_the_same_ids_again() {
        let make = || {
            let mut b = Bundle::new(Kind::Application);
            b.applications = vec![app("", "甲"), app("x/y", "乙")];
            fresh_ids(&mut b);
            b.applications.iter().map(|a| a.id.clone()).collect::<Vec<_>>()
        };
        assert_eq!(make(), make());
    }
}
