"""The manifest: what is in the bundle, where, and the fingerprint of every file.

It lets anyone check, years later, that a bundle and its exhibits are the
ones that were filed, and says what the bundle left out of each exhibit
(``removed``: JavaScript, launch actions, form fields, attached files). Same inputs, same bytes: keys sorted, no timestamps
but the bundle's date.
"""
from __future__ import annotations

import datetime as dt
import json

from restitution import __version__
from restitution.bundle.assemble import Layout


def manifest(case_id: str, layout: Layout, date: dt.date, bundle_name: str, bundle_sha256: str,
             bundle_size: int) -> dict:
    return {
        "case_id": case_id,
        "date": date.isoformat(),
        "prefix": layout.prefix,
        "tool": {"name": "restitution", "version": __version__},
        "bundle": {
            "file": bundle_name,
            "sha256": bundle_sha256,
            "size": bundle_size,
            "pages": layout.total,
            "bates_first": layout.bates(1),
            "bates_last": layout.bates(layout.total),
        },
        "index": {
            "bundle_pages": [1, layout.index_pages],
            "bates_first": layout.bates(1),
            "bates_last": layout.bates(layout.index_pages),
        },
        "exhibits": [
            {
                "number": p.info.number,
                "title": p.exhibit.title,
                "kind": p.exhibit.kind,
                "file": p.info.file,
                "media": p.info.media,
                "size": p.info.size,
                "sha256": p.info.sha256,
                "pages": p.info.pages,
                "cover_page": p.cover,
                "bundle_pages": [p.cover, p.last],
                "bates_first": layout.bates(p.cover),
                "bates_last": layout.bates(p.last),
                # Active content taken out of the exhibit (page actions, links, form fields,
                # attached files...), with the exhibit's page it was on.
                "removed": [r.as_dict() for r in layout.removed.get(p.info.number, [])],
            }
            for p in layout.placements
        ],
    }


def dumps(data: dict) -> bytes:
    return (json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
