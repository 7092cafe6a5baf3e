//! One bounded reader for every file the product reads: drafts, settings, content packs, history.
//!
//! A path is checked before it is opened (a FIFO would block the open, a device would never end)
//! and again through the open handle, and at most `limit + 1` bytes are read whatever size the file
//! reports: `/proc` files report 0 bytes and a file can grow between the check and the read.

use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Why a bounded read refused or failed.
#[derive(Debug)]
pub enum ReadError {
    /// The path names a folder.
    Directory,
    /// The path names a FIFO, a device, a socket or another non-regular file.
    NotRegular,
    /// The content is over the limit; `limit` is the limit in bytes.
    TooLarge {
        /// The limit that was exceeded, in bytes.
        limit: u64,
    },
    /// The file could not be inspected or read.
    Io(io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Directory => f.write_str("is a folder, not a file"),
            ReadError::NotRegular => {
                f.write_str("not a regular file (a FIFO, device or socket is never read)")
            }
            ReadError::TooLarge { limit } => {
                write!(f, "larger than the limit of {}", bytes(*limit))
            }
            ReadError::Io(e) => write!(f, "cannot read the file: {e}"),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> Self {
        ReadError::Io(e)
    }
}

/// `limit` in the largest whole unit: "8 MiB", "64 KiB", "100 bytes".
fn bytes(limit: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * KIB;
    if limit >= MIB && limit % MIB == 0 {
        format!("{} MiB", limit / MIB)
    } else if limit >= KIB && limit % KIB == 0 {
        format!("{} KiB", limit / KIB)
    } else {
        format!("{limit} bytes")
    }
}

/// Reads the regular file at `path` (symbolic links followed) if it holds at most `limit` bytes.
///
/// Non-regular files are refused before they are opened, so a FIFO never blocks the caller.
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    check_regular(&std::fs::metadata(path)?)?;
    let file = File::open(path)?;
    // The path may have been swapped between the check and the open: check the handle too.
    check_regular(&file.metadata()?)?;
    read_to_limit(file, limit)
}

/// Reads all of `reader` if it yields at most `limit` bytes; never buffers more than `limit + 1`.
pub fn read_to_limit(reader: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

fn check_regular(metadata: &std::fs::Metadata) -> Result<(), ReadError> {
    if metadata.is_dir() {
        Err(ReadError::Directory)
    } else if !metadata.is_file() {
        Err(ReadError::NotRegular)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_file_within_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, b"hello").unwrap();
        assert_eq!(read_file(&path, 5).unwrap(), b"hello");
    }

    #[test]
    fn refuses_a_file_one_byte_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, b"hello!").unwrap();
        assert!(matches!(
            read_file(&path, 5),
            Err(ReadError::TooLarge { limit: 5 })
        ));
    }

    #[test]
    fn refuses_folders() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_file(dir.path(), 5),
            Err(ReadError::Directory)
        ));
    }

    #[cfg(unix)]
    #[test]
    fn refuses_devices_and_bounds_files_that_report_no_size() {
        // `/dev/zero` never ends; `/proc/self/maps` reports 0 bytes but has content.
        assert!(matches!(
            read_file(Path::new("/dev/zero"), 5),
            Err(ReadError::NotRegular)
        ));
        if Path::new("/proc/self/maps").exists() {
            assert!(matches!(
                read_file(Path::new("/proc/self/maps"), 5),
                Err(ReadError::TooLarge { .. })
            ));
        }
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_fifo_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fifo.md");
        let status = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap();
        assert!(status.success());
        assert!(matches!(read_file(&path, 5), Err(ReadError::NotRegular)));
    }

    #[test]
    fn bounds_a_stream() {
        assert_eq!(read_to_limit(&b"abc"[..], 3).unwrap(), b"abc");
        assert!(read_to_limit(io::repeat(0), 1 << 20).is_err());
    }

    #[test]
    fn names_the_limit_in_whole_units() {
        assert_eq!(bytes(8 * 1024 * 1024), "8 MiB");
        assert_eq!(bytes(64 * 1024), "64 KiB");
        assert_eq!(bytes(100), "100 bytes");
    }
}
