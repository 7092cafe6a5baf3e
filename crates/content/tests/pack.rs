//! Content packs: categories loaded from a folder, with their safety rules.

use std::fs;
use std::path::Path;

use interview_content::{Catalog, ContentError, Origin};

const MD: &str = include_str!("../../../content/partnerships.md");
const TOML: &str = include_str!("../../../content/partnerships.toml");

/// The seed, retitled, as another category.
fn category_md(title: &str) -> String {
    MD.replacen("# Partnerships", &format!("# {title}"), 1)
}

fn messages(errors: &[ContentError]) -> Vec<String> {
    errors.iter().map(|e| e.message.clone()).collect()
}

fn write(dir: &Path, name: &str, text: &str) {
    fs::write(dir.join(name), text).expect("write fixture");
}

#[test]
fn loads_categories_with_and_without_companions() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "channel-sales.md",
        &category_md("Channel Sales"),
    );
    write(dir.path(), "channel-sales.toml", TOML);
    write(dir.path(), "alliances.md", &category_md("Alliances"));
    write(dir.path(), "notes.txt", "not a category");
    fs::create_dir(dir.path().join("nested")).expect("mkdir");
    write(&dir.path().join("nested"), "deep.md", &category_md("Deep"));

    let (catalog, errors) = Catalog::with_dir(dir.path());
    assert!(errors.is_empty(), "{errors:?}");
    let ids: Vec<&str> = catalog.categories.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["partnerships", "alliances", "channel-sales"]);

    let channel = catalog.category("channel-sales").expect("loaded");
    assert_eq!(channel.title, "Channel Sales");
    assert_eq!(channel.file, "channel-sales.md");
    assert_eq!(channel.companion.as_deref(), Some("channel-sales.toml"));
    assert_eq!(channel.questions[2].id, "channel-sales/q3");
    assert_eq!(
        channel.questions[2].talking_points[0].concepts[0],
        "channel-sales/incentive-alignment"
    );
    let root = dir.path().canonicalize().expect("canonical");
    assert_eq!(channel.origin, Origin::Dir(root.display().to_string()));

    let alliances = catalog.category("alliances").expect("loaded");
    assert!(alliances.companion.is_none());
    assert!(alliances.lexicons.metrics.is_empty());
}

#[test]
fn a_bad_file_is_reported_and_the_rest_still_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "good.md", &category_md("Good"));
    write(
        dir.path(),
        "broken.md",
        &MD.replacen("## Best Practices", "## Foo", 1),
    );
    write(dir.path(), "Bad Name.md", &category_md("Bad"));
    write(dir.path(), "orphan.toml", "[rules]\n");
    fs::write(dir.path().join("latin1.md"), b"# Caf\xe9\n").expect("write");

    let (catalog, errors) = Catalog::with_dir(dir.path());
    assert!(catalog.category("good").is_some());
    for id in ["broken", "latin1", "orphan"] {
        assert!(catalog.category(id).is_none(), "{id} is left out");
    }
    let path = |name: &str| {
        dir.path()
            .canonicalize()
            .expect("canonical")
            .join(name)
            .display()
            .to_string()
    };
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let expected = [
        format!(
            "{}: \"Bad Name\" is not a valid category id: a file name must be lower-case letters, digits and \"-\", starting with a letter or digit",
            path("Bad Name.md")
        ),
        format!("{}:43: unknown section \"Foo\"", path("broken.md")),
        format!(
            "{}:57: missing section \"Best Practices\"",
            path("broken.md")
        ),
        format!("{}:1: not valid UTF-8", path("latin1.md")),
        format!(
            "{}: companion without a category file (expected orphan.md beside it)",
            path("orphan.toml")
        ),
    ];
    assert_eq!(shown.len(), expected.len(), "{shown:#?}");
    for (shown, expected) in shown.iter().zip(&expected) {
        assert!(
            shown.starts_with(expected.as_str()),
            "{shown}\n  expected {expected}"
        );
    }
}

