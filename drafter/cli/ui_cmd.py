"""`drafter ui`: start the Streamlit page (app.py) for secretaries and reviewers.

Headless by default (no browser opened, no e-mail prompt: started in the background it runs, it does not wait
for an answer), with usage statistics off and Streamlit's English welcome text hidden: what it prints at start-up
is our Chinese line with the address. `--open-browser` opens a browser as well.
"""

from __future__ import annotations

import os
import sys

import typer

from drafter.settings import PROJECT_ROOT

APP_FILE = PROJECT_ROOT / "app.py"


def streamlit_command(port: int, host: str, headless: bool) -> list[str]:
    """The `streamlit run app.py` command line for these options."""
    return [sys.executable, "-m", "streamlit", "run", str(APP_FILE), "--server.port", str(port),
            "--server.address", host, "--server.headless", "true" if headless else "false",
            "--server.showEmailPrompt", "false", "--browser.gatherUsageStats", "false",
            "--logger.hideWelcomeMessage", "true", "--logger.level", "error", "--client.toolbarMode", "minimal"]


def register(app: typer.Typer) -> None:
    """Add `drafter ui` to the app."""

    @app.command("ui")
    def ui(
        port: int = typer.Option(8501, "--port", help="端口"),
        host: str = typer.Option("127.0.0.1", "--host", help="监听地址（局域网访问用 0.0.0.0，并设置 DRAFTER_UI_PASSWORD）"),
        headless: bool = typer.Option(True, "--headless/--open-browser", help="默认不打开浏览器；--open-browser 同时打开浏览器"),
    ) -> None:
        """启动网页（秘书起草、审核人审核）：streamlit run app.py。"""
        if not APP_FILE.exists():
            typer.echo(f"找不到页面文件：{APP_FILE}", err=True)
            raise typer.Exit(2)
        typer.echo(f"正在启动网页，地址：http://{host}:{port}（按 Ctrl+C 停止）")
        command = streamlit_command(port, host, headless)
        os.execv(command[0], command)  # streamlit takes over this process (signals reach it directly)
