from dsl import R, E

R("2023-08-07", "dateline", "security",
  "MANILA, Aug 7 - The Philippines lodged a diplomatic protest with China on Monday after Chinese coast guard vessels "
  "blocked two supply boats heading to a Philippine outpost in the Spratly Islands. The foreign ministry said the "
  "boats were later able to complete their mission.",
  E("lodged a diplomatic protest", ("The Philippines", "PHL"), ("China", "CHN"), "114"),
  E("blocked", ("Chinese coast guard vessels", "CHNCOP"), ("two supply boats", "PHLMIL"), "191"))

R("2023-12-15", "plain", "politics",
  "Kiribati's parliament passed next year's budget on Friday after a three-day debate, approving higher spending on "
  "sea walls and school buildings.")

R("2025-02-10", "reported_speech", "crime",
  "Prosecutors in Ecuador opened an investigation on Monday into the state electricity company over emergency "
  "contracts awarded during last year's blackouts, the attorney general's office said. The company has denied any "
  "wrongdoing.",
  E("opened an investigation", ("Prosecutors in Ecuador", "ECUJUD"), ("the state electricity company", "ECUBUS"),
    "091", spk=("the attorney general's office", "ECUJUD")),
  E("denied", ("The company", "ECUBUS"), (None, "ECUJUD"), "016"))

R("2024-10-04", "dateline", "economy",
  "TASHKENT, Oct 4 - Japan will lend Uzbekistan $500 million to modernise its power grid under an agreement signed "
  "on Friday by the two countries' finance ministers. Tokyo also delivered 40 ambulances to regional hospitals as "
  "part of a separate grant.",
  E("will lend", ("Japan", "JPN"), ("Uzbekistan", "UZB"), "0331"),
  E("signed", ("the two countries' finance ministers", "JPNGOV"), ("the two countries' finance ministers", "UZBGOV"),
    "057"),
  E("signed", ("the two countries' finance ministers", "UZBGOV"), ("the two countries' finance ministers", "JPNGOV"),
    "057"),
  E("delivered", ("Tokyo", "JPN"), (None, "UZB"), "070"))

R("2024-08-14", "wire_lead", "economy",
  "Remittances to Honduras rose 8 percent in the first half of the year, the central bank said, with most of the "
  "money sent by workers in the United States.")

R("2024-05-16", "background_clause", "security",
  "Cambodian and Chinese troops began two weeks of joint exercises on Thursday near a naval base on the Gulf of "
  "Thailand that Beijing helped to expand.",
  E("joint exercises", ("Cambodian", "KHMMIL"), ("Chinese troops", "CHNMIL"), "062"),
  E("joint exercises", ("Chinese troops", "CHNMIL"), ("Cambodian", "KHMMIL"), "062"),
  E("helped to expand", ("Beijing", "CHN"), (None, "KHM"), "072"))

R("2023-10-17", "plain", "sport",
  "Uruguay held Brazil to a goalless draw in Montevideo, a result that left both teams level on points in the South "
  "American qualifying table.")

R("2019-09-16", "reported_speech", "security",
  "A UN fact-finding mission said on Monday that Myanmar's military had committed mass killings of Rohingya civilians "
  "in northern Rakhine state two years ago, and urged the generals to let investigators into the country. The "
  "military rejected the report as biased.",
  E("committed mass killings", ("Myanmar's military", "MMRMIL"), ("Rohingya civilians", "MMRCVL"), "202",
    spk=("A UN fact-finding mission", "IGOUNO")),
  E("urged", ("A UN fact-finding mission", "IGOUNO"), ("the generals", "MMRMIL"), "0255"),
  E("rejected", ("The military", "MMRMIL"), (None, "IGOUNO"), "120"))

R("2022-11-21", "wire_lead", "crime",
  "Zambia's anti-corruption commission said on Monday it was investigating the mayor of Lusaka and two councillors "
  "over the sale of council land to private developers.",
  E("investigating", ("Zambia's anti-corruption commission", "ZMBGOV"), ("the mayor of Lusaka", "ZMBGOV"), "091"))

