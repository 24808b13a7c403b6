"""What a page says about itself, in every format news pages use (issue 11): the
publication date and the outlet, from credible patterns only; empty beats wrong."""

import pytest

from parley.read.corpus import parse_article
from parley.read.metadata import date_order, full_date, is_section_label, known_outlet

BODY = (
    "The two delegations met again on Monday for a new round of talks in the capital, officials said.\n\n"
    "A second paragraph of the story follows, long enough to be story text rather than a header line.\n"
)


def page(*header: str, body: str = BODY, footer: str = "") -> str:
    return "Envoys meet again as ceasefire talks resume in the capital\n\n" + "\n\n".join(header) + "\n\n" + body + footer


@pytest.mark.parametrize("line, published", [
    ("20.07.2015 \u2013 18:02 CEST", "2015-07-20"),
    ("24/12/2018 - 19:05", "2018-12-24"),
    ("2/27/2023 10:41 PM", "2023-02-27"),
    ("Last updated 2022-11-02T19:40:11Z", "2022-11-02"),
    ("Aug. 17, 2025", "2025-08-17"),
    ("Issued on: 10/07/2015 - 19:20", "2015-07-10"),
    ("Updated: 14 July 2015", "2015-07-14"),
    ("Published 6:28 AM, Mar 29, 2022", "2022-03-29"),
    ("Thursday, 6th December 2018", "2018-12-06"),
    ("FEBRUARY 28, 2020 / 4:37 PM / UPDATED AN HOUR AGO", "2020-02-28"),
    ("Tue, 18 Feb 2025 15:02:27 +0200", "2025-02-18"),
    ("8 August 2025 23:52 (UTC+04)", "2025-08-08"),
    ("Sunday, March 19, 2023 | 01:12", "2023-03-19"),
    ("Last updated 21:14, 29-Mar-2022", "2022-03-29"),
])
def test_publication_date_lines_in_every_format(line, published):
    assert parse_article(page(line)).published == published


def test_a_published_date_beats_an_updated_one():
    article = parse_article(page("Published: 03.03.2024 09:10", "Updated: 05.03.2024 11:00"))
    assert article.published == "2024-03-03"


def test_numeric_dates_follow_the_page_or_the_clock():
    assert date_order("05/06/2024 10:41 PM") == "MDY"  # a 12-hour clock: written the US way
    assert date_order("05.06.2024 22:41") == "DMY"  # dots: day first
    assert date_order("05/06/2024 and later 25/06/2024") == "DMY"  # the page's own 25 decides
    assert full_date("05/06/2024", "MDY").iso == "2024-05-06"
    assert full_date("05/06/2024", "DMY").iso == "2024-06-05"


@pytest.mark.parametrize("first_line, published, outlet", [
    ("WASHINGTON, Feb 28 (Reuters) - Violence has fallen, officials said on Friday.", "2020-02-28", "Reuters"),
    ("MOSCOW, March 3. /TASS/. The Kremlin said on Monday that talks would resume.", "2020-03-03", "TASS"),
])
def test_agency_datelines_give_the_day_when_the_page_states_the_year(first_line, published, outlet):
    text = "Talks set to resume after a long pause in the fighting\n\n" + first_line + (
        " The deal, reached on February 28, 2020, and March 3, 2020, still holds.\n\nMore story text follows here.\n")
    article = parse_article(text)
    assert (article.published, article.outlet) == (published, outlet)


def test_a_dateline_without_a_year_on_the_page_gives_no_date():
    article = parse_article("Talks set to resume after a long pause\n\nDOHA, Nov 2 (AP) \u2014 Mediators said on "
                            "Sunday that talks would resume soon.\n\nMore story text follows here, at length.\n")
    assert article.published == "" and article.outlet == "AP"


@pytest.mark.parametrize("text, outlet", [
    (page(body="(MENAFN) The Qatari prime minister said the deal was done. " + BODY), "MENAFN"),
    (page(body="Umerov gave this account after the delegations met, Censor.NET reports.\n\n" + BODY), "Censor.NET"),
    (page(footer="\n\u00a9 2018 WIC News. All rights reserved.\n"), "WIC News"),
    (page(footer="\nAriana News \u00a9 All rights reserved\n"), "Ariana News"),
    (page(footer="\nAll rights reserved \u00a9 UNN 2025. Use of materials is permitted.\n"), "UNN"),
    ("DW.COM\nDeutsche Welle\nTOP STORIES | GERMANY | WORLD\n\n" + page(), "DW"),
    ("Pakistan Observer\nHome  |  National  |  International\n\n" + page(), "Pakistan Observer"),
    ("Ethiopia: Tigray peace talks open behind closed doors | Africanews\n\n" + BODY, "Africanews"),
])
def test_the_outlet_from_credible_patterns(text, outlet):
    assert parse_article(text).outlet == outlet


