from dsl import R, E

R("2023-03-22", "dateline", "diplomacy",
  "CHISINAU, March 22 - Moldova declared a Russian diplomat persona non grata on Wednesday over what the foreign "
  "ministry called activities incompatible with his status. Moscow promised to respond in kind.",
  E("declared a Russian diplomat persona non grata", ("Moldova", "MDA"), ("a Russian diplomat", "RUSGOV"), "161"),
  E("promised to respond in kind", ("Moscow", "RUS"), (None, "MDA"), "1313"))

R("2024-03-18", "wire_lead", "economy",
  "Laos and Vietnam launched a joint logistics project on Monday to move Lao potash and rice by rail to the "
  "Vietnamese port of Vung Ang.",
  E("launched a joint logistics project", ("Laos", "LAO"), ("Vietnam", "VNM"), "061"),
  E("launched a joint logistics project", ("Vietnam", "VNM"), ("Laos", "LAO"), "061"))

R("2023-09-27", "passive", "crime",
  "A suspected drug trafficker wanted in Sao Paulo was extradited to Brazil by Paraguay on Wednesday, the Paraguayan "
  "interior ministry said.",
  E("extradited", ("Paraguay", "PRY"), ("Brazil", "BRA"), "063", spk=("the Paraguayan interior ministry", "PRYGOV")))

R("2024-02-02", "reported_speech", "security",
  "Kenyan police said they had passed information on six suspected arms smugglers to their Ugandan counterparts, "
  "who arrested four of the men near the border town of Busia on Thursday.",
  E("passed information", ("Kenyan police", "KENCOP"), ("their Ugandan counterparts", "UGACOP"), "064"),
  E("arrested", ("their Ugandan counterparts", "UGACOP"), ("four of the men", "UGACVL"), "173"))

R("2022-12-20", "dateline", "culture",
  "ABUJA, Dec 20 - Germany handed back 20 bronze sculptures to Nigeria at a ceremony in the capital on Tuesday, more "
  "than a century after they were carried off from the royal palace in Benin City.",
  E("handed back", ("Germany", "DEU"), ("Nigeria", "NGA"), "0842"))

R("2024-01-12", "wire_lead", "security",
  "Myanmar's military and an alliance of three ethnic armed groups agreed to a ceasefire in northern Shan state on "
  "Friday after talks hosted by China in Kunming. Beijing urged both sides to honour the deal.",
  E("agreed to a ceasefire", ("Myanmar's military", "MMRMIL"), ("an alliance of three ethnic armed groups", "MMRREB"),
    "0871"),
  E("agreed to a ceasefire", ("an alliance of three ethnic armed groups", "MMRREB"), ("Myanmar's military", "MMRMIL"),
    "0871"),
  E("hosted", ("China", "CHN"), ("Myanmar's military", "MMRMIL"), "045"),
  E("hosted", ("China", "CHN"), ("an alliance of three ethnic armed groups", "MMRREB"), "045"),
  E("urged", ("Beijing", "CHN"), ("both sides", "MMRMIL"), "020"),
  E("urged", ("Beijing", "CHN"), ("both sides", "MMRREB"), "020"))

R("2021-08-11", "wire_lead", "security",
  "About 60 fighters of a rebel faction in the Central African Republic laid down their weapons and surrendered to "
  "government forces in the northwestern town of Bocaranga, the defence ministry said.",
  E("surrendered", ("About 60 fighters of a rebel faction", "CAFREB"), ("government forces", "CAFMIL"), "0874",
    spk=("the defence ministry", "CAFGOV")))

R("2022-10-03", "background_clause", "security",
  "Prosecutors in Armenia opened a war crimes case against Azerbaijani soldiers on Monday after a video circulated "
  "that appeared to show the killing of captured Armenian troops.",
  E("opened a war crimes case", ("Prosecutors in Armenia", "ARMJUD"), ("Azerbaijani soldiers", "AZEMIL"), "094"))

R("2023-04-19", "wire_lead", "security",
  "Kenya's parliament ordered an inquiry on Wednesday into a military operation against cattle raiders in the Kerio "
  "Valley in which several villagers were reportedly killed.",
  E("ordered an inquiry", ("Kenya's parliament", "KENLEG"), (None, "KENMIL"), "093"))

