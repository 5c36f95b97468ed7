from dsl import R, E

R("2023-10-23", "reported_speech", "diplomacy",
  "Kyrgyzstan's foreign ministry issued a statement on Kazakhstan's new rules for foreign trucks on Monday, saying "
  "Bishkek had taken note of the changes and would study their effect on transit.",
  E("issued a statement", ("Kyrgyzstan's foreign ministry", "KGZGOV"), ("Kazakhstan", "KAZ"), "010"))

R("2024-06-06", "plain", "diplomacy",
  "Malaysia's foreign ministry declined to comment on reports that a Chinese survey ship had spent a week inside the "
  "country's exclusive economic zone off Sarawak.",
  E("declined to comment", ("Malaysia's foreign ministry", "MYSGOV"), (None, "CHN"), "011"))

R("2025-04-22", "wire_lead", "economy",
  "Tanzania's government said on Tuesday it was considering a ban on farm imports from Malawi and South Africa after "
  "both countries restricted Tanzanian produce. Lilongwe said it was ready to discuss the dispute.",
  E("considering a ban", ("Tanzania's government", "TZAGOV"), ("Malawi", "MWI"), "014"),
  E("considering a ban", ("Tanzania's government", "TZAGOV"), ("South Africa", "ZAF"), "014"),
  E("restricted", ("both countries", "MWI"), ("Tanzanian produce", "TZA"), "163"),
  E("restricted", ("both countries", "ZAF"), ("Tanzanian produce", "TZA"), "163"),
  E("ready to discuss", ("Lilongwe", "MWI"), (None, "TZA"), "036"))

R("2024-07-12", "wire_lead", "diplomacy",
  "Vietnam's president laid a wreath at a monument to Lao independence fighters in Vientiane on Friday, on the second "
  "day of his visit to Laos.",
  E("laid a wreath", ("Vietnam's president", "VNMGOV"), (None, "LAO"), "017"),
  E("visit", ("Vietnam's president", "VNMGOV"), ("Laos", "LAO"), "042"))

R("2023-09-18", "wire_lead", "security",
  "Fijian and New Zealand navy crews began two weeks of joint fisheries patrols in Fiji's waters on Monday, targeting "
  "illegal fishing by foreign longliners.",
  E("joint fisheries patrols", ("Fijian", "FJIMIL"), ("New Zealand navy crews", "NZLMIL"), "062"),
  E("joint fisheries patrols", ("New Zealand navy crews", "NZLMIL"), ("Fijian", "FJIMIL"), "062"))

R("2023-02-09", "reported_speech", "crime",
  "Panamanian prosecutors have handed bank records to Colombian investigators looking into a drug trafficking network, "
  "Colombia's attorney general's office said.",
  E("handed bank records", ("Panamanian prosecutors", "PANJUD"), ("Colombian investigators", "COLJUD"), "063",
    spk=("Colombia's attorney general's office", "COLJUD")))

R("2024-03-27", "reported_speech", "security",
  "Georgia's security service said it had passed information to Armenian counterparts about a group smuggling "
  "radioactive material across their border. Armenian officials confirmed two arrests.",
  E("passed information", ("Georgia's security service", "GEOGOV"), ("Armenian counterparts", "ARMGOV"), "064"))

R("2024-03-19", "wire_lead", "politics",
  "Peru's Congress opened an investigation on Tuesday into the president over undeclared luxury watches. The president "
  "said she had done nothing wrong and would cooperate with lawmakers.",
  E("opened an investigation", ("Peru's Congress", "PERLEG"), ("the president", "PERGOV"), "091"),
  E("said she had done nothing wrong", ("The president", "PERGOV"), ("lawmakers", "PERLEG"), "016"),
  E("would cooperate", ("The president", "PERGOV"), ("lawmakers", "PERLEG"), "0313"))

R("2022-08-15", "wire_lead", "politics",
  "Ghana's human rights commission said on Monday it was investigating reports that soldiers beat residents of a "
  "northern town during a search for stolen weapons.",
  E("investigating", ("Ghana's human rights commission", "GHAGOV"), ("soldiers", "GHAMIL"), "092"))

