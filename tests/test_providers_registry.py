"""ProviderRegistry: which provider auto picks, what a forced one says when it cannot work, loading once,
and serialised local calls (with a stand-in for llama.cpp; the real model is in test_providers_slow.py)."""

from __future__ import annotations

import threading
import time

import pytest

from drafter.domain.errors import InvalidInput
from drafter.providers import LocalModel, OpenAICompatModel, ProviderRegistry, ProviderUnavailable
from drafter.settings import DEFAULT_MODEL_FILE


@pytest.fixture
def settings(settings):
    """The shared settings, minus any endpoint or model path exported in the developer's environment."""
    return settings.model_copy(update={"openai_base_url": None, "local_model": None})


@pytest.fixture
def fake_gguf(settings):
    """A file where the default model should be (not a real GGUF)."""
    path = settings.models_dir / DEFAULT_MODEL_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a gguf file")
    return path


class StandInContext:
    """Plays llama.cpp's context: LocalModel resizes its threads when the machine's free cores change."""

    def set_n_threads(self, threads: int, batch: int) -> None:
        pass


class StandInLlama:
    """Plays llama_cpp.Llama: streams chat chunks and records how many calls ran at the same time."""

    def __init__(self) -> None:
        self._ctx = StandInContext()  # LocalModel resizes threads through it, depending on the machine's load
        self.active = 0
        self.max_active = 0
        self._lock = threading.Lock()

    def create_chat_completion(self, messages, **options):
        assert options["stream"] is True
        with self._lock:
            self.active += 1
            self.max_active = max(self.max_active, self.active)
        try:
            for piece in ["第一句", "，第二句。"]:
                time.sleep(0.02)  # give other threads a chance to overlap if they could
                yield {"choices": [{"delta": {"content": piece}}]}
        finally:
            with self._lock:
                self.active -= 1


def test_auto_without_anything_configured_uses_templates_and_says_why(settings):
    resolved = ProviderRegistry(settings).resolve("auto")
    assert resolved.name == "template" and resolved.model is None
    assert "openai_base_url" in resolved.note and "未安装本地模型" in resolved.note and "模板" in resolved.note


def test_forced_local_without_a_model_says_how_to_install_it(settings):
    with pytest.raises(ProviderUnavailable) as info:
        ProviderRegistry(settings).resolve("local")
    assert "drafter model install" in str(info.value)
    assert "DRAFTER_LOCAL_MODEL" in str(info.value)


def test_forced_openai_without_an_endpoint_says_what_to_set(settings):
    with pytest.raises(ProviderUnavailable) as info:
        ProviderRegistry(settings).resolve("openai")
    assert "DRAFTER_OPENAI_BASE_URL" in str(info.value)


def test_auto_prefers_a_configured_endpoint_and_keeps_one_model(settings, fake_gguf):
    configured = settings.model_copy(update={"openai_base_url": "http://127.0.0.1:9/v1", "openai_model": "deepseek-chat"})
    registry = ProviderRegistry(configured)
    first, second = registry.resolve("auto"), registry.resolve("openai")
    assert first.name == "openai" and first.note is None
    assert isinstance(first.model, OpenAICompatModel) and first.model.concurrent
    assert first.model is second.model
    assert first.model.model == "deepseek-chat"


def test_template_is_always_available(settings):
    resolved = ProviderRegistry(settings).resolve("template")
    assert (resolved.model, resolved.name, resolved.note) == (None, "template", None)


def test_unknown_provider_name_is_invalid_input(settings):
    with pytest.raises(InvalidInput):
        ProviderRegistry(settings).resolve("gpt-5")


def test_describe_reports_each_provider_without_loading(settings, fake_gguf):
    registry = ProviderRegistry(settings)
    described = registry.describe()
    assert set(described) == {"local", "openai", "template"}
    assert described["local"]["available"] is True and str(fake_gguf) in described["local"]["detail"]
    assert described["openai"]["available"] is False and "DRAFTER_OPENAI_BASE_URL" in described["openai"]["detail"]
    assert described["template"]["available"] is True
    assert registry._local is None  # nothing was loaded


def test_describe_without_a_model_says_how_to_install(settings):
    local = ProviderRegistry(settings).describe()["local"]
    assert local["available"] is False and "drafter model install" in local["detail"]


def test_a_broken_model_file_is_unavailable_and_auto_falls_back(settings, fake_gguf):
    registry = ProviderRegistry(settings)
    with pytest.raises(ProviderUnavailable) as info:
        registry.resolve("local")
    assert "无法加载" in str(info.value) and "--force" in str(info.value)
    resolved = registry.resolve("auto")
    assert resolved.name == "template" and "本地模型无法加载" in resolved.note


def test_a_custom_gguf_path_is_used(settings, tmp_path):
    custom = tmp_path / "other.gguf"
    custom.write_bytes(b"x")
    described = ProviderRegistry(settings.model_copy(update={"local_model": custom})).describe()["local"]
    assert described["available"] and str(custom) in described["detail"]


def test_local_model_loads_once_and_serialises_calls(settings, fake_gguf, monkeypatch):
    opened: list[StandInLlama] = []

    def open_stand_in(self):
        time.sleep(0.05)  # a slow load, so concurrent resolves would overlap if unguarded
        opened.append(StandInLlama())
        return opened[-1]

    monkeypatch.setattr(LocalModel, "_open", open_stand_in)
    registry = ProviderRegistry(settings)
    models, replies = [], []
    def resolve_and_write():
        model = registry.resolve("local").model
        models.append(model)
        replies.append(model.complete([{"role": "user", "content": "写两句"}]))

    threads = [threading.Thread(target=resolve_and_write) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(opened) == 1
    assert all(model is models[0] for model in models)
    assert models[0].name == "local" and models[0].concurrent is False
    assert replies == ["第一句，第二句。"] * 4
    assert opened[0].max_active == 1
    assert registry.describe()["local"]["detail"].endswith("已加载）")


def test_local_generation_errors_become_provider_errors(settings, fake_gguf, monkeypatch):
    from drafter.providers import ProviderError

    class Failing:
        def create_chat_completion(self, messages, **options):
            raise ValueError("Requested tokens (5000) exceed context window of 4096")

    monkeypatch.setattr(LocalModel, "_open", lambda self: Failing())
    model = ProviderRegistry(settings).resolve("local").model
    with pytest.raises(ProviderError) as info:
        model.complete([{"role": "user", "content": "x"}])
    assert "上下文窗口" in str(info.value)
    # the lock was released: the next call fails the same way instead of hanging
    with pytest.raises(ProviderError):
        model.complete([{"role": "user", "content": "x"}])


def test_an_abandoned_local_stream_frees_the_model(settings, fake_gguf, monkeypatch):
    stand_in = StandInLlama()
    monkeypatch.setattr(LocalModel, "_open", lambda self: stand_in)
    model = ProviderRegistry(settings).resolve("local").model
    first = model.stream([{"role": "user", "content": "x"}])
    assert next(first) == "第一句"
    with pytest.raises(RuntimeError):  # same thread, earlier stream still open: an error, not a deadlock
        model.complete([{"role": "user", "content": "y"}])
    first.close()
    assert stand_in.active == 0
    assert model.complete([{"role": "user", "content": "z"}]) == "第一句，第二句。"


def test_a_wrong_custom_model_path_is_named(settings, tmp_path):
    missing = tmp_path / "nowhere.gguf"
    with pytest.raises(ProviderUnavailable) as info:
        ProviderRegistry(settings.model_copy(update={"local_model": missing})).resolve("local")
    assert "DRAFTER_LOCAL_MODEL" in str(info.value) and str(missing) in str(info.value)
