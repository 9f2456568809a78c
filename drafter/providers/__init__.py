"""Chat model providers behind one small interface (base.ChatModel): local (llama.cpp), openai (any
OpenAI-compatible endpoint), template (model None), picked by ProviderRegistry; fakes for tests in .fake.

The base names import eagerly; the rest on first use, so importing drafter.domain.errors stays cheap (no openai SDK).
"""

from __future__ import annotations

from importlib import import_module

from drafter.providers.base import ChatModel, Message, ProviderError, ProviderUnavailable, in_step, model_step

_LAZY = {
    "ProviderRegistry": "registry", "Resolved": "registry", "PROVIDER_NAMES": "registry",
    "LocalModel": "local", "OpenAICompatModel": "openai_compat",
    "EchoModel": "fake", "ScriptedModel": "fake", "ScriptExhausted": "fake",
}

__all__ = ["ChatModel", "Message", "ProviderError", "ProviderUnavailable", "in_step", "model_step", *_LAZY]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(f"drafter.providers.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'drafter.providers' has no attribute {name!r}")
