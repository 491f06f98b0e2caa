//! The layer rule (docs/architecture.md): arrows point down only. Each layer may name only the
//! project modules below it; this test fails when a `crate::` path (in a `use` or inline)
//! reaches upwards.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("read src dir") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `crate::<module>` a layer's files name, with where.
fn crate_paths(layer: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(layer);
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(!files.is_empty(), "no files under {}", root.display());
    let mut found = Vec::new();
    for f in files {
        let text = fs::read_to_string(&f).expect("read source");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let mut rest = code;
            while let Some(i) = rest.find("crate::") {
                rest = &rest[i + "crate::".len()..];
                let module: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                found.push((module, format!("{}:{}", f.display(), n + 1)));
            }
        }
    }
    found
}

fn assert_only(layer: &str, allowed: &[&str]) {
    let bad: Vec<String> = crate_paths(layer)
        .into_iter()
        .filter(|(m, _)| !allowed.contains(&m.as_str()))
        .map(|(m, at)| format!("{at}: crate::{m}"))
        .collect();
    assert!(
        bad.is_empty(),
        "{layer} may name only {allowed:?}, but names:\n{}",
        bad.join("\n")
    );
}

fn assert_never(layer: &str, forbidden: &[&str]) {
    let bad: Vec<String> = crate_paths(layer)
        .into_iter()
        .filter(|(m, _)| forbidden.contains(&m.as_str()))
        .map(|(m, at)| format!("{at}: crate::{m}"))
        .collect();
    assert!(
        bad.is_empty(),
        "{layer} must not name {forbidden:?}, but names:\n{}",
        bad.join("\n")
    );
}

#[test]
fn domain_imports_no_other_project_module() {
    assert_only("domain", &["domain"]);
}

#[test]
fn billing_imports_only_domain() {
    assert_only("billing", &["domain", "billing"]);
}

#[test]
fn storage_imports_only_domain() {
    assert_only("storage", &["domain", "storage"]);
}

#[test]
fn services_import_no_edge_module() {
    assert_never(
        "services",
        &["routes", "views", "error", "startup", "telemetry"],
    );
}

#[test]
fn services_know_nothing_of_http() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/services");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    for f in files {
        let text = fs::read_to_string(&f).expect("read source");
        for word in ["actix", "HttpResponse", "utoipa"] {
            assert!(
                !text.contains(word),
                "{} names {word}: HTTP belongs to routes/",
                f.display()
            );
        }
    }
}

#[test]
fn no_source_file_is_longer_than_about_600_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    for f in files {
        let lines = fs::read_to_string(&f).expect("read source").lines().count();
        assert!(lines <= 650, "{} has {lines} lines", f.display());
    }
}
