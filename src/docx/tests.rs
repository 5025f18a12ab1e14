//! Export, unzip, and read the WordprocessingML back: each table by its caption, each cell's
//! text as a reader sees it (paragraphs joined by line breaks), the page and the fonts.

use std::io::{Cursor, Read};

use chrono::NaiveDate;

use super::form::{FORM_TITLE, OPINION_TITLE, application_form, ranking_opinion};
use super::xml::as_read;
use super::{export, is_docx, write_docx};
use crate::model::{Application, Member, TitleLevel};
use crate::rule_set::RuleSet;
use crate::sample::{example_applications, sample_workspace};
use crate::workspace::Workspace;

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 10).unwrap()
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name(name).unwrap_or_else(|_| panic!("no {name}")).read_to_string(&mut xml).unwrap();
    xml
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
}

/// Every element opened is closed in order, attributes are quoted: what an XML parser
/// needs before Word or python-docx will read the part. No character XML 1.0 forbids.
fn assert_well_formed(xml: &str) {
    assert!(!xml.chars().any(|c| (c as u32) < 0x20 && !"\t\n\r".contains(c)), "a control character in the XML");
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        assert!(!rest[..open].contains('>'), "a bare > in text: {}", &rest[..open]);
        let close = rest[open..].find('>').expect("an unclosed tag") + open;
        let tag = &rest[open + 1..close];
        assert!(!tag.contains('<'), "a < inside a tag: {tag}");
        assert_eq!(tag.matches('"').count() % 2, 0, "unbalanced quotes: {tag}");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(name), "closing {name}");
        } else if !tag.starts_with('?') && !tag.ends_with('/') {
            stack.push(tag.split_whitespace().next().unwrap());
        }
        rest = &rest[close + 1..];
    }
    assert!(stack.is_empty(), "left open: {stack:?}");
}

/// Each table of document.xml as (caption, rows of cell texts).
fn tables(xml: &str) -> Vec<(String, Vec<Vec<String>>)> {
    xml.split("<w:tbl>")
        .skip(1)
        .map(|t| {
            let t = &t[..t.find("</w:tbl>").unwrap()];
            let caption = t.split(r#"<w:tblCaption w:val=""#).nth(1).and_then(|c| c.split('"').next()).unwrap_or("");
            let rows = t.split("<w:tr>").skip(1).map(|r| r.split("<w:tc>").skip(1).map(cell_text).collect()).collect();
            (unescape(caption), rows)
        })
        .collect()
}

/// A cell as python-docx's `cell.text`: paragraphs joined by \n, <w:tab/> as \t.
fn cell_text(tc: &str) -> String {
    let tc = &tc[..tc.find("</w:tc>").unwrap()];
    tc.split("<w:p>").skip(1).map(paragraph_text).collect::<Vec<_>>().join("\n")
}

fn paragraph_text(p: &str) -> String {
    let mut out = String::new();
    for piece in p.split('<').skip(1) {
        if piece.starts_with("w:tab/>") {
            out.push('\t');
        } else if let Some(t) = piece.strip_prefix(r#"w:t xml:space="preserve">"#) {
            out.push_str(&unescape(t));
        }
    }
    out
}

fn table<'a>(all: &'a [(String, Vec<Vec<String>>)], caption: &str) -> &'a Vec<Vec<String>> {
    &all.iter().find(|(c, _)| c == caption).unwrap_or_else(|| panic!("no table {caption}")).1
}

fn form_xml(a: &Application) -> String {
    let bytes = write_docx(&[application_form(a, RuleSet::embedded())], FORM_TITLE, date()).unwrap();
    let xml = part(&bytes, "word/document.xml");
    assert_well_formed(&xml);
    xml
}

