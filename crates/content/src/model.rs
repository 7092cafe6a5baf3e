//! The typed catalog: what a category file and its companion TOML say, with ids and source lines.

use serde::{Deserialize, Serialize};

/// Where a record was read from: a file name relative to its content root and a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    /// The file name, relative to the folder the category came from (`partnerships.md`).
    pub file: String,
    /// 1-based line in that file.
    pub line: u32,
}

/// Where a category came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "path")]
pub enum Origin {
    /// Embedded in the binary from the repository's `content/` folder.
    Embedded,
    /// Loaded at run time from a user's content pack folder (absolute path of the folder).
    Dir(String),
}

/// All categories known to the coach.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Catalog {
    /// Categories in a stable order (embedded first, then extra folders, each sorted by id).
    pub categories: Vec<Category>,
}

/// One interview category, such as Partnerships.
#[derive(Debug, Clone, Serialize)]
pub struct Category {
    /// Stable id, the file stem: `partnerships`.
    pub id: String,
    /// The `# Title` of the file.
    pub title: String,
    /// 1-based line of the title.
    pub title_line: u32,
    /// Where the category came from.
    pub origin: Origin,
    /// The Markdown file name (`partnerships.md`).
    pub file: String,
    /// The companion TOML file name, when there is one.
    pub companion: Option<String>,
    /// The Markdown source, verbatim, so that the guide can be written to disk unchanged.
    #[serde(skip)]
    pub markdown: String,
    /// A hash of the Markdown and companion sources, for cache folders keyed by content version.
    pub content_hash: u64,
    /// The Overview paragraph.
    pub overview: Paragraph,
    /// The "Why Interviewers Ask This" paragraph.
    pub why: Paragraph,
    /// Key Concepts.
    pub concepts: Vec<Concept>,
    /// Common Interview Questions, in order.
    pub questions: Vec<Question>,
    /// Example Answers.
    pub examples: Vec<ExampleAnswer>,
    /// Real Business Scenarios, each usable as a scenario prompt.
    pub scenarios: Vec<Scenario>,
    /// Best Practices.
    pub best_practices: Vec<RubricLine>,
    /// Mistakes to Avoid.
    pub mistakes: Vec<RubricLine>,
    /// Word lists the rubric rules match against.
    pub lexicons: Lexicons,
    /// Which rubric line each rule enforces (rule id → rubric line id), for citations: the
    /// companion's `[rules]`; the rubric adds the rest from the rubric lines' wording.
    pub rule_citations: Vec<RuleCitation>,
}

/// A section paragraph with its source line.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Paragraph {
    /// The paragraph text (inline Markdown flattened to plain text).
    pub text: String,
    /// 1-based line of the paragraph in the category file.
    pub line: u32,
}

/// A key concept of a category.
#[derive(Debug, Clone, Serialize)]
pub struct Concept {
    /// `partnerships/co-sell-motions`.
    pub id: String,
    /// The bullet text: `Co-sell motions`.
    pub name: String,
    /// 1-based line of the bullet.
    pub line: u32,
    /// A one-to-two sentence definition (from the companion; empty without one).
    pub definition: String,
    /// Synonyms and inflections that count as a mention, lower case (`co-selling`, `joint selling`).
    /// The name itself is always matched and is not repeated here.
    pub synonyms: Vec<String>,
}

/// How a question is meant to be answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionKind {
    /// "How do you ...": a method or process, ideally illustrated with a real case.
    Process,
    /// "Tell me about a time ...": a past story told with context, action, outcome, learning.
    Behavioural,
    /// A hypothetical situation: ask clarifying questions before proposing a plan.
    Scenario,
}

/// A common interview question.
#[derive(Debug, Clone, Serialize)]
pub struct Question {
    /// `partnerships/q3`.
    pub id: String,
    /// 1-based number in the list.
    pub number: u32,
    /// The question text.
    pub text: String,
    /// 1-based line of the list item.
    pub line: u32,
    /// Kind (from the companion; `Process` without one).
    pub kind: QuestionKind,
    /// What the interviewer listens for (from the companion; empty without one).
    pub talking_points: Vec<TalkingPoint>,
}

