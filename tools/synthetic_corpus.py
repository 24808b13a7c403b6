"""Write a deterministic synthetic news corpus for benchmarking Parley at scale.

    python tools/synthetic_corpus.py --articles 400 --out .cache/bench/400 [--seed 0]

The corpus is a season of invented coverage of twenty negotiation tracks between real
country pairs (Armenia/Azerbaijan, Sudan/South Sudan, Peru/Ecuador, ...), each with a
mediator. Everything said about them is made up: the people are invented names (no
real public figure), the rounds of talks, numbers and positions come from a seeded
random schedule. What is realistic is the *shape* of the text, so that every extractor
has work: page furniture (headline, byline, outlet, date lines in several formats),
people with titles who recur across a track's articles (full name first, surname
later), dated events in absolute and relative forms, quantities with units, and
sentences where a side demands, proposes, rejects or agrees to something.

Determinism: only `random.Random` seeded with strings (seeded through SHA-512, so
PYTHONHASHSEED has no effect), no clock, no iteration over sets. The "world" (tracks,
people, schedules) depends on the seed alone, and article k on the seed and k alone, so
a corpus of 1,600 articles starts with the same 100 articles as a corpus of 100.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

MARKER = ".synthetic-corpus"  # written into every folder this tool fills; others are never touched
OUR_FILE = re.compile(r"^\d{4,}_[a-z0-9-]+_\d{4}-\d\d-\d\d\.txt$")
WORDS_MIN, WORDS_MAX = 350, 700

# --- parties ---------------------------------------------------------------------------
# name as written mid-sentence, adjective, capital (or seat), pool of personal names.
# Demonyms are the usual English ones, even where Parley's tables spell them otherwise.
_PARTY_ROWS = """\
Armenia|Armenian|Yerevan|armenian
Azerbaijan|Azerbaijani|Baku|azerbaijani
Serbia|Serbian|Belgrade|serbian
Kosovo|Kosovar|Pristina|albanian
Sudan|Sudanese|Port Sudan|sudanese
South Sudan|South Sudanese|Juba|south_sudanese
India|Indian|New Delhi|indian
Pakistan|Pakistani|Islamabad|pakistani
Ethiopia|Ethiopian|Addis Ababa|habesha
Eritrea|Eritrean|Asmara|habesha
Colombia|Colombian|Bogotá|hispanic
Venezuela|Venezuelan|Caracas|hispanic
Thailand|Thai|Bangkok|thai
Cambodia|Cambodian|Phnom Penh|khmer
Peru|Peruvian|Lima|hispanic
Ecuador|Ecuadorian|Quito|hispanic
Kyrgyzstan|Kyrgyz|Bishkek|central_asian
Tajikistan|Tajik|Dushanbe|central_asian
Rwanda|Rwandan|Kigali|rwandan
DR Congo|Congolese|Kinshasa|congolese
Somalia|Somali|Mogadishu|somali
Kenya|Kenyan|Nairobi|kenyan
Guyana|Guyanese|Georgetown|caribbean
Egypt|Egyptian|Cairo|egyptian
Morocco|Moroccan|Rabat|maghrebi
Algeria|Algerian|Algiers|maghrebi
Afghanistan|Afghan|Kabul|afghan
Bolivia|Bolivian|La Paz|hispanic
Chile|Chilean|Santiago|hispanic
Belize|Belizean|Belmopan|caribbean
Guatemala|Guatemalan|Guatemala City|hispanic
Nicaragua|Nicaraguan|Managua|hispanic
Costa Rica|Costa Rican|San José|hispanic
Cameroon|Cameroonian|Yaoundé|cameroonian
Nigeria|Nigerian|Abuja|nigerian
Honduras|Honduran|Tegucigalpa|hispanic
El Salvador|Salvadoran|San Salvador|hispanic
Switzerland|Swiss|Geneva|european
the European Union|EU|Brussels|european
the African Union|AU|Addis Ababa|panafrican
Saudi Arabia|Saudi|Riyadh|gulf
Qatar|Qatari|Doha|gulf
Brazil|Brazilian|Brasília|brazilian
Malaysia|Malaysian|Kuala Lumpur|malay
Mexico|Mexican|Mexico City|hispanic
Kazakhstan|Kazakh|Astana|central_asian
Angola|Angolan|Luanda|brazilian
Turkey|Turkish|Istanbul|turkish
the United Nations|UN|Geneva|european
Oman|Omani|Muscat|gulf
Norway|Norwegian|Oslo|european
Finland|Finnish|Helsinki|european
Ghana|Ghanaian|Accra|ghanaian"""

# side A | side B | mediator | venue | disputed area | frontier | coverage weight
_TRACK_ROWS = """\
Armenia|Azerbaijan|Switzerland|Geneva|the border villages of Tavush|the shared border|9
Serbia|Kosovo|the European Union|Brussels|the northern municipalities|the administrative boundary line|8
Sudan|South Sudan|the African Union|Addis Ababa|the Abyei area|the oil-rich border belt|7
India|Pakistan|Saudi Arabia|Riyadh|the Line of Control|the Line of Control|7
Ethiopia|Eritrea|Qatar|Doha|the Badme plain|the common frontier|6
Colombia|Venezuela|Brazil|Brasília|the Catatumbo border region|the river frontier|5
Thailand|Cambodia|Malaysia|Kuala Lumpur|the temple districts|the disputed border|5
Peru|Ecuador|Mexico|Mexico City|the Cordillera del Cóndor|the mountain border|4
Kyrgyzstan|Tajikistan|Kazakhstan|Astana|the Batken enclaves|the Fergana border|4
Rwanda|DR Congo|Angola|Luanda|North Kivu|the eastern frontier|4
Somalia|Kenya|Turkey|Istanbul|the Jubaland frontier|the land border|3
Guyana|Venezuela|the United Nations|Geneva|the Essequibo region|the western boundary|3
Egypt|Ethiopia|Oman|Muscat|the Blue Nile basin|the river basin|3
Morocco|Algeria|Norway|Oslo|the Figuig oasis|the closed border|2
Afghanistan|Pakistan|Qatar|Doha|the Torkham crossing|the Durand Line|2
Bolivia|Chile|Finland|Helsinki|the Silala springs|the Andean border|2
Belize|Guatemala|the United Nations|Geneva|the Sarstoon River|the adjacency line|2
Nicaragua|Costa Rica|Switzerland|Geneva|the San Juan River|the river border|2
Cameroon|Nigeria|Ghana|Accra|the Bakassi peninsula|the maritime boundary|2
Honduras|El Salvador|Norway|Oslo|the Gulf of Fonseca|the land and sea boundary|1"""

# --- invented names ----------------------------------------------------------------------
# first names (men ; women) and surnames per pool. Surnames are drawn without
# replacement across the whole world, so a surname is one person: cross-article
# resolution has a right answer. The pools were drawn clear of data/leaders.csv when it
# listed some 70 states and of other famous officials' surnames; since the table lists
# every state, a few (Medina, Vargas, Marković, Saidov...) name a real holder, which the
# benchmark, timing Parley rather than scoring it, does not mind.
_NAME_POOLS = {
    "armenian": ("Aram Hovhannes Gevorg Vahe Levon Narek Suren Davit Artak Hayk Samvel ; Anahit Lilit Nune Gayane Siranush Ani Tatevik Mariam",
                 "Avetisyan Hakobyan Melkonyan Ghazaryan Sahakyan Manukyan Baghdasaryan Harutyunyan Stepanyan Vardanyan Mkrtchyan Galstyan Yeghiazaryan Torosyan Asatryan Nersisyan Danielyan Zakaryan"),
    "azerbaijani": ("Elchin Rashad Farid Tural Vugar Kamran Orkhan Ilgar Nijat Emin Samir Anar ; Aysel Leyla Gunel Nargiz Sevinj Aynur Konul Lala",
                    "Mammadli Huseynov Rzayev Abbasov Ismayilov Babayev Hasanli Mustafayev Jafarov Nasirli Safarov Talibov Valiyev Zeynalov Gasimov Suleymanli Orujov"),
    "serbian": ("Dragan Milos Nenad Stefan Nikola Bojan Dejan Goran Zoran Vuk ; Jelena Milica Ivana Snežana Tamara Dragana Marija",
                "Petrović Jovanović Marković Stojanović Ilić Pavlović Kostić Radovanović Milenković Todorović Lazić Živković Savić Nedeljković Ristić"),
    "albanian": ("Arben Besnik Driton Fatmir Gëzim Ilir Valon Agron Blerim Luan ; Arta Blerta Donika Teuta Lirije Mimoza Fjolla",
                 "Krasniqi Gashi Shala Morina Rexhepi Bytyqi Kelmendi Limani Hyseni Sopi Zeka Musliu Ramadani Halili"),
    "sudanese": ("Omar Khalid Ahmed Osman Tarek Hisham Walid Mustafa Babiker Yasir ; Amal Huda Samira Salma Hanan Nafisa Sara",
                 "Abuzeid Abdelrahman el-Tayeb el-Amin Mahgoub el-Khatim Fadlallah Wadidi el-Nour Bashir-Ahmed Mirghani Suliman"),
    "south_sudanese": ("Majok Mabior Akol Lual Kuol Malual Bol Mayen Atem ; Nyandeng Achol Abuk Ayen Nyakim Adut",
                       "Akech Chol Majak Ajak Dut Mading Thon Wol Madut Aguer Bior Kuany"),
    "indian": ("Arvind Rohan Vikram Sanjay Anil Rajesh Suresh Manoj Deepak Nikhil ; Priya Anjali Meera Kavita Sunita Nandini Lakshmi Pooja",
               "Iyer Menon Kulkarni Deshpande Chaturvedi Bhatnagar Srinivasan Pillai Mehrotra Banerjee Saxena Trivedi Rangarajan Venkataraman"),
    "pakistani": ("Tariq Faisal Asad Bilal Usman Hamza Zubair Adnan Sohail Danish ; Ayesha Farah Sana Nadia Rabia Hina Saima Mehwish",
                  "Minhas Siddiqui Chaudhry Paracha Mirza Bukhari Gillani Hashmi Kazmi Rana Awan Javed Shaikh Durrani"),
    "afghan": ("Farhad Habib Najib Wahid Zalmai Mirwais Nasir Rahim Sayed ; Fereshta Shukria Zarghuna Parwana Nilofar",
               "Popal Ahmadzai Karimi Rahimi Safi Sultani Noori Hotak Barakzai Mohmand Alokozai"),
    "habesha": ("Dawit Tesfaye Getachew Yonas Bereket Mulugeta Alemayehu Solomon Girma Yemane ; Meseret Tigist Hiwot Selam Almaz Mahlet Rahel",
                "Bekele Tadesse Wolde Gebremedhin Asfaw Desta Abebe Kebede Worku Ayele Lemma Hailu Tekle Berhane Tesfamariam Ghebremichael Habte Woldemariam Kidane"),
    "somali": ("Abdirahman Abdullahi Hassan Yusuf Abdikadir Farah Mohamud ; Fadumo Hodan Sahra Amina Ifrah Khadra Asha",
               "Warsame Jama Duale Egal Hashi Nur Samatar Guled Aden Dirie Elmi Gedi"),
    "kenyan": ("Peter James Samuel Joseph Daniel Brian Kevin Geoffrey ; Grace Faith Mercy Akinyi Njeri Achieng Wairimu",
               "Otieno Mwangi Kamau Wekesa Kiprop Chebet Onyango Njoroge Wafula Kariuki Wambua Korir Nyaga Odhiambo Muriuki Barasa"),
    "hispanic": ("Alejandro Andrés Carlos Diego Eduardo Felipe Gabriel Javier Jorge Luis Manuel Mateo Pablo Rafael Ricardo Sebastián Tomás Camilo Esteban Hernán Ignacio Julián Marcelo Óscar ; "
                 "Ana Beatriz Camila Carolina Daniela Elena Fernanda Gabriela Isabel Julia Lucía Mariana Natalia Paula Sofía Valentina Verónica Ximena Lorena Adriana Paola",
                 "Acosta Aguirre Alvarado Arango Arriaga Barrientos Bermúdez Betancur Bustamante Cabrera Calderón Camacho Cárdenas Carrasco Castañeda Cifuentes "
                 "Contreras Córdoba Cuéllar Delgado Echeverría Espinoza Figueroa Fuentes Galindo Gallardo Garzón Guerrero Guzmán Herrera Ibarra Jaramillo Lara "
                 "Leiva Londoño Lozano Maldonado Manrique Medina Mejía Miranda Molina Montoya Navarro Núñez Ochoa Olivares Orozco Ospina Palacios Paredes "
                 "Pineda Quintero Quiroga Rengifo Restrepo Ríos Robles Rojas Salazar Sandoval Santamaría Sepúlveda Serrano Solís Sotomayor Tapia "
                 "Urrutia Valencia Vallejo Vargas Velasco Vera Villalobos Zambrano Zapata Zúñiga Benavides Cornejo Echenique Irigoyen Larrea Mendieta "
                 "Saavedra Bolaños Chacón Obando Solórzano Aparicio"),
    "caribbean": ("Devon Marlon Trevor Ravindra Clive Dwayne Andre Winston ; Shondell Natasha Indira Sharmila Yolanda Marcia",
                  "Persaud Ramdass Bacchus Greenidge Hinds Sooklall Carrington Headley Lashley Gentle Ramcharan Tillett Usher Gillett"),
    "thai": ("Somchai Anan Prasert Chaiwat Thanakorn Wichai Kittisak Surasak ; Siriporn Nattaya Kanokwan Pimchanok Supaporn Wanida",
             "Wongsakul Chaiyaporn Srisuk Thongdee Rattanakul Phongsri Kaewmanee Saengthong Boonyarit Jitprasert Intharachai Sombatpanit"),
    "khmer": ("Vuthy Chanthy Dara Rithy Sovann Pisey Sothea Vannak ; Sreymom Chenda Bopha Sophea Kunthea Raksmey",
              "Chea Keo Meas Ouk Nhem Touch Sim Phan Chhay Yim Khiev Lim"),
    "central_asian": ("Azamat Bakyt Nurlan Ulan Temir Rustam Farrukh Jamshed Sherzod Daler Bakhtiyor ; Aigerim Gulnara Dilnoza Madina Zarina Nigora Aizhan",
                      "Abdyldaev Toktogulov Sadykov Mamatov Osmonaliev Zhumabekov Rahimov Nazarov Sharipov Qodirov Davlatov Saidov Yusupov Kenzhebekov Akhmetov Sultanbekov"),
    "rwandan": ("Emmanuel Olivier Innocent Eric Claude Theogene Fabrice ; Claudine Esperance Diane Solange Josiane Aline",
                "Habimana Uwimana Niyonzima Mugisha Bizimana Hakizimana Ndayisaba Mukamana Nshimiyimana Munyaneza Gatera Rugamba"),
    "congolese": ("Jean-Marie Didier Christophe Serge Fiston Guylain Trésor Aimé ; Nadine Gisèle Bijou Chantal Rachel Mireille",
                  "Mukendi Kabongo Tshimanga Lukusa Mbuyi Banza Ngoy Kasongo Lumbala Nzuzi Mputu Kabeya Mulumba Kazadi"),
    "cameroonian": ("Jean Marcel Alain Hervé Thierry Christian Ernest ; Brigitte Pauline Martine Cécile Sandrine",
                    "Nkoulou Mbarga Essomba Owona Atangana Fotso Tchoungui Ngono Ebode Mballa Kamga Djoko"),
    "nigerian": ("Chukwuemeka Oluwaseun Babatunde Ibrahim Musa Emeka Adebayo Tunde Aliyu ; Funmilayo Chiamaka Aisha Zainab Folake Hadiza Adaeze",
                 "Okafor Adeyemi Balogun Eze Nwosu Okonkwo Danjuma Ogunleye Olawale Ibekwe Adewale Lawal Umaru Onyekachi"),
    "ghanaian": ("Kwame Kofi Kwabena Yaw Kojo Nana ; Ama Akosua Abena Efua Adwoa",
                 "Mensah Owusu Boateng Asante Osei Agyeman Darko Appiah Quaye Addo"),
    "egyptian": ("Karim Hisham Sherif Amr Tamer Hazem Wael ; Dalia Rania Noha Yasmin Mona",
                 "Naguib Shafik Soliman Badawi Ghoneim Abdelaziz Hegazy Zaki Farouk Shawky"),
    "maghrebi": ("Youssef Karim Nabil Mehdi Amine Rachid Sofiane Hicham ; Leila Nadia Imane Souad Khadija Meriem",
                 "Bennani Alaoui Tazi Berrada Benali Belkacem Haddad Mansouri Zerrouki Khelifi Bouzid Hamdi Amrani Chraibi"),
    "gulf": ("Hamad Rashid Faisal Mansour Nasser Turki Saif ; Noura Maryam Hessa Latifa Aisha",
             "Al-Kuwari Al-Marri Al-Sulaiti Al-Harthy Al-Balushi Al-Ghamdi Al-Otaibi Al-Qahtani Al-Shehri Al-Zahrani Al-Rawahi Al-Hajri"),
    "brazilian": ("João Rodrigo Thiago Bruno Gustavo Vinícius Nelson ; Renata Juliana Luana Patrícia Beatriz",
                  "Albuquerque Carvalho Bittencourt Moreira Nogueira Teixeira Siqueira Andrade Barbosa Cavalcanti Macedo Pinheiro"),
    "malay": ("Budi Agus Hendra Rizal Arif Hafiz Azman ; Dewi Ratna Indah Nurul Siti",
              "Santoso Wibowo Hidayat Kurniawan Saputra Nugroho Rosli Harjono Rahman Setiadi"),
    "turkish": ("Emre Murat Serkan Kerem Burak Volkan Tolga ; Elif Zeynep Ayşe Derya Esra Selin",
                "Yılmaz Demir Çelik Aydın Öztürk Arslan Doğan Kılıç Aslan Çetin Korkmaz Karaca Özdemir Şahin Uysal Tekin Erdem Güler"),
    "european": ("Henrik Lars Magnus Anders Jonas Matthias Lukas Pierre Étienne Marco Pieter Thomas ; Ingrid Sigrid Kari Astrid Annika Claudia Sophie Élodie Chiara Katrin Marit Eva",
                 "Halvorsen Lunde Brekke Hauge Aasland Tveit Fjeld Brunner Keller Gerber Steiner Baumann Meier Koskinen Virtanen Lindqvist Nyberg Hakala "
                 "Ferraro Bianchi Dubois Lefèvre Moreau Girard Vermeulen Jansen Kowalczyk Horvat Schneider Hoffmann Lindgren Berggren"),
    "anglo": ("Michael Daniel Oliver Samuel Nathan George Patrick Simon Robert Edward ; Rachel Hannah Emily Laura Catherine Sarah Rebecca Helen Alice Fiona",
              "Whitaker Hollis Pemberton Ashworth Caldwell Fairbanks Langley Mercer Thornton Whitfield Ellison Harcourt Kendrick Lockwood Prescott Rowland "
              "Sinclair Templeton Underwood Winslow Bradshaw Carver Dalton Everett Fenwick Gallagher Hargreaves Jennings Kingsley Lambert Osborne Radcliffe "
              "Sutton Vaughan Yates Blackwood Crawley Dunmore Elwood Fairley Garland Holloway"),
}
# Where a pool runs dry, names come from related pools, then from the international ones.
_FALLBACK = {"panafrican": ["ghanaian", "kenyan", "nigerian", "cameroonian"], "sudanese": ["egyptian"], "habesha": ["somali"],
             "hispanic": ["brazilian"], "gulf": ["egyptian", "maghrebi"], "european": ["anglo"]}
_FEMININE_SUFFIX = {"azerbaijani", "central_asian"}  # Huseynov -> Huseynova for women

# --- outlets (invented; none is in Parley's table of real outlets) -----------------------
_OUTLETS = [  # name, regions it covers (parties' name pools), pool of its reporters
    ("Caspian Herald", {"armenian", "azerbaijani", "central_asian"}, "european"),
    ("Danube Observer", {"serbian", "albanian"}, "european"),
    ("Nile Valley Tribune", {"sudanese", "south_sudanese", "egyptian", "habesha"}, "anglo"),
    ("Subcontinent Daily", {"indian", "pakistani", "afghan"}, "anglo"),
    ("Red Sea Monitor", {"habesha", "somali", "kenyan", "sudanese"}, "kenyan"),
    ("Andes Morning Post", {"hispanic", "caribbean"}, "hispanic"),
    ("Mekong Chronicle", {"thai", "khmer"}, "anglo"),
    ("Steppe Gazette", {"central_asian"}, "anglo"),
    ("Great Lakes Journal", {"rwandan", "congolese", "cameroonian", "nigerian"}, "anglo"),
    ("Atlas Maghreb Review", {"maghrebi", "egyptian"}, "european"),
    ("Isthmus Times", {"hispanic", "caribbean"}, "hispanic"),
    ("Indus Monitor", {"pakistani", "afghan", "indian"}, "anglo"),
    ("Meridian News Agency", set(), "anglo"),
    ("Global Affairs Weekly", set(), "anglo"),
    ("The Continental Review", set(), "european"),
    ("Harbourline Post", set(), "anglo"),
]
_INSTITUTES = ["the Centre for Mediation Studies", "the Institute for Border Affairs", "the Halvard Peace Research Group",
               "the Lisbon Forum on Conflict", "the Atlas Policy Institute", "the Meridian Security Project", "the Graduate School of Diplomacy in Vienna",
               "the Southern Dialogue Foundation", "the Council on Regional Stability", "the Northbridge Institute"]

MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
NUMBER_WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()
ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth".split()


@dataclass(frozen=True)
class Party:
    name: str  # as written mid-sentence: "Armenia", "the African Union"
    adj: str  # "Armenian", "AU"
    capital: str
    pool: str

    @property
    def cap(self) -> str:
        return self.name[0].upper() + self.name[1:]

    @property
    def poss(self) -> str:
        return self.name + ("'" if self.name.endswith("s") else "'s")

    @property
    def is_state(self) -> bool:
        return not self.name.startswith("the ")


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    woman: bool
    party: Party | None  # None for analysts, who speak for no side
    role: str  # foreign_minister, defence, spokesperson, negotiator, military, legal, envoy, analyst
    affiliation: str = ""  # an analyst's institute, a general's rank

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(frozen=True)
class Milestone:
    date: dt.date
    kind: str  # round, technical, exchange, ceasefire, clash, ministers, draft, suspended, resumed, summit, monitors, signing
    ordinal: int  # which round of talks this is (or the latest one, for other kinds)
    number: int  # prisoners freed, people killed, monitors deployed... as most outlets report it


@dataclass
class Track:
    a: Party
    b: Party
    mediator: Party
    venue: str
    area: str
    frontier: str
    weight: int
    people: dict[str, list[Person]] = field(default_factory=dict)  # party name -> its people in these talks
    schedule: list[Milestone] = field(default_factory=list)
    stances: dict[tuple[str, str], str] = field(default_factory=dict)  # (party name, issue) -> usual stance


@dataclass
class World:
    tracks: list[Track]
    analysts: list[Person]
    reporters: dict[str, list[str]]  # outlet -> bylines


# --- the world: depends on the seed only -------------------------------------------------


class _NameDrawer:
    """Distinct invented names: each surname is used once in the whole world."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.left = {pool: rng.sample(surnames.split(), len(surnames.split())) for pool, (_, surnames) in _NAME_POOLS.items()}

    def draw(self, pool: str) -> tuple[str, str, bool]:
        chain = [pool, *_FALLBACK.get(pool, []), "european", "anglo", *_NAME_POOLS]
        source = next(p for p in chain if p in _NAME_POOLS and self.left[p])
        first_pool = pool if pool in _NAME_POOLS else source
        men, women = (part.split() for part in _NAME_POOLS[first_pool][0].split(";"))
        woman = self.rng.random() < 0.35
        first = self.rng.choice(women if woman else men)
        last = self.left[source].pop()
        if woman and source in _FEMININE_SUFFIX and re.search(r"(ov|ev|in)$", last):
            last += "a"
        return first, last, woman


