
"""Names checks: glossary names kept, spelt right and not added, both directions and scripts."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest

import toolkit.check  # importing it registers every check
from toolkit.checks.engine import Options
from toolkit.checks.registry import RULES, Scope
from toolkit.glossary import Glossary, load_glossary
from toolkit.model import Category, Pair
from toolkit.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = Path(__file__).parent / "data" / "glossary" / "glossary.toml"
SHIPPED = ROOT / "locales" / "glossary.toml"
SEEDS = Path(__file__).parent / "fixtures" / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus"
NAMES = sorted(code for code, rule in RULES.items() if rule.category is Category.NAMES)


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(GLOSSARY)


def found(
    glossary: Glossary, text: str, translation: str | None, locale: str, source_locale: str
) -> list[str]:
    """Codes of the names checks that fire.

    With no translation, ``text`` is a source text in ``locale``: the text checks see it. With
    one, the text checks see the translation and the pair checks the pair, as in a catalogue.
    """
    codes = []
    for code in NAMES:
        rule = RULES[code]
        if rule.scope is Scope.TEXT:
            hits = list(rule.function(translation or text, locale, glossary=glossary))
        elif translation is not None:
            pair = Pair(text, translation, locale, source_locale, 1)
            hits = list(rule.function(pair, glossary=glossary))
        else:
            continue
        codes.extend([code] if hits else [])
    return codes


def param(text: str, translation: str | None, locale: str, expected: list[str], *, id: str,
          source: str = "en") -> object:
    return pytest.param(text, translation, locale, source, expected, id=id)


CORRECT = [
    # English to Simplified Chinese.
    param("Huang Xueqin was arrested.", "黄雪琴被捕。", "zh_Hans", [], id="en-hans-full"),
    param("Sophia Huang Xueqin and Wang Jianbing", "黄雪琴和王建兵", "zh_Hans", [],
          id="en-hans-both"),
    param("Huang was sentenced to five years.", "黄雪琴被判处五年徒刑。", "zh_Hans", [],
          id="short-form-in-source"),
    param("Wang was released.", "王建兵获释。", "zh_Hans", [], id="short-form-wang"),
    param("On 14 June 2024, Huang was sentenced.", "黄雪琴于2024年6月14日被判刑。", "zh_Hans", [],
          id="name-moved"),
    param("They were detained in Guangzhou.", "他们在广州被拘留。", "zh_Hans", [], id="place"),
    param("for inciting subversion of state power", "以“煽动颠覆国家政权”罪", "zh_Hans", [],
          id="legal-term"),
    param("Inciting subversion of state power is vague.", "煽动颠覆国家政权罪的规定很模糊。",
          "zh_Hans", [], id="legal-term-capitalised"),
    param("repeal the crime of inciting subversion", "废除煽动颠覆国家政权罪", "zh_Hans", [],
          id="legal-term-short-form"),
    param("Guangzhou Intermediate Court sentenced Huang.", "广州市中级人民法院判处黄雪琴。",
          "zh_Hans", [], id="court-holds-place"),
    param("Guangzhou Intermediate Court", "广州中院", "zh_Hans", [], id="court-short-form"),
    param("Amnesty International said today", "国际特赦组织今天表示", "zh_Hans", [],
          id="organisation"),
    param("Director Zhang Rui", "Zhang Rui局长", "zh_Hans", [], id="unverified-kept-in-pinyin"),
    param("Director Zhang Rui (张锐)", "张锐局长", "zh_Hans", [], id="unverified-given-by-source"),
    param("Director Zhang Rui", "Zhang Rui局長", "zh_Hant", [],
          id="unverified-kept-in-pinyin-hant"),
    param("Huang Xueqin (黄雪琴) is a journalist.", "黄雪琴是一名记者。", "zh_Hans", [],
          id="both-scripts-in-source"),
    param("HUANG XUEQIN AND WANG JIANBING NOW", "立即释放黄雪琴和王建兵", "zh_Hans", [],
          id="heading-in-capitals"),
    param("Covenants Watch signed it.", "人权公约施行监督联盟签署了声明。", "zh_Hans", [],
          id="derived-simplified"),
    param("She was arrested.", "她被捕。", "zh_Hans", [], id="no-names"),
    param("Contributed by Zhiming Wang.", "由 Zhiming Wang 贡献。", "zh_Hans", [],
          id="someone-elses-surname"),
    param("Mr Wang said so.", "王建兵先生这样说。", "zh_Hans", [], id="title-before-surname"),
    param("Huang and Wang’s health", "黄雪琴和王建兵的健康", "zh_Hans", [], id="possessive"),
    param("Huang Xueqin was arrested.", "记者黄雪琴被捕。", "zh_Hans", [], id="words-around"),
    param("The pair were arrested in Guangzhou.", "两人在广州被捕。", "zh_Hans", [],
          id="pair-not-a-name"),
    param("Huang and Wang were detained; Huang was later sentenced.",
          "黄雪琴和王建兵被拘留；她后来被判刑。", "zh_Hans", [], id="second-mention-pronoun"),
    param("Wang Jianbing has provided legal support. He is also a supporter.",
          "王建兵提供了法律支持，他也是支持者。", "zh_Hans", [], id="pronoun-both-sides"),
    # English to Traditional Chinese.
    param("Huang Xueqin was arrested.", "黃雪琴被捕。", "zh_Hant", [], id="en-hant"),
    param("Huang Xueqin was arrested.", "黃雪琴被捕。", "zh_TW", [], id="en-zh-tw-folded"),
    param("They were detained in Guangzhou.", "他們在廣州被拘留。", "zh_Hant", [],
          id="hant-place"),
    param("Wang Jianbing", "王建兵", "zh_HK", [], id="zh-hk-same-characters"),
    param("inciting subversion of state power", "煽動顛覆國家政權", "zh_Hant", [],
          id="hant-legal-term"),
    param("Covenants Watch", "人權公約施行監督聯盟", "zh_TW", [], id="hant-given"),
    param("Amnesty International", "國際特赦組織", "zh_Hant", [], id="hant-organisation"),
    # Simplified Chinese to English.
    param("黄雪琴被捕。", "Huang Xueqin was arrested.", "en", [], id="hans-en", source="zh_Hans"),
    param("黄雪琴被捕。", "Huang was arrested.", "en", [], id="hans-en-short", source="zh_Hans"),
    param("黄雪琴和王建兵被拘留。", "Sophia Huang Xueqin and Wang Jianbing were detained.", "en",
          [], id="hans-en-full-names", source="zh_Hans"),
    param("王建兵于2025年3月18日获释。", "On 18 March 2025, Wang was released.", "en", [],
          id="hans-en-moved", source="zh_Hans"),
    param("以煽动颠覆国家政权罪被判刑", "sentenced for inciting subversion of state power", "en",
          [], id="hans-en-legal-term", source="zh_Hans"),
    param("在广州", "in Guangzhou", "en", [], id="hans-en-place", source="zh_Hans"),
    param("张锐局长", "Director Zhang Rui", "en", [], id="hans-en-unverified", source="zh_Hans"),
    param("张锐局长", "Director Zhang Rui (张锐)", "en", [], id="hans-en-unverified-kept",
          source="zh_Hans"),
    param("国际特赦组织", "Amnesty", "en", [], id="hans-en-short-organisation", source="zh_Hans"),
    # Between the scripts, and from Traditional.
    param("黄雪琴被捕。", "黃雪琴被捕。", "zh_Hant", [], id="hans-hant", source="zh_Hans"),
    param("王建兵和黄雪琴", "王建兵和黃雪琴", "zh_TW", [], id="hans-zh-tw", source="zh_Hans"),
    param("张锐局长", "張銳局長", "zh_Hant", [], id="hans-hant-unverified-converted",
          source="zh_Hans"),
    param("張銳局長", "张锐局长", "zh_Hans", [], id="hant-hans-unverified-converted",
          source="zh_Hant"),
    param("黃雪琴被捕。", "Huang Xueqin was arrested.", "en", [], id="hant-en", source="zh_Hant"),
    param("人權公約施行監督聯盟", "Covenants Watch", "en", [], id="hant-en-organisation",
          source="zh_Hant"),
    # Source texts: no false alarms on look-alikes.
    param("Sophia Huang Xueqin", None, "en", [], id="source-right"),
    param("王建兵和黄雪琴被拘留。", None, "zh_Hans", [], id="source-chinese-right"),
    param("No. 66, Huangpu Dadao Xi, Guangzhou", None, "en", [], id="huangpu-is-not-huang"),
    param("Hangzhou and Guangdong", None, "en", [], id="other-places"),
    param("Wang Yi met Huang Qi", None, "en", [], id="other-people-surname-first"),
    param("Jianping said", None, "en", [], id="pinyin-word-alone-is-a-name"),
    param("创建冰箱", None, "zh_Hans", [], id="homophone-needs-the-whole-name"),
    param("王国和黄金", None, "zh_Hans", [], id="surname-characters-in-words"),
    param("Sophie Turner", None, "en", [], id="sophie-alone"),
    param("黄雪琴\n王建兵", None, "zh_Hans", [], id="names-on-two-lines"),
]

WRONG = [
    # English to Simplified Chinese.
    param("Huang Xueqin was arrested.", "被捕。", "zh_Hans", ["N101"], id="dropped"),
    param("Huang Xueqin was arrested.", "她被捕。", "zh_Hans", ["N107"], id="pronoun"),
    param("Huang Xueqin was arrested.", "黃雪琴被捕。", "zh_Hans", ["N101"],
          id="traditional-in-simplified"),
    param("Wang Jianbing was released.", "王建冰获释。", "zh_Hans", ["N101", "N104"],
          id="homophone"),
    param("Wang Jianbing was released.", "王 建兵获释。", "zh_Hans", ["N105"], id="spaced"),
    param("Huang Xueqin was arrested.", "黄雪琴和王建兵被捕。", "zh_Hans", ["N106"],
          id="name-added"),
    param("They were detained.", "他们在广州被拘留。", "zh_Hans", ["N106"], id="place-added"),
    param("for inciting subversion of state power", "以颠覆国家政权罪", "zh_Hans", ["N101"],
          id="other-crime"),
    param("Huang was sentenced.", "Huang Xuegin被判刑。", "zh_Hans", ["N101", "N102"],
          id="pinyin-misspelt-in-chinese"),
    param("Amnesty International said", "特赦组织表示", "zh_Hans", ["N101"],
          id="organisation-shortened"),
    param("Guangzhou Intermediate Court sentenced her.", "法院判处她。", "zh_Hans", ["N101"],
          id="court-dropped"),
    param("Huang Xueqin", "黄学琴", "zh_Hans", ["N101", "N104"], id="homophone-given-name"),
    param("Huang Xueqin", "黄雪芹", "zh_Hans", ["N101", "N104"], id="homophone-last"),
    param("Covenants Watch", "人权公约监督联盟", "zh_Hans", ["N101"], id="organisation-wrong"),
    param("Director Zhang Rui", "张瑞局长", "zh_Hans", ["N101"], id="unverified-invented"),
    param("Director Zhang Rui", "张锐局长", "zh_Hans", ["N108"], id="unverified-form"),
    param("Director Zhang Rui", "Zhang Rui（张锐）局长", "zh_Hans", ["N108"],
          id="unverified-form-in-brackets"),
    param("Write to Director Zhang Rui.", "请致信张锐局长和Zhang Rui。", "zh_Hans", ["N108"],
          id="unverified-form-beside-pinyin"),
    param("Write to the director.", "请致信张锐局长。", "zh_Hans", ["N106", "N108"],
          id="unverified-form-added"),
    # English to Traditional Chinese.
    param("Huang Xueqin was arrested.", "黄雪琴被捕。", "zh_Hant", ["N101"],
          id="simplified-in-traditional"),
    param("They were detained in Guangzhou.", "他們在广州被拘留。", "zh_TW", ["N101"],
          id="simplified-place-zh-tw"),
    param("inciting subversion of state power", "煽动颠覆国家政权", "zh_Hant", ["N101"],
          id="simplified-term-in-traditional"),
    param("Wang Jianbing", "王建冰", "zh_HK", ["N101", "N104"], id="homophone-zh-hk"),
    param("Huang Xueqin was arrested.", "她被捕。", "zh_Hant", ["N107"], id="pronoun-hant"),
    param("Director Zhang Rui", "張銳局長", "zh_Hant", ["N108"], id="unverified-form-hant"),
    param("Director Zhang Rui", "張鋭局長", "zh_HK", ["N108"], id="unverified-form-zh-hk"),
    param("Huang and Wang were sentenced.", "他们被判刑。", "zh_Hans", ["N107"],
          id="plural-pronoun-for-both"),
    # Simplified Chinese to English.
    param("黄雪琴被捕。", "She was arrested.", "en", ["N107"], id="hans-en-pronoun",
          source="zh_Hans"),
    param("黄雪琴被捕。", "The journalist was arrested.", "en", ["N101"], id="hans-en-dropped",
          source="zh_Hans"),
    param("黄雪琴被捕。", "Huang Xuegin was arrested.", "en", ["N102"], id="hans-en-forbidden",
          source="zh_Hans"),
    param("王建兵获释。", "Wang Jiangbing was released.", "en", ["N102"],
          id="hans-en-forbidden-full", source="zh_Hans"),
    param("王建兵获释。", "Wang Jianping was released.", "en", ["N103"], id="hans-en-misspelt",
          source="zh_Hans"),
    param("以煽动颠覆国家政权罪被判刑", "sentenced for subversion", "en", ["N101"],
          id="hans-en-term-dropped", source="zh_Hans"),
    param("在广州", "in Canton", "en", ["N101"], id="hans-en-old-place-name", source="zh_Hans"),
    param("黄雪琴和王建兵", "Huang Xueqin and Wang Jianbing in Guangzhou", "en", ["N106"],
          id="hans-en-added", source="zh_Hans"),
    param("黄雪琴被捕。", "Sophie Huang Xueqin was arrested.", "en", ["N102"],
          id="hans-en-sophie", source="zh_Hans"),
    # Between the scripts, and from Traditional.
    param("黄雪琴被捕。", "黄雪琴被捕。", "zh_Hant", ["N101"], id="hans-hant-unconverted",
          source="zh_Hans"),
    param("王建兵和黄雪琴", "王建兵和她", "zh_TW", ["N107"], id="hans-zh-tw-pronoun",
          source="zh_Hans"),
    param("黃雪琴被捕。", "She was arrested.", "en", ["N107"], id="hant-en-pronoun",
          source="zh_Hant"),
    param("致Zhang Rui局長", "致张锐局长", "zh_Hans", ["N108"], id="hant-hans-unverified-guessed",
          source="zh_Hant"),
    param("人權公約施行監督聯盟", "Covenant Watch", "en", ["N101", "N103"],
          id="hant-en-misspelt-organisation", source="zh_Hant"),
    # Source texts: the raw seeds' slips.
    param("Sophia Huang Xuegin is a journalist.", None, "en", ["N102"], id="source-xuegin"),
    param("Sophia Huang Xuegqin", None, "en", ["N102"], id="source-xuegqin"),
    param("labour activist Wang Jiangbing", None, "en", ["N102"], id="source-jiangbing"),
    param("Sophie Huang Xueqin is believed", None, "en", ["N102"], id="source-sophie"),
    param("Wang Jianbing (王 建兵)", None, "en", ["N105"], id="source-spaced"),
    param("王建冰被判三年。", None, "zh_Hans", ["N104"], id="source-homophone"),
    param("Sophia Huang Xueqim", None, "en", ["N103"], id="source-one-letter"),
    param("Wang Jianbinq was detained", None, "en", ["N103"], id="source-window"),
    param("arrested in Guangzohu", None, "en", ["N103"], id="source-place-transposed"),
    param("FREE XUEGIN", None, "en", ["N102"], id="source-capitals"),
    param("Huang Xueqing was arrested", None, "en", ["N103"], id="source-extra-letter"),
    param("黄雪琴和王 建兵", None, "zh_Hans", ["N105"], id="source-spaced-chinese"),
    param("黃學琴", None, "zh_Hant", ["N104"], id="source-homophone-hant"),
    param("Amnesty Internatonal", None, "en", ["N103"], id="source-organisation"),
]


@pytest.mark.parametrize(("text", "translation", "locale", "source", "expected"), CORRECT)
def test_correct(
    glossary: Glossary,
    text: str,
    translation: str | None,
    locale: str,
    source: str,
    expected: list[str],
) -> None:
    assert found(glossary, text, translation, locale, source) == expected


@pytest.mark.parametrize(("text", "translation", "locale", "source", "expected"), WRONG)
def test_wrong(
    glossary: Glossary,
    text: str,
    translation: str | None,
    locale: str,
    source: str,
    expected: list[str],
) -> None:
    assert found(glossary, text, translation, locale, source) == expected


def test_tables_are_large_enough() -> None:
    assert len(CORRECT) >= 40 and len(WRONG) >= 40
    assert {code for case in WRONG for code in case.values[-1]} == set(NAMES)


def messages(glossary: Glossary, code: str, text: str, translation: str | None = None,
             locale: str = "zh_Hans", source: str = "en") -> list[str]:
    rule = RULES[code]
    if rule.scope is Scope.TEXT:
        return list(rule.function(translation or text, locale, glossary=glossary))
    pair = Pair(text, translation or "", locale, source, 1)
    return list(rule.function(pair, glossary=glossary))


@pytest.mark.parametrize(
    ("code", "text", "translation", "locale", "wanted"),
    [
        ("N101", "Huang was arrested.", "黄雪琴被捕。", "zh_Hant",
         "the source names Huang Xueqin (黃雪琴) as 'Huang'; the translation has none of its"
         " zh_Hant forms: write '黃雪琴' (it has '黄雪琴', the zh_Hans form)"),
        ("N102", "Sophia Huang Xuegin", None, "en",
         "'Xuegin' at column 14 is a forbidden form of Huang Xueqin (黄雪琴): write 'Xueqin'"),
        ("N102", "Wang Jiangbing", None, "en",
         "'Wang Jiangbing' at column 1 is a forbidden form of Wang Jianbing (王建兵):"
         " write 'Wang Jianbing'"),
        ("N103", "Sophia Huang Xueqim", None, "en",
         "'Sophia Huang Xueqim' at column 1 looks like a misspelling of 'Sophia Huang Xueqin'"
         " (黄雪琴)"),
        ("N101", "Director Zhang Rui", "张瑞局长", "zh_Hans",
         "the source names Zhang Rui (张锐); the translation has none of its forms: keep"
         " 'Zhang Rui' (the glossary's zh_Hans form 张锐 is unverified)"),
        ("N104", "王建冰获释。", None, "zh_Hans",
         "王建冰 at column 1 reads wang jian bing like 王建兵 (Wang Jianbing) but is written with"
         " other characters: write 王建兵"),
        ("N105", "释放王 建兵", None, "zh_Hans",
         "'王 建兵' at column 3 breaks the name 王建兵 (Wang Jianbing) with a space:"
         " write '王建兵'"),
        ("N106", "They were detained.", "他們在廣州被拘留。", "zh_Hant",
         "the translation names Guangzhou (廣州), which the source does not mention: check that"
         " nothing was added, or that the source names it otherwise"),
        ("N108", "Director Zhang Rui", "张锐局长", "zh_Hans",
         "'张锐' at column 1 is the glossary's zh_Hans form of Zhang Rui, which no source"
         " confirms: keep 'Zhang Rui' as the source has it, or verify the form and mark the"
         " entry verified, with its source, in the glossary"),
        ("N107", "Huang Xueqin was arrested.", "她被捕。", "zh_Hans",
         "the source names Huang Xueqin (黄雪琴); the translation has the pronoun '她' instead:"
         " make sure it is clear who is meant, or write '黄雪琴'"),
    ],
)
def test_messages(
    glossary: Glossary, code: str, text: str, translation: str | None, locale: str, wanted: str
) -> None:
    assert messages(glossary, code, text, translation, locale) == [wanted]


def test_they_stands_for_both(glossary: Glossary) -> None:
    pair = Pair("Huang and Wang were sentenced.", "他们被判刑。", "zh_Hans", "en", 1)
    assert list(RULES["N101"].function(pair, glossary=glossary)) == []
    assert len(list(RULES["N107"].function(pair, glossary=glossary))) == 2


def test_one_pronoun_for_two_names(glossary: Glossary) -> None:
    """Only pronouns beyond the source's stand for names: the other name is missing."""
    pair = Pair("Huang and Wang were sentenced.", "她被判刑。", "zh_Hans", "en", 1)
    missing = list(RULES["N101"].function(pair, glossary=glossary))
    pronoun = list(RULES["N107"].function(pair, glossary=glossary))
    assert len(missing) == 1 and "Wang Jianbing" in missing[0]
    assert len(pronoun) == 1 and "Huang Xueqin" in pronoun[0]


