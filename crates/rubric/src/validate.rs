//! The content's rule citations, resolved by the side that knows the rules: a companion's
//! `[rules]` key must be a rule id, and a rule the companion does not map cites the rubric line
//! its [`crate::Meta::citation_keywords`] find.

use interview_content::{Catalog, ContentError, RuleCitation};

use crate::Rule;

/// Checks every category's rule citations against the rules and completes them. A category whose
/// companion names an unknown rule is an error with the companion's file and line (`partnerships.
/// toml:40: unknown rule "metrcs" in [rules] ...`) and is left out of the catalog, as content
/// files that fail validation are. The others get a citation for each rule the companion leaves
/// out whose keywords match a rubric line, so that everything that reads citations from the
/// catalog sees what the findings cite.
pub fn resolve_catalog(catalog: &mut Catalog) -> Vec<ContentError> {
    let mut errors = Vec::new();
    catalog.categories.retain_mut(|category| {
        let before = errors.len();
        for citation in &category.rule_citations {
            if citation.rule.parse::<Rule>().is_ok() {
                continue;
            }
            let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
            let (file, line) = match &citation.source {
                Some(source) => (source.file.clone(), Some(source.line)),
                None => (
                    category.companion.clone().unwrap_or(category.file.clone()),
                    None,
                ),
            };
            errors.push(ContentError {
                file,
                line,
                message: format!(
                    "unknown rule \"{}\" in [rules] (expected one of {})",
                    citation.rule,
                    ids.join(", ")
                ),
            });
        }
        if errors.len() > before {
            return false;
        }
        for &rule in Rule::ALL {
            if category.rule_citations.iter().any(|c| c.rule == rule.id()) {
                continue;
            }
            if let Some(cite) = crate::engine::citation(category, rule) {
                category.rule_citations.push(RuleCitation {
                    rule: rule.id().to_string(),
                    line_id: cite.id,
                    source: None,
                });
            }
        }
        true
    });
    errors
}

#[cfg(test)]
mod tests {
    use interview_content::{Catalog, Category, Origin};

    use super::*;

    const MD: &str = include_str!("../../../content/partnerships.md");
    const TOML: &str = include_str!("../../../content/partnerships.toml");

    fn category(toml: Option<&str>) -> Category {
        Catalog::parse_category("partnerships.md", MD, toml, Origin::Embedded).unwrap()
    }

    fn pairs(category: &Category) -> Vec<(String, String)> {
        let mut v: Vec<_> = category
            .rule_citations
            .iter()
            .map(|c| (c.rule.clone(), c.line_id.clone()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn an_unknown_rule_id_is_an_error_with_the_companion_line() {
        let toml = TOML.replacen("metrics = \"mistake-1\"", "metrcs = \"mistake-1\"", 1);
        let line = toml.lines().position(|l| l.starts_with("metrcs")).unwrap() + 1;
        let mut catalog = Catalog {
            categories: vec![category(Some(&toml)), category(Some(TOML))],
        };
        let errors = resolve_catalog(&mut catalog);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].to_string().starts_with(&format!(
                "partnerships.toml:{line}: unknown rule \"metrcs\" in [rules]"
            )),
            "{}",
            errors[0]
        );
        // The bad category is left out; the good one stays.
        assert_eq!(catalog.categories.len(), 1);
        assert!(
            pairs(&catalog.categories[0])
                .contains(&("metrics".into(), "partnerships/mistake-1".into()))
        );
    }

    #[test]
    fn citations_without_a_companion_agree_with_the_companion() {
        let mut bare = Catalog {
            categories: vec![category(None)],
        };
        assert!(bare.categories[0].rule_citations.is_empty());
        assert!(resolve_catalog(&mut bare).is_empty());
        let mut full = Catalog {
            categories: vec![category(Some(TOML))],
        };
        assert!(resolve_catalog(&mut full).is_empty());
        assert_eq!(pairs(&bare.categories[0]), pairs(&full.categories[0]));
    }

    #[test]
    fn the_embedded_catalog_resolves_cleanly() {
        let mut catalog = Catalog::embedded().clone();
        assert!(resolve_catalog(&mut catalog).is_empty());
        assert_eq!(
            catalog.categories.len(),
            Catalog::embedded().categories.len()
        );
    }
}