def _parties() -> dict[str, Party]:
    rows = [line.split("|") for line in _PARTY_ROWS.splitlines()]
    return {name: Party(name, adj, capital, pool) for name, adj, capital, pool in rows}


@functools.lru_cache(maxsize=4)
def build_world(seed: int) -> World:
    rng = random.Random(f"parley-synthetic:{seed}:world")
    parties = _parties()
    names = _NameDrawer(rng)

    def person(party: Party | None, role: str, pool: str, affiliation: str = "") -> Person:
        first, last, woman = names.draw(pool)
        return Person(first, last, woman, party, role, affiliation)

    # Officials of a state or organisation serve every track it is part of; a mediator
    # sends diplomats, a party to a dispute its defence ministry too.
    disputants = {row.split("|")[i] for row in _TRACK_ROWS.splitlines() for i in (0, 1)}
    officials: dict[str, list[Person]] = {}
    for party in parties.values():
        if party.name in disputants:
            roles = ["foreign_minister", "defence", "spokesperson"]
        else:
            roles = ["foreign_minister", "spokesperson"] if party.is_state else ["envoy", "spokesperson"]
        officials[party.name] = [person(party, role, party.pool) for role in roles]

    tracks = []
    for row in _TRACK_ROWS.splitlines():
        a, b, mediator, venue, area, frontier, weight = row.split("|")
        track = Track(parties[a], parties[b], parties[mediator], venue, area, frontier, int(weight))
        for side in (track.a, track.b):
            ranks = ["General", "Major General", "Colonel", "Lieutenant General"]
            team = [person(side, "negotiator", side.pool), person(side, "military", side.pool, rng.choice(ranks)),
                    person(side, "legal", side.pool)]
            track.people[side.name] = officials[side.name] + team
        track.people[track.mediator.name] = officials[track.mediator.name] + [person(track.mediator, "envoy", track.mediator.pool)]
        track.schedule = _schedule(rng)
        for side in (track.a, track.b, track.mediator):
            for issue in ISSUES:
                track.stances[(side.name, issue)] = rng.choice(["demands", "demands", "proposes", "rejects", "agrees"])
        tracks.append(track)

    analysts = [person(None, "analyst", rng.choice(["anglo", "european", "indian", "hispanic", "kenyan"]), rng.choice(_INSTITUTES))
                for _ in range(24)]
    reporters = {name: [" ".join(names.draw(pool)[:2]) for _ in range(3)] for name, _, pool in _OUTLETS}
    return World(tracks, analysts, reporters)


