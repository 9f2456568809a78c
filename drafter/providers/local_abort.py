"""A bounded prompt read for the local model (issue 24): llama.cpp's abort callback.

llama-cpp-python reads a prompt in one llama_decode call per n_batch (512) tokens, so a section's prompt (about
220 new tokens) is one uninterruptible call: about 2 s on an idle machine, up to about 45 s on a loaded one. But
llama.cpp asks the context's abort callback (llama_set_abort_callback) after every node of the compute graph,
milliseconds apart; when it answers true, llama_decode returns 2 and removes the positions of the batch it stopped
from the context's memory, and llama-cpp-python raises RuntimeError("llama_decode returned 2") before it counts
those tokens. The Llama object's cached prefix (n_tokens, input_ids) stays consistent: the next call reads on.

The callback is C's own strlen on a two-byte flag: "" (length 0, false) goes on, "x" (length 1, true) aborts.
It runs on llama.cpp's thread without Python, so it costs nothing per graph node (a Python callback takes the
GIL about 1,000 times a token; beside a busy Python thread each wait is up to 5 ms). A watcher thread, alive for
the call only, sets the flag once the call's stop test (deadline passed or 停止) holds; it polls every POLL_S.
Nothing else changes, so a call that is not stopped computes exactly what it did.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from drafter.providers.base import ProviderError

POLL_S = 0.02  # the watcher's poll: the stop lands at most this long (plus one graph node) after it is due


class PromptCut(ProviderError):
    """The call's deadline passed, or it was stopped, while llama.cpp computed (mostly: read the prompt)."""


def _strlen_address() -> int | None:
    """The address of C's strlen (the abort test on the flag), or None where no C library is found."""
    for name in (None, ctypes.util.find_library("c")):
        try:
            return ctypes.cast(ctypes.CDLL(name).strlen, ctypes.c_void_p).value
        except (OSError, AttributeError, TypeError):
            continue
    return None


class AbortSwitch:
    """llama.cpp's abort callback on one context: armed for a call, it aborts once `should_stop()` holds."""

    def __init__(self, ctx) -> None:
        import llama_cpp

        self._llama_cpp = llama_cpp
        self.ctx = ctx
        self._flag = ctypes.create_string_buffer(2)  # b"\0": go on; b"x": abort
        address = _strlen_address()
        if address is not None:
            self._callback = llama_cpp.ggml_abort_callback(address)
        else:  # a Python reader of the flag: correct, slower beside busy Python threads
            self._callback = llama_cpp.ggml_abort_callback(lambda _data: self._flag.raw[0] != 0)
        self._none = llama_cpp.ggml_abort_callback()  # a NULL function pointer: no callback at all
        self.fired = False
        self.armed_calls = 0  # calls this switch watched, for tests and benches

    @contextmanager
    def armed(self, should_stop: Callable[[], bool] | None) -> Iterator[AbortSwitch]:
        """Abort llama.cpp's work once `should_stop()` is true, inside the block (None: nothing armed)."""
        self.fired = False
        if should_stop is None:
            yield self
            return
        self._flag.raw = b"\0\0"
        self._llama_cpp.llama_set_abort_callback(self.ctx, self._callback, ctypes.addressof(self._flag))
        done = threading.Event()
        watcher = threading.Thread(target=self._watch, args=(should_stop, done), daemon=True,
                                   name="llama-abort-watch")
        self.armed_calls += 1
        watcher.start()
        try:
            yield self
        finally:
            done.set()
            watcher.join()
            self._llama_cpp.llama_set_abort_callback(self.ctx, self._none, None)
            self._flag.raw = b"\0\0"

    def _watch(self, should_stop: Callable[[], bool], done: threading.Event) -> None:
        while True:
            try:
                stop = bool(should_stop())
            except Exception:  # noqa: BLE001 - a broken stop test never aborts
                stop = False
            if stop:
                self.fired = True
                self._flag.raw = b"x\0"
                return
            if done.wait(POLL_S):
                return


def switch_of(llama) -> AbortSwitch:
    """The Llama object's AbortSwitch (made once, kept on the object with its context)."""
    switch = getattr(llama, "_drafter_abort", None)
    if switch is None or switch.ctx is not llama.ctx:
        switch = AbortSwitch(llama.ctx)
        llama._drafter_abort = switch
    return switch


@contextmanager
def bounded(llama, should_stop: Callable[[], bool] | None) -> Iterator[None]:
    """Run llama.cpp work under `should_stop` (None: as is): PromptCut when it aborted the work."""
    if should_stop is None:
        yield
        return
    switch = switch_of(llama)
    with switch.armed(should_stop):
        try:
            yield
        except RuntimeError as exc:
            if switch.fired and "llama_decode returned 2" in str(exc):
                raise PromptCut("本地模型的计算已按时限或停止中止") from exc
            raise
