"""Input files of the command line (issue 24, D10): only regular files, and only up to a size cap
(DRAFTER_MAX_INPUT_FILE_BYTES), so /dev/zero, a FIFO or a huge file ends in a clear message, not in memory
growing until the system kills the process."""

from __future__ import annotations

import os
import stat
from pathlib import Path

DEFAULT_LIMIT = 10_000_000


class InputFileError(ValueError):
    """Why an input file cannot be read (Chinese, names the file)."""


def read_input(path: Path, limit: int = DEFAULT_LIMIT) -> bytes:
    from drafter.domain.errors import os_reason

    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise InputFileError(f"{path} 不是普通文件（只能读取普通文件，不能是设备、管道或目录）")
            if info.st_size > limit:
                raise InputFileError(f"文件 {path} 过大（{info.st_size} 字节，上限 {limit} 字节）")
            data = handle.read(limit + 1)
    except (OSError, RuntimeError) as exc:
        raise InputFileError(f"无法读取文件 {path}：{os_reason(exc)}") from None
    if len(data) > limit:  # it grew while being read
        raise InputFileError(f"文件 {path} 过大（上限 {limit} 字节）")
    return data