def _schedule(rng: random.Random) -> list[Milestone]:
    """A track's season: a first round somewhere in 2024, then a milestone every few weeks."""
    kinds = ["round"] * 5 + ["technical"] * 2 + ["exchange"] * 2 + ["ministers", "ceasefire", "clash", "draft", "suspended",
                                                                       "summit", "monitors", "signing"]
    day = dt.date(2024, 1, 8) + dt.timedelta(days=rng.randint(0, 300))
    milestones, round_no = [Milestone(day, "round", 1, 0)], 1
    while True:
        day += dt.timedelta(days=rng.randint(18, 60))
        if day > dt.date(2026, 11, 30):
            return milestones
        kind = "resumed" if milestones[-1].kind == "suspended" else rng.choice(kinds)
        round_no += kind in ("round", "resumed")
        number = {"exchange": rng.randint(12, 600), "clash": rng.randint(2, 40), "monitors": rng.randint(20, 250)}.get(kind, 0)
        milestones.append(Milestone(day, kind, round_no, number))


# --- the things sides take positions on --------------------------------------------------
# Noun phrases Parley's codebook recognises; {area}, {frontier}, {mediator} are the track's.
ISSUES = {
    "ceasefire": ["a ceasefire", "an immediate ceasefire", "a permanent ceasefire along {frontier}", "a truce covering {area}",
                  "a halt to the fighting", "a {days}-day ceasefire", "a cessation of hostilities"],
    "prisoners": ["the release of prisoners", "an exchange of prisoners", "a prisoner swap", "the release of all detainees",
                  "the return of prisoners of war", "an all-for-all exchange of captives"],
    "humanitarian": ["humanitarian corridors", "safe passage for aid convoys", "humanitarian access to {area}",
                     "the return of displaced families", "aid deliveries across {frontier}"],
    "territory": ["the withdrawal of troops from {area}", "a buffer zone along {frontier}", "the demarcation of the border",
                  "a pullback of forces from the front line", "control over {area}"],
    "sanctions": ["the lifting of sanctions", "sanctions relief", "new tariffs on cross-border trade", "an end to trade restrictions",
                  "the removal of import duties"],
    "monitoring": ["international monitors", "an observer mission", "a joint monitoring mechanism", "monitoring by {mediator}",
                   "verification by international observers"],
    "security_guarantees": ["security guarantees", "binding security guarantees", "a non-aggression pact",
                            "written guarantees for border communities", "a peacekeeping force in {area}"],
    "leaders_meeting": ["a summit", "a meeting of the two presidents", "a leaders' summit in {venue}",
                        "direct talks between the presidents", "a face-to-face meeting of the leaders"],
}
ISSUE_SHORT = {"ceasefire": "truce", "prisoners": "prisoner swap", "humanitarian": "aid corridors", "territory": "troop pullback",
               "sanctions": "sanctions relief", "monitoring": "monitoring mission", "security_guarantees": "security guarantees",
               "leaders_meeting": "summit"}
