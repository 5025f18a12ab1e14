#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| peixun_fuzz::sealed::run(data));
