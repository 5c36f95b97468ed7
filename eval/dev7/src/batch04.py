from dsl import R, E

R("2024-06-10", "wire_lead", "diplomacy",
  "The foreign ministers of Chile and Argentina held talks in Santiago on Monday on a disputed stretch of continental "
  "shelf south of Cape Horn. Buenos Aires later described the meeting as constructive.",
  E("held talks", ("The foreign ministers of Chile and Argentina", "CHLGOV"),
    ("The foreign ministers of Chile and Argentina", "ARGGOV"), "040"),
  E("held talks", ("The foreign ministers of Chile and Argentina", "ARGGOV"),
    ("The foreign ministers of Chile and Argentina", "CHLGOV"), "040"),
  E("described the meeting as constructive", ("Buenos Aires", "ARG"), (None, "CHL"), "013"))

R("2023-03-17", "wire_lead", "diplomacy",
  "Uruguay's president received his Paraguayan counterpart in Montevideo on Friday for talks on dredging the Parana "
  "and Uruguay rivers.",
  E("received", ("Uruguay's president", "URYGOV"), ("his Paraguayan counterpart", "PRYGOV"), "043"))

R("2023-09-14", "reported_speech", "diplomacy",
  "Cuba's foreign ministry accused the United States on Thursday of financing a social media campaign to stir unrest "
  "on the island. The US embassy in Havana rejected the accusation as baseless.",
  E("accused", ("Cuba's foreign ministry", "CUBGOV"), ("the United States", "USA"), "112"),
  E("rejected the accusation", ("The US embassy in Havana", "USAGOV"), (None, "CUBGOV"), "016"))

R("2023-03-15", "wire_lead", "politics",
  "El Salvador's Congress extended the state of exception for another 30 days on Wednesday, keeping in place powers "
  "that let police detain suspected gang members without a warrant.",
  E("extended the state of exception", ("El Salvador's Congress", "SLVLEG"), (None, "SLVCVL"), "1724"))

R("2024-08-29", "wire_lead", "diplomacy",
  "Honduras' government said on Wednesday it would end its extradition treaty with the United States, accusing the US "
  "ambassador of interfering in the country's internal affairs.",
  E("would end its extradition treaty", ("Honduras' government", "HNDGOV"), ("the United States", "USA"), "1313"),
  E("accusing", ("Honduras' government", "HNDGOV"), ("the US ambassador", "USAGOV"), "112"))

R("2023-09-21", "reported_speech", "security",
  "Costa Rica has asked the United States for helicopters and patrol boats to help fight drug trafficking along its "
  "Pacific coast, the security minister said on Thursday.",
  E("asked", ("Costa Rica", "CRI"), ("the United States", "USA"), "0232", spk=("the security minister", "CRIGOV")))

R("2025-02-03", "quote", "diplomacy",
  "\"Sovereignty over the canal is not negotiable,\" Panama's president said on Monday, rejecting demands from "
  "Washington that the country reduce Chinese influence over the waterway.",
  E("rejecting", ("Panama's president", "PANGOV"), ("Washington", "USA"), "1232"),
  E("demands", ("Washington", "USA"), ("Panama's president", "PANGOV"), "1042"))

R("2024-04-24", "wire_lead", "security",
  "Jamaica and Trinidad and Tobago agreed on Wednesday to share intelligence on firearms trafficking, after a surge in "
  "gun killings in both countries. Officials said the arrangement would start within a month.",
  E("agreed", ("Jamaica", "JAM"), ("Trinidad and Tobago", "TTO"), "0314"),
  E("agreed", ("Trinidad and Tobago", "TTO"), ("Jamaica", "JAM"), "0314"))

R("2024-11-28", "dateline", "security",
  "DAKAR, Nov 28 - Senegal wants France to close its military bases in the country, the president said on Thursday, "
  "calling a permanent foreign presence incompatible with sovereignty. Paris said it was ready to discuss a new "
  "arrangement.",
  E("wants France to close its military bases", ("Senegal", "SEN"), ("France", "FRA"), "105"),
  E("ready to discuss", ("Paris", "FRA"), (None, "SEN"), "036"))

R("2023-01-27", "wire_lead", "politics",
  "The Gambia's government welcomed on Friday a decision by West African leaders to set up a special tribunal to try "
  "abuses committed under the former ruler.",
  E("welcomed", ("The Gambia's government", "GMBGOV"), ("West African leaders", "IGOAFRECW"), "051"))

R("2023-11-28", "reported_speech", "security",
  "Police in Sierra Leone have arrested 13 soldiers in connection with Sunday's attacks on a military barracks and two "
  "prisons in Freetown, the information minister said. The government has called the attacks a failed coup.",
  E("arrested", ("Police in Sierra Leone", "SLECOP"), ("13 soldiers", "SLEMIL"), "173",
    spk=("the information minister", "SLEGOV")))

