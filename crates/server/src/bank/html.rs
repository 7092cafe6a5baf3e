//! The bank as one self-contained HTML page: no network, no script, readable when printed.
//!
//! A bar chart of each item's best score (inline SVG), a concepts-by-questions coverage grid, and a
//! row per question and scenario linking to its best draft.

use std::fmt::Write as _;

use super::model::{Bank, CategoryBank, Item, percent};
use super::table::{clock, short_id};

const STYLE: &str = "
body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d2430;margin:2rem auto;max-width:64rem;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.25rem;margin:2rem 0 .4rem}h3{font-size:1rem;margin:1.4rem 0 .4rem}
.summary{color:#4a5566;margin:0 0 1rem}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #dde2ea;vertical-align:top}
th{font-weight:600;background:#f3f5f9}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.good{color:#13702f}.fair{color:#8a5a00}.poor{color:#b3261e}.none{color:#7a8494}
.grid td,.grid th{text-align:center}.grid th.q,.grid td.q{text-align:left}
.grid .covered{background:#d9f2e1}.grid .missed{background:#fde2df}.grid .undrafted{background:#eef1f5}
svg text{font:12px system-ui,sans-serif;fill:#1d2430}
ol li{margin:.2rem 0}
@media print{body{margin:0;max-width:none;font-size:11pt}a{color:inherit;text-decoration:none}
section{break-inside:avoid}th{background:none}}
";

/// Renders `bank` as a complete HTML document.
pub fn render(bank: &Bank) -> String {
    let mut out = String::new();
    out.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>Answer bank · interview-coach</title>\n<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<h1>Answer bank</h1>\n");
    for category in &bank.categories {
        category_section(&mut out, category);
    }
    if !bank.unlinked.is_empty() {
        out.push_str("<section id=\"unlinked\">\n<h2>Drafts linked to no question</h2>\n<ul>\n");
        for u in &bank.unlinked {
            let _ = writeln!(
                out,
                "<li><a href=\"{}\">{}</a>: {}</li>",
                attr(&u.path),
                text(&u.path),
                text(&u.fix)
            );
        }
        out.push_str("</ul>\n</section>\n");
    }
    if bank.categories.is_empty() && bank.unlinked.is_empty() {
        out.push_str("<p>No drafts found.</p>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn category_section(out: &mut String, c: &CategoryBank) {
    let _ = writeln!(
        out,
        "<section class=\"category\" id=\"{}\">\n<h2>{}</h2>",
        attr(&c.id),
        text(&c.title)
    );
    let mean = c
        .mean_score_percent
        .map_or("no score yet".to_owned(), |m| format!("mean score {m}%"));
    let _ = writeln!(
        out,
        "<p class=\"summary\">Drafted {} of {} · {mean} · {} of speaking</p>",
        c.drafted,
        c.total,
        clock(c.total_seconds)
    );
    practise_next(out, c);
    chart(out, c);
    items_table(out, c);
    coverage_grid(out, c);
    out.push_str("</section>\n");
}

fn practise_next(out: &mut String, c: &CategoryBank) {
    if c.practise_next.is_empty() {
        return;
    }
    out.push_str("<h3>Practise next</h3>\n<ol class=\"practise-next\">\n");
    for p in &c.practise_next {
        let _ = writeln!(
            out,
            "<li><strong>{}</strong>: {}</li>",
            text(short_id(&p.id)),
            text(&p.reason)
        );
    }
    out.push_str("</ol>\n");
}

/// One horizontal bar per item: its best score in percent, an empty bar when not drafted.
fn chart(out: &mut String, c: &CategoryBank) {
    const ROW: usize = 22;
    const LABEL: usize = 90;
    const BAR: usize = 420;
    let height = ROW * c.items.len() + 8;
    let _ = writeln!(
        out,
        "<h3>Best score per question</h3>\n<svg class=\"chart\" role=\"img\" aria-label=\"Best score per question\" width=\"{}\" height=\"{height}\" viewBox=\"0 0 {} {height}\">",
        LABEL + BAR + 60,
        LABEL + BAR + 60
    );
    for (i, item) in c.items.iter().enumerate() {
        let y = i * ROW + 4;
        let _ = writeln!(
            out,
            "<text x=\"0\" y=\"{}\">{}</text>",
            y + 14,
            text(short_id(&item.id))
        );
        let _ = writeln!(
            out,
            "<rect x=\"{LABEL}\" y=\"{y}\" width=\"{BAR}\" height=\"16\" fill=\"#eef1f5\"/>"
        );
        match item.best_draft() {
            Some(best) => {
                let pct = percent(best.score, best.max);
                let _ = writeln!(
                    out,
                    "<rect class=\"bar\" data-item=\"{}\" x=\"{LABEL}\" y=\"{y}\" width=\"{}\" height=\"16\" fill=\"{}\"/><text x=\"{}\" y=\"{}\">{}/{}</text>",
                    attr(&item.id),
                    BAR * pct as usize / 100,
                    colour(pct),
                    LABEL + BAR + 6,
                    y + 14,
                    best.score,
                    best.max
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "<text x=\"{}\" y=\"{}\" fill=\"#7a8494\">not drafted</text>",
                    LABEL + 6,
                    y + 14
                );
            }
        }
    }
    out.push_str("</svg>\n");
}

fn colour(pct: u32) -> &'static str {
    match pct {
        80.. => "#3a9d5d",
        50.. => "#d59a1e",
        _ => "#d0473d",
    }
}

fn class(pct: u32) -> &'static str {
    match pct {
        80.. => "good",
        50.. => "fair",
        _ => "poor",
    }
}

fn items_table(out: &mut String, c: &CategoryBank) {
    let history = c.items.iter().any(|i| i.progress.is_some());
    out.push_str("<h3>Questions and scenarios</h3>\n<table class=\"items\">\n<thead><tr><th>Item</th><th>Question</th><th>Score</th><th>Words</th><th>Time</th>");
    if history {
        out.push_str("<th>First</th><th>Best</th><th>Trend</th>");
    }
    out.push_str("<th>Open findings</th><th>Draft</th></tr></thead>\n<tbody>\n");
    for item in &c.items {
        item_row(out, item, history);
    }
    out.push_str("</tbody>\n</table>\n");
}

fn item_row(out: &mut String, item: &Item, history: bool) {
    let _ = write!(
        out,
        "<tr class=\"item\" data-item=\"{}\"><td>{}</td><td>{}",
        attr(&item.id),
        text(short_id(&item.id)),
        text(&item.title)
    );
    if !item.missed_talking_points.is_empty() {
        let _ = write!(
            out,
            "<br><small class=\"none\">Misses: {}</small>",
            text(&item.missed_talking_points.join(" · "))
        );
    }
    out.push_str("</td>");
    let Some(best) = item.best_draft() else {
        let span = if history { 8 } else { 5 };
        let _ = writeln!(
            out,
            "<td class=\"none\" colspan=\"{span}\">not drafted</td></tr>"
        );
        return;
    };
    let pct = percent(best.score, best.max);
    let _ = write!(
        out,
        "<td class=\"num {}\">{}/{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
        class(pct),
        best.score,
        best.max,
        best.words,
        clock(best.seconds)
    );
    if history {
        match item.progress {
            Some(p) => {
                let _ = write!(
                    out,
                    "<td class=\"num\">{}%</td><td class=\"num\">{}%</td><td>{}</td>",
                    p.first,
                    p.best,
                    match p.trend {
                        1 => "↑ up",
                        -1 => "↓ down",
                        _ => "→ level",
                    }
                );
            }
            None => out.push_str("<td></td><td></td><td></td>"),
        }
    }
    let rules: Vec<String> = best
        .rules
        .iter()
        .map(|r| match r.count {
            1 => r.rule.clone(),
            n => format!("{} ×{n}", r.rule),
        })
        .collect();
    let more = match item.drafts.len() {
        1 => String::new(),
        n => format!(" <small>(+{} more)</small>", n - 1),
    };
    let _ = writeln!(
        out,
        "<td>{}</td><td><a href=\"{}\">{}</a>{more}</td></tr>",
        text(&rules.join(", ")),
        attr(&best.path),
        text(&best.path)
    );
}

/// Questions down, concepts across: covered by the best draft, missed by it, or not drafted.
fn coverage_grid(out: &mut String, c: &CategoryBank) {
    if c.items.iter().all(|i| i.concepts.is_empty()) {
        // A category without talking points (no companion file) expects no concepts.
        return;
    }
    out.push_str("<h3>Key concepts by question</h3>\n<table class=\"grid\">\n<thead><tr><th class=\"q\">Question</th>");
    for concept in &c.concepts {
        let _ = write!(out, "<th>{}</th>", text(&concept.name));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for item in c.items.iter().filter(|i| !i.concepts.is_empty()) {
        let _ = write!(
            out,
            "<tr data-item=\"{}\"><td class=\"q\">{}</td>",
            attr(&item.id),
            text(short_id(&item.id))
        );
        for concept in &c.concepts {
            let cell = if !item.concepts.contains(&concept.id) {
                ("", "")
            } else if item.drafts.is_empty() {
                ("undrafted", "–")
            } else if item.missed_concepts.contains(&concept.id) {
                ("missed", "✗")
            } else {
                ("covered", "✓")
            };
            let _ = write!(out, "<td class=\"{}\">{}</td>", cell.0, cell.1);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n<p class=\"summary\">✓ covered by the best draft · ✗ expected but missed · – not drafted yet</p>\n");
}

/// Escapes text content.
fn text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Escapes an attribute value.
fn attr(s: &str) -> String {
    text(s).replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_in_paths_and_titles() {
        assert_eq!(attr("a\"<b>&"), "a&quot;&lt;b&gt;&amp;");
    }
}
