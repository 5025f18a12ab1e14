use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{CountryCode, Gender, TitleLevel};

/// A group member. `exit_date`, `return_date` and `country` appear only on a partner's
/// member card: what that member expects, compared with the group's by `same-period`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Member {
    pub id: String,
    pub name: String,
    pub gender: Option<Gender>,
    pub birth_date: Option<NaiveDate>,
    pub unit: String,
    /// 在册职工; `None` until the person says.
    pub registered_staff: Option<bool>,
    pub title: String,
    pub title_level: Option<TitleLevel>,
    pub position: String,
    pub discipline: String,
    pub foreign_language: String,
    pub is_leader: bool,
    pub phone: String,
    pub email: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exit_date: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_date: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
}

impl Member {
    /// How this member is named in messages: the name, or 第 N 位成员 when it is empty.
    pub fn display_name(&self, index: usize) -> String {
        let name = self.name.trim();
        if super::text::is_blank(name) { format!("第 {} 位成员", index + 1) } else { name.to_string() }
    }

    /// Who this is, to tell the same person twice: the name as compared
    /// (`text::name_key`: 「王　五」 = 「王五」) and the birth date; `None` while either is
    /// missing (such a member is compared with no one).
    pub fn person(&self) -> Option<(String, NaiveDate)> {
        let born = self.birth_date?;
        let name = super::text::name_key(&self.name);
        (!name.is_empty()).then_some((name, born))
    }
}
