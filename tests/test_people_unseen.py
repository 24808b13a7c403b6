"""People on negotiations the seeds never mentioned (issue 11): each pattern in a
synthetic sentence of its own, with names and parties of no corpus article."""

import pytest

from parley import nlp
from parley.extract.people.article import extract_people
from parley.extract.run import extract_article
from parley.read.corpus import parse_article

HEADLINE = "Envoys meet again as ceasefire talks resume in the capital\n\nMarch 4, 2025\n\n"


def people(text: str) -> dict[str, dict]:
    article = parse_article(HEADLINE + text, doc_id="u1")
    return {row["name"]: row for row in extract_people(article, nlp.parse(article.body))}


def people_of_article(text: str) -> dict[str, dict]:
    """`people`, read as the pipeline reads an article: with the parties it introduces itself."""
    return {row["name"]: row for row in extract_article(parse_article(HEADLINE + text, doc_id="u1"))["people"]}


def test_furniture_places_outlets_and_credits_are_not_people():
    rows = people(
        "Explainer\n\nHome | World | Africa | Sport\n\nThe envoys met in Mombasa and later flew to Khan Younis. "
        "Delegates arrived at the Palais Rohan on Monday, Hurriyet Daily News reported. "
        "NATO members Canada and Norway sent observers.\n\n"
        "Fighters near the front line. Photo: AP/Jonas Lindqvist\n\n"
        "The mediator, Amara Okafor, said the talks would resume on Friday.\n"
    )
    assert set(rows) == {"Amara Okafor"}


def test_arabic_names_with_particles_and_honorifics_are_one_person():
    rows = people(
        "Sheikh Faisal bin Khalid Al Marri, the kingdom's foreign minister, met Hussein al-Amiri of the "
        "Houthis on Monday. Al Marri said the talks were useful.\n"
    )
    assert "Faisal bin Khalid Al Marri" in rows or "Sheikh Faisal bin Khalid Al Marri" in rows
    assert "Hussein al-Amiri" in rows and rows["Hussein al-Amiri"]["side"] == "Houthis"
    assert len(rows) == 2


def test_parties_the_seeds_never_named_give_sides():
    rows = people(
        "RSF commander Osman Deng met army chief Kamal Idris in Jeddah. M23 spokesman Pierre Kabila said the "
        "rebels would withdraw. Alberto Ruiz, a negotiator for the ELN, and the OSCE envoy Marta Novak attended.\n"
    )
    assert rows["Osman Deng"]["side"] == "RSF"
    assert rows["Pierre Kabila"]["side"] == "M23"
    assert rows["Alberto Ruiz"]["side"] == "ELN"
    assert rows["Marta Novak"]["side"] == "OSCE"


def test_a_leader_named_without_a_country_takes_it_from_the_table():
    rows = people("President Trump said on Monday that the deal was close. Putin did not comment.\n")
    assert rows["Trump"]["side"] == "United States"
    assert rows["Putin"]["side"] == "Russia"


def test_roles_given_after_the_name():
    rows = people(
        "Lena Marsh, the State Department's policy director, met the delegation. Yuri Vasin, his aide, "
        "took notes. Dmitri Orlov, an adviser to President Vladimir Putin, attended, as did Boris Kane, the "
        "sanctioned oligarch. Ana Silva and Rui Costa, the country's deputy foreign ministers, arrived later.\n"
    )
    assert rows["Lena Marsh"]["role"].endswith("policy director")
    assert rows["Lena Marsh"]["side"] == "United States"
    assert rows["Yuri Vasin"]["role"] == "aide"
    assert rows["Dmitri Orlov"]["role"] == "adviser to President Vladimir Putin"
    assert rows["Dmitri Orlov"]["side"] == "Russia"  # whom he advises
    assert rows["Boris Kane"]["role"] == "sanctioned oligarch" and rows["Boris Kane"]["side"] == "other"
    assert rows["Ana Silva"]["role"] == rows["Rui Costa"]["role"] == "deputy foreign minister"


def test_his_aide_takes_the_side_of_whom_the_pronoun_points_to():
    rows = people("Ukrainian President Volodymyr Zelensky arrived first. Ivan Petrenko, his aide, followed.\n")
    assert rows["Ivan Petrenko"]["side"] == "Ukraine"


def test_a_government_the_article_ties_to_a_party_gives_its_officials_that_side():
    rows = people(
        "Yemen's internationally recognised government sent its team. Khalid Nasser, a government official, "
        "said the talks were useful.\n"
    )
    assert rows["Khalid Nasser"]["side"] == "Yemen"


def test_people_listed_together_share_the_side_the_text_gives_one_of_them():
    rows = people("Saudi Foreign Minister Prince Faisal bin Farhan and Nasser al-Otaibi, a minister of state, also took part.\n")
    assert rows["Nasser al-Otaibi"]["side"] == "Saudi Arabia"


def test_initials_and_hyphenated_names():
    rows = people("J. Smith, the British envoy, met Ban Ki-moon on Monday. Smith later flew home.\n")
    assert "J. Smith" in rows and rows["J. Smith"]["side"] == "United Kingdom"
    assert "Ban Ki-moon" in rows


def test_a_former_official_acts_for_no_party_unless_the_text_says_whom_they_represent():
    rows = people(
        "Former national security adviser Grant Holloway said the deal was weak. Envoy Mira Dobrev, a former "
        "foreign minister, led the Union delegation.\n"
    )
    assert rows["Grant Holloway"]["side"] == "other"
    assert rows["Grant Holloway"]["side_evidence"].startswith("former office: ")


def test_other_articles_give_a_former_official_the_side_they_represent_there():
    from parley.across.persons import resolve_persons
    import pandas as pd

    first = people("Former president Tomas Hale said the mediators would return.\n")["Tomas Hale"]
    other = people("The African Union envoy Tomas Hale said the talks would resume on Friday.\n")["Tomas Hale"]
    assert first["side"] == "other" and other["side"] == "African Union"
    table, _, _ = resolve_persons(pd.DataFrame([{**first, "doc_id": "d1"}, {**other, "doc_id": "d2"}]))
    assert set(table.side) == {"African Union"}


def test_the_prime_ministers_adviser_takes_the_side_of_the_prime_minister_the_article_names():
    rows = people(
        "Ethiopian Prime Minister Dawit Bekele welcomed the talks with the TPLF. Selam Tesfaye, the Prime "
        "Minister's national security adviser, led the delegation to Pretoria.\n"
    )
    assert rows["Selam Tesfaye"]["side"] == "Ethiopia"


