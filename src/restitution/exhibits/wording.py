"""The words of the pages the bundle makes itself, in English and Chinese at once.

The evidence bundle goes to a Chinese authority and to the client's own
lawyers, so every label it prints on a cover sheet, a stamp or an e-mail
exhibit is English and Simplified Chinese side by side ("Exhibit 3 p. 2 /
证据3 第2页"). The words are catalogue entries (``bundle.*``, ``email.*``);
this module reads both languages and pairs them.

Trade-off: the bundled catalogues only. The bundle is made without a
template folder (`bundle.make_bundle` takes none), so a firm's catalogue does
not reach these labels; threading a folder through would change the bundle
API for labels no firm has asked to reword.
"""
from __future__ import annotations

from functools import lru_cache

from restitution.language.catalogue import Catalogue, catalogue
from restitution.records import record

SEPARATOR = " / "  # between the English and the Chinese half of a label


@record
class Bilingual:
    """The English and the Chinese catalogue of one bilingual page."""

    en: Catalogue
    zh: Catalogue

    def pair(self, key: str, /, **values: object) -> str:
        """Both languages' phrase `key`, English first: "Copy / 复印件"."""
        return f"{self.en(key, **values)}{SEPARATOR}{self.zh(key, **values)}"


@lru_cache(maxsize=1)
def bilingual() -> Bilingual:
    """The bundled English and Simplified Chinese catalogues."""
    from restitution.pipeline.templating import bundled_templates

    roots = [bundled_templates()]
    return Bilingual(catalogue("en", roots), catalogue("zh", roots))
