//! The output formats of `check`. Each renders one draft at a time, so that results can be
//! written as drafts are checked; the JSON array and the SARIF log are framed around them.

pub mod human;
pub mod json;
pub mod sarif;

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
