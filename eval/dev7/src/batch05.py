from dsl import R, E

R("2023-12-01", "dateline", "politics",
  "BAKU, Dec 1 - Police detained six journalists from an independent news site on Friday and charged them with "
  "currency smuggling. The site said the charges were fabricated to punish its reporting on corruption.",
  E("detained", ("Police", "AZECOP"), ("six journalists from an independent news site", "AZEMED"), "173"),
  E("said the charges were fabricated", ("The site", "AZEMED"), (None, "AZECOP"), "016"))

R("2021-05-17", "wire_lead", "business",
  "Kyrgyzstan's government took control of the country's largest gold mine from its Canadian operator on Monday, "
  "accusing the company of environmental violations.",
  E("took control", ("Kyrgyzstan's government", "KGZGOV"), ("its Canadian operator", "CANBUS"), "1711"),
  E("accusing", ("Kyrgyzstan's government", "KGZGOV"), ("the company", "CANBUS"), "1121"))

R("2022-05-06", "wire_lead", "politics",
  "Nicaragua's congress stripped 83 more non-governmental organisations of their legal status on Friday, bringing to "
  "more than 400 the number of groups shut down since the crackdown began. The organisations were accused of failing "
  "to report their finances.",
  E("stripped", ("Nicaragua's congress", "NICLEG"), ("83 more non-governmental organisations", "NICNGO"), "172"))

R("2024-08-30", "wire_lead", "business",
  "Brazil's Supreme Court ordered the suspension of a US-owned social media platform across the country on Friday "
  "after the company refused to name a legal representative in Brazil.",
  E("ordered the suspension", ("Brazil's Supreme Court", "BRAJUD"), ("a US-owned social media platform", "USABUS"),
    "172"),
  E("refused", ("the company", "USABUS"), (None, "BRAJUD"), "128"))

R("2023-07-25", "wire_lead", "other",
  "The United Arab Emirates flew a field hospital and medical staff to eastern Chad on Tuesday to treat refugees "
  "fleeing the war in neighbouring Sudan.",
  E("flew a field hospital", ("The United Arab Emirates", "ARE"), (None, "TCD"), "073"))

R("2024-03-20", "reported_speech", "security",
  "Niger's army has taken delivery of armed drones from Turkey, the defence ministry said on Wednesday, as the "
  "military government seeks new partners after expelling French forces.",
  E("taken delivery of armed drones from Turkey", ("Turkey", "TUR"), ("Niger's army", "NERMIL"), "072"),
  E("expelling", ("the military government", "NERGOV"), ("French forces", "FRAMIL"), "166"))

R("2024-06-26", "dateline", "security",
  "PORT-AU-PRINCE, June 26 - The first 400 Kenyan police officers of a multinational force arrived in Haiti on "
  "Tuesday to help the national police fight gangs. Haiti's prime minister welcomed the contingent at the airport.",
  E("arrived", ("The first 400 Kenyan police officers", "KENCOP"), ("Haiti", "HTI"), "074"),
  E("welcomed", ("Haiti's prime minister", "HTIGOV"), ("the contingent", "KENCOP"), "051"))

R("2019-11-11", "wire_lead", "politics",
  "Mexico granted asylum on Monday to Bolivia's former president, a day after he resigned under pressure from the "
  "military and weeks of protests. The foreign minister said a Mexican air force plane would fly him out.",
  E("granted asylum", ("Mexico", "MEX"), ("Bolivia's former president", "BOLELI"), "075"))

R("2024-11-06", "wire_lead", "crime",
  "Serbian prosecutors opened an investigation on Wednesday into officials of the state railway company after the "
  "concrete canopy of a station in Novi Sad collapsed and killed 14 people.",
  E("opened an investigation", ("Serbian prosecutors", "SRBJUD"), ("officials of the state railway company", "SRBBUS"),
    "091"))

R("2023-02-14", "wire_lead", "politics",
  "Malaysia's human rights commission began an inquiry on Tuesday into the deaths of 150 foreigners in immigration "
  "detention centres over two years, and asked the immigration department for its records.",
  E("began an inquiry", ("Malaysia's human rights commission", "MYSGOV"), ("the immigration department", "MYSGOV"),
    "092"),
  E("asked the immigration department for its records", ("Malaysia's human rights commission", "MYSGOV"),
    ("the immigration department", "MYSGOV"), "0213"))