@pytest.mark.parametrize("header", [
    "Top Stories\nLatest\nMultimedia", "All Topics", "EN", "MIDDLE EAST", "WORLD NEWS", "Politics",
])
def test_menu_words_and_section_labels_are_never_the_outlet(header):
    assert parse_article(header + "\n\n" + page()).outlet == ""
    assert all(is_section_label(line) for line in header.split("\n"))


def test_an_outlet_only_quoted_as_a_source_is_not_the_outlet():
    text = page(body="Russia will study the proposals, according to Reuters, which saw the text.\n\n" + BODY)
    assert parse_article(text).outlet == ""


def test_agency_datelines_with_a_weekday_a_year_or_the_agency_after_a_comma():
    story = (" Envoys from the army and the paramilitary forces met on Sunday in Jeddah to discuss a humanitarian "
             "truce, mediators said.\n\nMore text follows in a second paragraph.\n")
    title = "Talks on the truce resume in the capital\n\n"
    found = {}
    for key, dateline in {"weekday": "RAMALLAH, Sunday, February 9, 2025 (WAFA) -",
                          "comma": "YEREVAN, FEBRUARY 9, 2025, ARMENPRESS.",
                          "date_first": "February 9, 2025 (KHARTOUM) \u2013"}.items():
        article = parse_article(title + dateline + story, doc_id=key)
        found[key] = (article.published, article.outlet, article.body.startswith(dateline))
    assert found == {"weekday": ("2025-02-09", "WAFA", True),
                     "comma": ("2025-02-09", "Armenpress", True),
                     "date_first": ("2025-02-09", "", True)}


# --- issue 11: formats news pages use that were missed ----------------------------------


@pytest.mark.parametrize("line, published", [
    ("August 17, 20253:42 PM GMT+3Updated 2 hours ago", "2025-08-17"),  # year, clock and label run together
    ("Jane Smith \u00b7 Aug 17, 2025 \u00b7 3 min read", "2025-08-17"),  # a date line shaped like a menu
    ("Source: Xinhua| 2025-08-17 10:42:00|Editor: huaxia", "2025-08-17"),
    ("By RFE/RL's Ukrainian Service August 17, 2025", "2025-08-17"),  # a byline before the date
    ("By Jane Smith, Staff Writer  Published: 17 August 2025 at 10:42", "2025-08-17"),
    ("17.08.25 10:42", "2025-08-17"),  # a two-digit year, dotted, before a clock
    ("2025/08/17 10:42", "2025-08-17"),
    ("2025.08.17 10:42", "2025-08-17"),
    ("Updated 18 Aug 2025 | Published 17 Aug 2025", "2025-08-17"),  # each date takes its own label
])
def test_more_publication_date_lines(line, published):
    assert parse_article(page(line)).published == published


def test_a_two_digit_year_or_a_url_date_alone_is_no_date_line():
    assert parse_article(page("Release 17.08.25 notes")).published == ""
    assert parse_article(page("example.com/2025/08/17/talks-resume")).published == ""


@pytest.mark.parametrize("numeric, written, published", [
    ("04/03/2025 10:00", "April 3, 2025", "2025-04-03"),
    ("03/04/2025 10:00", "March 4", "2025-03-04"),
    ("03/04/2025 10:00", "3 April", "2025-04-03"),
])
def test_the_day_month_order_follows_a_date_the_page_writes_out(numeric, written, published):
    body = (f"On {written}, the delegations met again for a new round of talks in the capital, officials said, "
            "and both sides were upbeat about the outcome.\n\n" + BODY)
    assert parse_article(page(numeric, body=body)).published == published



