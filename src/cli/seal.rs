//! Sealed files on the command line: `--passphrase-file FILE` (or `PEIXUN_PASSPHRASE`)
//! opens sealed bundles before they are checked, and `--seal` writes each given bundle
//! sealed, beside it, as `NAME.sealed.json` (`crate::sealed`, RustCrypto).

use std::io::Write;

use crate::bundle::parse;
use crate::sealed;

/// The environment variable that may hold the passphrase instead of a file.
pub const PASSPHRASE_ENV: &str = "PEIXUN_PASSPHRASE";

/// The passphrase: the file's text without its final line break, else the environment's.
pub fn passphrase(file: Option<&str>, env: Option<String>) -> Result<Option<String>, String> {
    let Some(path) = file else { return Ok(env.filter(|p| !p.is_empty())) };
    let text = std::fs::read_to_string(path).map_err(|e| format!("无法读取口令文件 {path}：{e}"))?;
    let text = text.strip_suffix('\n').map(|t| t.strip_suffix('\r').unwrap_or(t)).unwrap_or(&text);
    if text.is_empty() {
        return Err(format!("口令文件 {path} 是空的"));
    }
    Ok(Some(text.to_string()))
}

/// A file's text as a bundle's: opened with the passphrase when it is sealed.
pub fn opened(text: String, passphrase: Option<&str>) -> Result<String, String> {
    if !sealed::is_sealed(&text) {
        return Ok(text);
    }
    let Some(p) = passphrase else {
        return Err(format!("是加密的数据包：请用 --passphrase-file 口令文件 或环境变量 {PASSPHRASE_ENV} 给出口令"));
    };
    let bytes = sealed::open(&text, p).map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|_| "解密后的内容不是 UTF-8 编码的文本，不是数据包".to_string())
}

/// Where `--seal` writes `path` sealed: `unit.peixun.json` → `unit.peixun.sealed.json`.
pub fn sealed_name(path: &str) -> String {
    sealed::sealed_file_name(path)
}

/// `--seal`: each file, a bundle, written sealed beside it; 0, or 2 when one could not be.
pub fn seal_files(files: &[String], passphrase: Option<&str>, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some(p) = passphrase else {
        _ = writeln!(err, "peixun-check：--seal 需要口令：--passphrase-file 口令文件 或环境变量 {PASSPHRASE_ENV}");
        return 2;
    };
    if let Some(problem) = sealed::passphrase_problem(p, p) {
        _ = writeln!(err, "peixun-check：{problem}");
        return 2;
    }
    let mut status = 0;
    for file in files {
        let target = sealed_name(file);
        let done = std::fs::read_to_string(file).map_err(|e| format!("无法读取文件：{e}")).and_then(|text| {
            if sealed::is_sealed(&text) {
                return Err("已是加密文件".into());
            }
            parse(&text).map_err(|e| format!("不是有效的数据包，未加密：{}", super::read_error_text(&e)))?;
            std::fs::write(&target, sealed::seal(text.as_bytes(), p)).map_err(|e| format!("无法写入 {target}：{e}"))
        });
        match done {
            Ok(()) => _ = writeln!(out, "{file} → {target}（已加密）"),
            Err(e) => {
                status = 2;
                _ = writeln!(err, "{file}: {e}");
            }
        }
    }
    status
}
