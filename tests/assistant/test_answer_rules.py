"""The answer engine's checks of what a sentence must show, on sentences written for the test
(the engine's behaviour on the bundled report is in test_extractive.py)."""

from __future__ import annotations

import pytest

from assistant.answers.asked import asked_term, offers_all
from assistant.answers.cues import cue_met, names_listed
from assistant.answers.extractive import ExtractiveEngine
from assistant.answers.figures import counts_near, says_ordinal
from assistant.answers.question import Term, analyse, tokens_of
from assistant.answers.subject import subjects
from assistant.answers.time_cues import other_year
from ingest.qtype import question_kind
from ingest.search import Hit
from ingest.swedish import split_by_head, split_compound


def test_who_holds_a_persons_role_is_answered_by_a_name() -> None:
    q = "Vem är ordförande i referensgruppen för vägledning?"
    info = analyse(q)
    assert not cue_met(info.kind, "Referensgruppen leds av Skolverket och Folkbildningsrådet.", info.said, q)
    assert cue_met(info.kind, "Ordförande i referensgruppen är Karin Lind från Skolverket.", info.said, q)


def test_a_question_for_a_date_needs_a_day() -> None:
    q = "Vilket datum lämnades rapporten?"
    info = analyse(q)
    assert not cue_met(info.kind, "Rapporten lämnades i mars 2024.", info.said, q)
    assert cue_met(info.kind, "Rapporten lämnades den 14 mars 2024.", info.said, q)


def test_a_sentence_naming_every_alternative_does_not_choose() -> None:
    q = "Blev avgiften höjd, sänkt eller oförändrad?"
    assert offers_all(q, "Avgiften kan bli höjd, sänkt eller oförändrad efter översynen.")
    assert not offers_all(q, "Avgiften blev oförändrad.")
    assert not offers_all("Vad beslutade styrelsen?", "Styrelsen kunde höja eller sänka avgiften.")


def test_a_count_stands_next_to_what_itcounts_near() -> None:
    role = asked_term(analyse("Hur många kurser startade under året?"))
    assert role is not None
    assert counts_near("Under året startade 12 nya kurser i regionen.", role)
    assert not counts_near("Kurserna beskrivs på sidan 12 i rapporten.", role)
    assert not counts_near("Kurserna startade 2023.", role)  # a year is not a count


@pytest.mark.parametrize(("where", "expected"), [
    ("i den första ansökningsomgången kom 86 ansökningar", False),
    ("i den andra ansökningsomgången kom 40 ansökningar", True),
])
def test_an_ordinal_is_checked_with_its_noun(where: str, expected: bool) -> None:
    assert says_ordinal(where, ("andra", "ansökningsomgången")) is expected


@pytest.mark.parametrize(("where", "expected"), [
    ("den första utbildningen startar i maj och hålls i umeå", True),  # the compound taken up by its head
    ("den andra utbildningen startar i maj", False),  # another ordinal of the same head
    ("den första omgången startar i maj", False),  # the ordinal of another noun
])
def test_an_ordinal_of_a_compound_is_said_with_its_head(where: str, expected: bool) -> None:
    # "kranförar" is no word of the lexicon: the compound is split by its head alone
    assert says_ordinal(where, ("första", "kranförarutbildningen")) is expected


def test_the_word_after_vilken_and_its_noun_is_the_verb() -> None:
    terms = {t.stem: t.verb for t in analyse("Vilken myndighet äger projektet?").terms}
    assert terms["äger"] is True and terms["projektet"] is False


def test_an_abbreviation_is_matched_by_its_written_out_form() -> None:
    from ingest.swedish import tokenize

    myh = next(t for t in analyse("När bildades MYH?").terms if t.stem == "myh")
    text = "Myndigheten för yrkeshögskolan bildades 2009."
    assert myh.match(frozenset(tok for w in text.split() for tok in tokenize(w))) == 1.0


def test_a_list_of_named_things_is_answered_by_names_other_than_the_questions() -> None:
    q = "Vilka kommuner deltar i Länsstyrelsens projekt om vägledning?"
    info = analyse(q)
    about = subjects(q)
    assert not names_listed(q, "Kommunerna kan delta i projektet genom referensgrupper.", info.said, about)
    assert not names_listed(q, "Länsstyrelsen leder projektet tillsammans med kommunerna.", info.said, about)
    assert names_listed(q, "I projektet deltar Härnösand, Sundsvall och Kramfors.", info.said, about)
    assert names_listed(q, "Följande kommuner deltar:", info.said, about)  # the names follow as items
    assert names_listed("Vilka uppgifter har kansliet?", "Kansliet samordnar arbetet.", info.said, about)


