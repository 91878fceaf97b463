// parse-feeds.mjs fetches feeds from a running statuspress and reads them with feedsmith, a feed
// parser of the npm world that shares no code with ours (nor with gofeed, which the Go tests use),
// then prints what it read as JSON on stdout, one object per feed, in the order asked:
//
//	node internal/e2e/testdata/parse-feeds.mjs http://127.0.0.1:8080 /en/feed.rss /nl/feed.atom …
//
// It makes no judgement: TestFeedsFeedsmith (feeds_test.go) holds the results against what the
// feeds must say. A feed that cannot be fetched or parsed gets an "error" instead of its fields,
// and the others are still read.
import { parseFeed } from 'feedsmith';

const [base, ...paths] = process.argv.slice(2);
if (!base || paths.length === 0) {
  console.error('usage: node parse-feeds.mjs BASE_URL PATH...');
  process.exit(2);
}

// text is the text of an Atom text construct, which feedsmith gives as {value, type}.
const text = (t) => (t && typeof t === 'object' ? t.value : t) ?? null;
const link = (links, rel) =>
  (links ?? []).find((l) => (l.rel ?? 'alternate') === rel)?.href ?? null;
const iso = (s) => {
  const d = new Date(s);
  return s && !Number.isNaN(d.getTime()) ? d.toISOString() : null;
};

// common is what the test compares, named the same whatever the format.
function common(format, feed) {
  switch (format) {
    case 'rss':
      return {
        title: feed.title ?? null,
        language: feed.language ?? null,
        home: feed.link ?? null,
        self: link(feed.atom?.links, 'self'),
        id: null,
        items: (feed.items ?? []).map((it) => ({
          id: it.guid?.value ?? null,
          title: it.title ?? null,
          link: it.link ?? null,
          published: it.pubDate ?? null,
        })),
      };
    case 'atom':
      return {
        title: text(feed.title),
        language: feed.xml?.lang ?? null,
        home: link(feed.links, 'alternate'),
        self: link(feed.links, 'self'),
        id: feed.id ?? null,
        items: (feed.entries ?? []).map((e) => ({
          id: e.id ?? null,
          title: text(e.title),
          link: link(e.links, 'alternate'),
          published: e.published ?? null,
        })),
      };
    case 'json':
      return {
        title: feed.title ?? null,
        language: feed.language ?? null,
        home: feed.home_page_url ?? null,
        self: feed.feed_url ?? null,
        id: null,
        items: (feed.items ?? []).map((it) => ({
          id: it.id ?? null,
          title: it.title ?? null,
          link: it.url ?? null,
          published: it.date_published ?? null,
        })),
      };
    default:
      throw new Error(`unexpected feed format ${format}`);
  }
}

async function read(path) {
  const url = new URL(path, base).toString();
  const out = { path, url };
  try {
    const resp = await fetch(url, { signal: AbortSignal.timeout(15000) });
    out.status = resp.status;
    out.contentType = resp.headers.get('content-type');
    const body = await resp.text();
    const { format, feed } = parseFeed(body);
    out.format = format;
    Object.assign(out, common(format, feed));
    for (const it of out.items) {
      it.publishedISO = iso(it.published);
    }
  } catch (err) {
    out.error = String(err?.stack ?? err);
  }
  return out;
}

const results = [];
for (const p of paths) {
  results.push(await read(p));
}
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