def test_without_the_glossary_names_checks_are_skipped(tmp_path: Path) -> None:
    """A lone file has no glossary: the names checks do not run (and find nothing)."""
    source = tmp_path / "seed.txt"
    shutil.copy(SEEDS / "000_27f05b8528b6e776.txt", source)
    report = toolkit.check.check([source], None, Options(use_cache=False))
    assert not [finding for finding in report.findings if finding.code.startswith("N")]


def _seed_workspace(root: Path) -> Workspace:
    (root / "source_texts").mkdir(parents=True)
    (root / "locales").mkdir()
    (root / "advocacy.toml").write_text("", encoding="utf-8")
    shutil.copy(SHIPPED, root / "locales" / "glossary.toml")
    for number, seed in enumerate(sorted(SEEDS.glob("0*.txt"))):
        shutil.copy(seed, root / "source_texts" / f"seed-{number:03d}.txt")
    return Workspace.open(root)


def test_raw_seeds(tmp_path: Path) -> None:
    """On the raw seeds, with the shipped glossary, the checks find every known slip."""
    workspace = _seed_workspace(tmp_path)
    report = toolkit.check.check(
        [tmp_path / "source_texts"], workspace, Options(use_cache=False)
    )
    names = [f for f in report.findings if f.category is Category.NAMES]
    text = "\n".join(f"{f.code} {f.message}" for f in report.findings)
    for slip in ("'Xuegin'", "'Xuegqin'", "Jiangbing", "'王 建兵'", "'Sophie Huang'"):
        assert slip in "\n".join(f.message for f in names), f"{slip} not found in:\n{text}"
    assert any(f.code == "T101" and "'of of'" in f.message for f in report.findings)
    where = {(f.location.path, f.location.line, f.code) for f in names}
    assert ("source_texts/seed-000.txt", 13, "N102") in where
    assert ("source_texts/seed-001.txt", 23, "N105") in where
    assert ("source_texts/seed-002.txt", 21, "N102") in where