def test_a_lead_ending_in_a_colon_leaves_the_names_to_its_items_which_must_then_give_them() -> None:
    from types import SimpleNamespace

    from assistant.answers.cues import names_given

    q = "Vilka kommuner deltar i Länsstyrelsens projekt om vägledning?"
    info, about = analyse(q), subjects(q)
    lead = [SimpleNamespace(text="Kommunerna kan delta på två sätt:")]
    ways = [SimpleNamespace(text="Permanent deltagande: kommuner kan delta i arbetet."),
            SimpleNamespace(text="Referensgrupper: kommuner kan bjudas in vid behov.")]
    names = [SimpleNamespace(text="Härnösand"), SimpleNamespace(text="Sundsvall och Kramfors")]
    assert not names_given(info, lead, ways, about)
    assert not names_given(info, lead, [], about)
    assert names_given(info, lead, names, about)
    assert names_given(info, [SimpleNamespace(text="Kommunerna samverkar.")], [], about)  # no colon: checked before


def test_a_sentence_about_another_year_does_not_answer_for_the_questions_year() -> None:
    assert other_year(["2026"], "Under 2024 får nio lärosäten dela på 30 miljoner kronor.")
    assert not other_year(["2026"], "För 2026 får lärosätet 4 miljoner kronor.")
    assert not other_year(["2025"], "Satsningen pågår 2024–2026.")
    assert not other_year(["2025"], "Lärosätet får 4 miljoner kronor.")  # names no year: no conflict


def test_a_compound_is_not_matched_by_a_sibling_with_the_same_head() -> None:
    term = analyse("Vem är överdirektör på myndigheten?").terms[0]
    assert term.match(frozenset(tokens_of("Hon blir generaldirektör för myndigheten."))) == 0.0
    assert term.match(frozenset(tokens_of("Myndighetens direktör är Anna Berg."))) > 0.0
    assert term.match(frozenset(tokens_of("Hon blir överdirektör för myndigheten."))) == 1.0


def _hit(text: str, doc: str = "d1", title: str = "Sommarkurser på folkhögskolor") -> Hit:
    return Hit(rank=1, score=1.0, doc_id=doc, title=title, source=f"https://example.org/{doc}", kind="pressmeddelande",
               agency="", date="2025-03-01", section="", page=None, text=text)


def test_a_later_part_in_words_no_passage_has_is_answered_from_the_first_answers_document() -> None:
    engine = ExtractiveEngine(kb=None)  # type: ignore[arg-type]  # answer_from_hits needs no store
    hits = [_hit("Under 2025 delar sex folkhögskolor på 12 miljoner kronor för sommarkurser. "
                 "Kurserna riktar sig till vuxna som vill byta yrke.")]
    a = engine.answer_from_hits("Hur många folkhögskolor delar på pengarna till sommarkurser, och hur stor är kakan?", hits)
    assert a.grounded and "12 miljoner kronor" in a.answer
    assert a.answer.count("sex folkhögskolor") == 1  # the sentence that answers both parts stands once
    # a later part whose words a passage has must still be answered by its own sentence: with none,
    # the answer says that part is left open instead of answering it with the first part's sentence
    b = engine.answer_from_hits("Hur många folkhögskolor delar på pengarna till sommarkurser, och när ska de redovisa?", hits)
    assert b.grounded and "sex folkhögskolor" in b.answer
    assert b.answer.endswith("Det framgår inte av underlaget: ”när ska de redovisa?”")
    assert "[" not in b.answer.splitlines()[-1]  # the open part cites nothing
    # the first part is what the question is about: left open, the whole question is refused
    c = engine.answer_from_hits("Vem leder kurserna, och hur många folkhögskolor delar på pengarna?", hits)
    assert not c.grounded


def test_size_questions_ask_for_a_number_and_pronouns_are_not_content() -> None:
    assert question_kind("Hur stort är det nya bidraget?") == "number"
    assert [t.stem for t in analyse("Var var hen rektor?").terms] == ["rekt"]


def test_where_is_answered_by_a_place_or_body_the_question_does_not_name() -> None:
    q = "Var hölls nätverksträffarna för MSV KLL?"
    info = analyse(q)
    assert info.kind == "place"
    assert not cue_met(info.kind, "Två fysiska nätverksträffar hölls för deltagarna i MSV KLL.", info.said, q)
    assert cue_met(info.kind, "Nätverksträffarna hölls i Västerås och Luleå.", info.said, q)
    assert analyse("Var styrgruppen enig om planen?").kind != "place"  # "var" as "was"


