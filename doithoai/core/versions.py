"""Versions of reference data kept in the shared cache (a database table every server process
reads), so that what a process derived from the data (cached areas, unit and topic look-ups) is
dropped in every process when the data changes. Each process reads a version at most every
`seconds`; the process that bumps it sees the change at once."""

import time
from collections.abc import Callable
from typing import Any, ClassVar

from django.core.cache import caches


class SharedVersion:
    _every: ClassVar[list["SharedVersion"]] = []

    def __init__(self, key: str, seconds: float = 10) -> None:
        self.key = key
        self.seconds = seconds
        self._read: tuple[float, int] | None = None
        self._memo: tuple[int, dict[str, Any]] | None = None
        SharedVersion._every.append(self)

    def current(self) -> int:
        now = time.monotonic()
        if self._read is None or now - self._read[0] > self.seconds:
            version = int(caches["shared"].get_or_set(self.key, 1, timeout=None) or 1)
            self._read = (now, version)
        return self._read[1]

    def memo(self) -> dict[str, Any]:
        """This process's values derived from the data, emptied when the version changes."""
        version = self.current()
        if self._memo is None or self._memo[0] != version:
            self._memo = (version, {})
        return self._memo[1]

    def table[K, V](self, name: str, key: K, read: Callable[[], dict[K, V]]) -> dict[K, V]:
        """The memo's table `name`, read whole by `read()` the first time and again whenever
        `key` is not in it (a row added since, in this process or another)."""
        memo = self.memo()
        table: dict[K, V] | None = memo.get(name)
        if table is None or key not in table:
            table = memo[name] = read()
        return table

    def bump(self) -> None:
        shared = caches["shared"]
        try:
            shared.incr(self.key)
        except ValueError:
            shared.set(self.key, 2, timeout=None)
        self._read = None

    def forget(self) -> None:
        """Read the version afresh next time and drop the memo (tests, whose data and shared
        cache roll back)."""
        self._read = None
        self._memo = None


def forget_all() -> None:
    for version in SharedVersion._every:
        version.forget()
