"""The local provider: a GGUF model run in process by llama-cpp-python.

The model loads once (on first use or an explicit `load()`), guarded by a lock. llama.cpp contexts are not
thread-safe, so one generation runs at a time: the lock is held for the whole stream of one reply.
"""

from __future__ import annotations

import os
import statistics
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from drafter.providers.base import ChatModel, Message, ProviderError, ProviderUnavailable, YesNo, call_stop
from drafter.providers.local_abort import bounded

# End-of-turn markers of ChatML models (Qwen); harmless for others, whose template stops on its own EOS.
STOP_MARKERS = ["<|im_end|>", "<|endoftext|>"]


def available_threads(samples: int = 5) -> int:
    """Threads worth giving llama.cpp now: the CPUs this process may run on (affinity, cgroup cpusets) less the
    other work running on them right now. llama.cpp threads spin-wait on each other, so one thread more than the
    free cores makes every token wait for a descheduled thread (drafts took 3-7x longer beside one busy process).
    The 1-minute load average is not used: it lags, and counts this process's own finished work."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, round(cpus - other_runnable(samples) + 0.25)))


def other_runnable(samples: int = 5, gap_s: float = 0.04) -> float:
    """Runnable tasks besides this one, now: the median of /proc/loadavg's running count (which includes the
    reader) over a few samples; the 1-minute load average where /proc is missing."""
    counts = []
    for _ in range(samples):
        try:
            running = int(Path("/proc/loadavg").read_text().split()[3].split("/")[0])
        except (OSError, ValueError, IndexError):
            return os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
        counts.append(max(0, running - 1))
        time.sleep(gap_s)
    return statistics.median(counts)


def llama_cpp_installed() -> bool:
    """Cheap check (no import of the native library)."""
    from importlib.util import find_spec

    return find_spec("llama_cpp") is not None


class LocalModel(ChatModel):
    name = "local"
    concurrent = False
    exact_token_count = True

    def __init__(self, model_path: Path, *, n_ctx: int = 4096, n_threads: int | None = None,
                 busy_wait_s: float = 900.0, prompt_lookup: int = 0) -> None:
        self.model_path = Path(model_path)
        self.n_ctx = n_ctx
        self.fixed_threads = n_threads  # DRAFTER_LOCAL_THREADS; None: sized anew before every generation
        self.n_threads = n_threads or available_threads()
        self.prompt_lookup = prompt_lookup
        self._llama = None
        self._load_lock = threading.Lock()
        self._call_lock = threading.Lock()
        self._owner: int | None = None  # thread id holding _call_lock
        self.busy_wait_s = busy_wait_s

    @property
    def loaded(self) -> bool:
        return self._llama is not None

    def load(self):
        """Load the model once; ProviderUnavailable (with the fix) when it cannot be loaded."""
        if self._llama is not None:
            return self._llama
        with self._load_lock:
            if self._llama is None:
                self._llama = self._open()
        return self._llama

    def _open(self):
        if not self.model_path.is_file():
            raise ProviderUnavailable(f"本地模型未安装：找不到 {self.model_path}。请运行 drafter model install，"
                                      "或设置 DRAFTER_LOCAL_MODEL 指向 GGUF 文件")
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise ProviderUnavailable("未安装 llama-cpp-python：请运行 pip install -e '.[local]'"
                                      f"（{exc}）") from exc
        try:
            return Llama(model_path=str(self.model_path), n_ctx=self.n_ctx, n_threads=self.n_threads,
                         verbose=False, **self._lookup_options())
        except Exception as exc:  # llama.cpp raises ValueError/RuntimeError for unreadable files
            raise ProviderUnavailable(f"本地模型无法加载：{self.model_path}（{exc}）。请运行 drafter model install "
                                      "--force 重新安装，或让 DRAFTER_LOCAL_MODEL 指向有效的 GGUF 文件") from exc

    def _size_threads(self, llama) -> None:
        """Threads for this generation from the cores free right now (the model stays loaded while the machine's
        load changes: sized once at load, two threads beside one busy process made a draft several times slower)."""
        if self.fixed_threads:
            return
        threads = available_threads(samples=3)
        if threads != self.n_threads:
            llama._ctx.set_n_threads(threads, threads)  # llama.cpp's llama_set_n_threads
            self.n_threads = threads

    def _lookup_options(self) -> dict:
        """Prompt-lookup decoding: llama-cpp-python then keeps logits of every position (logits_all), which it
        needs to verify the guessed tokens."""
        if not self.prompt_lookup:
            return {}
        from llama_cpp.llama_speculative import LlamaPromptLookupDecoding

        return {"draft_model": LlamaPromptLookupDecoding(num_pred_tokens=self.prompt_lookup), "logits_all": True}

    def stream(self, messages: list[Message], *, max_tokens: int = 800, temperature: float = 0.3) -> Iterator[str]:
        """One generation at a time: the lock is held until this stream is exhausted or closed."""
        llama = self.load()
        if self._owner == threading.get_ident():
            # this thread left an earlier stream open: waiting for it would deadlock
            raise RuntimeError("LocalModel: an earlier stream of this thread is still open; exhaust or close() it")
        if not self._call_lock.acquire(timeout=self.busy_wait_s):
            raise ProviderError(f"本地模型忙：等待 {self.busy_wait_s:g} 秒后仍被其他生成占用")
        self._owner = threading.get_ident()
        chunks = None
        try:
            self._size_threads(llama)
            try:
                with bounded(llama, call_stop()):  # the prompt read stops at the deadline or 停止 (local_abort.py)
                    chunks = llama.create_chat_completion(
                        messages=[{"role": m["role"], "content": m["content"]} for m in messages],
                        stream=True, max_tokens=max_tokens, temperature=temperature, stop=STOP_MARKERS)
                    for chunk in chunks:
                        piece = chunk["choices"][0]["delta"].get("content")
                        if piece:
                            yield piece
            except ProviderError:
                raise
            except ValueError as exc:
                if "exceed context window" in str(exc):
                    raise ProviderError(f"提示过长，超出本地模型的上下文窗口（{self.n_ctx} 个词元）："
                                        "可调大 DRAFTER_LOCAL_CTX 或减少每节的事实与参考") from exc
                raise ProviderError(f"本地模型生成失败：{exc}") from exc
            except Exception as exc:
                raise ProviderError(f"本地模型生成失败：{exc}") from exc
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()  # finish llama.cpp's generator before the next call may start
            self._owner = None
            self._call_lock.release()

    def prepare(self, messages: list[Message]) -> None:
        """Evaluate `messages` (the fixed system prompt) now: llama.cpp keeps the tokens it last read and a call
        whose prompt starts with them reads only the rest, so every later section skips this prefix."""
        for _ in self.stream([*messages, {"role": "user", "content": "好"}], max_tokens=1, temperature=0.0):
            pass

    def yes_no(self, messages: list[Message]) -> YesNo:
        """logit(是) − logit(否) after the prompt (drafter.providers.local_yes_no), under the call lock."""
        from drafter.providers.local_yes_no import yes_no

        llama = self.load()
        if not self._call_lock.acquire(timeout=self.busy_wait_s):
            raise ProviderError(f"本地模型忙：等待 {self.busy_wait_s:g} 秒后仍被其他生成占用")
        try:
            self._size_threads(llama)
            with bounded(llama, call_stop()):  # the judge's prompt read too (local_abort.py)
                return yes_no(llama, messages)
        except ProviderError:
            raise
        except Exception as exc:
            raise ProviderError(f"本地模型判断失败：{exc}") from exc
        finally:
            self._call_lock.release()

    def count_tokens(self, text: str) -> int:
        """Tokens of `text` in this model's vocabulary (loads the model)."""
        return len(self.load().tokenize(text.encode("utf-8"), add_bos=False, special=True))
