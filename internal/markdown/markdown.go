// Package markdown is statuspress's one Markdown setup: GitHub-flavoured Markdown rendered by
// goldmark and sanitised with bluemonday, so what support staff write can never inject script into
// the status page. It renders once, when content loads; requests only copy the result.
package markdown

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	xhtml "golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"

	"statuspress/internal/incident"
)

// Renderer turns Markdown into safe HTML. It is safe for concurrent use.
type Renderer struct {
	// md links bare addresses (GitHub's autolink extension); plain is the same without that, for
	// the texts where it would link nothing (see inspect).
	md, plain goldmark.Markdown
	policy    *bluemonday.Policy
}

// New returns the Renderer every part of statuspress shares.
func New() *Renderer {
	p := bluemonday.UGCPolicy()
	p.AllowAttrs("type").Matching(bluemonday.SpaceSeparatedTokens).OnElements("input")
	p.AllowAttrs("checked", "disabled").OnElements("input")
	p.AllowElements("input", "kbd", "mark", "abbr", "details", "summary")
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^align-(left|center|right)$`)).OnElements("th", "td")
	p.AllowURLSchemes("http", "https", "mailto", "tel")
	return &Renderer{md: newGoldmark(true), plain: newGoldmark(false), policy: p}
}

// newGoldmark is statuspress's goldmark, with or without linking bare addresses.
func newGoldmark(linkify bool) goldmark.Markdown {
	opts := []parser.Option{parser.WithAutoHeadingID()}
	if linkify {
		// What extension.Linkify adds, behind a cheaper first look: see quickLinkify.
		opts = append(opts, parser.WithInlineParsers(util.Prioritized(quickLinkify{extension.NewLinkifyParser()}, 999)))
	}
	return goldmark.New(
		goldmark.WithExtensions(
			// GitHub-flavoured Markdown, spelt out so that a table cell's alignment becomes a
			// class (see Render): the align attribute is obsolete HTML, and a style attribute is
			// both stripped by the sanitiser and refused by the Content-Security-Policy.
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
			extension.Strikethrough,
			extension.TaskList,
		),
		goldmark.WithParserOptions(opts...),
		// Raw HTML goes through so that harmless tags such as <kbd> survive; bluemonday then
		// removes everything unsafe, and Render reports what it removed.
		goldmark.WithRendererOptions(html.WithUnsafe()),
	)
}

// parse parses src, linking bare addresses as GitHub does. Goldmark's linkify parser is asked at
// every space of every text, which made parsing a third slower, yet most texts have no bare
// address: their links are written as Markdown links. So src is parsed without it first, and
// again with it only when the text outside links holds something it could link.
func (r *Renderer) parse(src []byte, linkify bool) ast.Node {
	md := r.md
	if !linkify {
		md = r.plain
	}
	ctx := parser.NewContext(parser.WithIDs(newIDs()))
	return md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
}

// plainParagraph returns src without its final line breaks when src is one paragraph of plain
// text, which goldmark would only wrap in <p>: most update texts are ("We are investigating."),
// and parsing each of tens of thousands of them cost a tenth of a load. Plain is deliberately
// narrow: lines that start with a letter, end without a space, and hold letters, digits, spaces
// and only punctuation that means nothing to Markdown (nor to GitHub's bare-address links) in
// the middle of a line. Anything else takes the full path. The allowlist is also what lets
// render skip escaping and the sanitiser for it: none of those characters is HTML.
func plainParagraph(src []byte) ([]byte, bool) {
	text := bytes.TrimRight(src, "\n")
	if len(text) == 0 {
		return nil, false
	}
	lineStart := true
	for i, c := range text {
		switch {
		case lineStart:
			// A letter (or a multi-byte character's first byte): not a list item, heading,
			// quote, code block, table, HTML or thematic break.
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0xc2 && c <= 0xf4) {
				return nil, false
			}
			lineStart = false
		case c == '\n':
			if text[i-1] == ' ' || text[i-1] == '\n' {
				return nil, false // a hard break (two spaces) or a blank line between paragraphs
			}
			lineStart = true
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c >= 0x80:
		case c == ' ' || c == '.' || c == ',' || c == ';' || c == ':' || c == '?' || c == '\'' || c == '(' || c == ')' || c == '/' || c == '%' || c == '-':
		default:
			return nil, false
		}
	}
	if text[len(text)-1] == ' ' || linkable(text) {
		return nil, false
	}
	return text, true
}

// linkable reports whether b holds anything goldmark's linkify parser could start an address at.
func linkable(b []byte) bool {
	return bytes.IndexByte(b, '@') >= 0 || bytes.Contains(b, []byte("://")) || bytes.Contains(b, []byte("www."))
}

// Options tells Render about the files next to the Markdown.
type Options struct {
	// Assets names the files a bundle holds beside its Markdown, by their path relative to it.
	// Nil when the Markdown is not in a bundle.
	Assets map[string]bool
	// AssetBase is the URL path the server serves those files under, ending in a slash.
	AssetBase string
}

// Result is rendered Markdown.
type Result struct {
	HTML     string
	TOC      []incident.Heading
	Problems []Problem
}

// Problem is something wrong in the Markdown, at a 1-based line and column of its source.
type Problem struct {
	Line, Col int
	Warning   bool
	Message   string
}

// Render converts src. It never fails: whatever it has to leave out is listed in Problems.
func (r *Renderer) Render(src []byte, opt Options) Result { return r.result(src, opt, true) }

// AppendHTML renders src as Render does, appending the HTML to dst instead of returning it in
// Result.HTML: for a caller that keeps many short texts in one string, one object for the garbage
// collector to mark instead of one per text.
func (r *Renderer) AppendHTML(dst, src []byte, opt Options) ([]byte, Result) {
	res := r.render(src, opt, true, func(html []byte) { dst = append(dst, html...) })
	return dst, res
}

// result is Render; shortcut false always has goldmark parse with the linkify parser, for the
// tests that hold the shortcuts (plainParagraph, inspect) to it.
func (r *Renderer) result(src []byte, opt Options, shortcut bool) Result {
	var html string
	res := r.render(src, opt, shortcut, func(b []byte) { html = string(b) })
	res.HTML = html
	return res
}

// render renders src and hands the HTML to emit, which must copy it: the bytes are reused.
func (r *Renderer) render(src []byte, opt Options, shortcut bool, emit func(html []byte)) Result {
	buf := buffers.Get().(*htmlBuffer)
	defer buffers.Put(buf)
	buf.reset()
	if shortcut {
		if text, ok := plainParagraph(src); ok {
			// Written as it is, neither escaped nor sanitised: plainParagraph's allowlist admits
			// no '<', '>', '&' or '"', and no Markdown that would make a link or an image, so
			// there is nothing to escape and nothing the sanitiser would remove. Widening that
			// allowlist means escaping here, or taking the full path.
			buf.WriteString("<p>")
			buf.Write(text)
			buf.WriteString("</p>\n")
			emit(buf.Bytes())
			return Result{}
		}
	}
	if ps := checkLimits(src); ps != nil {
		// Nothing is published of a text past a limit: the problems are errors.
		return Result{Problems: ps}
	}
	buf.limit = maxHTML(len(src))
	doc := r.parse(src, !shortcut)
	in := r.inspect(doc, src, opt, shortcut && linkable(src))
	if in.relink {
		doc = r.parse(src, true)
		in = r.inspect(doc, src, opt, false)
	}
	switch err := r.md.Renderer().Render(buf, src, doc); {
	case err != nil:
		// Rendering into a buffer fails only on a renderer bug; say so rather than publish half.
		in.report(doc, false, "cannot render Markdown: %v", err)
	case buf.over:
		in.res.Problems = append(in.res.Problems, Problem{Line: 1, Col: 1, Message: fmt.Sprintf(
			"the text makes more than %d KB of HTML, over 32 times its size; tables of many empty cells do this: fill them, or split the tables", buf.limit>>10)})
	case in.sanitize:
		emit(publishedImages(r.policy.SanitizeBytes(buf.Bytes()), opt))
	default:
		emit(buf.Bytes())
	}
	res := in.res
	res.TOC = in.headings.list()
	return res
}

// inspection is what inspect finds in a parsed text.
type inspection struct {
	res      Result // its problems
	headings toc
	// sanitize is set when the text holds raw HTML or links that rendering cannot neutralise:
	// goldmark escapes text and attributes itself, so only those need the (slow) sanitiser.
	sanitize bool
	// relink is set when a text parsed without the linkify parser may hold a bare address: see
	// inspect.
	relink bool

	src   []byte
	lines []int // line starts of src, made on the first problem: most texts have none
}

// report adds a problem at n.
func (in *inspection) report(n ast.Node, warning bool, format string, args ...any) {
	if in.lines == nil {
		in.lines = LineStarts(in.src)
	}
	line, col := position(in.lines, offsetOf(n, in.src))
	in.res.Problems = append(in.res.Problems, Problem{Line: line, Col: col, Warning: warning, Message: fmt.Sprintf(format, args...)})
}

// inspect walks a parsed text once: it collects the headings, reports problems, checks and
// rewrites links and marks table cells' alignment. With check, it also looks for what goldmark's
// linkify parser could link, in a text parsed without it (see parse): every address it links
// holds "://", "www." or "@", in text that is not a link's label (it leaves labels alone).
// Without the parser that text is still text, perhaps cut into several nodes where it would have
// taken characters such as _ or ` into the address, so each text node is looked at with a few
// bytes of its neighbours: a marker cut in two is still seen. On finding one it stops and sets
// relink, and the text must be parsed again with the parser. A false yes costs a second parse;
// a false no would lose a link, which the differential tests (TestLinkifyShortcut,
// FuzzLinkifyShortcut) look for.
func (r *Renderer) inspect(doc ast.Node, src []byte, opt Options, check bool) *inspection {
	in := &inspection{src: src}
	report := in.report
	inLink := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n.(*ast.Link); ok && !entering {
			inLink--
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		if check && inLink == 0 {
			switch n := n.(type) {
			case *ast.Text:
				from, to := max(n.Segment.Start-3, 0), min(n.Segment.Stop+3, len(src))
				in.relink = from < to && linkable(src[from:to])
			case *ast.String:
				in.relink = linkable(n.Value)
			}
			if in.relink {
				return ast.WalkStop, nil
			}
		}
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			ids, _ := id.([]byte)
			in.headings.add(n, ids, src)
			if n.Level == 1 {
				report(n, true, "level-1 heading: the incident's title is the page's only level-1 heading; start sections with ##")
			}
		case *extast.TableCell:
			if n.Alignment != extast.AlignNone {
				n.SetAttributeString("class", []byte("align-"+n.Alignment.String()))
			}
		case *ast.Link:
			inLink++
			n.Destination = r.destination(n, n.Destination, false, opt, report)
		case *ast.Image:
			n.Destination = r.destination(n, n.Destination, true, opt, report)
			if !published(string(n.Destination), opt) {
				// The sanitiser's pass leaves it out (publishedImages).
				in.sanitize = true
				if d := string(n.Destination); d != "" && (strings.HasPrefix(d, "/") || strings.Contains(d, ":")) {
					report(n, true, "image `%s` left out: a page shows only pictures from the incident's own folder; put the file beside index.md", d)
				}
			}
		case *ast.AutoLink:
			if u := n.URL(src); !safeURL(u) {
				in.sanitize = true
				report(n, true, "link `%s` removed: only http, https, mailto and tel links are published", u)
			}
		case *ast.RawHTML:
			var raw []byte
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				raw = append(raw, seg.Value(src)...)
			}
			in.sanitize = true
			r.checkHTML(n, raw, opt, report)
		case *ast.HTMLBlock:
			var raw []byte
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				raw = append(raw, seg.Value(src)...)
			}
			in.sanitize = true
			r.checkHTML(n, raw, opt, report)
		}
		return ast.WalkContinue, nil
	})
	return in
}

