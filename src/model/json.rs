//! The JSON form of an [`Article`]: code-point offsets, every span with its `text`.
//!
//! ```text
//! {"schema": 1, "id", "title": str|null, "title_span": {start,end,text}|null, "published": str|null,
//!  "paragraphs": [{start,end}], "sentences": [{start,end}],
//!  "actors": [{id, name, kind, titles, affiliation, mentions: [{start,end,text}]}],
//!  "statements": [{kind, speaker, speaker_mention, cue, content: [{start,end,text}], via,
//!                  quoted: [{start,end,text}]}],
//!  "times": [{start, end, text, type, value, first, last}],
//!  "statistics": [{start, end, text, value, lower, upper, qualifier, unit, kind, context, context_lemma,
//!                  claimed_by, statement, from_value, time}],
//!  "text": str, "authors": [str], "url": str|null, "site_name": str|null,
//!  "language": str|null, "tokens": [{start, end, text, pos, tag}]}
//! ```
//! `tokens` is there only when the parser was asked for it ([`crate::ParserBuilder::tokens`]); `pos` is
//! the UPOS tag ("PROPN") and `tag` the Penn tag (always null for now).
//! `text` (the input as given) makes the format self-contained: reading it back gives the same [`Article`].
//! `authors`, `url`, `site_name` and `language` come from an HTML page; they are left out when empty (text input).

use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{
    Actor, ActorKind, Article, Qualifier, Span, Statement, StatementKind, Statistic, StatisticKind, TimeExpr, TimeKind,
    Token,
};
use crate::text::offsets::OffsetMap;

/// The version of the JSON format written by [`Article::to_json`]: it changes when a field changes meaning or
/// is removed (new fields may be added without a change). [`Article::from_json`] reads this version and JSON
/// written before the format was versioned, and refuses a newer one.
pub const SCHEMA: u32 = 1;

#[derive(Serialize, Deserialize)]
struct RangeJson {
    start: usize,
    end: usize,
}

#[derive(Serialize, Deserialize)]
struct SpanJson<'a> {
    start: usize,
    end: usize,
    #[serde(borrow)]
    text: Cow<'a, str>,
}

#[derive(Serialize, Deserialize)]
struct ActorJson<'a> {
    id: usize,
    #[serde(borrow)]
    name: Cow<'a, str>,
    kind: ActorKind,
    titles: Vec<Cow<'a, str>>,
    #[serde(borrow)]
    affiliation: Option<Cow<'a, str>>,
    #[serde(borrow)]
    mentions: Vec<SpanJson<'a>>,
}

#[derive(Serialize, Deserialize)]
struct StatementJson<'a> {
    kind: StatementKind,
    speaker: Option<usize>,
    #[serde(borrow)]
    speaker_mention: Option<SpanJson<'a>>,
    #[serde(borrow)]
    cue: Option<SpanJson<'a>>,
    #[serde(borrow)]
    content: Vec<SpanJson<'a>>,
    via: Option<usize>,
    #[serde(borrow, default)]
    quoted: Vec<SpanJson<'a>>,
}

#[derive(Serialize, Deserialize)]
struct StatisticJson<'a> {
    start: usize,
    end: usize,
    #[serde(borrow)]
    text: Cow<'a, str>,
    value: Option<f64>,
    lower: Option<f64>,
    upper: Option<f64>,
    qualifier: Qualifier,
    #[serde(borrow)]
    unit: Option<Cow<'a, str>>,
    kind: Option<StatisticKind>,
    #[serde(borrow)]
    context: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    context_lemma: Option<Cow<'a, str>>,
    #[serde(default)]
    claimed_by: Option<usize>,
    #[serde(default)]
    statement: Option<usize>,
    #[serde(default)]
    from_value: Option<f64>,
    #[serde(default)]
    time: Option<usize>,
}

#[derive(Serialize, Deserialize)]
struct TimeJson<'a> {
    start: usize,
    end: usize,
    #[serde(borrow)]
    text: Cow<'a, str>,
    #[serde(rename = "type")]
    kind: TimeKind,
    #[serde(borrow)]
    value: Cow<'a, str>,
    #[serde(borrow)]
    first: Option<Cow<'a, str>>,
    #[serde(borrow)]
    last: Option<Cow<'a, str>>,
}