R("2023-05-18", "reported_speech", "security",
  "Armed militiamen massacred more than 100 villagers in a series of raids in central Nigeria's Plateau state, a local "
  "official said on Thursday. The army said troops had been deployed to the area.",
  E("massacred", ("Armed militiamen", "NGAREB"), ("more than 100 villagers", "NGACVL"), "202",
    spk=("a local official", "NGAGOV")),
  E("had been deployed", ("troops", "NGAMIL"), (None, "NGAREB"), "154", spk=("The army", "NGAMIL")))

R("2023-11-01", "wire_lead", "politics",
  "Pakistan began expelling hundreds of thousands of undocumented Afghans on Wednesday as a deadline to leave expired. "
  "Afghanistan's Taliban administration called the deportations cruel and urged Islamabad to halt them.",
  E("expelling", ("Pakistan", "PAK"), ("hundreds of thousands of undocumented Afghans", "AFGCVL"), "201"),
  E("called the deportations cruel", ("Afghanistan's Taliban administration", "AFGGOV"), ("Islamabad", "PAK"), "111"),
  E("urged", ("Afghanistan's Taliban administration", "AFGGOV"), ("Islamabad", "PAK"), "0242"))

R("2022-12-02", "wire_lead", "diplomacy",
  "Bolivia rejected on Friday a Chilean proposal to share the waters of the Silala river, a day after the World Court "
  "ruled on the dispute.",
  E("rejected", ("Bolivia", "BOL"), ("a Chilean proposal", "CHL"), "127"))

R("2023-11-27", "reported_speech", "politics",
  "Peru's prime minister warned on Monday that the government could declare a state of emergency on the highways if "
  "truck drivers went ahead with their strike.",
  E("warned", ("Peru's prime minister", "PERGOV"), ("truck drivers", "PERCVL"), "1324"))

R("2024-02-21", "dateline", "politics",
  "CHISINAU, Feb 21 - Farmers blocked roads with tractors at more than a dozen points across Moldova on Wednesday to "
  "demand compensation for low grain prices. The agriculture ministry said it would meet their representatives.",
  E("blocked roads", ("Farmers", "MDACVL"), (None, "MDAGOV"), "1442"),
  E("would meet", ("The agriculture ministry", "MDAGOV"), ("their representatives", "MDACVL"), "036"))

R("2022-11-25", "reported_speech", "politics",
  "A jailed Kazakh journalist has gone on hunger strike to protest against his sentence, his wife said.",
  E("gone on hunger strike", ("A jailed Kazakh journalist", "KAZMED"), (None, "KAZGOV"), "142"))

R("2022-09-15", "wire_lead", "security",
  "Kyrgyzstan sent additional troops and armour to its southern Batken region on Thursday after fresh clashes with "
  "Tajik forces. Dushanbe accused Bishkek of shelling a Tajik outpost.",
  E("sent additional troops and armour", ("Kyrgyzstan", "KGZ"), ("Tajik forces", "TJKMIL"), "154"),
  E("clashes", ("Kyrgyzstan", "KGZ"), ("Tajik forces", "TJKMIL"), "190"),
  E("clashes", ("Tajik forces", "TJKMIL"), ("Kyrgyzstan", "KGZ"), "190"),
  E("accused", ("Dushanbe", "TJK"), ("Bishkek", "KGZ"), "1123"))

R("2022-09-30", "wire_lead", "economy",
  "Russia banned imports of fruit from several Moldovan producers on Friday, citing pest contamination. Moldova's "
  "government called the ban politically motivated.",
  E("banned imports", ("Russia", "RUS"), ("several Moldovan producers", "MDABUS"), "163"),
  E("called the ban politically motivated", ("Moldova's government", "MDAGOV"), (None, "RUS"), "111"))

R("2025-03-03", "wire_lead", "diplomacy",
  "Guinea-Bissau's president ordered a West African mediation mission to leave the country on Sunday, a week into its "
  "talks on the election calendar. The bloc said the mission had left early \"to avoid tensions\".",
  E("ordered a West African mediation mission to leave", ("Guinea-Bissau's president", "GNBGOV"),
    ("a West African mediation mission", "IGOAFRECW"), "1662"))