// htmlBuffer is a bytes.Buffer that goldmark writes into directly (it is a util.BufWriter), where
// it would otherwise put a 4 KB bufio.Writer of its own in front of every text it renders. It
// keeps no more than limit bytes (0: no limit) and sets over when more were written.
type htmlBuffer struct {
	bytes.Buffer
	limit int
	over  bool
}

func (b *htmlBuffer) Buffered() int { return 0 } // nothing waits to be flushed
func (b *htmlBuffer) Flush() error  { return nil }

// room reports whether n more bytes fit under the limit.
func (b *htmlBuffer) room(n int) bool {
	if b.limit > 0 && b.Len()+n > b.limit {
		b.over = true
	}
	return !b.over
}

func (b *htmlBuffer) Write(p []byte) (int, error) {
	if !b.room(len(p)) {
		return len(p), nil // goldmark ignores write errors: the caller checks over
	}
	return b.Buffer.Write(p)
}

func (b *htmlBuffer) WriteString(s string) (int, error) {
	if !b.room(len(s)) {
		return len(s), nil
	}
	return b.Buffer.WriteString(s)
}

func (b *htmlBuffer) WriteByte(c byte) error {
	if !b.room(1) {
		return nil
	}
	return b.Buffer.WriteByte(c)
}

func (b *htmlBuffer) WriteRune(r rune) (int, error) {
	if !b.room(utf8.RuneLen(r)) {
		return utf8.RuneLen(r), nil
	}
	return b.Buffer.WriteRune(r)
}