@pytest.mark.parametrize("text, outlet", [
    ("Envoys meet again as talks resume - Meduza\n\n" + BODY, "Meduza"),  # a hyphen before a known outlet
    ("Envoys meet again - what we know so far\n\n" + BODY, ""),  # not before a title fragment
    ("RFE/RL\n\n" + page(), "RFE/RL"),
    ("euronews\n\n" + page(), "Euronews"),
    ("The National\n\n" + page(), "The National"),  # a known masthead made of menu words
    ("Daily Nation\n\n" + page(), "Daily Nation"),
    ("NATIONAL\n\n" + page(), ""),
    (page("By Jane Smith, CNN"), "CNN"),  # a byline's outlet
    (page("KYODO NEWS - Aug 17, 2025 - 10:42 | All, World"), "Kyodo News"),  # a date line's
    (page("Reuters | Dawn.com Published August 17, 2025 Updated about 2 hours ago"), "Dawn"),  # the site's address first
    (page(body="(MENAFN- Trend News Agency) The Qatari prime minister said the deal was done. " + BODY), "MENAFN"),
])
def test_more_outlet_patterns(text, outlet):
    assert parse_article(text).outlet == outlet


@pytest.mark.parametrize("sentence", [
    "The envoy will travel to Moscow next week, Bloomberg reported, citing people familiar with the plans.",
    "The talks ended early, Reuters reported.",
])
def test_an_outlet_reported_in_the_past_tense_is_cited_not_the_outlet(sentence):
    assert parse_article(page(body=sentence + "\n\n" + BODY)).outlet == ""


def test_a_byline_line_is_not_a_sentence_starting_with_by():
    article = parse_article(page(body="By contrast, Moscow stayed silent.\n\n" + BODY))
    assert "By contrast, Moscow stayed silent." in article.body and article.outlet == ""


@pytest.mark.parametrize("name, known", [
    ("Censor.NET", "Censor.NET"), ("Kyiv Independent", "Kyiv Independent"), ("Ukrinform", "Ukrinform"),
    ("Anadolu", "Anadolu Agency"), ("Hurriyet Daily News", "H\u00fcrriyet Daily News"), ("Azertac", "Azertac"),
    ("Nation Africa", "Daily Nation"), ("Radio Dabanga", "Radio Dabanga"), ("allAfrica.com", "AllAfrica"),
    ("Radio Free Europe/Radio Liberty", "RFE/RL"), ("Balkan Insight", "Balkan Insight"), ("Garowe Online", "Garowe Online"),
])
def test_the_outlet_table_knows_international_and_regional_outlets(name, known):
    assert known_outlet(name).name == known


STANDFIRST = "The two sides agreed to meet again next week after a first round of talks, the mediators said in a statement."
CAPTION = "Foreign ministers shake hands before the talks in the capital on the first day of the meeting, in a photo."


@pytest.mark.parametrize("line", [
    "17 Aug 2025 - 10:42", "Sun 17 Aug 2025 10.42 BST", "Aug 17, 2025 at 10:42 am ET", "On 17 August 2025",
    "Written by Jane Doe on August 17, 2025",
])
def test_a_bare_date_line_after_a_standfirst_and_a_caption(line):
    assert parse_article(page(STANDFIRST, CAPTION, line)).published == "2025-08-17"


def test_a_date_line_with_other_words_or_deep_in_the_story_is_no_publication_date():
    assert parse_article(page(STANDFIRST, CAPTION, "Istanbul talks resumed 17 August 2025")).published == ""
    deep = BODY + "\n" + STANDFIRST + "\n\n" + CAPTION + "\n\n17 August 2025\n\n" + BODY
    assert parse_article(page(body=deep)).published == ""


@pytest.mark.parametrize("top", ["Ceasefire", "Follow"])
def test_a_word_the_page_repeats_in_lower_case_is_no_masthead(top):
    assert parse_article(top + "\n\n" + page()).outlet == ""  # "ceasefire talks", "follows"


def test_a_known_outlet_that_is_also_a_place_names_the_copyright_holder():
    assert parse_article(page(footer="\nAll content \u00a9 Copyright 2025 Xinhua\n")).outlet == "Xinhua"


@pytest.mark.parametrize("text, outlet", [
    ("CNA\n\n" + page(footer="\n\u00a9 2025 Mediacorp Pte Ltd. All rights reserved.\n"), "CNA"),  # the owner is no outlet
    (page(footer="\nCopyright 2025 Scripps Media, Inc. All rights reserved.\n"), ""),
    (page(footer="\n\u00a9 2025 The Jerusalem Post Group. All rights reserved.\n"), "The Jerusalem Post"),
    (page(footer="\n\u00a9 2006 The Valley Dispatch Pvt. Ltd. All rights reserved.\n"), ""),  # a company unknown
])
def test_a_company_holding_the_copyright_is_not_the_outlet(text, outlet):
    assert parse_article(text).outlet == outlet


