"""Make GX Data Docs open offline: no page of the site fetches anything from a network.

GX's site templates load Bootstrap, jQuery, Font Awesome and Vega from CDNs and the logo from S3.
The content (suites, validation results, the index's tables) is plain server-rendered HTML, so
dropping the remote scripts and stylesheets keeps every result readable; a small local stylesheet
keeps the tables legible and the logo points at the copy GX ships in ``static/``.
"""

from __future__ import annotations

import html
import logging
import os
import re
from pathlib import Path

log = logging.getLogger(__name__)

_REMOTE_SCRIPT = re.compile(r"<script\b[^>]*\bsrc=\"(?:https?:)?//[^\"]*\"[^>]*>\s*</script>", re.I)
_REMOTE_LINK = re.compile(r"<link\b[^>]*\bhref=\"(?:https?:)?//[^\"]*\"[^>]*>", re.I)
_REMOTE_IMG = re.compile(
    r"(<img\b[^>]*\bsrc=\")(?:https?:)?//[^\"]*?/([\w-]+\.(?:png|svg|gif))[^\"]*\"", re.I
)
_REMOTE_RESOURCE = re.compile(r"<(?:script|link|img)\b[^>]*\b(?:src|href)=\"(?:https?:)?//", re.I)
_LOCAL_STYLE = (
    "<style>/* gwr: offline */ body{font-family:sans-serif;margin:16px} table{border-collapse:collapse}"
    " td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top} img{max-height:40px}</style>"
)


def localize_page(page: str, static_prefix: str) -> str:
    """One Data Docs page without remote resources; ``static_prefix`` is the relative path to static/."""
    page = _REMOTE_SCRIPT.sub("", page)
    page = _REMOTE_LINK.sub("", page)
    page = _REMOTE_IMG.sub(lambda m: f'{m.group(1)}{static_prefix}/images/{m.group(2)}"', page)
    return page.replace("</head>", _LOCAL_STYLE + "</head>", 1) if "gwr: offline" not in page else page


_BODY = re.compile(r"<body\b[^>]*>", re.I)


def _index_listing(docs_dir: Path) -> str:
    """A plain list of the site's pages: GX fills the index tables with JavaScript from a CDN."""
    items = []
    for kind in ("validations", "expectations"):
        pages = sorted((docs_dir / kind).rglob("*.html"), reverse=kind == "validations")
        links = "".join(
            f'<li><a href="{html.escape(page.relative_to(docs_dir).as_posix())}">'
            f"{html.escape(' / '.join(page.relative_to(docs_dir / kind).with_suffix('').parts))}</a></li>"
            for page in pages
        )
        items.append(f"<h3>{kind.capitalize()}</h3><ul>{links or '<li>none</li>'}</ul>")
    return f'<div id="gwr-offline-index"><h2>Pages (offline list)</h2>{"".join(items)}</div>'


def remote_references(page: str) -> int:
    """Resources a page would fetch from a network (links a reader may click are not counted)."""
    return len(_REMOTE_RESOURCE.findall(page))


def localize_site(docs_dir: Path) -> int:
    """Rewrite every page of the site in place; returns the number of pages rewritten."""
    n = 0
    for page in docs_dir.rglob("*.html"):
        try:
            text = page.read_text(encoding="utf-8")
            prefix = Path(os.path.relpath(docs_dir / "static", page.parent)).as_posix()
            new = localize_page(text, prefix)
            if page.parent == docs_dir and page.name == "index.html" and "gwr-offline-index" not in new:
                new = _BODY.sub(lambda m: m.group() + _index_listing(docs_dir), new, count=1)
            if new != text:
                page.write_text(new, encoding="utf-8")
                n += 1
        except OSError:  # the docs are a view of results already kept in dq_result
            log.warning("could not rewrite %s for offline use", page, exc_info=True)
    return n
