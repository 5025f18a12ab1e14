//! Components mounted in headless Chromium (wasm-bindgen-test), asserted on the DOM.
#![cfg(target_arch = "wasm32")]

use chrono::Datelike;
use leptos::mount::mount_to;
use leptos::prelude::*;
use peixun::rules::RULES;
use peixun::ui::App;
use peixun::ui::pages::Rules;
use peixun::ui::route::Route;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element to mount into.
fn host() -> web_sys::HtmlElement {
    let doc = document();
    let el = doc.create_element("section").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// Lets the browser dispatch queued events (hashchange) and Leptos re-render.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    leptos::task::tick().await;
}

fn text(host: &web_sys::HtmlElement, selector: &str) -> String {
    host.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
fn routes_parse_from_hashes() {
    assert_eq!(Route::from_hash(""), Route::Workspace);
    assert_eq!(Route::from_hash("#/"), Route::Workspace);
    assert_eq!(Route::from_hash("#/rules"), Route::Rules);
    assert_eq!(Route::from_hash("#rules"), Route::Rules);
    assert_eq!(Route::from_hash("#/apply/abc"), Route::Editor);
    assert_eq!(Route::from_hash("#/nowhere"), Route::Workspace);
    for r in Route::ALL {
        assert_eq!(Route::from_hash(&r.href()), r);
    }
}

#[wasm_bindgen_test]
async fn the_shell_follows_the_hash() {
    window().location().set_hash("#/").unwrap();
    // Mounting also starts Leptos' executor, which settle() needs.
    let (host, _app) = mount_app();
    settle().await;
    assert_eq!(text(&host, ".masthead__product"), "因公出国（境）培训项目申报助手");
    assert_eq!(host.query_selector_all("nav a").unwrap().length(), 6);
    assert_eq!(text(&host, "main h1"), "工作台");

    window().location().set_hash("#/unit").unwrap();
    settle().await;
    assert_eq!(text(&host, "main h1"), "单位汇总");
    let current = host.query_selector("nav a[aria-current='page']").unwrap().unwrap();
    assert_eq!(current.get_attribute("data-route").as_deref(), Some("unit"));
    assert_eq!(document().title(), "单位汇总 · 因公出国（境）培训项目申报助手");

    window().location().set_hash("#/data").unwrap();
    settle().await;
    assert_eq!(text(&host, "main h1"), "数据与设置");
    assert!(text(&host, "[data-rule-set]").contains("cas-2020"));
    window().location().set_hash("#/").unwrap();
}

#[wasm_bindgen_test]
async fn the_rules_page_lists_every_rule_of_the_registry() {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    let host = host();
    let _page = mount_to(host.clone(), || {
        peixun::ui::state::Store::load().provide();
        Rules()
    });
    settle().await;
    let rows = host.query_selector_all("tbody tr[data-rule]").unwrap();
    assert_eq!(rows.length() as usize, RULES.len());
    for r in RULES {
        let row = text(&host, &format!("tr[data-rule='{}']", r.id));
        assert!(
            row.contains(r.clause(peixun::rule_set::RuleSet::embedded())) && row.contains(r.severity.label()),
            "{}: {row}",
            r.id
        );
    }
    assert!(text(&host, "tr[data-rule='age-limit']").contains("优秀青年人才培养 ≤ 40 周岁"));
}

#[wasm_bindgen_test]
async fn the_rules_page_shows_the_limits_of_the_rule_set_in_use() {
    use peixun::model::Category;
    use peixun::rule_set::RuleSet;
    let mut rs = RuleSet::embedded().clone();
    rs.id = "cas-2026".into();
    rs.categories.get_mut(&Category::Youth).unwrap().max_age = 45;
    let index = serde_json::json!({ "schema": 1, "workspace": { "rule_set": "cas-2026", "rule_sets": [rs] } });
    let storage = window().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    storage.set_item("peixun/index", &index.to_string()).unwrap();
    let host = host();
    let _page = mount_to(host.clone(), || {
        peixun::ui::state::Store::load().provide();
        Rules()
    });
    settle().await;
    assert!(text(&host, "tr[data-rule='age-limit']").contains("优秀青年人才培养 ≤ 45 周岁"));
    storage.clear().unwrap();
}

/// Saves one application as the app stores it, and marks its members section done so
/// every finding of that section shows; `workspace`, if any, is the index's workspace.
fn seed(app: &peixun::model::Application, workspace: Option<serde_json::Value>) {
    let storage = window().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let mut index = serde_json::json!({
        "schema": 1,
        "applications": [app.id],
        "done_sections": { app.id.clone(): ["members"] },
    });
    if let Some(w) = workspace {
        index["workspace"] = w;
    }
    storage.set_item("peixun/index", &index.to_string()).unwrap();
    storage.set_item(&format!("peixun/app/{}", app.id), &serde_json::to_string(app).unwrap()).unwrap();
}

/// The whole app, started from what is stored, mounted into a fresh element.
fn mount_app() -> (web_sys::HtmlElement, impl Drop) {
    let host = host();
    let app = mount_to(host.clone(), || {
        peixun::ui::provide_state(peixun::storage::load_now());
        App()
    });
    (host, app)
}

#[wasm_bindgen_test]
async fn the_editor_renders_the_cores_findings_at_their_fields() {
    use peixun::model::Category;
    use peixun::rule_set::RuleSet;
    let mut app = peixun::sample::example_applications(RuleSet::embedded())
        .into_iter()
        .find(|a| a.category == Some(Category::Youth))
        .unwrap();
    // One day past 40 周岁 on the exit day.
    let exit = app.exit_date.unwrap();
    app.members[1].birth_date = exit.with_year(exit.year() - 41);
    seed(&app, None);
    window().location().set_hash(&format!("#/apply/{}/members", app.id)).unwrap();
    let (host, _app) = mount_app();
    settle().await;
    let selector = "[data-rule='age-limit'][data-path='members[1].birth_date']";
    let at_field = host.query_selector(&format!(".field {selector}")).unwrap().expect("finding at the field");
    assert!(at_field.text_content().unwrap().contains("41 周岁"));
    assert!(host.query_selector(&format!(".finding-summary {selector}")).unwrap().is_some());
    // The task list counts it against the members section.
    assert!(text(&host, ".task-list [data-section='members'] .tag").starts_with("有 "));
    window().location().set_hash("#/").unwrap();
    window().local_storage().unwrap().unwrap().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_member_card_round_trips_through_its_stand_in_application() {
    use peixun::model::{CountryCode, Member};
    use peixun::ui::card::CardDraft;
    let date = |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let card = CardDraft {
        member: Member {
            id: "m1".into(),
            name: "周合作".into(),
            exit_date: date("2020-06-01"),
            return_date: date("2020-06-14"),
            country: CountryCode::parse("DE"),
            ..Default::default()
        },
        category: Some(peixun::model::Category::Youth),
    };
    let mut app = card.as_application();
    assert_eq!((app.exit_date, app.country, app.members.len()), (date("2020-06-01"), CountryCode::parse("DE"), 1));
    app.members[0].name = "周二".into();
    app.return_date = date("2020-06-20");
    let mut back = card.clone();
    back.take_back(app);
    assert_eq!(back.member.name, "周二");
    assert_eq!(back.member.return_date, date("2020-06-20"));
    assert_eq!(back.member.exit_date, date("2020-06-01"));
    assert!(!back.member.is_leader);
}

#[wasm_bindgen_test]
async fn the_schedules_hints_quote_the_rule_set_in_use() {
    use peixun::rule_set::RuleSet;
    let mut rs = RuleSet::embedded().clone();
    rs.id = "cas-2026".into();
    rs.durations.allowed = vec![7, 14];
    rs.durations.open_ended_from = Some(120);
    rs.max_cities = 3;
    let app = peixun::sample::example_applications(RuleSet::embedded()).remove(0);
    seed(&app, Some(serde_json::json!({ "rule_set": "cas-2026", "rule_sets": [rs] })));
    window().location().set_hash(&format!("#/apply/{}/schedule", app.id)).unwrap();
    let (host, _app) = mount_app();
    settle().await;
    let durations = text(&host, "[data-field='duration_days']");
    assert!(durations.contains("可选择 7 天、14 天或 120 天及以上"), "{durations}");
    assert!(durations.contains("120 天及以上") && !durations.contains("90 天"), "{durations}");
    let hosts = text(&host, "[data-field='hosts'] .field__hint");
    assert!(hosts.contains("至多 3 个城市"), "{hosts}");
    window().location().set_hash("#/").unwrap();
    window().local_storage().unwrap().unwrap().clear().unwrap();
}
