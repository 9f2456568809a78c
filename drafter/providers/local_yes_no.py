"""The local model's yes/no answer read from its logits: logit(是) − logit(否) after the prompt (issue 19, item 5).

The prompt is formatted with the model's own chat template (the GGUF's tokenizer.chat_template, as
create_chat_completion does) and evaluated with Llama.eval; llama.cpp keeps the tokens it last read, so only the
part after the longest common prefix with the previous call is read: the judge puts the facts first, and every
clause of one draft reads only its own question. The logits of the last position come from llama.cpp's
llama_get_logits_ith (Llama.eval keeps them only with logits_all).
"""

from __future__ import annotations

import time

import numpy as np

from drafter.providers.base import Message, YesNo
from textkit.decoding import decode_token_piece

YES, NO = "是", "否"


def formatter(llama):
    """The model's chat template as a llama-cpp-python formatter (cached on the Llama object)."""
    cached = getattr(llama, "_drafter_judge_formatter", None)
    if cached is None:
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        template = llama.metadata.get("tokenizer.chat_template")
        if not template:
            return None
        text = lambda token: decode_token_piece(llama.detokenize([token])) if token >= 0 else ""  # noqa: E731
        cached = Jinja2ChatFormatter(template=template, eos_token=text(llama.token_eos()),
                                     bos_token=text(llama.token_bos()))
        llama._drafter_judge_formatter = cached
    return cached


def prompt_tokens(llama, messages: list[Message]) -> list[int]:
    fmt = formatter(llama)
    if fmt is None:  # no template in the file: ChatML, Qwen's own
        text = "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages)
        text += "<|im_start|>assistant\n"
    else:
        text = fmt(messages=[{"role": m["role"], "content": m["content"]} for m in messages]).prompt
    return llama.tokenize(text.encode("utf-8"), add_bos=False, special=True)


def first_token(llama, text: str) -> int:
    return llama.tokenize(text.encode("utf-8"), add_bos=False, special=False)[0]


def yes_no(llama, messages: list[Message]) -> YesNo:
    """Evaluate the prompt (reusing the cached prefix) and compare the next token's logits of 是 and 否."""
    import llama_cpp

    started = time.perf_counter()
    tokens = prompt_tokens(llama, messages)
    if len(tokens) >= llama.n_ctx():
        raise ValueError(f"exceed context window: {len(tokens)} tokens")
    kept = 0
    for a, b in zip(llama.input_ids[:llama.n_tokens], tokens):
        if a != b:
            break
        kept += 1
    kept = min(kept, len(tokens) - 1)  # the last token is read again: its logits are the answer
    llama.n_tokens = kept
    llama.eval(tokens[kept:])
    logits = np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(llama.ctx, -1), shape=(llama.n_vocab(),))
    yes, no = float(logits[first_token(llama, YES)]), float(logits[first_token(llama, NO)])
    return YesNo(score=round(yes - no, 3), answer=YES if yes >= no else NO, tokens_in=len(tokens),
                 tokens_read=len(tokens) - kept, elapsed_s=time.perf_counter() - started, how="logits")
