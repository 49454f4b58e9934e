"""SARIF output validated against the official SARIF 2.1.0 JSON schema; the JSON text written."""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
from pathlib import Path

import jsonschema
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from toolkit.checks.engine import Report
from toolkit.checks.registry import RULES
from toolkit.model import Category, Finding, Location, Severity
from toolkit.report import dump_json, github, sarif

# The SARIF SDK's own copy of the OASIS schema ships in its npm package for Linux.
SCHEMA_PACKAGE = "@microsoft/sarif-multitool-linux@5.7.0"
SCHEMA_MEMBER = "package/sarif-2.1.0.json"
SCHEMA_CACHE = Path.home() / ".cache" / "advocacy-toolkit" / "sarif-2.1.0.json"


@pytest.fixture(scope="session")
def sarif_schema(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    if not SCHEMA_CACHE.is_file():
        npm = shutil.which("npm")
        assert npm, "npm is needed once to fetch the SARIF schema (.ci/run installs it)"
        folder = tmp_path_factory.mktemp("sarif")
        subprocess.run([npm, "pack", SCHEMA_PACKAGE, "--silent", "--pack-destination", str(folder)],
                       check=True, capture_output=True)
        [archive] = folder.glob("*.tgz")
        with tarfile.open(archive) as bundle:
            member = bundle.extractfile(SCHEMA_MEMBER)
            assert member is not None
            SCHEMA_CACHE.parent.mkdir(parents=True, exist_ok=True)
            SCHEMA_CACHE.write_bytes(member.read())
    schema: dict[str, object] = json.loads(SCHEMA_CACHE.read_text(encoding="utf-8"))
    return schema


def report() -> Report:
    findings = [
        Finding("C101", "untranslated", Category.COMPLETENESS, Severity.WARNING,
                "not translated yet", Location("locales/zh_Hans/LC_MESSAGES/ua.po", 42),
                document="ua", locale="zh_Hans", msgid="Free them", msgstr=""),
        Finding("F101", "unreadable", Category.FORMAT, Severity.ERROR,
                "unterminated string, with a comma: and a colon", Location("odd name,1.po", None)),
    ]
    return Report(findings=findings, files=2, entries=3)


def test_sarif_is_valid(sarif_schema: dict[str, object]) -> None:
    document = json.loads(sarif(report()))
    jsonschema.validators.validator_for(sarif_schema)(sarif_schema).validate(document)
    run = document["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == sorted(RULES)
    assert [result["ruleId"] for result in run["results"]] == ["C101", "F101"]
    assert run["results"][0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 42}


def test_sarif_is_valid_with_no_findings(sarif_schema: dict[str, object]) -> None:
    document = json.loads(sarif(Report()))
    jsonschema.validators.validator_for(sarif_schema)(sarif_schema).validate(document)


def test_github_escapes_properties() -> None:
    lines = github(report()).splitlines()
    assert lines[0] == (
        "::warning file=locales/zh_Hans/LC_MESSAGES/ua.po,line=42,title=C101 untranslated::"
        "not translated yet"
    )
    assert lines[1] == (
        "::error file=odd name%2C1.po,title=F101 unreadable::"
        "unterminated string, with a comma: and a colon"
    )


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**62), 2**62) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@given(_JSON)
@example({"msgid": "\ud800 王建兵", "line": [None, True, 2**40]})
def test_json_text_is_the_standard_librarys(payload: object) -> None:
    """orjson writes reports; the text is json.dumps's to the byte (lone surrogates included,
    which only the standard library writes)."""
    assert dump_json(payload) == json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
