from __future__ import annotations

from pathlib import Path

import pytest

from restitution.errors import ErrorList, TemplateError
from restitution.language import EN, ZH, ZH_HANT
from restitution.language.catalogue import catalogue, compare
from restitution.pipeline.templating import bundled_templates


def write(root: Path, lang: str, name: str, text: str) -> None:
    folder = root / lang / "phrases"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_bundled_catalogues_agree_in_keys_and_fields():
    roots = [bundled_templates()]
    assert compare(catalogue(EN, roots), catalogue(ZH, roots)) == []


def test_keys_are_file_and_dotted_path(tmp_path):
    write(tmp_path, "en", "police.yaml", "deadline:\n  decision: \"{days} days to decide\"\n")
    words = catalogue(EN, [tmp_path])
    assert words("police.deadline.decision", days=30) == "30 days to decide"


def test_a_firm_overrides_one_key_and_keeps_the_rest(tmp_path):
    write(tmp_path, "en", "common.yaml", 'exhibit: "Annex {number}"\n')
    words = catalogue(EN, [tmp_path, bundled_templates()])
    assert words("common.exhibit", number=3) == "Annex 3"
    assert words("common.page_footer", page=1, pages=2) == "Page 1 of 2"


def test_hong_kong_phrases_are_converted_from_simplified_unless_given(tmp_path):
    write(tmp_path, "zh", "t.yaml", 'a: "第{page}页 发票"\nb: "简体"\n')
    write(tmp_path, "zh-Hant", "t.yaml", 'b: "自訂"\n')
    words = catalogue(ZH_HANT, [tmp_path])
    assert words("t.a", page=1) == "第1頁 發票"
    assert words("t.b") == "自訂"
    assert words.phrases["t.a"].converted and not words.phrases["t.b"].converted


def test_bundled_hong_kong_footer_is_traditional():
    assert catalogue(ZH_HANT, [bundled_templates()])("common.page_footer", page=1, pages=5) == "第 1 頁 共 5 頁"


@pytest.mark.parametrize("phrase, message", [
    ('"{x.__class__}"', "field {x.__class__} is not allowed; use a plain name such as {days}"),
    ('"{x[0]}"', "field {x[0]} is not allowed"),
    ('"{x!r}"', "field {x!r} is not allowed"),
    ('"{x:>99999}"', "field {x:>99999} is not allowed"),
    ('"{"', "Single '{' encountered in format string; write a literal brace as {{ or }}"),
])
def test_fields_are_plain_names_only(tmp_path, phrase, message):
    write(tmp_path, "en", "bad.yaml", f"ok: fine\nbad: {phrase}\n")
    with pytest.raises(ErrorList) as info:
        catalogue(EN, [tmp_path])
    [line] = info.value.lines()
    assert line.startswith("en/phrases/bad.yaml:2 bad: ") and message in line


def test_a_phrase_must_be_text(tmp_path):
    write(tmp_path, "en", "bad.yaml", "list:\n  - a\n")
    with pytest.raises(ErrorList) as info:
        catalogue(EN, [tmp_path])
    assert info.value.lines() == ["en/phrases/bad.yaml:1 list: a phrase is one text (quote it if it starts with a symbol)"]


def test_missing_key_and_missing_field_are_template_errors(tmp_path):
    write(tmp_path, "en", "t.yaml", 'a: "{n} days"\n')
    words = catalogue(EN, [tmp_path])
    with pytest.raises(TemplateError, match="phrase 't.b' is not in the en catalogue"):
        words("t.b")
    with pytest.raises(TemplateError, match=r"en/phrases/t.yaml:1 t.a: needs n"):
        words("t.a")


def test_compare_names_missing_keys_and_differing_fields(tmp_path):
    write(tmp_path, "en", "t.yaml", 'a: "{n} days"\nonly_en: x\n')
    write(tmp_path, "zh", "t.yaml", 'a: "{m}天"\n')
    assert compare(catalogue(EN, [tmp_path]), catalogue(ZH, [tmp_path])) == [
        "en/phrases/t.yaml:2 t.only_en: not in the zh catalogue",
        "zh/phrases/t.yaml:1 t.a: fields {m} differ from the en phrase's {n}",
    ]


def test_a_phrase_file_linked_out_of_the_folder_is_refused(tmp_path):
    outside = tmp_path / "secret.yaml"
    outside.write_text('a: "private"\n', encoding="utf-8")
    root = tmp_path / "firm"
    (root / "en" / "phrases").mkdir(parents=True)
    (root / "en" / "phrases" / "t.yaml").symlink_to(outside)
    with pytest.raises(ErrorList) as info:
        catalogue(EN, [root])
    [line] = info.value.lines()
    assert line.startswith("en/phrases/t.yaml: is a link to a file outside the template folder")


def test_every_evidence_kind_is_named_in_both_languages():
    from restitution.case.model import EVIDENCE_KINDS

    roots = [bundled_templates()]
    for lang in (EN, ZH):
        words = catalogue(lang, roots)
        assert {k for k in EVIDENCE_KINDS if f"evidence_kinds.{k}" not in words} == set()


def test_other_reads_another_language_through_the_same_folders(tmp_path):
    write(tmp_path, "zh", "common.yaml", 'exhibit: "附件{number}"\n')
    en = catalogue(EN, [tmp_path, bundled_templates()])
    assert en.other("zh")("common.exhibit", number=2) == "附件2"
