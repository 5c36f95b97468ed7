"""Each coding rule on sentences written for it. These run the real spaCy pipeline."""
import pytest

from conftest import country_triples, triples

pytestmark = pytest.mark.slow


def one(events, **want):
    hits = [e for e in events if all(_get(e, k) == v for k, v in want.items())]
    assert hits, f"no event with {want} in {[(e.source.code, e.target and e.target.code, e.code, e.modality) for e in events]}"
    return hits[0]


def _get(e, key):
    if key == "src":
        return e.source.code
    if key == "tgt":
        return e.target.code if e.target else None
    if key == "root":
        return e.root_code
    if key == "src_country":
        return e.source.country
    if key == "tgt_country":
        return e.target.country if e.target else None
    return getattr(e, key)


def test_subject_verb_object_with_prepositional_target(code):
    ev = one(code("Japan imposed sanctions on Russia over the war."), src="JPN", tgt="RUS", code="163")
    assert ev.modality == "asserted" and not ev.negated and ev.speaker is None
    assert ev.plover["event"] == "COERCE" and ev.quad_class == 4 and ev.goldstein == -8.0
    text = "Japan imposed sanctions on Russia over the war."
    assert text[slice(*ev.evidence["source"])] == "Japan"
    assert text[slice(*ev.evidence["target"])] == "Russia"
    assert "imposed" in [text[s:e] for s, e in ev.evidence["action"]]
    assert "verbs.tsv" in ev.rule


def test_passive_with_by_agent(code):
    events = code("Sanctions were imposed on Iran by the European Union on Tuesday.")
    ev = one(events, code="163", tgt="IRN")
    assert ev.source.code.startswith("IGO") or ev.source.name == "European Union"
    assert "passive" in ev.rule


def test_passive_agent_hung_on_the_nearer_noun_still_acts_and_as_a_list(code):
    # The parser attaches "by ..." to "bloc", not to "suspended"; the listed agents each act.
    events = code("Paraguay was suspended from the Mercosur trade bloc by Argentina, Brazil and Uruguay.")
    assert sorted(e.source.code for e in events if e.root_code == "16" and e.target.code == "PRY") == \
        ["ARG", "BRA", "URY"]


def test_adjectives_joined_under_one_noun_are_one_actor_each(code):
    events = code("China criticised the American and Japanese navies for the drills.")
    assert sorted(e.target.code for e in events if e.root_code == "11" and e.source.code == "CHN") == \
        ["JPNMIL", "USAMIL"]


def test_a_place_name_is_read_whole_and_within_the_place_that_owns_it(code):
    # "Chinatown" alone is a place in another country, and so is "Bazar"
    events = code("Solomon Islands police fired tear gas at crowds who had set fire to buildings in "
                  "Honiara's Chinatown.")
    fired = [e for e in events if e.source.code == "SLBCOP"]
    assert fired and all(e.target.country == "SLB" for e in fired)
    events = code("Refugees in Cox's Bazar staged a rally calling on Myanmar to let them return home.")
    assert [e.source.code for e in events if e.target and e.target.code == "MMR"] == ["BGDREF"]


def test_a_sector_word_takes_the_country_of_the_place_or_side_it_belongs_to(code):
    events = code("Aceh rebels attacked an army post, the Indonesian military said.")
    assert {e.source.code for e in events if e.root_code in ("18", "19")} == {"IDNREB"}
    events = code("Negotiators for Sudan's army resumed indirect talks in Jeddah.")
    assert events and all(e.source.country == "SDN" for e in events)


def test_a_state_and_its_rebels_listed_together_act_on_each_other_where_they_meet_abroad(code):
    events = code("The Sri Lankan government and Tamil rebels signed a ceasefire agreement in Oslo on Friday.",
                  date="2002-02-22")
    assert {(e.source.code, e.target.code) for e in events if e.root_code == "05"} == {
        ("LKAGOV", "LKAREB"), ("LKAREB", "LKAGOV")}


def test_parties_apart_are_other_countries_or_a_state_and_its_challengers():
    from eventlens.coding.coder import parties_apart
    from eventlens.models import ActorRef

    def actor(code):
        return ActorRef(code=code, name=code, country=code[:3], sector=code[3:] or None, text=code, start=0,
                        end=0, via="test")

    assert parties_apart([actor("IDNGOV"), actor("IDNREB")])
    assert parties_apart([actor("INDGOV"), actor("CHNGOV")])
    assert not parties_apart([actor("KENCOP"), actor("KENMIL")])  # two arms of one state
    assert not parties_apart([actor("KENOPP"), actor("KENCVL")])
    assert not parties_apart([actor("IDNGOV")])


def test_soldiers_violence_is_the_act_itself_and_against_crowds_repression(code):
    from eventlens.coding.codes import by_actors

    assert by_actors("194", "MIL", "CVL", "villages") == "194"
    assert by_actors("194", "MIL", "CVL", None) == "194"  # an implied target has no words
    assert by_actors("193", "MIL", "CVL", "the protesters") == "175"
    assert by_actors("190", "MIL", "OPP", "opposition supporters") == "175"
    assert by_actors("182", "COP", "CVL", "residents") == "175"
    assert by_actors("190", "CVL", "GOV", "the ministry") == "145"  # protesters who attack riot
    assert by_actors("190", "UAF", "GOV", "the minister") == "180"  # unidentified gunmen: unconventional
    assert by_actors("193", "UAF", "MIL", "a patrol") == "193"
    events = code("Malian army jets bombed a market near Timbuktu, killing dozens of civilians.", date="2024-03-01")
    assert one(events, src="MLIMIL", root="19") and not [e for e in events if e.code == "175"]


def test_a_sector_word_in_an_article_that_names_no_country_takes_the_country_of_its_actors(code):
    events = code("Al-Shabaab fighters overran a military base before dawn, killing several soldiers.",
                  date="2023-05-01")
    assert events and all(e.target is not None and e.target.code == "SOMMIL" for e in events)


def test_a_call_received_is_the_callers_act(code):
    events = code("Kenya's president received a telephone call from the Ugandan president on Friday.",
                  date="2024-03-01")
    assert ("UGAGOV", "KENGOV") in {(e.source.code, e.target.code) for e in events if e.code == "041"}


def test_a_visit_received_is_the_visitors_and_the_one_visited_hosts(code):
    events = code("Ghana's president received a visit from the Togolese foreign minister in Accra on Monday.",
                  date="2024-03-01")
    pairs = {(e.code, e.source.code, e.target.code) for e in events}
    assert {("042", "TGOGOV", "GHAGOV"), ("043", "GHAGOV", "TGOGOV")} <= pairs
    assert ("042", "GHAGOV", "TGOGOV") not in pairs


def test_target_hanging_on_the_object_noun(code):
    events = code("The United States announced new sanctions on three Chinese banks.")
    ev = one(events, code="163", src="USA")
    assert ev.target.code == "CHNBUS"


def test_reporting_verb_keeps_the_speaker(code):
    events = code("German Chancellor Olaf Scholz said that Russia had attacked Ukraine's power grid.",
                  date="2023-03-01")
    ev = one(events, src_country="RUS", tgt="UKR", root="19")
    assert ev.speaker is not None and ev.speaker.code == "DEUGOV" and ev.speaker.name == "Olaf Scholz"


def test_it_was_reported_has_no_speaker(code):
    ev = one(code("It was reported that Turkey expelled two Swedish diplomats."), src="TUR", tgt="SWEGOV")
    assert ev.speaker is None


def test_nominal_event_between(code):
    events = code("Talks between Armenia and Azerbaijan began in Washington on Monday.")
    assert {("ARM", "AZE"), ("AZE", "ARM")} <= {(e.source.code, e.target.code) for e in events if e.root_code == "04"}


def test_coordinated_sources_give_one_event_each(code):
    events = code("France and Germany condemned the missile strike on Kyiv by Russia.")
    sources = {e.source.code for e in events if e.root_code == "11"}
    assert {"FRA", "DEU"} <= sources


def test_negation_drops_the_act(code):
    assert not [e for e in code("Israel did not attack Iran on Sunday.") if e.root_code in ("18", "19", "20")]


def test_refusal_is_a_rejection(code):
    ev = one(code("Venezuela refused to meet with Colombia."), src="VEN", tgt="COL")
    assert ev.root_code == "12" and ev.code == "125" and not ev.negated
    assert "refusal" in ev.rule


