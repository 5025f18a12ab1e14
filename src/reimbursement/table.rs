use chrono::NaiveDate;

use crate::model::{CountryCode, Money, Reimbursement};
use crate::report::Cell;
use crate::rule_set::RuleSet;
use crate::summary::{country_cell, write_csv};
use crate::workspace::Workspace;

/// The form's name, as the notice writes it.
pub const TITLE: &str = "中国科学院因公出国（境）院内资助费用核销表（单位）";

pub const COLUMNS: [&str; 15] = [
    "姓名",
    "团组/项目名称",
    "国别",
    "出入境日期",
    "天数",
    "国际旅费",
    "住宿费",
    "伙食费",
    "公杂费",
    "培训费",
    "其他",
    "合计",
    "科技部资助",
    "申请院资助",
    "单位负担",
];

/// The ten money columns of one row, or their totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Amounts {
    pub international_travel: Money,
    pub accommodation: Money,
    pub meals: Money,
    pub incidentals: Money,
    pub training_fee: Money,
    pub other: Money,
    /// 合计: the six expense columns.
    pub total: Money,
    pub ministry_funding: Money,
    pub academy_funding: Money,
    /// 单位负担: 合计 less both fundings.
    pub unit_share: Money,
}

impl Amounts {
    pub fn of(r: &Reimbursement) -> Amounts {
        Amounts {
            international_travel: r.international_travel,
            accommodation: r.accommodation,
            meals: r.meals,
            incidentals: r.incidentals,
            training_fee: r.training_fee,
            other: r.other,
            total: r.total(),
            ministry_funding: r.ministry_funding,
            academy_funding: r.academy_funding,
            unit_share: r.unit_share(),
        }
    }

    /// In [`COLUMNS`] order, from 国际旅费 to 单位负担.
    pub fn columns(&self) -> [Money; 10] {
        [
            self.international_travel,
            self.accommodation,
            self.meals,
            self.incidentals,
            self.training_fee,
            self.other,
            self.total,
            self.ministry_funding,
            self.academy_funding,
            self.unit_share,
        ]
    }

    fn plus(self, o: Amounts) -> Amounts {
        Amounts {
            international_travel: self.international_travel + o.international_travel,
            accommodation: self.accommodation + o.accommodation,
            meals: self.meals + o.meals,
            incidentals: self.incidentals + o.incidentals,
            training_fee: self.training_fee + o.training_fee,
            other: self.other + o.other,
            total: self.total + o.total,
            ministry_funding: self.ministry_funding + o.ministry_funding,
            academy_funding: self.academy_funding + o.academy_funding,
            unit_share: self.unit_share + o.unit_share,
        }
    }
}

/// One person, one trip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReimbursementRow {
    /// 1-based, in the workspace's order: the 「第 N 行」 of `reimbursement-period` findings.
    pub number: usize,
    pub reimbursement_id: String,
    pub application_id: String,
    pub person: String,
    /// The application's title, else the row's own `project`.
    pub project: String,
    pub country: Option<CountryCode>,
    /// The application's actual exit and return dates, else the row's own.
    pub exit_date: Option<NaiveDate>,
    pub return_date: Option<NaiveDate>,
    /// Both days counted; `None` unless both dates are known and in order.
    pub days: Option<i64>,
    pub expense_date: Option<NaiveDate>,
    pub amounts: Amounts,
    /// Whether the expense date lies in the table's period; `None` without a date.
    pub in_period: Option<bool>,
    country_text: String,
}

impl ReimbursementRow {
    /// The cells in [`COLUMNS`] order, money as ¥1,234.56.
    pub fn cells(&self) -> [String; 15] {
        self.typed_cells().map(|c| c.display())
    }

    /// The cells in [`COLUMNS`] order, typed: 天数 an integer, the ten amounts money in fen
    /// (negative ones too), the rest text. The CSV writes these.
    pub fn typed_cells(&self) -> [Cell; 15] {
        let dates = match (self.exit_date, self.return_date) {
            (None, None) => String::new(),
            (a, b) => format!("{} 至 {}", or_blank(a), or_blank(b)),
        };
        let head = [
            Cell::text(&self.person),
            Cell::text(&self.project),
            Cell::text(&self.country_text),
            Cell::text(&dates),
            self.days.map_or(Cell::Empty, Cell::Int),
        ];
        with_amounts(head, &self.amounts)
    }
}

/// Five leading cells, then the ten money columns.
fn with_amounts(head: [Cell; 5], amounts: &Amounts) -> [Cell; 15] {
    let money = amounts.columns();
    std::array::from_fn(|i| if i < head.len() { head[i].clone() } else { Cell::Money(money[i - head.len()]) })
}