# Stance verbs that take the issue's noun phrase as their object; simple past, so that
# "have {verb}" also reads as English.
STANCE_VERBS = {
    "demands": ["demanded", "called for", "insisted on", "pressed for", "pushed for", "asked for"],
    "proposes": ["proposed", "offered", "put forward a plan for", "suggested", "tabled a proposal for", "floated"],
    "rejects": ["rejected", "ruled out", "turned down", "dismissed calls for", "refused to accept", "objected to"],
    "agrees": ["agreed to", "accepted", "signed up to", "endorsed", "committed to", "approved"],
}
STANCE_QUOTES = {  # an official's own words: the side comes from the speaker
    "demands": ['"There can be no agreement without {issue}," {subject} said.', '"We insist on {issue}, and we will keep insisting," said {speaker}.'],
    "proposes": ['"We are ready to discuss {issue} at the next session," {subject} said.', '"Our offer of {issue} is still on the table," said {speaker}.'],
    "rejects": ['"We will never accept {issue} under these conditions," {subject} said.', '"{issue_cap} is a red line for us," said {speaker}.'],
    "agrees": ['"We have agreed to {issue}, and we will honour that," {subject} said.', '"Our government accepts {issue}," said {speaker}.'],
}

# --- sentence templates ------------------------------------------------------------------
# Slots in braces are filled per sentence (see ArticleWriter.slot); S/V/I are the
# position's subject, verb and issue, O/W/J the other side's.
POSITION_TEMPLATES = [
    "{S} {V} {I}{when}.",
    "{S} {V} {I}, said {S_speaker}.",
    "In {venue}, {S} {V} {I} and {V2} {I2}.",
    "{S} {V} {I}, while {O} {W} {J}.",
    "Speaking after the session, {S_person} said {S} {V} {I}.",
    "{S_person} told reporters that {S} had {V} {I}{when}.",
    "{S}, for its part, {V} {I}.",
    "Diplomats said {S} {V} {I} in exchange for {I2}.",
    "Officials in {S_capital} have {V} {I}, diplomats said.",
    "{S} again {V} {I}, a position it has held since {since}.",
    "At the latest session, {S} {V} {I}; {O} {W} {J} the same day.",
    "{S} {V} {I} as part of a wider package, the {mediator_adj} mediators said.",
    "A statement from {S_capital} said {S} {V} {I}.",
    "{S} also {V} {I2}, two people familiar with the talks said.",
]
LEDE_TEMPLATES = [  # the story's news: the latest milestone
    "{clause_cap} {date}.",
    "{date_cap}, {clause}.",
    "{clause_cap} {date}, {aftermath}.",
    "{clause_cap} {date}, according to a statement from {mediator}.",
]
EVENT_TEMPLATES = [  # {clause}: what happened; {date}: when
    "{clause_cap} {date}.",
    "{date_cap}, {clause}.",
    "{clause_cap} {date}, according to a statement from {mediator}.",
    "Diplomats noted that {clause} {date}.",
    "The latest step came after {clause} {date}.",
    "Before that, {clause} {date}, {aftermath}.",
    "{clause_cap} {date}, {aftermath}.",
]
FUTURE_TEMPLATES = [
    "The next round is expected {future}, {M_subject} said.",
    "Negotiators from {A} and {B} are due to meet again {future}.",
    "{mediator_cap} has invited both delegations back to {venue} {future}.",
    "A follow-up meeting on {topic} is planned for {future_noun}.",
]
EARLIER_TEMPLATES = [  # a second event dated relative to the one before it
    "{n_days_cap} days earlier, {minor}.",
    "{n_days_cap} days before that, {minor}.",
]
MINOR_EVENTS = ["the two foreign ministers had spoken by telephone", "the {mediator_adj} envoy had visited {A_capital} and {B_capital}",
                "{A} had released {small} detainees as a goodwill gesture", "a shooting incident near {frontier} had raised tensions",
                "technical experts had met in {venue} to prepare the session"]
