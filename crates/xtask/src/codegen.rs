//! The copies of the rule table and the settings schema that the editors and the docs carry,
//! generated from the engine's declarations (`Rule::ALL` with each rule's id, default severity and
//! summary; `SETTINGS` with each setting's keys, range and default):
//!
//! - `editors/vscode/package.json`: the `interviewCoach.rules.*` and server settings contributions;
//! - `editors/vscode/src/settings.ts`: the extension's rule list;
//! - `docs/protocol.md`: the rules table and the settings list;
//! - `editors/neovim/doc/interview_coach.txt`: the settings list of the help;
//! - `crates/rubric/models/`: the learned models, trained from the tuning material (`models.rs`).
//!
//! `cargo run -p xtask -- codegen` rewrites them; the test `generated_files_are_fresh` fails when
//! one is stale (and rewrites it, as rust-analyzer's `generate_package_json_config` test does).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use interview_rubric::{Rule, SETTINGS, SettingKind};

/// The command that regenerates the copies, quoted in the generated text.
const COMMAND: &str = "cargo run -p xtask -- codegen";

/// Rule levels the editors offer besides `default`.
const LEVELS: [&str; 5] = ["off", "hint", "information", "warning", "error"];

/// The repository root (two levels above this crate).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A file's new text from its current text.
type Splice = fn(&str) -> Result<String>;

/// Each generated file with its new text.
pub fn generate(root: &Path) -> Result<Vec<(PathBuf, String)>> {
    let splices: [(&str, Splice); 4] = [
        ("editors/vscode/package.json", package_json),
        ("editors/vscode/src/settings.ts", settings_ts),
        ("docs/protocol.md", protocol_md),
        ("editors/neovim/doc/interview_coach.txt", neovim_help),
    ];
    let mut files = splices
        .into_iter()
        .map(|(path, splice)| {
            let path = root.join(path);
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let text = splice(&text).with_context(|| format!("in {}", path.display()))?;
            Ok((path, text))
        })
        .collect::<Result<Vec<_>>>()?;
    files.extend(crate::models::generate(root)?);
    Ok(files)
}

/// Writes every generated file whose text changed; returns those paths.
pub fn write(root: &Path) -> Result<Vec<PathBuf>> {
    let mut changed = Vec::new();
    for (path, text) in generate(root)? {
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, text)
                .with_context(|| format!("cannot write {}", path.display()))?;
            changed.push(path);
        }
    }
    Ok(changed)
}

/// `text` with the part between the line holding `start` and the line holding `end` (both kept)
/// replaced by `body`.
fn between(text: &str, start: &str, end: &str, body: &str) -> Result<String> {
    let Some(open) = text.find(start) else {
        bail!("no `{start}` marker");
    };
    let from = open + text[open..].find('\n').map_or(text.len() - open, |i| i + 1);
    let Some(close) = text[from..].find(end).map(|i| from + i) else {
        bail!("no `{end}` marker after `{start}`");
    };
    let to = text[..close].rfind('\n').map_or(from, |i| i + 1).max(from);
    Ok(format!("{}{body}{}", &text[..from], &text[to..]))
}