R("2022-12-08", "wire_lead", "security",
  "A suicide bomber from al-Shabaab blew himself up at a police training academy in Mogadishu on Thursday, killing at "
  "least six recruits.",
  E("blew himself up", ("A suicide bomber from al-Shabaab", "SOMREB"), ("a police training academy", "SOMCOP"), "1831"))

R("2024-09-14", "dateline", "security",
  "CULIACAN, Sept 14 - Mexican soldiers exchanged fire with cartel gunmen on the outskirts of Culiacan on Saturday, "
  "leaving two soldiers and four attackers dead, the defence ministry said.",
  E("exchanged fire", ("Mexican soldiers", "MEXMIL"), ("cartel gunmen", "MEXCRM"), "193",
    spk=("the defence ministry", "MEXGOV")),
  E("exchanged fire", ("cartel gunmen", "MEXCRM"), ("Mexican soldiers", "MEXMIL"), "193",
    spk=("the defence ministry", "MEXGOV")))

R("2023-11-08", "reported_speech", "security",
  "A drone strike by Burkina Faso's army killed at least 28 civilians at a market in the north of the country, a "
  "rights group said. The government did not respond to the report.",
  E("drone strike", ("Burkina Faso's army", "BFAMIL"), ("at least 28 civilians", "BFACVL"), "195",
    spk=("a rights group", "NGO")))

R("2024-05-10", "dateline", "diplomacy",
  "ALMATY, May 10 - The foreign ministers of Armenia and Azerbaijan met in Almaty on Friday for two days of talks on a "
  "peace treaty hosted by Kazakhstan. Both sides said progress had been made.",
  E("met", ("The foreign ministers of Armenia and Azerbaijan", "ARMGOV"),
    ("The foreign ministers of Armenia and Azerbaijan", "AZEGOV"), "044"),
  E("met", ("The foreign ministers of Armenia and Azerbaijan", "AZEGOV"),
    ("The foreign ministers of Armenia and Azerbaijan", "ARMGOV"), "044"),
  E("hosted", ("Kazakhstan", "KAZ"), ("The foreign ministers of Armenia and Azerbaijan", "ARMGOV"), "043"),
  E("hosted", ("Kazakhstan", "KAZ"), ("The foreign ministers of Armenia and Azerbaijan", "AZEGOV"), "043"))

R("2023-06-13", "wire_lead", "diplomacy",
  "Negotiators from Guyana and Suriname resumed talks on their disputed maritime boundary in Paramaribo on Tuesday.",
  E("resumed talks", ("Negotiators from Guyana and Suriname", "GUYGOV"), ("Negotiators from Guyana and Suriname",
                                                                          "SURGOV"), "046"),
  E("resumed talks", ("Negotiators from Guyana and Suriname", "SURGOV"), ("Negotiators from Guyana and Suriname",
                                                                          "GUYGOV"), "046"))

R("2023-10-20", "reported_speech", "diplomacy",
  "Serbia's president defended China's investment in the country's mines and factories on Friday, saying critics in "
  "Brussels had offered nothing comparable.",
  E("defended", ("Serbia's president", "SRBGOV"), ("China", "CHN"), "052"),
  E("saying critics in Brussels had offered nothing comparable", ("Serbia's president", "SRBGOV"),
    ("critics in Brussels", "IGOEUREEC"), "111"))

R("2021-05-28", "wire_lead", "diplomacy",
  "Germany apologised to Namibia on Friday for atrocities committed in the colonial era and offered 1.1 billion euros "
  "for development projects. Namibia's government called the offer a first step.",
  E("apologised", ("Germany", "DEU"), ("Namibia", "NAM"), "055"),
  E("offered", ("Germany", "DEU"), ("Namibia", "NAM"), "0331"),
  E("called the offer a first step", ("Namibia's government", "NAMGOV"), (None, "DEU"), "013"))

R("2025-01-31", "dateline", "diplomacy",
  "CARACAS, Jan 31 - Venezuela's government freed six detained Americans on Friday after talks in Caracas with a US "
  "envoy, who flew them home. The envoy said the two sides had also discussed deportation flights.",
  E("freed", ("Venezuela's government", "VENGOV"), ("six detained Americans", "USACVL"), "0841"),
  E("talks", ("Venezuela's government", "VENGOV"), ("a US envoy", "USAGOV"), "040"),
  E("talks", ("a US envoy", "USAGOV"), ("Venezuela's government", "VENGOV"), "040"))