R("2024-01-02", "dateline", "diplomacy",
  "MOGADISHU, Jan 2 - Somalia demanded on Tuesday that Ethiopia annul its port deal with the breakaway region of "
  "Somaliland and recalled its ambassador from Addis Ababa for consultations. The cabinet called the agreement a "
  "violation of Somali sovereignty.",
  E("demanded", ("Somalia", "SOM"), ("Ethiopia", "ETH"), "1042"),
  E("recalled its ambassador", ("Somalia", "SOM"), ("Addis Ababa", "ETH"), "161"),
  E("called the agreement a violation", ("The cabinet", "SOMGOV"), (None, "ETH"), "111"))

R("2022-10-07", "wire_lead", "security",
  "Haiti's government formally asked the United Nations on Friday for the deployment of a specialised armed force to "
  "help police regain control of the main fuel terminal from gangs.",
  E("asked", ("Haiti's government", "HTIGOV"), ("the United Nations", "IGOUNO"), "0234"))

R("2022-09-20", "wire_lead", "politics",
  "Tunisia's president rejected on Tuesday a call from the main trade union federation for a national dialogue "
  "before the December parliamentary election.",
  E("rejected", ("Tunisia's president", "TUNGOV"), ("the main trade union federation", "TUNCVL"), "125"),
  E("call", ("the main trade union federation", "TUNCVL"), ("Tunisia's president", "TUNGOV"), "026"))

R("2023-08-30", "wire_lead", "diplomacy",
  "Russia vetoed a UN Security Council resolution on Wednesday that would have renewed sanctions on Mali and the "
  "mandate of the experts who monitor them. Bamako welcomed the veto.",
  E("vetoed", ("Russia", "RUS"), ("a UN Security Council resolution", "IGOUNO"), "129"),
  E("welcomed", ("Bamako", "MLI"), ("Russia", "RUS"), "051"))

R("2022-10-27", "reported_speech", "diplomacy",
  "Azerbaijan rejected a French offer to mediate in talks with Armenia, calling Paris biased, an adviser to the "
  "president said on Thursday.",
  E("rejected", ("Azerbaijan", "AZE"), ("a French offer", "FRA"), "126", spk=("an adviser to the president", "AZEGOV")),
  E("calling Paris biased", ("Azerbaijan", "AZE"), ("Paris", "FRA"), "111", spk=("an adviser to the president", "AZEGOV")))

R("2019-02-27", "wire_lead", "security",
  "Two armed groups in the Central African Republic rejected the peace deal they signed in Khartoum this month, "
  "saying the new government had given them too few ministries.",
  E("rejected the peace deal", ("Two armed groups in the Central African Republic", "CAFREB"),
    ("the new government", "CAFGOV"), "127"))

R("2024-05-23", "wire_lead", "diplomacy",
  "The United States warned Georgia on Thursday that it could reduce its aid to the country if the government "
  "enacted the law on foreign influence. Tbilisi said it would not be blackmailed.",
  E("warned", ("The United States", "USA"), ("Georgia", "GEO"), "1311"),
  E("said it would not be blackmailed", ("Tbilisi", "GEO"), (None, "USA"), "124"))

R("2022-01-26", "wire_lead", "politics",
  "Teachers in Zimbabwe threatened on Wednesday to stay away from classrooms when schools reopen unless the government "
  "pays them in US dollars. The education ministry called the threat unreasonable.",
  E("threatened", ("Teachers in Zimbabwe", "ZWECVL"), ("the government", "ZWEGOV"), "133"),
  E("called the threat unreasonable", ("The education ministry", "ZWEGOV"), (None, "ZWECVL"), "111"))

R("2024-04-29", "wire_lead", "politics",
  "Togo's main opposition parties boycotted Monday's legislative election in protest against a new constitution "
  "that scraps direct presidential elections.",
  E("boycotted", ("Togo's main opposition parties", "TGOOPP"), (None, "TGOGOV"), "1434"))

