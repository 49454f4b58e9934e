
"""The glossary: its format and errors, matching, ``glossary check``, exports and hints."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import cli
from toolkit.errors import InputError
from toolkit.extract import extract
from toolkit.glossary import Glossary, load_glossary, read_glossary
from toolkit.glossary.audit import audit
from toolkit.glossary.export import to_csv, to_tbx
from toolkit.glossary.hints import hints
from toolkit.glossary.model import has_cjk
from toolkit.pinyin import matches_romanisation, name_pinyin
from toolkit.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = Path(__file__).parent / "data" / "glossary" / "glossary.toml"
SHIPPED = ROOT / "locales" / "glossary.toml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

HUANG = """\
[huang-xueqin]
kind = "person"
status = "verified"
source = "test"
en = ["Huang Xueqin", "Huang"]
zh_Hans = "黄雪琴"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "glossary.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(GLOSSARY)


# ---------------------------------------------------------------------------------------------
# The format: every problem an InputError at the line of what is wrong.


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        pytest.param(HUANG + 'stauts = "verified"\n', 7,
                     "entry 'huang-xueqin': unknown key 'stauts'", id="unknown-key"),
        pytest.param(HUANG.replace('zh_Hans = "黄雪琴"', "zh_Hans = 5"), 6,
                     "zh_Hans must be a text or a list of texts", id="wrong-type"),
        pytest.param(HUANG.replace('"person"', '"human"'), 2,
                     "kind must be one of person, organisation, place, office, court, legal-term,"
                     " event; got 'human'", id="bad-kind"),
        pytest.param(HUANG.replace('status = "verified"\n', ""), 1, "status is missing",
                     id="missing-status"),
        pytest.param(HUANG.replace("zh_Hans", "zh-Hans"), 6,
                     "locale 'zh-Hans': write locales as ll, ll_Script or ll_TT", id="locale-dash"),
        pytest.param(HUANG.replace("zh_Hans", "zh_Hanz"), 6, "unknown key 'zh_Hanz'",
                     id="bad-locale"),
        pytest.param(HUANG + 'zh_CN = "黄雪琴"\n', 7,
                     "'zh_CN' names the same locale as another key (zh_Hans)",
                     id="locale-twice"),
        pytest.param('title = "x"\n' + HUANG, 1, "'title' must be an entry table",
                     id="not-a-table"),
        pytest.param(HUANG.replace("[huang-xueqin]", "[Huang_Xueqin]"), 1,
                     "an id uses a-z, 0-9 and '-'", id="bad-id"),
        pytest.param(HUANG + 'forbidden = ["Huang"]\n', 7,
                     "'Huang' is both an accepted and a forbidden form", id="forbidden-accepted"),
        pytest.param(HUANG + 'hant_override = "yes"\n', 7, "hant_override must be true or false",
                     id="override-type"),
        pytest.param(HUANG + "hant_override = true\n", 7,
                     "hant_override is set but no zh_Hant forms are given", id="override-alone"),
        pytest.param(HUANG + 'id = "huang-xueqin"\n', 7, "the id is the table's name",
                     id="id-key"),
        pytest.param(HUANG.replace('"Huang"]', '" Huang"]'), 5, "must be a non-empty text on one"
                     " line, unpadded", id="padded-form"),
        pytest.param(HUANG.replace('"Huang"]', '"Huang", "Huang"]'), 5,
                     "en: 'Huang' is listed twice", id="form-twice"),
        pytest.param('[x]\nkind = "place"\nstatus = "unverified"\n', 1, "no forms",
                     id="no-forms"),
        pytest.param(HUANG + 'romanisation = "yale"\n', 7, "romanisation must be one of",
                     id="bad-romanisation"),
        pytest.param(HUANG + '\n[huang]\nkind = "person"\nstatus = "unverified"\nen = "Huang"\n',
                     8, "'Huang' is a form of entry 'huang-xueqin' (line 1) too",
                     id="form-of-two-entries"),
        pytest.param(HUANG + '\n[huang-2]\nkind = "person"\nstatus = "unverified"\n'
                     'zh_Hant = "黃雪琴"\n', 8,
                     "is a form of entry 'huang-xueqin' (line 1) too",
                     id="derived-form-of-two-entries"),
        pytest.param(HUANG + "x = = 1\n", 7, "invalid TOML", id="not-toml"),
    ],
)
def test_format_errors(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InputError) as raised:
        load_glossary(path)
    assert raised.value.path == path and raised.value.line == line
    assert message in raised.value.message
    assert str(raised.value).startswith(f"{path}:{line}: ")


