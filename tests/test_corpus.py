"""Reading articles: metadata, boilerplate removal, the offset map, bad input."""

import hashlib

import pytest

from parley import config
from parley.read.corpus import CorpusError, parse_article, read_article, read_corpus, removed_table
from parley.text import fold, normalize

SEED_EXPECTED = {
    # doc_id prefix: (published, outlet, author) as the seed texts state them
    "000": ("2025-06-02", "Clash Report", "ClashReport Editor"),
    "001": ("2025-06-02", "CGTN", ""),
    "002": ("", "Caliber.Az", "Aghakazim Guliyev"),
    "003": ("", "Reuters", ""),
    "004": ("2025-06-02", "", ""),
}


@pytest.fixture(scope="module")
def seeds():
    return {a.doc_id[:3]: a for a in read_corpus(config.default_seeds_dir()).articles}


def _body_maps_to_raw(article):
    for i, ch in enumerate(article.body):
        if ch != "\n":
            assert normalize(article.raw[article.to_raw(i)]) == ch, (article.doc_id, i)


def test_the_tests_read_the_five_seed_articles_as_shipped():
    from seed_articles import shipped

    ours = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in config.default_seeds_dir().glob("*.txt")}
    assert ours == shipped() and len(ours) == 5


@pytest.mark.parametrize("prefix", sorted(SEED_EXPECTED))
def test_seed_metadata_is_what_the_text_states(seeds, prefix):
    article = seeds[prefix]
    published, outlet, author = SEED_EXPECTED[prefix]
    assert (article.published, article.outlet, article.author) == (published, outlet, author)


def test_seed_metadata_agrees_with_the_gold_where_the_text_states_it(seeds):
    import json

    gold = {g["file"][:3]: g for g in json.loads(config.GOLD_PATH.read_text())}
    for prefix, article in seeds.items():
        if gold[prefix]["outlet"]:
            assert fold(article.outlet).replace(" ", "") == fold(gold[prefix]["outlet"]).replace(" ", "")
        if article.published:
            assert article.published == gold[prefix]["published"]


def test_seed_titles_carry_no_page_furniture(seeds):
    assert seeds["000"].title == "Ukraine and Russia Resume Talks at Istanbul's Çırağan Palace"
    assert seeds["002"].title.endswith("for peace talks")
    assert seeds["004"].title == ""  # the file starts with story text, not a headline
    for article in seeds.values():
        assert "Updated" not in article.title and "/" not in article.title


def test_seed_bodies_lose_boilerplate_and_keep_story(seeds):
    bodies = "\n".join(a.body for a in seeds.values())
    for furniture in ("Cookie", "I agree", "View post on X", "Exit mobile version", "Read the full article here",
                      "Leave A Reply", "Search Trends", "/VCG", "Photo by", "EDITOR'S NOTE", "By Aghakazim"):
        assert furniture not in bodies, furniture
    assert seeds["000"].body.count("Resume Talks at Istanbul") == 0  # headline and its repeat
    assert "Hakan Fidan" in seeds["004"].body  # a caption's story text is kept, its credit is not
    assert "killed 12 Ukrainian military personnel" in seeds["004"].body


@pytest.mark.parametrize("prefix", sorted(SEED_EXPECTED))
def test_every_body_position_maps_back_to_the_file(seeds, prefix):
    _body_maps_to_raw(seeds[prefix])


def test_span_gives_file_offsets_and_a_quote(seeds):
    article = seeds["004"]
    i = article.body.index("Hakan Fidan")
    start, end, quote = article.span(i, i + len("Hakan Fidan"))
    assert article.raw[start:end] == "Hakan Fidan" == quote


def test_quote_shows_odd_spaces_as_plain_spaces(seeds):
    article = seeds["004"]
    i = article.body.index("killed 12 Ukrainian")
    start, end, quote = article.span(i, i + len("killed 12 Ukrainian"))
    assert "\u00a0" in article.raw[start:end]
    assert quote == "killed 12 Ukrainian"


# --- synthetic articles: each pattern on text of our own ----------------------------------

def test_headline_outlet_and_published_from_a_header_block():
    article = parse_article(
        "Leaders meet in Geneva for a third round\n\nThe Daily Ledger\n\nWednesday, 23 July 2025, 20:54\n\n"
        "Negotiators from both countries met on Tuesday for what officials described as a decisive round of talks.\n\n"
        "A second paragraph carries on with more than fifteen words so that the header area ends right here now.\n"
    )
    assert article.title == "Leaders meet in Geneva for a third round"
    assert article.outlet == "The Daily Ledger"
    assert article.published == "2025-07-23"
    assert article.body.startswith("Negotiators from both countries")