R("2024-01-08", "wire_lead", "diplomacy",
  "Gabon's transitional authorities reopened the main border crossing with Cameroon on Monday, easing restrictions "
  "imposed after the coup in August.",
  E("reopened the main border crossing", ("Gabon's transitional authorities", "GABGOV"), ("Cameroon", "CMR"), "081"))

R("2023-05-12", "wire_lead", "economy",
  "Congo Republic and Angola signed an agreement on Friday to jointly develop an offshore oil field that straddles "
  "their maritime boundary.",
  E("signed", ("Congo Republic", "COG"), ("Angola", "AGO"), "057"),
  E("signed", ("Angola", "AGO"), ("Congo Republic", "COG"), "057"))

R("2024-01-11", "dateline", "security",
  "BUJUMBURA, Jan 11 - Burundi has closed its border with Rwanda, accusing Kigali of backing rebels who killed 20 "
  "people near the frontier last month. Rwanda's government denied the charge and called the closure regrettable.",
  E("closed its border", ("Burundi", "BDI"), ("Rwanda", "RWA"), "191"),
  E("accusing", ("Burundi", "BDI"), ("Kigali", "RWA"), "112"),
  E("denied", ("Rwanda's government", "RWAGOV"), (None, "BDI"), "016"),
  E("called the closure regrettable", ("Rwanda's government", "RWAGOV"), (None, "BDI"), "111"))

R("2024-08-12", "wire_lead", "politics",
  "Tanzanian police detained the opposition party's deputy leader and dozens of youth activists on Monday ahead of a "
  "banned rally in Mbeya. The party called for their immediate release.",
  E("detained", ("Tanzanian police", "TZACOP"), ("the opposition party's deputy leader", "TZAOPP"), "173"),
  E("called for their immediate release", ("The party", "TZAOPP"), ("Tanzanian police", "TZACOP"), "0253"))

R("2024-10-21", "reported_speech", "diplomacy",
  "Eritrea's information minister accused Ethiopia on Monday of preparing to seize a Red Sea port by force, citing "
  "recent statements by officials in Addis Ababa.",
  E("accused", ("Eritrea's information minister", "ERIGOV"), ("Ethiopia", "ETH"), "1123"))

R("2024-01-24", "wire_lead", "diplomacy",
  "Djibouti offered on Wednesday to give landlocked Ethiopia exclusive management of a port terminal, in an attempt "
  "to defuse a row over Addis Ababa's maritime ambitions. Ethiopian officials said they would study the proposal.",
  E("offered", ("Djibouti", "DJI"), ("Ethiopia", "ETH"), "0311"),
  E("would study the proposal", ("Ethiopian officials", "ETHGOV"), (None, "DJI"), "014"))

R("2023-03-02", "wire_lead", "diplomacy",
  "Namibia and Botswana began allowing their citizens to cross the shared border with identity cards instead of "
  "passports on Thursday, under a deal reached last year.",
  E("began allowing", ("Namibia", "NAM"), ("Botswana", "BWA"), "061"),
  E("began allowing", ("Botswana", "BWA"), ("Namibia", "NAM"), "061"))

R("2024-03-17", "wire_lead", "economy",
  "The European Union pledged 210 million euros to Mauritania on Thursday to create jobs and curb irregular "
  "migration towards the Canary Islands. The country's president thanked Brussels for its support.",
  E("pledged", ("The European Union", "IGOEUREEC"), ("Mauritania", "MRT"), "0331"),
  E("thanked", ("The country's president", "MRTGOV"), ("Brussels", "IGOEUREEC"), "051"))

R("2022-03-19", "background_clause", "diplomacy",
  "Algeria recalled its ambassador from Spain on Saturday after Madrid backed Morocco's autonomy plan for Western "
  "Sahara, reversing decades of neutrality.",
  E("recalled its ambassador", ("Algeria", "DZA"), ("Spain", "ESP"), "161"),
  E("backed", ("Madrid", "ESP"), ("Morocco", "MAR"), "051"))

R("2023-05-27", "wire_lead", "security",
  "Forces loyal to the Tripoli-based government clashed overnight with a militia that controls the city's airport, "
  "residents said. A truce was announced by local elders on Saturday morning.",
  E("clashed", ("Forces loyal to the Tripoli-based government", "LBYMIL"), ("a militia", "LBYREB"), "190"),
  E("clashed", ("a militia", "LBYREB"), ("Forces loyal to the Tripoli-based government", "LBYMIL"), "190"))