R("2024-07-01", "dateline", "diplomacy",
  "ANKARA, July 1 - Ethiopia and Somalia accepted Turkish mediation in their dispute over Somaliland on Monday and held "
  "a first round of indirect talks in the Turkish capital. Ankara said a second round would follow in August.",
  E("accepted Turkish mediation", ("Ethiopia", "ETH"), ("Turkish", "TUR"), "038"),
  E("accepted Turkish mediation", ("Somalia", "SOM"), ("Turkish", "TUR"), "038"),
  E("held a first round of indirect talks", ("Ethiopia", "ETH"), ("Somalia", "SOM"), "046"),
  E("held a first round of indirect talks", ("Somalia", "SOM"), ("Ethiopia", "ETH"), "046"),
  E("said a second round would follow", ("Ankara", "TUR"), (None, "ETH"), "039"))

R("2023-12-13", "wire_lead", "politics",
  "Police in Mozambique fired live rounds to disperse opposition supporters protesting against local election results "
  "in Maputo, killing at least two, a rights group said.",
  E("fired live rounds", ("Police in Mozambique", "MOZCOP"), ("opposition supporters", "MOZOPP"), "175",
    spk=("a rights group", "MOZNGO")),
  E("protesting", ("opposition supporters", "MOZOPP"), (None, "MOZGOV"), "141"))

# --- no-event records
R("2024-09-20", "wire_lead", "economy",
  "Uruguay's economy grew 3.8 percent in the second quarter, helped by a recovery in farm output after last year's "
  "drought, the central bank said.")

R("2023-12-03", "dateline", "weather",
  "DAVAO, Dec 3 - A magnitude 7.4 earthquake struck off the southern Philippine island of Mindanao late on Saturday, "
  "prompting tsunami warnings as far away as Japan. Residents fled to higher ground.")

R("2024-04-10", "plain", "sport",
  "Paraguay's Olimpia beat Bolivia's Bolivar 2-1 in Asuncion to move top of their Copa Libertadores group.")

R("2024-06-18", "plain", "business",
  "A Vietnamese airline ordered 20 narrow-body jets from a European planemaker, the companies said at the Farnborough "
  "air show.")

R("2023-07-04", "plain", "politics",
  "Tonga's king did not dissolve parliament as some nobles had urged, and the legislative session opened on schedule.")

R("2024-02-28", "analysis", "diplomacy",
  "Will Armenia leave the Russian-led military alliance it has frozen its participation in? Officials in Yerevan say "
  "no decision has been taken, and Moscow has kept its comments brief.")

R("2023-07-10", "analysis", "politics",
  "The Gambia's fishing communities have little to show for a decade of fishmeal factories on their coast, writes our "
  "correspondent. The factories, mostly foreign-owned, have become a symbol of what residents see as a bad bargain.")

R("2024-05-13", "plain", "economy",
  "If Ecuador's dollar reserves fall further, the central bank could be forced to limit withdrawals, a former finance "
  "minister warned in a television interview.")

R("2022-09-23", "plain", "politics",
  "Bhutan's government announced on Friday that it would halve the daily fee paid by foreign tourists for visits of "
  "more than four days.")

R("2025-07-02", "plain", "economy",
  "Kazakh officials are expected to present a revised oil output plan later this month, according to an industry "
  "newsletter.")

R("2024-03-29", "plain", "crime",
  "A security guard at a jewellery shop in Lima was shot dead during a robbery on Friday afternoon. Two suspects fled "
  "on foot.")

R("2024-11-12", "dateline", "politics",
  "PORT LOUIS, Nov 12 - Mauritius' opposition alliance won a landslide in Sunday's general election, taking almost all "
  "seats in parliament, according to official results. The outgoing prime minister conceded defeat.")

R("2023-05-24", "plain", "other",
  "Two Kyrgyz climbers conquered the world's highest peak on Tuesday, becoming the first women from the country to "
  "reach the summit.")

R("2024-10-30", "plain", "economy",
  "The Philippine peso recovered some of its losses against the dollar on Wednesday after the central bank signalled "
  "it would not rush further rate cuts.")
