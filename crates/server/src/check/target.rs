//! `--question` and `--category`: the question a draft answers when the draft does not say.

use interview_content::Catalog;

/// What the command line links drafts to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// Category id (`partnerships`).
    pub category: String,
    /// The question or scenario, when one was named.
    pub item: Option<Item>,
}

/// A question or scenario prompt of a category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Its id (`partnerships/q4`, `partnerships/scenario-1`).
    pub id: String,
    /// Whether it is a scenario prompt rather than a question.
    pub scenario: bool,
    /// Its 1-based number in its list.
    pub number: u32,
}

/// Resolves `--question` (a number, or a question or scenario id) and `--category` against the
/// catalog. A bare number needs `--category` unless the catalog has a single category.
pub fn resolve(
    catalog: &Catalog,
    question: Option<&str>,
    category: Option<&str>,
) -> Result<Option<Target>, String> {
    let category_ids = || {
        let ids: Vec<&str> = catalog.categories.iter().map(|c| c.id.as_str()).collect();
        if ids.is_empty() {
            "none are loaded".to_string()
        } else {
            format!("categories: {}", ids.join(", "))
        }
    };
    let find_category = |id: &str| {
        catalog
            .category(id)
            .ok_or_else(|| format!("unknown category `{id}` ({})", category_ids()))
    };
    let Some(question) = question.map(str::trim) else {
        return match category {
            Some(id) => Ok(Some(Target {
                category: find_category(id)?.id.clone(),
                item: None,
            })),
            None => Ok(None),
        };
    };
    let (cat, rest) = match question.split_once('/') {
        Some((cat, rest)) => {
            if category.is_some_and(|c| c != cat) {
                return Err(format!(
                    "--question {question} is not in --category {}",
                    category.unwrap_or_default()
                ));
            }
            (find_category(cat)?, rest)
        }
        None => match (category, catalog.categories.as_slice()) {
            (Some(id), _) => (find_category(id)?, question),
            (None, [only]) => (only, question),
            (None, _) => {
                return Err(format!(
                    "--question {question} needs --category, or a full id such as \
                     `partnerships/q{question}` ({})",
                    category_ids()
                ));
            }
        },
    };
    let wanted = |id: &str| id == format!("{}/{rest}", cat.id);
    let number: Option<u32> = rest.parse().ok();
    let item = if let Some(q) = cat
        .questions
        .iter()
        .find(|q| wanted(&q.id) || Some(q.number) == number)
    {
        Item {
            id: q.id.clone(),
            scenario: false,
            number: q.number,
        }
    } else if let Some(s) = cat.scenarios.iter().find(|s| wanted(&s.id)) {
        Item {
            id: s.id.clone(),
            scenario: true,
            number: s.number,
        }
    } else {
        return Err(format!(
            "unknown question `{question}` in category {} (questions 1 to {})",
            cat.id,
            cat.questions.len()
        ));
    };
    Ok(Some(Target {
        category: cat.id.clone(),
        item: Some(item),
    }))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use interview_content::{
        Category, Lexicons, Origin, Paragraph, Question, QuestionKind, Scenario,
    };

    fn category(id: &str, questions: u32) -> Category {
        Category {
            id: id.into(),
            title: id.into(),
            title_line: 1,
            origin: Origin::Embedded,
            file: format!("{id}.md"),
            companion: None,
            markdown: String::new(),
            content_hash: 0,
            overview: Paragraph::default(),
            why: Paragraph::default(),
            concepts: Vec::new(),
            questions: (1..=questions)
                .map(|n| Question {
                    id: format!("{id}/q{n}"),
                    number: n,
                    text: format!("Question {n}?"),
                    line: 20 + n,
                    kind: QuestionKind::Process,
                    talking_points: Vec::new(),
                })
                .collect(),
            examples: Vec::new(),
            scenarios: vec![Scenario {
                id: format!("{id}/scenario-1"),
                number: 1,
                text: "A scenario.".into(),
                line: 40,
                prompt: "What would you do?".into(),
            }],
            best_practices: Vec::new(),
            mistakes: Vec::new(),
            lexicons: Lexicons::default(),
            rule_citations: Vec::new(),
        }
    }

    /// A catalog with these categories, each with `questions` questions and one scenario.
    pub(crate) fn catalog(ids: &[&str], questions: u32) -> Catalog {
        Catalog {
            categories: ids.iter().map(|id| category(id, questions)).collect(),
        }
    }

    fn item(result: Result<Option<Target>, String>) -> (String, bool) {
        let target = result.unwrap().unwrap();
        let item = target.item.unwrap();
        (item.id, item.scenario)
    }

    #[test]
    fn numbers_and_ids_name_questions_and_scenarios() {
        let one = catalog(&["partnerships"], 10);
        assert_eq!(
            item(resolve(&one, Some("4"), None)),
            ("partnerships/q4".into(), false)
        );
        assert_eq!(
            item(resolve(&one, Some("partnerships/q10"), None)),
            ("partnerships/q10".into(), false)
        );
        assert_eq!(
            item(resolve(&one, Some("partnerships/scenario-1"), None)),
            ("partnerships/scenario-1".into(), true)
        );
        let two = catalog(&["partnerships", "sales"], 3);
        assert_eq!(
            item(resolve(&two, Some("2"), Some("sales"))),
            ("sales/q2".into(), false)
        );
    }

    #[test]
    fn a_category_alone_links_to_the_category() {
        let cat = catalog(&["partnerships"], 1);
        let target = resolve(&cat, None, Some("partnerships")).unwrap().unwrap();
        assert_eq!(target.category, "partnerships");
        assert_eq!(target.item, None);
        assert_eq!(resolve(&cat, None, None).unwrap(), None);
    }

    #[test]
    fn unknown_or_ambiguous_names_are_errors() {
        let two = catalog(&["partnerships", "sales"], 3);
        let err = |q: Option<&str>, c: Option<&str>| resolve(&two, q, c).unwrap_err();
        assert!(err(Some("2"), None).contains("needs --category"));
        assert!(err(Some("9"), Some("sales")).contains("unknown question `9`"));
        assert!(err(None, Some("marketing")).contains("unknown category `marketing`"));
        assert!(err(Some("sales/q1"), Some("partnerships")).contains("not in --category"));
        assert!(err(Some("x/q1"), None).contains("categories: partnerships, sales"));
        let empty = Catalog::default();
        assert!(
            resolve(&empty, Some("1"), None)
                .unwrap_err()
                .contains("needs --category")
        );
    }
}
