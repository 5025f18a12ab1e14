//! The .docx package: the body from `xml.rs` and the parts every Word file needs (content
//! types, relationships, styles, the page-number footer, properties), zipped with the zip
//! writer rust_xlsxwriter already brings into the export worker.

use std::io::{Cursor, Write};

use chrono::{Datelike, NaiveDate};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::form::Document;
use super::xml::{body, escape};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// `forms` as one .docx titled `title`. `date` dates the file (the core reads no clock), so
/// the same forms give the same bytes.
pub fn write_docx(forms: &[Document], title: &str, date: NaiveDate) -> Result<Vec<u8>, String> {
    build(forms, title, date).map_err(|e| format!("生成 Word 文件失败：{e}"))
}

fn build(forms: &[Document], title: &str, date: NaiveDate) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let stamp = DateTime::from_date_and_time(
        date.year().clamp(1980, 2107) as u16,
        date.month() as u8,
        date.day() as u8,
        0,
        0,
        0,
    )
    .unwrap_or_default();
    let options =
        SimpleFileOptions::default().compression_method(CompressionMethod::Deflated).last_modified_time(stamp);
    let parts = [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core(title, date)),
        (
            "docProps/app.xml",
            format!(
                r#"{HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>peixun</Application></Properties>"#
            ),
        ),
        ("word/_rels/document.xml.rels", document_rels()),
        ("word/document.xml", body(forms)),
        ("word/styles.xml", styles()),
        ("word/settings.xml", settings()),
        ("word/footer1.xml", footer()),
    ];
    for (name, text) in parts {
        zip.start_file(name, options)?;
        zip.write_all(text.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

fn content_types() -> String {
    let over = |part: &str, ty: &str| {
        format!(r#"<Override PartName="/{part}" ContentType="application/vnd.openxmlformats-{ty}+xml"/>"#)
    };
    format!(
        r#"{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>{}{}{}{}{}{}</Types>"#,
        over("word/document.xml", "officedocument.wordprocessingml.document.main"),
        over("word/styles.xml", "officedocument.wordprocessingml.styles"),
        over("word/settings.xml", "officedocument.wordprocessingml.settings"),
        over("word/footer1.xml", "officedocument.wordprocessingml.footer"),
        over("docProps/core.xml", "package.core-properties"),
        over("docProps/app.xml", "officedocument.extended-properties"),
    )
}

fn package_rels() -> String {
    format!(
        r#"{HEAD}<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/></Relationships>"#
    )
}

fn document_rels() -> String {
    format!(
        r#"{HEAD}<Relationships xmlns="{PKG_REL}"><Relationship Id="rIdStyles" Type="{REL}/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="{REL}/settings" Target="settings.xml"/><Relationship Id="rIdFooter" Type="{REL}/footer" Target="footer1.xml"/></Relationships>"#
    )
}

fn core(title: &str, date: NaiveDate) -> String {
    let mut t = String::new();
    escape(title, &mut t);
    let at = format!("{date}T00:00:00Z");
    format!(
        r#"{HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{t}</dc:title><dc:language>zh-CN</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{at}</dcterms:modified></cp:coreProperties>"#
    )
}

fn settings() -> String {
    format!(
        r#"{HEAD}<w:settings xmlns:w="{W}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#
    )
}

/// 第 N 页, centred: a PAGE field, which every reader renumbers (the 1 is what shows before).
fn footer() -> String {
    let r = |inner: &str| format!("<w:r>{inner}</w:r>");
    format!(
        r#"{HEAD}<w:ftr xmlns:w="{W}" xmlns:r="{REL}"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>{}{}{}{}{}{}{}</w:p></w:ftr>"#,
        r(r#"<w:t xml:space="preserve">第 </w:t>"#),
        r(r#"<w:fldChar w:fldCharType="begin"/>"#),
        r(r#"<w:instrText xml:space="preserve"> PAGE </w:instrText>"#),
        r(r#"<w:fldChar w:fldCharType="separate"/>"#),
        r("<w:t>1</w:t>"),
        r(r#"<w:fldChar w:fldCharType="end"/>"#),
        r(r#"<w:t xml:space="preserve"> 页</w:t>"#),
    )
}

/// Fonts: 仿宋 for text and 宋体 for titles, set for East Asian text (w:eastAsia) with Times
/// New Roman for Latin letters and digits; Word, WPS and LibreOffice each map these names
/// to a font they have. Sizes in half-points: 小二 36, 四号 28, 小四 24, 五号 21.
fn styles() -> String {
    let fonts = |latin: &str, east: &str| {
        format!(
            r#"<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east}" w:cs="{latin}" w:hint="eastAsia"/>"#
        )
    };
    let song = fonts("Times New Roman", "宋体");
    let fang = fonts("Times New Roman", "仿宋");
    let size = |hp: u32| format!(r#"<w:sz w:val="{hp}"/><w:szCs w:val="{hp}"/>"#);
    let style = |id: &str, ppr: &str, rpr: &str| {
        format!(
            r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="{id}"><w:name w:val="{id}"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"#
        )
    };
    let styles = [
        style("Annex", r#"<w:spacing w:after="120"/>"#, &format!("{fang}<w:b/>{}", size(28))),
        style(
            "FormTitle",
            r#"<w:spacing w:before="120" w:after="360"/><w:jc w:val="center"/>"#,
            &format!("{song}<w:b/>{}", size(36)),
        ),
        style(
            "FormHeading",
            r#"<w:keepNext/><w:spacing w:before="120" w:after="120"/>"#,
            &format!("{song}<w:b/>{}", size(24)),
        ),
        style("FormText", r#"<w:spacing w:after="120"/><w:ind w:firstLine="480"/>"#, &size(24)),
        style(
            "CellText",
            r#"<w:spacing w:before="40" w:after="40" w:line="300" w:lineRule="auto"/><w:jc w:val="left"/>"#,
            &size(21),
        ),
        style(
            "CellLabel",
            r#"<w:keepNext/><w:spacing w:before="40" w:after="40"/><w:jc w:val="center"/>"#,
            &format!("<w:b/>{}", size(21)),
        ),
        style("Seal", r#"<w:spacing w:before="120"/><w:ind w:right="480"/><w:jc w:val="right"/>"#, &size(24)),
        style("Gap", r#"<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>"#, &size(12)),
        style("Footer", r#"<w:jc w:val="center"/>"#, &size(18)),
    ];
    format!(
        r#"{HEAD}<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr>{fang}{}<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>{}</w:styles>"#,
        size(24),
        styles.concat()
    )
}
