package server

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/labstack/echo/v4"

	"statuspress/internal/site"
)

// The response cache. During an outage everyone asks for the same few URLs at once, and every
// answer is a function of the snapshot and the clock alone; pages show time to the minute. So each
// answer is made once per snapshot and minute, compressed once with gzip and brotli, and then
// served as ready bytes: a cache hit renders, compresses and allocates nothing of its own.

// cacheBudget bounds the bytes one generation keeps; past it answers are made per request (a
// crawler walking ten thousand incident pages must not fill the memory).
const cacheBudget = 96 << 20

// generation holds the answers of one snapshot in one minute.
type generation struct {
	snap   *site.Snapshot
	minute int64
	cells  sync.Map // key → *cell
	bytes  atomic.Int64
	// prev is the generation before, of the same snapshot, so an unchanged answer keeps its
	// Last-Modified across minutes.
	prev *generation
}

// cell makes one answer once, however many requests ask for it at the same time.
type cell struct {
	once sync.Once
	e    *entry
	err  error
}

// entry is one ready answer.
type entry struct {
	header   http.Header // from the handler: Content-Type, Cache-Control, Content-Language, ...
	identity []byte
	gz, br   []byte
	etag     string // strong tag of identity; the compressed forms add -gz / -br inside the quotes
	modified time.Time
	lastMod  string
	size     int64
}

func (e *entry) tag(suffix string) string {
	if suffix == "" {
		return e.etag
	}
	return strings.TrimSuffix(e.etag, `"`) + "-" + suffix + `"`
}

// generationAt returns the generation for the current snapshot at now, starting a new one when the
// snapshot or the minute changed.
func (s *Server) generationAt(now time.Time) *generation {
	snap := s.Snapshot()
	minute := now.Unix() / 60
	for {
		g := s.cache.Load()
		if g != nil && g.snap == snap && g.minute == minute {
			return g
		}
		next := &generation{snap: snap, minute: minute}
		if g != nil && g.snap == snap {
			g.prev = nil // keep one generation back, not a chain
			next.prev = g
		}
		if s.cache.CompareAndSwap(g, next) {
			return next
		}
	}
}

// cached serves h's answers from the response cache. Only whole 200 answers are kept; errors,
// redirects and not-modified answers go through as h makes them.
func (s *Server) cached(h echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		key := req.URL.Path
		if lang := req.URL.Query().Get("lang"); lang != "" {
			key += "?lang=" + lang
		}
		g := s.generationAt(s.now())
		v, _ := g.cells.LoadOrStore(key, &cell{})
		cl := v.(*cell)
		cl.once.Do(func() { cl.e, cl.err = s.record(c, h, g, key) })
		if cl.err != nil {
			g.cells.CompareAndDelete(key, cl) // errors are not kept: the next request tries again
			return cl.err
		}
		if cl.e == nil {
			// Not cacheable (not a 200, or over budget): answer afresh.
			g.cells.CompareAndDelete(key, cl)
			return h(c)
		}
		if cl.e.size == 0 { // over budget: used once, not kept
			g.cells.CompareAndDelete(key, cl)
		}
		return s.send(c, cl.e)
	}
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

// record runs h into a recorder and turns a 200 into an entry. Conditional headers are hidden from
// h so it answers in full.
func (s *Server) record(c echo.Context, h echo.HandlerFunc, g *generation, key string) (*entry, error) {
	req := c.Request()
	plain := req.Clone(req.Context())
	plain.Header.Del("If-None-Match")
	plain.Header.Del("If-Modified-Since")
	rec := &recorder{header: http.Header{}, status: http.StatusOK}
	orig := c.Response()
	c.SetRequest(plain)
	c.SetResponse(echo.NewResponse(rec, c.Echo()))
	err := h(c)
	c.SetResponse(orig)
	c.SetRequest(req)
	if err != nil || rec.status != http.StatusOK || rec.header.Get(echo.HeaderContentEncoding) != "" {
		return nil, err
	}
	e := &entry{header: rec.header, identity: rec.body.Bytes(), etag: rec.header.Get("ETag")}
	e.header.Del("ETag")
	if e.etag == "" {
		e.etag = etagOf(e.identity)
	}
	if compressible(e.header.Get(echo.HeaderContentType)) && len(e.identity) >= 1024 {
		e.gz = gzipped(e.identity)
		e.br = brotlied(e.identity)
	}
	e.modified = time.Unix(g.minute*60, 0).UTC()
	if p := g.prev; p != nil {
		if v, ok := p.cells.Load(key); ok {
			if old := v.(*cell).e; old != nil && old.etag == e.etag {
				e.modified = old.modified
			}
		}
	}
	e.lastMod = e.modified.Format(http.TimeFormat)
	size := int64(len(e.identity) + len(e.gz) + len(e.br))
	if g.bytes.Add(size) <= cacheBudget {
		e.size = size
	}
	return e, nil
}

// send writes an entry in the encoding the client prefers, or 304 when it has it already.
func (s *Server) send(c echo.Context, e *entry) error {
	h := c.Response().Header()
	for k, v := range e.header {
		h[k] = v
	}
	body, enc := e.identity, ""
	if e.gz != nil {
		h.Add(echo.HeaderVary, echo.HeaderAcceptEncoding)
		accept := c.Request().Header.Get(echo.HeaderAcceptEncoding)
		switch {
		case acceptsEncoding(accept, "br"):
			body, enc = e.br, "br"
		case acceptsEncoding(accept, "gzip"):
			body, enc = e.gz, "gzip"
		}
	}
	h.Set("ETag", e.tag(map[string]string{"": "", "gzip": "gz", "br": "br"}[enc]))
	h.Set(echo.HeaderLastModified, e.lastMod)
	req := c.Request()
	if inm := req.Header.Get("If-None-Match"); inm != "" {
		if matches(inm, e) {
			return c.NoContent(http.StatusNotModified)
		}
	} else if ims := req.Header.Get(echo.HeaderIfModifiedSince); ims != "" {
		if t, err := http.ParseTime(ims); err == nil && !e.modified.After(t) {
			return c.NoContent(http.StatusNotModified)
		}
	}
	if enc != "" {
		h.Set(echo.HeaderContentEncoding, enc)
	}
	h.Set(echo.HeaderContentLength, strconv.Itoa(len(body)))
	c.Response().WriteHeader(http.StatusOK)
	_, err := c.Response().Write(body)
	return err
}

// matches reports whether an If-None-Match header names any form of the entry.
func matches(inm string, e *entry) bool {
	if strings.TrimSpace(inm) == "*" {
		return true
	}
	base := strings.TrimSuffix(e.etag, `"`)
	for _, t := range strings.Split(inm, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == e.etag || strings.HasPrefix(t, base+"-") {
			return true
		}
	}
	return false
}

// acceptsEncoding reports whether an Accept-Encoding header allows enc (q=0 refuses it).
func acceptsEncoding(header, enc string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), enc) {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}

func compressible(ctype string) bool {
	ctype, _, _ = strings.Cut(ctype, ";")
	return strings.HasPrefix(ctype, "text/") || strings.HasSuffix(ctype, "+xml") || strings.HasSuffix(ctype, "+json") ||
		ctype == "application/json" || ctype == "application/javascript" || ctype == "image/svg+xml" || ctype == "application/xml"
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// brotlied compresses at quality 6: close to the best ratio for pages, at a cost that a request
// waiting for a fresh answer does not feel.
func brotlied(b []byte) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, 6)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}