R("2023-02-13", "reported_speech", "diplomacy",
  "Kyrgyzstan's president and his Tajik counterpart spoke by telephone on Monday and agreed to speed up work on "
  "demarcating their border, the Kyrgyz presidential press office said. The two leaders also invited each other to "
  "visit before the end of the year.",
  E("spoke by telephone", ("Kyrgyzstan's president", "KGZGOV"), ("his Tajik counterpart", "TJKGOV"), "041"),
  E("spoke by telephone", ("his Tajik counterpart", "TJKGOV"), ("Kyrgyzstan's president", "KGZGOV"), "041"),
  E("agreed to speed up work on demarcating their border", ("Kyrgyzstan's president", "KGZGOV"),
    ("his Tajik counterpart", "TJKGOV"), "037"),
  E("agreed to speed up work on demarcating their border", ("his Tajik counterpart", "TJKGOV"),
    ("Kyrgyzstan's president", "KGZGOV"), "037"),
  E("invited each other to visit", ("The two leaders", "KGZGOV"), ("The two leaders", "TJKGOV"), "036"),
  E("invited each other to visit", ("The two leaders", "TJKGOV"), ("The two leaders", "KGZGOV"), "036"))

R("2024-11-04", "analysis", "politics",
  "In a column for a Lima daily, a retired diplomat argued that Peru should rethink its relationship with both "
  "Washington and Beijing before the next round of Pacific trade negotiations.")

R("2023-05-09", "dateline", "diplomacy",
  "DILI, May 9 - Indonesia on Tuesday endorsed Timor-Leste's bid to become the 11th member of the Association of "
  "Southeast Asian Nations and promised to help train its diplomats. The Timorese prime minister thanked Jakarta "
  "for its \"constant friendship\".",
  E("endorsed", ("Indonesia", "IDN"), ("Timor-Leste", "TLS"), "051"),
  E("promised to help train", ("Indonesia", "IDN"), ("Timor-Leste", "TLS"), "031"),
  E("thanked", ("The Timorese prime minister", "TLSGOV"), ("Jakarta", "IDN"), "051"))

R("2024-01-22", "plain", "crime",
  "Thieves stole more than 200 kilograms of copper cable from a railway depot outside Almaty overnight, delaying "
  "freight trains for several hours, the operator said.")

R("2023-11-19", "wire_lead", "politics",
  "The World Food Programme began airlifting food to flood-hit districts of southern Somalia on Sunday, the agency "
  "said. The government in Mogadishu had appealed to the United Nations for help after the Juba and Shabelle rivers "
  "burst their banks.",
  E("airlifting food", ("The World Food Programme", "IGOUNO"), ("flood-hit districts of southern Somalia", "SOMCVL"),
    "073"),
  E("appealed", ("The government in Mogadishu", "SOMGOV"), ("the United Nations", "IGOUNO"), "0233"))

R("2022-06-24", "background_clause", "politics",
  "Sri Lanka's president lifted the state of emergency on Friday, a month after his government imposed it to quell "
  "protests over fuel and food shortages.",
  E("lifted", ("Sri Lanka's president", "LKAGOV"), (None, "LKACVL"), "0814"),
  E("imposed", ("his government", "LKAGOV"), (None, "LKACVL"), "1724"))

R("2024-04-30", "reported_speech", "diplomacy",
  "Bhutan's foreign minister said he was not optimistic about an early deal with China on their disputed border, "
  "after the latest round of expert-level talks ended without agreement.",
  E("not optimistic", ("Bhutan's foreign minister", "BTNGOV"), ("China", "CHN"), "012"))

R("2024-07-16", "background_clause", "diplomacy",
  "Georgia's prime minister said on Tuesday he was confident that relations with Armenia would \"reach a new level\" "
  "after the two governments signed a transit agreement in Tbilisi.",
  E("was confident", ("Georgia's prime minister", "GEOGOV"), ("Armenia", "ARM"), "013"),
  E("signed", ("the two governments", "GEOGOV"), ("the two governments", "ARMGOV"), "057"),
  E("signed", ("the two governments", "ARMGOV"), ("the two governments", "GEOGOV"), "057"))

R("2023-06-30", "plain", "other",
  "Turkmenistan's president opened a new international airport in the eastern city of Kerki on Friday, state "
  "television reported.")

R("2022-04-09", "reported_speech", "security",
  "Islamic State's local affiliate said on Saturday that its fighters attacked a military post in Mozambique's Cabo "
  "Delgado province, killing five soldiers, and claimed responsibility in a statement on its channels. The group said "
  "its fighters also seized weapons and ammunition from the post.",
  E("attacked", ("its fighters", "MOZREB"), ("a military post", "MOZMIL"), "190",
    spk=("Islamic State's local affiliate", "MOZREB")),
  E("claimed responsibility", ("Islamic State's local affiliate", "MOZREB"), (None, "MOZMIL"), "015"),
  E("seized", ("its fighters", "MOZREB", 2), ("the post", "MOZMIL"), "1711", spk=("The group", "MOZREB")))

