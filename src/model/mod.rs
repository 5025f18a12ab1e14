//! The data people type: applications (附件1), members, execution records, the workspace.
//! Plain serde structs with SPEC §2 field names. A draft is incomplete by nature: every
//! field may be missing and still parse; gaps are findings of the `required` rule.

mod application;
mod countries;
mod country;
pub mod date_text;
mod enums;
mod execution;
mod member;
mod money;
mod selection;
pub mod text;
pub mod unit_name;

pub use application::{Application, Contact, Host, Priority, SyncPoint, distinct_cities, text_hash};
pub use countries::{COUNTRIES, country_name};
pub use country::CountryCode;
pub use enums::{Category, Gender, TitleLevel};
pub use execution::{Execution, ExecutionStatus, Reimbursement, SharingActivity, SharingForm};
pub use member::Member;
pub use money::Money;
pub use selection::{Decision, Selection};
