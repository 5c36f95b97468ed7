"""The inputs only `ingest` reads: HTML pages, RSS/Atom feeds, CSV, gzip, and mixed directories."""
import datetime as dt
import gzip
import json

from eventlens.errors import InputError
from eventlens.ingest import iter_inputs
from eventlens.ingest.formats import html_fragment_text, iter_rich_inputs
from eventlens.models import Article

PAGE = """<!DOCTYPE html><html><head><title>Tokyo freezes Russian bank assets | Harbour Times</title>
<meta property="og:title" content="Tokyo freezes Russian bank assets">
<meta property="og:url" content="https://harbour.example.com/world/2025/01/10/sanctions">
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2025-01-10T08:30:00+09:00">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Tokyo freezes Russian bank assets</h1>
<p>Japan imposed sanctions on three Russian banks on Friday, freezing their assets in the country.</p>
<p>The Russian Foreign Ministry condemned the decision and promised a response in the coming days.</p>
<p>Officials in Tokyo said the measures were coordinated with the Group of Seven partners.</p>
</article>
<footer>Subscribe to our newsletter for daily updates</footer></body></html>"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Lakeside Wire</title><link>https://wire.example.org/</link>
<item><title>Kenya protests</title><link>https://wire.example.org/kenya-1</link><guid>wire-kenya-1</guid>
<pubDate>Tue, 25 Jun 2024 14:00:00 GMT</pubDate>
<description>&lt;p&gt;Kenyan police fired tear gas at protesters in Nairobi.&lt;/p&gt;&lt;p&gt;Opposition leaders condemned the police.&lt;/p&gt;</description></item>
<item><title>Headline only</title><link>https://wire.example.org/empty</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Dispatch</title><id>urn:valley</id>
<updated>2025-02-11T10:00:00Z</updated>
<entry><title>EU and Belarus</title><id>urn:valley:1</id><link href="https://valley.example.net/1"/>
<updated>2025-02-11T10:00:00Z</updated>
<content type="html">&lt;p&gt;The European Union imposed new sanctions on Belarus.&lt;/p&gt;</content></entry>
</feed>"""


def _only_articles(items):
    return [item for item in items if isinstance(item, Article)]