fn quote(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// The settings contributions from the first rule to the extension's own settings, which follow.
fn package_json(text: &str) -> Result<String> {
    let mut body = String::new();
    let mut order = 0;
    let list = |items: &[String]| {
        let lines: Vec<String> = items
            .iter()
            .map(|i| format!("            {}", quote(i)))
            .collect();
        format!("[\n{}\n          ]", lines.join(",\n"))
    };
    for rule in Rule::ALL {
        order += 1;
        let default = rule.default_severity().as_str();
        let mut levels = vec!["default".to_string()];
        levels.extend(LEVELS.iter().map(|l| (*l).to_string()));
        let descriptions = [
            format!("The server default ({default}), unless .interview-coach.toml says otherwise."),
            "The rule does not run.".into(),
            "Shown as a hint.".into(),
            "Shown as information.".into(),
            "Shown as a warning.".into(),
            "Shown as an error.".into(),
        ];
        let fields = [
            ("type", quote("string")),
            ("enum", list(&levels)),
            ("enumDescriptions", list(&descriptions)),
            ("default", quote("default")),
            ("order", order.to_string()),
            (
                "markdownDescription",
                quote(&format!(
                    "Rule `{}`: {} Default severity: `{default}`.",
                    rule.id(),
                    rule.summary()
                )),
            ),
        ];
        body.push_str(&property(
            &format!("interviewCoach.rules.{}", rule.id()),
            &fields,
        ));
    }
    for spec in SETTINGS {
        order += 1;
        let mut fields = match &spec.kind {
            SettingKind::Integer { range, default } => vec![
                ("type", quote("integer")),
                ("default", default.to_string()),
                ("minimum", range.start().to_string()),
                ("maximum", range.end().to_string()),
            ],
            SettingKind::Folder { default } => {
                vec![("type", quote("string")), ("default", quote(default))]
            }
        };
        fields.push(("order", order.to_string()));
        fields.push(("markdownDescription", quote(spec.description)));
        body.push_str(&property(&format!("interviewCoach.{}", spec.json), &fields));
    }
    between(
        text,
        "\"properties\": {",
        "\"interviewCoach.server.path\"",
        &body,
    )
}

/// One property of the configuration, with its trailing comma.
fn property(key: &str, fields: &[(&str, String)]) -> String {
    let fields: Vec<String> = fields
        .iter()
        .map(|(name, value)| format!("          \"{name}\": {value}"))
        .collect();
    format!(
        "        \"{key}\": {{\n{}\n        }},\n",
        fields.join(",\n")
    )
}

const TS_START: &str = "// BEGIN GENERATED rules";
const TS_END: &str = "// END GENERATED rules";

/// The extension's rule list.
fn settings_ts(text: &str) -> Result<String> {
    let mut body = format!(
        "// Generated by `{COMMAND}` from the engine's rule table; do not edit.\n\
         /** The rule catalogue, in the server's order. Ids are the public contract. */\n\
         export const RULES: readonly RuleInfo[] = [\n"
    );
    for rule in Rule::ALL {
        body.push_str(&format!(
            "  {{ id: {}, defaultLevel: {}, summary: {} }},\n",
            ts_string(rule.id()),
            ts_string(rule.default_severity().as_str()),
            ts_string(rule.summary())
        ));
    }
    body.push_str("];\n");
    between(text, TS_START, TS_END, &body)
}

/// A TypeScript string literal: single quotes unless the text holds one.
fn ts_string(text: &str) -> String {
    if text.contains('\'') {
        quote(text)
    } else {
        format!("'{text}'")
    }
}

const MD_START: &str = "<!-- BEGIN GENERATED settings";
const MD_END: &str = "<!-- END GENERATED settings -->";

/// The settings list and the rules table of the protocol.
fn protocol_md(text: &str) -> Result<String> {
    let mut body = String::from(
        "- `rules.<rule id>`: `\"off\" | \"hint\" | \"information\" | \"warning\" | \"error\"` (see the table).\n",
    );
    for spec in SETTINGS {
        let kind = match &spec.kind {
            SettingKind::Integer { range, default } => format!(
                "integer {}–{} (default {default})",
                range.start(),
                range.end()
            ),
            SettingKind::Folder { default } => format!("folder (default `{default}`)"),
        };
        body.push_str(&format!(
            "- `{}` (`{}` in `.interview-coach.toml`): {kind}. {}\n",
            spec.json, spec.toml, spec.description
        ));
    }
    body.push_str("\n| rule | default severity | flags |\n| --- | --- | --- |\n");
    for rule in Rule::ALL {
        body.push_str(&format!(
            "| `{}` | {} | {} |\n",
            rule.id(),
            rule.default_severity(),
            rule.summary()
        ));
    }
    between(text, MD_START, MD_END, &body)
}

const HELP_START: &str = "`rules.<id>`";
const HELP_END: &str = "A `.interview-coach.toml` next to or above a draft";

/// The settings list of the Neovim help: `key` in a 20-column gutter, text wrapped at 78.
fn neovim_help(text: &str) -> Result<String> {
    let ids: Vec<String> = Rule::ALL.iter().map(|r| format!("`{}`", r.id())).collect();
    let mut rows = vec![(
        "`rules.<id>`".to_string(),
        format!(
            "`off`, `hint`, `information`, `warning` or `error`. Rule ids: {}.",
            ids.join(", ")
        ),
    )];
    for spec in SETTINGS {
        let text = match &spec.kind {
            SettingKind::Integer { range, default } => format!(
                "{} From {} to {}; default {default}.",
                spec.description,
                range.start(),
                range.end()
            ),
            SettingKind::Folder { default } => {
                format!("{} Default `{default}`.", spec.description)
            }
        };
        rows.push((format!("`{}`", spec.json), text));
    }
    let mut body = String::new();
    for (key, text) in rows {
        let mut line = format!("{key:<20}");
        let mut first = true;
        for word in text.split(' ') {
            if !first && line.len() + 1 + word.len() > 78 {
                body.push_str(line.trim_end());
                body.push('\n');
                line = " ".repeat(20);
                first = true;
            }
            if !first {
                line.push(' ');
            }
            line.push_str(word);
            first = false;
        }
        body.push_str(line.trim_end());
        body.push('\n');
    }
    body.push('\n');
    // The first row is the start marker itself: replace from its line.
    let start = text
        .find(HELP_START)
        .context("no settings list in the help")?;
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[start..]
        .find(HELP_END)
        .map(|i| start + i)
        .context("no end of the settings list in the help")?;
    Ok(format!("{}{body}{}", &text[..line_start], &text[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fails when a generated copy differs from what the engine declares, and rewrites it so that
    /// the fix is to commit the change.
    #[test]
    fn generated_files_are_fresh() {
        let changed = write(&root()).unwrap();
        assert!(
            changed.is_empty(),
            "stale generated files, now rewritten (commit them): {changed:?}"
        );
    }

    #[test]
    fn splicing_keeps_the_text_around_the_markers() {
        let text =
            "a\n<!-- BEGIN GENERATED settings -->\nold\n<!-- END GENERATED settings -->\nz\n";
        assert_eq!(
            between(text, MD_START, MD_END, "new\n").unwrap(),
            "a\n<!-- BEGIN GENERATED settings -->\nnew\n<!-- END GENERATED settings -->\nz\n"
        );
        assert!(between("no markers", MD_START, MD_END, "").is_err());
    }
}
