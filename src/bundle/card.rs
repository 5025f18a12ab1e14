//! The member card being filled on 成员信息卡 (stored under its own key, `peixun/card`):
//! one member and the category they apply under, edited as the only member of a stand-in
//! application ([`MEMBER_CARD_ID`]) and exported as a `member` bundle.

use serde::{Deserialize, Serialize};

use super::MEMBER_CARD_ID;
use crate::model::{Application, Category, Member};

/// The card and the category the member applies under (for the age limit).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CardDraft {
    pub member: Member,
    pub category: Option<Category>,
}

impl CardDraft {
    /// The card as the only member of an application, so the editor's parts can edit it.
    pub fn as_application(&self) -> Application {
        Application {
            id: MEMBER_CARD_ID.into(),
            category: self.category,
            exit_date: self.member.exit_date,
            return_date: self.member.return_date,
            country: self.member.country,
            members: vec![self.member.clone()],
            ..Default::default()
        }
    }

    pub fn take_back(&mut self, app: Application) {
        self.category = app.category;
        if let Some(mut m) = app.members.into_iter().next() {
            m.exit_date = app.exit_date;
            m.return_date = app.return_date;
            m.country = app.country;
            m.is_leader = false;
            self.member = m;
        }
    }
}
