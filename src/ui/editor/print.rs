//! The print view of 附件1, laid out like the official form: A4 portrait, navigation
//! hidden by print CSS, long texts breaking across pages cleanly. It shows the core's
//! `docx::form::application_form`, the document the .docx export writes, so paper and Word
//! file have the same fields in the same cells.

use leptos::prelude::*;

use super::context::EditorCx;
use crate::docx::form::{Block, Cell, Table, application_form, chinese_date};
use crate::ui::docx::{DocxButton, form_target};
use crate::ui::state::Store;

#[component]
pub fn PrintView() -> impl IntoView {
    let ecx = EditorCx::get();
    let rs = Store::get().rule_set();
    let app = Memo::new(move |_| ecx.read(|a| Some(a.clone())));
    let target = Callback::new(move |()| form_target(&app.get_untracked().unwrap_or_default()));
    view! {
        <div class="print-actions">
            <button
                type="button"
                class="button"
                data-action="print"
                on:click=|_| {
                    let _ = window().print();
                }
            >
                "打印 / 另存为 PDF"
            </button>
            <DocxButton label="导出 Word（.docx）" action="export-docx" target=target secondary=true />
            <span class="field__hint">
                "打印后交单位审核并加盖公章；Word 文件可在盖章前修改。"
            </span>
        </div>
        {move || {
            app.get()
                .map(|a| {
                    view! {
                        <article class="form-1" data-print="form-1" tabindex="0" aria-label="附件1">
                            {application_form(&a, rs).blocks.into_iter().map(block).collect_view()}
                        </article>
                    }
                })
        }}
    }
}

fn block(b: Block) -> AnyView {
    match b {
        Block::Annex(s) => view! { <p class="form-1__annex">{s}</p> }.into_any(),
        Block::Title(s) => view! { <h2 class="form-1__title">{s}</h2> }.into_any(),
        Block::Heading(s) => view! { <h3 class="form-1__heading">{s}</h3> }.into_any(),
        Block::Text(s) => view! { <p class="form-1__text">{s}</p> }.into_any(),
        Block::Table(t) => table(t),
        Block::Seal { opinion, date } => {
            let date = date.map(chinese_date).unwrap_or_else(|| "年　　月　　日".into());
            view! {
                <section class="form-1__box form-1__opinion" data-table=if opinion { "单位意见" } else { "" }>
                    {opinion.then(|| view! { <h3 class="form-1__heading">"单位意见"</h3> })}
                    <div class="form-1__seal">
                        <p>"单位（盖章）"</p>
                        <p>{date}</p>
                    </div>
                </section>
            }
            .into_any()
        }
    }
}

/// A column table (with headings) or a label–value grid; a one-column table with a heading
/// is a box of text, as on the paper form.
fn table(t: Table) -> AnyView {
    let class = if t.widths.len() > 6 { "form-1__table form-1__members" } else { "form-1__table" };
    let cell = |c: Cell| {
        if c.label {
            view! {
                <th scope="row" colspan=c.span>
                    {c.text}
                </th>
            }
            .into_any()
        } else {
            view! {
                <td colspan=c.span class="form-1__text">
                    {c.text}
                </td>
            }
            .into_any()
        }
    };
    view! {
        <table class=class data-table=t.caption>
            {(!t.header.is_empty())
                .then(|| {
                    view! {
                        <thead>
                            <tr>{t.header.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr>
                        </thead>
                    }
                })}
            <tbody>
                {t.rows.into_iter().map(|r| view! { <tr>{r.into_iter().map(cell).collect_view()}</tr> }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
