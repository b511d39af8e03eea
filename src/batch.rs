//! Parsing many documents at once on several threads.
//!
//! A [`Parser`] is `Send + Sync` and the lexicons are shared by the whole process, so a batch is split
//! across scoped threads ([`std::thread::scope`]) that each take the next document from a shared counter
//! (long and short articles balance themselves). Results come back in input order, one per document, and
//! one document's error never affects the others.
//!
//! The public entry point is [`crate::parse_many`]; [`map_in_order`] is the crate's (and the CLI's, through
//! `newsparse::unstable`) worker pool.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::{Article, Document, Parser, Result};

/// The number of threads to use when the caller does not say: the machine's available parallelism
/// (1 when it cannot be determined).
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

mod sealed {
    pub trait Sealed {}
}

/// What [`parse_many`] can parse: a [`Document`] (its id and publication date are checked and echoed),
/// or a text (`&str`, `String`) parsed as [`Parser::parse`] does. Sealed: it cannot be implemented outside
/// the crate.
pub trait BatchInput: Sync + sealed::Sealed {
    /// Parses this input with `parser`.
    ///
    /// # Errors
    /// As [`Parser::parse_document`] (for a [`Document`]) or [`Parser::parse`] (for a text).
    fn parse_with(&self, parser: &Parser) -> Result<Article>;
}

impl sealed::Sealed for Document {}
impl BatchInput for Document {
    fn parse_with(&self, parser: &Parser) -> Result<Article> {
        parser.parse_document(self)
    }
}
impl sealed::Sealed for &str {}
impl BatchInput for &str {
    fn parse_with(&self, parser: &Parser) -> Result<Article> {
        parser.parse(self)
    }
}
impl sealed::Sealed for String {}
impl BatchInput for String {
    fn parse_with(&self, parser: &Parser) -> Result<Article> {
        parser.parse(self)
    }
}

/// Parses many documents (or texts) with `parser` on up to `threads` threads (`0` means every core) and
/// returns one result per input, in input order.
///
/// Workers take the next input from a shared counter (long and short articles balance themselves), and
/// one input's error never affects the others: each result is what [`Parser::parse_document`] (for a
/// [`Document`]) or [`Parser::parse`] (for a `&str` or `String`) returns for it.
///
/// ```
/// use newsparse::{Document, Parser, parse_many};
/// let parser = Parser::new();
/// let docs = vec![
///     Document::new("Talks resume\n\nThe talks resumed on Monday."),
///     Document::new("Rain\n\nIt rained.").with_published("2024-13-01"),
/// ];
/// let results = parse_many(&parser, &docs, 2);
/// assert_eq!(results[0].as_ref().unwrap().title(), Some("Talks resume"));
/// assert!(matches!(results[1], Err(newsparse::Error::InvalidDate { .. })));
///
/// let texts = ["Rain\n\nIt rained.", "Sun\n\nIt shone."];
/// let titles: Vec<_> = parse_many(&parser, &texts, 0)
///     .into_iter()
///     .map(|r| r.map(|a| a.title().map(str::to_owned)))
///     .collect::<Result<_, _>>()?;
/// assert_eq!(titles, [Some("Rain".to_owned()), Some("Sun".to_owned())]);
/// # Ok::<(), newsparse::Error>(())
/// ```
///
/// # Errors
/// Each input's result carries its own error ([`crate::Error::InputTooLarge`],
/// [`crate::Error::InvalidDate`]); the call itself cannot fail.
pub fn parse_many<D: BatchInput>(parser: &Parser, docs: &[D], threads: usize) -> Vec<Result<Article>> {
    map_in_order(docs, threads, |doc| doc.parse_with(parser))
}