def test_a_time_is_an_answer_only_with_what_the_question_times() -> None:
    engine = ExtractiveEngine(kb=None)  # type: ignore[arg-type]
    hits = [_hit("Karin Berg har sedan maj 2019 varit rektor för Mittuniversitetet. Hon tillträder som "
                 "generaldirektör för Skolverket den 1 juni.", title="Ny generaldirektör för Skolverket")]
    assert not engine.answer_from_hits("När löper Karin Bergs förordnande som generaldirektör för Skolverket ut?",
                                       hits).grounded
    assert "1 juni" in engine.answer_from_hits("När tillträder Karin Berg som generaldirektör?", hits).answer


def test_a_programme_title_in_english_is_not_a_persons_name() -> None:
    q = "Vem var projektledare för utvärderingen?"
    info = analyse(q)
    assert not cue_met(info.kind, "Utvärderingen finansierades av Technical Support Instrument.", info.said, q)
    assert cue_met(info.kind, "Projektledare för utvärderingen var Anna Lindqvist.", info.said, q)


def test_a_name_may_open_a_sentence_and_an_english_name_is_matched_by_its_acronym_only() -> None:
    from assistant.answers.subject import mentioned

    assert "Karin Berg" in mentioned("Karin Berg lämnar uppdraget som ordförande i juni.")
    assert mentioned("Enligt Skolverket ska kurserna starta i höst.") == ["Skolverket"]
    assert "Projekttid Juli" not in " ".join(mentioned("Projekttid: Juli 2023 – januari 2025."))
    labels = [e.label for e in subjects("Who heads the Swedish Meteorological Institute (SMHI)?", english=True)]
    assert "SMHI" in labels
    assert not any("Meteorological" in x for x in labels)


def test_which_agency_asks_for_a_name_and_halfyearly_is_a_frequency() -> None:
    assert question_kind("Vilken myndighet fick i uppdrag att jämföra kostnaderna?") == "name"
    q = "Hur ofta ska uppdraget redovisas?"
    assert cue_met(analyse(q).kind, "Uppdraget ska redovisas kvartalsvis till departementet.", frozenset(), q)


def test_an_abbreviation_joined_to_a_noun_is_named_by_the_compound_it_shortens() -> None:
    from assistant.answers.subject import _stems

    (pl,) = subjects("Vem leder KG-mötena?")
    assert pl.named_in(frozenset(_stems("Kontaktgruppsmötena leds av sekretariatet.")))
    assert not pl.named_in(frozenset(_stems("Styrgruppsmötena leds av ordföranden.")))
    (it,) = subjects("Hur stor tjänst har en IT-samordnare?")
    assert not it.named_in(frozenset(_stems("Samordnare 1,0 heltidstjänst")))


def test_imperative_list_requests_and_plural_time_nouns_are_recognised() -> None:
    assert question_kind("Nämn några av de nätverk som bildades.") == "list"
    assert question_kind("Mellan vilka månader pågick kartläggningen?") == "time"
    assert [t.stem for t in analyse("Vilken sorts portal ska myndigheten driva?").terms if not t.verb][0] == "portal"
    assert "ny" not in [t.stem for t in analyse("Vem blev ny ordförande för rådet?").terms]


def test_one_sentence_may_answer_both_parts_of_a_question() -> None:
    engine = ExtractiveEngine(kb=None)  # type: ignore[arg-type]
    hits = [_hit("Stiftelsen Nordljus erbjuder yrkeskurser för vuxna under perioden 2025–2028. "
                 "Kurserna hålls i Kiruna.", title="Ny överenskommelse om yrkeskurser")]
    a = engine.answer_from_hits("Vilken stiftelse erbjuder yrkeskurser för vuxna, och vilken period gäller "
                                "överenskommelsen om yrkeskurserna?", hits)
    assert a.grounded and "Stiftelsen Nordljus" in a.answer and "2025–2028" in a.answer
    assert a.answer.count("Stiftelsen Nordljus") == 1


def test_a_sentence_naming_a_sibling_body_does_not_answer_for_the_body_asked_about() -> None:
    engine = ExtractiveEngine(kb=None)  # type: ignore[arg-type]
    hits = [_hit("I KX-gruppen ingår myndigheternas chefer. Referensgruppen träffas fyra gånger per år.",
                 title="Arbetsformer", doc="r1")]
    assert not engine.answer_from_hits("Hur ofta träffas KX-gruppen?", hits).grounded
    same = [_hit("KX-gruppen träffas fyra gånger per år. Arbetet leds av kansliet.", title="Arbetsformer", doc="r1")]
    assert "fyra gånger per år" in engine.answer_from_hits("Hur ofta träffas KX-gruppen?", same).answer


