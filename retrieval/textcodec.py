"""Moved to textkit.decoding; this name stays for retrieval.loader (the coordinator removes it once migrated)."""

from textkit.decoding import DecodeError, binary_kind, decode_text, looks_like_text

__all__ = ["DecodeError", "binary_kind", "decode_text", "looks_like_text"]