def test_a_place_after_a_title_and_its_preposition_is_not_a_person():
    rows = people(
        "Lena Marsh, the president's special envoy to the Middle East, met the mediators. The freed captives "
        "will head for the Rafah crossing on Friday.\n"
    )
    assert set(rows) == {"Lena Marsh"}


def test_people_in_apposition_to_a_sides_group_are_in_it():
    rows = people(
        "Flanked by the two other members of the AU panel, Kenya's former president Peter Mwangi and "
        "Grace Dlamini, South Africa's former deputy president, the envoy spoke.\n"
    )
    assert rows["Peter Mwangi"]["side"] == "African Union"
    assert rows["Grace Dlamini"]["side"] == "African Union"


def test_an_armed_group_in_a_role_is_the_side_not_the_country_it_fights_in():
    rows = people(
        "Senior Palestinian Hamas official Khalil Darwish said the group was ready. Sudanese RSF commander Osman "
        "Deng met the mediators. Yemen's Houthi negotiator Ali Nasser arrived. The Russian-backed separatist "
        "leader Denis Pushkov said no.\n"
    )
    assert rows["Khalil Darwish"]["side"] == "Hamas"
    assert rows["Osman Deng"]["side"] == "RSF"
    assert rows["Ali Nasser"]["side"] == "Houthis"
    assert rows["Denis Pushkov"]["side"] != "Russia"


def test_a_partys_possessive_before_a_name_gives_the_side():
    rows = people("Hamas's Khalil al-Hayya met North Korea's Kim Yo Jong on Monday.\n")
    assert {name: row["side"] for name, row in rows.items()} == {"Khalil al-Hayya": "Hamas", "Kim Yo Jong": "North Korea"}


def test_armed_groups_de_facto_authorities_and_armies_of_other_conflicts_give_sides():
    rows = people(
        "Fano leader Tesfa Alemu rejected talks with Addis Ababa. TNLA spokesman Lway Kham agreed to a truce brokered "
        "by China. SPLM-N leader Kuku Jaden joined the RSF alliance. Transnistrian negotiator Pavel Grigorin met "
        "Abkhaz leader Inal Ardzin. Kataib Hezbollah spokesman Jafar Husseini said attacks would stop. FARDC "
        "spokesman Jean Lomami said the army would hold the town. Karim Sadek, commander of the Libyan National "
        "Army, met YPG spokesman Nuri Hamo.\n"
    )
    assert {name: row["side"] for name, row in rows.items()} == {
        "Tesfa Alemu": "Fano", "Lway Kham": "TNLA", "Kuku Jaden": "SPLM-N", "Pavel Grigorin": "Transnistria",
        "Inal Ardzin": "Abkhazia", "Jafar Husseini": "Kataib Hezbollah",
        "Jean Lomami": "Democratic Republic of the Congo", "Karim Sadek": "LNA", "Nuri Hamo": "SDF"}


def test_armed_groups_of_the_great_lakes_and_colombia_give_sides():
    rows = people(
        "FDLR commander Pacifique Ntawunguka rejected any disarmament. Wazalendo spokesman Jules Mulumba said the "
        "militias would keep fighting. Segunda Marquetalia negotiator Walter Mendoza met Estado Mayor Central "
        "commander Alexander Mendoza.\n"
    )
    assert {name: row["side"] for name, row in rows.items()} == {
        "Pacifique Ntawunguka": "FDLR", "Jules Mulumba": "Wazalendo", "Walter Mendoza": "Segunda Marquetalia",
        "Alexander Mendoza": "Estado Mayor Central"}


def test_an_adviser_to_a_partys_leader_is_on_that_party_not_on_a_party_the_sentence_names():
    rows = people(
        "Hamid Rostami, an adviser to Iran's supreme leader, warned Washington. Tom Hale, the U.S. envoy to "
        "Sudan's army, met the generals.\n"
    )
    assert rows["Hamid Rostami"]["side"] == "Iran"
    assert rows["Tom Hale"]["side"] == "United States"


def test_a_role_naming_a_body_parley_does_not_know_takes_no_side_from_the_parties_around():
    rows = people(
        "ZNLF leader Tesfa Alemu rejected talks with Addis Ababa. Ogaden Front commander Abdi Nur met the "
        "Ethiopian delegation, which arrived on Monday.\n"
    )
    assert rows["Tesfa Alemu"]["side"] == ""
    assert rows["Abdi Nur"]["side"] == ""


def test_whom_a_person_represents_or_acts_for_is_their_side():
    rows = people(
        "Ostap Kerch, who represents Ukraine at the talks, arrived on Monday. Omar Farouk, who is negotiating on "
        "behalf of Hamas, wanted guarantees. Representing Kosovo were Besa Krasniqi and Dren Hoxha. On the "
        "Israeli side were Eli Baron and Noa Segal. Lina Yusuf, who studied in France, said Sudan's army would "
        "not attend.\n"
    )
    assert {name: row["side"] for name, row in rows.items()} == {
        "Ostap Kerch": "Ukraine", "Omar Farouk": "Hamas", "Besa Krasniqi": "Kosovo", "Dren Hoxha": "Kosovo",
        "Eli Baron": "Israel", "Noa Segal": "Israel", "Lina Yusuf": ""}


def test_a_person_leading_a_group_the_text_does_not_name_takes_no_other_groups_side():
    rows = people(
        "The government team was headed by Lucia Ortega. The ELN delegation arrived later.\n\n"
        "Ramon Vidal headed the government team, while Diego Cano led the ELN delegation.\n"
    )
    # the government the ELN fights (states_faced.csv), never the ELN's
    assert rows["Lucia Ortega"]["side"] == "Colombia" and rows["Ramon Vidal"]["side"] == "Colombia"
    assert rows["Diego Cano"]["side"] == "ELN"
    rows = people_of_article(
        "The government team was headed by Lucia Ortega. The Northern Liberation Movement (NLM) delegation "
        "arrived later.\n\nRamon Vidal headed the government team, while Diego Cano led the NLM delegation.\n"
    )
    assert rows["Lucia Ortega"]["side"] == "" and rows["Ramon Vidal"]["side"] == ""  # whose government, unknown
    assert rows["Diego Cano"]["side"] == "NLM"


def test_a_leaders_title_picks_the_office_among_holders_of_one_surname():
    rows = people("Prime Minister Sharif spoke to the mediators on Saturday.\n")
    assert rows["Sharif"]["side"] == "Pakistan"  # not Sudan's foreign minister al-Sharif


