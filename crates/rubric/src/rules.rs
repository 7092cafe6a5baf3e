//! The rule catalogue: ids are the public contract (diagnostic codes, config keys, docs).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// How serious a finding is; maps onto LSP diagnostic severities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Coaching hints.
    Hint,
    /// Best practices.
    Information,
    /// Mistakes to avoid.
    Warning,
    /// Only when the user raises a rule to it.
    Error,
}

impl Severity {
    /// The lower-case name used in settings and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Information => "information",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "hint" => Ok(Severity::Hint),
            "information" | "info" => Ok(Severity::Information),
            "warning" | "warn" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            other => Err(format!(
                "unknown severity `{other}` (expected off, hint, information, warning or error)"
            )),
        }
    }
}

macro_rules! rules {
    ($($variant:ident = $id:literal, $severity:ident, $doc:literal;)*) => {
        /// A rubric rule.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum Rule {
            $(#[doc = $doc] #[serde(rename = $id)] $variant,)*
        }

        impl Rule {
            /// Every rule, in catalogue order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The rule's public id.
            pub fn id(self) -> &'static str {
                match self { $(Rule::$variant => $id,)* }
            }

            /// The severity the rule has unless settings say otherwise.
            pub fn default_severity(self) -> Severity {
                match self { $(Rule::$variant => Severity::$severity,)* }
            }

            /// One line on what the rule flags.
            pub fn summary(self) -> &'static str {
                match self { $(Rule::$variant => $doc,)* }
            }
        }

        impl FromStr for Rule {
            type Err = String;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($id => Ok(Rule::$variant),)*
                    other => Err(format!("unknown rule `{other}`")),
                }
            }
        }
    };
}

rules! {
    Structure = "structure", Information, "A part of context, action, outcome or learning is missing.";
    Metrics = "metrics", Warning, "No quantified impact anywhere in the answer.";
    ActivityVolume = "activity-volume", Warning, "Activity counts presented without a business outcome.";
    Criticism = "criticism", Warning, "Blaming or disparaging past teams, managers, partners or customers.";
    CrossFunctional = "cross-functional", Warning, "No alignment with marketing, product or customer success.";
    ClarifyingQuestions = "clarifying-questions", Warning, "A scenario answer that proposes actions without clarifying questions first.";
    BuyerEmpathy = "buyer-empathy", Information, "No sign of the end customer's or buyer's needs, only tactics.";
    RoleStage = "role-stage", Information, "The answer never ties itself to the role or the company's stage.";
    TooLong = "too-long", Information, "Over the spoken-answer word budget.";
    Concepts = "concepts", Hint, "Expected talking points of the question that the draft does not touch.";
    Hedging = "hedging", Hint, "Hedges that undercut the answer (I think, maybe, sort of).";
    Ownership = "ownership", Hint, "\"We\" where the interviewer needs to hear what you did.";
    Link = "link", Information, "The draft is not linked to a question.";
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}
