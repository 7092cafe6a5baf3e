//! The bank as a terminal table.

use std::fmt::Write as _;

use super::model::{Bank, CategoryBank, Item, ItemKind, percent};

/// ANSI colours, or nothing when colour is off.
struct Paint(bool);

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
    fn bold(&self, text: &str) -> String {
        self.wrap("1", text)
    }
    fn dim(&self, text: &str) -> String {
        self.wrap("2", text)
    }
    /// Green at 80% and up, yellow from 50%, red below.
    fn score(&self, pct: u32, text: &str) -> String {
        let code = match pct {
            80.. => "32",
            50.. => "33",
            _ => "31",
        };
        self.wrap(code, text)
    }
}

/// `m:ss`.
pub fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// The short id shown in tables: `q4`, `scenario-1`.
pub fn short_id(id: &str) -> &str {
    id.rsplit('/').next().unwrap_or(id)
}

/// Renders `bank` for a terminal.
pub fn render(bank: &Bank, color: bool) -> String {
    let paint = Paint(color);
    let mut out = String::new();
    for category in &bank.categories {
        category_table(&mut out, category, &paint);
    }
    if !bank.unlinked.is_empty() {
        let _ = writeln!(out, "{}", paint.bold("Drafts linked to no question"));
        for u in &bank.unlinked {
            let _ = writeln!(out, "  {}: {}", u.path, u.fix);
        }
        out.push('\n');
    }
    if bank.categories.is_empty() && bank.unlinked.is_empty() {
        out.push_str("No drafts found.\n");
    }
    out
}

fn category_table(out: &mut String, c: &CategoryBank, paint: &Paint) {
    let mean = c
        .mean_score_percent
        .map_or("no score yet".to_owned(), |m| format!("mean score {m}%"));
    let _ = writeln!(
        out,
        "{} {}",
        paint.bold(&c.title),
        paint.dim(&format!(
            "· drafted {} of {} · {mean} · {} of speaking",
            c.drafted,
            c.total,
            clock(c.total_seconds)
        ))
    );
    let history = c.items.iter().any(|i| i.progress.is_some());
    let _ = writeln!(
        out,
        "  {:<11} {:<44} {:>5} {:>5} {:>5}{}  open findings · draft",
        "item",
        "question",
        "score",
        "words",
        "time",
        if history { "  first  best  trend" } else { "" },
    );
    for item in &c.items {
        item_row(out, item, history, paint);
    }
    if !c.uncovered_concepts.is_empty() {
        let names: Vec<&str> = c
            .uncovered_concepts
            .iter()
            .filter_map(|id| c.concepts.iter().find(|n| &n.id == id))
            .map(|n| n.name.as_str())
            .collect();
        let _ = writeln!(out, "\n  No draft covers: {}", names.join(", "));
    }
    if !c.practise_next.is_empty() {
        let _ = writeln!(out, "\n  {}", paint.bold("Practise next"));
        for (i, p) in c.practise_next.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}: {}", i + 1, short_id(&p.id), p.reason);
        }
    }
    out.push('\n');
}

fn item_row(out: &mut String, item: &Item, history: bool, paint: &Paint) {
    let title: String = if item.kind == ItemKind::Scenario {
        format!("(scenario) {}", item.title)
    } else {
        item.title.clone()
    };
    let title = truncate(&title, 44);
    let Some(best) = item.best_draft() else {
        let _ = writeln!(
            out,
            "  {:<11} {:<44} {}",
            short_id(&item.id),
            title,
            paint.dim("    –  not drafted")
        );
        return;
    };
    let pct = percent(best.score, best.max);
    let score = format!("{:>5}", format!("{}/{}", best.score, best.max));
    let progress = match (history, item.progress) {
        (true, Some(p)) => format!(
            "  {:>4}% {:>4}%  {:>5}",
            p.first,
            p.best,
            match p.trend {
                1 => "up",
                -1 => "down",
                _ => "level",
            }
        ),
        (true, None) => format!("{:22}", ""),
        (false, _) => String::new(),
    };
    let rules: Vec<String> = best
        .rules
        .iter()
        .map(|r| {
            if r.count > 1 {
                format!("{}×{}", r.rule, r.count)
            } else {
                r.rule.clone()
            }
        })
        .collect();
    let others = match item.drafts.len() {
        1 => String::new(),
        n => format!(" (+{} more)", n - 1),
    };
    let _ = writeln!(
        out,
        "  {:<11} {:<44} {} {:>5} {:>5}{progress}  {} · {}{others}",
        short_id(&item.id),
        title,
        paint.score(pct, &score),
        best.words,
        clock(best.seconds),
        if rules.is_empty() {
            "none".to_owned()
        } else {
            rules.join(", ")
        },
        best.path
    );
    if !item.missed_talking_points.is_empty() {
        let _ = writeln!(
            out,
            "  {:<11} {}",
            "",
            paint.dim(&format!(
                "misses {} talking point{}: {}",
                item.missed_talking_points.len(),
                if item.missed_talking_points.len() == 1 {
                    ""
                } else {
                    "s"
                },
                truncate(&item.missed_talking_points[0], 70)
            ))
        );
    }
}

/// At most `width` characters, with an ellipsis when cut.
fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(width - 1).collect();
    cut.push('…');
    cut
}