R("2022-07-12", "wire_lead", "diplomacy",
  "Ivory Coast demanded on Tuesday that Mali immediately release 49 Ivorian soldiers held in Bamako since Sunday, "
  "saying they had been deployed in support of a UN mission. The junta said the soldiers would be tried as "
  "mercenaries.",
  E("demanded", ("Ivory Coast", "CIV"), ("Mali", "MLI"), "1053"),
  E("would be tried as mercenaries", ("The junta", "MLIGOV"), ("Ivory Coast", "CIV"), "1243"))

R("2020-09-01", "wire_lead", "politics",
  "Opposition parties in Togo demanded the resignation of the president on Tuesday, saying his re-election in "
  "February had been marred by fraud.",
  E("demanded the resignation", ("Opposition parties in Togo", "TGOOPP"), ("the president", "TGOGOV"), "1041"))

R("2021-10-19", "reported_speech", "politics",
  "Trade unions in Eswatini demanded that the government allow political parties to contest elections, a day after "
  "security forces dispersed striking transport workers in Mbabane, union leaders said.",
  E("demanded", ("Trade unions in Eswatini", "SWZCVL"), ("the government", "SWZGOV"), "1043"),
  E("dispersed", ("security forces", "SWZCOP"), ("striking transport workers", "SWZCVL"), "175"),
  E("striking", ("striking transport workers", "SWZCVL"), (None, "SWZGOV"), "143"))

R("2023-10-05", "quote", "security",
  "\"We are ready to sit down with Yaounde tomorrow, under a neutral mediator,\" a spokesman for Cameroon's "
  "anglophone separatists said, demanding talks on the future of the two English-speaking regions.",
  E("demanding talks", ("a spokesman for Cameroon's anglophone separatists", "CMRREB"), ("Yaounde", "CMR"), "106"),
  E("We are ready to sit down", ("a spokesman for Cameroon's anglophone separatists", "CMRREB"), ("Yaounde", "CMR"),
    "036"))

R("2021-11-21", "reported_speech", "security",
  "Yemen's Houthi movement threatened on Sunday to strike Saudi oil facilities if Riyadh pressed on with air raids on "
  "the province of Marib.",
  E("threatened", ("Yemen's Houthi movement", "YEMREB"), ("Saudi oil facilities", "SAU"), "1384"))

R("2022-11-04", "quote", "politics",
  "\"Anyone who takes to the streets on Saturday will face the full weight of the law,\" Nicaragua's national police "
  "said in a statement, warning opposition supporters against joining a planned march in Managua.",
  E("warning", ("Nicaragua's national police", "NICCOP"), ("opposition supporters", "NICOPP"), "137"))

R("2023-09-26", "reported_speech", "politics",
  "Kyrgyzstan's justice ministry warned an opposition party on Tuesday that it could be dissolved if it failed to "
  "re-register under the new law on political parties. Party leaders called the warning an attempt to silence them.",
  E("warned", ("Kyrgyzstan's justice ministry", "KGZGOV"), ("an opposition party", "KGZOPP"), "1322"),
  E("called the warning an attempt to silence them", ("Party leaders", "KGZOPP"), (None, "KGZGOV"), "111"))

R("2023-07-30", "dateline", "security",
  "ABUJA, July 30 - West African leaders gave Niger's junta one week to reinstate the ousted president or face "
  "possible military intervention, after an emergency ECOWAS summit in the Nigerian capital on Sunday.",
  E("gave Niger's junta one week", ("West African leaders", "IGOAFRECW"), ("Niger's junta", "NERGOV"), "139"))

R("2024-03-04", "wire_lead", "politics",
  "Indigenous groups blocked stretches of the Pan-American Highway in southern Ecuador on Monday to protest against "
  "the government's plan to scrap fuel subsidies. Police cleared one roadblock near Cuenca with tear gas.",
  E("blocked", ("Indigenous groups", "ECUCVL"), ("the government", "ECUGOV"), "1442"),
  E("cleared", ("Police", "ECUCOP"), (None, "ECUCVL"), "175"))

