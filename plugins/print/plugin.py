"""The Pelican side of the print plugin: the signals it hooks (see ``__init__.py``)."""

from pelican import signals

from .pipeline import render_all


def render_flyers(generators) -> None:
    owner = next((g for g in generators if hasattr(g, "procedures") and hasattr(g, "themes")), None)
    if owner is None:
        return
    owner.context["guichet_flyer_stats"] = render_all(owner, owner.settings)


def register():
    signals.all_generators_finalized.connect(render_flyers)