R("2023-01-26", "multi_clause", "security",
  "Rwanda's government on Thursday denied sending troops to fight alongside M23 rebels in eastern Congo, dismissing "
  "fresh accusations from Kinshasa as propaganda.",
  E("denied", ("Rwanda's government", "RWAGOV"), ("Kinshasa", "COD"), "016"),
  E("accusations", ("Kinshasa", "COD"), ("Rwanda's government", "RWAGOV"), "112"))

R("2023-02-07", "plain", "diplomacy",
  "Montenegro's government lowered flags to half-mast on Tuesday in a gesture of solidarity with Turkey after the "
  "earthquake that killed thousands in the country's south.",
  E("lowered flags to half-mast", ("Montenegro's government", "MNEGOV"), ("Turkey", "TUR"), "017"))

R("2024-09-06", "wire_lead", "diplomacy",
  "Peru and Bolivia said they shared \"the same view\" on protecting Lake Titicaca from mining pollution, in a joint "
  "statement after talks in Puno. Bolivia's foreign minister invited his Peruvian counterpart to La Paz for the next "
  "round.",
  E("shared \"the same view\"", ("Peru", "PER"), ("Bolivia", "BOL"), "019"),
  E("shared \"the same view\"", ("Bolivia", "BOL"), ("Peru", "PER"), "019"),
  E("talks", ("Peru", "PER"), ("Bolivia", "BOL"), "040"),
  E("talks", ("Bolivia", "BOL"), ("Peru", "PER"), "040"),
  E("invited", ("Bolivia's foreign minister", "BOLGOV"), ("his Peruvian counterpart", "PERGOV"), "036"))

R("2025-08-20", "plain", "politics",
  "It is still unclear whether Samoa's ruling party will hold a leadership vote before parliament reconvenes next "
  "month.")

R("2023-08-28", "dateline", "security",
  "N'DJAMENA, Aug 28 - Chad's transitional government demanded on Monday that Sudan's Rapid Support Forces keep their "
  "fighters away from the shared border. N'Djamena said its troops had been placed on alert along the eastern "
  "frontier.",
  E("demanded", ("Chad's transitional government", "TCDGOV"), ("Sudan's Rapid Support Forces", "SDNREB"), "1056"),
  E("placed on alert", ("its troops", "TCDMIL"), (None, "SDNREB"), "152", spk=("N'Djamena", "TCD")))

R("2024-10-22", "plain", "business",
  "Mongolia's largest copper mine reported record output for the third quarter, helped by higher ore grades at its "
  "underground section, the operator said.")

R("2022-06-22", "reported_speech", "politics",
  "A Geneva-based rights group accused Nicaragua's government on Wednesday of torturing political prisoners held at "
  "a jail outside Managua. Officials in Managua did not respond to requests for comment.",
  E("accused", ("A Geneva-based rights group", "NGO"), ("Nicaragua's government", "NICGOV"), "1122"))

R("2023-12-05", "wire_lead", "security",
  "Azerbaijan's state security service detained a French citizen in Baku on charges of spying for Paris, the agency "
  "said on Tuesday.",
  E("detained", ("Azerbaijan's state security service", "AZEGOV"), ("a French citizen", "FRACVL"), "173"),
  E("charges of spying", ("Azerbaijan's state security service", "AZEGOV"), ("a French citizen", "FRACVL"), "1125"))

R("2023-07-21", "dateline", "diplomacy",
  "HONIARA, July 21 - Solomon Islands' government has turned down an Australian offer to fund a new police patrol "
  "boat, saying it would rely on equipment already supplied by China. Canberra said it was disappointed by the "
  "decision.",
  E("turned down", ("Solomon Islands' government", "SLBGOV"), ("Australian", "AUS"), "121"),
  E("supplied", ("China", "CHN"), (None, "SLB"), "070"),
  E("disappointed", ("Canberra", "AUS"), (None, "SLBGOV"), "110"))

R("2024-05-09", "wire_lead", "diplomacy",
  "The European Union threatened on Thursday to impose sanctions on officials in Georgia's government if parliament "
  "passed a \"foreign agents\" bill. Georgia's prime minister dismissed the warning as interference in the country's "
  "internal affairs.",
  E("threatened", ("The European Union", "IGOEUREEC"), ("officials in Georgia's government", "GEOGOV"), "1312"),
  E("dismissed", ("Georgia's prime minister", "GEOGOV"), (None, "IGOEUREEC"), "120"))

