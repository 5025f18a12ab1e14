//! The web app's entry point (built by Trunk for wasm32).

#[cfg(target_arch = "wasm32")]
fn main() {
    peixun::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("peixun is a web app: build it with `make run`; the native tool is `peixun-check`.");
}