QUANTITY_TEMPLATES = [
    "The exchange freed {prisoners} prisoners, {small} of them civilians.",
    "Under the proposal, forces would pull back {km} kilometres from {frontier} within {days} days.",
    "Some {troops} troops are stationed along the {km_long}-kilometre frontier, according to {mediator_adj} estimates.",
    "{mediator_cap} has pledged {money} for reconstruction in {area} once a deal is signed.",
    "Since the fighting began, about {people} people have been displaced from {area}.",
    "A convoy of {trucks} trucks of aid reached {area} this week, the first in {weeks_word} weeks.",
    "Cross-border trade has fallen by {pct} percent since the talks began.",
    "Under the draft, each side would have {hours_range} hours to answer any reported violation.",
    "The session in {venue} lasted {hours} hours, {hours_word} hours longer than planned.",
    "Delegates have now held {rounds_word} rounds of talks without agreeing a final text.",
    "The proposed observer mission would number between {lo} and {hi} monitors.",
    "{A} says {missing} of its citizens are still missing, while {B} puts its own figure at {missing2}.",
    "Tariffs of up to {pct}% now apply to goods crossing {frontier}.",
    "The draft envisages a demilitarised strip {km} km wide, officials said.",
    "Officials in {A_capital} estimate the cost of rebuilding damaged villages at {money}.",
]
QUOTE_LINES = ["We came to {venue} to find solutions, not to repeat old positions", "Nothing is agreed until everything is agreed",
               "The door to dialogue remains open, but our patience is not unlimited", "This is a step forward, but only a step",
               "Our people expect results, not communiqués", "We will judge the other side by its actions",
               "There is still a long way to go", "The text on the table is a serious basis for work",
               "We have narrowed the gaps on several points", "Every week without a settlement costs us dearly",
               "We are in no hurry to sign a bad deal", "The mood in the room was businesslike", "We expect the mediators to stay impartial",
               "The technical work is largely done; what remains is political"]
# {subject}: a person followed by a verb (an appositive closes with a comma); {speaker}: at the end.
QUOTE_TEMPLATES = ['"{quote}," {subject} said.', '"{quote}," said {speaker}.', '{subject} said: "{quote}."',
                   '"{quote}," {subject} told journalists in {venue}.']
ANALYST_LINES = ["Both sides need a result they can sell at home", "The mediators have done the hard part; now it is up to the capitals",
                 "A deal on prisoners is the easiest place to start", "The real question is who will verify whatever is signed",
                 "Neither government has prepared its public for compromise", "Momentum matters more than any single clause"]
ANALYST_TEMPLATES = ['"{quote}," said {analyst}.', 'According to {analyst}, the {venue} format has given both sides "room to test ideas without committing".',
                     '{analyst_subject} said the talks had reached "a delicate stage".']
BACKGROUND = [
    "Relations between {A} and {B} have been strained for years over {area}.",
    "The dispute over {area} dates back decades and has defied several earlier attempts at mediation.",
    "Communities living near {frontier} say they have seen little change on the ground.",
    "Earlier rounds produced statements of intent but few concrete steps.",
    "Opposition parties in {A_capital} accuse the government of conceding too much.",
    "In {B_capital}, state media gave the talks only brief coverage.",
    "Diplomats describe the atmosphere between the delegations as cautious but correct.",
    "Neither government has published the full text of the proposals under discussion.",
    "Domestic politics on both sides limit the room for compromise, diplomats say.",
    "{mediator_cap} has hosted most of the sessions and has kept its own role deliberately low-key.",
]
HEADLINES = [
    "{A}, {B} agree to new round of talks in {venue}", "{A} rejects {short} as talks with {B} stall",
    "{mediator_cap} floats {short} to end {A}-{B} standoff", "Prisoner swap lifts hopes of {A}-{B} deal",
    "{B_adj} negotiators walk out of {venue} talks", "{A} and {B} edge closer to deal on {short}",
    "Talks over {area} resume in {venue}", "What we know about the {A}-{B} talks in {venue}",
    "{A_adj} and {B_adj} delegations meet again amid doubts over {short}", "{mediator_adj} envoy shuttles between {A_capital} and {B_capital}",
    "{B} says {short} must come first", "No breakthrough on {short} as {venue} session ends",
]
BULLET_INTROS = ["{S_poss} proposal, as presented in {venue}, includes:", "{S} set out its conditions:",
                 "According to a copy seen by reporters, {S} called for:", "The {S_adj} delegation put forward the following points:"]
AFTERMATHS = ["the first such step in months", "a move welcomed in both capitals", "officials on both sides confirmed",
              "a development few had expected", "according to people briefed on the talks"]
TOPICS = ["border demarcation", "water sharing", "the return of displaced families", "cross-border trade", "the exchange of maps"]


def _clauses(kind: str) -> list[str]:
    """What a milestone of this kind says happened (slots as in the templates)."""
    return {
        "round": ["{A} and {B} held their {ordinal} round of talks in {venue}", "negotiators from {A} and {B} met in {venue} for a {ordinal} round of talks",
                  "the {ordinal} round of {mediator_adj}-mediated talks opened in {venue}"],
        "technical": ["technical teams from both sides met in {venue} to discuss {topic}", "a joint border commission convened in {venue}"],
        "exchange": ["{A} and {B} exchanged {number} prisoners", "a prisoner exchange freed {number} detainees from each side"],
        "ceasefire": ["a ceasefire along {frontier} took effect", "a truce brokered by {mediator} came into force"],
        "clash": ["clashes along {frontier} killed {number} soldiers", "fighting flared near {area}, killing {number} people"],
        "ministers": ["the foreign ministers of {A} and {B} met in {venue}", "the two foreign ministers held talks in {venue}"],
        "draft": ["{mediator} presented a draft framework agreement to both delegations", "mediators from {mediator} circulated a draft text"],
        "suspended": ["{B} suspended its participation in the talks", "the talks in {venue} broke down"],
        "resumed": ["talks resumed in {venue} after a pause", "the two delegations returned to the table in {venue}"],
        "summit": ["the leaders of {A} and {B} met in {venue}", "a summit of the two presidents took place in {venue}"],
        "monitors": ["the first {number} international monitors arrived near {area}", "an observer mission of {number} monitors began patrols near {area}"],
        "signing": ["{A} and {B} signed a memorandum on {topic}", "the two sides signed an agreement on {topic} in {venue}"],
    }[kind]