def test_a_sponsor_is_not_the_side_of_the_government_it_backs_nor_another_persons_party():
    rows = people(
        "Yemen's Saudi-backed government sent its team. Khalid Omar, a government official, said the talks "
        "were useful.\n\nSaudi-backed government negotiator Hadi Salem met the Houthis' Abdulmalik Qadi.\n"
    )
    assert rows["Khalid Omar"]["side"] == "Yemen"
    assert rows["Hadi Salem"]["side"] in {"", "Yemen"}  # never the sponsor's, nor the other man's party
    assert rows["Abdulmalik Qadi"]["side"] == "Houthis"


def test_a_demonym_before_counterpart_gives_the_side_of_the_person_named_after_it():
    rows = people(
        "Thai Foreign Minister Somchai Rak met his Cambodian counterpart Sok Vanna. His US counterpart, "
        "Tom Hale, did not comment.\n"
    )
    assert rows["Sok Vanna"]["side"] == "Cambodia"
    assert rows["Tom Hale"]["side"] == "United States"


def test_a_ministers_chair_of_an_organisation_is_the_side_in_its_talks():
    rows = people(
        "Anna Virtanen, Finland's Foreign Minister and OSCE Chairperson-in-Office, visited Chisinau. Kenyan "
        "President and EAC chairman Daniel Kiprop hosted the talks. Former ECOWAS chairman Musa Bello attended.\n"
    )
    assert rows["Anna Virtanen"]["side"] == "OSCE"
    assert rows["Daniel Kiprop"]["side"] == "EAC"
    assert rows["Musa Bello"]["side"] != "ECOWAS"


def test_a_party_the_sentence_names_as_the_target_of_strikes_or_sanctions_is_not_the_side():
    rows = people(
        "Defence Minister Ali Reza said the strikes on Israel would continue. Finance Minister Omar Qadi "
        "called for sanctions against Russia.\n"
    )
    assert rows["Ali Reza"]["side"] == "" and rows["Omar Qadi"]["side"] == ""


def test_a_person_meeting_a_sides_group_is_not_in_it():
    rows = people("Nabil Saqr's son Karim Saqr met Turkish officials in Ankara.\n")
    assert rows["Karim Saqr"]["side"] == ""


def test_a_body_named_after_a_capital_and_a_rebel_role_take_no_states_side():
    rows = people(
        "Juba Alliance spokesman Peter Garang said South Sudan's army had attacked. Rebel commander Idris Kuku "
        "said Chad would mediate.\n"
    )
    assert rows["Peter Garang"]["side"] == "" and rows["Idris Kuku"]["side"] == ""


def test_a_person_named_without_a_role_takes_the_one_party_their_sentence_names():
    rows = people(
        "Lina Yusuf, who studied in France, said Sudan's army would not attend. Bosco Kanyere spoke after the M23 "
        "talks in Doha ended on Monday.\n"
    )
    assert rows["Bosco Kanyere"]["side"] == "M23"
    assert rows["Bosco Kanyere"]["side_evidence"].startswith("named nearby: ")  # a guess other articles override
    assert rows["Lina Yusuf"]["side"] == ""  # what she says is of another party, not hers


def test_a_party_after_a_name_the_tagger_missed_is_the_side():
    rows = people(
        "The mediators of the two guarantor states, Pedro Alvarado of Chile and Rune Dahl of Iceland, read "
        "the text.\n"
    )
    assert rows["Pedro Alvarado"]["side"] == "Chile"
    assert rows["Rune Dahl"]["side"] == "Iceland"


def test_an_office_the_text_names_without_its_party_takes_the_party_of_the_paragraph_before():
    rows = people(
        "Kenya's mediators arrived in Arusha on Monday to open the talks.\n\n"
        "Deputy Foreign Minister Amos Kiprono said the talks would resume on Friday.\n"
    )
    assert rows["Amos Kiprono"]["side"] == "Kenya"
    assert rows["Amos Kiprono"]["side_evidence"].startswith("named nearby: ")


def test_a_capital_naming_a_meeting_or_a_text_is_not_the_side():
    rows = people(
        "Defence Minister Amos Kiprono said the Lusaka truce was holding. Interior Minister Tomas Banda said the "
        "Minsk II agreement had failed.\n"
    )
    assert rows["Amos Kiprono"]["side"] == "" and rows["Tomas Banda"]["side"] == ""


def test_a_person_of_an_ngo_or_think_tank_acts_for_no_party():
    rows = people("Anna Berg of the International Crisis Group said the deal was fragile. Tom Hale, from Human "
                  "Rights Watch, agreed.\n")
    assert rows["Anna Berg"]["side"] == "other" and rows["Tom Hale"]["side"] == "other"


def test_a_title_owned_by_a_body_the_text_names_with_a_common_noun():
    rows = people(
        "M23 rejected the deal. The group's spokesman, Lawrence Kanyo, said the fighters would stay. The rebels' "
        "spokesman, Willy Ngoma, agreed. Heading the army team was the army's top officer, Field Marshal Amos "
        "Kiprono.\n"
    )
    assert rows["Lawrence Kanyo"]["role"] == "spokesman"
    assert rows["Willy Ngoma"]["role"] == "spokesman" and rows["Willy Ngoma"]["side"] == "M23"
    assert rows["Amos Kiprono"]["role"].startswith("Field Marshal") and "Field" not in rows


def test_kin_of_a_person_take_their_side():
    rows = people(
        "Hamdan Daglo, the RSF commander, and his brother Abdel Rahim Daglo signed. RSF leader Omar Bakri's son, "
        "Idris Bakri, attended.\n"
    )
    assert rows["Abdel Rahim Daglo"]["side"] == "RSF" and rows["Idris Bakri"]["side"] == "RSF"


def test_a_title_after_an_indefinite_article_before_a_comma_is_the_role():
    rows = people("M23 rejected the deal. A spokesman for the group, Paul Kagwa, denied it.\n")
    assert rows["Paul Kagwa"]["role"] == "spokesman for the group"


def test_a_person_named_without_a_role_after_text_naming_one_party_takes_it():
    rows = people(
        "The M23 fighters withdrew from the town on Monday.\n\nBosco Kanyere told reporters the withdrawal was "
        "complete.\n\nRwanda and Uganda welcomed it. Pierre Lubala was less sure.\n"
    )
    assert rows["Bosco Kanyere"]["side"] == "M23"
    assert rows["Pierre Lubala"]["side"] == ""  # two parties named before him: no guess


def test_the_names_news_use_for_the_donetsk_and_luhansk_republics_give_sides():
    rows = people("Donetsk separatist leader Oleg Marin and Lugansk rebel chief Ivan Dorin signed the document.\n")
    assert rows["Oleg Marin"]["side"] == "DPR" and rows["Ivan Dorin"]["side"] == "LPR"


