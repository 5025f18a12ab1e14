//! A printable table described without any file format: a title, lines under it, the
//! columns, the rows and a totals block. The 附件2 汇总表 and the 核销表 map themselves to a
//! `Report`; the XLSX writer (feature `xlsx`) renders any `Report`, so neither form has its
//! own spreadsheet code.

use crate::model::Money;

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The worksheet's name (Excel allows 31 characters, none of `[]:*?/\`).
    pub sheet_name: String,
    pub title: String,
    /// Lines between the title and the header row: 填报单位, 填报日期 …
    pub subtitles: Vec<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// Rows under the data, shown in bold.
    pub totals: Vec<Vec<Cell>>,
    pub orientation: Orientation,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    /// In characters of the default font, as Excel counts column widths.
    pub width: f64,
}

impl Column {
    pub fn new(header: &str, width: f64) -> Column {
        Column { header: header.into(), width }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Empty,
    Text(String),
    Int(i64),
    /// Shown as yuan with two decimals; kept in fen until the very last step.
    Money(Money),
}

impl Cell {
    /// A cell shown as `s`: an integer when `s` is one (排序, 人数, 天数 sort and sum as
    /// numbers), empty when blank, else text.
    pub fn int_or_text(s: &str) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else if s.bytes().all(|b| b.is_ascii_digit())
            && let Ok(n) = s.parse()
        {
            Cell::Int(n)
        } else {
            Cell::Text(s.into())
        }
    }

    pub fn text(s: &str) -> Cell {
        if s.is_empty() { Cell::Empty } else { Cell::Text(s.into()) }
    }

    /// What a person reads in the cell (money as in the rest of the app: ¥1,234.56).
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Money(m) => m.to_string(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Orientation {
    #[default]
    Landscape,
    Portrait,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_stay_numbers_and_the_rest_text() {
        assert_eq!(Cell::int_or_text("12"), Cell::Int(12));
        assert_eq!(Cell::int_or_text(""), Cell::Empty);
        assert_eq!(Cell::int_or_text("-1"), Cell::Text("-1".into()));
        assert_eq!(Cell::int_or_text("2 项"), Cell::Text("2 项".into()));
        assert_eq!(Cell::int_or_text("99999999999999999999"), Cell::Text("99999999999999999999".into()));
        assert_eq!(Cell::Money(Money(123456)).display(), "¥1,234.56");
    }
}
