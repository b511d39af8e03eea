//! Everything about characters: offsets, paragraphs and sentences, tokens.
//!
//! [`Doc::new`] builds, in one linear pass each, the paragraph and sentence segmentation and the token
//! stream that every later stage reads. The original text is never modified: normalisation (curly →
//! straight quotes, NBSP → space, ASCII lower case) happens in views that keep byte offsets.

mod forms;
pub(crate) use forms::key as form_key;
pub mod offsets;
mod segment;
mod tokens;

pub use tokens::{QuoteMark, Token, TokenKind, flags};

use crate::model::Span;

/// A sentence: its tokens (never none). Its byte span is [`Doc::sentence_span`], from its first token's
/// start to its last token's end; its paragraph is that of its tokens ([`Token::paragraph`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Range of its tokens in [`Doc::tokens`].
    pub tokens: std::ops::Range<usize>,
}

/// A segmented, tokenised text, shared by every stage of the analysis.
#[derive(Debug, Clone)]
pub struct Doc<'t> {
    /// The text exactly as given.
    pub text: &'t str,
    /// The text with ASCII letters lower-cased: same length, same byte offsets.
    pub lower: String,
    /// The headline, when the first line stands alone.
    pub title: Option<Span>,
    /// Paragraph spans (the title, when present, is paragraph 0).
    pub paragraphs: Vec<Span>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// The distinct lower-cased token texts, numbered (see [`Doc::form`]).
    pub(crate) forms: forms::Forms,
    /// For every paragraph, the index after its last token (see [`Doc::paragraph_tokens`]).
    para_ends: Vec<u32>,
    /// The part-of-speech tag of every token, computed on first use (see [`Doc::upos`]).
    pub(crate) upos: std::sync::OnceLock<Vec<crate::tagger::Upos>>,
    /// The tags of each sentence, computed when a stage first asks about one of its tokens (made on the
    /// first question, so a document no stage asks about holds nothing; see `crate::tagger::DocTags`).
    pub(crate) sentence_upos: std::sync::OnceLock<crate::tagger::DocTags>,
    /// The name class of every token (see `crate::tagger::names`), computed on first use (see
    /// [`Doc::name_class`]).
    pub(crate) name_classes: std::sync::OnceLock<Vec<u8>>,
}

impl<'t> Doc<'t> {
    /// Segments and tokenises `text`. Linear in its length; never panics. The part-of-speech tags (the
    /// `tagger` stage) are computed when a stage first asks for one ([`Doc::upos`]), so a parse whose
    /// stages use none does not pay for them.
    pub fn new(text: &'t str) -> Doc<'t> {
        Doc::with_title(text, None)
    }

    /// Like [`Doc::new`], with the title decided by the caller: `Some(true)` when the first line is the
    /// title (an HTML page's headline), `Some(false)` when there is none, `None` to detect it.
    pub fn with_title(text: &'t str, forced_title: Option<bool>) -> Doc<'t> {
        let (title, paragraphs) = segment::paragraphs(text, forced_title);
        let lower = text.to_ascii_lowercase();
        // the form key of every token (see `forms::key`)
        let mut keys = Vec::with_capacity(text.len() / 5 + 1);
        let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
        let mut para_ends = Vec::with_capacity(paragraphs.len());
        let mut terms = Vec::with_capacity(text.len() / 64 + 1);
        for (p, &para) in paragraphs.iter().enumerate() {
            tokens::tokenize(
                text,
                para,
                p as u32,
                &mut tokens,
                &mut terms,
                lower.as_bytes(),
                &mut keys,
            );
            para_ends.push(tokens.len() as u32);
        }
        // News has about one token per 5.5 bytes, so the reservation above fits it; text with more
        // tokens (one per two bytes in '"\n' repeated) grew the vector by doubling: give the spare
        // capacity back before the later stages allocate theirs, which caps the tokens at 32 bytes each.
        if tokens.capacity() > tokens.len() + tokens.len() / 8 + 64 {
            tokens.shrink_to_fit();
            // the keys grew alike, and live while the forms are numbered
            keys.shrink_to_fit();
        }
        let forms = forms::Forms::number(lower.as_bytes(), &tokens, &keys);
        let mut doc = Doc {
            text,
            lower,
            title,
            paragraphs,
            sentences: Vec::new(),
            tokens,
            forms,
            para_ends: Vec::new(),
            upos: std::sync::OnceLock::new(),
            sentence_upos: std::sync::OnceLock::new(),
            name_classes: std::sync::OnceLock::new(),
        };
        doc.sentences = segment::sentences(&mut doc, &para_ends, &terms);
        doc.para_ends = para_ends;
        doc
    }

    /// The text of token `i`.
    pub fn tok(&self, i: usize) -> &'t str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// The ASCII-lower-cased text of token `i`.
    pub fn low(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.lower[t.start..t.end]
    }

    /// The form number of token `i`: tokens with the same lower-cased text share it, so a stage can keep
    /// one lexicon answer per form (numbers run from 0 to the number of distinct forms).
    pub(crate) fn form(&self, i: usize) -> usize {
        self.forms.of[i] as usize
    }

    /// The tokens of paragraph `p` (an empty range past the last paragraph).
    pub(crate) fn paragraph_tokens(&self, p: usize) -> std::ops::Range<usize> {
        let end = self.para_ends.get(p).map_or(self.tokens.len(), |&e| e as usize);
        let start = p
            .checked_sub(1)
            .and_then(|q| self.para_ends.get(q))
            .map_or(0, |&e| e as usize);
        start.min(end)..end
    }

    /// The text of a byte span.
    pub fn slice(&self, span: Span) -> &'t str {
        &self.text[span.range()]
    }

    /// The byte span covering tokens `range` (empty span at the end of the text for an empty range).
    pub fn span_of(&self, range: std::ops::Range<usize>) -> Span {
        if range.is_empty() || range.end > self.tokens.len() {
            let at = self.tokens.get(range.start).map_or(self.text.len(), |t| t.start);
            return Span::new(at, at);
        }
        Span::new(self.tokens[range.start].start, self.tokens[range.end - 1].end)
    }

    /// The byte span of sentence `s` (from its first token to its last one).
    pub fn sentence_span(&self, s: &Sentence) -> Span {
        self.span_of(s.tokens.clone())
    }

    /// Index of the sentence containing token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.tokens[i].sentence as usize
    }

    /// Whether token `i` is a word whose lower-cased text is `w`.
    pub fn is(&self, i: usize, w: &str) -> bool {
        i < self.tokens.len() && self.low(i) == w
    }
}

#[cfg(test)]
mod tests;
