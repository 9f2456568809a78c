"""Adapters for other frameworks, imported only when used (drafter.integrations.langchain needs langchain-core)."""