// reset empties the buffer for the next text, with no limit.
func (b *htmlBuffer) reset() {
	b.Reset()
	b.limit, b.over = 0, false
}

// buffers keeps the buffers Render writes into: a load renders tens of thousands of texts, and
// growing a new buffer for each was a tenth of what loading allocated.
var buffers = sync.Pool{New: func() any { return new(htmlBuffer) }}

// quickLinkify is goldmark's linkify parser behind a cheap test of whether it can match at all.
// Goldmark asks it at every space of every text, and it looks for an e-mail address at each
// word; but it only ever links what starts with http:, https:, ftp: or www., or an address with
// an @ within its first 65 bytes (FindEmailIndex reads at most 64 characters before the @, none
// of them a space), so other words need not be looked at further.
type quickLinkify struct{ parser.InlineParser }

func (q quickLinkify) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	// Skip the trigger character, as the linkify parser does.
	if len(line) > 0 && (line[0] == ' ' || line[0] == '*' || line[0] == '_' || line[0] == '~' || line[0] == '(') {
		line = line[1:]
	}
	if len(line) > 0 && (line[0] == 'h' || line[0] == 'f' || line[0] == 'w' || hasAt(line)) {
		return q.InlineParser.Parse(parent, block, pc)
	}
	return nil
}

// hasAt reports whether an @ comes before the first space within the first 65 bytes of line: an
// e-mail address's local part has no space.
func hasAt(line []byte) bool {
	for _, c := range line[:min(len(line), 65)] {
		switch c {
		case '@':
			return true
		case ' ', '\t', '\n':
			return false
		}
	}
	return false
}