def test_intention_becomes_an_intent_code(code):
    ev = one(code("India intends to sign a trade agreement with Australia."), src="IND", tgt="AUS")
    assert ev.root_code == "03" and ev.modality == "intended"


def test_will_with_a_hostile_act_is_a_threat(code):
    ev = one(code("China will impose sanctions on Lithuania, the foreign ministry said."), tgt="LTU")
    assert ev.code == "1312" and ev.modality == "intended" and ev.source.country == "CHN"


def test_conditional_act(code):
    ev = one(code("Serbia could sign the agreement with Kosovo after reviewing its terms."), src="SRB")
    assert ev.root_code == "03" and ev.modality == "conditional"


def test_condition_on_another_actor_is_a_demand(code):
    events = code("Iran will resume talks with the United States only if Washington lifts its sanctions.")
    ev = one(events, code="100", src="IRN")
    assert ev.target.country == "USA" and ev.modality == "conditional"


def test_quote_attributed_to_speaker(code):
    text = ('"We will never accept the occupation of our land," Ukrainian President Volodymyr Zelensky '
            'said on Friday. "Russia attacked our cities again last night."')
    events = code(text, date="2024-05-10")
    ev = one(events, src="RUS", root="19")
    assert ev.speaker is not None and ev.speaker.name == "Volodymyr Zelensky"
    assert ev.target is not None and ev.target.country == "UKR"


def test_no_political_actor_no_event(code):
    assert code("The storm damaged hundreds of homes along the coast on Sunday.") == []
    assert code("The striker scored twice as the home side won the cup final.") == []


def test_duration_is_not_an_event(code):
    assert code("The border dispute between Peru and Ecuador has remained unresolved for decades.") == []


def test_person_by_date_and_surname(code):
    text = ("Japanese Prime Minister Shigeru Ishiba met South Korean President Yoon Suk Yeol in Lima. "
            "Ishiba later criticized North Korea.")
    events = code(text, date="2024-11-16")
    meet = one(events, src="JPNGOV", root="04")
    assert meet.target.code == "KORGOV"
    later = one(events, src="JPNGOV", tgt="PRK")
    assert later.source.name == "Shigeru Ishiba" and later.source.text == "Ishiba"


def test_person_out_of_office_is_elite(code):
    ev = one(code("Shinzo Abe visited China.", date="2023-05-01"), tgt="CHN")
    assert ev.source.code == "JPNELI"


def test_unknown_person_takes_country_and_sector_from_title(code):
    ev = one(code("Malaysian Foreign Minister Ali Harun visited Indonesia.", date="2024-02-01"), tgt="IDN")
    assert ev.source.code == "MYSGOV" and ev.source.name == "Ali Harun"


@pytest.mark.parametrize("text, target, root, source", [
    ("Turkish President Recep Tayyip Erdogan arrived in Budapest. He praised Hungary.", "HUN", "05", "TURGOV"),
    # the first sentence gives no event, but it still says who "he" is
    ("Iraq's president halted flights to Erbil. He also asked Turkey to stop crude trade with the region.",
     "TUR", "02", "IRQGOV"),
])
def test_pronoun_takes_the_last_person(code, text, target, root, source):
    ev = one(code(text, date="2024-12-01"), tgt=target, root=root)
    assert ev.source.code == source and ev.source.text == "He"


def test_capital_stands_for_the_state_and_a_seat_of_government_for_the_government(code):
    # CODEBOOK: "Moscow" as the state is the bare country; "the Kremlin" is the government.
    ev = one(code("Beijing accused Manila of provoking clashes."), tgt_country="PHL")
    assert ev.source.code == "CHN" and ev.target.code == "PHL" and ev.root_code == "11"
    ev = one(code("The Kremlin accused Kyiv of provoking clashes."), tgt_country="UKR")
    assert ev.source.code == "RUSGOV" and ev.target.code == "UKR"
    # X said Y would act is Y's act (CODEBOOK: who is the source), and a capital stays the state even
    # when the one who reports it is an official of the same state.
    events = code("Brazil's president said Brasilia would seek to mediate between Russia and Ukraine.")
    assert events and {e.source.code for e in events} == {"BRA"}, events


@pytest.mark.parametrize("text, role, expected", [
    ("Israeli jets struck Hamas positions in Gaza.", "source", "ISRMIL"),  # the platform names the force
    ("Russian missiles hit Kharkiv.", "source", "RUSMIL"),
    ("Thai generals threatened the opposition leader.", "source", "THAMIL"),
    ("The US secretary of state called his Chinese counterpart.", "target", "CHNGOV"),
    ("The German defence minister visited Lithuania.", "source", "DEUGOV"),  # a minister is GOV
    ("Iran released four Americans.", "target", "USACVL"),  # a people is civilians, the state bare
    ("Poland summoned Belarus's charge d'affaires.", "target", "BLRGOV"),
    ("Hungary demanded that Brussels withdraw the report.", "target", "IGOEUREEC"),  # the EU, not Belgium
    ("Armenian and Azerbaijani troops exchanged fire.", "source", "AZEMIL"),  # both adjectives are troops
    ("Haitian police arrested dozens of opposition supporters.", "target", "HTIOPP"),  # a group's followers
    ("The Bolivian government rebuffed an opposition demand.", "target", "BOLOPP"),  # whoever demanded it
])
def test_sector_words_give_the_codebook_sector(code, text, role, expected):
    events = code(text, date="2024-06-01")
    assert expected in {getattr(e, role).code for e in events if getattr(e, role) is not None}, events


def test_the_sides_an_act_is_between_are_its_targets_not_the_co_subjects(code):
    events = code("Oman and Kuwait offered to mediate in the dispute between Riyadh and Beirut.")
    assert {(e.source.code, e.target.code) for e in events if e.target} == {
        ("OMN", "SAU"), ("OMN", "LBN"), ("KWT", "SAU"), ("KWT", "LBN")}, events


@pytest.mark.parametrize("text,source,modality", [
    ("China expressed readiness to mediate between Russia and Ukraine.", "CHN", "intended"),
    ("Iran reaffirmed its willingness to resume talks with the United States.", "IRN", "intended"),
    ("Egypt welcomed Qatar's offer to mediate between Israel and Hamas.", "QAT", "intended"),
])
def test_an_act_under_an_intention_noun_is_its_owners_intent(code, text, source, modality):
    # The "to" clause hangs on a noun, not a verb: its subject is the noun's owner or the one who
    # expressed it, never the one who welcomed it.
    acts = [e for e in code(text) if e.source.code == source and e.modality == modality]
    assert acts and all(e.root_code == "03" for e in acts), code(text)


def test_a_welcomed_offer_is_not_the_welcomers_own(code):
    events = code("Egypt welcomed the offer to mediate between Israel and Hamas.")
    assert not [e for e in events if e.source.code == "EGY" and e.root_code != "05"], events


def test_event_ids_are_stable(code):
    a = code("Japan imposed sanctions on Russia.")
    b = code("Japan imposed sanctions on Russia.")
    assert [e.id for e in a] == [e.id for e in b] and a


def test_implied_target_only_when_the_article_is_about_two_countries(code):
    # (An export ban with no destination named used to stand here; the corpus codes such bans as no
    # event or with no target, and every ranker trained on it since session 10 does too.)
    text = ("Japan and Russia remain at odds over the islands. Russia warned Japan on Monday. "
            "Japan imposed new sanctions on Tuesday.")
    sanction = one(code(text), src="JPN", code="163")
    assert sanction.target.code == "RUS" and sanction.target.text is None and sanction.target.via.startswith("implied")
    alone = code("Japan imposed new sanctions on Tuesday.")
    assert not [e for e in alone if e.code == "163" and e.target is not None]


def test_dateline_is_not_an_actor_and_gives_the_home_country(code):
    text = ("Army rejects truce\n\nKHARTOUM, Monday - The army rejected the ceasefire on Monday. "
            "Police arrested dozens of protesters.")
    events = code(text, date="2024-05-06")
    assert events and all("KHARTOUM" not in (e.source.text or "") for e in events)
    arrest = one(events, root="17")
    assert arrest.source.code == "SDNCOP"
    assert all(e.sentence_index != 1 for e in events)  # the dateline is a fragment of its own


def test_meeting_in_a_third_country_is_044(code):
    ev = one(code("Biden met Putin in Geneva on Wednesday.", date="2021-06-16"), src="USAGOV", tgt="RUSGOV")
    assert ev.code == "044" and ev.action_geo["country_code"] == "CHE"
    # the event's list of places reads "Geneva" as the same place, not the one in Illinois
    assert [p["country_code"] for p in ev.places if p["role"] == "action"] == ["CHE"]


