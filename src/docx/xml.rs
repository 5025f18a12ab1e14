//! A [`Document`] as WordprocessingML: `word/document.xml`'s body. Elements are written in
//! the schema's order (Word refuses a file whose properties are out of order); the look
//! (fonts, sizes) lives in the styles of `package.rs`.

use std::fmt::Write;

use super::form::{Block, Cell, Document, Table, chinese_date};

/// A4 portrait in twentieths of a point, and its margins (2.54 cm top and bottom, 2.2 cm
/// at the sides: [`super::form::TEXT_WIDTH`] is what is left).
const PAGE: &str = concat!(
    r#"<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>"#,
    r#"<w:pgMar w:top="1440" w:right="1247" w:bottom="1440" w:left="1247""#,
    r#" w:header="851" w:footer="851" w:gutter="0"/>"#,
);

/// Text as XML character data: markup characters escaped, and the characters XML 1.0
/// cannot hold at all (control characters but tab and line breaks, U+FFFE, U+FFFF) shown as
/// U+FFFD: a Word file with one of them does not open.
pub fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() && (c as u32) < 0x20 => out.push('\u{FFFD}'),
            '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// What a reader of the .docx sees of `s` in one paragraph per line: CR LF and CR are line
/// breaks, the characters [`escape`] cannot keep are U+FFFD.
pub fn as_read(s: &str) -> String {
    let mut out = String::new();
    escape(&s.replace("\r\n", "\n").replace('\r', "\n"), &mut out);
    out.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
}

/// The body of `forms`, each in a section of its own: a form starts on a new page and its
/// page numbers start at 1, so each printed form stands alone.
pub fn body(forms: &[Document]) -> String {
    let mut out = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#,
        r#" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#,
    ));
    for (i, form) in forms.iter().enumerate() {
        for block in &form.blocks {
            write_block(block, &mut out);
        }
        if i + 1 < forms.len() {
            out.push_str("<w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/>");
            section(&mut out);
            out.push_str("</w:pPr></w:p>");
        }
    }
    section(&mut out);
    out.push_str("</w:body></w:document>");
    out
}

fn section(out: &mut String) {
    out.push_str(r#"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/><w:type w:val="nextPage"/>"#);
    out.push_str(PAGE);
    out.push_str(
        r#"<w:pgNumType w:start="1"/><w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr>"#,
    );
}

/// One paragraph of `style` per line of `text`.
fn paragraphs(style: &str, text: &str, out: &mut String) {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for line in text.split('\n') {
        let _ = write!(out, r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#);
        run(line, out);
        out.push_str("</w:p>");
    }
}

/// A run of text; tabs become Word's tab characters.
fn run(line: &str, out: &mut String) {
    if line.is_empty() {
        return;
    }
    out.push_str("<w:r>");
    for (i, piece) in line.split('\t').enumerate() {
        if i > 0 {
            out.push_str("<w:tab/>");
        }
        if !piece.is_empty() {
            out.push_str(r#"<w:t xml:space="preserve">"#);
            escape(piece, out);
            out.push_str("</w:t>");
        }
    }
    out.push_str("</w:r>");
}

fn write_block(block: &Block, out: &mut String) {
    match block {
        Block::Annex(s) => paragraphs("Annex", s, out),
        Block::Title(s) => paragraphs("FormTitle", s, out),
        Block::Heading(s) => paragraphs("FormHeading", s, out),
        Block::Text(s) => paragraphs("FormText", s, out),
        Block::Table(t) => table(t, out),
        Block::Seal { opinion, date } => seal(*opinion, *date, out),
    }
}

fn table(t: &Table, out: &mut String) {
    table_start(t.caption, &t.widths, out);
    if !t.header.is_empty() {
        // Repeated at the top of each page the table runs onto.
        out.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (i, h) in t.header.iter().enumerate() {
            cell(&Cell::label(h), &t.widths[i..i + 1], out);
        }
        out.push_str("</w:tr>");
    }
    for row in &t.rows {
        out.push_str("<w:tr>");
        let mut col = 0;
        for c in row {
            let end = (col + c.span.max(1)).min(t.widths.len());
            cell(c, &t.widths[col..end], out);
            col = end;
        }
        out.push_str("</w:tr>");
    }
    table_end(out);
}

fn table_start(caption: &str, widths: &[u32], out: &mut String) {
    let total: u32 = widths.iter().sum();
    out.push_str("<w:tbl><w:tblPr>");
    let _ = write!(out, r#"<w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>"#);
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let _ = write!(out, r#"<w:{side} w:val="single" w:sz="6" w:space="0" w:color="000000"/>"#);
    }
    out.push_str(concat!(
        r#"</w:tblBorders><w:tblLayout w:type="fixed"/>"#,
        r#"<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>"#,
        r#"<w:tblCaption w:val=""#,
    ));
    escape(caption, out);
    out.push_str(r#""/></w:tblPr><w:tblGrid>"#);
    for w in widths {
        let _ = write!(out, r#"<w:gridCol w:w="{w}"/>"#);
    }
    out.push_str("</w:tblGrid>");
}

fn table_end(out: &mut String) {
    out.push_str("</w:tbl>");
    // Two tables in a row would merge into one: a paragraph keeps them apart.
    out.push_str(r#"<w:p><w:pPr><w:pStyle w:val="Gap"/></w:pPr></w:p>"#);
}

fn cell(c: &Cell, widths: &[u32], out: &mut String) {
    let w: u32 = widths.iter().sum();
    let _ = write!(out, r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>"#);
    if widths.len() > 1 {
        let _ = write!(out, r#"<w:gridSpan w:val="{}"/>"#, widths.len());
    }
    if c.label {
        out.push_str(r#"<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>"#);
    }
    out.push_str(r#"<w:vAlign w:val="center"/></w:tcPr>"#);
    // A cell holds at least one paragraph, even when blank.
    paragraphs(if c.label { "CellLabel" } else { "CellText" }, &c.text, out);
    out.push_str("</w:tc>");
}

/// 单位意见 (a box with room to write), then 单位（盖章） and the date, right-aligned.
fn seal(opinion: bool, date: Option<chrono::NaiveDate>, out: &mut String) {
    let day = date.map(chinese_date).unwrap_or_else(|| "年　　月　　日".into());
    let stamp = format!("单位（盖章）\n{day}");
    if !opinion {
        return paragraphs("Seal", &stamp, out);
    }
    let width = super::form::TEXT_WIDTH;
    table_start("单位意见", &[width], out);
    let _ = write!(
        out,
        r#"<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>"#
    );
    paragraphs("CellText", "单位意见：\n\n\n\n", out);
    paragraphs("Seal", &stamp, out);
    out.push_str("</w:tc></w:tr>");
    table_end(out);
}