/// Applies `f` to every item on up to `threads` threads (`0` means every core) and returns the
/// results in input order.
///
/// Workers claim items one at a time from a shared counter, so uneven item costs balance out. With one
/// thread (or one item) everything runs on the calling thread. A panic in `f` is propagated to the
/// caller once every worker has stopped; catch it inside `f` to keep the other results.
pub fn map_in_order<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let threads = if threads == 0 { default_threads() } else { threads };
    let threads = threads.min(items.len());
    if threads <= 1 {
        return items.iter().map(&f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            done.push((i, f(item)));
        }
        done
    };
    // The calling thread is one of the workers: its allocator heap and caches stay warm from one batch
    // to the next, and one thread fewer is started per batch.
    let mut parts: Vec<Vec<(usize, R)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mine = work();
        let mut parts: Vec<_> = workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect();
        parts.push(mine);
        parts
    });
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    for (i, r) in parts.iter_mut().flat_map(std::mem::take) {
        slots[i] = Some(r);
    }
    slots
        .into_iter()
        .map(|r| r.expect("every item is claimed by exactly one worker"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    fn corpus() -> Vec<Document> {
        (0..40)
            .map(|i| {
                let body = "The minister said the talks would resume. Both sides attended. ".repeat(i % 7 + 1);
                Document::new(format!("Story {i}\n\n{body}")).with_id(format!("doc-{i}"))
            })
            .collect()
    }

    #[test]
    fn results_are_in_input_order_and_equal_to_sequential() {
        let parser = Parser::new();
        let docs = corpus();
        let sequential: Vec<_> = docs.iter().map(|d| parser.parse_document(d)).collect();
        for threads in [1, 2, 3, 8, 100] {
            let parallel = parse_many(&parser, &docs, threads);
            assert_eq!(parallel, sequential, "threads = {threads}");
        }
        let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
        let from_texts = parse_many(&parser, &texts, 3);
        let owned: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
        assert_eq!(parse_many(&parser, &owned, 2), from_texts);
        for (t, d) in from_texts.iter().zip(&sequential) {
            let (t, d) = (t.as_ref().unwrap(), d.as_ref().unwrap());
            assert_eq!(t.id(), None);
            assert_eq!(t.statements(), d.statements());
            assert_eq!(t.title(), d.title());
        }
        let first = parse_many(&parser, &docs, 4);
        assert_eq!(first[5].as_ref().unwrap().id(), Some("doc-5"));
        assert_eq!(first[5].as_ref().unwrap().title(), Some("Story 5"));
    }

    #[test]
    fn one_bad_document_keeps_its_place_and_spares_the_others() {
        let parser = Parser::builder().max_input_bytes(1000).build();
        let mut docs = corpus();
        docs[3] = Document::new("Rain\n\nIt rained.").with_published("2023-02-29");
        docs[7] = Document::new("x".repeat(1001));
        let results = parse_many(&parser, &docs, 2);
        assert_eq!(results.len(), docs.len());
        assert!(matches!(&results[3], Err(Error::InvalidDate { value, .. }) if value == "2023-02-29"));
        assert!(matches!(
            results[7],
            Err(Error::InputTooLarge {
                size: 1001,
                limit: 1000
            })
        ));
        let ok = results.iter().filter(|r| r.is_ok()).count();
        assert_eq!(ok, docs.len() - 2);
    }

    #[test]
    fn zero_threads_means_default_and_empty_input_is_fine() {
        let parser = Parser::new();
        assert!(parse_many::<Document>(&parser, &[], 0).is_empty());
        assert!(parse_many::<&str>(&parser, &[], 0).is_empty());
        assert!(default_threads() >= 1);
        let docs = corpus();
        assert_eq!(parse_many(&parser, &docs, 0).len(), docs.len());
    }

    #[test]
    fn map_in_order_keeps_order_and_one_thread_stays_on_the_caller() {
        let items: Vec<usize> = (0..200).collect();
        let out = map_in_order(&items, 4, |&i| (i * 3, std::thread::current().id()));
        assert_eq!(
            out.iter().map(|p| p.0).collect::<Vec<_>>(),
            (0..200).map(|i| i * 3).collect::<Vec<_>>()
        );
        let one = map_in_order(&items, 1, |_| std::thread::current().id());
        assert!(one.iter().all(|&t| t == std::thread::current().id()));
    }

    #[test]
    #[should_panic(expected = "boom")]
    fn a_panic_in_a_worker_reaches_the_caller() {
        let items: Vec<usize> = (0..10).collect();
        map_in_order(&items, 2, |&i| {
            if i == 6 {
                panic!("boom");
            }
            i
        });
    }
}
