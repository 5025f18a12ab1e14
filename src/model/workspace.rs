use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Application, Reimbursement};

/// Everything one browser (or one unit bundle) holds.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Workspace {
    /// This unit's name; empty for a researcher's own workspace.
    pub unit: String,
    pub applications: Vec<Application>,
    /// Application ids, first = rank 1 (总体排序, 二(一)).
    pub ranking: Vec<String>,
    /// The unit's own closure days, on top of the rule-set's calendar.
    pub closure_days: Vec<NaiveDate>,
    pub reimbursements: Vec<Reimbursement>,
    /// The unit's short opinion per application id, for 单位总体排序意见.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub opinions: BTreeMap<String, String>,
}

impl Workspace {
    pub fn get(&self, id: &str) -> Option<&Application> {
        self.applications.iter().find(|a| a.id == id)
    }

    /// Replaces the application with the same id, or appends it.
    pub fn upsert(&mut self, app: Application) {
        match self.applications.iter_mut().find(|a| a.id == app.id) {
            Some(slot) => *slot = app,
            None => self.applications.push(app),
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<Application> {
        let i = self.applications.iter().position(|a| a.id == id)?;
        self.ranking.retain(|r| r != id);
        Some(self.applications.remove(i))
    }
}
