"""`intervisie serve` without its extra, and what it binds to."""

from __future__ import annotations

import importlib.util

from click.testing import CliRunner

from intervisie.tui.cli.commands import serve as serve_module
from intervisie.tui.cli.main import main


def test_without_textual_serve_it_says_how_to_install_it(monkeypatch, tmp_path):
    real = importlib.util.find_spec

    def find_spec(name, *args, **kwargs):
        return None if name == "textual_serve" else real(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    result = CliRunner().invoke(main, ["--lang", "en", "serve", "--data-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "pip install 'intervisie[serve]'" in result.output
    assert not (tmp_path / "joincodes.sqlite3").exists()


def test_it_listens_on_loopback_unless_told_otherwise():
    option = next(p for p in serve_module.serve.params if p.name == "host")
    assert option.default == "127.0.0.1"
    assert serve_module.is_loopback("127.0.0.1") and serve_module.is_loopback("::1")
    assert serve_module.is_loopback("localhost")
    assert not serve_module.is_loopback("0.0.0.0") and not serve_module.is_loopback("10.0.0.5")


def test_each_tab_runs_the_app_for_this_data_folder_and_language(tmp_path):
    folder = tmp_path / "my data"
    command = serve_module.app_command(
        "intervisie.tui.app.served", folder, "nl", "--participant-url", "http://x:8001"
    )
    assert "-m intervisie.tui.app.served" in command
    assert f"'{folder}'" in command and "--lang nl" in command
    assert command.endswith("--participant-url http://x:8001")


def test_without_aiohttp_or_segno_it_says_how_to_install_them(monkeypatch, tmp_path):
    real = importlib.util.find_spec
    for missing in ("aiohttp", "segno"):

        def find_spec(name, *args, _missing=missing, **kwargs):
            return None if name == _missing else real(name, *args, **kwargs)

        monkeypatch.setattr(importlib.util, "find_spec", find_spec)
        result = CliRunner().invoke(main, ["--lang", "en", "serve", "--data-dir", str(tmp_path)])
        assert result.exit_code == 1
        assert "pip install 'intervisie[serve]'" in result.output