#[derive(Serialize, Deserialize)]
struct TokenJson<'a> {
    start: usize,
    end: usize,
    #[serde(borrow)]
    text: Cow<'a, str>,
    pos: crate::Upos,
    #[serde(borrow, default)]
    tag: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    name: Option<Cow<'a, str>>,
}

#[derive(Serialize, Deserialize)]
struct ArticleJson<'a> {
    /// The version of this format ([`SCHEMA`]); absent in JSON written before it was versioned.
    #[serde(default)]
    schema: Option<u32>,
    #[serde(borrow)]
    id: Option<IdJson<'a>>,
    #[serde(borrow)]
    title: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    title_span: Option<SpanJson<'a>>,
    #[serde(borrow, default)]
    published: Option<Cow<'a, str>>,
    paragraphs: Vec<RangeJson>,
    sentences: Vec<RangeJson>,
    #[serde(borrow)]
    actors: Vec<ActorJson<'a>>,
    #[serde(borrow)]
    statements: Vec<StatementJson<'a>>,
    #[serde(borrow)]
    statistics: Vec<StatisticJson<'a>>,
    #[serde(borrow, default)]
    times: Vec<TimeJson<'a>>,
    #[serde(borrow)]
    text: Cow<'a, str>,
    // From an HTML page; left out for text input, so that its JSON stays as it was.
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    authors: Vec<Cow<'a, str>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    url: Option<Cow<'a, str>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    site_name: Option<Cow<'a, str>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    language: Option<Cow<'a, str>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    tokens: Option<Vec<TokenJson<'a>>>,
}

/// A document id in JSON: a string, or a number or boolean kept as its JSON text and written back as that
/// literal (integers exactly: `12345678901234567` never passes through a float).
enum IdJson<'a> {
    Str(Cow<'a, str>),
    Literal(Cow<'a, str>),
}

impl Serialize for IdJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            IdJson::Str(s) => serializer.serialize_str(s),
            IdJson::Literal(t) => match t.as_ref() {
                "true" => serializer.serialize_bool(true),
                "false" => serializer.serialize_bool(false),
                t => {
                    if let Ok(u) = t.parse::<u64>() {
                        serializer.serialize_u64(u)
                    } else if let Ok(i) = t.parse::<i64>() {
                        serializer.serialize_i64(i)
                    } else if let Ok(f) = t.parse::<f64>() {
                        serializer.serialize_f64(f)
                    } else {
                        // Not a JSON literal (only reachable through a hand-built article): a string.
                        serializer.serialize_str(t)
                    }
                }
            },
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for IdJson<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = IdJson<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string, number or boolean id")
            }
            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(IdJson::Str(Cow::Borrowed(v)))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(IdJson::Str(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(IdJson::Str(Cow::Owned(v)))
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Self::Value, E> {
                Ok(IdJson::Literal(Cow::Borrowed(if v { "true" } else { "false" })))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(IdJson::Literal(Cow::Owned(v.to_string())))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(IdJson::Literal(Cow::Owned(v.to_string())))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
                // serde_json's own text for the number, as `Document::from_json_line` keeps it.
                let n = serde_json::Number::from_f64(v).ok_or_else(|| E::custom("id is not a finite number"))?;
                Ok(IdJson::Literal(Cow::Owned(n.to_string())))
            }
        }
        deserializer.deserialize_any(V)
    }
}

struct Out<'a> {
    text: &'a str,
    map: OffsetMap,
}

impl<'a> Out<'a> {
    fn range(&self, s: Span) -> RangeJson {
        RangeJson {
            start: self.map.to_char(s.start),
            end: self.map.to_char(s.end),
        }
    }
    fn span(&self, s: Span) -> SpanJson<'a> {
        SpanJson {
            start: self.map.to_char(s.start),
            end: self.map.to_char(s.end),
            text: Cow::Borrowed(self.text.get(s.range()).unwrap_or("")),
        }
    }
}