# --- dates as articles write them ----------------------------------------------------------


def _absolute(day: dt.date, rng: random.Random, with_year: bool) -> str:
    month = MONTHS[day.month - 1]
    forms = [f"{day.day} {month} {day.year}", f"{month} {day.day}, {day.year}"] if with_year else [f"{day.day} {month}", f"{month} {day.day}"]
    return rng.choice(forms)


def past_date(day: dt.date, published: dt.date, rng: random.Random) -> str:
    """"on Monday", "last week", "on 14 March", "on March 14, 2025", "in March 2025"."""
    ago = (published - day).days
    if ago == 1 and rng.random() < 0.4:
        return "yesterday"
    if 0 <= ago <= 6:
        return f"on {WEEKDAYS[day.weekday()]}"
    if 7 <= ago <= 13 and rng.random() < 0.5:
        return "last week"
    if rng.random() < 0.15:
        return f"in {MONTHS[day.month - 1]} {day.year}"
    return "on " + _absolute(day, rng, with_year=ago > 200 or rng.random() < 0.4)


def future_date(day: dt.date, published: dt.date, rng: random.Random) -> tuple[str, str]:
    """(adverbial, noun) forms of a coming date: ("next week", "next week"), ("on 2 July", "2 July")."""
    ahead = (day - published).days
    if ahead <= 6:
        return f"on {WEEKDAYS[day.weekday()]}", WEEKDAYS[day.weekday()]
    if ahead <= 13 and rng.random() < 0.5:
        return "next week", "next week"
    if day.month != published.month and ahead <= 45 and rng.random() < 0.3:
        return "next month", "next month"
    text = _absolute(day, rng, with_year=day.year != published.year)
    return f"on {text}", text


def date_line(day: dt.date, rng: random.Random) -> str:
    clock = f"{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}"
    month = MONTHS[day.month - 1]
    return rng.choice([f"{month} {day.day}, {day.year}", f"{day.day} {month} {day.year}", day.isoformat(),
                       f"Updated {clock}, {day.day:02d}-{month[:3]}-{day.year}", f"Published: {WEEKDAYS[day.weekday()]}, {day.day} {month} {day.year}",
                       f"{WEEKDAYS[day.weekday()]} {month} {day.day}, {day.year} {clock} GMT"])


def _number(n: int) -> str:
    """Newsroom style: one to nine in words, larger numbers in figures with commas."""
    return NUMBER_WORDS[n] if 0 < n < 10 else f"{n:,}"


def _spelled(n: int) -> str:
    return NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)


def _cap(text: str) -> str:
    """Capitalise a sentence's first letter, past any opening quote."""
    for i, char in enumerate(text):
        if char.isalpha():
            return text[:i] + char.upper() + text[i + 1:]
    return text


# --- one article -------------------------------------------------------------------------


class _Slots(dict):
    """Fills a template's slots on demand, once per sentence, from the writer."""

    def __init__(self, writer: ArticleWriter, fixed: dict):
        super().__init__(fixed)
        self.writer = writer

    def __missing__(self, name: str) -> str:
        value = self.writer.slot(name, self)
        self[name] = value
        return value