def test_a_name_of_several_words_is_named_only_when_its_words_stand_together() -> None:
    from assistant.answers.subject import subjects

    apart = [e.label for e in subjects("Vilken myndighet fick i uppdrag att följa studerande vid yrkeshögskolan?")]
    assert "MYH" not in apart
    assert "MYH" in [e.label for e in subjects("Vad fick Myndigheten för yrkeshögskolan i uppdrag?")]


def test_a_compound_is_not_said_by_its_modifier_alone_unless_its_head_is_light() -> None:
    budget = analyse("Hur stor är verksamhetsbudgeten?").terms[0]
    assert budget.match(frozenset(tokens_of("Verksamheten omfattar två miljoner kronor."))) < 0.5
    assert budget.match(frozenset(tokens_of("Budgeten för verksamheten är två miljoner kronor."))) >= 0.8
    post = analyse("Vem har ordförandeposten?").terms[0]
    assert post.match(frozenset(tokens_of("Anna Berg är ordförande."))) >= 0.8
    assert analyse("Vad innehåller slutredovisningen?").terms[-1].head == "redovisning"



def test_a_time_says_the_noun_naming_the_answers_type() -> None:
    engine = ExtractiveEngine(kb=None)  # type: ignore[arg-type]
    hits = [_hit("Förstudierna har letts av kansliet. Förstudierna har finansierats av fonden. "
                 "Förstudierna har genomförts under perioden mars 2022 till maj 2023. "
                 "Förstudierna omfattar fyra spår. Förstudierna redovisas i rapporten.",
                 title="Rapport", doc="f1")]
    a = engine.answer_from_hits("Mellan vilka månader pågick förstudierna?", hits)
    assert a.grounded and "mars 2022 till maj 2023" in a.answer


def test_a_time_that_dates_another_name_in_a_list_does_not_answer() -> None:
    from assistant.answers.time_cues import time_of_another

    assert time_of_another("Här deltar Alfaverket, Betarådet och sedan våren 2021 Gammainstitutet.",
                           frozenset({"alfaverket"}))
    assert not time_of_another("Här deltar Alfaverket, Betarådet och sedan våren 2021 Gammainstitutet.",
                               frozenset({"gammainstitutet"}))
    assert not time_of_another("Karin Berg tillträder som generaldirektör för Alfaverket den 1 juni 2025.",
                               frozenset({"karin", "berg"}))


def test_who_holds_an_office_is_not_answered_by_a_sibling_office() -> None:
    engine = ExtractiveEngine(kb=None)  # type: ignore[arg-type]
    hits = [_hit("Efter omorganisationen av myndigheten blir Anna Berg ny generaldirektör för Alfaverket i Borås. "
                 "Hon tillträder i maj.", title="Alfaverket i Borås", doc="g1")]
    q = "Vem på Alfaverket i Borås blir ny {} efter omorganisationen av myndigheten?"
    assert not engine.answer_from_hits(q.format("överdirektör"), hits).grounded
    assert "Anna Berg" in engine.answer_from_hits(q.format("generaldirektör"), hits).answer


def test_a_percentage_says_the_share_and_an_amount_the_money() -> None:
    from assistant.answers.figures import figure_says as _figure_says

    share = Term("andel")  # "hur stor andel" names no asked term: the share noun as the figure's role
    assert _figure_says(share, "Av de examinerade hade 91 procent arbete ett år senare.")
    assert not _figure_says(share, "Av de examinerade hade 910 personer arbete ett år senare.")
    money = asked_term(analyse("Hur mycket pengar fick regionerna för arbetet?"))
    assert money is not None and _figure_says(money, "Regionerna fick 12 miljoner kronor.")
    assert not _figure_says(money, "Regionerna fick 12 procent fler deltagare.")
    billions = asked_term(analyse("Hur många miljarder får Trafikverket för underhållet?"))
    assert billions is not None and _figure_says(billions, "Trafikverket får disponera högst 5 000 000 000 kronor.")
    assert not _figure_says(billions, "Trafikverket ska nå fem miljarder resenärer.")


