from dsl import R, E

R("2021-03-14", "dateline", "security",
  "BAMAKO, March 14 - Malian soldiers clashed with Islamist fighters near the central town of Boni on Sunday, "
  "the army said, the third such battle in the region this month.",
  E("clashed", ("Malian soldiers", "MLIMIL"), ("Islamist fighters", "MLIREB"), "190", spk=("the army", "MLIMIL")),
  E("clashed", ("Islamist fighters", "MLIREB"), ("Malian soldiers", "MLIMIL"), "190", spk=("the army", "MLIMIL")))

R("2023-06-02", "wire_lead", "diplomacy",
  "Kazakhstan and Uzbekistan signed an agreement on Thursday to build a joint industrial zone along their shared "
  "border. The two presidents also agreed to double bilateral trade within five years, Kazakh officials said.",
  E("signed", ("Kazakhstan", "KAZ"), ("Uzbekistan", "UZB"), "057"),
  E("signed", ("Uzbekistan", "UZB"), ("Kazakhstan", "KAZ"), "057"),
  E("agreed", ("The two presidents", "KAZGOV"), ("The two presidents", "UZBGOV"), "0311",
    spk=("Kazakh officials", "KAZGOV")),
  E("agreed", ("The two presidents", "UZBGOV"), ("The two presidents", "KAZGOV"), "0311",
    spk=("Kazakh officials", "KAZGOV")))

R("2022-10-03", "wire_lead", "politics",
  "Voters in Bosnia and Herzegovina returned the main nationalist parties to power in Sunday's general election, "
  "according to preliminary results from the central election commission, with turnout at about 50 percent.")

R("2024-02-19", "dateline", "diplomacy",
  "SUVA, Feb 19 - Fiji has expelled two Chinese police liaison officers who had been working alongside local "
  "officers under a decade-old arrangement, officials said on Monday. China's embassy protested the decision, "
  "calling it unfriendly and unnecessary.",
  E("expelled", ("Fiji", "FJI"), ("two Chinese police liaison officers", "CHNCOP"), "174",
    spk=("officials", "FJIGOV")),
  E("protested", ("China's embassy", "CHNGOV"), (None, "FJI"), "114"))

R("2022-05-10", "headline", "diplomacy",
  "Guatemala summons Nicaraguan envoy over border shooting",
  E("summons", ("Guatemala", "GTM"), ("Nicaraguan envoy", "NICGOV"), "114"))

R("2025-03-25", "wire_lead", "sport",
  "Senegal beat Cameroon 2-0 in Yaounde on Tuesday to top their qualifying group, with both goals coming after the "
  "break.")

R("2020-07-14", "quote", "security",
  "\"We will not hand over a single centimetre of our land,\" Azerbaijan's defence minister told troops in Ganja, a "
  "day after Armenian forces shelled villages in the Tovuz district, according to Baku.",
  E("will not hand over", ("Azerbaijan's defence minister", "AZEGOV"), (None, "ARM"), "124"),
  E("shelled", ("Armenian forces", "ARMMIL"), ("villages in the Tovuz district", "AZECVL"), "194",
    spk=("Baku", "AZE")))

R("2023-03-13", "reported_speech", "weather",
  "Heavy rains in northern Peru and southern Ecuador have displaced more than 12,000 people since Friday, civil "
  "defence officials in Lima said, as rivers burst their banks in Piura and Tumbes.")

R("2024-11-12", "dateline", "politics",
  "LA PAZ, Nov 12 - Thousands of miners marched through the centre of La Paz on Tuesday to demand that the "
  "government lift restrictions on gold exports. Police fired tear gas when the marchers tried to reach the "
  "presidential palace, and at least 14 people were detained.",
  E("marched", ("Thousands of miners", "BOLCVL"), ("the government", "BOLGOV"), "1412"),
  E("fired tear gas", ("Police", "BOLCOP"), ("the marchers", "BOLCVL"), "175"),
  E("detained", ("Police", "BOLCOP"), ("at least 14 people", "BOLCVL"), "173"))