def test_every_problem_is_collected(tmp_path: Path) -> None:
    text = HUANG + 'kind2 = 1\n\n[b]\nkind = "nothing"\nstatus = "verified"\nen = "B"\n'
    glossary, problems = read_glossary(write(tmp_path, text))
    assert [problem.line for problem in problems] == [7, 10]
    assert glossary.entries == ()


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such glossary file"):
        load_glossary(tmp_path / "missing.toml")
    bad = tmp_path / "latin1.toml"
    bad.write_bytes(b"[a]\nen = \"\xe9\"\n")
    with pytest.raises(InputError, match="not valid UTF-8") as raised:
        load_glossary(bad)
    assert raised.value.line == 2


def test_forms_folded_and_derived(glossary: Glossary) -> None:
    huang = glossary.by_id["huang-xueqin"]
    assert huang.forms_in("zh_TW") == ("黃雪琴",) and "zh_Hant" in huang.derived
    assert huang.forms_in("zh_CN") == ("黄雪琴",) and huang.forms_in("en_GB")[0] == "Huang Xueqin"
    assert glossary.by_id["covenants-watch"].forms_in("zh_Hans") == ("人权公约施行监督联盟",)
    assert glossary.by_id["zhang-rui"].forms_in("zh_Hant") == ("張銳", "張鋭")  # Hong Kong's 鋭
    assert huang.forms_in("fr") == ()


# ---------------------------------------------------------------------------------------------
# Matching.


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Sophia Huang Xueqin was arrested", ["Sophia Huang Xueqin"]),
        ("Huang and Wang", ["Huang", "Wang"]),
        ("Huangpu Dadao Xi, Guangzhou", ["Guangzhou"]),
        ("huang xueqin", []),  # names are matched case-sensitively
        ("HUANG XUEQIN", ["HUANG XUEQIN"]),
        ("Inciting Subversion of State Power", ["Inciting Subversion of State Power"]),
        ("Huang\nXueqin", ["Huang\nXueqin"]),
        ("活动人士Huang Xueqin被捕", ["Huang Xueqin"]),
        ("她是黄雪琴。黃雪琴", ["黄雪琴", "黃雪琴"]),
        ("王 建兵", ["王 建兵"]),
        ("Guangzhou Intermediate Court", ["Guangzhou Intermediate Court"]),
        ("广州市中级人民法院", ["广州市中级人民法院"]),
        ("Sophie Huang Xueqin", ["Sophie Huang"]),
        ("Justin Wang and Zhiming Wang; Wang Yi", []),
        ("Mr Wang and Dear Huang", ["Wang", "Huang"]),
        ("Amnesty International’s report", ["Amnesty International"]),
    ],
)
def test_mentions(glossary: Glossary, text: str, mentions: list[str]) -> None:
    assert [mention.text for mention in glossary.mentions(text)] == mentions


UN = """\
[un]
kind = "organisation"
status = "verified"
source = "test"
en = ["United Nations", "UN"]

[high-commissioner]
kind = "office"
status = "verified"
source = "test"
en = ["UN High Commissioner for Human Rights", "United Nations High Commissioner"]
"""


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("the UN High Commissioner for Human Rights and the UN",
         ["UN High Commissioner for Human Rights", "UN"]),
        ("the un high commissioner for human rights", ["un high commissioner for human rights"]),
        ("As the UN high commissioner for human rights", ["UN high commissioner for human rights"]),
        ("United Nations High Commissioner; United Nations", ["United Nations High Commissioner",
                                                              "United Nations"]),
        ("the UN Human Rights Council", ["UN"]),
        ("the un and Un", []),
    ],
)
def test_longest_form_wins_across_case(tmp_path: Path, text: str, mentions: list[str]) -> None:
    """An exact form ("UN") that begins a form in any case (an office) does not cut it short."""
    glossary = load_glossary(write(tmp_path, UN))
    assert [mention.text for mention in glossary.mentions(text)] == mentions


# ---------------------------------------------------------------------------------------------
# ``glossary check``.