def test_the_last_word_of_a_think_tanks_name_is_no_person_but_a_title_of_state_keeps_its_holder():
    rows = people(
        "Nathan Kendrick, an analyst at the Council on Regional Stability, said the talks had stalled. "
        "Priya Raman of the Centre for Regional Studies agreed.\n\n"
        "Secretary of State Marco Rubio arrived later. Secretary of State Rubio said little.\n"
    )
    assert set(rows) == {"Nathan Kendrick", "Priya Raman", "Marco Rubio"}


def test_a_word_that_goes_on_into_a_bodys_name_is_no_person():
    rows = people(
        "Anjali Kulkarni, an analyst at the Halvard Peace Research Group, said the talks had stalled. "
        "Kulkarni, a senior fellow at the Halvard Peace Research Group, expects a third round.\n"
    )
    assert set(rows) == {"Anjali Kulkarni"}


def test_a_capitalised_party_noun_in_a_role_gives_the_party_the_article_uses_it_for():
    rows = people(
        "Colombia's government and the National Liberation Army (ELN) agreed to extend their ceasefire.\n\n"
        "Government negotiator Vera Grabe said the state would suspend arrest warrants for ELN negotiators.\n"
    )
    assert rows["Vera Grabe"]["side"] == "Colombia"


@pytest.mark.parametrize("name, party", [
    ("SADR", "Polisario Front"), ("Puntland", "Puntland"), ("Azawad Liberation Front", "FLA"),
    ("Haqqani network", "Taliban"),
])
def test_parties_of_further_conflicts_are_known(name, party):
    from parley.knowledge.sides import party_of

    assert party_of(name) == party


@pytest.mark.parametrize("text, name, role", [
    ("Egypt's Minister of Water Resources and Irrigation Hani Sewilam said Cairo wants a binding deal.",
     "Hani Sewilam", "Minister of Water Resources and Irrigation"),
    ("Sudan's Minister of Irrigation Daw al-Beit Abdel Rahman called for an agreement.",
     "Daw al-Beit Abdel Rahman", "Minister of Irrigation"),
    ("Minister of Petroleum and Mineral Resources Tarek El Molla spoke.",
     "Tarek El Molla", "Minister of Petroleum and Mineral Resources"),
])
def test_a_ministers_portfolio_is_part_of_the_role_not_of_the_name(text, name, role):
    rows = people(text)
    assert set(rows) == {name}
    assert rows[name]["role"] == role


VENEZUELA = ("Venezuela's government and the opposition Unity Bloc signed a partial agreement on Tuesday.\n\n"
             "Opposition negotiator Gerardo Blanco said the deal included guarantees for the election.\n")


def test_an_opposition_the_article_names_no_party_of_gives_its_negotiator_no_state():
    rows = people(VENEZUELA)
    assert rows["Gerardo Blanco"]["role"] == "Opposition negotiator"
    assert rows["Gerardo Blanco"]["side"] in ("", None)


def test_an_opposition_named_as_a_party_in_the_project_file_is_its_negotiators_side(tmp_path):
    from parley.knowledge import project_file

    path = tmp_path / "parley.toml"
    path.write_text('[parties."Unity Bloc"]\nkind = "party"\naliases = ["Unity Bloc"]\n', encoding="utf-8")
    project_file.activate(project_file.read(path))
    try:
        assert people(VENEZUELA)["Gerardo Blanco"]["side"] == "Unity Bloc"
    finally:
        project_file.activate(None)


def test_a_person_called_by_the_first_word_of_their_name_is_one_person():
    # Thai, Malay and Indonesian reports call people by their given name, with or without "Mr"
    rows = people("Acting Prime Minister Prasert Chaiyaporn met Malaysian Prime Minister Hamdan Ismail in Putrajaya. "
                  "Mr Hamdan chaired the meeting, and Prasert thanked him.\n")
    assert set(rows) == {"Prasert Chaiyaporn", "Hamdan Ismail"}


def test_an_academic_title_is_no_part_of_the_name():
    rows = people("Sudan's team included Prof. Idris Mahgoub, the minister of irrigation.\n")
    assert set(rows) == {"Idris Mahgoub"}


def test_a_parish_a_hill_and_an_organisation_chaired_are_not_people():
    rows = people("The ceremony took place at the Harbour Centre at Three Mile Hill, St Andrew. "
                  "Mr Hamdan Ismail, who chairs Asean this year, witnessed the agreement.\n")
    assert set(rows) == {"Hamdan Ismail"}


def test_a_plural_title_before_a_pair_is_each_ones_with_its_own_party_in_order():
    rows = people("Peru and Chile met in Lima. The US and Chinese ambassadors to Peru, John Harlan and Li Wenbo, "
                  "sat in on the meeting.\n")
    assert {name: (row["role"], row["side"]) for name, row in rows.items()} == {
        "John Harlan": ("US and Chinese ambassadors to Peru", "United States"),
        "Li Wenbo": ("US and Chinese ambassadors to Peru", "China")}
    rows = people("Peru and Chile met in Lima. The Chilean deputy foreign ministers, John Harlan and Li Wenbo, "
                  "sat in on the meeting.\n")
    assert {row["side"] for row in rows.values()} == {"Chile"}
    # a pair after a clause is no pair with a title
    rows = people("Peru and Chile met in Lima. On Monday, John Harlan and Li Wenbo, sat in on the meeting.\n")
    assert {row["role"] for row in rows.values()} == {""}


def test_the_media_that_showed_people_give_them_no_side():
    rows = people("Peru and Chile met in Lima. Ana Quispe, Tomas Rivera and Hamdan Ismail at the Lima meeting, "
                  "in an image released by Bolivian state media.\n")
    assert "Bolivia" not in {row["side"] for row in rows.values()}


def test_a_long_name_of_particles_and_hyphens_is_one_person():
    # six tokens used to end a name: "Nasser Al-Hamad Al" and "Rashid" came out of one person
    rows = people("Sheikh Khalid Nasser Al-Hamad Al-Rashid, the kingdom's foreign minister, spoke first. "
                  "The Emir of Bahrain, Sheikh Salman al-Hamad al-Issa al-Khalifa, sent a message.\n")
    assert {"Khalid Nasser Al-Hamad Al-Rashid", "Salman al-Hamad al-Issa al-Khalifa"} <= set(rows)
    assert len(rows) == 2


def test_forms_of_address_of_several_words_are_no_part_of_the_name_nor_of_the_role():
    rows = people("Malaysian Prime Minister Dato’ Sri Hamdan Ismail met Al Haj Yusuf Ampatuan, chairman of "
                  "the MILF, and Sayyid Tariq bin Salim in Kuala Lumpur.\n")
    assert set(rows) == {"Hamdan Ismail", "Yusuf Ampatuan", "Tariq bin Salim"}
    assert rows["Hamdan Ismail"]["role"] == "Malaysian Prime Minister"


