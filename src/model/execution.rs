use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Category;

/// After approval (notice 二(四)–(七)).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Execution {
    pub status: ExecutionStatus,
    pub approved_category: Option<Category>,
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
    pub fn label(self) -> &'static str {
        match self {
            SharingForm::Talk => "学术报告",
            SharingForm::Experience => "经验分享",
            SharingForm::Training => "培训",
            SharingForm::Other => "其他",
        }
    }
}

/// Money in integer fen (分): never floating point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Money(pub i64);

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, o: Money) -> Money {
        Money(self.0 + o.0)
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(it: I) -> Money {
        it.fold(Money(0), |a, b| a + b)
    }
}

impl std::fmt::Display for Money {
    /// ¥1,234.56
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let fen = self.0.unsigned_abs();
        let yuan = (fen / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in yuan.chars().enumerate() {
            if i > 0 && (yuan.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        write!(f, "{sign}¥{grouped}.{:02}", fen % 100)
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
}

impl Reimbursement {
    pub fn total(&self) -> Money {
        [self.international_travel, self.accommodation, self.meals, self.incidentals, self.training_fee, self.other]
            .into_iter()
            .sum()
    }

    /// 单位负担: what neither the ministry nor the academy pays.
    pub fn unit_share(&self) -> Money {
        Money(self.total().0 - self.ministry_funding.0 - self.academy_funding.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_exact_and_formatted() {
        assert_eq!((Money(10) + Money(20)).to_string(), "¥0.30");
        assert_eq!(Money(123_456).to_string(), "¥1,234.56");
        assert_eq!(Money(100_000_000).to_string(), "¥1,000,000.00");
        assert_eq!(Money(-5).to_string(), "-¥0.05");
    }
}
