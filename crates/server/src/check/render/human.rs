//! The default output: each finding as an annotated snippet (rustc style), then a one-line
//! summary per file.

use std::borrow::Cow;
use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use interview_rubric::{Finding, LinkVia, Severity};

use crate::check::CheckedFile;

/// Renders every file's findings and its summary line.
pub fn render(files: &[CheckedFile], color: bool) -> String {
    let mut out = String::new();
    for (i, file) in files.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&render_file(file, color));
    }
    out
}

/// One file's findings and its summary line. Files are separated by an empty line.
pub fn render_file(file: &CheckedFile, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = super::chunked(&file.report.findings, "", |findings| {
        let mut out = String::new();
        for finding in findings {
            let window = Window::of(file, &finding.range);
            let source = cr_as_lf(&file.text[window.source.clone()]);
            let rendered = renderer.render(&[finding_group(file, &window, &source, finding)]);
            out.push_str(&window.fix_column(&file.text, &rendered));
            out.push_str("\n\n");
        }
        out
    });
    out.push_str(&summary(file));
    out.push('\n');
    out
}

/// Characters of a line kept before and after a finding's span, at most: more than the renderer
/// shows of a long line (it trims lines to a 140-column terminal around the span).
const CONTEXT_CHARS: usize = 160;
/// Bytes of a finding's span shown, at most.
const SPAN_BYTES: usize = 16 * 1024;

/// The part of a file shown for one finding: the lines the span is on, cut to
/// [`CONTEXT_CHARS`] either side of it and to [`SPAN_BYTES`] of it. The snippet is bounded, so
/// rendering costs the same per finding whatever the size of the file or of its lines (the
/// renderer trims long lines to the terminal anyway).
struct Window {
    /// The bytes of the analysed text shown.
    source: std::ops::Range<usize>,
    /// The span, relative to `source`.
    span: std::ops::Range<usize>,
    /// The line and column of the span's start.
    start: crate::check::position::LineColumn,
}

impl Window {
    fn of(file: &CheckedFile, range: &std::ops::Range<usize>) -> Window {
        let text = file.text.as_str();
        let span = char_span(text, range);
        let start = file.position(span.start);
        let end = floor(text, span.end.min(span.start.saturating_add(SPAN_BYTES)));
        let before = &text[start.line_start..span.start];
        let from = before
            .char_indices()
            .rev()
            .nth(CONTEXT_CHARS - 1)
            .map_or(start.line_start, |(i, _)| start.line_start + i);
        let mut to = text.len();
        for (n, (i, c)) in text[end..].char_indices().enumerate() {
            if n == CONTEXT_CHARS || c == '\n' || c == '\r' {
                to = end + i;
                break;
            }
        }
        Window {
            source: from..to,
            span: span.start - from..end - from,
            start,
        }
    }

    /// `rendered` with the column of its ` --> path:line:column` line counted from the start of
    /// the line rather than from the start of the window, when the window cuts the line.
    fn fix_column(&self, text: &str, rendered: &str) -> String {
        let cut = &text[self.start.line_start..self.source.start];
        if cut.is_empty() {
            return rendered.to_string();
        }
        let shown = text[self.source.start..self.source.start + self.span.start]
            .chars()
            .count()
            + 1;
        let wrong = format!(":{}:{shown}", self.start.line);
        let right = format!(":{}:{}", self.start.line, self.start.column);
        match rendered
            .find("-->")
            .and_then(|arrow| rendered[arrow..].find(&wrong).map(|at| arrow + at))
        {
            Some(at) => format!(
                "{}{right}{}",
                &rendered[..at],
                &rendered[at + wrong.len()..]
            ),
            None => rendered.to_string(),
        }
    }
}

/// One finding: `warning[metrics]: message`, the source line with a caret under the span, the
/// cited rubric line, the rule's advice (the text hover shows) and the titles of the fixes that
/// change the draft (not those that turn the rule off).
fn finding_group<'a>(
    file: &'a CheckedFile,
    window: &Window,
    source: &'a str,
    finding: &'a Finding,
) -> Group<'a> {
    let snippet = Snippet::source(source)
        .path(file.path.as_str())
        .line_start(window.start.line)
        .annotation(AnnotationKind::Primary.span(window.span.clone()));
    let mut group = level(finding.severity)
        .primary_title(finding.message.as_str())
        .id(finding.rule.id())
        .element(snippet);
    if let Some(cite) = &finding.cites {
        group = group.element(
            Level::NOTE
                .no_name()
                .message(format!("{}:{}: {}", cite.file, cite.line, cite.text)),
        );
    }
    group = group.element(Level::HELP.message(finding.rule.advice(&file.settings)));
    for fix in finding.fixes.iter().filter(|f| !f.disables()) {
        group = group.element(Level::HELP.message(format!("fix: {}", fix.title)));
    }
    group
}