@pytest.mark.parametrize("line, outlet", [
    ("By AFP", "AFP"),
    ("By JANE DOE Associated Press", "AP"),
    ("Al Jazeera Staff", "Al Jazeera"),
    ("Al Jazeera and news agencies", "Al Jazeera"),
    ("Jane Doe | Reuters", "Reuters"),
    ("BBC News, Istanbul", "BBC"),
    ("Jane Doe\nDiplomatic correspondent, BBC News", "BBC"),
    ("News Agencies", ""),
    ("Staff and agencies", ""),
])
def test_the_outlet_a_byline_or_staff_line_credits(line, outlet):
    assert parse_article(page(line)).outlet == outlet


@pytest.mark.parametrize("first_line, published, outlet", [
    ("MOSCOW. Aug 17 (Interfax) -", "2025-08-17", "Interfax"),  # a full stop after the city
    ("Baku, August 17, AZERTAC", "2025-08-17", "Azertac"),  # a known agency after a comma, no full stop
    ("Yerevan, August 17. ARMENPRESS.", "2025-08-17", "Armenpress"),
    ("Aug 17 (Reuters) -", "2025-08-17", "Reuters"),  # no city
    ("ADDIS ABABA, Ethiopia (AP) \u2014", "", "AP"),  # a city and its country, no date
    ("Damascus, SANA-", "", "SANA"),
    ("ISTANBUL, 9 August (AA) -", "2025-08-09", "Anadolu Agency"),  # day first
    ("MOSCOW, 9 August. /TASS/.", "2025-08-09", "TASS"),
    ("In Istanbul, 17 August talks", "", ""),  # sentences, not datelines
    ("On Monday, August 4, talks", "", ""),
    ("MOSCOW, Aug 17, NATO said", "", ""),
])
def test_more_datelines(first_line, published, outlet):
    text = ("Talks set to resume after a long pause in the fighting\n\n" + first_line + " The envoys met again, officials "
            "said on Friday.\n\nThe deal of August 1, 2025 still holds, diplomats said in a long statement.\n")
    article = parse_article(text)
    assert (article.published, article.outlet) == (published, outlet)


def test_a_masthead_named_again_with_or_without_its_space():
    text = "Kestrel Line\n\n" + page("KestrelLine Editor")  # "Clash Report" above "ClashReport Editor"
    assert parse_article(text).outlet == "Kestrel Line"


def test_a_date_under_the_headline_beats_the_day_of_reading_in_the_top_bar():
    text = "Wednesday, December 2, 2026\n\nKenya Herald\n\n" + page("August 17, 2025")
    assert parse_article(text).published == "2025-08-17"
    assert parse_article("Today: Wednesday, December 2, 2026\n\n" + page()).published == ""


@pytest.mark.parametrize("line, published, outlet", [
    ("8/17/25 10:42 AM", "2025-08-17", ""),  # a two-digit year, slashed, before a clock
    ("August 17, 2025 Jerusalem Post Staff", "2025-08-17", "The Jerusalem Post"),  # a staff credit after the date
])
def test_more_date_lines_and_what_they_hold(line, published, outlet):
    article = parse_article(page(line))
    assert (article.published, article.outlet) == (published, outlet)


def test_a_dateline_that_is_a_whole_line_after_a_standfirst_and_a_caption():
    assert parse_article(page(STANDFIRST, CAPTION, "ISTANBUL, August 17, 2025")).published == "2025-08-17"


@pytest.mark.parametrize("line, published", [
    ("17 \u0441\u0435\u0440\u043f\u043d\u044f 2025, 10:42", "2025-08-17"),  # Ukrainian
    ("Domingo, 17 de agosto de 2025 10:42", "2025-08-17"),
    ("2025\u5e748\u670817\u65e5 10:42", "2025-08-17"),
    ("17. August 2025", "2025-08-17"),
    ("17 talks 2025", ""),  # dateparser sees only a day, a month's name and a year
])
def test_a_date_line_in_another_language_is_read_by_dateparser(line, published):
    assert parse_article(page(line)).published == published


@pytest.mark.parametrize("text", [
    "Envoys meet again as ceasefire talks resume | CNN\n\n04/03/2025 10:00\n\n" + BODY,
    page("04/03/2025 10:00", footer="\n\u00a9 2025 Cable News Network. All Rights Reserved.\n"),
])
def test_the_outlet_country_from_the_headline_suffix_or_the_copyright_line_orders_a_numeric_date(text):
    assert parse_article(text).published == "2025-04-03"  # CNN, a US outlet: month first