@pytest.mark.parametrize("furniture", ["+ \u21ba \u2212 16 px", "Become a member  |  Log in",
                                       "AfricaAfrican UnionArmed Conflict in TigrayEthiopiaHorn of Africa"])
def test_the_headline_a_page_states_twice_beats_page_furniture_above_it(furniture):
    article = parse_article(
        f"News.Example\n{furniture}\n\nTruce talks open in Nairobi as both armies send their chiefs\n\n"
        "Truce talks open in Nairobi as both armies send their chiefs\n\n"
        "Military commanders of the two sides began talks in the Kenyan capital on Monday on how to disarm.\n\n"
        "A second paragraph carries on with more than fifteen words so that the header area ends right here now.\n"
    )
    assert article.title == "Truce talks open in Nairobi as both armies send their chiefs"
    assert article.body.startswith("Military commanders of the two sides")


def test_a_title_with_the_outlet_suffix_matches_its_repeat_below():
    article = parse_article(
        "Peace talks open behind closed doors | Example News\nSkip to main content\nWorld\n"
        "Peace talks open behind closed doors\n\n"
        "Delegates of the two sides began formal negotiations on Tuesday in a hotel outside the capital city.\n\n"
        "A second paragraph carries on with more than fifteen words so that the header area ends right here now.\n"
    )
    assert article.title == "Peace talks open behind closed doors"
    assert article.body.startswith("Delegates of the two sides")


def test_updated_line_and_title_suffix():
    article = parse_article(
        "Talks resume in Doha Updated / video\n\n\u00a0, Updated 09:05, 14-Mar-2024\n"
        "Mediators said the sides would meet again after a pause of several weeks in the capital city.\n"
    )
    assert article.title == "Talks resume in Doha"
    assert article.published == "2024-03-14"


def test_no_stated_date_means_no_published_date():
    article = parse_article(
        "Envoys arrive for talks\n"
        "The envoys arrived on Monday afternoon and the meeting is planned for 1:00 pm local time today.\n"
        "By Jane Roe"
    )
    assert article.published == ""
    assert article.author == "Jane Roe"
    assert "Jane Roe" not in article.body


def test_date_glued_to_outlet_and_staff_byline():
    article = parse_article(
        "Ceasefire Holds in the North\n\nMarch 05, 2024Frontline Wire\n\nCover Image\nFrontlineWire Editor\n\n"
        "Negotiators agreed on a framework for the exchange of detainees after three days of quiet talks.\n"
    )
    assert (article.published, article.outlet, article.author) == ("2024-03-05", "Frontline Wire", "FrontlineWire Editor")
    kinds = {r.kind for r in article.removed}
    assert {"headline", "dateline", "byline", "share"} <= kinds


def test_consent_banner_captions_share_lines_and_tags_are_removed():
    article = parse_article(
        "We use cookies to improve your experience. By continuing you agree to our cookie policy.\nAccept all\n"
        "Border talks stall\n"
        "Officials inspect the crossing on March 3, 2024. /AFP\n"
        "Officials inspect the crossing on March 3, 2024. /AFP\n"
        "The two delegations failed to agree on the line of the border after a long session on Friday.\n"
        "View post on X\nShare.\nExit mobile version\nTags\nBorder\nDiplomacy\n"
    )
    assert article.title == "Border talks stall"
    assert article.body == "The two delegations failed to agree on the line of the border after a long session on Friday."
    kinds = [r.kind for r in article.removed]
    assert kinds.count("consent") == 2 and kinds.count("caption") == 2 and kinds.count("trailer") == 3


def test_caption_credit_and_dateline_inside_a_kept_paragraph():
    text = (
        "Story line that is long enough to be a paragraph of the article and not a headline at all.\n\n"
        "GENEVA, SWITZERLAND \u2013 MARCH 3: (EDITOR\u2019S NOTE: Handout image.) Delegates meet on March 3, 2024 in Geneva, "
        "Switzerland. Both sides said the talks would go on. The mediators said on Sunday that a further round was "
        "planned, even as fighting continued along the front line overnight. (Photo by Someone via Agency)\n"
    )
    article = parse_article(text)
    assert article.published == "2024-03-03"  # day from the dateline, year from the same day stated in full
    assert "Photo by" not in article.body and "EDITOR" not in article.body and "GENEVA" not in article.body
    assert "Both sides said the talks would go on." in article.body
    _body_maps_to_raw(article)


def test_a_short_caption_line_with_a_photo_credit_is_removed_whole():
    article = parse_article(
        "Story line that is long enough to be a paragraph of the article and not a headline at all.\n"
        "Delegates arrive at the venue. (Photo by Someone/Agency)\n"
    )
    assert "Delegates arrive" not in article.body
    assert [r.kind for r in article.removed] == ["caption"]


