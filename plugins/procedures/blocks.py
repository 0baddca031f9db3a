"""A counter's block (contact, hours, closures) rendered once per counter and build.

Every procedure page shows the block of each of its counters; a town's few counters are shared
by hundreds of procedures, so the block is rendered the first time and reused. The block's
template reads only ``counter`` and ``caption_suffix`` (``includes/counter-block.html``), and
a counter does not change during a build; the memo is emptied as each build starts.
"""

from __future__ import annotations

from jinja2 import pass_context
from markupsafe import Markup

TEMPLATE = "includes/counter-block.html"

_rendered: dict[tuple[int, str], tuple[object, Markup]] = {}
"""(id of the counter, caption suffix) → (the counter, kept so its id is not reused; block)."""


def forget_blocks(*_args) -> None:
    """A new build: counters are read again."""
    _rendered.clear()


@pass_context
def counter_block(context, counter, caption_suffix: str = "") -> Markup:
    """``{{ counter_block(counter, caption_suffix) }}``: what ``{% include TEMPLATE %}`` writes
    there."""
    key = (id(counter), caption_suffix)
    found = _rendered.get(key)
    if found is None or found[0] is not counter:
        template = context.environment.get_template(TEMPLATE)
        html = Markup(template.render(counter=counter, caption_suffix=caption_suffix))
        found = _rendered[key] = (counter, html)
    return found[1]