def _person(latin: str, chinese: str, extra: str = "") -> str:
    return (
        f'[person]\nkind = "person"\nstatus = "verified"\nsource = "test"\nen = "{latin}"\n'
        f'zh_Hans = "{chinese}"\n{extra}'
    )


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        pytest.param(_person("Huang Xueqin", "黄雪琴"), [], id="right"),
        pytest.param(_person("Xueqin Huang", "黄雪琴"), [], id="western-order"),
        pytest.param(_person("Sophia Huang Xueqin", "黄雪琴"), [], id="western-given-name"),
        pytest.param(_person("Sophia Huang Xueqin", "黄雪琴").replace(
                         'en = "Sophia Huang Xueqin"', 'en = ["Sophia Huang Xueqin", "Sophia Huang"]'),
                     [], id="words-of-an-accepted-form"),
        pytest.param(_person("Huang Xueqin", "黄雪琴").replace(
                         'en = "Huang Xueqin"', 'en = ["Huang Xueqin", "Sophia Huang"]'),
                     ["5: entry 'person': en form 'Sophia Huang' does not match"],
                     id="western-name-without-its-full-form"),
        pytest.param(_person("Sophia Huang Xuegin", "黄雪琴").replace(
                         'en = "Sophia Huang Xuegin"', 'en = ["Sophia Huang Xuegin", "Sophia Huang"]'),
                     ["5: entry 'person': en form 'Sophia Huang Xuegin' does not match",
                      "5: entry 'person': en form 'Sophia Huang' does not match"],
                     id="words-of-a-wrong-form"),
        pytest.param(_person("Huang Xuegin", "黄雪琴"),
                     ["5: entry 'person': en form 'Huang Xuegin' does not match the pinyin of"
                      " 黄雪琴 (huang xue qin)"], id="misspelt-romanisation"),
        pytest.param(_person("Shan Tianfang", "单田芳"), [], id="surname-shan"),
        pytest.param(_person("Dan Tianfang", "单田芳"),
                     ["5: entry 'person': en form 'Dan Tianfang' does not match the pinyin of"
                      " 单田芳 (shan tian fang)"], id="surname-read-as-word"),
        pytest.param(_person("Zeng Guofan", "曾国藩"), [], id="surname-zeng"),
        pytest.param(_person("Ceng Guofan", "曾国藩"), ["does not match"], id="surname-ceng"),
        pytest.param(_person("Qiu Ying", "仇英"), [], id="surname-qiu"),
        pytest.param(_person("Ouyang Xiu", "欧阳修"), [], id="compound-surname"),
        pytest.param(_person("Joshua Wong", "黄之锋", 'romanisation = "cantonese"\n'), [],
                     id="cantonese-not-checked"),
        pytest.param(_person("Huang Xueqin", "黄雪琴", 'zh_Hant = "黄雪琴"\n'),
                     ["7: entry 'person': zh_Hant form '黄雪琴' is not OpenCC's conversion"],
                     id="traditional-not-converted"),
        pytest.param(_person("Huang Xueqin", "黄雪琴", 'zh_Hant = "黃雪琴"\n'), [],
                     id="traditional-converted"),
        pytest.param(_person("Huang Xueqin", "黄雪琴",
                             'zh_Hant = "黄雪琴"\nhant_override = true\n'), [],
                     id="traditional-overridden"),
        pytest.param(_person("Huang Xueqin", "黄雪琴").replace('source = "test"\n', ""),
                     ["3: entry 'person': status is verified but no source"],
                     id="verified-without-source"),
        pytest.param('[wang]\nkind = "person"\nstatus = "unverified"\nen = "Wang"\n'
                     'zh_Hans = "王"\n',
                     ["5: entry 'wang': zh_Hans form '王' is one character"],
                     id="one-character"),
        pytest.param(HUANG + '\n[other]\nkind = "person"\nstatus = "unverified"\nen = "Huang"\n',
                     ["8: entry 'other': 'Huang' is a form of entry 'huang-xueqin'"],
                     id="form-of-two-entries"),
        pytest.param(HUANG + "kind2 = 1\n", ["7: entry 'huang-xueqin': unknown key 'kind2'"],
                     id="format-problem"),
    ],
)
def test_audit(tmp_path: Path, text: str, problems: list[str]) -> None:
    found = [f"{problem.line}: {problem.message}" for problem in audit(write(tmp_path, text))]
    assert len(found) == len(problems), found
    for shown, wanted in zip(found, problems, strict=True):
        assert wanted in shown


