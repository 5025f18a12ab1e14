use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Category, CountryCode, Money};

/// After approval (notice 二(四)–(七)).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Execution {
    pub status: ExecutionStatus,
    pub approved_category: Option<Category>,
    /// The academy's funding for the group (院层面资助金额, 二(六)), from the bureau's result.
    /// Left out of files while unset, so records made before it keep their content hash.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub academy_funding: Option<Money>,
    /// The bureau's note with its decision (人事局遴选意见).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub selection_note: String,
    /// 合作意向书 signed.
    pub intent_letter_signed: Option<NaiveDate>,
    pub actual_exit_date: Option<NaiveDate>,
    pub actual_return_date: Option<NaiveDate>,
    /// The training summary was handed in.
    pub summary_submitted: Option<NaiveDate>,
    pub summary_file: String,
    pub sharing: Vec<SharingActivity>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExecutionStatus {
    #[default]
    Pending,
    Approved,
    Rejected,
    Done,
    Cancelled,
}

impl ExecutionStatus {
    pub fn label(self) -> &'static str {
        match self {
            ExecutionStatus::Pending => "待审批",
            ExecutionStatus::Approved => "已批准",
            ExecutionStatus::Rejected => "未获批",
            ExecutionStatus::Done => "已执行",
            ExecutionStatus::Cancelled => "已取消",
        }
    }
}

/// 回国后成果分享 (notice 二(七)).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SharingActivity {
    pub date: Option<NaiveDate>,
    pub form: Option<SharingForm>,
    pub audience: Option<u32>,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SharingForm {
    Talk,
    Experience,
    Training,
    Other,
}

impl SharingForm {
    pub const ALL: [SharingForm; 4] =
        [SharingForm::Talk, SharingForm::Experience, SharingForm::Training, SharingForm::Other];

    pub fn label(self) -> &'static str {
        match self {
            SharingForm::Talk => "学术报告",
            SharingForm::Experience => "经验分享",
            SharingForm::Training => "培训",
            SharingForm::Other => "其他",
        }
    }
}

/// One row of 《中国科学院因公出国（境）院内资助费用核销表（单位）》: one person, one trip.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Reimbursement {
    pub id: String,
    pub application_id: String,
    pub person: String,
    /// The day the expense is booked; must lie in the settlement period (二(六)).
    pub expense_date: Option<NaiveDate>,
    pub international_travel: Money,
    pub accommodation: Money,
    pub meals: Money,
    pub incidentals: Money,
    pub training_fee: Money,
    pub other: Money,
    pub ministry_funding: Money,
    pub academy_funding: Money,
    /// For a trip with no application in this workspace (the period starts in September of
    /// the previous program year): what the 核销表 shows where the application, if any,
    /// has no title, country or actual dates of its own.
    pub project: String,
    pub country: Option<CountryCode>,
    pub exit_date: Option<NaiveDate>,
    pub return_date: Option<NaiveDate>,
}

impl Reimbursement {
    pub fn total(&self) -> Money {
        [self.international_travel, self.accommodation, self.meals, self.incidentals, self.training_fee, self.other]
            .into_iter()
            .sum()
    }

    /// 单位负担: what neither the ministry nor the academy pays.
    pub fn unit_share(&self) -> Money {
        self.total() - self.ministry_funding - self.academy_funding
    }
}