class ArticleWriter:
    """Writes article `index` of the corpus from its own random stream."""

    def __init__(self, world: World, seed: int, index: int):
        self.rng = rng = random.Random(f"parley-synthetic:{seed}:article:{index}")
        self.world = world
        self.index = index
        self.track = track = rng.choices(world.tracks, weights=[t.weight for t in world.tracks])[0]
        # Side A of a sentence is usually the track's first party, but not always: coverage
        # from the other capital leads with the other side.
        self.a, self.b = (track.a, track.b) if rng.random() < 0.6 else (track.b, track.a)
        self.now_index = rng.randint(1, len(track.schedule) - 2)
        self.now = track.schedule[self.now_index]
        gap = (track.schedule[self.now_index + 1].date - self.now.date).days
        self.published = self.now.date + dt.timedelta(days=rng.randint(0, min(3, gap - 1)))
        self.cast = self._choose_cast()
        self.introduced: set[str] = set()  # people already named in full
        self.used: set[str] = set()  # templates and stock lines already in this article

    def choose(self, options: list[str]) -> str:
        """A template or stock line this article has not used yet (any, once all are used)."""
        fresh = [o for o in options if o not in self.used]
        choice = self.rng.choice(fresh or options)
        self.used.add(choice)
        return choice

    def fresh_left(self, options: list[str]) -> bool:
        return any(o not in self.used for o in options)

    # -- people ----------------------------------------------------------------------------

    def _choose_cast(self) -> dict[str, list[Person]]:
        """4 to 12 people: a few from each side, maybe a mediator and an analyst."""
        rng, people = self.rng, self.track.people
        cast = {self.a.name: rng.sample(people[self.a.name], rng.randint(2, 4)),
                self.b.name: rng.sample(people[self.b.name], rng.randint(1, 4)),
                self.track.mediator.name: rng.sample(people[self.track.mediator.name], rng.randint(0, 2)),
                "": rng.sample(self.world.analysts, rng.randint(0, 1))}
        if sum(len(v) for v in cast.values()) < 4:
            cast[self.b.name] = rng.sample(people[self.b.name], 3)
        return cast

    def _role(self, person: Person, before_name: bool) -> str:
        """The title before a name ("Armenian Foreign Minister") or the appositive after it."""
        party, rng = person.party, self.rng
        if person.role == "analyst":
            return rng.choice([f"a senior fellow at {person.affiliation}", f"an analyst at {person.affiliation}"])
        adj, poss = party.adj, party.poss
        spokes = "spokeswoman" if person.woman else rng.choice(["spokesman", "spokesperson"])
        options = {
            "foreign_minister": ([f"{adj} Foreign Minister", "Foreign Minister"], [f"{poss} foreign minister", f"the {adj} foreign minister"]),
            "defence": ([f"{adj} Deputy Defence Minister", "deputy defence minister"], [f"{poss} deputy defence minister"]),
            "spokesperson": ([f"{adj} foreign ministry {spokes}"], [f"a {spokes} for the {adj} foreign ministry"] if party.is_state
                             else [f"a {spokes} for {party.name}"]),
            "negotiator": ([f"{adj} chief negotiator", "chief negotiator"], [f"the head of the {adj} delegation", f"{poss} chief negotiator"]),
            "military": ([f"{adj} {person.affiliation}"], [f"a senior {adj} military commander"]),
            "legal": ([f"{adj} legal adviser"], [f"a legal adviser to the {adj} delegation", f"who chairs {poss} border commission"]),
            "envoy": ([f"{adj} special envoy"], [f"the {adj} special envoy for the talks", f"{poss} mediator"]),
        }[person.role]
        if person.role == "spokesperson" and not party.is_state:
            options = ([f"{adj} spokesperson"], options[1])
        return rng.choice(options[0] if before_name else options[1])

    def _pick(self, party: Party | None) -> Person:
        group = self.cast.get(party.name if party else "", [])
        if not group:  # a side with no one cast speaks through its spokesperson
            group = [p for p in self.track.people[party.name] if p.role == "spokesperson"][:1]
            self.cast[party.name] = group
        return self.rng.choice(group)

    def subject(self, person: Person) -> str:
        """A person as a clause's subject: in full with a role the first time, by surname later."""
        return self._named(person, title_first=0.5, apposition_end=",")

    def speaker(self, person: Person) -> str:
        """A person at the end of a sentence ("..., said X, the head of the delegation")."""
        return self._named(person, title_first=0.4, apposition_end="")

    def _named(self, person: Person, title_first: float, apposition_end: str) -> str:
        if person.full in self.introduced:
            return person.last
        self.introduced.add(person.full)
        if self.rng.random() < title_first and person.role != "analyst":
            return f"{self._role(person, True)} {person.full}"
        return f"{person.full}, {self._role(person, False)}{apposition_end}"

    # -- slots -----------------------------------------------------------------------------

    def slot(self, name: str, slots: dict) -> str:
        rng, t = self.rng, self.track
        parties = {"A": self.a, "B": self.b, "M": t.mediator}
        if name in parties:
            return parties[name].name
        prefix, _, attr = name.partition("_")
        if prefix in parties and attr in ("adj", "capital", "poss"):
            return getattr(parties[prefix], attr)
        if prefix in parties and attr == "speaker":
            return self.speaker(self._pick(parties[prefix]))
        if prefix in parties and attr == "subject":
            return self.subject(self._pick(parties[prefix]))
        # Lazily: only the slot asked for draws from the random stream.
        makers = {
            "venue": lambda: t.venue, "area": lambda: t.area, "frontier": lambda: t.frontier,
            "mediator": lambda: t.mediator.name, "mediator_cap": lambda: t.mediator.cap, "mediator_adj": lambda: t.mediator.adj,
            "mediator_poss": lambda: t.mediator.poss, "topic": lambda: rng.choice(TOPICS), "aftermath": lambda: self.choose(AFTERMATHS),
            "small": lambda: str(rng.randint(3, 40)), "prisoners": lambda: _number(rng.randint(40, 1200)),
            "km": lambda: str(rng.choice([5, 10, 12, 15, 20, 25, 30])), "km_long": lambda: _number(rng.randint(120, 1400)),
            "days": lambda: str(rng.choice([7, 10, 14, 21, 30, 45, 60, 90])), "troops": lambda: _number(rng.randrange(1500, 40000, 500)),
            "money": lambda: rng.choice(["$", "US$", "€"]) + rng.choice([f"{rng.randint(11, 95) / 10:g} billion",
                                                                      f"{rng.randrange(50, 950, 10)} million"]),
            "people": lambda: _number(rng.randrange(2000, 250000, 500)), "trucks": lambda: str(rng.randint(12, 180)),
            "weeks_word": lambda: _spelled(rng.randint(2, 9)), "pct": lambda: str(rng.randint(8, 65)),
            "hours_range": lambda: rng.choice(["24 to 48", "12 to 24", "48 to 72"]), "hours": lambda: str(rng.randint(5, 14)),
            "hours_word": lambda: _spelled(rng.randint(2, 4)), "rounds_word": lambda: _spelled(max(2, min(12, self.now.ordinal))),
            "lo": lambda: str(rng.randrange(40, 120, 10)), "hi": lambda: str(rng.randrange(150, 400, 25)),
            "missing": lambda: _number(rng.randint(150, 4000)), "missing2": lambda: _number(rng.randint(100, 3000)),
            "quote": lambda: self.choose(QUOTE_LINES), "since": lambda: str(rng.choice([1994, 1999, 2008, 2011, 2016, 2020, 2021])),
            "when": lambda: rng.choice(["", "", "", f" {past_date(self.now.date, self.published, rng)}", " during the talks in {venue}"]),
        }
        if name in makers:
            value = makers[name]()
            return value.format_map(slots) if "{" in value else value
        raise KeyError(name)

    def render(self, template: str, cap: bool = True, **fixed) -> str:
        text = template.format_map(_Slots(self, fixed))
        return _cap(text) if cap else text

    def issue_phrase(self, issue: str) -> str:
        phrase = self.rng.choice(ISSUES[issue])
        return phrase.format(area=self.track.area, frontier=self.track.frontier, mediator=self.track.mediator.name,
                             venue=self.track.venue, days=self.rng.choice([7, 14, 30, 60]))

    def stance(self, party: Party, issue: str) -> str:
        usual = self.track.stances[(party.name, issue)]
        return usual if self.rng.random() < 0.8 else self.rng.choice(list(STANCE_VERBS))

    # -- sentences -------------------------------------------------------------------------

    def actor(self, party: Party) -> str:
        """How an article names a side as the subject of its stance (a mediator by name only:
        its city is where the talks are, not who speaks)."""
        rng = self.rng
        if party is self.track.mediator:
            return party.name
        return rng.choice([party.name, party.name, party.name, f"the {party.adj} government", f"the {party.adj} delegation", party.capital])

    def position(self) -> str:
        rng, t = self.rng, self.track
        side = rng.choice([self.a, self.a, self.b, self.b, t.mediator])
        other = self.b if side is self.a else self.a
        issue, issue2 = rng.sample(list(ISSUES), 2)
        stance, stance2 = self.stance(side, issue), self.stance(side, issue2)
        if rng.random() < 0.18:  # an official's own words
            template = self.choose(STANCE_QUOTES[stance])
            phrase, person = self.issue_phrase(issue), self._pick(side)
            who = {"subject": self.subject(person)} if "{subject}" in template else {"speaker": self.speaker(person)}
            return self.render(template, issue=phrase, issue_cap=_cap(phrase), **who)
        phrase = self.issue_phrase(issue)
        other_phrase = self.issue_phrase(issue)
        if other_phrase == phrase:  # the other side's answer, in other words
            other_phrase = next((p for p in self.rng.sample(ISSUES[issue], len(ISSUES[issue])) if "{" not in p and p != phrase), phrase)
        fixed = dict(S=self.actor(side), V=rng.choice(STANCE_VERBS[stance]), I=phrase,
                     V2=rng.choice(STANCE_VERBS[stance2]), I2=self.issue_phrase(issue2), O=self.actor(other),
                     W=rng.choice(STANCE_VERBS[self.stance(other, issue)]), J=other_phrase, S_capital=side.capital)
        template = self.choose(POSITION_TEMPLATES)
        if "{S_person}" in template:
            fixed["S_person"] = self.subject(self._pick(side))
        if "{S_speaker}" in template:
            fixed["S_speaker"] = self.speaker(self._pick(side))
        return self.render(template, **{k: v for k, v in fixed.items() if v is not None})

    def event(self, milestone: Milestone, lede: bool = False) -> str:
        rng = self.rng
        # Most outlets report a milestone's number as the schedule has it; a few get it wrong.
        number = milestone.number if rng.random() < 0.9 else milestone.number + rng.randint(1, 9)
        clause = self.render(rng.choice(_clauses(milestone.kind)), cap=False, number=_number(number),
                             ordinal=ORDINALS[min(milestone.ordinal, len(ORDINALS)) - 1])
        when = past_date(milestone.date, self.published, rng)
        return self.render(self.choose(LEDE_TEMPLATES if lede else EVENT_TEMPLATES), clause=clause, clause_cap=_cap(clause), date=when, date_cap=_cap(when))

    def quantity(self) -> str:
        return self.render(self.choose(QUANTITY_TEMPLATES))

    def quote(self) -> str:
        rng = self.rng
        person = self._pick(rng.choice([self.a, self.b, self.track.mediator]))
        template = rng.choice(QUOTE_TEMPLATES)
        if "{subject}" in template:
            return self.render(template, subject=self.subject(person))
        return self.render(template, speaker=self.speaker(person))

    def analyst(self) -> str:
        person = self.cast[""][0] if self.cast[""] else self.rng.choice(self.world.analysts)
        template = self.choose(ANALYST_TEMPLATES)
        fixed = {"quote": self.choose(ANALYST_LINES)}
        fixed["analyst" if "{analyst}" in template else "analyst_subject"] = (
            self.speaker(person) if "{analyst}" in template else self.subject(person))
        return self.render(template, **fixed)

    def future(self) -> str:
        coming = self.track.schedule[self.now_index + 1]
        adverb, noun = future_date(coming.date, self.published, self.rng)
        return self.render(self.choose(FUTURE_TEMPLATES), future=adverb, future_noun=noun)

    def earlier(self, milestone: Milestone) -> list[str]:
        """An event with an absolute date, then one dated only relative to it."""
        first = self.event(milestone)
        n = self.rng.randint(2, 5)
        minor = self.render(self.choose(MINOR_EVENTS), cap=False)
        return [first, self.render(self.choose(EARLIER_TEMPLATES), n_days_cap=_cap(_spelled(n)), minor=minor)]

    def delegation(self, party: Party, people: list[Person]) -> str:
        """Introduces cast members the story has not named yet, as a delegation list."""
        names = [self.speaker(p) for p in people]
        if len(names) == 1:
            listed = names[0]
        elif len(names) == 2:  # "X, the envoy, and Y": the appositive closes before "and"
            listed = names[0] + ("," if "," in names[0] else "") + " and " + names[1]
        else:  # semicolons once an item has commas of its own
            sep = "; " if any("," in n for n in names) else ", "
            listed = sep.join(names[:-1]) + sep.rstrip() + " and " + names[-1]
        lead = "The" if party.is_state else "The delegation of"
        who = f"{lead} {party.adj} delegation" if party.is_state else f"{lead} {party.name}"
        return self.render(self.rng.choice(["{who} in {venue} included {listed}.", "{who} at the talks was made up of {listed}."]),
                           who=who, listed=listed)

    def bullets(self) -> list[str]:
        """A list introduced by a line ending in ':', as scraped pages keep them."""
        rng = self.rng
        side = rng.choice([self.a, self.b])
        intro = self.render(rng.choice(BULLET_INTROS), S=side.name, S_poss=side.poss, S_adj=side.adj)
        mark = rng.choice(["-", "•", "*"])
        items = [f"{mark} {self.issue_phrase(issue)}" for issue in rng.sample(list(ISSUES), rng.randint(3, 5))]
        items[-1] += rng.choice([f" within {rng.choice([30, 60, 90])} days", f", with {rng.randrange(50, 300, 10)} observers", ""])
        return [intro, *items]

    # -- the page --------------------------------------------------------------------------

    def write(self) -> tuple[str, str]:
        rng, t = self.rng, self.track
        header = self.header()
        target = rng.randint(400, 640)
        past = [m for m in t.schedule[: self.now_index] if m.kind != "suspended"]
        # The plan is fixed before any sentence is written, and sentences are written in
        # reading order: a person is then named in full before being named by surname.
        plan = ["position"] * rng.randint(3, 7) + ["quantity"] * rng.randint(4, 8) + ["future"]
        plan += [("event", m) for m in rng.sample(past, min(len(past), rng.randint(1, 3)))]
        if past and rng.random() < 0.6:
            plan.append(("earlier", rng.choice(past)))
        fillers = ["quote", "quote", "analyst", "background", "position", "quantity"]
        plan += [rng.choice(fillers) + "+" for _ in range(8)]  # "+": may be dropped to fit the length
        rng.shuffle(plan)
        body = [self.sentence(("lede", self.now))] + [self.sentence(step) for step in plan]
        for party, people in self.cast.items():  # everyone cast is named somewhere
            missing = [p for p in people if p.full not in self.introduced]
            if missing:
                text = self.delegation(missing[0].party, missing) if party else self.analyst()
                body.insert(rng.randint(2, len(body)), (text, False, True))
        bullet_block = self.bullets() if rng.random() < 0.35 else []
        words = len(" ".join(header + bullet_block).split()) + sum(len(s.split()) for s, _, _ in body)
        # Too long: drop optional sentences that introduce nobody; too short: add at the end.
        for i in sorted(range(len(body)), key=lambda _: rng.random()):
            if words <= target:
                break
            text, optional, introduces = body[i]
            if optional and not introduces:
                body[i] = ("", optional, introduces)
                words -= len(text.split())
        while words < target:
            text = self.sentence(rng.choice(["background", "quantity", "quote"]))[0]
            body.append((text, True, False))
            words += len(text.split())
        sentences = [text for text, _, _ in body if text]
        paragraphs, i = [], 0
        while i < len(sentences):
            size = 1 if i == 0 else rng.choice([1, 2, 2, 3, 3, 4])
            paragraphs.append(" ".join(sentences[i:i + size]))
            i += size
        if bullet_block:
            paragraphs.insert(rng.randint(2, max(2, len(paragraphs) - 1)), "\n".join(bullet_block))
        text = "\n".join(header) + "\n\n" + "\n\n".join(paragraphs) + "\n"
        if rng.random() < 0.4:
            text += f"\n© {self.published.year} {self.outlet}. All rights reserved.\n"
        return f"{self.index:04d}_{_slug(self.outlet)}_{self.published.isoformat()}.txt", text

    def sentence(self, step) -> tuple[str, bool, bool]:
        """(text, optional, introduces someone) for one step of the plan."""
        before = len(self.introduced)
        kind = step if isinstance(step, str) else step[0]
        optional = kind.endswith("+")
        kind = kind.rstrip("+")
        if kind in ("event", "lede"):
            text = self.event(step[1], lede=kind == "lede")
        elif kind == "earlier":
            text = " ".join(self.earlier(step[1]))
        elif kind == "background" or (kind == "analyst" and not self.fresh_left(ANALYST_TEMPLATES)):
            text = self.render(self.choose(BACKGROUND))
        else:
            text = getattr(self, kind)()
        return text, optional, len(self.introduced) > before

    def header(self) -> list[str]:
        rng, t = self.rng, self.track
        regional = [name for name, regions, _ in _OUTLETS if regions & {t.a.pool, t.b.pool}]
        worldwide = [name for name, regions, _ in _OUTLETS if not regions]
        self.outlet = rng.choice(regional if regional and rng.random() < 0.6 else worldwide)
        headline = self.render(rng.choice(HEADLINES), short=ISSUE_SHORT[rng.choice(list(ISSUES))])
        byline = "By " + rng.choice(self.world.reporters[self.outlet])
        when = date_line(self.published, rng)
        return rng.choice([[headline, byline, self.outlet, when], [self.outlet, headline, when, byline],
                           [self.outlet, when, headline, byline], [headline, self.outlet, byline, when]])


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", re.sub(r"^the ", "", name.lower())).strip("-")