// destination checks a link or image target and rewrites links to a bundle's own files to the URL
// the server serves them at.
func (r *Renderer) destination(n ast.Node, dest []byte, image bool, opt Options, report func(ast.Node, bool, string, ...any)) []byte {
	d := string(dest)
	what := "link"
	if image {
		what = "image"
	}
	if !safeURL(dest) {
		report(n, true, "%s `%s` removed: only http, https, mailto and tel links are published", what, d)
		return nil
	}
	if d == "" || strings.HasPrefix(d, "#") || strings.HasPrefix(d, "/") || strings.Contains(d, ":") {
		return dest
	}
	// A relative target: a file of the bundle.
	name, frag, _ := strings.Cut(d, "#")
	name, query, _ := strings.Cut(name, "?")
	name = path.Clean(name)
	if opt.Assets == nil {
		if image {
			report(n, false, "image `%s` is a file next to the Markdown, which only a bundle has: move the incident to <slug>/index.md and put `%s` beside it", d, name)
		}
		return dest
	}
	if !opt.Assets[name] {
		if image || !strings.HasSuffix(name, "/") && path.Ext(name) != "" {
			report(n, false, "%s `%s` not found in this incident's folder; put the file beside index.md or fix the name (the folder has: %s)", what, name, listAssets(opt.Assets))
		}
		return dest
	}
	out := opt.AssetBase + name
	if query != "" {
		out += "?" + query
	}
	if frag != "" {
		out += "#" + frag
	}
	return []byte(out)
}

