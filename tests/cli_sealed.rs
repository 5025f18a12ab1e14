//! `peixun-check` and sealed bundles, as a user runs it: `--seal` writes a file that
//! `--passphrase-file` (or PEIXUN_PASSPHRASE) opens and checks as the plain one; a wrong
//! passphrase, a changed byte, a malformed envelope and a missing passphrase exit 2 with
//! their message; a file sealed by another implementation (Node's OpenSSL) opens.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// A folder of this test's own, removed at the end.
struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let d = std::env::temp_dir().join(format!("peixun-cli-sealed-{}-{name}", std::process::id()));
        _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        Dir(d)
    }

    fn file(&self, name: &str, text: &str) -> String {
        let p = self.0.join(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_string()
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        _ = std::fs::remove_dir_all(&self.0);
    }
}

fn check(args: &[&str], env: Option<&str>) -> (i32, String, String) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_peixun-check"));
    c.args(["--today", "2020-01-10"]).args(args).env_remove("PEIXUN_PASSPHRASE");
    if let Some(p) = env {
        c.env("PEIXUN_PASSPHRASE", p);
    }
    let out = c.output().expect("the binary runs");
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

/// The plain fixture copied in, and it sealed by `--seal` with `pass` (in a file).
fn sealed(d: &Dir, fixture_name: &str, pass: &str) -> (String, String, String) {
    let plain = d.file(fixture_name, &std::fs::read_to_string(fixture(fixture_name)).unwrap());
    let pass_file = d.file("pass.txt", &format!("{pass}\n"));
    let (code, out, err) = check(&["--seal", "--passphrase-file", &pass_file, &plain], None);
    assert_eq!(code, 0, "{err}");
    let target = plain.strip_suffix(".json").unwrap().to_string() + ".sealed.json";
    assert!(out.contains(&target) && out.contains("已加密"), "{out}");
    (plain, target, pass_file)
}

#[test]
fn a_sealed_bundle_checks_as_the_plain_one_with_its_passphrase() {
    let d = Dir::new("round-trip");
    let (plain, target, pass_file) = sealed(&d, "age-41.peixun.json", "团组口令 2020 春");
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(
        text.starts_with(r#"{"format":"peixun-sealed","version":1,"kdf":{"name":"PBKDF2-SHA256","iterations":600000"#)
    );
    assert!(!text.contains("age-limit") && !text.contains("研究所"), "nothing readable in the envelope");
    let (code_plain, out_plain, _) = check(&["--json", &plain], None);
    let (code, out, err) = check(&["--json", "--passphrase-file", &pass_file, &target], None);
    assert_eq!((code, out.replace(&target, "F")), (code_plain, out_plain.replace(&plain, "F")), "{err}");
    assert_eq!(code, 1, "the fixture's age-limit error");
    // The environment instead of a file.
    let (code, out, _) = check(&["--json", &target], Some("团组口令 2020 春"));
    assert_eq!((code, out.replace(&target, "F")), (code_plain, out_plain.replace(&plain, "F")));
}

#[test]
fn a_wrong_passphrase_a_changed_byte_and_no_passphrase_exit_2() {
    let d = Dir::new("refused");
    let (_, target, _) = sealed(&d, "valid-youth.peixun.json", "correct horse battery");
    let wrong = d.file("wrong.txt", "correct horse batterY");
    let (code, _, err) = check(&["--passphrase-file", &wrong, &target], None);
    assert_eq!(code, 2);
    assert!(err.contains(&format!("{target}: 口令不正确，或文件已损坏")), "{err}");

    // One base64 character of the ciphertext changed (its tag no longer matches).
    let text = std::fs::read_to_string(&target).unwrap();
    let at = text.find(r#""ciphertext":""#).unwrap() + 20;
    let c = text.as_bytes()[at];
    let changed = d.file(
        "changed.sealed.json",
        &format!("{}{}{}", &text[..at], if c == b'A' { 'B' } else { 'A' }, &text[at + 1..]),
    );
    let (code, _, err) = check(&["--passphrase-file", &wrong.replace("wrong", "pass"), &changed], Some("x"));
    assert_eq!(code, 2);
    assert!(err.contains("口令不正确，或文件已损坏"), "{err}");

    let (code, _, err) = check(&[&target], None);
    assert_eq!(code, 2);
    assert!(err.contains("是加密的数据包：请用 --passphrase-file"), "{err}");
}

#[test]
fn a_malformed_envelope_has_its_own_message() {
    let d = Dir::new("malformed");
    let f = d.file("bad.sealed.json", r#"{"format":"peixun-sealed","version":1,"kdf":{"name":"PBKDF2-SHA256","iterations":1000,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="},"cipher":{"name":"AES-256-GCM","iv":"AAAAAAAAAAAAAAAA"},"ciphertext":"AAAAAAAAAAAAAAAAAAAAAA=="}"#);
    let (code, _, err) = check(&[&f], Some("whatever it is"));
    assert_eq!(code, 2);
    assert!(err.contains("加密文件的格式不正确：kdf.iterations 应在 600000 与 10000000 之间"), "{err}");
}

#[test]
fn a_file_sealed_by_openssl_opens() {
    // Node's crypto (OpenSSL): PBKDF2-SHA256 600,000 rounds, AES-256-GCM; src/sealed/tests.rs.
    let d = Dir::new("openssl");
    let pass = d.file("pass.txt", "口令 correct horse 7");
    let f = d.file(
        "node.sealed.json",
        r#"{"format":"peixun-sealed","version":1,"kdf":{"name":"PBKDF2-SHA256","iterations":600000,"salt":"AAECAwQFBgcICQoLDA0ODw=="},"cipher":{"name":"AES-256-GCM","iv":"oKGio6Slpqeoqaqr"},"ciphertext":"XQGTuclLPK38hvGDnnw8NkecWczvsvV2H+uyw5VSmxxb7zJlTzQlAYBpUUXH0Z5MhpgIR/zhuWuAoBXzQkfQsGoZY0MNZnpRicUIKXFUh3ADTQ=="}"#,
    );
    // Opened, then read as a bundle: this one is not a whole bundle, and says so.
    let (code, _, err) = check(&["--passphrase-file", &pass, &f], None);
    assert_eq!(code, 2);
    assert!(err.contains("不是有效的数据包") && !err.contains("口令不正确"), "{err}");
}

#[test]
fn seal_refuses_a_short_passphrase_a_sealed_file_and_what_is_not_a_bundle() {
    let d = Dir::new("seal-refuses");
    let plain = d.file("a.peixun.json", &std::fs::read_to_string(fixture("valid-youth.peixun.json")).unwrap());
    let short = d.file("short.txt", "1234567\n");
    let (code, _, err) = check(&["--seal", "--passphrase-file", &short, &plain], None);
    assert_eq!(code, 2);
    assert!(err.contains("口令至少 8 个字符"), "{err}");
    assert!(!Path::new(&plain.replace(".json", ".sealed.json")).exists());

    let not_bundle = d.file("b.json", "{\"hello\":1}");
    let (code, _, err) = check(&["--seal", &not_bundle, &plain], Some("12345678"));
    assert_eq!(code, 2);
    assert!(err.contains("b.json: 不是有效的数据包，未加密"), "{err}");
    let sealed_plain = plain.replace(".json", ".sealed.json");
    assert!(Path::new(&sealed_plain).exists(), "the good file is sealed anyway");
    let (code, _, err) = check(&["--seal", &sealed_plain], Some("12345678"));
    assert_eq!(code, 2);
    assert!(err.contains("已是加密文件"), "{err}");
}