R("2023-08-16", "reported_speech", "diplomacy",
  "Vanuatu's foreign ministry said on Wednesday that Australia had agreed to fund the upgrade of the main wharf in "
  "Port Vila under a security and development pact the two governments signed last year.",
  E("agreed to fund", ("Australia", "AUS"), ("Vanuatu", "VUT"), "0331", spk=("Vanuatu's foreign ministry", "VUTGOV")),
  E("signed", ("the two governments", "AUSGOV"), ("the two governments", "VUTGOV"), "057"),
  E("signed", ("the two governments", "VUTGOV"), ("the two governments", "AUSGOV"), "057"))

R("2023-09-05", "plain", "business",
  "Shares in the Chilean lithium producer rose 6 percent after it signed a supply deal with a South Korean battery "
  "maker, the company said in a filing to the Santiago exchange.")

R("2022-07-20", "list", "security",
  "Ghana, Togo and Benin have each sent additional troops to their northern frontiers to counter jihadist militants "
  "based in Burkina Faso, security sources in the three countries said.",
  E("sent additional troops", ("Ghana", "GHA"), ("jihadist militants based in Burkina Faso", "BFAREB"), "154"),
  E("sent additional troops", ("Togo", "TGO"), ("jihadist militants based in Burkina Faso", "BFAREB"), "154"),
  E("sent additional troops", ("Benin", "BEN"), ("jihadist militants based in Burkina Faso", "BFAREB"), "154"))

R("2024-05-15", "wire_lead", "economy",
  "Monthly inflation in Argentina slowed for a fourth consecutive month in April, the national statistics institute "
  "said on Wednesday, though prices were still rising faster than wages.")

R("2022-01-28", "wire_lead", "security",
  "Tajik troops opened fire on a Kyrgyz border post near the village of Kok-Tash, wounding two guards, the Kyrgyz "
  "border service said on Friday. Dushanbe denied the account and accused Kyrgyz forces of firing first.",
  E("opened fire", ("Tajik troops", "TJKMIL"), ("a Kyrgyz border post", "KGZMIL"), "190",
    spk=("the Kyrgyz border service", "KGZMIL")),
  E("denied", ("Dushanbe", "TJK"), (None, "KGZMIL"), "016"),
  E("accused", ("Dushanbe", "TJK"), ("Kyrgyz forces", "KGZMIL"), "1123"))

R("2023-04-23", "plain", "crime",
  "Armed men robbed a supermarket in Port Moresby's Gordons district on Saturday night and escaped with cash and "
  "mobile phones, witnesses said.")

R("2023-08-26", "background_clause", "diplomacy",
  "Niger's ruling military council, which took power last month, gave the French ambassador 48 hours to leave the "
  "country on Friday, accusing Paris of acting against Niger's interests. The French foreign ministry said the "
  "council had no authority to make such a demand.",
  E("gave the French ambassador 48 hours to leave", ("Niger's ruling military council", "NERGOV"),
    ("the French ambassador", "FRAGOV"), "161"),
  E("accusing", ("Niger's ruling military council", "NERGOV"), ("Paris", "FRA"), "112"),
  E("said the council had no authority", ("The French foreign ministry", "FRAGOV"), ("the council", "NERGOV"), "120"))

R("2021-04-14", "headline", "economy",
  "Vietnam's exports jump 14 percent in first quarter on electronics demand")

R("2024-02-15", "dateline", "politics",
  "ASUNCION, Feb 15 - Paraguay's Senate voted on Thursday to strip an opposition senator of her seat over alleged "
  "misconduct, a move her party called political persecution. Opposition lawmakers walked out of the chamber in "
  "protest.",
  E("strip", ("Paraguay's Senate", "PRYLEG"), ("an opposition senator", "PRYOPP"), "172"),
  E("called", ("her party", "PRYOPP"), (None, "PRYLEG"), "111"),
  E("walked out", ("Opposition lawmakers", "PRYOPP"), (None, "PRYLEG"), "143"))

R("2024-03-11", "plain", "economy",
  "Thailand did not close its border crossings with Cambodia on Monday, and trucks moved through the Aranyaprathet "
  "checkpoint as usual, customs officials said.")