def test_a_name_joined_to_a_common_noun_is_the_name_alone() -> None:
    from assistant.answers.subject import missing

    about = subjects("När skulle Tillväxtverket återrapportera Norrland-satsningen?")
    assert [e.label for e in about] == ["Tillväxtverket", "Norrland-satsningen"]
    # the name is said; the noun joined to it is a word of the question like any other
    assert missing(about, "Tillväxtverket ska redovisa insatserna i Norrland senast den 1 mars.") == []
    assert [e.label for e in missing(about, "Tillväxtverket ska redovisa insatserna senast den 1 mars.")] == [
        "Norrland-satsningen"]


def test_a_short_compound_is_said_by_its_head() -> None:
    # "expertråd" is too short for the index's splitter; the question's analysis splits it
    term = next(t for t in analyse("Hur ofta träffas ministerns expertråd?").terms if t.stem == "expertråd")
    assert term.match(frozenset(tokens_of("Möten i rådet hålls tre gånger per år."))) == 0.8
    assert term.match(frozenset(tokens_of("Styrelsen möts tre gånger per år."))) == 0.0
    assert [t.parts for t in analyse("Vem leder kansliet?").terms if t.stem == "kansliet"] == [("~kansli",)]


def test_a_long_compound_whose_modifier_the_lexicon_lacks_is_said_by_its_head() -> None:
    # "glaciär" is no word of the lexicon, so the index's splitter leaves the compound whole; the
    # question's analysis splits off the head it knows ("utbildningen") after the linking s
    term = next(t for t in analyse("När startar glaciärsutbildningen?").terms if t.stem.startswith("glaciär"))
    assert term.head == "utbildning"
    assert term.match(frozenset(tokens_of("Utbildningen startar den 3 mars."))) == 0.8
    assert term.match(frozenset(tokens_of("Kursen startar den 3 mars."))) == 0.0
    # the head is split off only where the seam shows: a linking s, or a head of eight letters or more
    assert split_compound("glaciärsutbildningen") == ()
    assert split_by_head("glaciärsutbildningen") == ("glaciär", "utbildningen")
    assert split_by_head("lotsutbildningen") == ("lots", "utbildningen")  # a long head needs no linking s
    assert split_by_head("kranförarkursen") == ()  # a short head without the linking s shows no seam
    assert split_by_head("läsförståelse") == ()


@pytest.mark.parametrize(("text", "title", "asked", "fact", "near_miss"), [
    # a compound no retrieved passage has, not even its head, is something the documents do not cover
    ("Folkhögskolorna ska redovisa sommarkurserna till Folkbildningsrådet senast den 1 oktober 2025. "
     "Kurserna riktar sig till vuxna som vill byta yrke.", "Sommarkurser på folkhögskolor",
     "När ska folkhögskolorna redovisa sommarkurserna?", "1 oktober 2025",
     "När ska folkhögskolorna redovisa personalenkäten för sommarkurserna?"),
    # a date sentence that takes up the assignment answers when it is due; it does not date a matter
    # neither it nor what it takes up names
    ("Regeringen ger Tillväxtverket i uppdrag att göra en kartläggning av besöksnäringens kompetensbehov. "
     "Arbetet ska ske i samråd med regionerna. "
     "Uppdraget ska redovisas till Näringsdepartementet senast den 15 maj 2026.", "Uppdrag till Tillväxtverket",
     "När ska Tillväxtverkets kartläggning av besöksnäringens kompetensbehov lämnas?", "15 maj 2026",
     "När ska Tillväxtverkets utvärdering av skogsnäringens exportstöd lämnas?"),
])
def test_a_date_is_given_for_what_the_passage_speaks_of_and_refused_for_its_neighbour(
        text: str, title: str, asked: str, fact: str, near_miss: str) -> None:
    engine = ExtractiveEngine(kb=None)  # type: ignore[arg-type]
    hits = [_hit(text, title=title)]
    a = engine.answer_from_hits(asked, hits)
    assert a.grounded and fact in a.answer
    assert not engine.answer_from_hits(near_miss, hits).grounded


def test_a_later_part_asking_only_when_is_answered_by_a_date_of_the_first_answers_document() -> None:
    engine = ExtractiveEngine(kb=None)  # type: ignore[arg-type]
    hits = [_hit("Regeringen tillsätter en utredning om högskolornas lokalförsörjning. "
                 "Till särskild utredare utses Karin Lind, förvaltningschef vid Lunds universitet. "
                 "Uppdraget ska redovisas senast den 31 mars 2027.", title="Utredning om högskolornas lokaler")]
    a = engine.answer_from_hits("Vem ska utreda högskolornas lokalförsörjning och när ska det vara klart?", hits)
    assert a.grounded and "Karin Lind" in a.answer and "31 mars 2027" in a.answer


