use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Category, CountryCode, Execution, Member};

/// 附件1: one application for one group. Field names are SPEC §2's.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Application {
    pub id: String,
    /// +1 on each saved change.
    pub revision: u64,
    pub updated_at: Option<DateTime<FixedOffset>>,
    /// Versions this copy descends from, `(revision, content hash)`, recorded when a copy
    /// is exported or imported; it is how import tells an update from a conflict.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<SyncPoint>,
    /// The id of the rule-set (round) it was made under, e.g. `cas-2020`; empty in files
    /// from before rule-sets could be chosen.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub rule_set: String,
    pub title: String,
    pub category: Option<Category>,
    /// 重点领域专项 numbers, 1-based in the order of the notice's list (一(四)).
    pub special_topics: Vec<u8>,
    pub priority: Priority,
    pub country: Option<CountryCode>,
    pub hosts: Vec<Host>,
    pub duration_days: Option<u32>,
    pub exit_date: Option<NaiveDate>,
    pub return_date: Option<NaiveDate>,
    pub rationale: String,
    pub content: String,
    pub objectives: String,
    pub sharing_plan: String,
    pub lead_unit: String,
    pub contact: Contact,
    pub members: Vec<Member>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub execution: Option<Execution>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncPoint {
    pub revision: u64,
    pub hash: u64,
}

/// 优先条件 (notice 二(二)).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Priority {
    pub innovation_fields: bool,
    pub three_majors: bool,
    pub four_institutions: bool,
    pub national_major_tasks: bool,
    pub strategic_priority_program: bool,
    pub cas_key_project: bool,
    pub priority_note: String,
}

impl Priority {
    /// The flags by their rule-set keys, in SPEC order.
    pub fn flags(&self) -> [(&'static str, bool); 6] {
        [
            ("innovation_fields", self.innovation_fields),
            ("three_majors", self.three_majors),
            ("four_institutions", self.four_institutions),
            ("national_major_tasks", self.national_major_tasks),
            ("strategic_priority_program", self.strategic_priority_program),
            ("cas_key_project", self.cas_key_project),
        ]
    }
}

/// 境外培训机构.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Host {
    pub name_zh: String,
    pub name_en: String,
    /// Absent means the application's country.
    pub country: Option<CountryCode>,
    pub city: String,
    pub website: String,
    pub contact: String,
}

impl Host {
    /// The name to show: the Chinese name, else the English one; `None` while both are blank.
    pub fn name(&self) -> Option<&str> {
        [&self.name_zh, &self.name_en].into_iter().map(|n| n.trim()).find(|n| !super::text::is_blank(n))
    }

    /// Whether the row names a host: a row without a name counts as no host for the
    /// `required`, `host-count` and `city-count` rules (`required` reports the row).
    pub fn is_named(&self) -> bool {
        self.name().is_some()
    }
}

/// 联系人.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    pub name: String,
    pub phone: String,
    pub email: String,
}

impl Application {
    /// The title as the UI shows it: 「未命名申请」 while there is none.
    pub fn display_title(&self) -> String {
        let t = self.title.trim();
        if t.is_empty() { "未命名申请".into() } else { t.to_string() }
    }

    /// The member marked as leader, if exactly one is.
    pub fn leader(&self) -> Option<(usize, &Member)> {
        let mut leaders = self.members.iter().enumerate().filter(|(_, m)| m.is_leader);
        match (leaders.next(), leaders.next()) {
            (Some(l), None) => Some(l),
            _ => None,
        }
    }

    /// The hosts' distinct cities, as first typed: trimmed, compared by `text::place_key`
    /// ("Berlin" = "ｂｅｒｌｉｎ "), blanks left out.
    pub fn cities(&self) -> Vec<&str> {
        distinct_cities(&self.hosts)
    }