def test_cleaned_sources_have_no_names_findings() -> None:
    report = toolkit.check.check(
        [ROOT / "source_texts"], Workspace.open(ROOT), Options(select=("N",), use_cache=False)
    )
    assert report.findings == []


def _corpus_pairs(folders: tuple[str, ...]) -> list[Pair]:
    pairs = []
    for folder in folders:
        for path in sorted((CORPUS / folder).rglob("*.po")):
            catalogue = polib.pofile(str(path))
            locale = catalogue.metadata.get("Language") or "zh_Hans"
            pairs += [
                Pair(entry.msgid, entry.msgstr, locale, "en", entry.linenum)
                for entry in catalogue
                if entry.msgstr and not entry.fuzzy and not entry.obsolete
            ]
    return pairs


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no ../shared/corpus beside the repository")
def test_nothing_on_catalogues_with_none_of_our_names() -> None:
    """Real catalogues name none of the campaign's people: the shipped glossary finds nothing
    there (Justin Wang and Zhiming Wang are other people)."""
    shipped = load_glossary(SHIPPED)
    hits = []
    for pair in _corpus_pairs(("git-po", "glib-po", "sphinx-locale")):
        for code in NAMES:
            rule = RULES[code]
            if rule.scope is Scope.TEXT:
                hits += list(rule.function(pair.msgstr, pair.locale, glossary=shipped))
                hits += list(rule.function(pair.msgid, "en", glossary=shipped))
            else:
                hits += list(rule.function(pair, glossary=shipped))
    assert hits == []


