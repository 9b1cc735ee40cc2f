"""Markdown → document model."""
from __future__ import annotations

from restitution.document import Container, Heading, LineBreak, ListBlock, PageBreak, Paragraph, Rule, Table, dump, Document
from restitution.pipeline.markup import parse

SAMPLE = """# Title

## Section

Body with **bold** and *italic*
continued line.

1. first
2. second

- bullet

| No. | Name |
|---:|---|
| 1 | A |

---

::: signature
Signed\\
Date
:::

::: pagebreak
:::

中文第一行
第二行
"""


def test_every_block_kind():
    blocks = parse(SAMPLE)
    kinds = [type(b) for b in blocks]
    assert kinds == [Heading, Heading, Paragraph, ListBlock, ListBlock, Table, Rule, Container, PageBreak, Paragraph]
    assert blocks[0].style == "title" and blocks[1].style == "heading1"
    runs = blocks[2].inlines
    assert [r.text for r in runs] == ["Body with ", "bold", " and ", "italic", " continued line."]
    assert runs[1].bold and runs[3].italic
    assert blocks[3].ordered and len(blocks[3].items) == 2
    assert blocks[5].header[0].align == "right"
    sig = blocks[7]
    assert sig.kind == "signature" and sig.blocks[0].style == "signature"
    assert isinstance(sig.blocks[0].inlines[1], LineBreak)


def test_chinese_soft_breaks_join_without_space():
    blocks = parse("中文第一行\n第二行\n\nEnglish line\nnext\n")
    assert blocks[0].inlines[0].text == "中文第一行第二行"
    assert blocks[1].inlines[0].text == "English line next"


def test_raw_html_is_text():
    blocks = parse("a <b>bold</b> & c\n")
    assert blocks[0].inlines[0].text == "a <b>bold</b> & c"


def test_dump_is_stable_and_readable():
    doc = Document("k", "en", "T", parse(SAMPLE))
    text = dump(doc)
    assert dump(Document("k", "en", "T", parse(SAMPLE))) == text
    assert "title: Title" in text and "--- page break ---" in text and "::: signature" in text