R("2023-05-23", "reported_speech", "politics",
  "Six jailed opposition activists in Eswatini began a hunger strike on Tuesday to protest against the conditions of "
  "their detention, their lawyer said.",
  E("began a hunger strike", ("Six jailed opposition activists", "SWZOPP"), (None, "SWZGOV"), "1423"))

R("2024-05-14", "dateline", "politics",
  "NOUMEA, May 14 - Rioters set fire to shops and vehicles in New Caledonia's capital overnight in protest against an "
  "electoral reform approved by lawmakers in Paris. France declared a state of emergency in the territory and sent "
  "hundreds of extra police.",
  E("set fire", ("Rioters", "NCLCVL"), ("lawmakers in Paris", "FRALEG"), "1452"),
  E("declared a state of emergency", ("France", "FRA"), (None, "NCLCVL"), "1724"),
  E("sent hundreds of extra police", ("France", "FRA"), (None, "NCLCVL"), "153"))

R("2024-12-02", "wire_lead", "politics",
  "Tens of thousands of people rallied in Tbilisi for a fifth night on Monday to demand that the government call new "
  "elections. The interior ministry said 220 people had been detained since Thursday.",
  E("rallied", ("Tens of thousands of people", "GEOCVL"), ("the government", "GEOGOV"), "1411"),
  E("detained", ("The interior ministry", "GEOGOV"), (None, "GEOCVL"), "173"))

R("2022-01-10", "wire_lead", "diplomacy",
  "The United States imposed sanctions on Monday on six Nicaraguan officials it accused of helping to rig last "
  "year's election.",
  E("imposed sanctions", ("The United States", "USA"), ("six Nicaraguan officials", "NICGOV"), "163"),
  E("accused", ("The United States", "USA"), ("six Nicaraguan officials", "NICGOV"), "1121"))

R("2022-10-04", "wire_lead", "diplomacy",
  "The European Union suspended budget support to Burkina Faso on Tuesday following the second coup in the country "
  "this year.",
  E("suspended budget support", ("The European Union", "IGOEUREEC"), ("Burkina Faso", "BFA"), "1621"))

R("2025-01-20", "background_clause", "security",
  "Colombia's government suspended peace talks with the ELN on Monday after the rebel group killed dozens of civilians "
  "in the Catatumbo region near the Venezuelan border.",
  E("suspended peace talks", ("Colombia's government", "COLGOV"), ("the ELN", "COLREB"), "164"),
  E("killed", ("the rebel group", "COLREB"), ("dozens of civilians", "COLCVL"), "180"))

R("2023-06-16", "quote", "security",
  "\"The mission has failed,\" Mali's foreign minister told the Security Council on Friday, asking UN peacekeepers to "
  "leave the country without delay.",
  E("asking UN peacekeepers to leave", ("Mali's foreign minister", "MLIGOV"), ("UN peacekeepers", "IGOUNO"), "1661"),
  E("\"The mission has failed,\"", ("Mali's foreign minister", "MLIGOV"), ("the Security Council", "IGOUNO"), "111"))

R("2021-08-03", "wire_lead", "politics",
  "Ethiopia's government ordered two international aid groups to halt operations in the country for three months, "
  "accusing them of spreading misinformation about the conflict in Tigray.",
  E("ordered two international aid groups to halt operations", ("Ethiopia's government", "ETHGOV"),
    ("two international aid groups", "NGO"), "1663"),
  E("accusing", ("Ethiopia's government", "ETHGOV"), ("two international aid groups", "NGO"), "112"))

R("2023-02-03", "wire_lead", "security",
  "Al-Shabaab militants detonated a car bomb outside a military base on the edge of Mogadishu on Friday, killing at "
  "least eight soldiers, officials said. Troops returned fire and killed three attackers.",
  E("detonated a car bomb", ("Al-Shabaab militants", "SOMREB"), ("a military base", "SOMMIL"), "1832"),
  E("returned fire", ("Troops", "SOMMIL"), ("three attackers", "SOMREB"), "193"))

R("2024-08-12", "passive", "security",
  "Four policemen were killed in Pakistan's Khyber Pakhtunkhwa province on Monday by a roadside bomb planted by "
  "militants of the Pakistani Taliban, police said.",
  E("roadside bomb", ("militants of the Pakistani Taliban", "PAKREB"), ("Four policemen", "PAKCOP"), "1833"))