def test_a_rank_abbreviated_before_a_name_is_no_person_and_keeps_the_given_name():
    rows = people("The army team comprised Staff Maj. Gen. Eng. Salem Ahmed Al-Warfalli and Col. Nouri Hamza "
                  "Abdullah Al-Obeidi.\n")
    assert set(rows) == {"Salem Ahmed Al-Warfalli", "Nouri Hamza Abdullah Al-Obeidi"}


def test_a_party_word_ending_a_hyphenated_surname_is_the_name_not_the_party():
    rows = people("The government panel was made up of Rosa Villanueva-Lao and Teodoro Santos-Kuwait, "
                  "officials said.\n")
    assert "Rosa Villanueva-Lao" in rows
    assert {row["side"] for row in rows.values()} & {"Laos", "Kuwait"} == set()


def test_a_title_that_begins_a_place_name_makes_no_person():
    rows = people("Sultan Kudarat farmers get new irrigation line\n\nThe Presidential Adviser on the Peace Process "
                  "said the Royal Court would host the talks.\n")
    assert rows == {}


def test_names_listed_with_people_are_people_and_share_the_lists_side():
    rows = people("Talks between Manila and the Moro Islamic Liberation Front ended on Thursday.\n\n"
                  "Rosa Villanueva, the government chief negotiator, and Ahmad Lantawan, the chairman of the MILF "
                  "panel, signed. The government panel was made up of Villanueva, Carlo Bautista and Mehol "
                  "Sadain. Across the table sat Lantawan with Datu Omar Pendatun and Farid Macabangon.\n")
    assert {name: row["side"] for name, row in rows.items()} == {
        "Rosa Villanueva": "Philippines", "Ahmad Lantawan": "MILF", "Carlo Bautista": "Philippines",
        "Mehol Sadain": "Philippines", "Omar Pendatun": "MILF", "Farid Macabangon": "MILF"}


def test_a_leader_with_a_generational_suffix_is_found_in_the_table():
    article = parse_article("Talks open in Manila\n\nMarch 27, 2014\n\nPresident Benigno Aquino III looked on "
                            "as the two panels signed.\n", doc_id="u2")
    rows = extract_people(article, nlp.parse(article.body))
    assert [row["side"] for row in rows] == ["Philippines"]


def test_a_plural_apposition_after_a_pair_is_each_ones_with_its_own_party_in_order():
    rows = people("Peru and Chile met in Lima. The deal was signed by Ana Quispe and Tomas Rivera, the Peruvian "
                  "and Chilean foreign ministers, on Sunday. Luis Prado and Marta Soto, the two deputy ministers, "
                  "watched.\n")
    assert (rows["Ana Quispe"]["side"], rows["Tomas Rivera"]["side"]) == ("Peru", "Chile")
    assert rows["Ana Quispe"]["role"] == "Peruvian and Chilean foreign minister"
    assert rows["Luis Prado"]["role"] == rows["Marta Soto"]["role"] == "deputy minister"


def test_an_apposition_belongs_to_the_name_before_it_and_an_age_is_no_part_of_a_role():
    rows = people("Guests included Ana Quispe, the EU foreign policy chief, Tomas Rivera, the European "
                  "commissioner for enlargement, and Luis Prado, UN under-secretary for political affairs. "
                  "Marta Soto, a 45-year-old demonstrator, said she was furious.\n")
    assert rows["Tomas Rivera"]["role"] == "European commissioner for enlargement"
    assert rows["Tomas Rivera"]["side"] == "European Union"
    assert (rows["Marta Soto"]["role"], rows["Marta Soto"]["side"]) == ("demonstrator", "other")


def test_a_byline_of_a_name_and_a_place_is_no_person_of_the_story():
    rows = people("Marta Soto, Skopje\n\nThe mediator, Amara Okafor, said the talks would resume on Friday.\n")
    assert set(rows) == {"Amara Okafor"}


def test_who_leads_a_group_and_a_spokesperson_for_a_persons_movement_take_its_side():
    rows = people("The leaders of the two main armed groups stayed away: Amadou Kone of the Union for Peace in the "
                  "Central African Republic (UPC) and Idriss Baba, who leads the Popular Front for the Renaissance "
                  "of Central Africa (FPRC). Saleh Ousman, a spokesperson for Kone's movement, said it would sign.\n")
    assert rows["Idriss Baba"]["side"] == "FPRC"
    assert rows["Saleh Ousman"]["side"] == "UPC"


def test_a_body_named_in_full_gives_its_short_noun_and_a_church_beats_the_state_it_is_in():
    rows = people("Students asked the Inter-American Commission on Human Rights and the United Nations to "
                  "investigate. Ana Quispe, the commission's rapporteur, arrived on Thursday. Cardinal Tomas "
                  "Rivera, the head of Peru's Episcopal Conference, chaired the dialogue.\n")
    assert rows["Ana Quispe"]["side"] == "OAS"
    assert rows["Tomas Rivera"]["side"] == "Catholic Church"


def test_son_of_particles_a_rank_of_two_words_and_a_participle_opening_a_sentence():
    rows = people("Sidi Brahim Ould Sidati signed for the rebels. Ould Sidati said the text was fair. "
                  "Lieutenant-General Tomas Rivera, the junta's founder, refused. "
                  "Meeting Rivera in the capital on Monday, the envoy urged calm.\n")
    assert set(rows) == {"Sidi Brahim Ould Sidati", "Tomas Rivera"}
    assert rows["Tomas Rivera"]["role"] == "junta's founder"


def test_a_late_leader_acted_for_his_party():
    rows = people("The RENAMO leader Ossufo Momade signed. The movement's late leader, Afonso Dhlakama, had "
                  "agreed a truce before his death.\n")
    assert rows["Afonso Dhlakama"]["side"] == "RENAMO"


def test_a_relative_of_a_captive_speaks_for_no_party():
    rows = people("The Houthis and the government agreed to free 887 detainees. Amal Saleh, whose son was captured "
                  "by government forces four years ago, said she was counting the hours. Hind Nasser has had no word "
                  "that her husband, seized by the Houthis at a checkpoint, is on the list.\n")
    assert rows["Amal Saleh"]["side"] == rows["Hind Nasser"]["side"] == "other"
    rows = people("The Houthis and the government agreed to free 887 detainees. On Sunday Lina Haddad, a "
                  "four-year-old dual US citizen who was seized in October, was among those freed.\n")
    assert rows["Lina Haddad"]["side"] == "other"



