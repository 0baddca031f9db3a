"""Pelican calls a signal's receivers in the order they were connected: it gives blinker an
ordered set (``blinker.Signal.set_class = OrderedSet``, pelican/plugins/signals.py), where
blinker alone iterates a plain set of receiver ids. Guichet relies on it: plugins act in the
order of PLUGINS (``guichet_plugins.ORDER``, checked as the build starts) and, at
``generator_init``, procedures forks its Markdown workers before the images' head start has a
thread running (tests/site/test_forks.py sees the consequence in a real build)."""

from __future__ import annotations

from pelican import signals


def test_receivers_of_a_pelican_signal_are_called_in_the_order_connected(pelican_signals):
    heard: list[int] = []
    # Enough receivers that the ids' hashes, in a plain set, would come out in another order.
    receivers = [lambda sender, n=n: heard.append(n) for n in range(64)]
    for receiver in reversed(receivers[32:]):
        signals.generator_init.connect(receiver)
    for receiver in receivers[:32]:
        signals.generator_init.connect(receiver)
    signals.generator_init.send(object())
    assert heard == [*range(63, 31, -1), *range(32)]