func (r *Renderer) checkHTML(n ast.Node, raw []byte, opt Options, report func(ast.Node, bool, string, ...any)) {
	clean := publishedImages(r.policy.SanitizeBytes(raw), opt)
	if !bytes.Equal(bytes.TrimSpace(clean), bytes.TrimSpace(raw)) {
		report(n, true, "raw HTML `%s` is not allowed and was removed or changed; write Markdown instead", abbreviate(string(bytes.TrimSpace(raw)), 60))
	}
}

// published reports whether src is the URL of a file of the bundle, as destination makes it:
// the only pictures a page can show, since the Content-Security-Policy loads images from the
// site alone, and a file the bundle lacks is a 404.
func published(src string, opt Options) bool {
	if opt.Assets == nil || opt.AssetBase == "" {
		return false
	}
	u, err := url.Parse(src)
	if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(u.Path, opt.AssetBase) {
		return false
	}
	return opt.Assets[strings.TrimPrefix(u.Path, opt.AssetBase)]
}

// publishedImages drops from sanitised HTML every <img> whose source is not a published file
// of the bundle: the sanitiser alone turns <img src=x onerror=...> into <img src="x">, a broken
// picture that asks the server for a page that is not there. Everything else is copied as it
// is, byte for byte.
func publishedImages(h []byte, opt Options) []byte {
	if !bytes.Contains(h, []byte("<img")) {
		return h
	}
	var out []byte
	z := xhtml.NewTokenizer(bytes.NewReader(h))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return out
		}
		// Raw's bytes first: TagName and TagAttr may rewrite them in place.
		kept := len(out)
		out = append(out, z.Raw()...)
		if tt == xhtml.StartTagToken || tt == xhtml.SelfClosingTagToken {
			if name, hasAttr := z.TagName(); string(name) == "img" {
				src := ""
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "src" {
						src = string(v)
					}
				}
				if !published(src, opt) {
					out = out[:kept]
				}
			}
		}
	}
}

