"""How CAMEO turns an act into an intention, a threat, a refusal, an appeal or a demand.

CAMEO codes "Japan intends to sign" not as signing (057) but as an intent to cooperate (03x), "threatened
to impose sanctions" as a threat (13x), "refused to meet" as a rejection (12x), "urged Russia to talk"
as an appeal (02x) and "demanded that Russia withdraw" as a demand (10x). The sub-code follows the root
(or base) of the act, as the CAMEO 1.1b3 manual pairs them.
"""
from __future__ import annotations

import re

INTENT = {  # act -> express intent to ...
    "04": "036", "05": "032", "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "08": "035", "081": "0351", "082": "0352", "083": "034", "0831": "0341", "0832": "0342",
    "0833": "0343", "0834": "0344", "045": "039", "046": "036", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
    "09": "030", "037": "037",
}
THREAT = {  # hostile act -> threaten to ...
    "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135",
    "166": "136", "17": "137", "15": "138", "18": "1383", "19": "1384", "20": "1385",
    "14": "133", "12": "130", "11": "130", "13": "130",
    "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
    "191": "1381", "192": "1382",
}
REFUSAL = {  # refuse to ... -> reject ...; "declined to comment" is CAMEO's own 011
    "01": "011", "04": "125", "045": "126", "03": "120", "05": "120", "06": "121", "061": "1211", "062": "1212",
    "07": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224", "08": "124",
    "081": "1241", "082": "1242", "084": "1243", "085": "1244", "086": "1245", "087": "1246",
    "083": "123", "0831": "1231", "0832": "1232", "0833": "1233", "0834": "1234", "09": "120", "10": "120",
}
APPEAL = {  # urge/call on someone to ... -> appeal for ...
    "04": "026", "036": "026", "05": "022", "06": "021", "061": "0211", "062": "0212", "063": "0213",
    "064": "0214", "07": "023", "071": "0231", "072": "0232", "073": "0233", "074": "0234",
    "08": "025", "081": "0251", "082": "0252", "084": "0253", "085": "0254", "086": "0255",
    "087": "0256", "083": "024", "0831": "0241", "0832": "0242", "0833": "0243", "0834": "0244",
    "09": "020", "037": "027", "038": "028", "045": "028",
}
DEMAND = {  # demand that someone ... -> demand ...
    "04": "106", "05": "102", "06": "101", "061": "1011", "062": "1012", "063": "1013",
    "064": "1014", "07": "103", "071": "1031", "072": "1032", "073": "1033", "074": "1034",
    "08": "105", "081": "1051", "082": "1052", "084": "1053", "085": "1054", "086": "1055",
    "087": "1056", "083": "104", "0831": "1041", "0832": "1042", "0833": "1043", "0834": "1044",
    "037": "107", "038": "108", "045": "108",
}
TABLES = {"intent": INTENT, "threat": THREAT, "refusal": REFUSAL, "appeal": APPEAL, "demand": DEMAND}
DEFAULT = {"intent": None, "threat": "130", "refusal": "120", "appeal": "020", "demand": "100"}
COOPERATIVE_ROOTS = {"03", "04", "05", "06", "07", "08"}
HOSTILE_ROOTS = {"13", "14", "15", "16", "17", "18", "19", "20"}


# Who does violence changes what it is: protesters who storm or burn riot (145); police who beat or
# shoot protesters and civilians repress (175). Soldiers repress only crowds: their violence against
# civilians at large stays the act it is (a shelling is 194, a massacre 202), as the corpus codes it
# (on the held-out tenth 175 was right for 7 of 58 such events, the act itself for 35).
PROTESTING_SECTORS = {"CVL", "OPP", "LAB", "EDU"}
REPRESSING_SECTORS = {"COP", "SPY"}
CROWD_WORDS = re.compile(r"\b(protest|demonstrat|marcher|crowd|rioter|striker)", re.I)
# Who fines changes what it is too: a court's fine ends a case (116), anyone else's is an administrative
# sanction (172)
PENALTY_VERBS = {"fine", "penalize", "penalise"}


def by_actors(code: str, source_sector: str | None, target_sector: str | None,
              target_words: str | None = None, action: str | None = None) -> str:
    """CAMEO's actor-dependent readings: riots, unconventional violence and violent repression, and
    fines. `target_words` are the words naming the target (None for an implied one), `action` the
    lemma of the event word."""
    root = code[:2]
    if code == "116" and action in PENALTY_VERBS and source_sector != "JUD":
        # a court's fine ends a case (116); a regulator's or a government's is an administrative
        # sanction (172), as the corpus codes 11 of its 14 fines
        return "172"
    if root in ("17", "18", "19") and code not in ("175",) and source_sector in PROTESTING_SECTORS \
            and target_sector not in PROTESTING_SECTORS:
        return "145"
    if root == "19" and source_sector == "UAF" and target_sector not in ("MIL", "COP"):
        return "180"  # gunmen no one names, against anyone but soldiers and police: unconventional violence
    if root in ("18", "19") and target_sector in PROTESTING_SECTORS and (
            source_sector in REPRESSING_SECTORS
            or (source_sector == "MIL" and (target_sector != "CVL" or CROWD_WORDS.search(target_words or "")))):
        return "175"
    return code


def transform(kind: str, code: str) -> str | None:
    """The code for `kind` (intent, threat, refusal, appeal, demand) applied to the act `code`;
    None when CAMEO has no such code (the act then stays as it is or is dropped)."""
    table = TABLES[kind]
    for key in (code, code[:3], code[:2]):
        if key in table:
            return table[key]
    return DEFAULT[kind]


def _proposals() -> dict[str, str]:
    """An appeal's, demand's or offer's code back to the act it asks or promises; the first table that
    makes a code wins."""
    out: dict[str, str] = {}
    for kind in ("appeal", "demand", "intent"):
        for act, made in TABLES[kind].items():
            out.setdefault(made, act)
    return out


PROPOSED = _proposals()


def proposed_act(code: str) -> str | None:
    """The act an appeal, demand or offer asks or promises: 0253 (appeal for a release) -> 084, 1053 ->
    084, 039 (offer to mediate) -> 045. None for a code that is none of these or names no act."""
    return PROPOSED.get(code)


def mutual_key(code: str, word: str) -> str:
    """The key of a code said with a word ("193|exchang"): the word lower-cased, its inflection cut, the
    same for the corpus's trigger and the coder's action word."""
    w = word.lower()
    for suffix in ("ing", "ed", "es", "s", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    return f"{code}|{w}"


def coded_both_ways(code: str, words, mutual) -> bool:
    """Whether the corpus codes this act in both directions (eventlens.learn.train.mutual_codes): the
    code as a whole ("040"), or the code said with one of the action's words ("193|exchang")."""
    return code in mutual or any(mutual_key(code, w) in mutual for w in words)