def test_a_son_named_after_his_father_takes_the_fathers_side():
    rows = people("Bolivia's President Luis Arce opened the round.\n\nTalks were mediated by Norway.\n\n"
                  "Luis Arce Mora, son of President Luis Arce, also signed the document. Senior officials from "
                  "Norway and Mexico witnessed the signing.\n")
    assert rows["Luis Arce Mora"]["side"] == "Bolivia"
    assert rows["Luis Arce Mora"]["role_of"] == "Luis Arce"


def test_the_organisation_or_group_a_role_points_back_to_is_the_side():
    rows = people("GENEVA - Amnesty International said on Friday that the accord between Colombia's government "
                  "and the ELN must not grant an amnesty.\n\n"
                  "Ana Quispe, the organisation's regional director, said victims wanted justice.\n")
    assert rows["Ana Quispe"]["side"] == "other"
    rows = people("The FARC said it would sign. The self-styled Renamo Military Junta met on Monday, the group's "
                  "spokesman, Tomas Rivera, said.\n")
    assert rows["Tomas Rivera"]["side"] == "Renamo Military Junta"
    rows = people("Morocco and the Polisario Front met at the United Nations on Monday. Omar Salem, the Front's "
                  "representative at the United Nations, said a referendum was the only way.\n")
    assert rows["Omar Salem"]["side"] == "Polisario Front"


def test_an_undated_article_is_matched_to_the_leaders_table_on_its_own_dates():
    # the table's US secretary of state left office in January 2025: an undated page
    # telling of June 2025 is not his, one telling of June 2023 is
    def side(text: str) -> str:
        article = parse_article("Envoys meet again in Geneva\n\n" + text, doc_id="u2")
        assert not article.published
        return {r["name"]: r for r in extract_people(article, nlp.parse(article.body))}["Antony Blinken"]["side"]

    assert side("Talks resumed in Geneva on 2 June 2025. Antony Blinken did not attend.\n") == ""
    assert side("Talks resumed in Geneva on 2 June 2023. Antony Blinken did not attend.\n") == "United States"


def test_a_party_an_article_introduces_by_name_and_acronym_gives_its_people_a_side():
    text = ("The government and the Northern Liberation Movement (NLM) signed a ceasefire in Arusha on Monday. "
            "Tomas Rivera, the NLM's chief negotiator, said the fighting would stop. The Valley Relief "
            "Initiative (VRI) welcomed the deal.\n")
    rows = people_of_article(text)
    assert rows["Tomas Rivera"]["side"] == "NLM"
    from parley.knowledge.sides import find_parties, introduced_parties, kind_of_party, parties_introduced_in

    # a name of no party's or armed group's word says not what the body is
    assert {a.party for a in introduced_parties(text)} == {"NLM"}
    with parties_introduced_in(text):
        assert kind_of_party()["NLM"] == "armed_group"
        assert [f.party for f in find_parties("the Northern Liberation Movement and the NLM")] == ["NLM", "NLM"]
    # only while that article is read
    assert find_parties("the NLM") == [] and "NLM" not in kind_of_party()


def test_a_state_office_no_paragraph_places_takes_the_state_the_article_is_about():
    opening = ("Bolivia's rival camps met in La Paz on Monday. Bolivia's parliament is split, and Bolivia's "
               "president has asked Bolivian judges to wait.\n\n")
    rows = people(opening + "The talks went on late into the night.\n\n"
                  "Justice Minister Ana Quispe said the text was nearly agreed.\n")
    assert rows["Ana Quispe"]["side"] == "Bolivia"
    # a host city named as where is not what the article is about
    rows = people("Bolivia's camps met in Oslo on Monday. Bolivia's parliament is split; talks in Oslo went on "
                  "and Bolivian judges waited. More talks in Oslo are due.\n\nThe talks went on late.\n\n"
                  "Justice Minister Ana Quispe said the text was nearly agreed.\n")
    assert rows["Ana Quispe"]["side"] == "Bolivia"
    # no state dominates: no guess
    rows = people("Chile and Peru met in Lima on Monday. Chile and Peru disagree; Chile wants more.\n\n"
                  "The talks went on late into the night.\n\n"
                  "Justice Minister Ana Quispe said the text was nearly agreed.\n")
    assert rows["Ana Quispe"]["side"] == ""


def test_a_foundation_or_institute_parley_does_not_know_acts_for_no_party():
    rows = people("Bolivia and the rebels met in La Paz. Ana Quispe, director of the Cross Border Foundation, "
                  "said Bolivia had to listen. Tomas Rivera, Bolivia's foreign minister, disagreed.\n")
    assert rows["Ana Quispe"]["side"] == "other"
    assert rows["Tomas Rivera"]["side"] == "Bolivia"


def test_a_body_named_in_an_apposition_is_no_other_persons_name():
    rows = people("Ana Quispe, leader of the Northern Liberation Movement, on Thursday signed an agreement.\n")
    assert rows["Ana Quispe"]["role"] == "leader of the Northern Liberation Movement"


def test_a_ministry_someone_works_at_is_no_title_another_holds():
    # "the foreign ministry's spokesman" is not the side of a minister "at the foreign ministry"
    rows = people("Tomas Rivera, Chile's minister of state at the foreign ministry, flew in on Monday.\n\n"
                  "Ana Quispe, the foreign ministry's spokesman, said the talks were over.\n")
    assert rows["Ana Quispe"]["side"] != "Chile"
    rows = people("Chile's Prime Minister Tomas Rivera flew in on Monday.\n\n"
                  "Ana Quispe, the Prime Minister's adviser, said the talks were over.\n")
    assert rows["Ana Quispe"]["side"] == "Chile"


def test_a_role_led_by_a_region_is_a_role():
    rows = people("Not everyone is convinced. Ana Quispe, South-East Asia director of the International Crisis "
                  "Group, called the accord fragile. Tomas Rivera, Africa programme director at the International "
                  "Crisis Group, agreed.\n")
    assert rows["Ana Quispe"]["role"] == "South-East Asia director of the International Crisis Group"
    assert rows["Tomas Rivera"]["side"] == "other"


def test_editors_act_for_no_party_and_the_paper_they_edit_is_no_person():
    rows = people("Tomas Rivera, managing editor of Lanterna South Asia, said the king had been left a non-entity. "
                  "Ana Quispe, editor of the weekly Corvo, agreed.\n")
    assert set(rows) == {"Tomas Rivera", "Ana Quispe"}
    assert rows["Tomas Rivera"]["side"] == rows["Ana Quispe"]["side"] == "other"


