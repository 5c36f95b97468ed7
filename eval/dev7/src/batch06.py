from dsl import R, E

R("2022-06-17", "reported_speech", "diplomacy",
  "Kazakhstan's president said in St Petersburg on Friday that his country would not recognise the breakaway regions "
  "of eastern Ukraine, rebuffing a position championed by his Russian hosts.",
  E("rebuffing", ("Kazakhstan's president", "KAZGOV"), ("his Russian hosts", "RUSGOV"), "120"))

R("2021-09-03", "dateline", "other",
  "TERMEZ, Sept 3 - Uzbekistan sent 3,000 tonnes of flour and cooking oil across the Friendship Bridge to Afghanistan "
  "on Friday, the first aid shipment since the Taliban took power. Tashkent said more trains would follow.",
  E("sent 3,000 tonnes of flour", ("Uzbekistan", "UZB"), ("Afghanistan", "AFG"), "073"),
  E("said more trains would follow", ("Tashkent", "UZB"), (None, "AFG"), "0333"))

R("2024-05-30", "wire_lead", "economy",
  "Mongolia and China agreed on Thursday to build a cross-border railway link at the Gashuunsukhait crossing to speed "
  "up coal exports.",
  E("agreed", ("Mongolia", "MNG"), ("China", "CHN"), "0311"),
  E("agreed", ("China", "CHN"), ("Mongolia", "MNG"), "0311"))

R("2023-10-16", "wire_lead", "diplomacy",
  "The United States and the Marshall Islands signed a new 20-year economic assistance deal on Monday, ending months "
  "of negotiations. Washington will provide $2.3 billion over two decades under the agreement.",
  E("signed", ("The United States", "USA"), ("the Marshall Islands", "MHL"), "057"),
  E("signed", ("the Marshall Islands", "MHL"), ("The United States", "USA"), "057"),
  E("will provide", ("Washington", "USA"), (None, "MHL"), "0331"))

R("2022-03-10", "reported_speech", "diplomacy",
  "Micronesia's outgoing president accused China of waging \"political warfare\" in the Pacific, in a letter to other "
  "island leaders that was made public on Thursday.",
  E("accused", ("Micronesia's outgoing president", "FSMGOV"), ("China", "CHN"), "112"))

R("2024-09-18", "reported_speech", "security",
  "Samoa has asked New Zealand and Australia to send police officers to help with security during next month's "
  "Commonwealth summit in Apia, the police commissioner said.",
  E("asked", ("Samoa", "WSM"), ("New Zealand", "NZL"), "021", spk=("the police commissioner", "WSMCOP")),
  E("asked", ("Samoa", "WSM"), ("Australia", "AUS"), "021", spk=("the police commissioner", "WSMCOP")))

R("2023-04-04", "quote", "politics",
  "\"The people of Bougainville have waited long enough,\" the region's president told reporters, demanding that "
  "Papua New Guinea's parliament ratify the result of the independence referendum.",
  E("demanding", ("the region's president", "PNGGOV"), ("Papua New Guinea's parliament", "PNGLEG"), "1044"))

R("2023-08-18", "wire_lead", "security",
  "Lithuania closed two of its six border crossings with Belarus on Friday, citing the presence of Russian mercenaries "
  "in the neighbouring country. Minsk called the move a provocation.",
  E("closed two of its six border crossings", ("Lithuania", "LTU"), ("Belarus", "BLR"), "191"),
  E("called the move a provocation", ("Minsk", "BLR"), (None, "LTU"), "111"))

R("2022-10-11", "wire_lead", "economy",
  "Romania pledged on Tuesday to help Moldova secure gas and electricity supplies this winter after Russian cuts left "
  "its smaller neighbour facing shortages.",
  E("pledged", ("Romania", "ROU"), ("Moldova", "MDA"), "0331"))

R("2023-09-11", "wire_lead", "politics",
  "Bosnia's state court charged the Bosnian Serb leader on Monday with defying decisions of the international peace "
  "envoy. He called the indictment a political attack and said he would not appear in court.",
  E("charged", ("Bosnia's state court", "BIHJUD"), ("the Bosnian Serb leader", "BIHGOV"), "173"),
  E("called the indictment a political attack", ("the Bosnian Serb leader", "BIHGOV"), ("Bosnia's state court",
                                                                                       "BIHJUD"), "111"),
  E("said he would not appear in court", ("the Bosnian Serb leader", "BIHGOV"), ("Bosnia's state court", "BIHJUD"),
    "128"))

