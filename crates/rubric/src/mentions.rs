//! Concept and metric terms mentioned in the prose, for hover and definition.

use crate::context::Ctx;
use crate::{Mention, MentionTarget};

/// Concept and metric terms in the prose.
pub(crate) fn mentions(ctx: &Ctx<'_>) -> Vec<Mention> {
    let Some(compiled) = ctx.compiled.filter(|_| ctx.category.is_some()) else {
        return Vec::new();
    };
    // Token ranges first: a long draft has thousands, and most overlap another.
    let mut found: Vec<(&std::ops::Range<usize>, MentionKind, u16)> = ctx
        .hits
        .concepts
        .iter()
        .map(|(i, r)| (r, MentionKind::Concept, *i))
        .chain(
            ctx.hits
                .metrics
                .iter()
                .map(|(i, r)| (r, MentionKind::Metric, *i)),
        )
        .collect();
    // Where phrases overlap (`win rate` inside `partner win rate`), keep the longest.
    found.sort_unstable_by_key(|(r, kind, i)| (r.start, std::cmp::Reverse(r.end), *kind, *i));
    let mut kept: Vec<Mention> = Vec::with_capacity(found.len());
    let mut last_end = 0;
    for (tokens, kind, i) in found {
        let target = match kind {
            MentionKind::Concept => compiled
                .concept_ids
                .get(i as usize)
                .cloned()
                .map(MentionTarget::Concept),
            MentionKind::Metric => compiled
                .metric_names
                .get(i as usize)
                .cloned()
                .map(MentionTarget::Metric),
        };
        let Some(target) = target else { continue };
        let range = ctx.span(tokens.clone());
        if !kept.is_empty() && range.start < last_end {
            continue;
        }
        last_end = range.end;
        kept.push(Mention { range, target });
    }
    kept
}

/// Metrics sort before concepts where both start and end alike: a metric's name touches a
/// concept only because the concept's definition lists it ("win rate" for joint success
/// metrics), and a hover on it should say what it measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum MentionKind {
    Metric,
    Concept,
}

#[cfg(test)]
mod tests {
    use crate::MentionTarget;
    use crate::rules::testing::analyze;

    #[test]
    fn mentions_concepts_and_metrics_in_prose_only() {
        let text = "# How do you launch a co-sell motion?\n\nCo-selling lifted our win rates; `win rate` in code is not prose.\n";
        let report = analyze(text);
        let found: Vec<(&str, &MentionTarget)> = report
            .mentions
            .iter()
            .map(|m| (&text[m.range.clone()], &m.target))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "Co-selling",
                    &MentionTarget::Concept("partnerships/co-sell-motions".into())
                ),
                ("win rates", &MentionTarget::Metric("win rate".into())),
            ]
        );
    }
}