@pytest.mark.parametrize("text, outlet", [
    # agency datelines: an accented city, a lower-case agency the table knows, a region in
    # brackets, a three-letter agency after a comma
    (page(body="Bogot\u00e1, Aug 17 (EFE).- The two delegations met again on Monday.\n\n" + BODY), "EFE"),
    (page(body="Berlin (dpa) - The two delegations met again on Monday.\n\n" + BODY), "dpa"),
    (page(body="New Delhi [India], August 17 (ANI): The two delegations met again.\n\n" + BODY), "ANI"),
    (page(body="Riyadh, August 17, 2025, SPA -- The two delegations met again on Monday.\n\n" + BODY), "SPA"),
    (page(body="Berlin (pm) - The two delegations met again on Monday.\n\n" + BODY), ""),  # no agency
    # a headline's suffix with a section after the outlet
    ("Envoys meet again as talks resume | CNN Politics\n\n" + BODY, "CNN"),
    ("Envoys meet again as talks resume - Al-Monitor: Independent, trusted coverage of the Middle East\n\n" + BODY,
     "Al-Monitor"),  # a known outlet's tagline after a colon
    ("Envoys meet again - Ceasefire: what we know so far\n\n" + BODY, ""),
    # the publisher a republished page credits in a line of its own
    (page(footer="\nThis article is republished from The Conversation under a Creative Commons license.\n"),
     "The Conversation"),
    (page(footer="\nOriginally published at Eurasianet.\n"), "Eurasianet"),
    (page(body="The plan was first published by Reuters last week, officials said.\n\n" + BODY), ""),  # a claim's source
    # the page's own address alone on a line at its top or foot
    ("https://www.dawn.com/news/1930000/talks-resume\n\n" + page(), "Dawn"),
    (page(footer="\nhttps://english.news.cn/20250817/abc/c.html\n"), "Xinhua"),
    ("https://www.kestrel-news.example/world/envoys\n\n" + page(), ""),  # an unknown site
    # "Source:" names where the facts came from, except in a date line
    (page("Source: Suspilne, Ukraine's public broadcaster, with a reporter on site; Anadolu, the Turkish news agency"), ""),
    (page("Source: Xinhua| 2025-08-17 10:42:00|Editor: Liu"), "Xinhua"),
    # a caption's credit is no copyright line; a copyright line may end a menu
    (page("Diplomats at the talks in the capital. \u00a9 Kestrel Photo Agency"), ""),
    (page(footer="\nAbout Us | Contact | Kestrel Times \u00a9 2025\n"), "Kestrel Times"),
    # an unknown outlet after a headline's hyphen when its name says it is one; a masthead in capitals
    ("Envoys meet again as talks resume - Kestrel Times\n\n" + BODY, "Kestrel Times"),
    ("Envoys meet again as talks resume - Live Updates\n\n" + BODY, ""),
    ("Envoys meet again as talks resume - Jane Doe\n\n" + BODY, ""),
    ("KESTREL TIMES\n\n" + page(), "Kestrel Times"),
    # an unknown outlet a staff line credits, or that says it has learned something
    (page("By Kestrel Times staff"), "Kestrel Times"),
    (page("Agencies | Kestrel Times"), "Kestrel Times"),
    (page("Jane Doe Staff"), ""),
    (page(body="Kestrel Times has learned that the envoys met again on Monday.\n\n" + BODY), "Kestrel Times"),
    (page(body="Ukraine has learned that the envoys met again on Monday.\n\n" + BODY), ""),
    # "With Agency Report" beside an outlet's name is no outlet itself
    (page("With Agency Report | Kestrel Herald"), "Kestrel Herald"),
    # a place in brackets is no agency; a colon after a known one
    (page(body="GENEVA (Switzerland) - The two delegations met again on Monday.\n\n" + BODY), ""),
    (page(body="KABUL (Pajhwok): The two delegations met again on Monday.\n\n" + BODY), "Pajhwok Afghan News"),
])
def test_outlets_of_agency_and_republished_pages(text, outlet):
    assert parse_article(text).outlet == outlet


@pytest.mark.parametrize("name, known", [
    ("The Cable", "TheCable"), ("Public Radio of Armenia", "Public Radio of Armenia"), ("Egypt Today", "Egypt Today"),
    ("Palestine News Agency", "WAFA"), ("Turkiye Today", "T\u00fcrkiye Today"), ("Euromaidan Press", "Euromaidan Press"),
    ("Ukrainian National News", "UNN"), ("Buenos Aires Times", "Buenos Aires Times"), ("Jakarta Globe", "Jakarta Globe"),
])
def test_the_outlet_table_knows_more_national_outlets(name, known):
    assert known_outlet(name).name == known


