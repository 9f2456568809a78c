"""Pick and keep the chat model for a provider name: auto, local, openai or template."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drafter.domain.errors import InvalidInput
from drafter.providers.base import ChatModel, Message, ProviderError, ProviderUnavailable
from drafter.providers.local import LocalModel, llama_cpp_installed
from drafter.settings import Settings

if TYPE_CHECKING:  # imported when first used: the openai SDK costs 0.4 CPU-s a process, and a server or CLI
    # on the template or local provider never needs it
    from drafter.providers.openai_compat import OpenAICompatModel

PROVIDER_NAMES = ("auto", "local", "openai", "template")
OPENAI_HINT = ("未配置 OpenAI 兼容接口：请设置 DRAFTER_OPENAI_BASE_URL（以及 DRAFTER_OPENAI_MODEL，"
               "需要时 DRAFTER_OPENAI_API_KEY）")
LLAMA_HINT = "未安装 llama-cpp-python：请运行 pip install -e '.[local]'"


def local_model_hint(settings: Settings) -> str:
    path = settings.local_model_path
    if settings.local_model is not None:
        return f"本地模型未安装（DRAFTER_LOCAL_MODEL 指向的 {path} 不存在）：请改正该路径，或删除该设置并运行 drafter model install"
    return f"本地模型未安装（{path} 不存在）：请运行 drafter model install，或设置 DRAFTER_LOCAL_MODEL 指向 GGUF 文件"


@dataclass(frozen=True)
class Resolved:
    """The provider chosen for a request. `model` is None for the template provider."""

    model: ChatModel | None
    name: str  # "local" | "openai" | "template"
    note: str | None = None  # why auto chose this one, when it fell back


class ProviderRegistry:
    """Creates each model once and keeps it for the life of the service (the local model loads once)."""

    def __init__(self, settings: Settings, prefix: list[Message] | None = None) -> None:
        """`prefix`: messages every call starts with (the system prompt); the local model reads it once loaded."""
        self.settings = settings
        self.prefix = prefix
        self._lock = threading.Lock()
        self._local: LocalModel | None = None
        self._prepared = False
        self._openai: OpenAICompatModel | None = None

    def resolve(self, name: str = "auto") -> Resolved:
        """The model for `name`. A forced local/openai that cannot work raises ProviderUnavailable (how to fix)."""
        if name == "template":
            return Resolved(None, "template")
        if name == "openai":
            return Resolved(self.openai(), "openai")
        if name == "local":
            return Resolved(self.local(), "local")
        if name == "auto":
            return self._auto()
        raise InvalidInput(f"未知的模型提供方“{name}”：可选 {' / '.join(PROVIDER_NAMES)}")

    def openai(self) -> OpenAICompatModel:
        if not self.settings.openai_base_url:
            raise ProviderUnavailable(OPENAI_HINT)
        with self._lock:
            if self._openai is None:
                from drafter.providers.openai_compat import OpenAICompatModel

                self._openai = OpenAICompatModel.from_settings(self.settings)
            return self._openai

    def local(self) -> LocalModel:
        """The local model, loaded (once per registry)."""
        path = self.settings.local_model_path
        if not path.is_file():
            raise ProviderUnavailable(local_model_hint(self.settings))
        if not llama_cpp_installed():
            raise ProviderUnavailable(LLAMA_HINT)
        with self._lock:
            if self._local is None:
                self._local = LocalModel(path, n_ctx=self.settings.local_ctx, n_threads=self.settings.local_threads,
                                         prompt_lookup=self.settings.local_prompt_lookup)
            model = self._local
        model.load()  # LocalModel guards the load with its own lock; raises ProviderUnavailable when broken
        self._prepare(model)
        return model

    def _prepare(self, model: LocalModel) -> None:
        with self._lock:
            if self._prepared or not self.prefix:
                return
            self._prepared = True
        try:
            model.prepare(self.prefix)
        except ProviderError:
            pass  # only a head start: the first section reads the prefix itself

    def _auto(self) -> Resolved:
        if self.settings.openai_base_url:
            return Resolved(self.openai(), "openai")
        reasons = ["未配置 openai_base_url"]
        try:
            return Resolved(self.local(), "local", "未配置 openai_base_url，使用本地模型")
        except ProviderUnavailable as exc:
            reasons.append(_short_reason(exc))
        return Resolved(None, "template", "，".join(reasons) + "，使用模板")

    def describe(self) -> dict[str, dict]:
        """Availability of each provider; cheap: no model load, no network call."""
        return {"local": self._describe_local(), "openai": self._describe_openai(),
                "template": {"available": True, "detail": "确定性模板，始终可用（也是修复失败时的兜底）"}}

    def _describe_local(self) -> dict:
        path = self.settings.local_model_path
        if not path.is_file():
            return {"available": False, "detail": local_model_hint(self.settings)}
        if not llama_cpp_installed():
            return {"available": False, "detail": LLAMA_HINT}
        loaded = "，已加载" if self._local is not None and self._local.loaded else ""
        return {"available": True, "detail": f"{path}（{path.stat().st_size / 2**20:.0f} MB{loaded}）"}

    def _describe_openai(self) -> dict:
        if not self.settings.openai_base_url:
            return {"available": False, "detail": OPENAI_HINT}
        return {"available": True, "detail": f"{self.settings.openai_base_url}，模型 {self.settings.openai_model}"}


def _short_reason(exc: ProviderUnavailable) -> str:
    """'本地模型未安装（…）：请运行…' -> the part before the fix, for auto's one-line note."""
    text = str(exc)
    if text.startswith("本地模型未安装"):
        return "未安装本地模型"
    return text.split("：", 1)[0]
