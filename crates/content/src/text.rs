//! Small text helpers shared by the parsers: byte offset → line, slugs, ids, a stable hash.

/// Maps byte offsets to 1-based lines. `\n`, `\r\n` and a lone `\r` end a line, as in CommonMark.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends_line {
                starts.push(i + 1);
            }
        }
        LineIndex { starts }
    }

    /// The 1-based line holding `offset` (offsets past the end map to the last line).
    pub(crate) fn line(&self, offset: usize) -> u32 {
        // `starts[0] == 0`, so the count is at least 1.
        u32::try_from(self.starts.partition_point(|&s| s <= offset)).unwrap_or(u32::MAX)
    }
}

/// The id-safe form of a name: ASCII letters and digits lower-cased, every other run of characters
/// one `-`, none at either end. `Partner types and models` → `partner-types-and-models`.
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Whether `id` is a valid category id: `[a-z0-9][a-z0-9-]*`.
pub(crate) fn is_category_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Collapses runs of whitespace to one space and trims both ends.
pub(crate) fn squash_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A stable 64-bit FNV-1a hash over several parts. Each part is followed by a separator byte that
/// UTF-8 text never contains, so `("ab", "")` and `("a", "b")` differ. Unlike std's hashers the
/// result is the same on every run and every build, which cache folder names need.
pub(crate) fn stable_hash(parts: &[&[u8]]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    for part in parts {
        for &b in part.iter().chain(&[0xff]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_every_line_ending() {
        let index = LineIndex::new("a\nb\r\nc\rd");
        let lines: Vec<u32> = (0..8).map(|o| index.line(o)).collect();
        assert_eq!(lines, [1, 1, 2, 2, 2, 3, 3, 4]);
        assert_eq!(index.line(100), 4);
    }

    #[test]
    fn slugs_are_id_safe() {
        assert_eq!(slug("Partner types and models"), "partner-types-and-models");
        assert_eq!(slug("Co-sell motions"), "co-sell-motions");
        assert_eq!(slug("  ROI / payback (months)!"), "roi-payback-months");
        assert_eq!(slug("Équipe"), "quipe");
        assert_eq!(slug("!!!"), "");
    }

    #[test]
    fn category_ids() {
        for ok in ["partnerships", "b2b-sales", "9lives"] {
            assert!(is_category_id(ok), "{ok}");
        }
        for bad in ["", "-x", "Partnerships", "a_b", "a b", "../x", "a.b"] {
            assert!(!is_category_id(bad), "{bad}");
        }
    }

    #[test]
    fn hash_is_fnv1a_and_separates_parts() {
        // FNV-1a 64 of the empty input is the offset basis; one part adds the separator byte.
        assert_eq!(stable_hash(&[]), 0xcbf2_9ce4_8422_2325);
        assert_ne!(stable_hash(&[b"ab", b""]), stable_hash(&[b"a", b"b"]));
        // Pinned: a change here would orphan every cache folder keyed by the hash.
        assert_eq!(stable_hash(&[b"a"]), 0x089b_c907_b544_c769);
    }
}