/// One thing a strong answer to a question covers.
#[derive(Debug, Clone, Serialize)]
pub struct TalkingPoint {
    /// What the point is, one sentence.
    pub text: String,
    /// Concept ids the point draws on (`partnerships/incentive-alignment`).
    pub concepts: Vec<String>,
    /// Example answer ids the point draws on (`partnerships/example-2`).
    pub examples: Vec<String>,
}

/// An example answer line from the category.
#[derive(Debug, Clone, Serialize)]
pub struct ExampleAnswer {
    /// `partnerships/example-1`.
    pub id: String,
    /// 1-based number in the list.
    pub number: u32,
    /// The answer text.
    pub text: String,
    /// 1-based line of the bullet.
    pub line: u32,
}

/// A real business scenario, usable as a scenario prompt.
#[derive(Debug, Clone, Serialize)]
pub struct Scenario {
    /// `partnerships/scenario-1`.
    pub id: String,
    /// 1-based number in the list.
    pub number: u32,
    /// The scenario as the category states it.
    pub text: String,
    /// 1-based line of the bullet.
    pub line: u32,
    /// The prompt an interviewer would ask about it (from the companion; the text without one).
    pub prompt: String,
}

/// A best practice or a mistake to avoid: the lines the rubric rules cite.
#[derive(Debug, Clone, Serialize)]
pub struct RubricLine {
    /// `partnerships/best-practice-2` or `partnerships/mistake-1`.
    pub id: String,
    /// 1-based number in its list.
    pub number: u32,
    /// The line's text.
    pub text: String,
    /// 1-based line of the bullet.
    pub line: u32,
}

/// Which rubric line a rule enforces in this category. The rule id is not checked here: the
/// rubric knows the rules and rejects unknown ids (`interview_rubric::resolve_catalog`).
#[derive(Debug, Clone, Serialize)]
pub struct RuleCitation {
    /// The rule id (`metrics`, `criticism`, ...).
    pub rule: String,
    /// The rubric line id (`partnerships/mistake-1`).
    pub line_id: String,
    /// Where the companion names it (its `[rules]` key); none when derived or built in code.
    pub source: Option<SourceRef>,
}

/// A metric the rules recognise, with what it measures (shown on hover).
#[derive(Debug, Clone, Serialize)]
pub struct Metric {
    /// Canonical name, lower case: `win rate`.
    pub name: String,
    /// Other spellings and inflections, lower case.
    pub synonyms: Vec<String>,
    /// One sentence on what it measures.
    pub measures: String,
}

/// A named term with its synonyms (teams, company stages).
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    /// Canonical name, lower case: `customer success`.
    pub name: String,
    /// Other spellings and inflections, lower case.
    pub synonyms: Vec<String>,
}

/// Word lists the rules match. All entries are lower case; matching is case-insensitive.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Lexicons {
    /// Business metrics (`metrics` rule, hover, completion).
    pub metrics: Vec<Metric>,
    /// Activity nouns and verbs that count effort rather than results (`activity-volume`).
    pub activities: Vec<String>,
    /// Words that name a business outcome (`activity-volume`, structure cues).
    pub outcomes: Vec<String>,
    /// Cross-functional teams (`cross-functional`).
    pub teams: Vec<Term>,
    /// Company stages and role words (`role-stage`).
    pub stages: Vec<String>,
    /// Words that show the end customer's or buyer's needs (`buyer-empathy`).
    pub buyer: Vec<String>,
}