@pytest.mark.parametrize("text, dateline", [
    ("NEW DELHI/ISLAMABAD, May 10 (PTI) - India and Pakistan agreed to halt firing.", "NEW DELHI/ISLAMABAD, May 10 (PTI) -"),
    ("HAVANA \u2014 Colombia's government and the ELN agreed to extend the truce.", "HAVANA \u2014 "),
    ("PUTRAJAYA: Thailand and Cambodia agreed to a ceasefire.", "PUTRAJAYA: "),
    ("MUSCAT (AFP) \u2014 Iran and the United States held talks.", "MUSCAT (AFP) \u2014"),
    ("ADDIS ABABA, Ethiopia (AP) \u2014 The talks opened.", "ADDIS ABABA, Ethiopia (AP) \u2014"),
])
def test_a_dateline_opening_a_paragraph_is_found(text, dateline):
    from parley.read.metadata import dateline_spans

    assert [text[s:e] for s, e in dateline_spans(text)] == [dateline]
    later = "Talks resume.\n\n" + text  # opening a later paragraph
    assert [later[s:e] for s, e in dateline_spans(later)] == [dateline]


@pytest.mark.parametrize("text", [
    "NATO: the alliance will not offer membership.",
    "MOSCOW, Aug 17, NATO said the talks failed.",
    "In Istanbul, 17 August talks began.",
])
def test_capitals_or_a_place_and_a_date_in_a_sentence_are_no_dateline(text):
    from parley.read.metadata import dateline_spans

    assert dateline_spans(text) == ()


def test_a_byline_of_two_authors_is_no_story_text():
    article = parse_article("US and Russia agree to talk\n\nBy Matthew Lane and Aamer Mahdi\n"
                            "Published 9:41 PM EST, February 18, 2025\n\n"
                            "The United States and Russia agreed on Tuesday to appoint negotiating teams.\n", doc_id="b")
    assert not article.body.startswith("By ")
    assert article.author == "Matthew Lane and Aamer Mahdi"


@pytest.mark.parametrize("footer, outlet", [
    ("\nFollow The Kestrel Herald on Twitter for the latest regional news.\n", "The Kestrel Herald"),
    ("\nFollow Dawn on Facebook\n", "Dawn"),
    ("\nThis article appeared in the Riverside Daily News print edition as: Talks resume\n", "Riverside Daily News"),
])
def test_a_page_asking_readers_to_follow_it_or_naming_its_print_edition_names_its_outlet(footer, outlet):
    # beside an agency's dateline: the page is the outlet's, the story the agency's
    body = "BRASILIA, March 3 (AFP) - The two delegations met again on Monday for a new round of talks.\n\n" + BODY
    assert parse_article(page(body=body, footer=footer)).outlet == outlet


def test_following_someone_else_on_social_media_names_no_outlet():
    assert parse_article(page(footer="\nFollow the minister on Twitter for updates.\n")).outlet == ""


@pytest.mark.parametrize("text, outlet", [
    # the publishing company holds the copyright; the page's outlet is the one it publishes
    ("The Straits Times\n\n" + page(footer="\nCopyright \u00a9 2025 SPH Media. All rights reserved.\n"), "The Straits Times"),
    (page(footer="\nFollow The Age on X\n\u00a9 2025 Nine Entertainment Co.\n"), "The Age"),
    # ... and names no outlet itself where the page names none of its outlets
    (page(footer="\n\u00a9 2025 Nine\n"), ""),
    (page(footer="\nCopyright \u00a9 2025 SPH Media Limited. All rights reserved.\n"), ""),
    # "the age of" is no mention of The Age
    (page(body="Voters under the age of 18 were turned away.\n\n" + BODY, footer="\n\u00a9 2025 Nine\n"), ""),
])
def test_a_publishing_company_holding_the_copyright_gives_the_outlet_it_publishes_that_the_page_names(text, outlet):
    assert parse_article(text).outlet == outlet


def test_the_publishers_table_names_outlets_the_outlet_table_knows():
    import csv

    from parley import config

    with config.data_file("outlets.csv").open(encoding="utf-8") as handle:
        outlets = {row["name"] for row in csv.DictReader(handle)}
    with config.data_file("publishers.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(title in outlets for row in rows for title in row["outlets"].split("|"))
    assert not any(known_outlet(row["publisher"]) for row in rows)  # a publisher that is an outlet would shadow it
