"""Documents to download (content/documents/): forms and leaflets linked from any page.

Each link to a document gets the document's published address and « (PDF, 230 Ko) » after its
text (``content_object_init``, as pages are read); a procedure's ``Formulaires`` field lists its
forms for the page and the flyer. Once everything is read (``all_generators_finalized``), every
document is checked (name, type, no script, no attached file) and every problem stops the build
with the file and line. Pelican copies the documents as they are (``STATIC_PATHS``): their names
are printed on paper, so they are never renamed.

The Pelican side (signals and receivers) is in ``plugin.py``, imported only when Pelican
registers the plugin: the package's other modules import without Pelican.
"""


def register() -> None:
    """Pelican's entry point: connect this plugin's receivers."""
    from .plugin import register as connect

    connect()
