//! `peixun-check [--json] [--today YYYY-MM-DD] [--rule-set FILE] BUNDLE...` (SPEC §7).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = peixun::cli::run(&args, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
    std::process::exit(code);
}

// The checker is a native tool; the wasm build of the crate is the web app.
#[cfg(target_arch = "wasm32")]
fn main() {}