R("2024-07-10", "wire_lead", "diplomacy",
  "Egypt hosted a conference of Sudanese civilian groups in Cairo on Saturday and urged the army and the Rapid Support "
  "Forces to agree to an immediate ceasefire.",
  E("hosted", ("Egypt", "EGY"), ("Sudanese civilian groups", "SDNCVL"), "043"),
  E("urged", ("Egypt", "EGY"), ("the army", "SDNMIL"), "0256"),
  E("urged", ("Egypt", "EGY"), ("the Rapid Support Forces", "SDNREB"), "0256"))

R("2023-09-01", "plain", "diplomacy",
  "Singapore's foreign minister visited Jakarta on Friday for talks on maritime security and transboundary haze.",
  E("visited", ("Singapore's foreign minister", "SGPGOV"), ("Jakarta", "IDN"), "042"))

R("2023-12-07", "dateline", "security",
  "CANBERRA, Dec 7 - Australia and Papua New Guinea signed a security agreement on Thursday under which Canberra will "
  "help train and equip PNG's police. The two prime ministers said the pact would also cover the courts and prisons.",
  E("signed", ("Australia", "AUS"), ("Papua New Guinea", "PNG"), "057"),
  E("signed", ("Papua New Guinea", "PNG"), ("Australia", "AUS"), "057"),
  E("will help train and equip", ("Canberra", "AUS"), ("PNG's police", "PNGCOP"), "0332"))

R("2022-01-18", "wire_lead", "other",
  "New Zealand sent a navy ship carrying water and medical supplies to Tonga on Tuesday after an underwater volcanic "
  "eruption and tsunami cut the kingdom's communications.",
  E("sent a navy ship", ("New Zealand", "NZL"), ("Tonga", "TON"), "073"))

R("2024-01-15", "wire_lead", "diplomacy",
  "Nauru switched diplomatic recognition from Taiwan to China on Monday, two days after Taiwan's presidential "
  "election. Taipei said it was ending ties with the island immediately and accused Beijing of buying allies.",
  E("switched diplomatic recognition", ("Nauru", "NRU"), ("China", "CHN"), "054"),
  E("switched diplomatic recognition", ("Nauru", "NRU"), ("Taiwan", "TWN"), "161"),
  E("ending ties", ("Taipei", "TWN"), ("the island", "NRU"), "161"),
  E("accused", ("Taipei", "TWN"), ("Beijing", "CHN"), "112"))

R("2024-08-20", "reported_speech", "security",
  "Palau's president accused China on Tuesday of sending research vessels into the country's exclusive economic zone "
  "without permission.",
  E("accused", ("Palau's president", "PLWGOV"), ("China", "CHN"), "1123"))

R("2023-11-10", "wire_lead", "diplomacy",
  "Tuvalu and Australia signed a treaty on Friday under which Australian citizens' rights will be offered to up to 280 "
  "Tuvaluans a year.",
  E("signed", ("Tuvalu", "TUV"), ("Australia", "AUS"), "057"),
  E("signed", ("Australia", "AUS"), ("Tuvalu", "TUV"), "057"))

R("2023-06-27", "wire_lead", "politics",
  "Lawmakers in Bosnia's Serb-run entity voted on Tuesday to stop applying rulings of the country's constitutional "
  "court. The US embassy in Sarajevo condemned the vote as an attack on the peace accords.",
  E("voted", ("Lawmakers in Bosnia's Serb-run entity", "BIHLEG"),
    ("the country's constitutional court", "BIHJUD"), "128"),
  E("condemned", ("The US embassy in Sarajevo", "USAGOV"), ("Lawmakers in Bosnia's Serb-run entity", "BIHLEG"), "111"))

R("2022-06-24", "wire_lead", "diplomacy",
  "Bulgaria's parliament voted on Friday to lift its veto on the start of EU accession talks with North Macedonia, "
  "on condition that Skopje changes its constitution.",
  E("lift its veto", ("Bulgaria's parliament", "BGRLEG"), ("North Macedonia", "MKD"), "080"))

R("2024-02-22", "dateline", "politics",
  "TIRANA, Feb 22 - Opposition supporters rallied outside parliament on Thursday to demand the release of a jailed "
  "former prime minister. Police used water cannon when some protesters threw petrol bombs at the building.",
  E("rallied", ("Opposition supporters", "ALBOPP"), (None, "ALBGOV"), "1413"),
  E("used water cannon", ("Police", "ALBCOP"), ("some protesters", "ALBOPP"), "175"),
  E("threw petrol bombs", ("some protesters", "ALBOPP"), ("the building", "ALBLEG"), "145"))

