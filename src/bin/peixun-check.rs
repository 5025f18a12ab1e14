//! `peixun-check [--json] [--today YYYY-MM-DD] [--rule-set FILE] BUNDLE...` (SPEC §7).

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = peixun::cli::run(&args, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
    std::process::exit(code);
}
