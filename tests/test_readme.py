"""The README's promises: its schema table is the ontology's, and its first command's pieces exist."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from graph_builder.cli import main
from graph_builder.cli.schema import readme_table_is_current

ROOT = Path(__file__).resolve().parents[1]


def test_readme_schema_table_is_generated_from_the_ontology():
    assert readme_table_is_current((ROOT / "README.md").read_text(encoding="utf-8")), \
        "run: legalkg schema markdown --update README.md"


def test_readme_starts_with_the_two_setup_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```bash", 1)[1].split("```", 1)[0]
    assert "legalkg build samples/" in first_block
    assert "bash scripts/test" in first_block
    assert (ROOT / ".ci" / "run").read_text().strip().endswith("exec bash scripts/test")


def test_every_command_has_help_with_an_example():
    runner = CliRunner()
    for name, command in main.commands.items():
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        if hasattr(command, "commands"):  # a group: check its sub-commands
            for sub in command.commands:
                sub_help = runner.invoke(main, [name, sub, "--help"]).output
                assert "Example" in sub_help or "example" in sub_help, f"{name} {sub}"
        else:
            assert "Example" in result.output or "example" in result.output, name