R("2024-01-11", "dateline", "security",
  "PORT MORESBY, Jan 11 - Papua New Guinea put police and soldiers on high alert in the capital on Thursday, a day "
  "after looting and arson left at least 15 people dead. The prime minister declared a 14-day state of emergency.",
  E("put police and soldiers on high alert", ("Papua New Guinea", "PNG"), (None, "PNGCVL"), "151"),
  E("declared a 14-day state of emergency", ("The prime minister", "PNGGOV"), (None, "PNGCVL"), "1724"))

R("2022-09-19", "wire_lead", "security",
  "Armenia raised its army's alert level on Monday, saying Azerbaijani troops were massing near the southern border.",
  E("raised its army's alert level", ("Armenia", "ARM"), (None, "AZE"), "152"),
  E("massing", ("Azerbaijani troops", "AZEMIL"), (None, "ARM"), "154", spk=("Armenia", "ARM")))

R("2024-02-20", "wire_lead", "security",
  "Venezuela's navy staged exercises off the coast near the Essequibo on Tuesday in what officials in Caracas "
  "described as a message to Guyana.",
  E("staged exercises", ("Venezuela's navy", "VENMIL"), ("Guyana", "GUY"), "150"))

R("2023-01-12", "wire_lead", "diplomacy",
  "Sweden halted development aid channelled through Mali's government on Thursday, citing the junta's cooperation "
  "with Russian mercenaries.",
  E("halted development aid", ("Sweden", "SWE"), ("Mali's government", "MLIGOV"), "1621"))

R("2023-05-02", "reported_speech", "security",
  "Soldiers burned down more than 200 homes in a village in Myanmar's Sagaing region over the weekend, residents said, "
  "after resistance fighters ambushed an army convoy nearby.",
  E("burned down", ("Soldiers", "MMRMIL"), ("more than 200 homes", "MMRCVL"), "1712", spk=("residents", "MMRCVL")),
  E("ambushed", ("resistance fighters", "MMRREB"), ("an army convoy", "MMRMIL"), "190"))

R("2023-03-28", "wire_lead", "politics",
  "Tajikistan's authorities blocked access to an independent news website on Tuesday, the outlet said, days after it "
  "published an investigation into the family business of a senior official.",
  E("blocked access", ("Tajikistan's authorities", "TJKGOV"), ("an independent news website", "TJKMED"), "1721"))

R("2024-08-07", "wire_lead", "politics",
  "Thailand's Constitutional Court dissolved the main opposition party on Wednesday and banned its leaders from "
  "politics for ten years over their campaign to amend the royal insult law. The party said it would regroup under "
  "a new name.",
  E("dissolved", ("Thailand's Constitutional Court", "THAJUD"), ("the main opposition party", "THAOPP"), "1722"),
  E("banned", ("Thailand's Constitutional Court", "THAJUD"), ("its leaders", "THAOPP"), "1722"))

R("2023-06-14", "wire_lead", "politics",
  "Malaysia deported 120 Myanmar nationals on Wednesday, including asylum seekers, despite appeals from a UN agency "
  "to halt the removals.",
  E("deported", ("Malaysia", "MYS"), ("120 Myanmar nationals", "MMRCVL"), "174"),
  E("appeals", ("a UN agency", "IGOUNO"), ("Malaysia", "MYS"), "0242"))

R("2021-01-14", "reported_speech", "politics",
  "Police beat journalists covering an opposition candidate's campaign event in Kampala on Wednesday, a media rights "
  "group said. Three reporters were taken to hospital.",
  E("beat", ("Police", "UGACOP"), ("journalists", "UGAMED"), "182", spk=("a media rights group", "UGANGO")))

R("2022-03-18", "reported_speech", "security",
  "Government soldiers and allied militias in South Sudan raped dozens of women and girls during an offensive in "
  "Unity state last year, a UN report said on Friday.",
  E("raped", ("Government soldiers", "SSDMIL"), ("dozens of women and girls", "SSDCVL"), "1821",
    spk=("a UN report", "IGOUNO")),
  E("raped", ("allied militias", "SSDREB"), ("dozens of women and girls", "SSDCVL"), "1821",
    spk=("a UN report", "IGOUNO")))