impl Serialize for Article {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let out = Out {
            text: &self.text,
            map: OffsetMap::new(&self.text),
        };
        let json = ArticleJson {
            schema: Some(SCHEMA),
            id: self.id.as_deref().map(|id| {
                if self.id_literal {
                    IdJson::Literal(Cow::Borrowed(id))
                } else {
                    IdJson::Str(Cow::Borrowed(id))
                }
            }),
            title: self.title().map(Cow::Borrowed),
            title_span: self.title.map(|s| out.span(s)),
            published: self.published.as_deref().map(Cow::Borrowed),
            paragraphs: self.paragraphs.iter().map(|&s| out.range(s)).collect(),
            sentences: self.sentences.iter().map(|&s| out.range(s)).collect(),
            actors: self
                .actors
                .iter()
                .map(|a| ActorJson {
                    id: a.id,
                    name: Cow::Borrowed(&a.name),
                    kind: a.kind,
                    titles: a.titles.iter().map(|t| Cow::Borrowed(t.as_str())).collect(),
                    affiliation: a.affiliation.as_deref().map(Cow::Borrowed),
                    mentions: a.mentions.iter().map(|&s| out.span(s)).collect(),
                })
                .collect(),
            statements: self
                .statements
                .iter()
                .map(|s| StatementJson {
                    kind: s.kind,
                    speaker: s.speaker,
                    speaker_mention: s.speaker_mention.map(|m| out.span(m)),
                    cue: s.cue.map(|c| out.span(c)),
                    content: s.content.iter().map(|&c| out.span(c)).collect(),
                    via: s.via,
                    quoted: s.quoted.iter().map(|&c| out.span(c)).collect(),
                })
                .collect(),
            statistics: self
                .statistics
                .iter()
                .map(|s| {
                    let sp = out.span(s.span);
                    StatisticJson {
                        start: sp.start,
                        end: sp.end,
                        text: sp.text,
                        value: s.value,
                        lower: s.lower,
                        upper: s.upper,
                        qualifier: s.qualifier,
                        unit: s.unit.as_deref().map(Cow::Borrowed),
                        kind: s.kind,
                        context: s.context.as_deref().map(Cow::Borrowed),
                        context_lemma: s.context_lemma.as_deref().map(Cow::Borrowed),
                        claimed_by: s.claimed_by,
                        statement: s.statement,
                        from_value: s.from_value,
                        time: s.time,
                    }
                })
                .collect(),
            times: self
                .times
                .iter()
                .map(|t| {
                    let sp = out.span(t.span);
                    TimeJson {
                        start: sp.start,
                        end: sp.end,
                        text: sp.text,
                        kind: t.kind,
                        value: Cow::Borrowed(&t.value),
                        first: t.first.as_deref().map(Cow::Borrowed),
                        last: t.last.as_deref().map(Cow::Borrowed),
                    }
                })
                .collect(),
            text: Cow::Borrowed(&self.text),
            authors: self.authors.iter().map(|a| Cow::Borrowed(a.as_str())).collect(),
            url: self.url.as_deref().map(Cow::Borrowed),
            site_name: self.site_name.as_deref().map(Cow::Borrowed),
            language: self.language.as_deref().map(Cow::Borrowed),
            tokens: self.tokens.as_ref().map(|ts| {
                ts.iter()
                    .map(|t| {
                        let sp = out.span(t.span);
                        TokenJson {
                            start: sp.start,
                            end: sp.end,
                            text: sp.text,
                            pos: t.pos,
                            tag: t.tag.as_deref().map(Cow::Borrowed),
                            name: t.name.as_deref().map(Cow::Borrowed),
                        }
                    })
                    .collect()
            }),
        };
        json.serialize(serializer)
    }
}

struct In<'t> {
    text: &'t str,
    map: OffsetMap,
}

impl In<'_> {
    fn span(&self, field: &str, start: usize, end: usize) -> Result<Span, crate::Error> {
        let bad = || crate::Error::InvalidSpan {
            field: field.to_string(),
            start,
            end,
            len: self.map.char_len(),
        };
        let s = self.map.to_byte(start).ok_or_else(bad)?;
        let e = self.map.to_byte(end).ok_or_else(bad)?;
        if s > e || self.text.get(s..e).is_none() {
            return Err(bad());
        }
        Ok(Span::new(s, e))
    }
    /// A span with its `text`, which must be the slice it points to. `field` names the span with its
    /// place (`statements[2].cue`), for the error only.
    fn checked(&self, field: &str, place: impl Fn() -> String, j: &SpanJson) -> Result<Span, crate::Error> {
        let span = self.span(field, j.start, j.end)?;
        let slice = &self.text[span.range()];
        if slice != j.text {
            return Err(inconsistent(
                place(),
                format!("its text {:?} differs from the text's slice {:?}", j.text, slice),
            ));
        }
        Ok(span)
    }
    fn all(&self, field: &str, place: impl Fn(usize) -> String, spans: &[SpanJson]) -> Result<Vec<Span>, crate::Error> {
        (spans.iter().enumerate())
            .map(|(i, s)| self.checked(field, || place(i), s))
            .collect()
    }
}

