use leptos::prelude::*;

use super::route::Route;

/// The main navigation; the current page's link carries `aria-current="page"`.
#[component]
pub fn Nav(route: Memo<Route>) -> impl IntoView {
    view! {
        <nav class="nav" aria-label="主导航">
            <ul>
                {Route::ALL
                    .into_iter()
                    .map(|r| {
                        view! {
                            <li>
                                <a
                                    href=r.href()
                                    data-route=r.slug()
                                    aria-current=move || (route.get() == r).then_some("page")
                                >
                                    {r.label()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