def test_dateline_without_a_stated_year_gives_no_date():
    article = parse_article(
        "Story line that is long enough to be a paragraph of the article and not a headline at all.\n\n"
        "GENEVA, SWITZERLAND \u2013 MARCH 3: Delegates meet in Geneva. Both sides said the talks would go on.\n"
    )
    assert article.published == ""


def test_unicode_turkish_i_and_odd_spaces_survive_with_offsets():
    text = "MİT chief İbrahim Kalın met\u00a0the envoys at the palace on the Bosphorus shore for a long meeting today.\n"
    article = parse_article("Headline here\n" + text)
    assert article.body.startswith("MİT chief İbrahim Kalın met the envoys")
    i = article.body.index("Kalın")
    start, end, quote = article.span(i, i + 5)
    assert quote == "Kalın" and fold(quote) == "kalin"
    _body_maps_to_raw(article)


def test_a_repeated_headline_at_the_end_is_removed():
    article = parse_article("Sides meet again\nA paragraph with enough words to count as the story of the day here.\nSides meet again")
    assert article.body == "A paragraph with enough words to count as the story of the day here."


# --- bad input ---------------------------------------------------------------------------

def test_an_unreadable_article_is_reported_and_skipped(tmp_path):
    (tmp_path / "good.txt").write_text("A headline\nSome story text that is long enough to be kept as the body.\n", encoding="utf-8")
    (tmp_path / "noise.txt").write_bytes(bytes(range(128, 256)) * 4)
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    corpus = read_corpus(tmp_path)
    assert [a.doc_id for a in corpus.articles] == ["good"]
    reasons = {s.file: s.reason for s in corpus.skipped}
    assert "not text in any common encoding" in reasons["noise.txt"] and "empty" in reasons["empty.txt"] and "notes.pdf" in reasons


def test_missing_or_empty_folder_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="does not exist"):
        read_corpus(tmp_path / "nope")
    with pytest.raises(CorpusError, match="No readable article"):
        read_corpus(tmp_path)


def test_documents_row_has_the_contract_fields(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes("Headline\nBody text of the article that is long enough to keep.\n".encode())
    row = read_article(path).document_row()
    assert list(row)[:8] == ["doc_id", "file", "sha256", "title", "outlet", "author", "published", "words"]
    assert row["encoding"] == "utf-8" and row["stored_text"] == ""
    assert row["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert row["words"] == 11


def test_removed_table_lists_each_piece_with_offsets(seeds):
    from parley.read.corpus import Corpus

    table = removed_table(Corpus((seeds["001"],), ()))
    assert set(table["kind"]) >= {"consent", "headline", "outlet", "caption", "share"}
    for row in table.itertuples():
        assert normalize(seeds["001"].raw[row.start:row.end]).replace("\n", " ") == normalize(row.text)


def test_a_folder_read_again_comes_from_the_cache_and_an_edited_file_is_read_anew(tmp_path, monkeypatch):
    from parley.read import corpus as corpus_module

    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks resume\n\nThe delegations met in Geneva on Monday.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Talks end\n\nThe delegations left Geneva on Friday.\n", encoding="utf-8")
    first = read_corpus(folder)

    def must_not_parse(*args, **kwargs):
        raise AssertionError("read again although unchanged")

    monkeypatch.setattr(corpus_module, "parse_article", must_not_parse)
    assert read_corpus(folder) == first
    (folder / "b.txt").write_text("Talks end\n\nThe delegations left Geneva on Saturday.\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="read again"):
        read_corpus(folder)
    monkeypatch.undo()
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path / "cache"))
    again = read_corpus(folder)
    assert again.articles[0] == first.articles[0]
    assert "Saturday" in again.articles[1].body


def test_many_articles_are_read_on_every_core_as_they_are_read_one_by_one(tmp_path, monkeypatch):
    from parley.read import corpus as corpus_module

    folder = tmp_path / "articles"
    folder.mkdir()
    for k in range(6):
        (folder / f"a{k}.txt").write_text(f"Round {k} of talks\n\nThe delegations met in Geneva on day {k + 1}.\n",
                                          encoding="utf-8")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    monkeypatch.setenv("PARLEY_JOBS", "1")
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path / "one"))
    one_by_one = read_corpus(folder)
    monkeypatch.setattr(corpus_module, "_PARALLEL_READS", 3)
    monkeypatch.setenv("PARLEY_JOBS", "2")
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path / "many"))
    on_every_core = read_corpus(folder)
    assert on_every_core == one_by_one
    assert [s.file for s in on_every_core.skipped] == ["empty.txt"]
    assert len(list((tmp_path / "many" / "read").glob("*.json"))) == 6  # the workers filled the cache
    assert read_corpus(folder) == one_by_one  # and it is read back from there
