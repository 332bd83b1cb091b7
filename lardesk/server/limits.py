"""How much one address may ask of a round: a token bucket per client address, and the size of a request."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

MAX_BODY_BYTES = 8 * 1024
"""A whole answer of nine scales is about 150 bytes; anything over 8 KB is refused unread (413)."""


@dataclass(frozen=True, slots=True)
class Limits:
    """The limits of one round's server (tests make them tighter)."""

    max_body: int = MAX_BODY_BYTES
    burst: int = 30
    """Requests one address may make at once: a phone needs three or four (page, seat, an answer or two)."""
    per_second: float = 1.0
    """Requests one address gets back per second after its burst (60 a minute)."""
    max_addresses: int = 4096
    """Addresses remembered at once (the oldest is forgotten first), so that the limiter's memory is bounded."""
    max_connections: int = 256
    """Open connections at once (uvicorn answers 503 beyond)."""
    body_timeout: float = 10.0
    """Seconds a client may take to send its (small) body."""
    head_timeout: float = 10.0
    """Seconds a connection may stay open without a whole request head (a new one, or an idle one between
    requests): uvicorn has no such limit, and a few hundred silent connections would otherwise hold every place
    of ``max_connections`` (each phone then gets 503) — without knowing the token."""


DEFAULT_LIMITS = Limits()


class RateLimiter:
    """A token bucket per client address: ``burst`` requests at once, then ``per_second``. Thread-safe."""

    def __init__(self, limits: Limits = DEFAULT_LIMITS, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def allow(self, address: str) -> bool:
        """Whether ``address`` may make one more request now (and count it)."""
        now = self._clock()
        limits = self.limits
        with self._lock:
            tokens, since = self._buckets.pop(address, (float(limits.burst), now))
            tokens = min(float(limits.burst), tokens + (now - since) * limits.per_second)
            allowed = tokens >= 1.0
            if allowed:
                tokens -= 1.0
            self._buckets[address] = (tokens, now)
            while len(self._buckets) > limits.max_addresses:
                self._buckets.popitem(last=False)
            return allowed