def test_who_did_something_may_be_answered_by_an_agency_but_who_holds_a_role_by_a_person() -> None:
    q = "Vem kartlade valideringen av utrikes föddas kunskaper?"
    info = analyse(q)
    assert cue_met(info.kind, "Kartläggningen av valideringen gjordes av Statskontoret.", info.said, q)
    assert not cue_met(info.kind, "En kartläggning av valideringen har gjorts.", info.said, q)
    r = "Vem är särskild utredare i utredningen om valideringen?"
    assert not cue_met(analyse(r).kind, "Utredningen om valideringen får stöd av Statskontoret.", analyse(r).said, r)


def test_a_question_about_what_came_of_something_needs_an_outcome() -> None:
    from assistant.answers.asked import outcome_untold

    q = "Vilken leverantör valde nämnden till slut för det nya bokningssystemet?"
    assert outcome_untold(q, "Nämnden ska under hösten ta ställning till vilken leverantör som ska anlitas.")
    assert outcome_untold(q, "Underlaget tas fram så att nämnden kan besluta om leverantören.")
    assert not outcome_untold(q, "Nämnden valde i mars Bokab som leverantör av bokningssystemet.")
    assert not outcome_untold(q, "Beslutet blev att Bokab anlitas.")
    # a question that asks for no outcome is not held to one
    assert not outcome_untold("Vem ska ta fram det nya bokningssystemet?", "Nämnden ska ta fram systemet.")
    # the subject may stand between "kom" and "fram till"
    inverted = "Vad kom nämndens förstudie om det nya bokningssystemet fram till?"
    assert outcome_untold(inverted, "Nämnden gav kansliet i uppdrag att genomföra en förstudie om systemet.")
    assert not outcome_untold(inverted, "Förstudien kom fram till att systemet bör upphandlas.")
    engine = ExtractiveEngine(kb=None)  # type: ignore[arg-type]
    hits = [_hit("Nämnden ska under hösten 2025 ta ställning till vilken leverantör som ska anlitas för det nya "
                 "bokningssystemet. Nämnden valde i mars 2026 Bokab som leverantör av bokningssystemet.",
                 title="Nytt bokningssystem")]
    a = engine.answer_from_hits(q, hits)
    assert a.grounded and "Bokab" in a.answer and "ta ställning" not in a.answer.split("[1]")[0]
    assert not engine.answer_from_hits(q, hits[:0] + [_hit(
        "Nämnden ska under hösten 2025 ta ställning till vilken leverantör som ska anlitas för det nya "
        "bokningssystemet.", title="Nytt bokningssystem")]).grounded


def test_an_assignment_named_by_its_matter_is_answered_only_from_a_passage_on_that_matter() -> None:
    engine = ExtractiveEngine(kb=None)  # type: ignore[arg-type]
    q = "När ska Myndigheten för yrkeshögskolan redovisa uppdraget om entreprenörskap?"
    other = _hit("Regeringen ger Myndigheten för yrkeshögskolan i uppdrag att utveckla valideringen i utbildningarna. "
                 "Uppdraget ska redovisas senast den 31 augusti 2026.", doc="d2", title="Uppdrag om validering")
    assert not engine.answer_from_hits(q, [other]).grounded
    own = _hit("Regeringen ger Myndigheten för yrkeshögskolan i uppdrag att främja entreprenörskap i utbildningarna. "
               "Uppdraget ska redovisas senast den 15 mars 2026.", title="Uppdrag om entreprenörskap")
    a = engine.answer_from_hits(q, [other, own])
    assert a.grounded and "15 mars 2026" in a.answer and "31 augusti" not in a.answer
    # a passage naming only part of the matter ("järnvägsunderhåll" without "kompetensförsörjning") is about another
    q2 = "När ska Trafikverket redovisa uppdraget om kompetensförsörjning för järnvägsunderhållet?"
    planning = _hit("Trafikverket får i uppdrag att utveckla planeringen av järnvägsunderhållet i regionerna. "
                    "Uppdraget slutredovisas senast den 30 juni 2031.", doc="d3", title="Uppdrag om underhållsplanering")
    assert not engine.answer_from_hits(q2, [planning]).grounded


def test_what_an_english_abbreviation_stands_for_is_its_spelled_out_name() -> None:
    assert question_kind("What does the abbreviation KBX stand for?") == "definition"
    assert question_kind("What does KBX mean?") == "definition"
    engine = ExtractiveEngine(kb=None)  # type: ignore[arg-type]
    hits = [_hit("Samverkan med kommunernas bildningsexperter (KBX) har ökat under året. "
                 "KBX träffas två gånger per år.", title="Bildning i kommunerna")]
    a = engine.answer_from_hits("What does the abbreviation KBX stand for?", hits)
    assert a.grounded and "kommunernas bildningsexperter" in a.answer