def test_html_page_gives_main_text_and_metadata(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    (article,) = list(iter_rich_inputs([str(page)]))
    assert isinstance(article, Article)
    assert "three Russian banks" in article.text and "Group of Seven" in article.text
    assert "newsletter" not in article.text and "Sport" not in article.text
    assert article.title == "Tokyo freezes Russian bank assets"
    assert article.url == "https://harbour.example.com/world/2025/01/10/sanctions"
    assert article.date == dt.date(2025, 1, 10)
    assert article.source == "Harbour Times"
    assert article.id == str(page)


def test_html_without_text_is_an_error_not_a_crash(tmp_path):
    page = tmp_path / "empty.htm"
    page.write_text("<html><head><title>x</title></head><body><script>var tracker = 1;</script></body></html>", encoding="utf-8")
    (item,) = list(iter_rich_inputs([str(page)]))
    assert isinstance(item, InputError) and "no article text" in item.message


def test_rss_entries_with_dates_links_and_outlet(tmp_path):
    feed = tmp_path / "wire.rss"
    feed.write_text(RSS, encoding="utf-8")
    items = list(iter_rich_inputs([str(feed)]))
    assert len(items) == 2
    article, problem = items
    assert isinstance(article, Article) and isinstance(problem, InputError)
    assert article.id == "wire-kenya-1"
    assert article.url == "https://wire.example.org/kenya-1"
    assert article.date == dt.date(2024, 6, 25)
    assert article.source == "Lakeside Wire"
    # Paragraphs stay separate lines, so they stay separate sentences.
    assert article.text == "Kenyan police fired tear gas at protesters in Nairobi.\nOpposition leaders condemned the police."
    assert "entry 2" in problem.where and "no content" in problem.message
    # A user's --date always wins over the feed's own dates.
    given = [a for a in iter_rich_inputs([str(feed)], default_date=dt.date(2020, 1, 1)) if isinstance(a, Article)]
    assert [a.date for a in given] == [dt.date(2020, 1, 1)]


def test_atom_entry_content(tmp_path):
    feed = tmp_path / "valley.atom"
    feed.write_text(ATOM, encoding="utf-8")
    (article,) = list(iter_rich_inputs([str(feed)]))
    assert article.text == "The European Union imposed new sanctions on Belarus."
    assert article.date == dt.date(2025, 2, 11)
    assert article.source == "Valley Dispatch"


def test_a_file_that_is_no_feed(tmp_path):
    feed = tmp_path / "broken.xml"
    feed.write_text("this is not xml at all", encoding="utf-8")
    (item,) = list(iter_rich_inputs([str(feed)]))
    assert isinstance(item, InputError) and "no feed entries" in item.message


def test_csv_with_named_columns(tmp_path):
    table = tmp_path / "stories.csv"
    table.write_text(
        'key,published,body,url\n'
        'k1,2025-03-01,"Egypt hosted talks with Sudan.\nThe talks ended without a deal.",https://x.example/1\n'
        'k2,March 2,Turkey criticised Greece.,\n'
        'k3,,   ,\n'
        ',20250304,Poland expelled Russian diplomats.,\n', encoding="utf-8")
    items = list(iter_rich_inputs([str(table)], default_date=dt.date(2025, 1, 1),
                                  text_col="body", id_col="key", date_col="published"))
    assert len(items) == 4
    first, bad_date, empty, last = items
    assert first.id == "k1" and first.date == dt.date(2025, 3, 1) and first.url == "https://x.example/1"
    assert first.text.endswith("without a deal.")
    assert isinstance(bad_date, InputError) and "bad date" in bad_date.message
    assert isinstance(empty, InputError) and "empty" in empty.message
    assert last.date == dt.date(2025, 3, 4) and last.id.startswith(str(table))


def test_csv_without_the_text_column(tmp_path):
    table = tmp_path / "wrong.csv"
    table.write_text("id,content\n1,hello\n", encoding="utf-8")
    (item,) = list(iter_rich_inputs([str(table)]))
    assert isinstance(item, InputError) and "'text'" in item.message and "content" in item.message


def test_gzip_of_every_kind(tmp_path):
    records = [{"id": "g1", "text": "Iran condemned Israel.", "date": "2025-05-01"},
               {"id": "g2", "text": "Chile thanked Peru."}]
    with gzip.open(tmp_path / "a.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write("\n".join(json.dumps(r) for r in records) + "\n{broken\n")
    with gzip.open(tmp_path / "b.csv.gz", "wt", encoding="utf-8") as out:
        out.write("id,text\nc1,Mexico praised Canada.\n")
    with gzip.open(tmp_path / "c.html.gz", "wt", encoding="utf-8") as out:
        out.write(PAGE)
    with gzip.open(tmp_path / "d.txt.gz", "wt", encoding="utf-8") as out:
        out.write("Brazil recalled its ambassador from Israel.")
    (tmp_path / "e.txt.gz").write_bytes(b"not gzip at all")
    items = list(iter_rich_inputs([str(tmp_path)], default_date=dt.date(2025, 6, 1)))
    ids = [item.id for item in items if isinstance(item, Article)]
    assert ids == ["g1", "g2", "c1", str(tmp_path / "c.html.gz"), str(tmp_path / "d.txt.gz")]
    problems = [item for item in items if isinstance(item, InputError)]
    assert len(problems) == 2
    assert problems[0].where.endswith("a.jsonl.gz:3")
    assert problems[1].where.endswith("e.txt.gz") and "gzip" in problems[1].message
    assert _only_articles(items)[1].date == dt.date(2025, 6, 1)


def test_text_and_jsonl_read_as_code_reads_them(tmp_path):
    (tmp_path / "one.txt").write_text("Japan protested to China.", encoding="utf-8")
    (tmp_path / "two.jsonl").write_text('{"id": "j", "text": "India hosted Nepal.", "date": "2025-01-02"}\n'
                                        '{"text": 5}\n', encoding="utf-8")
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF-1.4")
    paths = [str(tmp_path / "one.txt"), str(tmp_path / "two.jsonl")]
    rich = list(iter_rich_inputs(paths))
    plain = list(iter_inputs(paths))
    assert [type(x) for x in rich] == [type(x) for x in plain] == [Article, Article, InputError]
    assert [x.id for x in _only_articles(rich)] == [x.id for x in _only_articles(plain)]
    # A directory scan skips files of no known kind.
    assert len(list(iter_rich_inputs([str(tmp_path)]))) == 3


def test_missing_path(tmp_path):
    (item,) = list(iter_rich_inputs([str(tmp_path / "absent.html")]))
    assert isinstance(item, InputError) and "no such file" in item.message


def test_fragment_text_keeps_paragraphs_and_entities():
    assert html_fragment_text("<p>A &amp; B met.</p><p>They <b>agreed</b>.</p>") == "A & B met.\nThey agreed."
    assert html_fragment_text("Plain &quot;text&quot;") == 'Plain "text"'