@pytest.mark.parametrize("path", [SHIPPED, GLOSSARY], ids=["shipped", "tests"])
def test_glossaries_have_no_problems(path: Path) -> None:
    assert audit(path) == []


def test_shipped_glossary_is_careful() -> None:
    shipped = load_glossary(SHIPPED)
    officials = [shipped.by_id["zhang-rui"], shipped.by_id["zhang-jian"]]
    assert all(not entry.verified for entry in officials)
    assert all(set(entry.forms) == {"en"} for entry in officials)  # no Chinese form invented
    assert all(entry.source for entry in shipped.entries if entry.verified)
    # An unverified entry of the shipped glossary offers no Chinese form to copy.
    guessed = [e.id for e in shipped.entries if not e.verified and any(map(has_cjk, e.all_forms()))]
    assert guessed == []


# What the campaign's documents name, in English and in Chinese: one verified entry each.
NAMED = [
    ("Sophia Huang Xueqin", "黄雪琴"), ("Wang Jianbing", "王建兵"),
    ("Guangzhou Public Security Bureau", "广州市公安局"),
    ("Guangzhou City People's Procuratorate", "广州市人民检察院"),
    ("Guangzhou City No 1 Detention Centre", "广州市第一看守所"),
    ("Guangzhou No. 1 Detention Center", "广州市第一看守所"),
    ("Guangzhou Intermediate People's Court", "广州市中级人民法院"),
    ("Guangzhou Intermediate Court", "广州市中级人民法院"),
    ("Guangdong Provincial High People's Court", "广东省高级人民法院"),
    ("Guangdong High Court", "广东省高级人民法院"),
    ("Guangzhou", "广州"), ("Gansu province", "甘肃省"), ("Guangdong Sheng", "广东省"),
    ("UN Working Group on Arbitrary Detention", "联合国任意拘留问题工作组"),
    ("UN High Commissioner for Human Rights", "联合国人权事务高级专员"),
    ("UN Human Rights Office", "联合国人权事务高级专员办事处"),
    ("Working Group on Enforced or Involuntary Disappearances", "强迫或非自愿失踪问题工作组"),
    ("Ms. Bachelet", "巴切莱特"),
    ("Amnesty International", "国际特赦组织"),
    ("Taiwan Association for Human Rights", "台湾人权促进会"),
    ("Covenants Watch", "人权公约施行监督联盟"),
    ("inciting subversion of state power", "煽动颠覆国家政权"),
    ("picking quarrels and provoking trouble", "寻衅滋事"),
    ("residential surveillance at a designated location (RSDL)", "指定居所监视居住"),
    ("deprivation of political rights", "剥夺政治权利"),
    ("the joint statement", "联合声明"),
]


@pytest.mark.parametrize(("english", "chinese"), NAMED, ids=[pair[0] for pair in NAMED])
def test_shipped_glossary_names(english: str, chinese: str) -> None:
    shipped = load_glossary(SHIPPED)
    named = shipped.mentioned(english)
    assert len(named) == 1 and named[0].verified, named
    assert shipped.mentioned(chinese) == named


# Traditional forms OpenCC's Taiwan phrasing (s2twp) gets wrong are written out.
@pytest.mark.parametrize(
    ("ident", "traditional"),
    [("taiwan-association-for-human-rights", "台灣人權促進會"),
     ("un-high-commissioner", "聯合國人權事務高級專員"),
     ("guangdong-high-court", "廣東省高級人民法院"),
     ("joint-statement-2023", "聯合聲明"), ("un-special-procedures", "聯合國特別程序")],
)
def test_shipped_traditional_forms(ident: str, traditional: str) -> None:
    entry = load_glossary(SHIPPED).by_id[ident]
    assert entry.canonical("zh_Hant") == traditional and "zh_Hant" not in entry.derived


