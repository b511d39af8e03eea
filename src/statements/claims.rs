//! Who claims each number: a statistic inside a statement's content is the speaker's claim.
//!
//! "The ministry said more than 40,000 people were killed" → `more than 40,000 people` is claimed by the
//! ministry (statement 0); "…, according to officials" makes the officials claim the numbers of the
//! clause it frames (the stage reads that frame as a statement too). A number in the narrator's voice
//! ("The bridge, built in 1932, carries 40,000 cars a day.") is nobody's claim.

use crate::model::{Statement, Statistic};

/// How many content spans before a number's start are checked for one that holds it: content spans
/// rarely nest, so the nearest few suffice and the pass stays linear.
const LOOK_BACK: usize = 4;

/// Sets [`Statistic::claimed_by`] and [`Statistic::statement`] of every statistic that lies inside a
/// statement's content span: the statement's index and its speaker (when resolved). Statements must be in
/// their final order and their speakers final actor ids; statistics keep `None` when no content holds
/// them.
pub(crate) fn link(statements: &[Statement], statistics: &mut [Statistic]) {
    if statements.is_empty() || statistics.is_empty() {
        return;
    }
    let mut spans: Vec<(usize, usize, usize)> = Vec::with_capacity(statements.iter().map(|s| s.content.len()).sum());
    for (k, s) in statements.iter().enumerate() {
        spans.extend(s.content.iter().map(|c| (c.start, c.end, k)));
    }
    spans.sort_unstable();
    for st in statistics.iter_mut() {
        let (a, b) = (st.span.start, st.span.end);
        let after = spans.partition_point(|&(s, _, _)| s <= a);
        let holder = spans[after.saturating_sub(LOOK_BACK)..after]
            .iter()
            .rev()
            .find(|&&(s, e, _)| s <= a && b <= e);
        if let Some(&(_, _, k)) = holder {
            st.statement = Some(k);
            st.claimed_by = statements[k].speaker;
        }
    }
}

#[cfg(test)]
mod tests {
    /// (statistic text, claimant name, statement content) for every statistic of `text`.
    fn claims(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let a = crate::parse(text).expect("parses");
        a.statistics()
            .iter()
            .map(|s| {
                (
                    a.slice(s.span).to_string(),
                    s.claimed_by.and_then(|i| a.actor(i)).map(|x| x.name.clone()),
                    s.statement.map(|k| a.slice(a.statements()[k].content[0]).to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn number_in_reported_speech_is_the_speakers() {
        let c = claims("The Health Ministry said more than 40,000 people were killed in the fighting.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert!(c[0].0.contains("40,000"), "{c:?}");
        assert!(
            c[0].1.as_deref().is_some_and(|n| n.contains("Health Ministry")),
            "{c:?}"
        );
        assert_eq!(
            c[0].2.as_deref(),
            Some("more than 40,000 people were killed in the fighting")
        );
    }

    #[test]
    fn number_in_narrator_voice_is_nobodys() {
        let c = claims("The bridge carries 40,000 cars a day. The mayor said it would reopen in May.");
        assert!(c.iter().any(|x| x.0.contains("40,000")), "{c:?}");
        for x in c.iter().filter(|x| x.0.contains("40,000")) {
            assert_eq!((x.1.as_deref(), x.2.as_deref()), (None, None), "{c:?}");
        }
    }

    #[test]
    fn number_in_speaker_phrase_is_not_claimed() {
        // "three officials" names the speakers; the claim is the 200 inside the content.
        let c = claims("Three officials said 200 soldiers had crossed the border.");
        let three = c.iter().find(|x| x.0.to_lowercase().starts_with("three"));
        assert!(three.is_none_or(|x| x.2.is_none()), "{c:?}");
        let two_hundred = c.iter().find(|x| x.0.contains("200")).expect("200 soldiers found");
        assert!(two_hundred.2.is_some(), "{c:?}");
    }
}
