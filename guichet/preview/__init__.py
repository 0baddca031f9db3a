"""The incremental preview behind ``make devserver``.

``engine`` keeps Pelican in the devserver's process and, on each change, renders only the pages
that depend on the changed file (``deps``), with the slow plugins (PDFs, compression, page
checks) left for the full build that follows in the background (a child process started by
``guichet.processes.Children``). ``overlay`` makes what the browser is shown meanwhile: the
French error page of a broken edit, the line saying a flyer's PDF is being made.
"""
