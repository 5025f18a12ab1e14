use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::migrate::CURRENT_VERSION;
use crate::model::{Application, Member, Selection};
use crate::rule_set::RuleSet;

/// The `format` value that marks a file as ours.
pub const FORMAT: &str = "peixun-bundle";

/// File names end with this (SPEC §4).
pub const FILE_SUFFIX: &str = ".peixun.json";

/// One shared file (SPEC §4). Field order here is the order in exported files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub format: String,
    pub version: u64,
    pub kind: Kind,
    /// When the file was written; other programs may leave it out.
    #[serde(default)]
    pub exported_at: Option<DateTime<FixedOffset>>,
    /// The rule-set the sender checked against, e.g. `cas-2020`.
    #[serde(default)]
    pub rule_set: String,
    /// The sending unit's name.
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub applications: Vec<Application>,
    /// A partner's member card (kind `member`).
    #[serde(default)]
    pub members: Vec<Member>,
    /// Application ids, first = rank 1 (kind `unit`).
    #[serde(default)]
    pub ranking: Vec<String>,
    /// Who decided (kind `result`): 「中国科学院人事局」.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub issuer: String,
    /// The day of the decision (kind `result`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// The bureau's outcome per application (kind `result`; see `result.rs`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<Selection>,
    /// The rule-set itself when it is not the embedded one, so that the receiver can check
    /// against the same numbers (it is offered on import).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<RuleSet>,
}

/// What a bundle carries, and so how it is imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// One or more applications, from a leader.
    Application,
    /// One partner member's card, for a leader to add to a group.
    Member,
    /// An HR office's whole submission, with its ranking.
    Unit,
    /// The bureau's selection results, back to the units.
    Result,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Application, Kind::Member, Kind::Unit, Kind::Result];

    pub fn key(self) -> &'static str {
        match self {
            Kind::Application => "application",
            Kind::Member => "member",
            Kind::Unit => "unit",
            Kind::Result => "result",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Application => "申请",
            Kind::Member => "成员卡",
            Kind::Unit => "单位汇总",
            Kind::Result => "遴选结果",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == s)
    }
}

impl Bundle {
    /// An empty bundle of `kind` in the current format version.
    pub fn new(kind: Kind) -> Bundle {
        Bundle {
            format: FORMAT.into(),
            version: CURRENT_VERSION,
            kind,
            exported_at: None,
            rule_set: String::new(),
            unit: String::new(),
            applications: Vec::new(),
            members: Vec::new(),
            ranking: Vec::new(),
            issuer: String::new(),
            date: None,
            results: Vec::new(),
            rules: None,
        }
    }
}