R("2023-06-04", "wire_lead", "security",
  "Rebels opened fire on the convoy of the governor of North Kivu province on Sunday in what the army called an "
  "attempt on his life. The governor was unhurt.",
  E("opened fire", ("Rebels", "CODREB"), ("the convoy of the governor of North Kivu province", "CODGOV"), "185"))

R("2024-02-16", "reported_speech", "security",
  "M23 rebels used residents of the town of Sake as human shields during fighting on Friday, Congo's army said. The "
  "rebels captured two hills overlooking the town.",
  E("used residents of the town of Sake as human shields", ("M23 rebels", "CODREB"), ("residents of the town of Sake",
                                                                                       "CODCVL"), "184",
    spk=("Congo's army", "CODMIL")),
  E("captured", ("The rebels", "CODREB"), (None, "COD"), "192"))

R("2022-06-13", "wire_lead", "security",
  "M23 rebels seized the Congolese border town of Bunagana on Monday, forcing soldiers to flee into Uganda, local "
  "officials said.",
  E("seized", ("M23 rebels", "CODREB"), ("the Congolese border town of Bunagana", "COD"), "192"))

R("2022-01-30", "wire_lead", "security",
  "A rebel faction in South Sudan's Upper Nile state broke a ceasefire on Sunday by attacking an army base near "
  "Nasir, the military said.",
  E("broke a ceasefire", ("A rebel faction", "SSDREB"), ("an army base", "SSDMIL"), "196", spk=("the military", "SSDMIL")))

R("2021-02-26", "reported_speech", "security",
  "Eritrean troops massacred hundreds of civilians in the Ethiopian city of Axum in November, an international rights "
  "group said in a report on Friday. Eritrea's information minister rejected the report.",
  E("massacred", ("Eritrean troops", "ERIMIL"), ("hundreds of civilians", "ETHCVL"), "202",
    spk=("an international rights group", "NGO")),
  E("rejected the report", ("Eritrea's information minister", "ERIGOV"), (None, "NGO"), "120"))

R("2024-11-07", "wire_lead", "economy",
  "The Philippine economy grew 5.2 percent in the third quarter from a year earlier, slower than expected, as typhoons "
  "hit farm output, the statistics agency said.")

R("2024-05-06", "dateline", "weather",
  "PORTO ALEGRE, May 6 - Floods in southern Brazil have killed at least 80 people and forced more than 100,000 from "
  "their homes, the state civil defence agency said on Monday. More rain is forecast for the week.")

R("2024-12-23", "plain", "politics",
  "Uzbekistan's parliament approved a revised tax code on Monday that lowers VAT for small firms from January.")

R("2024-03-02", "plain", "other",
  "Tajikistan has not closed its airspace to foreign carriers, the transport ministry said on Saturday, dismissing "
  "social media reports as false.")

R("2024-02-26", "analysis", "economy",
  "If the rains fail again this season, Zimbabwe's grain reserves could run out by August, analysts at a farmers' "
  "union warned.")

R("2023-10-02", "plain", "economy",
  "The Colombian peso surrendered its early gains on Monday as oil prices slid, while investors punished shares of "
  "the state energy company.")

R("2025-06-16", "analysis", "politics",
  "Why has Mongolia changed prime ministers so often? Part of the answer lies in a constitution that splits power "
  "between parliament and the presidency, and in factional rivalries inside the ruling party.")

R("2024-09-12", "plain", "crime",
  "Two men were found dead in a burned car on the outskirts of Tegucigalpa on Thursday, and investigators said they "
  "were trying to identify the victims.")

R("2024-04-16", "plain", "business",
  "A Brazilian meatpacker agreed to buy a Uruguayan rival for $400 million, the companies said, in a deal that still "
  "needs the approval of competition authorities in Montevideo.")

R("2024-04-18", "wire_lead", "politics",
  "Croatia's ruling conservatives won the most seats in Wednesday's parliamentary election but fell short of a "
  "majority, according to official results.")

R("2024-10-25", "dateline", "weather",
  "MANILA, Oct 25 - A tropical storm triggered floods and landslides across the northern Philippines, killing at "
  "least 40 people, disaster officials said. Schools and government offices were closed in the capital.")

R("2025-01-22", "plain", "economy",
  "Markets expect Ghana's central bank to keep its policy rate unchanged next week as inflation eases, economists "
  "said.")
