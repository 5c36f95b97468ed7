"""What news tells that is no political event, however it is worded: the sports page ("Spain beat England"),
business between companies ("sued its Korean rival") and nature ("an earthquake struck"). CODEBOOK: sport,
business results, crime without a political actor and weather give no event."""
from __future__ import annotations

import re

from ..models import ActorRef

# Sport pages read like war reports: "Spain beat England", "France crushed Italy".
SPORT_WORDS = {"cup", "match", "tournament", "championship", "league", "goal", "goals", "scored", "final",
               "olympics", "olympic", "semifinal", "quarterfinal", "innings", "wicket", "medal", "striker",
               "coach", "season", "stadium", "sports", "squad", "penalties", "hat-trick", "fifa", "uefa",
               "grand", "prix", "playoff", "playoffs", "title", "referee", "derby", "qualifier", "goalkeeper",
               "midfielder", "runs", "wickets"}
SPORT_ROOTS = {"17", "18", "19", "20", "11", "15", "05"}  # 05: praise for a result
SCORE = re.compile(r"^\d{1,2}[-–]\d{1,2}$")  # "beat Cameroon 2-0"
SPORT_VERBS = {"beat", "beats", "defeated", "crushed", "thrashed", "routed", "won", "win", "wins", "lost", "scored",
               "knocked", "eliminated", "edged", "stunned", "drew"}
# Headlines write the present ("India thrash Pakistan by 228 runs"); these are nouns too ("a deadly crush"),
# so they count only as verbs
PRESENT_SPORT_VERBS = {"thrash", "thrashes", "crush", "crushes", "rout", "routs", "edge", "edges", "stun", "stuns",
                       "defeat", "defeats", "lose", "loses", "draw", "draws"}


def is_sport(sent) -> bool:
    """Whether a sentence is from the sports page: a word of the game or a score, and a verb of playing."""
    words = {t.lower_ for t in sent}
    scored = any(SCORE.match(t.text) for t in sent) or any(
        t.like_num and t.nbor(1).text in ("-", "–") and t.nbor(2).like_num for t in sent if t.i + 2 < len(t.doc))
    # a score with a word of the game is the sports page whatever the verb ("were held 1-1 ... the referee")
    game = bool(words & SPORT_WORDS)
    played = bool(words & SPORT_VERBS) or any(t.lower_ in PRESENT_SPORT_VERBS and t.pos_ == "VERB" for t in sent)
    return (game or scored) and (played or (scored and game))


# Nature acts on no one: "an earthquake struck the Atlas mountains"
DISASTER_NOUNS = {"earthquake", "quake", "tremor", "aftershock", "storm", "cyclone", "hurricane", "typhoon", "tornado",
                  "flood", "flooding", "tsunami", "wildfire", "blaze", "landslide", "mudslide", "avalanche", "drought",
                  "eruption", "volcano", "heatwave", "rain", "rains", "snowstorm", "blizzard", "epidemic", "outbreak"}

# Words that name a company where the resolver gave only its country ("a Chinese battery supplier")
COMPANY_WORDS = re.compile(r"\b(rival|firm|company|maker|supplier|trader|airline|carrier|group|producer|operator|"
                           r"competitor|carmaker|chipmaker|importer|exporter)s?$", re.I)


def business(ref: ActorRef) -> bool:
    """Whether an actor is a company: its sector, or a company word where only its country was found."""
    return ref.sector == "BUS" or (ref.sector is None and bool(COMPANY_WORDS.search(ref.text or "")))
