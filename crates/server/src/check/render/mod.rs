//! The output formats of `check`. Each renders one draft at a time, so that results can be
//! written as drafts are checked; the JSON array and the SARIF log are framed around them.

pub mod human;
pub mod json;
pub mod sarif;

use rayon::prelude::*;

/// Items rendered together by one thread, at most: enough that splitting pays for itself.
const CHUNK: usize = 1024;

/// `render` over `items` in chunks, in parallel when there are more than [`CHUNK`], joined in
/// order with `separator`: the same text as `render(items)` when `render` joins its items with
/// `separator` too. A draft with tens of thousands of findings then renders on every core
/// `check` may use (inside its thread pool, `--jobs` bounds this too).
pub(crate) fn chunked<T: Sync>(
    items: &[T],
    separator: &str,
    render: impl Fn(&[T]) -> String + Sync,
) -> String {
    if items.len() <= CHUNK {
        return render(items);
    }
    let parts: Vec<String> = items.par_chunks(CHUNK).map(&render).collect();
    parts.join(separator)
}

/// Appends `pretty` (pretty-printed JSON) to `out` with every line indented by `indent`, as it
/// would be nested in a larger pretty-printed document. JSON strings hold no raw line ends, so
/// every line is a line of structure.
pub(crate) fn indent_into(out: &mut String, pretty: &str, indent: &str) {
    for (i, line) in pretty.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(indent);
        out.push_str(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_join_as_one_pass_would() {
        let items: Vec<usize> = (0..CHUNK * 3 + 7).collect();
        let render = |items: &[usize]| {
            items
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(",")
        };
        assert_eq!(chunked(&items, ",", render), render(&items));
        assert_eq!(chunked(&items[..5], ",", render), "0,1,2,3,4");
        assert_eq!(chunked(&[] as &[usize], ",", render), "");
    }
}