R("2023-10-15", "reported_speech", "security",
  "Colombia's Defence Ministry said soldiers killed four members of a dissident FARC faction in a firefight in the "
  "southern province of Cauca on Sunday.",
  E("killed", ("soldiers", "COLMIL"), ("four members of a dissident FARC faction", "COLREB"), "193",
    spk=("Colombia's Defence Ministry", "COLGOV")),
  E("firefight", ("four members of a dissident FARC faction", "COLREB"), ("soldiers", "COLMIL"), "193",
    spk=("Colombia's Defence Ministry", "COLGOV")))

R("2024-06-20", "analysis", "politics",
  "Analysts say the dispute between Guyana and Venezuela over the Essequibo region is unlikely to be resolved soon, "
  "with both sides entrenched and the case still before the International Court of Justice.")

R("2025-03-10", "multi_clause", "security",
  "The African Union on Monday called on the warring parties in South Sudan's Upper Nile state to lay down their "
  "arms and return to talks, after days of fighting between government troops and an armed youth militia around "
  "the town of Nasir.",
  E("called on", ("The African Union", "IGOAFRAFU"), ("the warring parties", "SSDMIL"), "0256"),
  E("called on", ("The African Union", "IGOAFRAFU"), ("the warring parties", "SSDREB"), "0256"),
  E("fighting", ("government troops", "SSDMIL"), ("an armed youth militia", "SSDREB"), "190"),
  E("fighting", ("an armed youth militia", "SSDREB"), ("government troops", "SSDMIL"), "190"))

R("2022-09-02", "plain", "economy",
  "Kenya's tea farmers are fighting a losing battle against the weather, with auctions in Mombasa showing prices "
  "falling for a sixth week as drought cut yields.")

R("2022-11-20", "reported_speech", "diplomacy",
  "Serbia's president warned on Sunday that Belgrade would walk away from EU-brokered talks with Kosovo if Pristina "
  "pressed ahead with fines on drivers using Serbian licence plates.",
  E("warned", ("Serbia's president", "SRBGOV"), ("Kosovo", "XKX"), "134"))

R("2023-06-08", "multi_clause", "diplomacy",
  "Indonesia and Malaysia agreed on Thursday to settle a long-running dispute over a stretch of their land border on "
  "Borneo, with officials on both sides saying a final treaty could be signed before the end of the year.",
  E("agreed", ("Indonesia", "IDN"), ("Malaysia", "MYS"), "037"),
  E("agreed", ("Malaysia", "MYS"), ("Indonesia", "IDN"), "037"))

R("2024-09-17", "analysis", "economy",
  "Could Tonga's debt to China's Exim Bank become a problem for the kingdom's next government? Economists in "
  "Nuku'alofa are divided, and the finance ministry has published no new figures since March.")

R("2023-02-23", "wire_lead", "diplomacy",
  "Mauritius' prime minister expressed condolences to Madagascar on Thursday after a cyclone killed at least 19 "
  "people on the neighbouring island. Port Louis also pledged to send a team of rescuers and two tonnes of supplies "
  "to the worst-hit areas.",
  E("expressed condolences", ("Mauritius' prime minister", "MUSGOV"), ("Madagascar", "MDG"), "018"),
  E("pledged to send", ("Port Louis", "MUS"), (None, "MDG"), "0333"))

R("2023-05-16", "dateline", "weather",
  "PORT VILA, May 16 - A magnitude 6.4 earthquake struck off the coast of Vanuatu early on Tuesday, but the national "
  "disaster office said there were no immediate reports of damage in the capital or on the outer islands.")

R("2024-01-10", "quote", "diplomacy",
  "\"The door to dialogue remains open,\" Venezuela's foreign minister told reporters in Caracas, a day after "
  "Guyana's government rejected Caracas' proposal for direct talks over the Essequibo.",
  E("The door to dialogue remains open", ("Venezuela's foreign minister", "VENGOV"), (None, "GUY"), "036"),
  E("rejected", ("Guyana's government", "GUYGOV"), ("Caracas", "VEN", 2), "125"))

R("2022-07-04", "wire_lead", "politics",
  "Uzbekistan's government announced on Monday that it would raise the minimum wage by 10 percent from August and "
  "extend free school meals to all primary pupils in Tashkent and Samarkand.")