/// The text with each lone `\r` turned into `\n`: the renderer breaks lines at `\n` only, while
/// the coach (like editors and SARIF) also ends a line at a lone `\r`. Both are one byte, so
/// spans stay valid.
fn cr_as_lf(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    if !(0..bytes.len()).any(lone) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        out.push(if lone(i) { '\n' } else { c });
    }
    Cow::Owned(out)
}

/// The level shown in the title, named as in settings.
fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Information => Level::INFO.with_name("information"),
        Severity::Hint => Level::HELP.with_name("hint"),
    }
}

/// The range clamped to the text and moved to character boundaries, so that a stray offset
/// cannot make the renderer slice inside a character.
fn char_span(text: &str, range: &std::ops::Range<usize>) -> std::ops::Range<usize> {
    let start = floor(text, range.start);
    start..floor(text, range.end).max(start)
}

/// `i` clamped to the text and rounded down to a character boundary.
fn floor(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `answers/q4.md: 3 findings · rubric 6/10 · 212 words · ~1:25 · linked to partnerships/q4
/// (front matter)`.
pub fn summary(file: &CheckedFile) -> String {
    let report = &file.report;
    let mut line = format!("{}: ", file.path);
    match report.findings.len() {
        1 => line.push_str("1 finding"),
        n => {
            let _ = write!(line, "{n} findings");
        }
    }
    if report.score.max > 0 {
        let _ = write!(
            line,
            " · rubric {}/{}",
            report.score.points, report.score.max
        );
    }
    let words = if report.words == 1 { "word" } else { "words" };
    let _ = write!(
        line,
        " · {} {words} · ~{}:{:02}",
        report.words,
        report.speaking_seconds / 60,
        report.speaking_seconds % 60
    );
    match &report.link {
        Some(link) => {
            let via = match link.via {
                LinkVia::FrontMatter => "front matter",
                LinkVia::Heading => "heading",
                LinkVia::FileName => "file name",
                LinkVia::Explicit => "--question",
            };
            let target = link.target.as_deref().unwrap_or(&link.category);
            let _ = write!(line, " · linked to {target} ({via})");
        }
        None => line.push_str(" · not linked to a question"),
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::tests::{checked, finding};
    use interview_rubric::{Citation, Fix, Link, Rule, Score};

    /// The column, in characters, of the first caret under `line_text`'s source line.
    fn caret_under<'a>(output: &'a str, line_text: &str) -> (&'a str, &'a str) {
        let lines: Vec<&str> = output.lines().collect();
        let i = lines
            .iter()
            .position(|l| l.ends_with(line_text))
            .unwrap_or_else(|| panic!("no line ending with {line_text:?} in\n{output}"));
        (lines[i], lines[i + 1])
    }

    /// The text above the carets of `caret_line` in `source_line`.
    fn underlined(source_line: &str, caret_line: &str) -> String {
        let source: Vec<char> = source_line.chars().collect();
        caret_line
            .chars()
            .enumerate()
            .filter(|(_, c)| *c == '^')
            .map(|(i, _)| source[i])
            .collect()
    }

    #[test]
    fn puts_the_caret_under_the_span_with_rule_severity_message_and_citation() {
        let text = "# Launch\n\nWe had lots of meetings with the partner.\n";
        let start = text.find("lots of meetings").unwrap();
        let mut f = finding(
            Rule::ActivityVolume,
            Severity::Warning,
            start..start + "lots of meetings".len(),
        );
        f.cites = Some(Citation {
            category: "partnerships".into(),
            id: "partnerships/mistake-2".into(),
            file: "partnerships.md".into(),
            line: 54,
            text: "Over-focusing on activity volume instead of business outcomes.".into(),
        });
        let file = checked("answers/q4.md", text, vec![f]);
        let out = render(std::slice::from_ref(&file), false);
        assert!(
            out.contains("warning[activity-volume]: activity-volume message"),
            "{out}"
        );
        assert!(out.contains("answers/q4.md:3:8"), "{out}");
        let (source, carets) = caret_under(&out, "We had lots of meetings with the partner.");
        assert_eq!(underlined(source, carets), "lots of meetings");
        assert!(
            out.contains(
                "= partnerships.md:54: Over-focusing on activity volume instead of business outcomes."
            ),
            "{out}"
        );
        assert!(!out.contains('\u{1b}'), "no colour asked: {out:?}");
    }

    #[test]
    fn names_information_and_hint_as_settings_do_and_lists_fixes() {
        let text = "Maybe we grew.\n";
        let mut hint = finding(Rule::Hedging, Severity::Hint, 0..5);
        hint.fixes.push(Fix {
            title: "Remove the hedge".into(),
            edits: Vec::new(),
        });
        let info = finding(Rule::Structure, Severity::Information, 15..15);
        let out = render(&[checked("d.md", text, vec![hint, info])], false);
        assert!(out.contains("hint[hedging]: hedging message"), "{out}");
        assert!(out.contains("information[structure]"), "{out}");
        assert!(out.contains("help: fix: Remove the hedge"), "{out}");
        assert!(
            out.contains("= help: Drop the hedge and state it plainly."),
            "{out}"
        );
    }

    #[test]
    fn carets_line_up_under_non_ascii_text_and_crlf_lines() {
        let text = "Première ligne\r\nL’équipe a signé 3 accords 😀 en Q2.\r\nfin\r\n";
        let start = text.find("3 accords").unwrap();
        let f = finding(
            Rule::Metrics,
            Severity::Warning,
            start..start + "3 accords".len(),
        );
        let out = render(&[checked("d.md", text, vec![f])], false);
        assert!(!out.contains('\r'), "{out:?}");
        let (source, carets) = caret_under(&out, "L’équipe a signé 3 accords 😀 en Q2.");
        assert_eq!(underlined(source, carets), "3 accords");
        assert!(out.contains("d.md:2:18"), "{out}");
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line_as_in_json_and_sarif() {
        let text = "one\rtwo I think\rthree\n";
        let start = text.find("I think").unwrap();
        let f = finding(Rule::Hedging, Severity::Hint, start..start + 7);
        let out = render(&[checked("d.md", text, vec![f])], false);
        assert!(out.contains("d.md:2:5"), "{out}");
        let (source, carets) = caret_under(&out, "two I think");
        assert_eq!(underlined(source, carets), "I think");
    }

    #[test]
    fn colours_only_when_asked() {
        let f = finding(Rule::Metrics, Severity::Warning, 0..1);
        let out = render(&[checked("d.md", "x\n", vec![f])], true);
        assert!(out.contains('\u{1b}'), "{out:?}");
    }

    #[test]
    fn out_of_range_spans_do_not_panic() {
        let text = "é\n";
        let fs = vec![
            finding(Rule::Metrics, Severity::Warning, 1..99),
            finding(
                Rule::Metrics,
                Severity::Warning,
                std::ops::Range { start: 5, end: 2 },
            ),
        ];
        let out = render(&[checked("d.md", text, fs)], false);
        assert!(out.contains("2 findings"), "{out}");
    }

    #[test]
    fn every_range_of_awkward_text_renders() {
        // CRLF, a lone CR, a tab, wide and multi-byte characters, a zero-width joiner, no final
        // line end.
        let text = "a\r\nb\t\u{e9}\u{1f600}\r\n\rc\u{200d}\u{4e2d}\n\nend";
        for start in 0..=text.len() + 1 {
            for end in 0..=text.len() + 1 {
                let f = finding(Rule::Metrics, Severity::Warning, start..end);
                let out = render(&[checked("d.md", text, vec![f])], false);
                assert!(out.contains("warning[metrics]"), "{start}..{end}: {out}");
            }
        }
    }

    #[test]
    fn summarises_count_score_words_time_and_link() {
        let mut file = checked("answers/q4.md", "text", vec![]);
        file.report.score = Score { points: 6, max: 10 };
        file.report.words = 212;
        file.report.speaking_seconds = 85;
        file.report.link = Some(Link {
            category: "partnerships".into(),
            target: Some("partnerships/q4".into()),
            via: LinkVia::FrontMatter,
            range: None,
        });
        file.report.findings = vec![finding(Rule::Metrics, Severity::Warning, 0..1); 3];
        assert_eq!(
            summary(&file),
            "answers/q4.md: 3 findings · rubric 6/10 · 212 words · ~1:25 · linked to \
             partnerships/q4 (front matter)"
        );
        file.report.findings.truncate(1);
        file.report.link = None;
        file.report.score = Score::default();
        file.report.words = 1;
        file.report.speaking_seconds = 0;
        assert_eq!(
            summary(&file),
            "answers/q4.md: 1 finding · 1 word · ~0:00 · not linked to a question"
        );
    }
}
