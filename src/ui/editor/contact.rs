//! 单位与联系人.

use leptos::prelude::*;

use super::fields::{TextInput, text};
use super::page::SectionPage;
use super::section::Section;

#[component]
pub fn Contact() -> impl IntoView {
    let clause = crate::ui::state::Store::get().rule_set().cite_after("leader-unit");
    let (unit, set_unit) = text(|a| a.lead_unit.clone(), |a, v| a.lead_unit = v);
    let (name, set_name) = text(|a| a.contact.name.clone(), |a, v| a.contact.name = v);
    let (phone, set_phone) = text(|a| a.contact.phone.clone(), |a, v| a.contact.phone = v);
    let (email, set_email) = text(|a| a.contact.email.clone(), |a, v| a.contact.email = v);
    view! {
        <SectionPage section=Section::Contact>
            <TextInput
                label="团组带头人所在单位"
                path="lead_unit"
                value=unit
                set=set_unit
                hint=format!("跨单位组成的团组由带头人所在单位统一报送{clause}")
            />
            <TextInput label="联系人" path="contact.name" value=name set=set_name width="medium" />
            <TextInput label="联系电话" path="contact.phone" kind="tel" value=phone set=set_phone width="medium" />
            <TextInput
                label="电子邮箱"
                path="contact.email"
                kind="email"
                value=email
                set=set_email
                width="medium"
            />
        </SectionPage>
    }
}