R("2024-08-05", "dateline", "politics",
  "PRISTINA, Aug 5 - Kosovo police closed five Serbian-run municipal offices in the north on Monday, saying they "
  "operated illegally. Belgrade condemned the raids and said it would raise the issue at the UN Security Council.",
  E("closed", ("Kosovo police", "XKXCOP"), ("five Serbian-run municipal offices", "SRBGOV"), "172"),
  E("condemned", ("Belgrade", "SRB"), ("Kosovo police", "XKXCOP"), "111"))

R("2023-09-13", "wire_lead", "security",
  "Armenian and Azerbaijani forces exchanged fire along their border overnight, each side blaming the other for "
  "starting the shooting.",
  E("exchanged fire", ("Armenian", "ARMMIL"), ("Azerbaijani forces", "AZEMIL"), "190"),
  E("exchanged fire", ("Azerbaijani forces", "AZEMIL"), ("Armenian", "ARMMIL"), "190"),
  E("blaming", ("Armenian", "ARMMIL"), ("Azerbaijani forces", "AZEMIL"), "1123"),
  E("blaming", ("Azerbaijani forces", "AZEMIL"), ("Armenian", "ARMMIL"), "1123"))

R("2024-04-14", "reported_speech", "security",
  "Sudan's army accused the United Arab Emirates on Sunday of supplying weapons to the Rapid Support Forces through "
  "Chad. Abu Dhabi rejected the allegation as baseless.",
  E("accused", ("Sudan's army", "SDNMIL"), ("the United Arab Emirates", "ARE"), "112"),
  E("rejected the allegation", ("Abu Dhabi", "ARE"), ("Sudan's army", "SDNMIL"), "016"))

R("2024-10-29", "wire_lead", "politics",
  "Guinea's junta dissolved 53 political parties on Tuesday and suspended 54 others, saying they had failed to submit "
  "accounts. Opposition leaders said the decision aimed to clear the field before elections.",
  E("dissolved", ("Guinea's junta", "GINGOV"), ("53 political parties", "GINOPP"), "1722"),
  E("suspended", ("Guinea's junta", "GINGOV"), ("54 others", "GINOPP"), "1722"),
  E("said the decision aimed to clear the field", ("Opposition leaders", "GINOPP"), ("Guinea's junta", "GINGOV"),
    "111"))

R("2022-03-17", "wire_lead", "politics",
  "Mali's military government suspended two French state broadcasters on Thursday, accusing them of false reporting "
  "on alleged abuses by the army.",
  E("suspended", ("Mali's military government", "MLIGOV"), ("two French state broadcasters", "FRAMED"), "1721"),
  E("accusing", ("Mali's military government", "MLIGOV"), ("two French state broadcasters", "FRAMED"), "112"))

R("2023-04-07", "wire_lead", "diplomacy",
  "Chad ordered Germany's ambassador to leave the country within 48 hours on Friday over what it called a disrespectful "
  "attitude. Berlin responded by expelling Chad's ambassador.",
  E("ordered Germany's ambassador to leave", ("Chad", "TCD"), ("Germany's ambassador", "DEUGOV"), "161"),
  E("expelling", ("Berlin", "DEU"), ("Chad's ambassador", "TCDGOV"), "161"))

R("2022-02-03", "reported_speech", "diplomacy",
  "Ghana's president urged West African leaders to ease the sanctions imposed on Mali in January, arguing that the "
  "measures were hurting ordinary people.",
  E("urged", ("Ghana's president", "GHAGOV"), ("West African leaders", "IGOAFRECW"), "0254"),
  E("sanctions imposed on Mali", ("West African leaders", "IGOAFRECW"), ("Mali", "MLI"), "163"))

R("2022-11-02", "dateline", "security",
  "PRETORIA, Nov 2 - Ethiopia's government and Tigrayan forces signed an agreement on Wednesday to end two years of "
  "war, after ten days of talks mediated by the African Union. Both sides committed to disarmament and the "
  "restoration of services in Tigray.",
  E("signed", ("Ethiopia's government", "ETHGOV"), ("Tigrayan forces", "ETHREB"), "057"),
  E("signed", ("Tigrayan forces", "ETHREB"), ("Ethiopia's government", "ETHGOV"), "057"),
  E("mediated", ("the African Union", "IGOAFRAFU"), ("Ethiopia's government", "ETHGOV"), "045"),
  E("mediated", ("the African Union", "IGOAFRAFU"), ("Tigrayan forces", "ETHREB"), "045"))

