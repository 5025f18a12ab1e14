#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| peixun_fuzz::migrate::run(data));