def test_a_firm_or_a_municipality_asked_for_is_not_answered_by_a_public_bodys_name() -> None:
    from assistant.answers.cues import of_asked_class

    q = "Vilken byrå anlitade nämnden för enkäten?"
    info = analyse(q)
    assert not cue_met(info.kind, "Statens skolverk och MYH ledde enkäten.", info.said, q)
    assert cue_met(info.kind, "Enkäten genomfördes av Novus på uppdrag av nämnden.", info.said, q)
    municipalities = "Vilka kommuner deltar i nätverket för vuxenutbildning?"
    assert not of_asked_class("Arbetsförmedlingen", municipalities)
    assert of_asked_class("Södertälje", municipalities)
    # an agency does answer for agencies
    assert of_asked_class("Arbetsförmedlingen", "Vilka myndigheter deltar i projektet?")


def test_what_a_survey_showed_needs_a_finding_and_an_amount_must_be_for_the_years_asked() -> None:
    from assistant.answers.asked import outcome_untold
    from assistant.answers.time_cues import figure_of_another_year

    showed = "Vad visade nämndens enkät om arbetsmiljön?"
    assert outcome_untold(showed, "Nämnden fick i uppdrag att genomföra en enkät om arbetsmiljön.")
    assert not outcome_untold(showed, "Enkäten visade att arbetsmiljön har förbättrats.")
    replied = "Vad svarade kommunen på nämndens skrivelse?"
    assert outcome_untold(replied, "Skrivelsen beslutades av nämnden och skickades till kommunen.")
    assert not outcome_untold(replied, "Kommunen svarade att frågan bereds vidare.")
    assert figure_of_another_year(["2032"], "Satsningen på 12 miljarder kronor för 2031 pågår till 2032.")
    assert not figure_of_another_year(["2032"], "Regeringen avsätter 3 miljarder kronor för 2032.")
    assert not figure_of_another_year(["2032"], "Regeringen avsätter 3 miljarder kronor.")  # undated: no conflict


def test_a_question_whether_something_exists_asks_about_that_thing() -> None:
    for question, stem in (("Har nämnden ett eget kansli i dag?", "kansli"),
                           ("Finns det en skriftlig rutin för arkivering?", "rutin")):
        term = asked_term(analyse(question))
        assert term is not None and term.stem == stem


def test_a_date_of_a_report_made_to_the_body_asked_about_is_not_that_bodys_date() -> None:
    from assistant.answers.time_cues import date_of_a_report_to

    q = "När ska Statskontoret redovisa sin sammanställning av myndigheternas svar?"
    about = subjects(q)
    assert date_of_a_report_to(q, "Myndigheterna ska rapportera sina svar till Statskontoret senast den "
                                  "30 november 2031.", about)
    assert not date_of_a_report_to(q, "Statskontoret ska redovisa sammanställningen till "
                                      "Regeringskansliet senast den 1 mars 2032.", about)


def test_a_word_of_degree_after_how_much_names_no_type_but_the_noun_after_it_does() -> None:
    from assistant.answers.question import answer_type_word

    assert answer_type_word("Hur många färre platser får regionerna 2031?") == "platser"
    assert answer_type_word("Hur många färre kan delta i kursen?") == ""
    assert answer_type_word("Hur många fler platser blir det?") == "platser"
    assert answer_type_word("Hur många platser blir det?") == "platser"


def test_what_an_abbreviation_stands_for_is_answered_by_the_sentence_spelling_it_out() -> None:
    from assistant.answers.cues import spells_out_asked

    q = "What does KBX stand for in the agency's assignment on adult learning?"
    assert spells_out_asked(q, "Föreslå hur kommunernas bildningsexperter (KBX) kan bli fler.")
    assert not spells_out_asked(q, "Föreslå hur bildningsexperterna kan bli fler.")
    assert not spells_out_asked("Hur många är KBX?", "Kommunernas bildningsexperter (KBX) är tolv.")
    engine = ExtractiveEngine(kb=None)  # type: ignore[arg-type]
    hits = [_hit("Föreslå hur kommunernas bildningsexperter (KBX) kan bli fler inom vuxenutbildningen.",
                 title="Uppdrag om vuxenutbildning")]
    a = engine.answer_from_hits(q, hits)
    assert a.grounded and "kommunernas bildningsexperter" in a.answer