fn or_blank<T: ToString>(x: Option<T>) -> String {
    x.map(|v| v.to_string()).unwrap_or_default()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReimbursementTable {
    pub unit: String,
    /// The year the period ends in and is settled in (2020: 2019-09-01 – 2020-08-31).
    pub period_year: i32,
    /// `None` only for a rule-set whose month and day make no date.
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// When the bureau settles this period (每年 9 月 1 日至 30 日).
    pub settlement_window: Option<(NaiveDate, NaiveDate)>,
    pub rows: Vec<ReimbursementRow>,
    /// Sums of every money column over all rows, exact in fen.
    pub totals: Amounts,
    /// Rows with an expense date outside the period: the rule `reimbursement-period` warns
    /// about each (when `period_year` is the current one). They are listed and counted in the
    /// totals, so the table shows what the unit recorded until someone fixes the row.
    pub out_of_period: usize,
}

impl ReimbursementTable {
    /// Every reimbursement of the workspace, in its order. To agree with the
    /// `reimbursement-period` rule, pass `RuleSet::current_reimbursement_year(today)` as
    /// `period_year`.
    pub fn build(ws: &Workspace, rule_set: &RuleSet, period_year: i32) -> ReimbursementTable {
        let period = rule_set.reimbursement_period(period_year);
        let rows: Vec<ReimbursementRow> =
            ws.reimbursements.iter().enumerate().map(|(i, r)| row(i, r, ws, period)).collect();
        ReimbursementTable {
            unit: ws.unit.trim().to_string(),
            period_year,
            period,
            settlement_window: period.and_then(|(_, end)| rule_set.settlement_window(end)),
            totals: rows.iter().fold(Amounts::default(), |sum, r| sum.plus(r.amounts)),
            out_of_period: rows.iter().filter(|r| r.in_period == Some(false)).count(),
            rows,
        }
    }

    /// 「核销期：2019-09-01 至 2020-08-31」
    pub fn period_text(&self) -> String {
        match self.period {
            Some((start, end)) => format!("核销期：{start} 至 {end}"),
            None => format!("规则集中的核销期无法用于 {} 年", self.period_year),
        }
    }

    /// When to hand the form in, for the page to say.
    pub fn settlement_text(&self) -> String {
        match self.settlement_window {
            Some((from, to)) => format!(
                "人事局于 {from} 至 {to} 进行年度院内资助经费核销，\
                 请在此期间报送本表"
            ),
            None => "规则集中的核销时间无效".into(),
        }
    }

    /// The total row in [`COLUMNS`] order, money as ¥1,234.56.
    pub fn total_cells(&self) -> [String; 15] {
        self.typed_total_cells().map(|c| c.display())
    }

    /// The total row, typed: 「合计」, 「N 人次」, then the sums as money.
    pub fn typed_total_cells(&self) -> [Cell; 15] {
        let head = [
            Cell::text("合计"),
            Cell::Text(format!("{} 人次", self.rows.len())),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
        ];
        with_amounts(head, &self.totals)
    }

    /// CSV for Excel: every amount a plain number (1234.56, -765.50) the spreadsheet can add
    /// up; only the text cells are guarded against formulas.
    pub fn to_csv(&self) -> String {
        let rows = self.rows.iter().map(ReimbursementRow::typed_cells);
        write_csv(&COLUMNS, rows.chain([self.typed_total_cells()]))
    }
}

fn row(i: usize, r: &Reimbursement, ws: &Workspace, period: Option<(NaiveDate, NaiveDate)>) -> ReimbursementRow {
    let app = Some(r.application_id.as_str()).filter(|id| !id.is_empty()).and_then(|id| ws.get(id));
    let ex = app.and_then(|a| a.execution.as_ref());
    let title = app.map(|a| a.title.trim()).filter(|t| !t.is_empty());
    let country = app.and_then(|a| a.country).or(r.country);
    let exit_date = ex.and_then(|e| e.actual_exit_date).or(r.exit_date);
    let return_date = ex.and_then(|e| e.actual_return_date).or(r.return_date);
    let days = match (exit_date, return_date) {
        (Some(e), Some(t)) if t >= e => Some(crate::calendar::days_inclusive(e, t)),
        _ => None,
    };
    ReimbursementRow {
        number: i + 1,
        reimbursement_id: r.id.clone(),
        application_id: r.application_id.clone(),
        person: r.person.trim().to_string(),
        project: title.unwrap_or(r.project.trim()).to_string(),
        country,
        exit_date,
        return_date,
        days,
        expense_date: r.expense_date,
        amounts: Amounts::of(r),
        in_period: r.expense_date.zip(period).map(|(d, (start, end))| start <= d && d <= end),
        country_text: country.map(country_cell).unwrap_or_default(),
    }
}