func listAssets(assets map[string]bool) string {
	if len(assets) == 0 {
		return "no other files"
	}
	names := make([]string, 0, len(assets))
	for n := range assets {
		names = append(names, n)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

func abbreviate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// safeURL reports whether a link target may be published: relative, or with a scheme we allow.
func safeURL(u []byte) bool {
	s := strings.ToLower(strings.TrimSpace(string(u)))
	scheme, _, found := strings.Cut(s, ":")
	if !found || strings.ContainsAny(scheme, "/?#") {
		return true
	}
	return slices.Contains([]string{"http", "https", "mailto", "tel"}, scheme)
}

// toc collects a text's headings into one string that every Heading's ID and Text are cut from.
// A table of contents is then two objects for the garbage collector to mark on every cycle, where
// a string per ID and per text made it some twenty: at 10,000 incidents, 350,000 of the 580,000
// objects a running server kept.
type toc struct {
	buf   []byte
	marks []tocMark
}

// tocMark is where one heading's ID and text are in toc.buf: buf[id:text] and buf[text:end].
type tocMark struct{ level, id, text, end int }

func (t *toc) add(n *ast.Heading, id []byte, src []byte) {
	m := tocMark{level: n.Level, id: len(t.buf)}
	t.buf = append(t.buf, id...)
	m.text = len(t.buf)
	t.buf = appendPlainText(t.buf, n, src)
	trimmed := bytes.TrimSpace(t.buf[m.text:])
	t.buf = t.buf[:m.text+copy(t.buf[m.text:], trimmed)]
	m.end = len(t.buf)
	t.marks = append(t.marks, m)
}

// list returns the headings, or nil when there are none.
func (t *toc) list() []incident.Heading {
	if len(t.marks) == 0 {
		return nil
	}
	all := string(t.buf)
	out := make([]incident.Heading, len(t.marks))
	for i, m := range t.marks {
		out[i] = incident.Heading{Level: m.level, ID: all[m.id:m.text], Text: all[m.text:m.end]}
	}
	return out
}

// appendPlainText appends the text of a node's inline children to dst.
func appendPlainText(dst []byte, n ast.Node, src []byte) []byte {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			dst = append(dst, c.Value(src)...)
			if c.SoftLineBreak() {
				dst = append(dst, ' ')
			}
		case *ast.String:
			dst = append(dst, c.Value...)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					dst = append(dst, t.Value(src)...)
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return dst
}

// offsetOf finds a byte offset in src for n: its own position, a child's, or its block's first line.
func offsetOf(n ast.Node, src []byte) int {
	for c := n; c != nil; c = c.Parent() {
		if p := c.Pos(); p >= 0 && c.Kind() != ast.KindDocument {
			return p
		}
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(0).Start
		}
		for k := c.FirstChild(); k != nil; k = k.NextSibling() {
			if t, ok := k.(*ast.Text); ok {
				return t.Segment.Start
			}
		}
	}
	return 0
}

// LineStarts is the byte offset of every line of src: 0, and each offset after a line break.
func LineStarts(src []byte) []int {
	starts := make([]int, 1, bytes.Count(src, []byte("\n"))+1)
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// position converts a byte offset to a 1-based line and column (in runes).
func position(starts []int, off int) (line, col int) {
	i, found := slices.BinarySearch(starts, off)
	if !found {
		i--
	}
	return i + 1, off - starts[max(i, 0)] + 1
}

// ids generates heading ids readers can type: lower-case ASCII letters and digits joined by
// hyphens, accents dropped ("Éléments de correction" → "elements-de-correction"), unique per
// document.
type ids struct {
	used map[string]bool
	// next is, for each base id given a suffix, the first suffix not yet tried: the ones below it
	// are all used, so the n-th repeat of a heading costs one look-up rather than n.
	next map[string]int
}

func newIDs() *ids { return &ids{used: map[string]bool{}, next: map[string]int{}} }

func (s *ids) Generate(value []byte, _ ast.NodeKind) []byte {
	var b strings.Builder
	dash := false
	text := string(value)
	if !ascii(value) {
		// Decomposed, an accented letter is its base letter and a mark, which is dropped.
		text = norm.NFD.String(text)
	}
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r == 'ß':
			b.WriteString("ss")
		default:
			dash = true
		}
	}
	id := b.String()
	if id == "" {
		id = "section"
	}
	if s.used[id] {
		base := id
		i := max(s.next[base], 1)
		for ; s.used[id]; i++ {
			id = base + "-" + strconv.Itoa(i)
		}
		s.next[base] = i
	}
	s.used[id] = true
	return []byte(id)
}

// ascii reports whether b is all ASCII, which decomposition leaves as it is.
func ascii(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func (s *ids) Put(value []byte) { s.used[string(value)] = true }
