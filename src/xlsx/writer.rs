//! Any [`Report`] as one worksheet, laid out for printing on A4: the title merged across the
//! columns, the lines under it, a bold bordered header that stays frozen on screen and
//! repeats on every printed page, wrapped cells, and the totals in bold.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    ColNum, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, RowNum, Workbook, Worksheet, XlsxError,
};

use crate::report::{Cell, Orientation, Report};

/// Excel's code for A4 paper.
const A4: u8 = 9;

/// The report as .xlsx bytes. `date` becomes the file's creation date: the core reads no
/// clock, and the same report gives the same file.
pub fn write_report(report: &Report, date: NaiveDate) -> Result<Vec<u8>, String> {
    build(report, date).map_err(|e| format!("生成 Excel 文件失败：{e}"))
}

struct Formats {
    title: Format,
    subtitle: Format,
    header: Format,
    text: Format,
    number: Format,
    money: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new().set_border(FormatBorder::Thin).set_text_wrap().set_align(FormatAlign::VerticalCenter);
        Formats {
            title: Format::new().set_bold().set_font_size(16).set_align(FormatAlign::Center),
            subtitle: Format::new().set_align(FormatAlign::Left),
            header: cell.clone().set_bold().set_align(FormatAlign::Center).set_background_color(0xD9D9D9),
            number: cell.clone().set_align(FormatAlign::Center),
            money: cell.clone().set_num_format("#,##0.00").set_align(FormatAlign::Right),
            text: cell,
        }
    }

    fn bold(&self) -> Formats {
        Formats {
            title: self.title.clone(),
            subtitle: self.subtitle.clone(),
            header: self.header.clone(),
            text: self.text.clone().set_bold(),
            number: self.number.clone().set_bold(),
            money: self.money.clone().set_bold(),
        }
    }
}

fn build(report: &Report, date: NaiveDate) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(date.year().clamp(1900, 9999) as u16, date.month() as u8, date.day() as u8)?;
    workbook.set_properties(&DocProperties::new().set_title(&report.title).set_creation_datetime(&created));
    let sheet = workbook.add_worksheet();
    sheet.set_name(&report.sheet_name)?;
    let formats = Formats::new();
    let last_col = col(report.columns.len().max(1) - 1)?;

    merge_or_write(sheet, 0, last_col, &report.title, &formats.title)?;
    sheet.set_row_height(0, 30)?;
    let mut r: RowNum = 1;
    for line in &report.subtitles {
        merge_or_write(sheet, r, last_col, line, &formats.subtitle)?;
        r += 1;
    }

    let header_row = r;
    for (c, column) in report.columns.iter().enumerate() {
        sheet.write_string_with_format(header_row, col(c)?, &column.header, &formats.header)?;
        sheet.set_column_width(col(c)?, column.width)?;
    }
    r += 1;
    for row in &report.rows {
        write_row(sheet, r, row, &formats)?;
        r += 1;
    }
    let bold = formats.bold();
    for row in &report.totals {
        write_row(sheet, r, row, &bold)?;
        r += 1;
    }

    // On screen the header stays put; on paper it repeats on every page.
    sheet.set_freeze_panes(header_row + 1, 0)?;
    sheet.set_repeat_rows(header_row, header_row)?;
    sheet.set_paper_size(A4);
    match report.orientation {
        Orientation::Landscape => sheet.set_landscape(),
        Orientation::Portrait => sheet.set_portrait(),
    };
    // One page wide, as many pages tall as it takes.
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_print_center_horizontally(true);
    sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    sheet.set_footer("&C第 &P 页，共 &N 页");

    workbook.save_to_buffer()
}

/// A single column cannot be merged with itself: Excel rejects a one-cell merge.
fn merge_or_write(sheet: &mut Worksheet, r: RowNum, last_col: ColNum, s: &str, f: &Format) -> Result<(), XlsxError> {
    if last_col == 0 {
        sheet.write_string_with_format(r, 0, s, f)?;
    } else {
        sheet.merge_range(r, 0, r, last_col, s, f)?;
    }
    Ok(())
}

fn write_row(sheet: &mut Worksheet, r: RowNum, row: &[Cell], f: &Formats) -> Result<(), XlsxError> {
    for (c, cell) in row.iter().enumerate() {
        let c = col(c)?;
        match cell {
            // Blank but bordered, so the printed grid has no holes.
            Cell::Empty => sheet.write_blank(r, c, &f.text)?,
            // Always a string cell: text a person typed is never read as a formula.
            Cell::Text(s) => sheet.write_string_with_format(r, c, s, &f.text)?,
            Cell::Int(n) => sheet.write_number_with_format(r, c, *n as f64, &f.number)?,
            // The only float in the export: the cell value Excel stores.
            Cell::Money(m) => sheet.write_number_with_format(r, c, m.0 as f64 / 100.0, &f.money)?,
        };
    }
    Ok(())
}

fn col(c: usize) -> Result<ColNum, XlsxError> {
    ColNum::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)
}