R("2021-08-09", "wire_lead", "security",
  "Rwandan and Mozambican troops recaptured the port town of Mocimboa da Praia from Islamist insurgents on Sunday, "
  "Rwanda's army said, two years after the rebels overran it.",
  E("recaptured", ("Rwandan", "RWAMIL"), ("Islamist insurgents", "MOZREB"), "190", spk=("Rwanda's army", "RWAMIL")),
  E("recaptured", ("Mozambican troops", "MOZMIL"), ("Islamist insurgents", "MOZREB"), "190",
    spk=("Rwanda's army", "RWAMIL")))

R("2022-09-26", "dateline", "economy",
  "CUCUTA, Sept 26 - Colombia and Venezuela reopened their shared border to cargo trucks on Monday after a closure of "
  "seven years. The two governments said they would restore flights next.",
  E("reopened", ("Colombia", "COL"), ("Venezuela", "VEN"), "081"),
  E("reopened", ("Venezuela", "VEN"), ("Colombia", "COL"), "081"),
  E("would restore flights", ("The two governments", "COLGOV"), ("The two governments", "VENGOV"), "0311"),
  E("would restore flights", ("The two governments", "VENGOV"), ("The two governments", "COLGOV"), "0311"))

R("2024-01-09", "wire_lead", "security",
  "Ecuador's president declared an internal armed conflict on Tuesday and ordered the armed forces to neutralise 22 "
  "criminal gangs, hours after gunmen stormed a television studio during a live broadcast.",
  E("declared an internal armed conflict", ("Ecuador's president", "ECUGOV"), ("22 criminal gangs", "ECUCRM"), "1724"),
  E("stormed", ("gunmen", "ECUCRM"), ("a television studio", "ECUMED"), "180"))

R("2024-05-21", "wire_lead", "diplomacy",
  "Spain withdrew its ambassador to Argentina on Tuesday after the Argentine president insulted the Spanish prime "
  "minister's wife at a rally in Madrid. Buenos Aires said it would not apologise.",
  E("withdrew its ambassador", ("Spain", "ESP"), ("Argentina", "ARG"), "161"),
  E("insulted", ("the Argentine president", "ARGGOV"), ("the Spanish prime minister's wife", "ESPELI"), "111"),
  E("would not apologise", ("Buenos Aires", "ARG"), (None, "ESP"), "124"))

R("2024-03-04", "wire_lead", "diplomacy",
  "Chile's foreign ministry summoned the Venezuelan charge d'affaires on Monday after the body of a former Venezuelan "
  "army officer who had been abducted in Santiago was found buried outside the city.",
  E("summoned", ("Chile's foreign ministry", "CHLGOV"), ("the Venezuelan charge d'affaires", "VENGOV"), "114"))

R("2025-01-15", "reported_speech", "politics",
  "Cuba's government began releasing 553 prisoners on Wednesday under an agreement mediated by the Vatican, a day "
  "after Washington removed the island from its list of state sponsors of terrorism.",
  E("began releasing", ("Cuba's government", "CUBGOV"), ("553 prisoners", "CUBCVL"), "0841"),
  E("mediated", ("the Vatican", "VAT"), ("Cuba's government", "CUBGOV"), "045"),
  E("removed the island from its list", ("Washington", "USA"), ("the island", "CUB"), "081"))

R("2023-05-08", "reported_speech", "security",
  "Vietnam's coast guard detained a Chinese fishing boat and its 12 crew near the Paracel Islands, state media said. "
  "Beijing demanded their immediate release.",
  E("detained", ("Vietnam's coast guard", "VNMCOP"), ("its 12 crew", "CHNCVL"), "173", spk=("state media", "VNMMED")),
  E("demanded", ("Beijing", "CHN"), (None, "VNM"), "1053"))

R("2023-01-16", "wire_lead", "security",
  "Indonesia sent a warship and a surveillance aircraft to shadow a Chinese coast guard vessel that had been sailing "
  "near a gas field off the Natuna islands, the navy said.",
  E("sent a warship and a surveillance aircraft", ("Indonesia", "IDN"), ("a Chinese coast guard vessel", "CHNCOP"),
    "150", spk=("the navy", "IDNMIL")))

