"""A frictionless validation worker: `python -m registre.opendata.worker`.

Reads pickled (kind, rows) requests on stdin, answers each with the pickled list of findings on
stdout (at most MAX_FINDINGS per chunk, so that an answer always fits in the pipe). A plain
subprocess, not multiprocessing: nothing of the parent (database sockets, __main__) is inherited.
"""

from __future__ import annotations

import pickle
import queue
import subprocess
import sys
import threading

MAX_FINDINGS = 50


def main() -> int:
    from .validate import frictionless_findings

    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        try:
            kind, rows = pickle.load(stdin)
        except EOFError:
            return 0
        pickle.dump(frictionless_findings(kind, rows)[:MAX_FINDINGS], stdout, protocol=pickle.HIGHEST_PROTOCOL)
        stdout.flush()


class Worker:
    """The parent's side: submit chunks in order, read answers in the same order."""

    def __init__(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "registre.opendata.worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, close_fds=True,
        )
        self.in_flight = 0
        # a thread feeds the pipe, so that the caller goes on building rows while the worker is busy
        self._requests: queue.Queue = queue.Queue(maxsize=2)
        self._feeder = threading.Thread(target=self._feed, daemon=True)
        self._feeder.start()

    def _feed(self) -> None:
        while (payload := self._requests.get()) is not None:
            try:
                self.process.stdin.write(payload)
                self.process.stdin.flush()
            except (BrokenPipeError, ValueError):
                return
        try:
            self.process.stdin.close()
        except BrokenPipeError:
            pass

    def submit(self, kind: str, rows: list[list[str]]) -> None:
        self._requests.put(pickle.dumps((kind, rows), protocol=pickle.HIGHEST_PROTOCOL))
        self.in_flight += 1

    def answer(self) -> list:
        try:
            findings = pickle.load(self.process.stdout)
        except EOFError:
            raise RuntimeError("le processus de validation frictionless s'est arrêté") from None
        self.in_flight -= 1
        return findings

    def close(self) -> None:
        if self.process.poll() is None:
            self._requests.put(None)
            self._feeder.join(timeout=10)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process.stdout.close()


if __name__ == "__main__":
    sys.exit(main())
