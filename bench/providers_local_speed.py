"""Local model speed on this machine: load time, prompt reading and writing speed (tokens/s), first-token
latency and peak RAM, for prompts the size of one drafted section (a reference excerpt plus 6 facts).

    .venv/bin/python bench/providers_local_speed.py [--rounds 3] [--max-tokens 200] [--threads N]
                                                    [--prompt-lookup N]   # with prompt-lookup decoding

bench/pipeline_bench.py calls measure() first and prints its tokens/s beside the drafting times.

Figures come from llama.cpp's own performance counters (prompt tokens evaluated, tokens generated and the
time each took); wall-clock first-token latency and total time are printed next to them.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from drafter.providers import ProviderRegistry  # noqa: E402
from drafter.settings import PROJECT_ROOT, Settings  # noqa: E402

FACTS = [
    "春节期间走访慰问困难职工86户，发放慰问金12.6万元",
    "为一线职工送清凉物资价值3.2万元，覆盖职工1420人次",
    "全年新发展会员126人，会员总数达到1842人",
    "组织职工健康体检1份报告覆盖1650人",
    "开展金秋助学活动，资助职工子女23名，发放助学金4.6万元",
    "帮扶大病职工5人，发放救助金2.5万元",
]


def reference_excerpt(chars: int) -> str:
    """Body text of shipped example files, as a style reference of realistic length."""
    text = ""
    for path in sorted((PROJECT_ROOT / "samples").glob("*.md")):
        body = path.read_text(encoding="utf-8").split("---", 2)[-1].strip()
        text += body + "\n"
        if len(text) >= chars:
            break
    return text[:chars]


def section_messages(round_no: int, reference_chars: int) -> list[dict]:
    # the round number changes the first line, so no round reuses the previous round's cached prompt
    facts = "\n".join(f"第{i}条：{fact}" for i, fact in enumerate(FACTS, start=1))
    return [
        {"role": "system", "content": f"（第{round_no}轮）你是工会办公室的文字秘书，用正式、简洁的中文写作，只使用给出的事实。"},
        {"role": "user", "content": f"参考范文（只学风格，不照抄）：\n{reference_excerpt(reference_chars)}\n\n"
                                    f"请撰写“帮扶送温暖”部分的正文，必须写入以下事实，数字原样照写：\n{facts}"},
    ]


def rss_mb() -> float:
    """Current resident memory of this process (Linux), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def perf_counters(llama) -> tuple[int, float, int, float] | None:
    """(prompt tokens, prompt ms, generated tokens, generation ms) from llama.cpp, if this build exposes them."""
    try:
        import llama_cpp

        data = llama_cpp.llama_perf_context(llama._ctx.ctx)
        return data.n_p_eval, data.t_p_eval_ms, data.n_eval, data.t_eval_ms
    except Exception:
        return None


def reset_counters(llama) -> None:
    try:
        import llama_cpp

        llama_cpp.llama_perf_context_reset(llama._ctx.ctx)
    except Exception:
        pass


def measure(settings: Settings, rounds: int = 3, max_tokens: int = 200, reference_chars: int = 900,
            show=print) -> dict:
    """Load the local model and time `rounds` section-sized generations; the mean tokens/s read and written."""
    base_mb = rss_mb()
    started = time.perf_counter()
    model = ProviderRegistry(settings).resolve("local").model  # ProviderUnavailable says how to install
    load_s = time.perf_counter() - started
    llama = model.load()
    show(f"model: {settings.local_model_path}  threads: {model.n_threads}/{os.cpu_count()} cores  "
         f"ctx: {settings.local_ctx}  prompt lookup: {model.prompt_lookup or 'off'}  load: {load_s:.1f} s")
    show(f"load average before: {os.getloadavg()[0]:.1f} (figures drop sharply when other work shares the cores)")
    totals = [0, 0.0, 0, 0.0]
    for round_no in range(1, rounds + 1):
        reset_counters(llama)
        llama.reset()
        t0, cpu0 = time.perf_counter(), time.process_time()
        first = None
        text = ""
        for piece in model.stream(section_messages(round_no, reference_chars), max_tokens=max_tokens,
                                  temperature=0.3):
            first = first or time.perf_counter() - t0
            text += piece
        wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        counters = perf_counters(llama)
        written = model.count_tokens(text)
        if counters:
            n_p, t_p, n_e, t_e = counters
            gen_s = max(1e-6, wall - (t_p / 1000))  # with prompt lookup, llama.cpp counts verified guesses as prompt
            totals = [totals[0] + n_p, totals[1] + t_p, totals[2] + written, totals[3] + gen_s * 1000]
            show(f"round {round_no}: prompt {n_p} tok in {t_p / 1000:.2f} s ({n_p / max(1e-6, t_p / 1000):.0f} tok/s), "
                 f"wrote {written} tok in {gen_s:.2f} s ({written / gen_s:.1f} tok/s), "
                 f"first token {first or 0:.2f} s, total {wall:.2f} s, CPU {cpu:.1f} s")
        else:
            show(f"round {round_no}: first token {first or 0:.2f} s, {written} tokens, total {wall:.2f} s")
    read_speed = totals[0] / (totals[1] / 1000) if totals[1] else None
    write_speed = totals[2] / (totals[3] / 1000) if totals[3] else None
    if read_speed and write_speed:
        show(f"\nmean: reading the prompt {read_speed:.0f} tok/s, writing {write_speed:.1f} tok/s")
    show(f"load average after: {os.getloadavg()[0]:.1f}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    show(f"RAM (RSS): {base_mb:.0f} MB before loading, peak {peak_mb:.0f} MB "
         f"(model {peak_mb - base_mb:.0f} MB incl. the mmapped GGUF and the KV cache)")
    return {"read_tok_s": round(read_speed, 1) if read_speed else None,
            "write_tok_s": round(write_speed, 1) if write_speed else None,
            "threads": model.n_threads, "prompt_lookup": model.prompt_lookup, "load_s": round(load_s, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--max-tokens", type=int, default=200)
    parser.add_argument("--reference-chars", type=int, default=900)
    parser.add_argument("--threads", type=int, default=None, help="default: DRAFTER_LOCAL_THREADS or the free CPUs")
    parser.add_argument("--prompt-lookup", type=int, default=None,
                        help="tokens guessed from the prompt per step (default: DRAFTER_LOCAL_PROMPT_LOOKUP; 0 = off)")
    args = parser.parse_args()
    settings = Settings()
    if args.threads:
        settings = settings.model_copy(update={"local_threads": args.threads})
    if args.prompt_lookup is not None:
        settings = settings.model_copy(update={"local_prompt_lookup": args.prompt_lookup})
    measure(settings, args.rounds, args.max_tokens, args.reference_chars)


if __name__ == "__main__":
    main()