    /// Still in the running for a place in the plan: not rejected (未获批) or cancelled
    /// (已取消). The plan numbers and 附件2's totals against the plan count only these.
    pub fn in_the_running(&self) -> bool {
        use super::ExecutionStatus::{Cancelled, Rejected};
        self.execution.as_ref().is_none_or(|e| !matches!(e.status, Rejected | Cancelled))
    }

    /// How many persons the members are: the same name and birth date twice is one person
    /// (`duplicate-person` reports the repeat); a member not yet identified counts alone.
    pub fn distinct_persons(&self) -> usize {
        let mut seen = std::collections::BTreeSet::new();
        self.members.iter().filter(|m| m.person().is_none_or(|p| seen.insert(p))).count()
    }

    /// The hosts that count: the rows with a name.
    pub fn named_hosts(&self) -> impl Iterator<Item = &Host> {
        self.hosts.iter().filter(|h| h.is_named())
    }

    /// Training days from exit to return, both days counted (SPEC §2).
    pub fn span_days(&self) -> Option<i64> {
        Some(crate::calendar::days_inclusive(self.exit_date?, self.return_date?))
    }

    /// A hash of everything a person typed (not id, revision, time, history or rule-set),
    /// so that two copies with equal content are recognised as equal.
    pub fn content_hash(&self) -> u64 {
        let content = Application {
            id: String::new(),
            revision: 0,
            updated_at: None,
            history: Vec::new(),
            rule_set: String::new(),
            ..self.clone()
        };
        // Plain structs always serialise. Through a Vec, not straight into the hasher: one
        // serde_json writer type for the whole app keeps the wasm smaller.
        fnv1a(&serde_json::to_vec(&content).unwrap_or_default())
    }

    pub fn sync_point(&self) -> SyncPoint {
        SyncPoint { revision: self.revision, hash: self.content_hash() }
    }

    /// Records a saved change: revision +1 and the time.
    pub fn touch(&mut self, now: DateTime<FixedOffset>) {
        // Saturating: an imported file may carry any revision, up to u64::MAX.
        self.revision = self.revision.saturating_add(1);
        self.updated_at = Some(now);
    }

    /// Remembers the current version as one this copy descends from (export, import).
    pub fn record_sync_point(&mut self) {
        self.record_version(self.sync_point());
    }

    /// [`Application::record_sync_point`] with the version already known (its content hash
    /// computed elsewhere), saving a hash of the whole application.
    pub(crate) fn record_version(&mut self, p: SyncPoint) {
        const KEEP: usize = 64;
        debug_assert_eq!(p, self.sync_point());
        if !self.history.contains(&p) {
            self.history.push(p);
        }
        let excess = self.history.len().saturating_sub(KEEP);
        self.history.drain(..excess);
    }
}

/// The distinct cities of `hosts` as [`Application::cities`] counts them.
pub fn distinct_cities<'a>(hosts: impl IntoIterator<Item = &'a Host>) -> Vec<&'a str> {
    let mut seen = std::collections::BTreeSet::new();
    hosts
        .into_iter()
        .map(|h| h.city.trim())
        .filter(|c| !super::text::is_blank(c) && seen.insert(super::text::place_key(c)))
        .collect()
}

/// FNV-1a of a text: tells whether a stored value is still the one a tab last saw.
pub fn text_hash(s: &str) -> u64 {
    fnv1a(s.as_bytes())
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_object_is_a_valid_draft() {
        let a: Application = serde_json::from_str("{}").unwrap();
        assert_eq!(a, Application::default());
    }

    #[test]
    fn content_hash_ignores_bookkeeping_but_not_content() {
        let a = Application { id: "a".into(), title: "量子".into(), ..Default::default() };
        let mut b = a.clone();
        b.id = "b".into();
        b.revision = 9;
        assert_eq!(a.content_hash(), b.content_hash());
        b.title.push('x');
        assert_ne!(a.content_hash(), b.content_hash());
    }

    #[test]
    fn span_counts_both_days() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let a = Application { exit_date: d("2020-06-01"), return_date: d("2020-06-14"), ..Default::default() };
        assert_eq!(a.span_days(), Some(14));
    }
}