R("2023-03-06", "wire_lead", "economy",
  "Hundreds of workers at a Chinese-owned copper mine in Zambia's Copperbelt went on strike on Monday, demanding that "
  "the company pay two months of overdue wages.",
  E("went on strike", ("Hundreds of workers", "ZMBCVL"), ("the company", "CHNBUS"), "143"))

R("2023-12-09", "wire_lead", "security",
  "Venezuela moved troops and armoured vehicles toward its border with Guyana on Saturday, satellite images showed. "
  "Georgetown said it had asked Brazil to keep a close watch on the frontier region.",
  E("moved troops", ("Venezuela", "VEN"), ("Guyana", "GUY"), "154"),
  E("asked", ("Georgetown", "GUY"), ("Brazil", "BRA"), "0212"))

R("2024-04-06", "background_clause", "diplomacy",
  "Mexico suspended diplomatic relations with Ecuador on Saturday after Ecuadorian police forced their way into the "
  "Mexican embassy in Quito and arrested a former vice president who had been granted asylum there.",
  E("suspended diplomatic relations", ("Mexico", "MEX"), ("Ecuador", "ECU"), "161"),
  E("forced their way into", ("Ecuadorian police", "ECUCOP"), ("the Mexican embassy", "MEXGOV"), "170"),
  E("arrested", ("Ecuadorian police", "ECUCOP"), ("a former vice president", "ECUELI"), "173"),
  E("granted asylum", ("the Mexican embassy", "MEXGOV"), ("a former vice president", "ECUELI"), "075"))

R("2022-01-05", "wire_lead", "politics",
  "Authorities in Kazakhstan's Mangystau region imposed a night-time curfew on Wednesday after protests over fuel "
  "prices spread to the regional capital. Officials said the measure would stay in place until order was restored.",
  E("imposed a night-time curfew", ("Authorities in Kazakhstan's Mangystau region", "KAZGOV"), (None, "KAZCVL"),
    "1723"))

R("2022-03-14", "wire_lead", "security",
  "Al-Shabaab militants abducted three aid workers employed by an international charity in Somalia's Gedo region on "
  "Monday, local elders said.",
  E("abducted", ("Al-Shabaab militants", "SOMREB"), ("three aid workers", "NGO"), "181",
    spk=("local elders", "SOMCVL")))

R("2025-07-24", "reported_speech", "security",
  "Thailand's army said Cambodian troops fired rockets at a village in Sisaket province on Thursday, and that Thai "
  "F-16 jets then struck two Cambodian military targets. Phnom Penh accused Bangkok of launching an unprovoked "
  "attack.",
  E("fired rockets", ("Cambodian troops", "KHMMIL"), ("a village in Sisaket province", "THACVL"), "194",
    spk=("Thailand's army", "THAMIL")),
  E("struck", ("Thai F-16 jets", "THAMIL"), ("two Cambodian military targets", "KHMMIL"), "195",
    spk=("Thailand's army", "THAMIL")),
  E("accused", ("Phnom Penh", "KHM"), ("Bangkok", "THA"), "1123"))

R("2023-03-07", "reported_speech", "security",
  "UN investigators said on Tuesday that Syrian government forces used chlorine gas in an attack on a rebel-held "
  "town near Damascus five years ago, killing dozens of civilians. Damascus has always denied using chemical "
  "weapons.",
  E("used chlorine gas", ("Syrian government forces", "SYRMIL"), ("dozens of civilians", "SYRCVL"), "2041",
    spk=("UN investigators", "IGOUNO")),
  E("denied", ("Damascus", "SYR", 2), (None, "IGOUNO"), "016"))

R("2024-05-28", "wire_lead", "weather",
  "A heatwave pushed temperatures above 45C in parts of Pakistan and northwest India this week, with long power cuts "
  "reported in Lahore and Amritsar.")

R("2023-06-12", "wire_lead", "politics",
  "Preliminary results from Sunday's parliamentary election in Montenegro showed no party winning a majority, setting "
  "the stage for weeks of coalition talks.")

R("2025-02-18", "reported_speech", "security",
  "Guinea-Bissau's army has not deployed troops to the capital despite rumours on social media, a military spokesman "
  "said on Tuesday.")

R("2024-06-04", "wire_lead", "diplomacy",
  "Mongolia's president began a three-day state visit to South Korea on Tuesday, with rare earths and direct flights "
  "expected to top the agenda.",
  E("state visit", ("Mongolia's president", "MNGGOV"), ("South Korea", "KOR"), "042"))
