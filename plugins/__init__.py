"""Guichet's Pelican plugins, imported as ``guichet_plugins.<name>`` (pyproject.toml maps this
folder to that package): one plugin per concern, listed in order in ``pelicanconf.PLUGINS``."""

PACKAGE = __name__


def plugin_of(module: str) -> str:
    """The short name of the plugin a module belongs to (``guichet_plugins.print.render`` →
    ``print``); empty for a module outside this package."""
    head, _, rest = module.partition(".")
    return rest.split(".")[0] if head == PACKAGE else ""


ORDER = (
    "town",
    "procedures",
    "notices",
    "sanitize",
    "documents",
    "images",
    "opendata",
    "print",
    "minify",
    "precompress",
    "checks",
)
"""The order the plugins must run in (``PLUGINS``), each relying on what the ones before it did:
the town's settings before anything reads them; procedures and counters read before notices,
the HTML cleaned (sanitize) and its images and documents rewritten before sections are split
and flyers laid out (print, which also prints the closures links opendata sets); pages
minified before they are compressed; the checks last, on the compressed files."""


def out_of_order(plugins: list[str]) -> list[tuple[str, str]]:
    """Each pair (plugin, one that must come before it) that ``plugins`` (module names, as in
    ``PLUGINS``) lists the wrong way round; other plugins may sit anywhere."""
    ours = [plugin_of(name) for name in plugins if plugin_of(name) in ORDER]
    wrong = []
    for position, name in enumerate(ours):
        later_needed = [n for n in ours[position + 1 :] if ORDER.index(n) < ORDER.index(name)]
        wrong += [(name, needed) for needed in later_needed]
    return wrong