def test_place_acted_on_stands_for_its_country(code):
    ev = one(code("Russia annexed Crimea in 2014.", date="2014-03-18"), src="RUS", root="19")
    assert ev.target.code == "UKR" and ev.target.via.startswith("place")


def test_group_without_country_takes_the_place_of_the_sentence(code):
    ev = one(code("A U.S. drone strike in Kandahar killed nine civilians.", date="2021-08-29"), root="19")
    assert ev.target.code == "AFGCVL"


def test_demand_targets_whom_it_is_made_of(code):
    ev = one(code("Ankara demanded that Syrian rebels end their siege of the town.", date="2019-08-12"),
             src="TUR", root="10")
    assert ev.target.country == "SYR"
    assert not [e for e in code("Ankara demanded that Syrian rebels end their siege of the town.")
                if e.root_code not in ("10",)]


def test_violence_by_protesters_is_a_riot_and_against_them_repression(code):
    riot = one(code("Sri Lankan protesters stormed the presidential residence.", date="2022-07-09"),
               src="LKACVL")
    assert riot.code[:3] == "145"  # a riot; 1451 where the model reads it as one for a change of leader
    ev = one(code("Iranian police beat protesters in Tehran.", date="2022-09-21"), src="IRNCOP")
    assert ev.code == "175" and ev.target.code == "IRNCVL"


def test_unless_makes_an_ultimatum_not_an_intent(code):
    events = code("Chad will withdraw its troops from Niger unless Niamey releases the detained soldiers.",
                  date="2024-05-01")
    ev = one(events, src="TCD", code="139")
    assert ev.target.country == "NER" and ev.plover["event"] == "THREATEN"
    assert not [e for e in events if e.root_code in ("03", "08")]


def test_relative_pronoun_after_a_list_stands_for_every_listed_actor(code):
    events = code("The statement was signed by France, Germany and Spain, which jointly criticised Israel's "
                  "settlement expansion.")
    assert {(e.source.code, e.target.code) for e in events if e.root_code == "11"} >= {
        ("FRA", "ISR"), ("DEU", "ISR"), ("ESP", "ISR")}


def test_djibouti_is_a_country(code):
    events = code("Kenya, Uganda and Djibouti condemned Sudan.")
    assert {e.source.code for e in events if e.root_code == "11"} == {"KEN", "UGA", "DJI"}


def test_title_case_headline_is_parsed_as_a_sentence(code):
    from eventlens.nlp import load_pipeline

    text = "Brazil Slams Israeli Strikes On Gaza"
    doc = load_pipeline()(text)
    assert doc.text == text and doc[1].pos_ == "VERB" and doc[1].lemma_ == "slam"
    assert [e.text for e in doc.ents if e.label_ == "GPE"] == ["Brazil", "Gaza"]
    events = code(text)
    assert [(e.source.code, e.target.code, e.root_code) for e in events] == [("BRA", "ISR", "11")]
    assert events[0].sentence == text  # the event quotes the headline as written


def test_a_headline_verb_in_the_bare_present_is_read_as_a_verb(code):
    from eventlens.nlp import load_pipeline

    text = "Congolese Police Fire Tear Gas at Catholic Marchers"
    doc = load_pipeline()(text)
    fire = doc[2]
    assert doc.text == text and fire.pos_ == "VERB" and fire.lemma_ == "fire" and fire.dep_ == "ROOT"
    ev = one(code(text, date="2018-01-21"), src="CODCOP", root="17")
    assert ev.target.code.startswith("COD") and ev.sentence == text


def test_a_headline_verb_in_the_third_person_is_read_as_a_verb(code):
    from eventlens.nlp import load_pipeline
    from eventlens.nlp.headlines import verb_stem

    assert [verb_stem(w, {"oust", "rush", "deny", "summon"}) for w in ("ousts", "rushes", "denies", "summons",
                                                                      "rebels")] == [
        "oust", "rush", "deny", "summon", None]
    text = "Zimbabwe Summons Zambian Ambassador Over Border Dispute"
    assert load_pipeline()(text)[1].pos_ == "VERB"
    one(code(text, date="2024-05-02"), src="ZWE", tgt_country="ZMB", root="11")
    # the tagger reads "Ousts" as a noun and the name after it as the verb
    one(code("Bolivia's Army Ousts Morales", date="2019-11-11"), src="BOLMIL", tgt="BOLGOV", root="17")
    # a verb only English has is no place, though the tagger took it for one
    ev = one(code("Canada to Expel Two Chinese Diplomats Over Spying Row", date="2023-05-08"), src="CAN")
    assert ev.target.country == "CHN" and ev.root_code in ("16", "17")


def test_a_known_name_in_a_headline_keeps_its_capital_though_english_has_the_word(code):
    events = code("Erdogan Meets Trump on Sidelines of U.N. Assembly", date="2017-09-21")
    assert {(e.source.code, e.target.code) for e in events if e.root_code == "04"} == {
        ("TURGOV", "USAGOV"), ("USAGOV", "TURGOV")}


def test_a_people_named_in_the_plural_after_a_number_is_found(code):
    ev = one(code("Hundreds of Guatemalans rallied outside the National Palace.", date="2015-06-01"), root="14")
    assert ev.source.code == "GTMCVL"


def test_a_person_is_no_small_town_of_the_same_name(code):
    events = code("Putin Visits Pyongyang, Signs Mutual Defence Pact With Kim", date="2024-06-19")
    assert events and all(e.target is None or e.target.country != "IND" for e in events)


def test_a_sector_word_with_no_country_of_its_own_belongs_to_the_country_the_article_is_about(code):
    # no dateline, no place in the sentence, two countries in the article: "police" are the leading one's
    text = ("Kenya summoned Uganda's envoy on Monday over a border dispute. Kenya's foreign minister called "
            "the incursion unacceptable. Police later detained two opposition activists at a rally.")
    ev = one(code(text, date="2024-03-04"), src="KENCOP", root="17")
    assert ev.sentence_index == 2


def test_he_after_a_title_without_a_name_is_the_title_holder(code):
    text = "The U.S. secretary of state arrived in Beijing on Sunday. He met the Chinese foreign minister."
    events = [e for e in code(text, date="2023-06-19") if e.sentence_index == 1]
    assert events and {e.source.code for e in events} == {"USAGOV"} and events[0].source.text == "He"


def test_headline_past_tense():
    from eventlens.nlp.headlines import past_tense

    assert [past_tense(w) for w in ("Fire", "sign", "deploy", "rally", "strike", "hold", "Ban", "snub", "open",
                                    "visit", "jail")] == [
        "fired", "signed", "deployed", "rallied", "struck", "held", "banned", "snubbed", "opened", "visited", "jailed"]


def test_a_lead_after_a_dateline_or_a_line_break_is_one_sentence(pipeline):
    # With the sentence start preset, the parser used to cut the lead after its first word.
    doc = pipeline("KHARTOUM, Oct 25 - Soldiers detained the prime minister before dawn. The army chief spoke.\n"
              "Washington and Havana said they would reopen embassies.")
    sents = [s.text.strip() for s in doc.sents]
    assert "Soldiers detained the prime minister before dawn." in sents
    assert "Washington and Havana said they would reopen embassies." in sents
    assert "The army chief spoke." in sents


def test_a_country_abbreviation_before_a_hyphen_is_its_own_word(pipeline):
    words = [t.text for t in pipeline("U.S.-led warplanes bombed targets near a U.N.-backed camp.")]
    assert words[:3] == ["U.S.", "-", "led"] and "U.N." in words


def test_soldiers_after_a_dateline_are_the_source(code):
    text = "KHARTOUM, Oct 25 - Soldiers detained the prime minister and several cabinet members before dawn."
    ev = one(code(text, date="2021-10-25"), root="17")
    assert ev.source.country == "SDN" and ev.source.text == "Soldiers"


def test_they_after_a_list_of_countries_is_each_of_them(code):
    text = ("Sudan and South Sudan signed a border deal on Monday. "
            "The two leaders also agreed to reopen the oil pipeline.")
    later = [e for e in code(text, date="2012-09-27") if e.sentence_index == 1]
    assert {(e.source.country, e.target.country if e.target else None) for e in later} == {("SDN", "SSD"), ("SSD", "SDN")}
    assert all("one of the two sides named before" in e.source.via for e in later)