R("2024-06-21", "wire_lead", "security",
  "Fighters from the Islamic State's Sahel branch killed the mayor of a town in western Niger on Friday in what local "
  "officials described as a targeted assassination.",
  E("killed", ("Fighters from the Islamic State's Sahel branch", "NERREB"), ("the mayor of a town in western Niger",
                                                                          "NERGOV"), "186"))

R("2022-05-18", "wire_lead", "crime",
  "A court in Uzbekistan found two police officers guilty on Wednesday of torturing a detainee who died in custody "
  "in Bukhara, and sentenced them to nine years in prison.",
  E("found two police officers guilty", ("A court in Uzbekistan", "UZBJUD"), ("two police officers", "UZBCOP"),
    "116"),
  E("torturing", ("two police officers", "UZBCOP"), ("a detainee", "UZBCVL"), "1822"))

R("2024-10-08", "reported_speech", "politics",
  "Authorities in the Dominican Republic deported more than 10,000 Haitians in a single week, the migration agency "
  "said, under a plan announced by the president to expel up to 10,000 undocumented migrants a week. Haiti's "
  "government called the deportations inhumane.",
  E("deported more than 10,000 Haitians", ("Authorities in the Dominican Republic", "DOMGOV"),
    ("more than 10,000 Haitians", "HTICVL"), "201", spk=("the migration agency", "DOMGOV")),
  E("called the deportations inhumane", ("Haiti's government", "HTIGOV"), (None, "DOMGOV"), "111"))

R("2023-07-13", "reported_speech", "security",
  "Sudan's Rapid Support Forces and allied Arab militias carried out ethnic cleansing against the Masalit people in "
  "West Darfur, a human rights group said in a report on Thursday.",
  E("carried out ethnic cleansing", ("Sudan's Rapid Support Forces", "SDNREB"), ("the Masalit people", "SDNCVL"), "203",
    spk=("a human rights group", "NGO")),
  E("carried out ethnic cleansing", ("allied Arab militias", "SDNREB"), ("the Masalit people", "SDNCVL"), "203",
    spk=("a human rights group", "NGO")))

R("2023-10-19", "wire_lead", "economy",
  "Chile's central bank cut its benchmark interest rate by 50 basis points on Wednesday, a smaller move than "
  "economists had expected, citing a weaker peso.")

R("2024-05-27", "dateline", "weather",
  "PORT MORESBY, May 27 - A landslide buried dozens of homes in a remote village in Papua New Guinea's Enga province, "
  "and officials said the number of dead could rise sharply. Rescuers are digging with shovels and bare hands.")

R("2024-12-04", "wire_lead", "politics",
  "Namibia's ruling party won a majority in last week's parliamentary election, the electoral commission said on "
  "Tuesday, though opposition parties said they would contest the results in court.")

R("2025-01-14", "plain", "sport",
  "Morocco crushed Zambia 4-0 in Rabat to finish top of their group, with the visitors unable to cope with the pace "
  "of the home side's attack.")

R("2023-08-09", "plain", "economy",
  "Ghana's cocoa regulator said it was attacking the problem of bean smuggling into Ivory Coast and Togo with new "
  "payments to farmers, after losing an estimated 150,000 tonnes last season.")

R("2024-07-11", "reported_speech", "economy",
  "Should Bolivia's lithium partnership with foreign firms collapse, the state company would develop the salt flats "
  "on its own, a senior official said on Thursday.")

R("2024-02-23", "plain", "diplomacy",
  "Burundi did not sign the regional customs protocol at Thursday's summit in Arusha, a government official said, "
  "and the document will be reopened for discussion next year.")

R("2024-09-02", "plain", "other",
  "Born in a village near Kandy, the new central bank governor studied economics in Colombo and Cambridge before "
  "spending two decades at the bank's research department. Colleagues describe him as cautious and data-driven.")

R("2025-03-12", "wire_lead", "economy",
  "Tourist arrivals in the Maldives rose 9 percent in February from a year earlier, the tourism ministry said, with "
  "China, Russia and India the largest sources of visitors.")

R("2023-11-06", "wire_lead", "politics",
  "The government of Laos announced on Monday that it would build 12 new district hospitals by 2026 and raise "
  "salaries for rural teachers.")