def test_a_state_office_in_a_paragraph_about_the_rebels_team_is_not_theirs():
    rows = people("The LTTE delegation arrived on Monday. Commerce Minister Tomas Rivera said implementation "
                  "was the biggest challenge.\n")
    assert rows["Tomas Rivera"]["side"] != "LTTE"


def test_a_state_office_listed_with_a_movements_leader_takes_no_side_of_the_movement():
    text = ("Kenya's crisis eased on Thursday. President Tomas Rivera and Ana Quispe, leader of the Democratic "
            "Union Party (DNU), signed an agreement in Nairobi.\n")
    rows = people_of_article(text)
    assert rows["Ana Quispe"]["side"] == "DNU"
    assert rows["Tomas Rivera"]["side"] != "DNU"


def test_a_clause_after_a_name_is_no_role_and_a_lawmaker_from_a_leaders_party_is_on_the_leaders_side():
    rows = people("Bolivia's Prime Minister Tomas Rivera flew to Oslo. Erik Berg, accompanied by Norway's "
                  "ambassador, Lars Holm, met the rebel leader, Luis Mora. Ana Quispe, a lawmaker from Rivera's "
                  "Civic Pact party, said talks with the United States would go on. Jon Ek, the sanctioned "
                  "oligarch, stayed away.\n")
    assert rows["Lars Holm"]["role"] != "met the rebel leader"
    assert rows["Ana Quispe"]["side"] == "Bolivia"
    assert rows["Jon Ek"]["role"] == "sanctioned oligarch"


def test_a_party_in_what_an_office_holder_says_is_not_their_side():
    rows = people("The factions refused to meet face to face. Their spokesman, Tomas Rivera, said the first session "
                  "would be indirect because Bolivia had not kept the ceasefire.\n")
    assert rows["Tomas Rivera"]["side"] != "Bolivia"


def test_a_dateline_and_the_country_a_plan_is_for_are_not_a_persons_side():
    rows = people("OSLO / BERGEN \u2014 Tomas Rivera signed the accord on Saturday, a day after the others.\n")
    assert rows["Tomas Rivera"]["side"] != "Norway"
    rows = people("Tomas Rivera put his signature on Saturday to the six-point ceasefire plan for Bolivia, the last "
                  "of the parties to do so.\n")
    assert rows["Tomas Rivera"]["side"] != "Bolivia"


def test_a_state_office_no_text_places_takes_the_state_most_other_offices_hold():
    rows = people("Finland hosted the signing in Helsinki; Finland's capital was calm and Finnish police watched.\n\n"
                  "Bolivia's President Tomas Rivera welcomed it. Bolivian Justice Minister Luis Mora signed it, with "
                  "Jan de Vries, a Dutch diplomat, looking on.\n\n"
                  "The talks had been long.\n\n"
                  "Information Minister Ana Quispe said the text would be published.\n")
    assert rows["Ana Quispe"]["side"] == "Bolivia"


@pytest.mark.parametrize("byline", ["Oleh/By Ana Quispe & Tomas Rivera", "By Tomas Rivera, Diplomatic Correspondent",
                                    "Por / By Tomas Rivera, enviado especial", "Par Tomas Rivera, envoyé spécial"])
def test_the_writers_of_a_bilingual_byline_or_one_naming_their_job_are_not_people_of_the_story(byline):
    text = (f"Envoys meet again as ceasefire talks resume\n\n{byline}\n\nMarch 4, 2025\n\n"
            "Luis Mora, the government's chief negotiator, said on Monday that Tomas Rivera's questions were fair.\n")
    article = parse_article(text, doc_id="u5")
    names = {row["name"] for row in extract_people(article, nlp.parse(article.body))}
    assert names == {"Luis Mora"}


def test_a_line_naming_the_pages_own_outlet_is_no_person():
    text = ("HARBOUR COURIER\n\nEnvoys meet again as ceasefire talks resume\n\nMarch 4, 2025\n\n"
            "Luis Mora, the government's chief negotiator, said on Monday the text was ready.\n\n"
            "Suscríbase al Harbour Courier\n\n\u00a9 2025 Harbour Courier. All rights reserved.\n")
    article = parse_article(text, doc_id="u6")
    assert article.outlet == "Harbour Courier"
    assert {row["name"] for row in extract_people(article, nlp.parse(article.body))} == {"Luis Mora"}


def test_their_leader_is_the_people_or_movement_named_just_before():
    rows = people("The Houthis object to the corridor that the army of Bolivia holds. Tomas Rivera, their leader, "
                  "has been indicted.\n")
    assert rows["Tomas Rivera"]["side"] == "Houthis"


def test_a_second_president_is_not_given_the_state_whose_president_the_article_names():
    rows = people("Bolivia's President Tomas Rivera signed. Bolivian Justice Minister Luis Mora and Bolivian Defence "
                  "Minister Jon Ek signed too; Bolivia's army watched.\n\n"
                  "The talks had been long.\n\n"
                  "President Ana Quispe, who hosted the ceremony, spoke first.\n")
    assert rows["Ana Quispe"]["side"] != "Bolivia"


def test_an_office_held_once_and_one_held_now_gives_the_one_held_now():
    rows = people("President Luis Mora met the Houthis. Tomas Rivera, once his deputy and now the rebels' leader, "
                  "did not shake his hand.\n")
    assert rows["Tomas Rivera"]["role"].endswith("leader") and "deputy" not in rows["Tomas Rivera"]["role"]
    assert rows["Tomas Rivera"]["side"] == "Houthis"


def test_a_pronoun_listing_members_continues_the_team_of_the_sentence_before():
    rows = people("Bolivia and the Houthis met again. The Houthi team is headed by Tomas Rivera, its speaker. "
                  "At the first round it also comprised Luis Mora, a veteran commander; Ana Quispe, the group's "
                  "envoy to the United Nations; and Jon Ek, who handles its ties with the UN mission.\n")
    assert {rows[name]["side"] for name in ("Luis Mora", "Ana Quispe", "Jon Ek")} == {"Houthis"}


def test_a_name_the_end_of_a_fuller_one_named_before_is_that_person():
    rows = people("The Houthi team is headed by Mahmud Ali Sefa, its chief. In a statement after the session, "
                  "however, Ali Sefa did not mention a return to fighting.\n")
    assert set(rows) == {"Mahmud Ali Sefa"}


def test_a_capitalised_word_describing_the_noun_of_a_title_names_no_other_person():
    rows = people("The Houthi team is headed by Tomas Rivera, speaker of the Sahrawi parliament.\n")
    assert rows["Tomas Rivera"]["role"] == "speaker of the Sahrawi parliament"


