//! What a delete took away, so that 「撤销」 can put it back where it was: an application
//! (with its place in the ranking and its 排序意见), a member, a host, a 核销表 row. The
//! [`Trash`] keeps the most recent deletions; each undo restores the last one.

use super::{Application, Host, Member, Reimbursement, Workspace};

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
}

/// What a restore changed, for saving: the application's own key, the index (ranking,
/// opinions, 核销表, the list of applications), or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    pub application: Option<String>,
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

    /// What was deleted, as the toast names it: 申请「…」, 成员 张三, 境外培训机构 …, 核销表第 2 行（张三）.
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
                Ok(Restored { application: Some(id), index: true })
            }
            Deleted::Member { app_id, index, member } => {
                let app = owner(ws, &app_id, &label)?;
                if !member.id.is_empty() && app.members.iter().any(|m| m.id == member.id) {
                    return Err(NotRestored(format!("{label}已在申请中，无需恢复。")));
                }
                app.members.insert(index.min(app.members.len()), member);
                Ok(Restored { application: Some(app_id), index: false })
            }
            Deleted::Host { app_id, index, host } => {
                let app = owner(ws, &app_id, &label)?;
                app.hosts.insert(index.min(app.hosts.len()), host);
                Ok(Restored { application: Some(app_id), index: false })
            }
            Deleted::Reimbursement { index, row } => {
                if !row.id.is_empty() && ws.reimbursements.iter().any(|r| r.id == row.id) {
                    return Err(NotRestored(format!("{label}已在核销表中，无需恢复。")));
                }
                ws.reimbursements.insert(index.min(ws.reimbursements.len()), row);
                Ok(Restored { application: None, index: true })
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

    /// Makes every deletion final.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.failed = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app(id: &str, members: &[&str]) -> Application {
        Application {
            id: id.into(),
            title: format!("{id} 研修"),
            members: members
                .iter()
                .map(|m| Member { id: format!("{id}-{m}"), name: m.to_string(), ..Default::default() })
                .collect(),
            hosts: ["甲", "乙", "丙"]
                .iter()
                .map(|h| Host { name_zh: format!("{h}研究所"), ..Default::default() })
                .collect(),
            ..Default::default()
        }
    }

    /// a, b, c, d; ranked c, a, d, b; opinions on a and d; two 核销表 rows.
    fn ws() -> Workspace {
        let mut w = Workspace {
            applications: vec![app("a", &["张三", "李四", "王五"]), app("b", &[]), app("c", &[]), app("d", &[])],
            ranking: ["c", "a", "d", "b"].map(String::from).to_vec(),
            reimbursements: ["张三", "李四"]
                .iter()
                .enumerate()
                .map(|(i, p)| Reimbursement { id: format!("r{i}"), person: p.to_string(), ..Default::default() })
                .collect(),
            ..Default::default()
        };
        w.opinions.insert("a".into(), "优先".into());
        w.opinions.insert("d".into(), "同意".into());
        w
    }

    fn ids(w: &Workspace) -> Vec<&str> {
        w.applications.iter().map(|a| a.id.as_str()).collect()
    }

    #[test]
    fn an_application_comes_back_at_its_place_rank_and_opinion() {
        let before = ws();
        let mut w = before.clone();
        let d = Deleted::application(&mut w, "a").unwrap();
        assert_eq!(ids(&w), ["b", "c", "d"]);
        assert_eq!(w.ranking, ["c", "d", "b"]);
        assert!(!w.opinions.contains_key("a"));
        assert_eq!(d.label(), "申请「a 研修」");
        assert_eq!(d.restore(&mut w), Ok(Restored { application: Some("a".into()), index: true }));
        assert_eq!(w, before);
    }

    #[test]
    fn an_unranked_application_stays_unranked() {
        let mut before = ws();
        before.ranking = vec!["c".into()];
        let mut w = before.clone();
        Deleted::application(&mut w, "b").unwrap().restore(&mut w).unwrap();
        assert_eq!(w, before);
    }

    #[test]
    fn three_deletes_undone_in_reverse_order() {
        let before = ws();
        let mut w = before.clone();
        let mut trash = Trash::default();
        for id in ["d", "a", "c"] {
            trash.push(Deleted::application(&mut w, id).unwrap());
        }
        assert_eq!(ids(&w), ["b"]);
        assert_eq!(w.ranking, ["b"]);
        assert_eq!(trash.len(), 3);
        assert_eq!(trash.deletions(), 3);
        assert_eq!(trash.last().unwrap().label(), "申请「c 研修」");
        for _ in 0..3 {
            trash.undo(&mut w).unwrap().unwrap();
        }
        assert_eq!(w, before);
        assert!(trash.is_empty());
        assert_eq!(trash.deletions(), 3, "an undo is not a deletion");
        assert_eq!(trash.undo(&mut w), None);
    }

    #[test]
    fn every_kind_in_a_row_undone() {
        let before = ws();
        let mut w = before.clone();
        let mut trash = Trash::default();
        trash.push(Deleted::member(&mut w, "a", "a-李四").unwrap());
        trash.push(Deleted::host(&mut w, "a", 0).unwrap());
        trash.push(Deleted::reimbursement(&mut w, 0).unwrap());
        trash.push(Deleted::application(&mut w, "a").unwrap());
        assert_eq!(w.reimbursements.len(), 1);
        let labels: Vec<String> = trash.entries.iter().map(Deleted::label).collect();
        assert_eq!(labels, ["成员 李四", "境外培训机构「甲研究所」", "核销表第 1 行（张三）", "申请「a 研修」"]);
        while let Some(r) = trash.undo(&mut w) {
            r.unwrap();
        }
        assert_eq!(w, before);
    }

    #[test]
    fn a_member_and_a_host_come_back_at_their_place() {
        let before = ws();
        let mut w = before.clone();
        let d = Deleted::member(&mut w, "a", "a-李四").unwrap();
        assert_eq!(w.applications[0].members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["张三", "王五"]);
        assert_eq!(d.clone().restore(&mut w), Ok(Restored { application: Some("a".into()), index: false }));
        assert_eq!(w, before);
        let h = Deleted::host(&mut w, "a", 1).unwrap();
        assert_eq!(w.applications[0].hosts.len(), 2);
        h.restore(&mut w).unwrap();
        assert_eq!(w, before);
        assert_eq!(Deleted::host(&mut w, "a", 3), None);
        assert_eq!(Deleted::member(&mut w, "a", "nobody"), None);
        assert_eq!(Deleted::member(&mut w, "x", "a-张三"), None);
        assert_eq!(Deleted::reimbursement(&mut w, 2), None);
        assert_eq!(Deleted::application(&mut w, "x"), None);
        assert_eq!(w, before);
    }

    #[test]
    fn an_index_past_the_end_clamps() {
        let mut w = ws();
        let m = Deleted::member(&mut w, "a", "a-王五").unwrap();
        let h = Deleted::host(&mut w, "a", 2).unwrap();
        let r = Deleted::reimbursement(&mut w, 1).unwrap();
        let a = Deleted::application(&mut w, "d").unwrap();
        // Meanwhile each list got shorter.
        w.applications[0].members.truncate(1);
        w.applications[0].hosts.truncate(1);
        w.reimbursements.clear();
        w.applications.truncate(1);
        w.ranking.clear();
        m.restore(&mut w).unwrap();
        h.restore(&mut w).unwrap();
        r.restore(&mut w).unwrap();
        a.restore(&mut w).unwrap();
        assert_eq!(w.applications[0].members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["张三", "王五"]);
        assert_eq!(w.applications[0].hosts[1].name_zh, "丙研究所");
        assert_eq!(w.reimbursements[0].person, "李四");
        assert_eq!(ids(&w), ["a", "d"]);
        assert_eq!(w.ranking, ["d"]);
        assert_eq!(w.opinions["d"], "同意");
    }

    #[test]
    fn a_member_of_an_application_gone_meanwhile_is_not_restored_and_says_so() {
        let mut w = ws();
        let mut trash = Trash::default();
        trash.push(Deleted::member(&mut w, "a", "a-张三").unwrap());
        trash.push(Deleted::host(&mut w, "a", 0).unwrap());
        // Another tab or an import removes the application: not through this trash.
        w.remove("a");
        let after = w.clone();
        let host = trash.undo(&mut w).unwrap().unwrap_err();
        assert_eq!(host.to_string(), "境外培训机构「甲研究所」所在的申请已不在工作台中，无法恢复。");
        let member = trash.undo(&mut w).unwrap().unwrap_err();
        assert_eq!(member.to_string(), "成员 张三所在的申请已不在工作台中，无法恢复。");
        assert_eq!(trash.failed, Some(member));
        assert_eq!(w, after);
    }

    #[test]
    fn nothing_is_restored_twice() {
        let mut w = ws();
        let a = Deleted::application(&mut w, "a").unwrap();
        let r = Deleted::reimbursement(&mut w, 0).unwrap();
        // The same application and row came back another way (an import, another tab).
        let again = ws();
        let mut w = again.clone();
        assert!(a.restore(&mut w).unwrap_err().to_string().contains("已在工作台中"));
        assert!(r.restore(&mut w).unwrap_err().to_string().contains("已在核销表中"));
        assert_eq!(w, again);
    }

    #[test]
    fn only_the_last_twenty_are_kept() {
        let mut w = Workspace {
            reimbursements: (0..25).map(|i| Reimbursement { id: format!("r{i}"), ..Default::default() }).collect(),
            ..Default::default()
        };
        let mut trash = Trash::default();
        for _ in 0..25 {
            trash.push(Deleted::reimbursement(&mut w, 0).unwrap());
        }
        assert_eq!(trash.len(), TRASH_DEPTH);
        assert_eq!(trash.last().unwrap().label(), "核销表第 1 行");
        while trash.undo(&mut w).is_some() {}
        let left: Vec<&str> = w.reimbursements.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(left, (5..25).map(|i| format!("r{i}")).collect::<Vec<_>>());
        trash.push(Deleted::reimbursement(&mut w, 0).unwrap());
        trash.clear();
        assert!(trash.is_empty());
        assert_eq!(trash.deletions(), 26);
    }
}
