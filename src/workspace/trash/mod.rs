//! What a delete took away, so that 「撤销」 can put it back where it was: an application
//! (with its place in the ranking and its 排序意见), a member, a host, a 核销表 row. The
//! [`Trash`] keeps the most recent deletions; each undo restores the last one.

use super::Workspace;
use crate::model::{Application, Host, Member, Reimbursement};

/// How many deletions can be undone, the most recent first.
pub const TRASH_DEPTH: usize = 20;

/// One deletion and where the thing stood.
#[derive(Debug, Clone, PartialEq)]
pub enum Deleted {
    Application {
        /// Its place in `Workspace::applications`.
        index: usize,
        app: Box<Application>,
        /// Its first place in `Workspace::ranking`, if it was ranked.
        rank: Option<usize>,
        /// Its 排序意见, if it had one.
        opinion: Option<String>,
    },
    Member {
        app_id: String,
        index: usize,
        member: Member,
    },
    Host {
        app_id: String,
        index: usize,
        host: Host,
    },
    Reimbursement {
        index: usize,
        row: Reimbursement,
    },
    /// Several applications deleted at once (「删除所选」), in the order they went; one
    /// undo brings them all back.
    Applications(Vec<Deleted>),
}

/// What a restore changed, for saving: the application's own key, the index (ranking,
/// opinions, 核销表, the list of applications), or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    pub applications: Vec<String>,
    pub index: bool,
}

/// Why a deletion could not be undone, in Chinese for the toast.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotRestored(pub String);

impl std::fmt::Display for NotRestored {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Deleted {
    /// Removes application `id` with its ranking entries and its opinion.
    pub fn application(ws: &mut Workspace, id: &str) -> Option<Deleted> {
        let index = ws.applications.iter().position(|a| a.id == id)?;
        let rank = ws.ranking.iter().position(|r| r == id);
        let opinion = ws.opinions.remove(id);
        let app = Box::new(ws.remove(id)?);
        Some(Deleted::Application { index, app, rank, opinion })
    }

    /// Removes the applications `ids` (those still here) as one deletion.
    pub fn applications(ws: &mut Workspace, ids: &[String]) -> Option<Deleted> {
        let mut removed: Vec<Deleted> = ids.iter().filter_map(|id| Deleted::application(ws, id)).collect();
        match removed.len() {
            0 | 1 => removed.pop(),
            _ => Some(Deleted::Applications(removed)),
        }
    }

    /// Removes the member `member_id` of application `app_id`.
    pub fn member(ws: &mut Workspace, app_id: &str, member_id: &str) -> Option<Deleted> {
        let app = ws.applications.iter_mut().find(|a| a.id == app_id)?;
        let index = app.members.iter().position(|m| m.id == member_id)?;
        let member = app.members.remove(index);
        Some(Deleted::Member { app_id: app_id.into(), index, member })
    }

    /// Removes host `index` of application `app_id`.
    pub fn host(ws: &mut Workspace, app_id: &str, index: usize) -> Option<Deleted> {
        let app = ws.applications.iter_mut().find(|a| a.id == app_id)?;
        (index < app.hosts.len()).then(|| Deleted::Host { app_id: app_id.into(), index, host: app.hosts.remove(index) })
    }

    /// Removes 核销表 row `index`.
    pub fn reimbursement(ws: &mut Workspace, index: usize) -> Option<Deleted> {
        (index < ws.reimbursements.len())
            .then(|| Deleted::Reimbursement { index, row: ws.reimbursements.remove(index) })
    }

    /// What was deleted, as the toast names it: 申请「…」, 成员 张三, 境外培训机构 …,
    /// 核销表第 2 行（张三）.
    pub fn label(&self) -> String {
        match self {
            Deleted::Application { app, .. } => format!("申请「{}」", app.display_title()),
            Deleted::Member { index, member, .. } => match member.name.trim() {
                "" => format!("成员 {}", index + 1),
                name => format!("成员 {name}"),
            },
            Deleted::Host { index, host, .. } => match host.name() {
                Some(name) => format!("境外培训机构「{name}」"),
                None => format!("境外培训机构 {}", index + 1),
            },
            Deleted::Reimbursement { index, row } => match row.person.trim() {
                "" => format!("核销表第 {} 行", index + 1),
                person => format!("核销表第 {} 行（{person}）", index + 1),
            },
            Deleted::Applications(all) => format!("{} 份申请", all.len()),
        }
    }