R("2024-03-15", "passive", "politics",
  "The arrest of three opposition activists by police in Bishkek on Thursday drew criticism from the European Union, "
  "which urged Kyrgyz authorities to respect freedom of assembly.",
  E("arrest", ("police", "KGZCOP"), ("three opposition activists", "KGZOPP"), "173"),
  E("criticism", ("the European Union", "IGOEUREEC"), ("Kyrgyz authorities", "KGZGOV"), "111"),
  E("urged", ("the European Union", "IGOEUREEC"), ("Kyrgyz authorities", "KGZGOV"), "0243"))

R("2024-08-26", "wire_lead", "politics",
  "The Pacific Islands Forum opened its annual leaders' meeting in Nuku'alofa on Monday, with climate finance and "
  "deep-sea mining expected to dominate three days of discussions.")

R("2025-01-09", "wire_lead", "diplomacy",
  "Burkina Faso's military authorities on Wednesday freed two Ivorian gendarmes who had been held since they crossed "
  "the border by mistake. Ivory Coast's government thanked Togo's president for mediating their release.",
  E("freed", ("Burkina Faso's military authorities", "BFAGOV"), ("two Ivorian gendarmes", "CIVCOP"), "0841"),
  E("thanked", ("Ivory Coast's government", "CIVGOV"), ("Togo's president", "TGOGOV"), "051"),
  E("mediating", ("Togo's president", "TGOGOV"), ("Burkina Faso's military authorities", "BFAGOV"), "045"),
  E("mediating", ("Togo's president", "TGOGOV"), ("Ivory Coast's government", "CIVGOV"), "045"))

R("2023-04-02", "plain", "sport",
  "Fiji's sevens side stormed back from 14 points down to beat New Zealand in the Hong Kong final, with two late "
  "tries sealing the title.")

R("2022-07-28", "wire_lead", "politics",
  "Protesters in Conakry demanded on Thursday that the ruling junta set a date for elections, defying a ban on "
  "street demonstrations.",
  E("demanded", ("Protesters in Conakry", "GINCVL"), ("the ruling junta", "GINGOV"), "1044"),
  E("defying", ("Protesters in Conakry", "GINCVL"), (None, "GINGOV"), "128"))

R("2024-10-08", "plain", "business",
  "A Georgian wine exporter signed a three-year distribution agreement with a Polish supermarket chain, the company "
  "said, as it looks to reduce its dependence on the Russian market.")

R("2023-04-12", "wire_lead", "security",
  "Azerbaijan's defence ministry warned Armenia on Wednesday that it would respond decisively to any further "
  "provocation along the border. Yerevan said the warning was an attempt to justify a new offensive and called on "
  "Russian peacekeepers to act.",
  E("warned", ("Azerbaijan's defence ministry", "AZEGOV"), ("Armenia", "ARM"), "138"),
  E("said the warning was an attempt to justify a new offensive", ("Yerevan", "ARM"), (None, "AZEGOV"), "111"),
  E("called on", ("Yerevan", "ARM"), ("Russian peacekeepers", "RUSMIL"), "0234"))

R("2023-02-06", "multi_clause", "economy",
  "If Malawi fails to secure a new IMF programme by June, the finance ministry says, it may have to cut fuel "
  "subsidies and delay payments to contractors.")

R("2023-06-10", "reported_speech", "security",
  "Armed men believed to be members of the Allied Democratic Forces killed at least 22 villagers in a night-time "
  "raid in eastern Congo's Ituri province, local officials said on Saturday. The army said it had launched a "
  "pursuit of the attackers.",
  E("killed", ("members of the Allied Democratic Forces", "UGAREB"), ("at least 22 villagers", "CODCVL"), "180",
    spk=("local officials", "CODGOV")),
  E("launched a pursuit", ("The army", "CODMIL"), ("the attackers", "UGAREB"), "190"))

R("2025-10-19", "plain", "politics",
  "Peru's interim president said in a televised address on Sunday that the country needed calm and unity ahead of "
  "next year's elections.")