def test_the_north_in_a_story_about_korea_is_north_korea(code):
    text = "Seoul said it had raised its alert level after the North fired artillery near the maritime border."
    ev = one(code(text, date="2023-01-06"), root="19")
    assert ev.source.code == "PRK" and ev.source.text == "North"
    assert not [e for e in code("The North won the derby against the South on Sunday.") if e.source.code in ("PRK", "KOR")]


def test_declining_to_comment_is_cameos_decline_comment_and_leaves_the_act_it_is_about_alone(code):
    events = code("Poland's government declined to comment on Monday on the European Commission's decision "
                  "to freeze 2 billion euros in funds for Warsaw.", date="2023-06-01")
    assert one(events, src="POLGOV", code="011")
    assert not [e for e in events if e.root_code == "12"]  # neither the comment nor the freeze is a rejection


def test_civilians_killed_in_a_named_city_are_of_that_citys_country(code):
    events = code("Russian artillery pounded a suburb of Zaporizhzhia on Monday, killing four civilians.",
                  date="2023-06-01")
    assert one(events, src_country="RUS", root="19", tgt_country="UKR")
    assert not [e for e in events if e.target is not None and e.target.code == "RUSCVL"]


def test_a_protest_lodged_with_no_one_named_is_not_aimed_at_the_protesters_own_people(code):
    events = code("Vietnam's foreign ministry lodged a formal protest on Friday, a spokeswoman said, without "
                  "giving details.", date="2023-06-01")
    assert not [e for e in events if e.target is not None and e.target.code == "VNMCVL"]


def test_what_an_accusation_alleges_is_not_an_event_of_its_own(code):
    events = code("Armenia recalled its ambassador from Belarus, accusing Minsk of supplying weapons to Azerbaijan.",
                  date="2023-06-01")
    assert one(events, src="ARM", root="11", tgt_country="BLR")
    assert not [e for e in events if e.root_code == "07"]


def test_a_threat_is_aimed_at_the_one_whose_act_would_set_it_off(code):
    # the place named in the condition (Taiwan) is not the one warned
    events = code("China's defence ministry warned that Beijing would take military action if American warships "
                  "were sent to Taiwan.", date="2023-06-01")
    assert one(events, root="13", src_country="CHN", tgt_country="USA")


def test_the_government_of_the_country_a_sentence_names_not_of_the_venue(code):
    events = code("Colombian rebels threatened to quit the peace talks in Havana unless the government released "
                  "jailed commanders.", date="2023-06-01")
    assert {e.target.code for e in events if e.root_code == "13" and e.target} <= {"COLGOV"}
    assert one(events, root="13", tgt="COLGOV")


def test_a_name_written_with_a_hyphen_is_found_without_it(code):
    events = code("Al Shabab militants ambushed an African Union convoy near Baidoa on Monday.", date="2023-06-01")
    # the dictionary's group, not "militants" placed by the town
    assert one(events, src="SOMREB", root="19").source.name == "al-Shabaab"


def test_a_meeting_in_one_sides_capital_is_the_guests_visit_and_the_hosts_welcome(code):
    events = code("Kenya's foreign minister met his Ethiopian counterpart in Addis Ababa on Tuesday.", date="2023-06-01")
    pairs = {(e.code, e.source.code, e.target.code) for e in events}
    assert {("042", "KENGOV", "ETHGOV"), ("043", "ETHGOV", "KENGOV")} <= pairs


def test_one_actors_mutual_act_is_coded_back_between_a_state_and_its_rebels(code):
    events = code("Malian troops clashed with separatist rebels near Kidal on Friday.", date="2023-06-01")
    pairs = {(e.source.code, e.target.code) for e in events if e.root_code == "19"}
    assert {("MLIMIL", "MLISEP"), ("MLISEP", "MLIMIL")} <= pairs


def test_the_two_leaders_are_the_two_sides_of_the_call_before(code):
    events = code("Chile's president received a phone call from his Argentine counterpart on Monday. The two leaders "
                  "agreed to reopen a border crossing in the Andes.", date="2023-06-01")
    later = [e for e in events if e.sentence_index == 1]
    assert {e.source.country for e in later} == {"CHL", "ARG"}
    assert all(e.target is not None and e.target.country != e.source.country for e in later)


def test_the_pope_acts_for_the_holy_see(code):
    events = code("The Pope urged Venezuela's government to release political prisoners.", date="2023-06-01")
    assert one(events, src="VATGOV", root="02", tgt="VENGOV")


def test_unnamed_gunmen_killing_a_judge_is_an_event_though_a_mass_shooting_is_not(code):
    events = code("Unidentified gunmen shot dead a provincial judge outside a court in Kandahar on Monday.",
                  date="2023-06-01")
    assert one(events, src="AFGUAF", tgt="AFGJUD")
    assert not code("A gunman killed six shoppers at a supermarket in Ohio on Saturday.", date="2023-06-01")


def test_a_reaction_drawn_from_someone_is_their_act_on_the_one_who_drew_it(code):
    events = code("Israel's prime minister visited the Temple Mount compound, drawing condemnation from Jordan.",
                  date="2023-06-01")
    assert one(events, src="JOR", root="11", tgt="ISRGOV")


def test_the_ministry_named_again_is_the_summoning_states_not_the_summoned_envoys(code):
    events = code("Latvia summoned the Belarusian charge d'affaires on Tuesday after a helicopter had crossed the "
                  "border. The foreign ministry called the flight a gross provocation.", date="2023-06-01")
    assert one(events, root="11", src="LVAGOV", tgt_country="BLR")
    assert not [e for e in events if e.source.country == "BLR" and e.root_code == "11"]


def test_a_government_condemning_an_attack_no_one_claimed_is_not_aimed_at_its_own_state(code):
    events = code("Estonia's prime minister condemned an arson attack on a warehouse in Tallinn on Sunday.",
                  date="2023-06-01")
    assert not [e for e in events if e.target is not None and e.target.code == "EST"]


def test_a_verdict_on_an_act_is_criticism_of_whoever_acted(code):
    events = code("Armenia moved tanks to its border with Azerbaijan on Monday. Baku said the deployment was a "
                  "dangerous provocation.", date="2023-06-01")
    assert one(events, root="11", src="AZE", tgt_country="ARM")
    named = code("Peru expelled two Bolivian diplomats, and La Paz called the expulsion an unfriendly act.",
                 date="2023-06-01")
    assert one(named, root="11", src="BOL", tgt_country="PER")
    # a state of affairs judged is no one's act
    assert not [e for e in code("Nepal's minister said the situation in the valley was dangerous.",
                                date="2023-06-01") if e.root_code == "11"]


def test_a_participle_verdict_is_the_speakers_though_the_parser_hangs_it_on_the_reported_act(code):
    events = code("Canada's defence minister said a Chinese warship had sailed within metres of a Canadian frigate, "
                  "calling it an unsafe act.", date="2023-06-01")
    assert one(events, root="11", src="CANGOV", tgt_country="CHN")


def test_members_of_a_group_are_the_group_and_a_suicide_bomber_is_no_aircraft(code):
    events = code("Members of a rebel militia ambushed an army patrol near Beni on Sunday.", date="2023-06-01")
    assert one(events, root="19", src="CODREB", tgt="CODMIL")
    bomber = code("A suicide bomber blew himself up at a checkpoint in Kandahar, killing four police officers.",
                  date="2023-06-01")
    assert one(bomber, root="18", src_country="AFG", tgt_country="AFG")


def test_masked_men_who_beat_an_opposition_politician_are_unnamed_attackers(code):
    events = code("Masked men beat an opposition politician outside his home in Minsk on Friday.", date="2023-06-01")
    assert one(events, src="BLRUAF", root="18", tgt="BLROPP")


def test_the_toll_of_an_attack_is_not_a_second_event_but_names_its_victims(code):
    events = code("Russian forces shelled a residential district of Kherson overnight, killing five civilians.",
                  date="2023-06-01")
    violent = [e for e in events if e.root_code in ("18", "19", "20")]
    assert len(violent) == 1 and violent[0].target.code == "UKRCVL"


def test_denied_talks_are_no_event_but_a_denied_wrong_is_a_denial(code):
    assert not code("Kenya's foreign ministry denied that it had held secret talks with Somali militants.",
                    date="2023-06-01")
    events = code("Turkey blamed Syria for the bombing. Damascus denied that its agents had planted the bomb.",
                  date="2023-06-01")
    assert one(events, code="016", src="SYR", tgt_country="TUR")