R("2024-09-13", "wire_lead", "economy",
  "Turkmenistan and Afghanistan's Taliban administration signed agreements on Friday to build the Afghan section of a "
  "gas pipeline to Pakistan and India.",
  E("signed", ("Turkmenistan", "TKM"), ("Afghanistan's Taliban administration", "AFGGOV"), "057"),
  E("signed", ("Afghanistan's Taliban administration", "AFGGOV"), ("Turkmenistan", "TKM"), "057"))

R("2023-01-30", "wire_lead", "diplomacy",
  "Ukraine's foreign ministry summoned Hungary's ambassador on Monday over remarks by Hungarian officials about "
  "Ukraine's borders. Budapest summoned the Ukrainian envoy in return.",
  E("summoned", ("Ukraine's foreign ministry", "UKRGOV"), ("Hungary's ambassador", "HUNGOV"), "114"),
  E("summoned", ("Budapest", "HUN"), ("the Ukrainian envoy", "UKRGOV"), "114", t=2))

R("2022-04-18", "wire_lead", "security",
  "Turkish jets struck suspected Kurdish militant positions in northern Iraq on Monday. Baghdad condemned the strikes "
  "as a violation of Iraqi sovereignty.",
  E("struck", ("Turkish jets", "TURMIL"), ("suspected Kurdish militant positions", "TURREB"), "195"),
  E("condemned", ("Baghdad", "IRQ"), (None, "TUR"), "111"))

R("2023-09-12", "wire_lead", "politics",
  "Guatemalan prosecutors raided the offices of the country's electoral tribunal on Tuesday and seized ballot boxes "
  "from the June election. The president-elect's party called the raid an attempt to block the transfer of power.",
  E("raided", ("Guatemalan prosecutors", "GTMJUD"), ("the country's electoral tribunal", "GTMGOV"), "091"),
  E("seized", ("Guatemalan prosecutors", "GTMJUD"), ("the country's electoral tribunal", "GTMGOV"), "1711"),
  E("called the raid an attempt", ("The president-elect's party", "GTMOPP"), ("Guatemalan prosecutors", "GTMJUD"),
    "111"))

R("2024-08-27", "reported_speech", "security",
  "Islamist fighters killed at least 150 villagers and soldiers who were digging defensive trenches around the town of "
  "Barsalogho in central Burkina Faso, a security source said. A rights group accused the government of ordering the "
  "civilians to dig without protection.",
  E("killed", ("Islamist fighters", "BFAREB"), ("at least 150 villagers", "BFACVL"), "202",
    spk=("a security source", "BFAMIL")),
  E("accused", ("A rights group", "NGO"), ("the government", "BFAGOV"), "1122"))

R("2025-04-14", "plain", "politics",
  "Lesotho's parliament debated a motion of no confidence in the speaker on Monday, but the vote was postponed after "
  "several lawmakers walked out of the session.")

R("2024-01-02", "plain", "politics",
  "The president of the Comoros pardoned 40 prisoners to mark the new year, the presidency said.")

R("2024-02-05", "dateline", "weather",
  "VINA DEL MAR, Feb 5 - Firefighters in central Chile were still battling blazes on Monday that have destroyed "
  "thousands of homes around Valparaiso, and the death toll rose to more than 120.")

R("2023-11-18", "wire_lead", "politics",
  "Liberia's election commission declared the opposition candidate the winner of the presidential run-off on Friday, "
  "and the incumbent conceded defeat in a radio address.")

R("2024-10-14", "plain", "sport",
  "Samoa's rugby league side beat Tonga 24-12 in Auckland on Sunday, with the winning try coming from a forward "
  "charge in the final minutes.")

R("2024-08-17", "plain", "politics",
  "Malawi's president did not travel to Harare for Saturday's regional summit, his office said, citing pressing "
  "matters at home.")

R("2025-05-19", "analysis", "economy",
  "Can Suriname turn its offshore oil discoveries into lasting prosperity? Neighbouring Guyana's experience suggests "
  "the answer depends on what the government does before the first barrel is pumped.")

R("2023-01-16", "analysis", "diplomacy",
  "Diplomats say Honduras could restore ties with Taiwan if the opposition returns to power, though no candidate has "
  "yet made such a promise.")

R("2023-04-27", "plain", "politics",
  "Jamaica's prime minister announced three days of national mourning for the victims of the bus crash in St Ann, "
  "and ordered flags flown at half-mast.")

R("2024-07-19", "wire_lead", "economy",
  "Remittance inflows to Nepal rose 16 percent in the last fiscal year, the central bank said, with most of the money "
  "sent from Gulf states and Malaysia.")

R("2024-03-05", "plain", "business",
  "A Kenyan mobile operator agreed to buy a minority stake in a Tanzanian rival for $90 million, the companies said, "
  "subject to approval by regulators in Dar es Salaam.")
