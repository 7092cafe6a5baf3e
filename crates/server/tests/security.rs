//! What the server and the checker may touch: the only files written are the guide cache (a
//! private folder of read-only files with safe names), and no value in a draft addresses a path.

mod support;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use support::{Options, TestClient, file_uri};

/// Every file and folder below `root`, relative to it, sorted.
fn tree(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path.clone());
            }
            out.push(path.strip_prefix(root).unwrap().to_path_buf());
        }
    }
    out.sort();
    out
}

const ESCAPING: &str = "---\ncategory: ../../../../etc/passwd\nquestion: ../../x\n---\n# Draft\n\nI held 40 meetings.\n";

#[test]
fn a_language_server_session_writes_only_the_private_read_only_guide_cache() {
    let root = tempfile::tempdir().unwrap();
    let (home, cache, workspace) = (
        root.path().join("home"),
        root.path().join("cache"),
        root.path().join("workspace"),
    );
    for dir in [&home, &workspace] {
        fs::create_dir_all(dir).unwrap();
    }
    let draft = workspace.join("answers").join("draft.md");
    fs::create_dir_all(draft.parent().unwrap()).unwrap();
    fs::write(&draft, ESCAPING).unwrap();
    let before_workspace = tree(&workspace);

    let mut client = TestClient::start(Options {
        cache_dir: Some(cache.clone()),
        workspace: Some(workspace.clone()),
        env: vec![
            ("HOME".into(), home.display().to_string()),
            (
                "XDG_CACHE_HOME".into(),
                home.join(".cache").display().to_string(),
            ),
        ],
        ..Options::default()
    });
    client.initialize();
    let uri = file_uri(&draft);
    client.open(&uri, ESCAPING, 1);
    let diagnostics = client.diagnostics(&uri, 1);
    // The escaping values link nothing: the draft is reported as not linked.
    assert!(
        diagnostics.iter().any(|d| d["code"] == "link"),
        "{diagnostics:?}"
    );
    assert_eq!(client.shutdown_and_exit().code(), Some(0));

    assert_eq!(
        tree(&workspace),
        before_workspace,
        "the workspace was written to"
    );
    assert!(
        tree(&home).is_empty(),
        "files under HOME: {:?}",
        tree(&home)
    );
    let written = tree(&cache);
    assert!(!written.is_empty());
    for path in &written {
        let full = cache.join(path);
        let mode = fs::metadata(&full).unwrap().permissions().mode() & 0o777;
        if full.is_dir() {
            assert_eq!(mode, 0o700, "{}", path.display());
        } else {
            assert_eq!(mode & 0o222, 0, "{} is writable", path.display());
            let name = path.file_name().unwrap().to_str().unwrap();
            assert!(
                name == "rules.md" || name == "partnerships.md",
                "unexpected file {}",
                path.display()
            );
        }
    }
}

#[test]
fn check_reads_drafts_and_writes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let home = root.path().join("home");
    let work = root.path().join("work");
    fs::create_dir_all(&home).unwrap();
    fs::create_dir_all(&work).unwrap();
    fs::write(work.join("draft.md"), ESCAPING).unwrap();
    let before = tree(root.path());
    let output = Command::new(env!("CARGO_BIN_EXE_interview-coach"))
        .args(["check", "draft.md"])
        .current_dir(&work)
        .env("HOME", &home)
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("[link]"), "{stdout}");
    assert_eq!(tree(root.path()), before);
}

#[test]
fn symlink_loops_are_reported_and_the_other_drafts_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("b.md", dir.path().join("a.md")).unwrap();
    std::os::unix::fs::symlink("a.md", dir.path().join("b.md")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("self")).unwrap();
    fs::write(dir.path().join("c.md"), "# Draft\n\nHello.\n").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_interview-coach"))
        .args(["check", "--format", "json", "."])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("a.md") && stderr.contains("symbolic links"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("c.md"), "{stdout}");
}