def test_a_purpose_that_restates_the_meeting_is_not_coded_again(code):
    events = code("Senegal's president met his Malian counterpart in Dakar on Friday to discuss border security.",
                  date="2023-06-01")
    # the host's welcome and the guest's visit; "to discuss" adds no third and fourth event
    assert {(e.code, e.source.code) for e in events} == {("043", "SENGOV"), ("042", "MLIGOV")}


def test_a_protest_purpose_names_the_protests_target(code):
    events = code("Hundreds of Greeks rallied outside the Turkish embassy in Athens to protest against the EU.",
                  date="2023-06-01")
    assert one(events, root="14", src="GRCCVL", tgt="IGOEUREEC")
    assert not [e for e in events if e.target is not None and e.target.country == "TUR"]  # where, not against whom


def test_a_subject_pronoun_goes_on_with_the_subject_before_not_its_object(code):
    events = code("Ghana's president telephoned his Nigerian counterpart on Monday. He urged Abuja to reopen "
                  "the border.", date="2023-06-01")
    assert one(events, root="02", src="GHAGOV", tgt_country="NGA")


def test_yet_to_do_something_is_not_done_and_a_score_is_sport(code):
    assert not code("Chile's president has yet to speak with his Peruvian counterpart since the vote.",
                    date="2023-06-01")
    assert not code("Morocco's Atlas Lions beat Algeria 3-1 in Rabat, a result the minister hailed as historic.",
                    date="2023-06-01")


def test_a_verdict_with_no_one_named_is_on_whoever_did_the_act_just_reported(code):
    events = code("Al Shabaab militants bombed a market in Mogadishu on Sunday. A spokesman for Somalia's government "
                  "called the attack a barbaric crime.", date="2023-06-01")
    assert one(events, root="11", src="SOMGOV", tgt="SOMREB")
    # the judge's own act before it is not what it judges
    threat = code("Togo threatened to close its border with Ghana unless Accra stopped hosting exiled dissidents. "
                  "Ghana's foreign ministry called the threat regrettable.", date="2023-06-01")
    assert one(threat, root="11", src="GHAGOV", tgt_country="TGO")


def test_crime_by_an_unnamed_man_on_no_political_target_and_a_standing_fact_are_no_events(code):
    assert not code("A man stabbed a German tourist in central Porto on Friday and fled, police said.",
                    date="2023-06-01")
    assert not code("Bahrain hosts the headquarters of the US Fifth Fleet.", date="2023-06-01")
    assert code("Bahrain hosted the Qatari foreign minister on Monday.", date="2023-06-01")


def test_a_rejection_with_no_proposer_anywhere_is_no_event(code):
    assert not code("Eritrea's government rejected the proposal on Sunday.", date="2023-06-01")
    events = code("Kenya proposed a ceasefire monitoring team on Saturday. Eritrea's government rejected the proposal "
                  "on Sunday.", date="2023-06-01")
    assert one(events, root="12", src_country="ERI", tgt_country="KEN")


def test_the_one_asked_to_free_people_is_the_one_who_detained_them(code):
    events = code("Peru's foreign minister appealed to Ecuador on Friday to free a Peruvian fisherman arrested in "
                  "Guayaquil last week.", date="2023-06-01")
    assert one(events, root="17", code="173", src="ECU", tgt_country="PER")
    # the detention is told as a fact: it is no appeal of its own
    assert not [e for e in events if e.root_code == "02" and e.target and e.target.country == "PER"]
    pronoun = code("Jordan demanded that Syria release the Jordanian truck drivers it arrested at the Nassib crossing.",
                   date="2023-06-01")
    assert one(pronoun, code="173", src="SYR", tgt_country="JOR")
    # a release only asked for on a condition says nothing of who holds anyone
    assert not [e for e in code("Chile would recall its envoy if Bolivia did not release a Chilean officer held "
                                "near Oruro, the minister said.", date="2023-06-01") if e.code == "173"]


def test_a_hostile_act_that_would_follow_an_if_is_a_threat(code):
    events = code("Azerbaijan's defence minister said his army would shell Armenian positions if Yerevan moved "
                  "artillery closer to the line.", date="2023-06-01")
    assert one(events, root="13", src_country="AZE", tgt_country="ARM", modality="conditional")
    # analysts weighing what "could" happen make no threat, and without an "if" a "would" is speculation
    assert not [e for e in code("Analysts said Greece could expel Turkish diplomats if the talks collapsed.",
                                date="2023-06-01") if e.root_code in ("13", "17")]
    assert not [e for e in code("Analysts said the army would probably shell the town within days.",
                                date="2023-06-01") if e.root_code in ("13", "19")]


def test_a_threat_warned_of_is_coded_once_from_the_act_threatened(code):
    events = code("Beijing warned on Monday that it would halt imports of Lithuanian timber if Vilnius let Taiwan "
                  "open another office.", date="2023-06-01")
    threats = [e for e in events if e.root_code == "13"]
    assert len(threats) == 1 and threats[0].source.country == "CHN" and threats[0].target.country == "LTU"


def test_claimed_attacks_are_the_claimants_and_a_misparsed_shot_dead_is_still_a_killing(code):
    events = code("A Baloch separatist group claimed responsibility for a roadside bombing that killed five "
                  "soldiers near Turbat.", date="2023-06-01")
    assert one(events, root="18", src_country="PAK")
    assert one(events, code="015", src_country="PAK")
    shot = code("Gunmen on a motorcycle shot dead a district judge in Iraq's Basra province on Monday.",
                date="2023-06-01")
    assert one(shot, root="18", src="IRQUAF", tgt_country="IRQ")


def test_a_sector_word_owned_by_a_pronoun_is_of_whoever_the_pronoun_stands_for(code):
    events = code("Israel's defence minister said his troops had raided Hezbollah positions in southern Lebanon.",
                  date="2023-06-01")
    assert one(events, root="19", src="ISRMIL", tgt_country="LBN")
    # "their" is not a single state's
    listed = code("Peru, Chile and Ecuador rejected the result, and Caracas ordered their diplomats to leave the "
                  "country.", date="2023-06-01")
    assert not [e for e in listed if e.root_code == "17" and e.target and e.target.country == "VEN"]


def test_an_outlook_on_what_others_may_do_is_a_comment_on_them_not_their_act(code):
    events = code("Egypt's foreign minister said he was hopeful that Ethiopia and Sudan would sign a dam accord "
                  "this year.", date="2023-06-01")
    assert {(e.source.country, e.target.country, e.code) for e in events} == {("EGY", "ETH", "013"),
                                                                             ("EGY", "SDN", "013")}
    gloomy = code("Hungary's prime minister said he was sceptical about a quick settlement between Serbia and "
                  "Kosovo.", date="2023-06-01")
    assert one(gloomy, code="012", src="HUNGOV", tgt_country="SRB")
    # a coach is no political actor, and his team's win no event
    assert not code("The coach said he was confident that his team would beat Morocco on Sunday.", date="2023-06-01")


def test_an_expulsion_with_no_country_named_is_no_event_on_the_states_own_people(code):
    assert not [e for e in code("Norway expelled three diplomats on Monday, the foreign ministry said.",
                                date="2023-06-01") if e.root_code == "17"]
    named = code("Norway expelled three Russian diplomats on Monday, the foreign ministry said.", date="2023-06-01")
    assert one(named, code="174", src_country="NOR", tgt_country="RUS")


def test_a_protest_told_as_a_state_is_a_protest_and_a_clause_describing_someone_is_a_fact(code):
    striking = code("A jailed Belarusian blogger has been on hunger strike for three weeks, his lawyer said.",
                    date="2023-06-01")
    assert one(striking, root="14", src_country="BLR", tgt="BLRGOV")
    # asked to free someone who is on hunger strike: the strike is the blogger's own act, not a demand
    asked = code("Human Rights Watch urged Hanoi to release a jailed Vietnamese journalist who has been on hunger "
                 "strike since March.", date="2023-06-01")
    assert one(asked, root="14", src_country="VNM", tgt="VNMGOV")


def test_a_closed_border_or_a_deployment_nowhere_with_no_one_named_is_no_event(code):
    assert not code("Chad closed its airspace on Thursday, the civil aviation authority said.", date="2023-06-01")
    # a deployment that names no place falls on no one: not the people, nor the army's own government
    assert not [e for e in code("The Malian army said on Friday it had deployed more troops.", date="2023-06-01")
                if e.root_code == "15"]
    # a deployment at home falls on the people where it is
    streets = code("Kenya's government deployed soldiers in Nairobi after two nights of rioting.", date="2023-06-01")
    assert one(streets, root="15", src_country="KEN", tgt_country="KEN")
    # a state does not expel diplomats of its own: whose they are was only guessed
    assert not [e for e in code("Latvia expelled four diplomats on Monday, saying they had spied for a foreign "
                                "power.", date="2023-06-01") if e.root_code == "17"]