def test_every_signatory_is_in_the_glossary() -> None:
    """The joint statement's 32 signatories: each names one organisation of the glossary."""
    shipped = load_glossary(SHIPPED)
    text = (ROOT / "source_texts" / "joint-statement-2023.md").read_text(encoding="utf-8")
    listed = text.split("Undersigned, in alphabetical order", 1)[1]
    signatories = [line[2:] for line in listed.splitlines() if line.startswith("- ")]
    assert len(signatories) == 32
    for name in signatories:
        kinds = {entry.kind.value for entry in shipped.mentioned(name)}
        assert kinds == {"organisation"}, name


@pytest.mark.parametrize(
    ("name", "latin", "matches"),
    [("黄雪琴", "HUANG XUE-QIN", True), ("吕娜", "Lü Na", True), ("吕娜", "Lyu Na", True),
     ("单雪", "Xue", True), ("单雪", "Shan", True), ("王建兵", "Wang Jiangbing", False)],
)
def test_romanisation(name: str, latin: str, matches: bool) -> None:
    assert matches_romanisation(name, latin) is matches


def test_surname_readings() -> None:
    assert name_pinyin("单雪") == ("shan", "xue")
    assert name_pinyin("解放") == ("xie", "fang")
    assert name_pinyin("区家麟") == ("ou", "jia", "lin")
    assert name_pinyin("覃") == ("qin",)


def test_check_command(tmp_path: Path) -> None:
    runner = CliRunner()
    good = runner.invoke(cli, ["glossary", "check", str(GLOSSARY)])
    assert good.exit_code == 0 and "0 problems" in good.stdout
    bad = write(tmp_path, _person("Huang Xuegin", "黄雪琴"))
    result = runner.invoke(cli, ["glossary", "check", str(bad)])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].endswith(
        "glossary.toml:5: entry 'person': en form 'Huang Xuegin' does not match the pinyin of"
        ' 黄雪琴 (huang xue qin); set romanisation = "cantonese" (or "wade-giles", "other") if'
        " it is not pinyin"
    )
    unreadable = runner.invoke(cli, ["glossary", "check", str(write(tmp_path, "[a\n"))])
    assert unreadable.exit_code == 2 and "invalid TOML" in unreadable.stderr


def test_check_command_finds_the_workspace_glossary(tmp_path: Path) -> None:
    (tmp_path / "source_texts").mkdir()
    (tmp_path / "locales").mkdir()
    write(tmp_path / "locales", HUANG)
    result = CliRunner().invoke(cli, ["--root", str(tmp_path), "glossary", "check"])
    assert result.exit_code == 0, result.output


# ---------------------------------------------------------------------------------------------
# Exports.

STATUSES = {"preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"}


def test_tbx_structure(glossary: Glossary) -> None:
    text = to_tbx(glossary)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif')
    root = ET.fromstring(text.split("\n", 2)[2])
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    assert root.find("martifHeader/fileDesc/titleStmt/title") is not None
    entries = root.findall("text/body/termEntry")
    assert [entry.get("id") for entry in entries] == [entry.id for entry in glossary.entries]
    for element in entries:
        assert element.findtext("descrip[@type='subjectField']") in {
            "person", "organisation", "place", "court", "legal-term"
        }
        for lang_set in element.findall("langSet"):
            assert lang_set.get(XML_LANG) in {"en", "zh-Hans", "zh-Hant"}
            for tig in lang_set.findall("tig"):
                assert [child.tag for child in tig][:3] == ["term", "termNote", "termNote"]
                assert tig.findtext("termNote[@type='partOfSpeech']") in {"properNoun", "noun"}
                assert tig.findtext("termNote[@type='administrativeStatus']") in STATUSES


def _terms(glossary: Glossary, ident: str, lang: str) -> list[tuple[str, str]]:
    root = ET.fromstring(to_tbx(glossary).split("\n", 2)[2])
    lang_set = root.find(f"text/body/termEntry[@id='{ident}']/langSet[@{XML_LANG}='{lang}']")
    assert lang_set is not None
    return [
        (tig.findtext("term") or "", tig.findtext("termNote[@type='administrativeStatus']") or "")
        for tig in lang_set.findall("tig")
    ]


