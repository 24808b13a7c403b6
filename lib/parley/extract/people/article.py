"""`extract_people`: one article's people, one row per person, with role, side and quote.

Finds the mentions (`mentions`), gives them roles (`roles`) and sides (`sides`),
clusters the mentions of one person (full name, later surname) and writes a row for
each, leaving out the article's author and outlet.
"""

from __future__ import annotations

import re

from parley.extract.people.context import Mention, _Article, _party_tokens, _segments
from parley.extract.people.mentions import _find_mentions
from parley.extract.people.names import _clean_name, _is_full, lexicon, same_person_name, same_surname
from parley.extract.people.roles import _kin_of, _person_before, _share_plural_appositive, _share_plural_title_before, _share_plural_titles
from parley.extract.people.sides import (
    _side_from_agency,
    _side_from_captive_kin,
    _side_from_context,
    _side_from_counterpart,
    _side_from_delegation_sentence,
    _side_from_former_office,
    _side_from_group_apposition,
    _side_from_knowledge,
    _side_from_list_heading,
    _side_from_possessive_party,
    _side_from_paragraph,
    _side_from_another,
    _side_from_body_anaphor,
    _side_from_mandate,
    _side_from_home_state,
    _side_from_possessor,
    _side_from_their,
    _side_from_role,
    _side_from_sentence_alone,
    _side_from_title_owner,
)
from parley.knowledge.sides import article_party_nouns
from parley.text import fold, paragraph_spans


def extract_people(article, doc) -> list[dict]:
    """One row per person the article names (not its author), with role, side and quote."""
    if not article.body.strip():
        return []
    ctx = _Article(article, doc, _segments(doc), paragraph_spans(article.body), _party_tokens(article.body, doc))
    mentions = _find_mentions(ctx)
    ctx.mentions = mentions
    _link_aliases(ctx, mentions)
    for mention in mentions:
        if mention.owner_token >= 0 and not mention.possessor:
            mention.possessor = _person_before(ctx, mention.owner_token)
        if not mention.possessor:
            mention.possessor = _kin_of(ctx, mention)
    _share_plural_titles(ctx, mentions)
    _share_plural_appositive(ctx, mentions)
    _share_plural_title_before(ctx, mentions)
    nouns = article_party_nouns(article.body)
    for mention in mentions:
        _side_from_mandate(ctx, mention)
        _side_from_body_anaphor(ctx, mention)
        _side_from_their(ctx, mention)
        _side_from_role(mention, nouns)
        _side_from_possessive_party(ctx, mention)
        _side_from_counterpart(ctx, mention)
        _side_from_list_heading(ctx, mention)
        _side_from_delegation_sentence(ctx, mention)
        _side_from_agency(ctx, mention)
        _side_from_captive_kin(ctx, mention)
        _side_from_paragraph(ctx, mention)
    _side_from_group_apposition(ctx)
    clusters = _cluster_mentions(mentions)
    for cluster in clusters:
        _side_from_knowledge(ctx, cluster)
    _side_from_possessor(clusters)
    _side_from_title_owner(ctx, clusters)
    for cluster in clusters:
        _side_from_former_office(cluster)
        _side_from_another(ctx, cluster, clusters)
        _side_from_context(ctx, cluster, clusters)
        _side_from_sentence_alone(ctx, cluster, clusters)
        _side_from_home_state(ctx, cluster, clusters)
    rows = [_row(ctx, cluster) for cluster in clusters]
    return [row for row in rows if not _is_author_or_outlet(row["name"], article)]


# --- one row per person per article ----------------------------------------------------


def _split_compound(mention: Mention, names: list[str]) -> list[Mention]:
    """"a Berg-Lind summit": two people the article names elsewhere, not one."""
    parts = mention.surface.split("-")
    if len(parts) < 2 or " " in mention.surface:
        return [mention]
    if not all(any(same_surname(part, name) for name in names) for part in parts):
        return [mention]
    pieces, offset = [], mention.body_start
    for part in parts:
        piece = Mention(mention.start, mention.end, part, offset, offset + len(part), mention.from_ner)
        piece.span = (offset, offset + len(part))
        pieces.append(piece)
        offset += len(part) + 1
    return pieces