#[test]
fn an_id_already_embedded_is_an_error_not_a_silent_drop() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "partnerships.md",
        &category_md("My Partnerships"),
    );
    let (catalog, errors) = Catalog::with_dir(dir.path());
    assert_eq!(
        messages(&errors),
        ["category \"partnerships\" is already built in; rename the file to add a category"]
    );
    assert!(errors[0].file.ends_with("partnerships.md"));
    let kept = catalog.category("partnerships").expect("embedded kept");
    assert_eq!(kept.title, "Partnerships");
    assert_eq!(kept.origin, Origin::Embedded);
}

#[test]
fn oversized_files_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut big = category_md("Big");
    big.push_str("\n<!--");
    big.push_str(&"x".repeat(1024 * 1024));
    big.push_str("-->\n");
    write(dir.path(), "big.md", &big);
    // An oversized companion takes its category out: loading it without would hide the problem.
    write(dir.path(), "small.md", &category_md("Small"));
    write(
        dir.path(),
        "small.toml",
        &format!("# {}\n", "y".repeat(1024 * 1024)),
    );

    let (catalog, errors) = Catalog::with_dir(dir.path());
    assert!(catalog.category("big").is_none());
    assert!(catalog.category("small").is_none());
    assert_eq!(errors.len(), 2, "{errors:?}");
    for error in &errors {
        assert!(
            error.message.starts_with("file is too large (")
                && error
                    .message
                    .ends_with("bytes; a category file may be at most 1 MiB)"),
            "{error}"
        );
    }
}

#[cfg(unix)]
#[test]
fn symlinks_may_not_leave_the_folder() {
    use std::os::unix::fs::symlink;

    let outside = tempfile::tempdir().expect("tempdir");
    write(outside.path(), "secret.md", &category_md("Secret"));
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "inside.md", &category_md("Inside"));
    symlink(
        outside.path().join("secret.md"),
        dir.path().join("secret.md"),
    )
    .expect("symlink");
    symlink(dir.path().join("inside.md"), dir.path().join("alias.md")).expect("symlink");
    symlink(
        dir.path().join("missing.md"),
        dir.path().join("dangling.md"),
    )
    .expect("symlink");

    let (catalog, errors) = Catalog::with_dir(dir.path());
    assert!(catalog.category("secret").is_none());
    assert!(catalog.category("dangling").is_none());
    assert_eq!(
        catalog.category("alias").map(|c| c.title.as_str()),
        Some("Inside")
    );
    assert_eq!(
        catalog.category("inside").map(|c| c.title.as_str()),
        Some("Inside")
    );
    let messages = messages(&errors);
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].starts_with("cannot follow the symbolic link"),
        "{messages:?}"
    );
    assert_eq!(
        messages[1],
        "symbolic link points outside the content folder; copy the file in instead"
    );
}

#[cfg(unix)]
#[test]
fn special_files_are_refused_without_blocking() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("pipe.md");
    let status = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo unavailable; skipping");
        return;
    }
    let (_, errors) = Catalog::with_dir(dir.path());
    assert_eq!(messages(&errors), ["not a regular file"]);
}

#[test]
fn a_missing_folder_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("nope");
    let (catalog, errors) = Catalog::with_dir(&missing);
    assert_eq!(
        catalog.categories.len(),
        Catalog::embedded().categories.len()
    );
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]
            .message
            .starts_with("cannot open the content folder"),
        "{}",
        errors[0]
    );
    let file = dir.path().join("file.md");
    write(dir.path(), "file.md", "x");
    let (_, errors) = Catalog::with_dir(&file);
    assert_eq!(messages(&errors), ["not a folder"]);
}

#[test]
fn byte_order_mark_is_ignored() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "bom.md",
        &format!("\u{feff}{}", category_md("Bom")),
    );
    let (catalog, errors) = Catalog::with_dir(dir.path());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        catalog.category("bom").map(|c| c.questions[0].line),
        Some(21)
    );
}
