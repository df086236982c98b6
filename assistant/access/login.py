"""Sign-in defences: a back-off per user and per address after failed attempts, and the server's
own record of sessions, which end when they grow old, when the password changes and when the
user is removed (in this process or by ``msv users`` in another)."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from .users import UserStore

Clock = Callable[[], float]


class Throttle:
    """Up to ``max_failures`` failed attempts per key within ``window`` seconds go through at
    full speed; after that each key waits ``delay`` seconds after its last failure, doubled for
    every further failure and never more than the window. A success clears the key."""

    def __init__(self, max_failures: int = 5, window: float = 900.0, delay: float = 30.0,
                 clock: Clock = time.monotonic) -> None:
        self.max_failures = max_failures
        self.window = window
        self.delay = delay
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._failures.get(key, deque())
        while q and q[0] <= now - self.window:
            q.popleft()
        if not q:
            self._failures.pop(key, None)
        return q

    def wait(self, *keys: str) -> float:
        """Seconds until the next attempt for all of ``keys`` may be tried (0: now)."""
        now = self.clock()
        longest = 0.0
        with self._lock:
            for key in keys:
                q = self._recent(key, now)
                over = len(q) - self.max_failures
                if over >= 0:
                    pause = min(self.delay * 2 ** over, self.window)
                    longest = max(longest, q[-1] + pause - now)
        return max(0.0, longest)

    def failed(self, *keys: str) -> None:
        now = self.clock()
        with self._lock:
            for key in keys:
                q = self._recent(key, now)
                q.append(now)
                self._failures[key] = q

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)


@dataclass(frozen=True)
class Session:
    user: str
    started: float
    stamp: str  # the password's fingerprint when the session started


class Sessions:
    """Session tokens the app handed out, each checked on every request against its age and
    the users file."""

    def __init__(self, users: UserStore, lifetime: float, clock: Clock = time.time) -> None:
        self.users = users
        self.lifetime = lifetime
        self.clock = clock
        self._by_token: dict[str, Session] = {}
        self._lock = threading.Lock()

    def start(self, token: str, user: str) -> None:
        stamp = self.users.stamp(user)
        if stamp is not None:
            with self._lock:
                self._by_token[token] = Session(user.strip().lower(), self.clock(), stamp)

    def user(self, token: str) -> str | None:
        """The signed-in user behind ``token``, or None (and the session is forgotten) when it
        is unknown, expired, or its password or user no longer exists."""
        with self._lock:
            s = self._by_token.get(token)
        if s is None:
            return None
        if self.clock() - s.started > self.lifetime or self.users.stamp(s.user) != s.stamp:
            self.end(token)
            return None
        return s.user

    def end(self, token: str) -> None:
        with self._lock:
            self._by_token.pop(token, None)

    def end_user(self, user: str) -> int:
        """End every session of ``user``; how many there were."""
        with self._lock:
            tokens = [t for t, s in self._by_token.items() if s.user == user]
            for t in tokens:
                del self._by_token[t]
        return len(tokens)