fn inconsistent(field: String, reason: String) -> crate::Error {
    crate::Error::InconsistentJson { field, reason }
}

fn from_json(j: ArticleJson) -> Result<Article, crate::Error> {
    if let Some(v) = j.schema.filter(|&v| v > SCHEMA) {
        return Err(crate::Error::InvalidJson {
            line: None,
            message: format!("schema version {v} is newer than this library's ({SCHEMA})"),
        });
    }
    let text = j.text.into_owned();
    let inp = In {
        text: &text,
        map: OffsetMap::new(&text),
    };
    let ranges = |field: &str, v: &[RangeJson]| -> Result<Vec<Span>, crate::Error> {
        v.iter().map(|r| inp.span(field, r.start, r.end)).collect()
    };
    let mut actors = Vec::with_capacity(j.actors.len());
    for (i, a) in j.actors.iter().enumerate() {
        if a.id != i {
            return Err(inconsistent(
                format!("actors[{i}].id"),
                format!(
                    "the id is {}: actor ids must be their positions 0, 1, 2… in order",
                    a.id
                ),
            ));
        }
        actors.push(Actor {
            id: a.id,
            name: a.name.to_string(),
            kind: a.kind,
            titles: a.titles.iter().map(|t| t.to_string()).collect(),
            affiliation: a.affiliation.as_ref().map(|t| t.to_string()),
            mentions: inp.all("actors.mentions", |m| format!("actors[{i}].mentions[{m}]"), &a.mentions)?,
        });
    }
    let actor_ref = |place: &str, id: Option<usize>| -> Result<Option<usize>, crate::Error> {
        match id {
            Some(id) if id >= actors.len() => Err(inconsistent(
                place.to_string(),
                format!("actor {id} does not exist (the article has {} actors)", actors.len()),
            )),
            _ => Ok(id),
        }
    };
    let mut statements = Vec::with_capacity(j.statements.len());
    for (k, s) in j.statements.iter().enumerate() {
        statements.push(Statement {
            kind: s.kind,
            speaker: actor_ref(&format!("statements[{k}].speaker"), s.speaker)?,
            speaker_mention: (s.speaker_mention.as_ref())
                .map(|m| {
                    inp.checked(
                        "statements.speaker_mention",
                        || format!("statements[{k}].speaker_mention"),
                        m,
                    )
                })
                .transpose()?,
            cue: (s.cue.as_ref())
                .map(|m| inp.checked("statements.cue", || format!("statements[{k}].cue"), m))
                .transpose()?,
            content: inp.all(
                "statements.content",
                |c| format!("statements[{k}].content[{c}]"),
                &s.content,
            )?,
            via: actor_ref(&format!("statements[{k}].via"), s.via)?,
            quoted: inp.all(
                "statements.quoted",
                |q| format!("statements[{k}].quoted[{q}]"),
                &s.quoted,
            )?,
        });
    }
    let mut statistics = Vec::with_capacity(j.statistics.len());
    for (k, s) in j.statistics.iter().enumerate() {
        let whole = SpanJson {
            start: s.start,
            end: s.end,
            text: Cow::Borrowed(s.text.as_ref()),
        };
        statistics.push(Statistic {
            span: inp.checked("statistics", || format!("statistics[{k}]"), &whole)?,
            value: s.value,
            lower: s.lower,
            upper: s.upper,
            qualifier: s.qualifier,
            unit: s.unit.as_ref().map(|t| t.to_string()),
            kind: s.kind,
            context: s.context.as_ref().map(|t| t.to_string()),
            context_lemma: s.context_lemma.as_ref().map(|t| t.to_string()),
            claimed_by: actor_ref(&format!("statistics[{k}].claimed_by"), s.claimed_by)?,
            statement: match s.statement {
                Some(i) if i >= statements.len() => {
                    return Err(inconsistent(
                        format!("statistics[{k}].statement"),
                        format!(
                            "statement {i} does not exist (the article has {} statements)",
                            statements.len()
                        ),
                    ));
                }
                other => other,
            },
            from_value: s.from_value,
            time: s.time,
        });
    }
    let mut times = Vec::with_capacity(j.times.len());
    for (k, t) in j.times.iter().enumerate() {
        let whole = SpanJson {
            start: t.start,
            end: t.end,
            text: Cow::Borrowed(t.text.as_ref()),
        };
        times.push(TimeExpr {
            span: inp.checked("times", || format!("times[{k}]"), &whole)?,
            kind: t.kind,
            value: t.value.to_string(),
            first: t.first.as_ref().map(|d| d.to_string()),
            last: t.last.as_ref().map(|d| d.to_string()),
        });
    }
    for (k, s) in statistics.iter().enumerate() {
        if let Some(i) = s.time.filter(|&i| i >= times.len()) {
            return Err(inconsistent(
                format!("statistics[{k}].time"),
                format!("time {i} does not exist (the article has {} times)", times.len()),
            ));
        }
    }
    let title = (j.title_span.as_ref())
        .map(|t| inp.checked("title_span", || "title_span".to_string(), t))
        .transpose()?;
    let title_text = title.map(|t| &text[t.range()]);
    if let (Some(given), Some(slice)) = (j.title.as_deref(), title_text) {
        if given != slice {
            return Err(inconsistent(
                "title".to_string(),
                format!("{given:?} differs from the title span's text {slice:?}"),
            ));
        }
    }
    let tokens = match &j.tokens {
        Some(ts) => {
            let mut v = Vec::with_capacity(ts.len());
            for (k, t) in ts.iter().enumerate() {
                if let Some(name) = t.name.as_deref().filter(|n| !crate::tagger::names::is_label(n)) {
                    return Err(inconsistent(
                        format!("tokens[{k}].name"),
                        format!("{name:?} is no name tag (\"B-PER\", \"I-ORG\", \"B-LOC\", \"I-OTH\"... or null)"),
                    ));
                }
                v.push(Token {
                    span: inp.span("tokens", t.start, t.end)?,
                    pos: t.pos,
                    tag: t.tag.as_ref().map(|s| s.to_string()),
                    name: t.name.as_ref().map(|s| s.to_string()),
                });
            }
            Some(v)
        }
        None => None,
    };
    let paragraphs = ranges("paragraphs", &j.paragraphs)?;
    let sentences = ranges("sentences", &j.sentences)?;
    Ok(Article {
        id_literal: matches!(j.id, Some(IdJson::Literal(_))),
        id: j.id.map(|id| match id {
            IdJson::Str(s) | IdJson::Literal(s) => s.into_owned(),
        }),
        published: j.published.map(Cow::into_owned),
        title,
        paragraphs,
        sentences,
        actors,
        statements,
        statistics,
        times,
        text,
        authors: j.authors.into_iter().map(Cow::into_owned).collect(),
        url: j.url.map(Cow::into_owned),
        site_name: j.site_name.map(Cow::into_owned),
        language: j.language.map(Cow::into_owned),
        tokens,
    })
}

impl<'de> Deserialize<'de> for Article {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let j = ArticleJson::deserialize(deserializer)?;
        from_json(j).map_err(serde::de::Error::custom)
    }
}

/// Reads an article from JSON text, keeping the typed error of a span that does not fit the text
/// ([`crate::Error::InvalidSpan`]) rather than folding it into a serde message.
pub(crate) fn article_from_str(json: &str) -> Result<Article, crate::Error> {
    let j: ArticleJson = serde_json::from_str(json).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => data_error(&e),
        _ => crate::Error::InvalidJson {
            line: None,
            message: e.to_string(),
        },
    })?;
    from_json(j)
}

/// Turns a serde_json data error into the matching [`crate::Error`].
pub(crate) fn data_error(e: &serde_json::Error) -> crate::Error {
    let msg = e.to_string();
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or("").to_string();
        return crate::Error::MissingField { line: None, field };
    }
    crate::Error::InvalidJson {
        line: None,
        message: msg,
    }
}