R("2023-07-26", "dateline", "politics",
  "BEIJING, July 26 - Kiribati's president arrived in Beijing on Wednesday for a week-long visit, his first since the "
  "atoll nation switched recognition to China. He is due to meet the Chinese premier on Friday.",
  E("arrived", ("Kiribati's president", "KIRGOV"), ("Beijing", "CHN"), "042"),
  E("is due to meet", ("Kiribati's president", "KIRGOV"), ("the Chinese premier", "CHNGOV"), "036"))

R("2023-08-29", "multi_clause", "security",
  "Soldiers in Gabon seized power on Wednesday, placing the president under house arrest and dissolving state "
  "institutions minutes after he was declared the winner of a disputed election.",
  E("placing the president under house arrest", ("Soldiers in Gabon", "GABMIL"), ("the president", "GABGOV"), "173"),
  E("dissolving state institutions", ("Soldiers in Gabon", "GABMIL"), ("state institutions", "GABGOV"), "172"))

R("2024-06-27", "wire_lead", "security",
  "Bolivian troops and armoured vehicles rammed the doors of the presidential palace in La Paz on Wednesday in what "
  "the president called an attempted coup. Soldiers withdrew hours later and the army commander was arrested.",
  E("rammed", ("Bolivian troops", "BOLMIL"), ("the presidential palace", "BOLGOV"), "170"),
  E("withdrew", ("Soldiers", "BOLMIL"), (None, "BOLGOV"), "0874"))

# --- no-event records
R("2024-02-12", "plain", "economy",
  "Kazakhstan's government raised regulated petrol prices by 8 percent on Monday, the energy ministry said.")

R("2023-09-19", "dateline", "weather",
  "LA PAZ, Sept 19 - A bus plunged into a ravine on a mountain road north of La Paz on Tuesday, killing 12 passengers. "
  "Police said the driver appeared to have lost control on a bend.")

R("2023-06-20", "plain", "sport",
  "Armenia lost 1-0 to Croatia in Yerevan on Tuesday, leaving the hosts needing a win in their final game to stay in "
  "contention.")

R("2024-06-12", "wire_lead", "economy",
  "Georgia's central bank held its key rate at 8 percent on Wednesday. The bank said inflation remained below its "
  "target but warned of risks from political uncertainty.")

R("2024-11-20", "plain", "diplomacy",
  "Azerbaijan did not send a delegation to the talks in Washington, a foreign ministry official said, and no new date "
  "has been set.")

R("2025-03-14", "analysis", "economy",
  "What would a peace treaty between Armenia and Azerbaijan mean for trade routes across the South Caucasus? Shippers "
  "say the answer depends on whether rail lines closed since the 1990s can be rebuilt.")

R("2024-09-24", "plain", "other",
  "The new president grew up in a farming village in the north-central plains and studied agriculture before entering "
  "politics. Supporters credit him with a modest lifestyle; critics say he lacks experience of government.")

R("2022-10-13", "reported_speech", "economy",
  "If Serbia joins European sanctions on Russia, household gas prices could double, the energy minister said in an "
  "interview on Thursday.")

R("2024-04-08", "plain", "economy",
  "Senegal may seek a new IMF programme later this year, according to two people familiar with the matter.")

R("2023-11-29", "plain", "economy",
  "Copper prices retreated from a two-month high as traders weighed weaker demand from China against supply problems "
  "at mines in Peru and Panama.")

R("2024-07-03", "plain", "business",
  "An Indonesian nickel smelter signed a five-year supply deal with a South Korean battery maker, the companies said on "
  "Wednesday.")

R("2023-03-25", "plain", "crime",
  "A gunman killed three people at a bar in Montevideo early on Saturday before fleeing on a motorcycle, witnesses "
  "said. Investigators believe the shooting was linked to a local feud.")

R("2024-01-01", "quote", "politics",
  "\"We must stay united, whatever the year brings,\" Fiji's prime minister said in a New Year message broadcast on "
  "national television.")

R("2024-08-15", "wire_lead", "politics",
  "Voters in Kiribati elected a new parliament on Wednesday, with results from the outer islands expected later in "
  "the week. About 60,000 people were registered to vote.")