def test_an_armed_force_does_not_aim_force_at_its_own_government_but_rebels_may(code):
    drills = code("The Pakistani navy said it had held live-fire drills and put its ships on alert.", date="2023-06-01")
    assert not [e for e in drills if e.target is not None and e.target.code == "PAKGOV"]
    rebels = code("The Houthis suspended talks with the government on reopening roads around Taiz.", date="2023-06-01")
    assert one(rebels, root="16", src_country="YEM", tgt="YEMGOV")


def test_an_angry_response_drawn_from_someone_is_their_criticism(code):
    events = code("Lithuania allowed Taiwan to open a representative office in Vilnius, drawing a furious "
                  "response from Beijing.", date="2023-06-01")
    assert one(events, code="111", src_country="CHN", tgt_country="LTU")
    # a response that is only described is no criticism of anyone
    assert not [e for e in code("The ministry's response to the floods was slow, residents said.",
                                date="2023-06-01") if e.root_code == "11"]


def test_what_protesters_demand_is_what_their_protest_is_about(code):
    events = code("Thousands of Georgian protesters marched on parliament in Tbilisi on Sunday, demanding the "
                  "withdrawal of the foreign agents bill.", date="2023-06-01")
    assert one(events, root="14", src_country="GEO")
    assert not [e for e in events if e.root_code == "10"]
    # a demand made in words is still coded
    said = code("Georgia's opposition demanded that parliament withdraw the foreign agents bill.", date="2023-06-01")
    assert one(said, root="10", src_country="GEO")


def test_what_others_expect_an_actor_to_do_is_a_forecast_not_its_act(code):
    assert not code("Analysts expect Ecuador to answer Peru's new fishing rules, possibly by sending navy "
                    "patrol boats to the maritime border.", date="2023-06-01")
    assert not code("Talks between Sudan's army and the RSF are expected to resume in Jeddah next month.",
                    date="2023-06-01")
    # an actor's own expectation of what it will do is its intention
    own = code("Uzbekistan expects to sign a gas supply deal with Kazakhstan next month.", date="2023-06-01")
    assert one(own, root="03", src_country="UZB", tgt_country="KAZ", modality="intended")


def test_leaders_of_a_community_speak_for_it_not_for_the_state(code):
    events = code("Indigenous leaders in Ecuador demanded on Monday that the government suspend oil drilling in "
                  "the Yasuni park.", date="2023-06-01")
    assert one(events, root="10", src="ECUCVL", tgt="ECUGOV")


def test_a_role_noun_of_a_list_of_countries_is_one_actor_of_each(code):
    hosted = code("Australia's prime minister hosted the leaders of Fiji and Tonga in Canberra.", date="2023-06-01")
    assert {e.target.code for e in hosted if e.code == "043"} == {"FJIGOV", "TONGOV"}
    # a host who meets several guests at home hosts each of them, and each visits
    met = code("Putin met the presidents of Kazakhstan, Uzbekistan and Tajikistan in Moscow.", date="2023-06-01")
    assert {(e.source.code, e.target.code, e.code) for e in met} >= {
        ("RUSGOV", "KAZGOV", "043"), ("UZBGOV", "RUSGOV", "042"), ("RUSGOV", "TJKGOV", "043")}


def test_youths_are_young_people_and_a_youth_wing_is_its_partys(code):
    riot = code("Hundreds of youths rioted in the Kyrgyz city of Osh on Monday night.", date="2023-06-01")
    assert one(riot, root="14", src="KGZCVL")
    wing = code("Members of the ruling party's youth wing beat two journalists in Dhaka.", date="2023-06-01")
    assert not [e for e in wing if e.source.sector == "CVL"]


def test_actors_who_act_on_each_other_are_each_others_targets_whatever_the_act(code):
    events = code("Serbia and Kosovo blamed each other for the violence in Zvecan.", date="2023-06-01")
    assert {(e.source.country, e.target.country) for e in events if e.root_code == "11"} == {("SRB", "XKX"),
                                                                                          ("XKX", "SRB")}


def test_a_rejected_offer_or_a_criticised_decision_is_no_event_of_its_own(code):
    rejected = code("Colombia rejected Venezuela's offer to mediate between Bogota and the ELN, saying the "
                    "talks were a domestic matter.", date="2023-06-01")
    one(rejected, root="12", src_country="COL", tgt_country="VEN")
    assert [e.root_code for e in rejected] == ["12"]
    criticised = code("Chile criticised Bolivia's decision to close its border crossings to Chilean trucks.",
                      date="2023-06-01")
    one(criticised, root="11", src_country="CHL", tgt_country="BOL")
    assert [e.root_code for e in criticised] == ["11"]
    # the offer made, not judged, is coded
    assert one(code("Venezuela offered to mediate between Bogota and the ELN.", date="2023-06-01"),
               root="03", src_country="VEN")


def test_what_a_signed_pact_provides_is_its_content_not_another_event(code):
    for text in ("Brazil and Argentina signed a pact on Monday to share radar data on drug flights.",
                 "Brazil signed a pact with Argentina to share radar data on drug flights."):
        events = code(text, date="2023-06-01")
        one(events, root="05", src_country="BRA", tgt_country="ARG")
        assert not [e for e in events if e.root_code == "06"], text


def test_what_a_report_or_a_claim_says_is_alleged_not_done(code):
    events = code("The Council of Europe sent a team to investigate reports that Azerbaijani police had beaten "
                  "journalists in Baku.", date="2023-06-01")
    assert not [e for e in events if e.root_code == "18"]
    assert one(code("Azerbaijani police beat journalists in Baku.", date="2023-06-01"), src_country="AZE")


def test_a_verb_whose_object_is_a_nominal_event_of_its_root_is_no_second_event(pipeline):
    from eventlens.coding.grammar import Clause
    from eventlens.coding.rules import Candidate, said_by_their_objects

    doc = pipeline("Egypt's decision drew sharp criticism from Qatar.")
    drew, criticism = next(t for t in doc if t.text == "drew"), next(t for t in doc if t.text == "criticism")
    assert criticism.dep_ == "dobj" and criticism.head == drew
    nominal = Candidate("111", "nominal", [criticism], [], [], Clause())
    same_root, other_root = (Candidate(code, "detector", [drew], [], [], Clause()) for code in ("112", "040"))
    assert said_by_their_objects([nominal], [same_root, other_root]) == [other_root]
    assert said_by_their_objects([], [same_root]) == [same_root]


def _actors(pipeline, coder, text):
    import datetime as dt

    from eventlens.actors.resolve import ArticleActors

    doc = pipeline(text)
    return doc, ArticleActors(doc, coder.dictionary, dt.date(2023, 6, 1))


def test_a_body_named_again_by_its_kind_is_the_body_named_before(pipeline, coder):
    doc, actors = _actors(pipeline, coder, "The African Union suspended Niger after the coup. The bloc demanded "
                                           "the release of the president.")
    au = actors.resolve(next(t for t in doc if t.text == "Union"))
    niger = actors.resolve(next(t for t in doc if t.text == "Niger"))
    assert au.code.startswith("IGO") and niger.code == "NER"
    bloc = actors.resolve(next(t for t in doc if t.text == "bloc"))
    assert bloc is not None and bloc.code == au.code and bloc.text == "bloc"
    # with no international body named before, "the bloc" names nobody
    doc, actors = _actors(pipeline, coder, "Niger's junta met on Monday. The bloc demanded elections.")
    actors.resolve(next(t for t in doc if t.text == "junta"))
    assert actors.resolve(next(t for t in doc if t.text == "bloc")) is None


def test_a_subject_it_opening_a_sentence_is_the_last_body_that_was_a_subject(pipeline, coder):
    doc, actors = _actors(pipeline, coder, "Indian troops fired on a Pakistani patrol, the Pakistani army said. "
                                           "It vowed to retaliate. It was the third such incident.")
    for word in ("troops", "army"):  # in the coder's order: the event's source, then its reporter
        actors.resolve(next(t for t in doc if t.text == word))
    its = [t for t in doc if t.text == "It"]
    vowed = actors.resolve(its[0])
    assert vowed is not None and vowed.code == "PAKMIL"
    assert actors.resolve(its[1]) is None  # the empty "it" of "It was ..."


