package server

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"

	"statuspress/internal/httpcache"
	"statuspress/internal/site"
)

// The response cache. During an outage everyone asks for the same few URLs at once, and every
// answer is a function of the snapshot and the clock alone; pages show time to the minute. So each
// answer is made once per snapshot and minute, compressed once with gzip and brotli, and then
// served as ready bytes: a cache hit renders, compresses and allocates nothing of its own; even the
// header values it sends are made with the entry. Conditional requests and the choice of encoding
// follow internal/httpcache; an answer that is ready is sent without routing (ready.go).

// cacheBudget bounds the bytes one generation keeps; past it answers are made per request (a
// crawler walking ten thousand incident pages must not fill the memory).
const cacheBudget = 96 << 20

// generation holds the answers of one snapshot in one minute.
type generation struct {
	snap   *site.Snapshot
	minute int64
	// cells maps keys to cells. A plain map under a read-write lock: unlike a sync.Map, looking
	// up a string key does not allocate.
	mu    sync.RWMutex
	cells map[string]*cell
	bytes atomic.Int64
	// prev is the generation before, of the same snapshot, so an unchanged answer keeps its
	// Last-Modified across minutes, and its answers stand in while this minute's are made.
	prev atomic.Pointer[generation]
}

// cell makes one answer once, however many requests ask for it at the same time.
type cell struct {
	once   sync.Once
	making atomic.Bool // claimed by the request that makes it
	done   atomic.Bool // set once e and err are
	e      *entry
	err    error
}

// entry is one ready answer.
type entry struct {
	// header is the handler's (Content-Type, Cache-Control, Content-Language, ...), with Vary:
	// Accept-Encoding when the answer comes compressed.
	header   http.Header
	identity form
	// gz and br are the compressed forms; their bodies are nil for small or binary answers.
	gz, br form
	etag   string // strong tag of identity; the compressed forms add -gz / -br inside the quotes
	// tags are the tags of every form: a client that has any of them has this body, and is
	// answered 304 (If-None-Match), whichever encoding it asks for now.
	tags []string
	// modified is when this server first made this body (the wall clock, not the site's: a
	// preview's clock stands still while its content changes), sent as Last-Modified. It is this
	// replica's date: another replica, reloaded sooner or later, dates its bodies by its own
	// reloads and requests, so a date alone cannot tell which body a client has, and
	// If-Modified-Since without If-None-Match is answered in full. The ETag, a tag of the bytes,
	// is the validator every replica agrees on.
	modified time.Time
	lastMod  []string
	size     int64
	// route is the pattern of the route that made it, which /metrics counts it under; handler
	// sends it. The shortcut for ready answers (ready.go) runs them as the router would run the
	// route's.
	route   string
	handler echo.HandlerFunc
}

// form is the answer in one encoding, with the header values that go with it.
type form struct {
	body     []byte
	etag     []string
	length   []string
	encoding []string // nil for identity
}

func newForm(body []byte, etag, encoding string) form {
	f := form{body: body, etag: []string{etag}, length: []string{strconv.Itoa(len(body))}}
	if encoding != "" {
		f.encoding = []string{encoding}
	}
	return f
}

func (e *entry) tag(suffix string) string {
	if suffix == "" {
		return e.etag
	}
	return strings.TrimSuffix(e.etag, `"`) + "-" + suffix + `"`
}

// Canonical header names, for setting values by map assignment (which allocates nothing).
var (
	headerETag            = http.CanonicalHeaderKey("ETag")
	headerLastModified    = http.CanonicalHeaderKey(echo.HeaderLastModified)
	headerContentLength   = http.CanonicalHeaderKey(echo.HeaderContentLength)
	headerContentEncoding = http.CanonicalHeaderKey(echo.HeaderContentEncoding)
)