/// A reference to any record of the catalog, as returned by [`Catalog::find`].
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "record")]
pub enum Record<'a> {
    /// A whole category.
    Category(&'a Category),
    /// A key concept.
    Concept(&'a Concept),
    /// A common interview question.
    Question(&'a Question),
    /// An example answer.
    Example(&'a ExampleAnswer),
    /// A real business scenario.
    Scenario(&'a Scenario),
    /// A best practice.
    BestPractice(&'a RubricLine),
    /// A mistake to avoid.
    Mistake(&'a RubricLine),
}

impl Record<'_> {
    /// The record's id.
    pub fn id(&self) -> &str {
        match self {
            Record::Category(c) => &c.id,
            Record::Concept(c) => &c.id,
            Record::Question(q) => &q.id,
            Record::Example(e) => &e.id,
            Record::Scenario(s) => &s.id,
            Record::BestPractice(l) | Record::Mistake(l) => &l.id,
        }
    }

    /// The record's 1-based line in its category file (the title's line for a category).
    pub fn line(&self) -> u32 {
        match self {
            Record::Category(c) => c.title_line,
            Record::Concept(c) => c.line,
            Record::Question(q) => q.line,
            Record::Example(e) => e.line,
            Record::Scenario(s) => s.line,
            Record::BestPractice(l) | Record::Mistake(l) => l.line,
        }
    }
}

impl Category {
    /// Any record of this category by its full id (`partnerships/q3`).
    pub fn find(&self, id: &str) -> Option<Record<'_>> {
        if id == self.id {
            return Some(Record::Category(self));
        }
        let local = id.strip_prefix(self.id.as_str())?.strip_prefix('/')?;
        self.concepts
            .iter()
            .find(|c| c.id == id)
            .map(Record::Concept)
            .or_else(|| {
                self.question_by_number(numbered(local, "q")?)
                    .map(Record::Question)
            })
            .or_else(|| {
                self.example(numbered(local, "example-")?)
                    .map(Record::Example)
            })
            .or_else(|| {
                self.scenario(numbered(local, "scenario-")?)
                    .map(Record::Scenario)
            })
            .or_else(|| {
                let n = numbered(local, "best-practice-")?;
                self.best_practices
                    .get(n.checked_sub(1)? as usize)
                    .map(Record::BestPractice)
            })
            .or_else(|| {
                let n = numbered(local, "mistake-")?;
                self.mistakes
                    .get(n.checked_sub(1)? as usize)
                    .map(Record::Mistake)
            })
    }

    /// The question with this 1-based number.
    pub fn question_by_number(&self, number: u32) -> Option<&Question> {
        self.questions.iter().find(|q| q.number == number)
    }

    /// The example answer with this 1-based number.
    pub fn example(&self, number: u32) -> Option<&ExampleAnswer> {
        self.examples.iter().find(|e| e.number == number)
    }

    /// The scenario with this 1-based number.
    pub fn scenario(&self, number: u32) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.number == number)
    }

    /// The concept with this id (`partnerships/co-sell-motions`) or slug (`co-sell-motions`).
    pub fn concept(&self, id_or_slug: &str) -> Option<&Concept> {
        self.concepts.iter().find(|c| {
            c.id == id_or_slug
                || c.id
                    .strip_prefix(self.id.as_str())
                    .and_then(|r| r.strip_prefix('/'))
                    == Some(id_or_slug)
        })
    }

    /// The best practice or mistake with this id (`partnerships/mistake-1`).
    pub fn rubric_line(&self, id: &str) -> Option<&RubricLine> {
        self.best_practices
            .iter()
            .chain(&self.mistakes)
            .find(|l| l.id == id)
    }

    /// The rubric line a rule cites in this category (`metrics` → Mistakes to Avoid 1), if any.
    pub fn citation(&self, rule: &str) -> Option<&RubricLine> {
        let citation = self.rule_citations.iter().find(|c| c.rule == rule)?;
        self.rubric_line(&citation.line_id)
    }
}

/// `q3` with prefix `q` → 3. Leading zeros and signs are refused, so each record has one id.
fn numbered(local: &str, prefix: &str) -> Option<u32> {
    let digits = local.strip_prefix(prefix)?;
    if digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}