#[test]
fn every_field_of_the_sample_is_in_its_cell() {
    let rs = RuleSet::embedded();
    let a = &example_applications(rs)[0];
    let xml = form_xml(a);
    let t = tables(&xml);
    let basic = table(&t, "基本信息");
    assert_eq!(basic[0], ["项目名称", a.title.as_str()]);
    assert_eq!(basic[1][1], format!("{}项目", rs.category(a.category.unwrap()).label));
    assert_eq!(basic[1][3], format!("{} 天", a.duration_days.unwrap()));
    assert_eq!(basic[2][1], a.country.unwrap().label());
    assert_eq!(basic[2][3], format!("{} 至 {}", a.exit_date.unwrap(), a.return_date.unwrap()));
    assert_eq!(basic[5], ["团组带头人所在单位", a.lead_unit.as_str()]);

    let hosts = table(&t, "境外培训机构");
    assert_eq!(hosts[0], ["序号", "中文名称", "英文名称", "国别", "城市", "网址", "联系方式"]);
    assert_eq!(hosts.len(), a.hosts.len() + 1);
    for (i, h) in a.hosts.iter().enumerate() {
        let want = [&h.name_zh, &h.name_en, &a.country.unwrap().label(), &h.city, &h.website, &h.contact];
        assert_eq!(hosts[i + 1][1..], want.map(|s| s.to_string()), "host {i}");
    }

    let members = table(&t, "团组成员");
    let reach = table(&t, "团组成员专业、外语与联系方式");
    assert_eq!(members.len(), a.members.len() + 1);
    for (i, m) in a.members.iter().enumerate() {
        let row = &members[i + 1];
        assert_eq!(row[0], (i + 1).to_string());
        assert_eq!(row[1], m.name);
        assert_eq!(row[2], m.gender.unwrap().label());
        assert_eq!(row[3], m.birth_date.unwrap().to_string());
        assert_eq!(row[4], m.unit);
        assert_eq!(row[5], format!("{}（{}）", m.title, m.title_level.unwrap().label()));
        assert_eq!(row[6], m.position);
        assert_eq!(row[7], "是");
        assert_eq!(row[8], if m.is_leader { "是" } else { "" });
        assert_eq!(
            reach[i + 1],
            [
                (i + 1).to_string(),
                m.name.clone(),
                m.discipline.clone(),
                m.foreign_language.clone(),
                m.phone.clone(),
                m.email.clone()
            ]
        );
    }
    for (caption, text) in [
        ("项目理由", &a.rationale),
        ("培训内容与日程安排", &a.content),
        ("预期目标与成果", &a.objectives),
        ("回国后成果分享计划", &a.sharing_plan),
    ] {
        assert_eq!(table(&t, caption), &vec![vec![caption.to_string()], vec![text.clone()]]);
    }
    let c = &a.contact;
    assert_eq!(table(&t, "联系人")[0], ["联系人", &c.name, "联系电话", &c.phone, "电子邮箱", &c.email]);
    let seal = &table(&t, "单位意见")[0][0];
    let stamp = "单位（盖章）\n年　　月　　日";
    assert!(seal.starts_with("单位意见：") && seal.ends_with(stamp), "{seal}");
    assert!(xml.contains("附件1") && xml.contains(FORM_TITLE));
}