def _cluster_mentions(mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions of one person in an article: full names by name, surnames to the nearest
    earlier full name with that surname."""
    full_names = [m.surface for m in mentions if _is_full(m.surface)]
    expanded = [piece for m in mentions for piece in _split_compound(m, full_names)]
    clusters: list[list[Mention]] = []
    for mention in (m for m in expanded if _is_full(m.surface)):
        home = next((c for c in clusters if any(m is mention.alias_of or (_is_full(m.surface) and
                                                                           same_person_name(m.surface, mention.surface))
                                                for m in c)), None)
        if home is None:
            home = _longer_name_ending_in(clusters, mention)
        if home is None:
            clusters.append([mention])
        else:
            home.append(mention)
    for mention in (m for m in expanded if not _is_full(m.surface)):
        candidates = [c for c in clusters if any(same_surname(m.surface, mention.surface) for m in c)]
        if not candidates and " " not in mention.surface.strip():
            # "General Tadesse" for Tadesse Worede, "Mr Anwar" for Anwar Ibrahim: where people
            # are so called, the one full name of the article that begins with the word
            candidates = [c for c in clusters if any(_is_full(m.surface) and fold(m.surface).split()[0] == fold(mention.surface)
                                                     for m in c)]
            candidates = candidates if len(candidates) == 1 else []
        if candidates:
            _nearest_before(candidates, mention.body_start).append(mention)
        else:
            clusters.append([mention])
    for cluster in clusters:
        cluster.sort(key=lambda m: m.body_start)
    return sorted(clusters, key=lambda c: c[0].body_start)


_ALIAS = re.compile(r",?\s*(?:whose\s+(?:nom\s+de\s+guerre|alias|real\s+name|pseudonym)\s+is|"
                    r"(?:better\s+|also\s+|widely\s+)?known\s+as|alias|a\.k\.a\.?|aka)\s+$", re.I)


def _link_aliases(ctx: _Article, mentions: list[Mention]) -> None:
    """"X, better known as Y", "X, whose nom de guerre is Y", "X, alias Y": one person."""
    ordered = sorted(mentions, key=lambda m: m.body_start)
    for before, after in zip(ordered, ordered[1:]):
        if before.body_end <= after.body_start and _ALIAS.fullmatch(ctx.body[before.body_end : after.body_start]):
            after.alias_of = before


def _longer_name_ending_in(clusters: list[list[Mention]], mention: Mention) -> list[Mention] | None:
    """"Ali Beiba" after "Mahfoud Ali Beiba", "Sánchez Cerén" after "Salvador Sánchez Cerén":
    the one person named before whose fuller name ends in these words."""
    words = fold(mention.surface).split()
    found = [c for c in clusters
             if any(len(w := fold(m.surface).split()) > len(words) and w[-len(words):] == words
                    and m.body_start < mention.body_start for m in c)]
    return found[0] if len(found) == 1 else None


def _nearest_before(clusters: list[list[Mention]], offset: int) -> list[Mention]:
    """The cluster mentioned last before `offset` (else the first one)."""
    def last_before(cluster: list[Mention]) -> int:
        return max((m.body_start for m in cluster if m.body_start <= offset), default=-1)

    return max(clusters, key=last_before) if any(last_before(c) >= 0 for c in clusters) else clusters[0]


def _row(ctx: _Article, cluster: list[Mention]) -> dict:
    fullest = max(cluster, key=lambda m: (len(m.surface.split()), len(m.surface), -m.body_start))
    with_role = [m for m in cluster if m.role]
    shown = with_role[0] if with_role else fullest
    best_side = max(cluster, key=lambda m: (m.side_strength, -m.body_start))
    start, end, quote = ctx.article.span(*shown.span)
    roles = list(dict.fromkeys(m.role for m in with_role))
    surfaces = list(dict.fromkeys(m.surface for m in cluster))
    return {
        "doc_id": ctx.article.doc_id,
        "name": _clean_name(fullest.surface),
        "role": shown.role,
        "side": best_side.side,
        "start": start,
        "end": end,
        "quote": quote,
        "surface": shown.surface,
        "mentions": len(cluster),
        "surfaces": "|".join(surfaces),
        "roles_seen": "|".join(roles),
        "role_of": next((m.possessor for m in cluster if m.possessor), ""),
        "side_evidence": best_side.side_evidence,
        "side_strength": max(best_side.side_strength, 0) if best_side.side else -1,
    }


def _is_author_or_outlet(name: str, article) -> bool:
    key = fold(name)
    outlet = fold(article.outlet or "")
    if key in lexicon().media or (outlet and (key == outlet or (len(outlet.split()) > 1 and outlet in key))):
        return True  # "Suscríbase al Diario del Valle", "Ikuti Harbour Courier": the page's own furniture
    authors = re.split(r"\s+(?:and|&)\s+", getattr(article, "author", "") or "")  # "By A & B"
    return any(len(author.split()) > 1 and same_person_name(name, author) for author in authors)
