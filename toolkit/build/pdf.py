"""PDF from the built HTML with WeasyPrint: fonts embedded (subset), no build timestamps."""

from __future__ import annotations

from typing import Any

from toolkit.errors import InputError

_MISSING = (
    "PDF output needs WeasyPrint and its system libraries (pango): "
    "apt-get install libpango-1.0-0 libpangoft2-1.0-0 and a CJK font such as fonts-noto-cjk"
)


def _weasyprint() -> Any:
    try:
        import weasyprint
    except (ImportError, OSError) as error:
        raise InputError(None, None, f"{_MISSING} ({error})") from None
    return weasyprint


def html_to_pdf(html: str) -> bytes:
    """The PDF of a page. WeasyPrint writes no creation date and no random identifier, so
    building twice gives the same bytes."""
    weasyprint = _weasyprint()
    document = weasyprint.HTML(string=html, base_url=None, url_fetcher=_offline(weasyprint))
    data: bytes = document.write_pdf()
    return data


def _offline(weasyprint: Any) -> Any:
    """A fetcher for ``data:`` URLs only: building a PDF makes no network request and reads no
    file (an image named in a source or a catalogue is left out, with WeasyPrint's warning),
    so the same sources give the same bytes offline too."""
    urls = weasyprint.urls
    if hasattr(urls, "URLFetcher"):  # WeasyPrint 68 and later
        return urls.URLFetcher(allowed_protocols={"data"})

    def fetch(url: str, *args: Any, **kwargs: Any) -> Any:
        if not url.startswith("data:"):
            raise ValueError(f"not fetched while building a PDF: {url}")
        return weasyprint.default_url_fetcher(url, *args, **kwargs)

    return fetch