def test_a_reaction_is_aimed_at_the_last_other_actor_named_before(pipeline, coder, code):
    doc, actors = _actors(pipeline, coder, "The European Union imposed tariffs on Chinese steel. Beijing "
                                           "condemned the decision, the Chinese ministry said.")
    for word in ("Union", "Chinese", "Beijing", "ministry"):
        actors.resolve(next(t for t in doc if t.text == word))
    second = list(doc.sents)[1]
    # Beijing and the ministry (same state, this sentence) are not what Beijing reacts to
    last = actors.last_other({"CHN"}, before=second.start_char)
    assert last is not None and last.code.startswith("IGO")
    events = code(doc.text, date="2023-06-01")
    assert one(events, root="11", src="CHN", tgt=last.code)


def test_the_object_of_a_participle_clause_is_the_object_of_the_act_it_hangs_on(code):
    events = code("Malawi's government suspended the mining licence of an Australian company on Tuesday, "
                  "accusing the firm of underpaying royalties.", date="2023-06-01")
    assert one(events, root="11", src="MWIGOV", tgt="AUSBUS")
    events = code("Tanzania expelled two Kenyan diplomats on Sunday, accusing them of spying.", date="2023-06-01")
    assert one(events, root="11", src_country="TZA", tgt_country="KEN")


def test_a_message_of_condolence_is_condolence(code):
    events = code("Oman's sultan sent a message of condolence to the Iranian president after the refinery fire.",
                  date="2023-06-01")
    assert one(events, code="018", src="OMNGOV", tgt="IRNGOV")
    assert not [e for e in code("The president sent a message to parliament.", date="2023-06-01")
                if e.code == "018"]


def test_a_sector_word_before_aid_says_its_kind_not_its_owner(pipeline, coder):
    doc, actors = _actors(pipeline, coder, "Norway promised $500 million in military aid to Kyiv.")
    aid = next(t for t in doc if t.text == "aid")
    assert actors.resolve(aid, remember=False, owner="all") is None
    doc, actors = _actors(pipeline, coder, "Opposition supporters marched in Nairobi.")
    supporters = next(t for t in doc if t.text == "supporters")
    assert actors.resolve(supporters, remember=False, owner="all").code == "KENOPP"


def test_called_on_a_day_is_no_appeal_and_calling_a_thing_something_is_no_call(code):
    assert not [e for e in code("Biden called Xi on Tuesday.", date="2023-06-01") if e.root_code == "02"]
    assert one(code("China called on Japan on Monday to withdraw its ships.", date="2023-06-01"),
               root="02", src="CHN", tgt="JPN")
    events = code("A court in Dhaka jailed a former minister for bribery. The ruling drew criticism from his "
                  "party, which called the case politically motivated.", date="2023-06-01")
    assert not [e for e in events if e.code == "041"]


def test_a_refusal_the_detector_reads_in_a_negated_act_is_coded_and_a_plain_negation_is_not(code):
    events = code("The US State Department said on Friday it would not lift sanctions on Cuba's military-run "
                  "companies until political prisoners were freed.", date="2023-06-01")
    assert one(events, root="12", src_country="USA", tgt_country="CUB")
    assert not [e for e in code("Indian troops did not attack the Pakistani post.", date="2023-06-01")
                if e.root_code in ("12", "19")]


def test_what_may_follow_a_condition_is_weighed_not_done(code):
    assert not code("If the monsoon rains fail again, Nepal's government may have to import rice from India, "
                    "an agriculture ministry official said.", date="2023-06-01")
    assert one(code("Nepal's government will import rice from India, an agriculture ministry official said.",
                    date="2023-06-01"), src_country="NPL", tgt_country="IND")


def test_a_state_led_coalition_is_that_states_forces(pipeline, coder):
    for text, head in (("Saudi-led coalition aircraft struck a bridge near Hodeidah.", "aircraft"),
                       ("The Saudi-led coalition struck a bridge near Hodeidah.", "coalition")):
        doc, actors = _actors(pipeline, coder, text)
        assert actors.resolve(next(t for t in doc if t.text == head), remember=False).code == "SAUMIL"
    doc, actors = _actors(pipeline, coder, "The ruling coalition met in Rome.")
    assert actors.resolve(next(t for t in doc if t.text == "coalition"), remember=False) is None


def test_the_group_is_the_last_non_state_body_named_before(pipeline, coder):
    doc, actors = _actors(pipeline, coder, "The Houthis seized a ship in the Red Sea. Saudi officials said the "
                                           "group had fired a missile at Jazan.")
    group = next(t for t in doc if t.text == "group")
    assert actors.resolve(group, remember=False).code == "YEMREB"
    # an adjective names no group ("terrorist organisations"), and a state is no group
    doc, actors = _actors(pipeline, coder, "Kenya added two names to its list of terrorist organisations and "
                                           "froze the assets of the group.")
    assert actors.resolve(next(t for t in doc if t.text == "group"), remember=False) is None


def test_a_sentence_whose_candidates_gave_no_event_still_names_who_a_later_reaction_answers(code):
    events = code("A court in Doha ruled that the two suspects would not be extradited to Kenya. The ruling drew "
                  "sharp criticism from Nairobi.", date="2023-06-01")
    assert one(events, root="11", src_country="KEN", tgt="QATJUD")


def test_an_open_question_is_not_an_act(code):
    assert not code("It remained unclear whether Chile's foreign minister would meet his Bolivian counterpart in "
                    "Lima.", date="2023-06-01")
    assert not code("It is not clear whether Ghana's president will visit Togo next month.", date="2023-06-01")
    assert one(code("The Chilean delegation met Bolivian officials at the forum.", date="2023-06-01"),
               root="04", src_country="CHL", tgt_country="BOL")


def test_an_owned_act_under_a_refusal_is_its_owners_fact_not_refused(code):
    events = code("Caracas refused to condemn Russia's annexation of Crimea.", date="2023-06-01")
    assert one(events, root="12", src_country="VEN", tgt_country="RUS")
    assert not [e for e in events if e.source.country == "RUS" and e.root_code == "12"]


def test_calling_it_something_is_a_verdict_even_where_it_could_be_the_speaker(code):
    events = code("A suicide bomber killed four officers at a police post in Quetta on Monday. The Pakistani "
                  "Taliban claimed the attack. Pakistan's prime minister condemned the bombing, calling it cowardly.",
                  date="2023-06-01")
    assert not [e for e in events if e.code == "041"]
    assert one(events, root="11", src="PAKGOV")


def test_a_government_word_in_an_article_of_one_country_is_that_countrys(code):
    events = code("Hundreds of students marched in Tbilisi on Friday. The authorities blocked access to three "
                  "opposition websites.", date="2023-06-01")
    assert one(events, root="17", src="GEOGOV")
    # an article of two countries leaves "the authorities" unplaced
    assert not [e for e in code("Hundreds of students marched in Tbilisi and Yerevan on Friday. The authorities "
                                "blocked access to three opposition websites.", date="2023-06-01")
                if e.root_code == "17" and e.source.code == "GEOGOV"]


def test_a_hostile_act_that_will_follow_if_another_acts_is_a_threat(code):
    events = code("Fiji will recall its high commissioner from Wellington if New Zealand expels the two Fijian "
                  "officials.", date="2023-06-01")
    assert one(events, root="13", src_country="FJI", tgt_country="NZL")


def test_an_act_of_yielding_announced_as_not_to_come_is_a_refusal(code):
    events = code("Kenya's interior minister said on Tuesday the government would not lift its ban on the doctors' "
                  "union.", date="2023-06-01")
    assert one(events, code="1241", src="KENGOV", tgt="KENLAB")
    # a fact told in the negative is no refusal
    assert not code("The Indian and Bangladeshi prime ministers did not meet at the summit in Colombo.",
                    date="2023-06-01")


def test_measures_announced_to_stay_are_a_refusal_to_yield(code):
    events = code("Venezuela urged Canada to lift sanctions on its oil firms. Ottawa said the measures would remain "
                  "in place until Caracas held free elections.", date="2023-06-01")
    assert one(events, root="12", src_country="CAN", tgt_country="VEN")
    assert not code("The museum said the exhibition would remain in place until March.", date="2023-06-01")