def test_tbx_statuses(glossary: Glossary) -> None:
    assert _terms(glossary, "huang-xueqin", "en") == [
        ("Huang Xueqin", "preferredTerm-admn-sts"),
        ("Sophia Huang Xueqin", "admittedTerm-admn-sts"),
        ("Huang", "admittedTerm-admn-sts"),
        ("Xuegin", "deprecatedTerm-admn-sts"),
        ("Xuegqin", "deprecatedTerm-admn-sts"),
        ("Sophie Huang", "deprecatedTerm-admn-sts"),
    ]
    assert _terms(glossary, "huang-xueqin", "zh-Hant") == [("黃雪琴", "preferredTerm-admn-sts")]
    # An unverified form is never preferred.
    assert _terms(glossary, "zhang-rui", "zh-Hans") == [("张锐", "admittedTerm-admn-sts")]


def test_csv_round_trip(glossary: Glossary) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(glossary))))
    assert [row["id"] for row in rows] == [entry.id for entry in glossary.entries]
    for row, entry in zip(rows, glossary.entries, strict=True):
        assert (row["kind"], row["status"]) == (entry.kind.value, entry.status.value)
        forms = {
            locale: tuple([row[locale], *filter(None, row[f"{locale} variants"].split(" | "))])
            for locale in ("en", "zh_Hans", "zh_Hant")
            if row[locale]
        }
        assert forms == entry.forms
        assert tuple(filter(None, row["forbidden"].split(" | "))) == entry.forbidden
        assert (row["source"] or None, row["note"] or None) == (entry.source, entry.note)


def test_export_command(tmp_path: Path) -> None:
    runner = CliRunner()
    shown = runner.invoke(cli, ["glossary", "export", str(GLOSSARY), "--format", "csv"])
    assert shown.exit_code == 0 and shown.stdout.startswith("id,kind,status,en,")
    target = tmp_path / "out.tbx"
    written = runner.invoke(cli, ["glossary", "export", str(GLOSSARY), "-o", str(target)])
    assert written.exit_code == 0
    assert target.read_text(encoding="utf-8") == to_tbx(load_glossary(GLOSSARY))
    missing = runner.invoke(cli, ["glossary", "export", str(tmp_path / "none.toml")])
    assert missing.exit_code == 2


# ---------------------------------------------------------------------------------------------
# Translator hints.


@pytest.mark.parametrize(
    ("text", "source", "lines"),
    [
        ("Huang and Wang Jianbing", "en",
         ["names: Huang Xueqin = 黄雪琴 / 黃雪琴", "names: Wang Jianbing = 王建兵"]),
        ("黄雪琴被捕", "zh_Hans", ["names: 黄雪琴 = Huang Xueqin / 黃雪琴"]),
        ("Director Zhang Rui", "en",
         ["names: Zhang Rui = 张锐 / 張銳 (unverified: do not present as fact)"]),
        ("Sophia Huang Xuegin", "en", ["names: Huang Xueqin = 黄雪琴 / 黃雪琴"]),
        ("Nobody", "en", []),
    ],
)
def test_hints(glossary: Glossary, text: str, source: str, lines: list[str]) -> None:
    assert hints(glossary, text, source, ("en", "zh_Hans", "zh_Hant")) == lines


def test_extract_writes_hints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1726000000")
    (tmp_path / "source_texts").mkdir()
    (tmp_path / "locales").mkdir()
    (tmp_path / "locales" / "glossary.toml").write_bytes(SHIPPED.read_bytes())
    (tmp_path / "source_texts" / "letter.md").write_text(
        "---\nlang: en\n---\n\nDear Director Zhang Rui,\n\nRelease Huang Xueqin now.\n",
        encoding="utf-8",
    )
    (tmp_path / "source_texts" / "zh.md").write_text(
        "---\nlang: zh_Hans\n---\n\n释放黄雪琴。\n", encoding="utf-8"
    )
    workspace = Workspace.open(tmp_path)
    extract(workspace.documents(), workspace.settings)
    letter = (tmp_path / "locales" / "letter.pot").read_text(encoding="utf-8")
    assert (
        "#. type: paragraph\n#. names: Zhang Rui (unverified: no confirmed zh_Hans / zh_Hant"
        " form; do not invent one)\n" in letter
    )
    assert "#. type: paragraph\n#. names: Huang Xueqin = 黄雪琴 / 黃雪琴\n" in letter
    chinese = (tmp_path / "locales" / "zh.pot").read_text(encoding="utf-8")
    assert "#. names: 黄雪琴 = Huang Xueqin / 黃雪琴\n" in chinese