# --- the corpus ----------------------------------------------------------------------------


def generate(n_articles: int, seed: int = 0) -> list[tuple[str, str]]:
    """(file name, text) for articles 1..n_articles; article k is the same whatever n_articles is."""
    world = build_world(seed)
    return [ArticleWriter(world, seed, k).write() for k in range(1, n_articles + 1)]


def write_corpus(n_articles: int, out: Path, seed: int = 0) -> list[Path]:
    """Write the corpus into `out`, which must be missing, empty, or written by this tool before."""
    out = Path(out)
    if out.exists():
        if not out.is_dir():
            raise SystemExit(f"synthetic_corpus: {out} exists and is not a folder")
        if any(out.iterdir()) and not (out / MARKER).exists():
            raise SystemExit(f"synthetic_corpus: refusing to write into {out}: it holds files this tool did not write (no {MARKER})")
        for old in sorted(out.iterdir()):  # a smaller corpus must not keep a bigger one's tail
            if old.is_file() and OUR_FILE.match(old.name):
                old.unlink()
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text(f"written by tools/synthetic_corpus.py --articles {n_articles} --seed {seed}\n", encoding="utf-8")
    paths = []
    for name, text in generate(n_articles, seed):
        path = out / name
        with path.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True, help="how many articles to write")
    parser.add_argument("--out", type=Path, required=True, help="folder to write them into")
    parser.add_argument("--seed", type=int, default=0, help="same seed and count: byte-identical files")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    paths = write_corpus(args.articles, args.out, args.seed)
    print(f"wrote {len(paths)} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
