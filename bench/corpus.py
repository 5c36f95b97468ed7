"""A deterministic synthetic news corpus for throughput benchmarks.

The text is not meant to be true or even sensible; it is meant to cost the parser what real news
costs: sentences of news length, named actors, quotes, dates, and a majority of sentences about
economy, weather or sport that carry no political event at all.
"""
from __future__ import annotations

import datetime as dt
import random

from eventlens.models import Article

# (country adjective, country name, capital, head of government title and name, foreign minister)
COUNTRIES = [
    ("French", "France", "Paris", "President Emmanuel Macron", "Foreign Minister Jean-Noel Barrot"),
    ("German", "Germany", "Berlin", "Chancellor Friedrich Merz", "Foreign Minister Johann Wadephul"),
    ("British", "Britain", "London", "Prime Minister Keir Starmer", "Foreign Secretary David Lammy"),
    ("Russian", "Russia", "Moscow", "President Vladimir Putin", "Foreign Minister Sergei Lavrov"),
    ("Chinese", "China", "Beijing", "President Xi Jinping", "Foreign Minister Wang Yi"),
    ("Indian", "India", "New Delhi", "Prime Minister Narendra Modi", "External Affairs Minister Subrahmanyam Jaishankar"),
    ("Turkish", "Turkey", "Ankara", "President Recep Tayyip Erdogan", "Foreign Minister Hakan Fidan"),
    ("Brazilian", "Brazil", "Brasilia", "President Luiz Inacio Lula da Silva", "Foreign Minister Mauro Vieira"),
    ("Kenyan", "Kenya", "Nairobi", "President William Ruto", "Foreign Minister Musalia Mudavadi"),
    ("Nigerian", "Nigeria", "Abuja", "President Bola Tinubu", "Foreign Minister Yusuf Tuggar"),
    ("Japanese", "Japan", "Tokyo", "Prime Minister Shigeru Ishiba", "Foreign Minister Takeshi Iwaya"),
    ("Iranian", "Iran", "Tehran", "President Masoud Pezeshkian", "Foreign Minister Abbas Araghchi"),
    ("Pakistani", "Pakistan", "Islamabad", "Prime Minister Shehbaz Sharif", "Foreign Minister Ishaq Dar"),
    ("Egyptian", "Egypt", "Cairo", "President Abdel Fattah el-Sisi", "Foreign Minister Badr Abdelatty"),
    ("Polish", "Poland", "Warsaw", "Prime Minister Donald Tusk", "Foreign Minister Radoslaw Sikorski"),
    ("Ukrainian", "Ukraine", "Kyiv", "President Volodymyr Zelensky", "Foreign Minister Andrii Sybiha"),
    ("Mexican", "Mexico", "Mexico City", "President Claudia Sheinbaum", "Foreign Minister Juan Ramon de la Fuente"),
    ("South African", "South Africa", "Pretoria", "President Cyril Ramaphosa", "Foreign Minister Ronald Lamola"),
]
ORGANISATIONS = [
    "the United Nations", "the European Union", "NATO", "the African Union", "the World Bank",
    "the International Monetary Fund", "the Red Cross", "Amnesty International", "the Arab League",
]
SECTOR_ACTORS = [
    "{adj} police", "{adj} troops", "the {adj} Defence Ministry", "the {adj} Foreign Ministry",
    "{adj} opposition leaders", "{adj} protesters", "the {adj} parliament", "{adj} border guards",
    "the {adj} central bank", "{adj} rebels",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

# {src} and {tgt} are actors, {when} a date phrase, {place} a capital, {n} a number.
EVENT_TEMPLATES = [
    "{src} accused {tgt} of violating the ceasefire {when}.",
    "{src} met {tgt} in {place} {when} to discuss trade and security.",
    "{src} imposed sanctions on {tgt} {when}, citing human rights abuses.",
    "{src} said {when} that it would send humanitarian aid to {tgt}.",
    "{src} condemned {tgt} for the arrest of {n} journalists.",
    "{src} expelled {n} diplomats from {tgt} {when}.",
    "{src} threatened {tgt} with military action if the attacks continued.",
    "{src} signed an agreement with {tgt} {when} on energy cooperation.",
    "{src} rejected a peace proposal put forward by {tgt}.",
    "{src} fired artillery at positions held by {tgt} near the border {when}, killing {n} people.",
    "\"We will not accept any interference in our affairs,\" {src} said, in a message aimed at {tgt}.",
    "{src} urged {tgt} to release the detained activists {when}.",
    "{src} praised {tgt} for its role in the negotiations.",
    "{src} called for talks with {tgt} to end the dispute over fishing rights.",
    "{src} denied accusations by {tgt} that it had supplied weapons to the rebels.",
    "{src} arrested {n} people suspected of spying for {tgt} {when}.",
    "{src} promised {tgt} a loan of {n} million dollars to rebuild roads and schools.",
    "{src} demanded an apology from {tgt} {when} after the incident at sea.",
    "Police in {place} fired tear gas at protesters {when} and detained {n} people.",
    "{src} appealed to {tgt} to reopen the border crossing for aid convoys.",
]
FILLER_TEMPLATES = [
    "Inflation in {country} slowed to {pct} percent in {month}, according to the statistics office.",
    "The {adj} currency weakened slightly against the dollar in early trading {when}.",
    "Heavy rain is expected across the north of {country} for the rest of the week.",
    "Temperatures in {place} reached {n} degrees, the highest for the time of year since records began.",
    "The {adj} national football team won {small} to {smaller} in a friendly match {when}.",
    "Shares in {adj} banks rose after the central bank left interest rates unchanged.",
    "Farmers say the harvest this year is likely to be smaller than last year because of the drought.",
    "Tourism revenue grew by {pct} percent in the first half of the year, officials said.",
    "The marathon in {place} drew more than {n} thousand runners {when}.",
    "Traffic was disrupted for several hours after a lorry overturned on the main highway.",
    "A new metro line in {place} is due to open at the end of the year after long delays.",
    "Fuel prices in {country} rose for the third month in a row, adding to pressure on households.",
    "Analysts expect economic growth of about {small} percent next year, down from earlier forecasts.",
    "Schools in several provinces were closed because of flooding, local officials said.",
    "The {adj} cycling champion retired {when} after a career lasting fifteen years.",
    "Exports of coffee and tea fell in {month} as shipping costs climbed.",
    "A festival of film and music opened in {place} {when} and will run for ten days.",
    "The power company said electricity supply would return to normal by the weekend.",
]
# Roughly the share of sentences in wire copy that report a political event.
EVENT_SHARE = 0.3


def _when(rng: random.Random) -> str:
    choice = rng.random()
    if choice < 0.45:
        return "on " + rng.choice(WEEKDAYS)
    if choice < 0.75:
        return f"on {rng.choice(MONTHS)} {rng.randint(1, 28)}"
    return rng.choice(["last week", "last month", "earlier this week", "on Monday evening", "this week"])


def _actor(rng: random.Random) -> str:
    adj, name, _capital, leader, minister = rng.choice(COUNTRIES)
    choice = rng.random()
    if choice < 0.3:
        return leader
    if choice < 0.45:
        return minister
    if choice < 0.65:
        return name
    if choice < 0.8:
        return rng.choice(ORGANISATIONS)
    return rng.choice(SECTOR_ACTORS).format(adj=adj)


def _event_sentence(rng: random.Random) -> str:
    source = _actor(rng)
    target = _actor(rng)
    while target == source:
        target = _actor(rng)
    sentence = rng.choice(EVENT_TEMPLATES).format(
        src=source, tgt=target, when=_when(rng), place=rng.choice(COUNTRIES)[2], n=rng.randint(2, 60)
    )
    # Actors such as "the European Union" open sentences too.
    return sentence[0].upper() + sentence[1:]


def _filler_sentence(rng: random.Random) -> str:
    adj, country, capital, _leader, _minister = rng.choice(COUNTRIES)
    small = rng.randint(1, 5)
    return rng.choice(FILLER_TEMPLATES).format(
        adj=adj, country=country, place=capital, when=_when(rng), month=rng.choice(MONTHS),
        pct=f"{rng.uniform(0.5, 12):.1f}", n=rng.randint(10, 45), small=small, smaller=rng.randint(0, small - 1),
    )


def _article_text(rng: random.Random, words: int) -> tuple[str, str]:
    headline = _event_sentence(rng).rstrip(".")
    paragraphs: list[str] = []
    paragraph: list[str] = []
    count = 0
    while count < words:
        sentence = _event_sentence(rng) if rng.random() < EVENT_SHARE else _filler_sentence(rng)
        paragraph.append(sentence)
        count += len(sentence.split())
        if len(paragraph) >= rng.randint(2, 4):
            paragraphs.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        paragraphs.append(" ".join(paragraph))
    return headline, "\n\n".join(paragraphs)


def build_corpus(n_articles: int = 2000, words: int = 500, seed: int = 0) -> list[Article]:
    """Return `n_articles` synthetic articles of about `words` words each; the same seed gives the same corpus."""
    rng = random.Random(seed)
    # Every office holder named above held office throughout this window.
    first_day = dt.date(2025, 5, 7)
    corpus = []
    for index in range(n_articles):
        title, text = _article_text(rng, words)
        corpus.append(
            Article(
                id=f"synthetic-{seed}-{index:06d}",
                text=text,
                date=first_day + dt.timedelta(days=rng.randint(0, 120)),
                title=title,
                source="eventlens synthetic corpus",
                origin=f"bench/corpus.py seed={seed}",
            )
        )
    return corpus