def test_unverified_form_in_a_catalogue(tmp_path: Path) -> None:
    """A letter that writes a guessed Chinese name warns at its entry; an honest reason on the
    entry suppresses the warning (and the suppression is used, so no F103)."""
    from click.testing import CliRunner

    from toolkit.catalog.reader import read_catalog
    from toolkit.catalog.writer import write_catalog
    from toolkit.cli import cli

    (tmp_path / "source_texts").mkdir()
    (tmp_path / "locales").mkdir()
    shutil.copy(GLOSSARY, tmp_path / "locales" / "glossary.toml")  # 张锐: unverified
    (tmp_path / "source_texts" / "letter.md").write_text(
        "---\nlang: en\n---\n\nWrite to Director Zhang Rui.\n", encoding="utf-8"
    )
    runner = CliRunner()
    for command in (["extract"], ["update", "-l", "zh_Hans"]):
        assert runner.invoke(cli, ["--root", str(tmp_path), *command]).exit_code == 0
    path = tmp_path / "locales" / "zh_Hans" / "LC_MESSAGES" / "letter.po"
    catalogue = read_catalog(path)
    catalogue[0].msgstr = "请致信张锐局长。"
    write_catalog(path, catalogue)

    def codes() -> list[tuple[str, int | None]]:
        report = toolkit.check.check([path], Workspace.open(tmp_path), Options(use_cache=False))
        return [(f.code, f.location.line) for f in report.findings]

    line = read_catalog(path)[0].linenum
    assert codes() == [("N108", line)]
    catalogue = read_catalog(path)
    catalogue[0].tcomment = (
        "advocacy: ignore[unverified-name] 张锐 confirmed by the bureau's own website (test)"
    )
    write_catalog(path, catalogue)
    assert codes() == []