    /// Puts it back where it was (an index past the end: at the end). An application goes
    /// back to its rank; a member or host only into an application that is still here.
    pub fn restore(self, ws: &mut Workspace) -> Result<Restored, NotRestored> {
        let label = self.label();
        match self {
            Deleted::Application { index, app, rank, opinion } => {
                if ws.get(&app.id).is_some() {
                    return Err(NotRestored(format!("{label}已在工作台中，无需恢复。")));
                }
                let id = app.id.clone();
                if let Some(r) = rank
                    && !ws.ranking.contains(&id)
                {
                    ws.ranking.insert(r.min(ws.ranking.len()), id.clone());
                }
                if let Some(o) = opinion {
                    ws.opinions.entry(id.clone()).or_insert(o);
                }
                ws.applications.insert(index.min(ws.applications.len()), *app);
                Ok(Restored { applications: vec![id], index: true })
            }
            Deleted::Member { app_id, index, member } => {
                let app = owner(ws, &app_id, &label)?;
                if !member.id.is_empty() && app.members.iter().any(|m| m.id == member.id) {
                    return Err(NotRestored(format!("{label}已在申请中，无需恢复。")));
                }
                app.members.insert(index.min(app.members.len()), member);
                Ok(Restored { applications: vec![app_id], index: false })
            }
            Deleted::Host { app_id, index, host } => {
                let app = owner(ws, &app_id, &label)?;
                app.hosts.insert(index.min(app.hosts.len()), host);
                Ok(Restored { applications: vec![app_id], index: false })
            }
            Deleted::Reimbursement { index, row } => {
                if !row.id.is_empty() && ws.reimbursements.iter().any(|r| r.id == row.id) {
                    return Err(NotRestored(format!("{label}已在核销表中，无需恢复。")));
                }
                ws.reimbursements.insert(index.min(ws.reimbursements.len()), row);
                Ok(Restored { applications: Vec::new(), index: true })
            }
            Deleted::Applications(all) => {
                // The last removed goes back first, so that each index is the one it had.
                let mut back: Vec<String> =
                    all.into_iter().rev().filter_map(|d| d.restore(ws).ok()).flat_map(|r| r.applications).collect();
                if back.is_empty() {
                    return Err(NotRestored(format!("{label}都已在工作台中，无需恢复。")));
                }
                back.reverse();
                Ok(Restored { applications: back, index: true })
            }
        }
    }
}

/// The application a member or host goes back into, or why it cannot.
fn owner<'a>(ws: &'a mut Workspace, app_id: &str, label: &str) -> Result<&'a mut Application, NotRestored> {
    ws.applications
        .iter_mut()
        .find(|a| a.id == app_id)
        .ok_or_else(|| NotRestored(format!("{label}所在的申请已不在工作台中，无法恢复。")))
}

/// The last [`TRASH_DEPTH`] deletions, the most recent last.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Trash {
    entries: Vec<Deleted>,
    /// How many deletions were ever pushed: changes with each delete, never with an undo.
    deletions: u64,
    /// Why the last undo could not restore, until the next delete or undo.
    pub failed: Option<NotRestored>,
}

impl Trash {
    /// Remembers a deletion; the oldest is forgotten past [`TRASH_DEPTH`].
    pub fn push(&mut self, d: Deleted) {
        if self.entries.len() == TRASH_DEPTH {
            self.entries.remove(0);
        }
        self.entries.push(d);
        self.deletions += 1;
        self.failed = None;
    }

    /// Takes the most recent deletion out, to restore it.
    pub fn pop(&mut self) -> Option<Deleted> {
        self.entries.pop()
    }

    /// Undoes the most recent deletion; `None` when there is nothing to undo. A failure is
    /// kept in `failed` too, for the toast.
    pub fn undo(&mut self, ws: &mut Workspace) -> Option<Result<Restored, NotRestored>> {
        let result = self.pop()?.restore(ws);
        self.failed = result.as_ref().err().cloned();
        Some(result)
    }

    /// The deletion the next undo restores.
    pub fn last(&self) -> Option<&Deleted> {
        self.entries.last()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// A count that changes with every delete (and not with an undo): the toast's timer
    /// restarts on it.
    pub fn deletions(&self) -> u64 {
        self.deletions
    }

    /// Takes application `id`'s deletion out (alone, or out of a 「删除所选」 group, whose
    /// undo then restores the others): another tab's version of it is now the question.
    pub fn take_application(&mut self, id: &str) -> Option<Deleted> {
        let is = |d: &Deleted| matches!(d, Deleted::Application { app, .. } if app.id == id);
        for i in (0..self.entries.len()).rev() {
            match &mut self.entries[i] {
                d if is(d) => return Some(self.entries.remove(i)),
                Deleted::Applications(all) => {
                    if let Some(j) = all.iter().position(is) {
                        let taken = all.remove(j);
                        if all.is_empty() {
                            self.entries.remove(i);
                        }
                        return Some(taken);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// Makes every deletion final.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.failed = None;
    }
}

#[cfg(test)]
mod tests;