#[test]
fn the_page_is_a4_portrait_in_chinese_fonts_with_page_numbers() {
    let bytes = write_docx(
        &[application_form(&example_applications(RuleSet::embedded())[1], RuleSet::embedded())],
        FORM_TITLE,
        date(),
    )
    .unwrap();
    let xml = part(&bytes, "word/document.xml");
    assert_eq!(xml.matches(r#"<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>"#).count(), 1);
    assert!(xml.contains(r#"<w:footerReference w:type="default" r:id="rIdFooter"/>"#));
    let styles = part(&bytes, "word/styles.xml");
    assert!(styles.contains(r#"w:eastAsia="宋体""#) && styles.contains(r#"w:eastAsia="仿宋""#));
    assert!(styles.contains(r#"<w:lang w:val="en-US" w:eastAsia="zh-CN""#));
    let footer = part(&bytes, "word/footer1.xml");
    assert!(footer.contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"), "{footer}");
    assert!(part(&bytes, "word/_rels/document.xml.rels").contains(r#"Id="rIdFooter""#));
    assert!(part(&bytes, "[Content_Types].xml").contains("/word/footer1.xml"));
    assert!(
        part(&bytes, "docProps/core.xml").contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2020-01-10T00:00:00Z")
    );
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/styles.xml",
        "word/settings.xml",
        "word/footer1.xml",
        "docProps/core.xml",
    ] {
        assert_well_formed(&part(&bytes, name));
    }
    // Every table is bordered on all sides and inside.
    assert_eq!(xml.matches("<w:tbl>").count(), xml.matches(r#"<w:insideV w:val="single""#).count());
}

#[test]
fn hostile_text_stays_text() {
    let nasty = "<script>alert(1)</script> & &amp; \
                 \"q\" 'a' \u{202E}evil\u{202C} 👩‍🔬 𠀀\u{1}\u{8}\u{1B}\u{FFFF}";
    let mut a = Application {
        title: nasty.into(),
        content: format!("第一行\r\n\t第二行 {nasty}\r第三行\n\n"),
        ..Default::default()
    };
    a.members.push(Member { name: nasty.into(), email: "<b>@x".into(), ..Default::default() });
    let xml = form_xml(&a);
    assert!(!xml.contains("<script>") && xml.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &amp;amp;"));
    let t = tables(&xml);
    let shown = "<script>alert(1)</script> & &amp; \
                 \"q\" 'a' \u{202E}evil\u{202C} 👩‍🔬 𠀀\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}";
    assert_eq!(as_read(nasty), shown);
    assert_eq!(table(&t, "基本信息")[0][1], shown);
    assert_eq!(table(&t, "团组成员")[1][1], shown);
    assert_eq!(table(&t, "团组成员专业、外语与联系方式")[1][5], "<b>@x");
    // CR LF and CR are line breaks; a tab is Word's tab; the trailing blank lines stay.
    assert_eq!(table(&t, "培训内容与日程安排")[1][0], as_read(&a.content));
    let want = format!("第一行\n\t第二行 {shown}\n第三行\n\n");
    assert_eq!(table(&t, "培训内容与日程安排")[1][0], want);
}

#[test]
fn a_blank_draft_gives_a_form_of_blank_cells() {
    let xml = form_xml(&Application::default());
    let t = tables(&xml);
    assert_eq!(table(&t, "基本信息")[0], ["项目名称", ""]);
    assert_eq!(table(&t, "基本信息")[3], ["重点领域专项", "无"]);
    assert_eq!(table(&t, "团组成员").len(), 1, "the header only");
    // A level without a title, and a title without a level.
    let mut a = Application::default();
    a.members.push(Member { title_level: Some(TitleLevel::Intermediate), ..Default::default() });
    a.members.push(Member { title: "工程师".into(), ..Default::default() });
    let t = tables(&form_xml(&a));
    assert_eq!(table(&t, "团组成员")[1][5], "（中级）");
    assert_eq!(table(&t, "团组成员")[2][5], "工程师");
}

#[test]
fn a_batch_is_one_file_with_a_section_per_form_each_numbered_from_one() {
    let rs = RuleSet::embedded();
    let apps = example_applications(rs);
    let forms: Vec<_> = apps.iter().map(|a| application_form(a, rs)).collect();
    let xml = part(&write_docx(&forms, FORM_TITLE, date()).unwrap(), "word/document.xml");
    assert_well_formed(&xml);
    assert_eq!(xml.matches("<w:sectPr>").count(), 3);
    assert_eq!(xml.matches(r#"<w:pgNumType w:start="1"/>"#).count(), 3);
    assert_eq!(xml.matches(r#"<w:type w:val="nextPage"/>"#).count(), 3);
    assert_eq!(xml.matches(FORM_TITLE).count(), 3);
    let titles: Vec<String> =
        tables(&xml).into_iter().filter(|(c, _)| c == "基本信息").map(|(_, r)| r[0][1].clone()).collect();
    assert_eq!(titles, apps.iter().map(|a| a.title.clone()).collect::<Vec<_>>());
}

#[test]
fn the_ranking_opinion_lists_the_unit_order_with_each_opinion_whole() {
    let rs = RuleSet::embedded();
    let mut ws = sample_workspace(rs, 7, 4);
    ws.ranking.reverse();
    ws.opinions.insert(ws.ranking[0].clone(), "第一行意见\n第二行意见 <i>&\n".into());
    ws.opinions.insert(ws.ranking[2].clone(), "x".repeat(3000));
    let bytes = write_docx(&[ranking_opinion(&ws, rs, date())], OPINION_TITLE, date()).unwrap();
    let xml = part(&bytes, "word/document.xml");
    assert_well_formed(&xml);
    let t = tables(&xml);
    let rows = table(&t, "总体排序");
    assert_eq!(rows[0], ["排序", "项目名称", "单位意见"]);
    assert_eq!(rows.len(), 5);
    for (i, id) in ws.ranking.iter().enumerate() {
        let opinion = ws.opinions.get(id).cloned().unwrap_or_default();
        assert_eq!(rows[i + 1], [(i + 1).to_string(), ws.get(id).unwrap().title.clone(), opinion]);
    }
    assert!(xml.contains(&format!("单位：{}", ws.unit)));
    assert!(xml.contains(&rs.round_label()));
    assert!(xml.contains("单位（盖章）") && xml.contains("2020年1月10日"));
}

#[test]
fn the_worker_request_builds_the_file_and_explains_bad_input() {
    let rs = RuleSet::embedded();
    let ws = Workspace { unit: "物理所".into(), applications: example_applications(rs), ..Default::default() };
    let ids = [ws.applications[2].id.clone(), ws.applications[0].id.clone()];
    let json = serde_json::json!({ "kind": "application_forms", "workspace": ws, "date": "2020-01-10", "ids": ids });
    assert!(is_docx(&json.to_string()));
    let bytes = export(&json.to_string()).unwrap();
    let forms: Vec<_> = [&ws.applications[2], &ws.applications[0]].iter().map(|a| application_form(a, rs)).collect();
    assert_eq!(bytes, write_docx(&forms, FORM_TITLE, date()).unwrap(), "the ids' order, the same bytes");

    let all = serde_json::json!({ "kind": "application_forms", "workspace": ws, "date": "2020-01-10" });
    assert_eq!(part(&export(&all.to_string()).unwrap(), "word/document.xml").matches("<w:sectPr>").count(), 3);
    let opinion = serde_json::json!({ "kind": "ranking_opinion", "workspace": ws, "date": "2020-01-10" });
    assert!(part(&export(&opinion.to_string()).unwrap(), "word/document.xml").contains(OPINION_TITLE));

    assert!(!is_docx(r#"{"kind":"summary","workspace":{},"date":"2020-01-10"}"#));
    assert!(!is_docx("not json"));
    let gone =
        serde_json::json!({ "kind": "application_forms", "workspace": ws, "date": "2020-01-10", "ids": ["gone"] });
    assert_eq!(export(&gone.to_string()).unwrap_err(), "没有找到要导出的申请。");
    let err = export(r#"{"kind":"ranking_opinion","workspace":{},"date":"2020-13-01"}"#).unwrap_err();
    assert!(err.starts_with("导出请求无法读取："), "{err}");
}
