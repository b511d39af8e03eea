#!/usr/bin/env python3
"""Converts a UNER (Universal NER) iob2 file into the scorer's gold format with a `mentions` layer.

    python3 tools/uner_to_mentions.py ../shared/data/treebanks/uner_ewt/en_ewt-ud-test.iob2 /tmp/uner_ewt_test.jsonl
    python3 ../shared/eval/score.py --cmd "target/release/newsparse --jsonl" /tmp/uner_ewt_test.jsonl

Every `# newdoc` becomes one article. Its text is the `# text` lines of its sentences joined by single spaces
(one paragraph, so no line is read as a headline). Each token is found in its sentence's text in order, so
that spans are code-point offsets into the article text, as the scorer wants. PER, ORG and LOC spans (B-/I-
tags) become mentions; OTH (nationalities, works, events) and anything else is left out, as the scorer's
mention layer has only the three types.

UNER English-EWT: Mayhew et al. 2024, on UD English-EWT (Silveira et al. 2014), CC BY-SA 4.0. The output is
derived data under the same licence: keep it out of the repository.
"""

import json
import sys

TYPES = {"PER", "ORG", "LOC"}


def sentences(path):
    """Yields (doc_id or None, text, [(token, tag)]) for every sentence of the file."""
    doc, text, toks = None, None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id = "):
                doc = line[len("# newdoc id = "):].strip()
            elif line.startswith("# text = "):
                text = line[len("# text = "):]
            elif line.startswith("#"):
                continue
            elif not line.strip():
                if toks:
                    yield doc, text, toks
                doc, text, toks = None, None, []
            else:
                cols = line.split("\t")
                if len(cols) >= 3:
                    toks.append((cols[1], cols[2]))
    if toks:
        yield doc, text, toks


def token_offsets(text, toks):
    """The (start, end) of every token in `text`, found left to right; None for a token not found."""
    out, pos = [], 0
    for tok, _ in toks:
        k = text.find(tok, pos)
        if k < 0:
            out.append(None)
            continue
        out.append((k, k + len(tok)))
        pos = k + len(tok)
    return out


def spans(toks, offsets):
    """The (start, end, type) of every PER/ORG/LOC span of a sentence, in sentence offsets."""
    found, cur = [], None
    for (tok, tag), off in zip(toks, offsets):
        kind = tag[2:] if len(tag) > 2 and tag[1] == "-" else None
        if tag.startswith("I-") and cur and cur[2] == kind and off:
            cur[1] = off[1]
            continue
        if cur:
            found.append(tuple(cur))
            cur = None
        if tag.startswith(("B-", "I-")) and kind in TYPES and off:
            cur = [off[0], off[1], kind]
    if cur:
        found.append(tuple(cur))
    return found


def convert(path):
    """The gold articles of a UNER iob2 file."""
    articles = []
    current = None
    for doc, text, toks in sentences(path):
        if text is None:
            text = " ".join(t for t, _ in toks)
        if doc is not None or current is None:
            current = {"id": doc or f"doc{len(articles)}", "parts": [], "mentions": []}
            articles.append(current)
        base = sum(len(p) + 1 for p in current["parts"])
        offsets = token_offsets(text, toks)
        for s, e, kind in spans(toks, offsets):
            current["mentions"].append({"start": base + s, "end": base + e, "type": kind, "text": text[s:e]})
        current["parts"].append(text)
    for a in articles:
        a["text"] = " ".join(a.pop("parts"))
        for m in a["mentions"]:
            assert a["text"][m["start"]:m["end"]] == m["text"], (a["id"], m)
    return [
        {
            "id": a["id"],
            "text": a["text"],
            "published": None,
            "source": "uner_ewt",
            "layers": ["mentions"],
            "mentions": a["mentions"],
            "licence": "UNER English-EWT, CC BY-SA 4.0",
        }
        for a in articles
    ]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    articles = convert(sys.argv[1])
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    n = sum(len(a["mentions"]) for a in articles)
    print(f"{len(articles)} articles, {n} mentions -> {sys.argv[2]}", file=sys.stderr)


if __name__ == "__main__":
    main()