def test_a_state_office_spoken_from_a_capital_is_that_capitals_state():
    rows = people("The ceasefire was signed by Bolivia and Chile on Friday.\n\n"
                  "In Lima, Reintegration Minister Tomas Rivera told reporters that Bolivia's copy was void. "
                  "At his weekly news conference in Quito, Luis Mora, the foreign ministry's spokesman, said "
                  "Chile had been told.\n\n"
                  "In Lima, after meeting Chile's envoy, Justice Minister Ana Quispe said nothing.\n")
    assert rows["Tomas Rivera"]["side"] == "Peru"
    assert rows["Luis Mora"]["side"] == "Ecuador"
    assert rows["Ana Quispe"]["side"] != "Peru"  # the sentence names another state first


def test_a_minister_whose_portfolio_is_named_after_a_capital_is_that_states():
    rows = people("Luis Mora, the Lima Metropolitan minister, met Ana Quispe, a Quito Alliance spokeswoman, on "
                  "Monday.\n")
    assert rows["Luis Mora"]["side"] == "Peru"
    assert rows["Ana Quispe"]["side"] != "Ecuador"  # a body named after a city


def test_what_a_freed_detainee_is_after_a_surname_an_age_or_a_participle_is_their_role():
    rows = people("Siamak Tavana, Emad Lorri and Morad Bahari were the first down the steps.\n\n"
                  "Tavana, a 51-year-old businessman arrested in 2015, had been held longest. Lorri, 59, is a venture "
                  "capitalist; Bahari, 67, is a conservationist who also holds a British passport.\n")
    assert {name: (row["role"], row["side"]) for name, row in rows.items()} == {
        "Siamak Tavana": ("businessman", "other"),
        "Emad Lorri": ("venture capitalist", "other"),
        "Morad Bahari": ("conservationist", "other"),
    }


def test_a_demonym_in_an_apposition_is_no_other_persons_name():
    rows = people("Ana Quispe, the former Costa Rican president whose peace plan helped, was among the guests.\n")
    assert rows["Ana Quispe"]["role"] == "former Costa Rican president"


@pytest.mark.parametrize("alias", ["whose nom de guerre is", "better known as", "alias"])
def test_a_name_given_as_another_ones_alias_is_the_same_person(alias):
    rows = people(f"The Houthis' chief, Tomas Rivera, signed with Luis Ortega Mora, {alias} Comandante Lucho, "
                  "and with two other commanders.\n")
    assert set(rows) == {"Tomas Rivera", "Luis Ortega Mora"}
    assert not rows["Luis Ortega Mora"]["role"]  # "and with two other commanders" is the sentence going on


def test_a_castle_or_a_name_an_apposition_calls_a_place_is_no_person():
    rows = people("Delegations of the government and the rebels sat at the table inside Miravalle Castle. Tomas "
                  "Rivera, the mediator, spoke at Konstantin Dacha, the presidential residence. Luis Mora, a Black Sea "
                  "resort town hotelier, listened.\n")
    assert set(rows) == {"Tomas Rivera", "Luis Mora"}


def test_the_body_a_person_mediates_for_wins_over_the_office_they_hold():
    rows = people("Tomas Rivera, the Bolivian president who has steered the talks as the regional bloc's appointed "
                  "facilitator, read the text. Peru's president, chairman of ECOWAS's security organ, spoke.\n\n"
                  "Luis Mora, the Chilean foreign minister, flew in. He met rebels with Mora, who was mediating on "
                  "the EU's behalf.\n\n"
                  "Ana Quispe, the Peruvian foreign minister, who spoke as the talks began, said the bloc's envoy "
                  "was late.\n")
    assert rows["Tomas Rivera"]["side"] == "ECOWAS"
    assert rows["Luis Mora"]["side"] == "European Union"
    assert rows["Ana Quispe"]["side"] == "Peru"  # another's envoy in what she says


def test_another_holder_of_an_office_is_on_the_side_of_the_one_before():
    rows = people("The Houthis met the government of Bolivia. Their spokesman, Tomas Rivera, said the talks were "
                  "indirect. Another spokesman, Luis Mora, said the Bolivian army had shelled them.\n")
    assert (rows["Tomas Rivera"]["side"], rows["Luis Mora"]["side"]) == ("Houthis", "Houthis")
    assert rows["Luis Mora"]["role"] == "spokesman"
    rows = people("Ana Quispe spoke on Friday.\n\nIf both the Houthis and Bolivia kept their commitments, Quispe "
                  "said, peace would follow.\n")
    assert rows["Ana Quispe"]["side"] != "Houthis"  # "their commitments," names no office of hers


def test_signing_in_the_name_of_a_party_or_for_it_is_acting_for_it():
    rows = people("Bolivia and the Houthis met in Lima on Friday, and the talks ended well.\n\n"
                  "Bolivia's ministers watched as Tomas Rivera signed in the name of the Houthis. With Bolivia's "
                  "envoys looking on, Luis Mora then signed for the Houthis too.\n")
    assert rows["Tomas Rivera"]["side"] == "Houthis"
    assert rows["Luis Mora"]["side"] == "Houthis"


def test_the_government_in_an_article_about_an_armed_group_is_the_state_it_fights():
    rows = people("The Houthis and the government opened talks in Stockholm on Monday.\n\n"
                  "Tomas Rivera, the labour minister and head of the government delegation, said the mood was good. "
                  "Beside him sat Luis Mora.\n")
    assert rows["Tomas Rivera"]["side"] == "Yemen"


def test_across_the_table_are_the_other_sides_people_not_the_paragraphs_delegation():
    rows = people("The Houthis and the government met again on Monday.\n\n"
                  "The government panel was made up of Tomas Rivera and Luis Mora. Across the table sat Ana Quispe "
                  "with Jon Ek.\n")
    assert rows["Tomas Rivera"]["side"] == "Yemen"
    assert rows["Ana Quispe"]["side"] != "Yemen" and rows["Jon Ek"]["side"] != "Yemen"


def test_the_delegation_a_person_refuses_to_meet_is_not_theirs():
    rows = people("The Houthis met the government's mediators in Stockholm.\n\n"
                  "The factions refused to meet the government delegation face to face. Their spokesman, Tomas "
                  "Rivera, said the session would be indirect.\n")
    assert rows["Tomas Rivera"]["side"] != "Yemen"


def test_one_of_a_bodys_negotiators_is_one_of_its_people():
    rows = people("The Houthis and Bolivia signed on Friday. Luis Mora, one of the movement's negotiators, told "
                  "reporters that the new government in Sucre was sincere.\n")
    assert rows["Luis Mora"]["side"] == "Houthis"
    assert "negotiator" in rows["Luis Mora"]["role"]