def test_a_crowd_told_by_its_size_is_the_people_where_it_gathered_and_a_reaction_to_its_protest_answers_it(code):
    events = code("Hundreds rallied in Lusaka on Monday to demand the minister's resignation, but the government "
                  "dismissed the protests as politically motivated.", date="2023-06-01")
    assert one(events, root="14", src="ZMBCVL", tgt="ZMBGOV")
    assert one(events, root="12", src="ZMBGOV", tgt="ZMBCVL")


def test_the_blocs_spokesman_speaks_for_the_body_named_before(code):
    events = code("Serbia urged the European Union on Friday to ease tariffs on its steel. The bloc's spokesman said "
                  "the measures would remain in force until Belgrade met its obligations.", date="2023-06-01")
    assert one(events, root="12", src="IGOEUREEC", tgt_country="SRB")


def test_a_ministry_after_a_state_body_as_subject_is_that_states_and_two_of_a_nationality_are_no_pair(code):
    events = code("Georgia's intelligence service accused Russia on Monday of funding protest groups. The foreign "
                  "ministry said it had expelled two Russian diplomats suspected of handling the money.",
                  date="2023-06-01")
    assert one(events, code="174", src="GEOGOV", tgt="RUSGOV")
    assert not [e for e in events if e.code == "174" and e.target.country == "GEO"]


def test_a_movement_fighting_in_many_countries_is_the_insurgents_of_the_one_it_fights_in(code):
    events = code("Islamic State militants attacked an army post in Niger's Tillaberi region on Sunday, killing "
                  "seven soldiers.", date="2023-06-01")
    assert one(events, src="NERREB")


def test_an_act_done_to_no_object_is_not_done_but_seeing_no_prospect_is_a_judgement(code):
    assert not code("Armenia's prime minister skipped the summit in Minsk, and his government sent no delegation.",
                    date="2023-06-01")
    assert one(code("Kenya sent a delegation to the talks in Addis Ababa.", date="2023-06-01"), root="04")
    assert code("\"We see no prospect of a deal with Baku this year,\" Armenia's foreign minister said.",
                date="2023-06-01")


def test_a_warning_of_what_another_may_do_is_no_threat_of_the_warners(code):
    assert not [e for e in code("Macron warned that Iranian forces could close the strait within hours.",
                                date="2023-06-01") if e.root_code == "13"]
    assert one(code("Iran's foreign minister warned that Tehran could change its nuclear doctrine if Israel "
                    "threatened its existence.", date="2023-06-01"), root="13", src_country="IRN")


def test_a_score_with_a_word_of_the_game_is_the_sports_page_whatever_the_verb(code):
    assert not code("Kenya's Harambee Stars pressed hard but were held 2-2 by Uganda in Nairobi, and the sports "
                    "minister blamed the referee.", date="2023-06-01")


def test_what_could_or_might_happen_is_no_event_but_a_stated_intention_is(code):
    assert not code("Defence analysts said Chile and Peru might eventually hold joint naval exercises off Arica.",
                    date="2023-06-01")
    assert not code("Officials in Quito said Ecuador could in principle extend the credit line to Bolivia.",
                    date="2023-06-01")
    assert one(code("Chile said it would hold joint air force drills with Peru next year.", date="2023-06-01"),
               root="03", src_country="CHL", tgt_country="PER")


def test_no_plans_to_act_is_no_act_and_no_threat(code):
    assert not code("\"We have no plans to close the consulate in Kisumu,\" Uganda's foreign ministry said.",
                    date="2023-06-01")


def test_a_rejection_is_as_specific_as_what_it_turns_down(code):
    # the act asked for is under the rejected noun
    events = code("Senegal rejected Gambia's request to release the impounded fishing boats.", date="2023-06-01")
    assert one(events, code="1243", src_country="SEN", tgt_country="GMB")
    # or in the appeal told before
    events = code("Ecuador urged Peru to free two detained Ecuadorean soldiers. Lima rejected the appeal on Friday.",
                  date="2023-06-01")
    assert one(events, code="1243", src_country="PER", tgt_country="ECU")


def test_what_a_turned_down_offer_offers_did_not_happen(code):
    events = code("Lesotho's cabinet turned down an offer from Botswana to arbitrate its water quarrel with Eswatini, "
                  "officials said.", date="2023-06-01")
    # a rejected offer of mediation is CAMEO's 126
    assert one(events, code="126", src_country="LSO", tgt_country="BWA")
    assert not [e for e in events if e.code[:3] == "045"]


def test_acts_told_as_not_done_are_no_events(code):
    # the subject's own talks, not held
    assert not code("Ghana and Togo did not hold their scheduled security talks in Lome this month.",
                    date="2023-06-01")
    # no one did it
    events = code("Peru and Ecuador traded accusations over the fishing zone this week. Neither government has "
                  "recalled its ambassador, officials said.", date="2023-06-01")
    assert not [e for e in events if e.root_code == "16"]
    # words traded are no trade
    assert one(events, code="112", src_country="PER", tgt_country="ECU")
    assert not [e for e in events if e.root_code == "06"]
    # not got to yet is no rejection
    assert not code("Uruguay has not yet ratified the fisheries accord with Argentina.", date="2023-06-01")


def test_a_reporters_question_is_no_appeal(code):
    assert not code("Asked whether Nairobi would join the naval mission, the Kenyan spokesman declined to say.",
                    date="2023-06-01")
    assert not [e for e in code("The minister said it was too early to tell when asked about a possible visit to "
                                "Harare by Zambia's president.", date="2023-06-01") if e.root_code == "02"]


def test_companies_acting_on_companies_are_business_but_a_state_suing_one_is_an_event(code):
    assert not code("A Dutch chip equipment firm sued its Korean rival in a Seoul court over a patent.",
                    date="2023-06-01")
    # a company told by its trade is one
    assert not code("Kenya's largest steelmaker accused a Ugandan supplier of breaking its contract.",
                    date="2023-06-01")
    assert one(code("Indonesia sued a Korean chipmaker over unpaid taxes.", date="2023-06-01"),
               root="11", src_country="IDN", tgt_country="KOR")


def test_a_regulators_fine_is_an_administrative_sanction_and_a_courts_a_verdict(code):
    assert one(code("The Ghanaian regulator fined two Nigerian banks for breaching currency rules.",
                    date="2023-06-01"), code="172", src_country="GHA", tgt_country="NGA")
    assert one(code("A court in Lagos fined a British oil company for a pipeline spill.", date="2023-06-01"),
               code="116", src="NGAJUD", tgt_country="GBR")


def test_the_body_that_runs_elections_is_the_state(code):
    assert one(code("Zambia's electoral commission disqualified two opposition candidates from the August ballot on "
                    "Friday.", date="2023-06-01"), root="17", src="ZMBGOV")


def test_an_act_announced_as_not_to_come_until_another_acts_is_a_refusal_and_the_awaited_act_no_event(code):
    assert one(code("Azerbaijan will not free the captured Armenian soldiers until Yerevan hands over its minefield "
                    "maps, an aide to the president said.", date="2023-06-01"),
               code="1243", src_country="AZE", tgt_country="ARM")
    events = code("Guinea's junta said it would not free the two Senegalese journalists until Dakar apologised for "
                  "the broadcast.", date="2023-06-01")
    assert one(events, code="1243", src_country="GIN", tgt_country="SEN")
    assert not [e for e in events if e.root_code == "05"]
    # a contract not to be renewed is economic cooperation refused
    assert one(code("Algeria's energy minister said Algiers would not renew the pipeline agreement with Morocco.",
                    date="2023-06-01"), code="1211", src_country="DZA", tgt_country="MAR")


def test_a_light_verb_that_describes_its_noun_is_not_what_the_clause_above_refuses(code):
    events = code("Chile declined to attend the peace conference proposed by Brazil, saying it had not been "
                  "consulted.", date="2023-06-01")
    assert one(events, code="125", src_country="CHL", tgt_country="BRA")
    assert not [e for e in events if e.root_code == "12" and e.source.country == "BRA"]


def test_taking_part_in_an_event_is_that_event_and_not_taking_in(code):
    events = code("Peru took part in talks with Ecuador in Quito on Monday.", date="2023-06-01")
    assert one(events, root="04", src_country="PER", tgt_country="ECU")
    assert not [e for e in events if e.root_code == "07"]
    assert not code("The Chinese navy did not take part in the naval drills off Hawaii this year.", date="2023-06-01")


def test_a_state_whose_only_target_would_be_itself_acts_on_no_one(code):
    assert not code("Peru's army ruled out buying Chinese helicopters this year, the defence ministry said.",
                    date="2023-06-01")
