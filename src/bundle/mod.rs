//! Bundles (SPEC §4): the shared file format. `parse` reads one, `export` writes one,
//! `plan_import` previews what importing it would change and `apply` commits that preview
//! to a new workspace, all or nothing. `migrate` keeps old files opening.

mod apply;
mod batch;
mod card;
mod check;
mod export;
mod format;
mod ids;
mod labels;
mod merge;
mod migrate;
mod parse;
mod plan;
mod result;
mod result_plan;
mod result_rows;
mod rule_sets;

/// What a bundle file that cannot be read gets: the file readers' one error (`json`).
pub use crate::json::{ErrorKind, ReadError as BundleError, describe_value};
pub use apply::{ApplyError, Choice, Resolution, Resolutions, apply};
pub use batch::{Batch, FileReport, MAX_APPLICATIONS, MAX_BYTES, commit, prepare};
pub use card::CardDraft;
pub use check::{MEMBER_CARD_ID, check_bundle, check_member_card, workspace_of};
pub use export::{export, file_name, mark_exported, to_text};
pub use format::{Bundle, FILE_SUFFIX, FORMAT, Kind};
pub use ids::{Renamed, usable_id};
pub use merge::{FieldConflict, diff, merge};
pub use migrate::{CURRENT_VERSION, migrate};
pub use parse::parse;
pub use plan::{
    Action, ImportPlan, MemberAction, MemberItem, PlanError, PlanItem, Unchanged, plan_import, plan_member_import,
};
pub use result::{ISSUER, export_result, result_file_name};
pub use result_plan::{ResultChange, ResultField, ResultItem, ResultPlan, apply_results, plan_results};
pub use result_rows::{ResultProblem, ResultProblemKind};
pub use rule_sets::{RuleSetChoices, RuleSetOffer};