def test_the_word_for_the_figure_asked_is_not_a_noun_the_passage_must_use() -> None:
    engine = ExtractiveEngine(kb=None)  # type: ignore[arg-type]
    hits = [_hit("Trots behoven har anslaget för regional lärlingsutbildning under flera år varit underutnyttjat. "
                 "Det genomsnittliga nyttjandet de senaste tre åren har legat runt 61 procent.", title="Lärlingsvux")]
    a = engine.answer_from_hits("Hur stor del av anslaget för regional lärlingsutbildning har kommunerna använt de "
                                "senaste åren?", hits)
    assert a.grounded and "61 procent" in a.answer


def test_an_auxiliary_and_the_infinitive_after_it_are_verbs_not_what_is_counted() -> None:
    info = analyse("Hur många brukar komma på höstmötena?")
    assert not info.counted
    assert {t.stem: t.verb for t in info.terms}["komm"] is True
    engine = ExtractiveEngine(kb=None)  # type: ignore[arg-type]
    hits = [_hit("Varje höst håller nätverket två fysiska höstmöten. Vid dessa tillfällen har deltagarantalet "
                 "uppgått till cirka 40 personer.", title="Höstmöten")]
    a = engine.answer_from_hits("Hur många brukar komma på höstmötena?", hits)
    assert a.grounded and "40 personer" in a.answer


@pytest.mark.parametrize(("sentence", "counted"), [
    ("Skolan fick 12 kvällsplatser i kursen.", True),  # another compound of "platser", the modifier said apart
    ("Skolan fick 12 kvällsplatser.", False),  # the modifier unsaid: other places
    ("Kursen fick tolv nya kvällsplatser.", True),  # a number word counts too
    ("Kursen har 12 platser.", False),  # the head alone is no other compound (counts_near decides that)
    ("Kursen fick nya kvällsplatser.", False),  # no number before it
])
def test_a_counted_compound_is_counted_by_another_compound_of_its_head_with_its_modifier_said(
        sentence: str, counted: bool) -> None:
    from assistant.answers.gates import counted_in_other_words

    role = asked_term(analyse("Hur många kursplatser fick skolan?"))
    assert role is not None
    assert counted_in_other_words(sentence, role) is counted


def test_a_count_in_other_words_answers_how_many() -> None:
    engine = ExtractiveEngine(kb=None)  # type: ignore[arg-type]  # answer_from_hits needs no store
    hits = [_hit("Folkhögskolan Ljungby får 30 kvällsplatser på kursen i snickeri under 2025. Ansökan öppnar i maj.",
                 title="Fler platser i snickarkursen")]
    a = engine.answer_from_hits("Hur många kursplatser fick Folkhögskolan Ljungby?", hits)
    assert a.grounded and "30 kvällsplatser" in a.answer


@pytest.mark.parametrize(("sentence", "said"), [
    ("Kontaktgruppsmöten hålls var fjärde vecka.", True),  # the compound spells KG out
    ("Styrgruppsmöten hålls varje månad.", False),  # another group's meetings
    ("Kansligruppens möten hålls varje månad.", False),  # not one word that spells it out
])
def test_an_abbreviation_joined_to_a_noun_is_said_by_the_compound_spelling_it_out(sentence: str, said: bool) -> None:
    kg = next(t for t in analyse("Hur ofta hålls KG-mötena?").terms if not t.verb)
    assert (kg.match(frozenset(tokens_of(sentence))) == 1.0) is said


def test_how_often_abbreviated_meetings_meet_is_answered_by_the_spelled_out_compound() -> None:
    engine = ExtractiveEngine(kb=None)  # type: ignore[arg-type]  # answer_from_hits needs no store
    hits = [_hit("Arbetsgrupperna träffas på flera sätt. Det viktigaste forumet är kontaktgruppsmöten som hålls "
                 "var fjärde vecka. Kansliet leder dem.", title="Former för samverkan")]
    a = engine.answer_from_hits("KG-mötena – hur ofta?", hits)
    assert a.grounded and "var fjärde vecka" in a.answer


def test_a_later_sentence_opens_with_a_capital_that_names_nothing() -> None:
    """Each sentence of a question opens with a capital by grammar: only the names count as its subjects."""
    assert [e.label for e in subjects("Vem leder Skolverket? Beskriv också uppdraget.")] == ["Skolverket"]
    assert [e.label for e in subjects("Hur många anställda har Tillväxtverket? Ange även året.")] == ["Tillväxtverket"]
    assert [e.label for e in subjects("Vad gör MYH? Och UHR?")] == ["MYH", "UHR"]  # an acronym opening one still names
