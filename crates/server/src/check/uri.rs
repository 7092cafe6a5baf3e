//! File paths as URI references for SARIF.

use std::path::{Component, Path};

/// Where a checked draft is, as SARIF wants it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArtifactUri {
    /// A relative reference, resolved against the folder the check ran in.
    Relative(String),
    /// A `file://` URI, for drafts outside that folder.
    Absolute(String),
}

/// The URI of `path`: relative to `root` when it lies under it, else an absolute `file://` URI.
/// `root` must be absolute.
pub fn artifact_uri(path: &Path, root: &Path) -> ArtifactUri {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        root.join(path)
    };
    let absolute = normalize(&absolute);
    match absolute.strip_prefix(normalize(root)) {
        Ok(relative) => ArtifactUri::Relative(encode_path(&slashes(relative))),
        Err(_) => ArtifactUri::Absolute(file_uri(&absolute)),
    }
}

/// `file:///abs/folder/`, with the trailing slash that makes relative references resolve inside.
pub fn folder_uri(dir: &Path) -> String {
    let mut uri = file_uri(dir);
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

fn file_uri(path: &Path) -> String {
    let path = slashes(path);
    if path.starts_with('/') {
        format!("file://{}", encode_path(&path))
    } else {
        // `C:/...` on Windows.
        format!("file:///{}", encode_path(&path))
    }
}

/// Percent-encodes what may not stand in a URI path, keeping `/` as the separator.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            // `:` only after the first segment, where it cannot read as a scheme (`C:`).
            b':' if out.contains('/') || path.starts_with('/') => out.push(':'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The path with `/` separators, lossily decoded.
fn slashes(path: &Path) -> String {
    let text = path.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '\\' {
        text.replace('\\', "/")
    } else {
        text.into_owned()
    }
}

/// Removes `.` and resolves `..` lexically, without touching the file system.
pub(crate) fn normalize(path: &Path) -> std::path::PathBuf {
    let mut out = std::path::PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn drafts_under_the_root_are_relative_and_encoded() {
        let root = Path::new("/work/coach");
        assert_eq!(
            artifact_uri(Path::new("answers/q 4#é.md"), root),
            ArtifactUri::Relative("answers/q%204%23%C3%A9.md".into())
        );
        assert_eq!(
            artifact_uri(Path::new("./answers/../q4.md"), root),
            ArtifactUri::Relative("q4.md".into())
        );
        assert_eq!(
            artifact_uri(Path::new("/work/coach/a.md"), root),
            ArtifactUri::Relative("a.md".into())
        );
    }

    #[test]
    fn drafts_elsewhere_are_file_uris() {
        let root = Path::new("/work/coach");
        assert_eq!(
            artifact_uri(Path::new("../other/a.md"), root),
            ArtifactUri::Absolute("file:///work/other/a.md".into())
        );
        assert_eq!(folder_uri(root), "file:///work/coach/");
    }

    #[test]
    fn a_colon_in_the_first_segment_is_encoded() {
        assert_eq!(encode_path("a:b.md"), "a%3Ab.md");
        assert_eq!(encode_path("dir/a:b.md"), "dir/a:b.md");
    }
}