// cell returns the cell of key, adding an empty one when there is none.
func (g *generation) cell(key string) *cell {
	g.mu.RLock()
	cl := g.cells[key]
	g.mu.RUnlock()
	if cl != nil {
		return cl
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if cl = g.cells[key]; cl == nil {
		if g.cells == nil {
			g.cells = map[string]*cell{}
		}
		cl = &cell{}
		g.cells[key] = cl
	}
	return cl
}

// drop removes key's cell if it is still cl.
func (g *generation) drop(key string, cl *cell) {
	g.mu.Lock()
	if g.cells[key] == cl {
		delete(g.cells, key)
	}
	g.mu.Unlock()
}

// entry returns key's finished entry, if there is one.
func (g *generation) entry(key string) *entry {
	g.mu.RLock()
	cl := g.cells[key]
	g.mu.RUnlock()
	// A cell still being made is not waited for: it is no help to the next minute.
	if cl == nil || !cl.done.Load() {
		return nil
	}
	return cl.e
}

// generationAt returns the generation for snap at now, starting a new one when the snapshot or
// the minute changed.
func (s *Server) generationAt(snap *site.Snapshot, now time.Time) *generation {
	minute := now.Unix() / 60
	for {
		g := s.cache.Load()
		if g != nil && g.snap == snap && g.minute == minute {
			return g
		}
		next := &generation{snap: snap, minute: minute}
		if snap != s.snapshot.Load() {
			// A request that began before a reload: answered from its own snapshot, in a
			// generation that is not kept, so that it cannot push out the new snapshot's.
			return next
		}
		if g != nil && g.snap == snap {
			g.prev.Store(nil) // keep one generation back, not a chain
			next.prev.Store(g)
		}
		if s.cache.CompareAndSwap(g, next) {
			return next
		}
	}
}

// cached serves h's answers from the response cache. Only whole 200 answers are kept; errors and
// redirects go through as h makes them. The generation is the request's snapshot's, so its
// answers are made from that snapshot.
func (s *Server) cached(hs handler) echo.HandlerFunc {
	return func(c echo.Context) error {
		g := s.generationAt(s.requestSnapshot(c), s.now())
		h := func(c echo.Context) error { return hs(c, g.snap) }
		key := cacheKey(g.snap, c.Request())
		cl := g.cell(key)
		if !cl.done.Load() && !cl.making.CompareAndSwap(false, true) {
			// Another request is making this minute's answer (the overview takes some 50 ms
			// at 10,000 items). In a surge every reader of the page would wait for it; they get
			// the previous minute's answer instead, as a cache in front would serve it stale
			// while revalidating. The request that makes it, and any request after a new
			// snapshot, gets the new answer.
			if p := g.prev.Load(); p != nil {
				if old := p.entry(key); old != nil {
					return s.send(c, old)
				}
			}
		}
		cl.once.Do(func() {
			cl.e, cl.err = s.record(c, h, g, key)
			cl.done.Store(true)
		})
		if cl.err != nil {
			g.drop(key, cl) // errors are not kept: the next request tries again
			return cl.err
		}
		if cl.e == nil {
			// Not cacheable (not a 200, or over budget): answer afresh.
			g.drop(key, cl)
			return h(c)
		}
		if cl.e.size == 0 { // over budget: used once, not kept
			g.drop(key, cl)
		}
		return s.send(c, cl.e)
	}
}

// cacheKey is the key of a request's answer: its path, and the lang parameter of the API. A lang
// the site does not publish gives one key for all of them ("?lang=*"), whatever it says: the API
// refuses them all alike (never kept), and pages, which ignore it, answer them all alike, so a
// stranger's made-up values cannot fill the cache. snap is the generation's, so that the key and
// the generation it is kept in agree on the languages even while a reload swaps snapshots; before
// the first snapshot there are none.
func cacheKey(snap *site.Snapshot, req *http.Request) string {
	key := req.URL.Path
	if req.URL.RawQuery != "" {
		if lang := req.URL.Query().Get("lang"); lang != "" {
			if snap == nil || !snap.Enabled(lang) {
				lang = "*"
			}
			key += "?lang=" + lang
		}
	}
	return key
}

// recorder is a ResponseWriter that keeps what a handler writes.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *recorder) WriteHeader(code int)        { r.status = code }

// record runs h into a recorder and turns a 200 into an entry. Handlers answer in full: whether the
// client has the answer already is decided here, in send.
func (s *Server) record(c echo.Context, h echo.HandlerFunc, g *generation, key string) (*entry, error) {
	rec := &recorder{header: http.Header{}, status: http.StatusOK}
	orig := c.Response()
	c.SetResponse(echo.NewResponse(rec, c.Echo()))
	err := h(c)
	c.SetResponse(orig)
	if err != nil || rec.status != http.StatusOK || rec.header.Get(echo.HeaderContentEncoding) != "" {
		return nil, err
	}
	body := rec.body.Bytes()
	e := &entry{header: rec.header, etag: rec.header.Get("ETag")}
	e.header.Del("ETag")
	if e.etag == "" {
		e.etag = httpcache.ETag(body)
	}
	e.identity = newForm(body, e.etag, "")
	e.tags = []string{e.etag}
	if httpcache.Compressible(e.header.Get(echo.HeaderContentType)) && len(body) >= httpcache.MinCompress {
		gz, err := httpcache.Gzip(body)
		if err != nil {
			return nil, err
		}
		// Quality 6: close to the best ratio for pages, at a cost that a request waiting for a
		// fresh answer does not feel.
		br, err := httpcache.Brotli(body, 6)
		if err != nil {
			return nil, err
		}
		e.gz = newForm(gz, e.tag("gz"), "gzip")
		e.br = newForm(br, e.tag("br"), "br")
		e.tags = append(e.tags, e.tag("gz"), e.tag("br"))
		e.header.Add(echo.HeaderVary, echo.HeaderAcceptEncoding)
	}
	e.modified = s.wall()
	if p := g.prev.Load(); p != nil {
		if old := p.entry(key); old != nil && old.etag == e.etag {
			e.modified = old.modified
		}
	}
	e.lastMod = []string{e.modified.UTC().Format(http.TimeFormat)}
	size := int64(len(body) + len(e.gz.body) + len(e.br.body))
	if g.bytes.Add(size) <= cacheBudget {
		e.size = size
	}
	e.route = c.Path()
	e.handler = func(c echo.Context) error { return s.send(c, e) }
	return e, nil
}

// send writes an entry in the encoding the client prefers, or 304 when it has it already. The
// header values are the entry's own (shared, never changed), so sending allocates nothing.
func (s *Server) send(c echo.Context, e *entry) error {
	req := c.Request()
	// No date: Last-Modified is not a validator every replica agrees on (see entry).
	notModified := httpcache.NotModified(req, e.tags, time.Time{})
	h := c.Response().Header()
	for k, v := range e.header {
		if !notModified || httpcache.KeptInNotModified(k, true) {
			h[k] = v
		}
	}
	f := &e.identity
	if e.gz.body != nil {
		switch httpcache.Encoding(req.Header.Get(echo.HeaderAcceptEncoding), "br", "gzip") {
		case "br":
			f = &e.br
		case "gzip":
			f = &e.gz
		}
	}
	h[headerETag] = f.etag
	if notModified {
		c.Response().WriteHeader(http.StatusNotModified)
		return nil
	}
	h[headerLastModified] = e.lastMod
	if f.encoding != nil {
		h[headerContentEncoding] = f.encoding
	}
	h[headerContentLength] = f.length
	c.Response().WriteHeader(http.StatusOK)
	_, err := c.Response().Write(f.body)
	return err
}
