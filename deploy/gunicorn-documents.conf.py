"""gunicorn settings for the documents pool (PDF, DOCX): a second gunicorn beside the pages one.

nginx sends document URLs here (deploy/nginx.conf, upstream "documents"), so however many
documents are asked for, the page workers stay free. Inside, advisor.documents caps documents
generated at once across the machine and refuses the rest with a calm 503. A document that
takes longer than ``timeout`` seconds (a client that has long gone) has its worker restarted.
"""

import os
import runpy
from pathlib import Path

globals().update(
    {
        key: value
        for key, value in runpy.run_path(str(Path(__file__).with_name("gunicorn.conf.py"))).items()
        if not key.startswith("__")
    }
)

bind = os.environ.get("DOCUMENTS_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("DOCUMENT_WORKERS", "2"))
timeout = int(os.environ.get("DOCUMENTS_TIMEOUT", "20"))


_pages_worker_init = post_worker_init  # noqa: F821 (from gunicorn.conf.py, above)


def post_worker_init(worker: object) -> None:
    """Load WeasyPrint and the PDF fonts once per worker before it takes a request, so the
    first borrower to ask for a PDF does not wait about a second longer than the next one."""
    from advisor import pdf

    _pages_worker_init(worker)
    pdf.warm_up()
