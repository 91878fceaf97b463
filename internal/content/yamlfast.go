package content

import (
	"strings"
	"unicode/utf8"
	"unique"

	"statuspress/internal/yamlnode"
)

// parseFast parses the plain YAML that front matter nearly always is: block mappings and
// sequences, one-line plain and quoted scalars, `|` and `>` block scalars, one-line flow
// mappings such as `scheduled: {start: ..., end: ...}`, blank lines and comments at the start of a
// line. It gives the tree that goccy/go-yaml's would convert to (yamlnode.FromGoccy), positions
// included, and ok=false for anything else, which goccy then parses: so files outside the subset,
// and every syntax error, read exactly as before. FuzzParseFast holds the two to the same answer.
//
// It exists because goccy's lexer is slow on block scalars (it allocates an error per character
// in validateIndentColumn) and goccy allocates some 40 times the text's size, which made parsing
// front matter over a third of a cold start.
//
// It is still worth its code and its fuzz target. BenchmarkFrontMatter, median of 5 runs on 2
// busy shared cores (load average about 10: read the ratios, the times are some four times a quiet
// machine's), with Go 1.26, goccy/go-yaml v1.19.2, and go.yaml.in/yaml/v3 v3.0.5 by the same
// benchmark in a change not kept (to keep the dependency out), to parse every file's front matter
// once:
//
//	                          sample (21 files)           synthetic 1,000 (1,600 files)
//	                          time     bytes   allocs     time    bytes    allocs
//	parseFast                 0.41 ms  131 KB     901      22 ms   11 MB     90,000
//	yaml/v3 Node, tree only   1.55 ms  360 KB   3,845     124 ms   30 MB    356,000
//	goccy AST, tree only      6.2 ms   1.8 MB  31,458     300 ms  129 MB  2,356,000
//	goccy into node           7.3 ms   1.8 MB  32,126     292 ms  135 MB  2,421,000
//
// Every file of both takes the fast path. yaml/v3, the quicker of the two maintained parsers that
// keep lines and columns, is 4 to 6 times slower before its tree is even converted to nodes (and
// its syntax errors would read differently); goccy is 13 to 18 times slower, some 270 ms more
// for the synthetic corpus, whose whole cold start (BenchmarkLoad/1000) took 550 to 1,500 ms at
// the same time (about 160 ms on a quiet machine).
func parseFast(src []byte) (*yamlnode.Node, bool) {
	if !fastText(src) {
		return nil, false
	}
	p := &fastParser{lines: splitFastLines(string(src))}
	first, ok := p.peek()
	if !ok || first == nil || first.indent != 0 {
		return nil, false
	}
	root, ok := p.mapping(0)
	if !ok {
		return nil, false
	}
	if rest, ok := p.peek(); !ok || rest != nil {
		return nil, false
	}
	return root, true
}

// fastText reports whether src holds only what parseFast handles: UTF-8 without tabs, carriage
// returns, control characters, byte-order marks or Unicode line separators, with no line ending in
// a space (goccy's treatment of trailing spaces in block scalars is not worth copying) and a line
// break at the end, as front matter has.
func fastText(src []byte) bool {
	if !utf8.Valid(src) {
		return false
	}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == '\n':
			if i > 0 && src[i-1] == ' ' {
				return false
			}
		case c < 0x20 || c == 0x7f:
			return false
		case c == 0xc2 && i+1 < len(src) && src[i+1] < 0xa0: // C1 controls, NEL among them
			return false
		case c == 0xe2 && i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xa8 || src[i+2] == 0xa9): // U+2028, U+2029
			return false
		case c == 0xef && i+2 < len(src) && (src[i+1] == 0xbb && src[i+2] == 0xbf || src[i+1] == 0xbf && src[i+2] >= 0xbe): // U+FEFF, U+FFFE, U+FFFF
			return false
		}
	}
	return len(src) > 0 && src[len(src)-1] == '\n'
}

// fastLine is one line of the text: its 1-based number, its indentation in spaces and the rest.
// A blank line has no text.
type fastLine struct {
	num    int
	indent int
	text   string
}

func splitFastLines(s string) []fastLine {
	lines := make([]fastLine, 0, strings.Count(s, "\n")+1)
	for num := 1; s != ""; num++ {
		line, rest, _ := strings.Cut(s, "\n")
		text := strings.TrimLeft(line, " ")
		lines = append(lines, fastLine{num: num, indent: len(line) - len(text), text: text})
		s = rest
	}
	return lines
}

type fastParser struct {
	lines []fastLine
	i     int // the next line to read
}

// peek skips blank lines and comments and returns the next line, or nil at the end. Only comments
// that start a line are taken; ok is false at an indented one.
func (p *fastParser) peek() (l *fastLine, ok bool) {
	for ; p.i < len(p.lines); p.i++ {
		l := &p.lines[p.i]
		switch {
		case l.text == "":
		case l.text[0] == '#':
			if l.indent > 0 {
				return nil, false
			}
		default:
			return l, true
		}
	}
	return nil, true
}

// mapping reads a block mapping whose keys are indented by n.
func (p *fastParser) mapping(n int) (*yamlnode.Node, bool) {
	m := &yamlnode.Node{Kind: yamlnode.Mapping}
	for {
		l, ok := p.peek()
		if !ok {
			return nil, false
		}
		if l == nil || l.indent < n {
			break
		}
		key, rest, ok := splitKey(l.text)
		if !ok || l.indent > n {
			return nil, false
		}
		colon := n + len(key) + 1
		if len(m.Entries) == 0 {
			m.Line, m.Col = l.num, colon
		}
		p.i++
		value, ok := p.value(rest, l.num, colon+1, n)
		if !ok {
			return nil, false
		}
		m.Entries = append(m.Entries, yamlnode.Entry{Key: keyString(key), Line: l.num, Col: n + 1, Value: value})
	}
	return m, true
}

// splitKey splits `key: rest` or `key:`. Keys are limited to letters, digits, `_` and `-`, which
// goccy reads as plain text whatever they spell, except the words that mean null.
func splitKey(text string) (key, rest string, ok bool) {
	i := 0
	for i < len(text) && (isAlnum(text[i]) || text[i] == '_' || text[i] == '-' && i > 0) {
		i++
	}
	if i == 0 || i == len(text) || text[i] != ':' || i+1 < len(text) && text[i+1] != ' ' {
		return "", "", false
	}
	key = text[:i]
	if key == "null" || key == "Null" || key == "NULL" {
		return "", "", false
	}
	return key, text[i+1:], true
}

// keyString copies a key out of the text, which is dropped after the load, sharing the copy of
// the field names every file repeats.
func keyString(key string) string {
	for _, f := range fieldNames {
		if key == f {
			return f
		}
	}
	return intern(key)
}

// intern copies a short scalar out of the text, sharing the copy with every equal one: component
// ids and statuses repeat in every file and live as long as the site, and a copy per file was one
// more object for the garbage collector to mark on every cycle while the server runs. Numbers,
// dates and times (which start with a digit) are parsed and dropped, and long scalars such as
// titles seldom repeat: those are copied.
func intern(v string) string {
	if len(v) > 40 || v != "" && v[0] >= '0' && v[0] <= '9' {
		return strings.Clone(v)
	}
	return unique.Make(v).Value()
}

var fieldNames = append(append([]string{"translation", "at", "status", "text", "start", "end"}, originalFields...), siteFields...)

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// value reads a mapping value: rest is what follows the key's colon on its line, at column col,
// and n is the mapping's indentation.
func (p *fastParser) value(rest string, line, col, n int) (*yamlnode.Node, bool) {
	if rest == "" {
		l, ok := p.peek()
		switch {
		case !ok:
			return nil, false
		case l != nil && l.indent > n && isItem(l.text):
			return p.sequence(l.indent)
		case l != nil && l.indent > n:
			return p.mapping(l.indent)
		case l != nil && l.indent == n && isItem(l.text):
			return p.sequence(n) // a list need not be indented below its key
		}
		return &yamlnode.Node{Kind: yamlnode.Null, Line: line, Col: col}, true
	}
	v := strings.TrimLeft(rest, " ")
	return p.scalar(v, line, col+len(rest)-len(v), n)
}

func isItem(text string) bool { return text == "-" || strings.HasPrefix(text, "- ") }

// sequence reads a block sequence whose dashes are indented by n.
func (p *fastParser) sequence(n int) (*yamlnode.Node, bool) {
	seq := &yamlnode.Node{Kind: yamlnode.Sequence}
	for {
		l, ok := p.peek()
		if !ok {
			return nil, false
		}
		if l == nil || l.indent < n || l.indent == n && !isItem(l.text) {
			break
		}
		if l.indent > n || l.text == "-" {
			return nil, false
		}
		if len(seq.Items) == 0 {
			seq.Line, seq.Col = l.num, n+1
		}
		content := strings.TrimLeft(l.text[1:], " ")
		indent := n + len(l.text) - len(content)
		var item *yamlnode.Node
		if _, _, isKey := splitKey(content); isKey {
			// `- key: value` starts a mapping indented as far as its first key: read the line as
			// if it were indented so.
			l.indent, l.text = indent, content
			item, ok = p.mapping(indent)
		} else if !isItem(content) {
			p.i++
			item, ok = p.scalar(content, l.num, indent+1, n)
		}
		if !ok || item == nil {
			return nil, false
		}
		seq.Items = append(seq.Items, item)
	}
	return seq, true
}

// scalar reads a value that starts on its key's (or dash's) line at column col: a one-line
// scalar, a block scalar or a flow mapping. n is the indentation of the mapping or sequence that
// holds it.
func (p *fastParser) scalar(v string, line, col, n int) (*yamlnode.Node, bool) {
	var out *yamlnode.Node
	switch v[0] {
	case '|', '>':
		return p.block(v, line, col, n)
	case '"':
		text, ok := doubleQuoted(v)
		if !ok {
			return nil, false
		}
		out = &yamlnode.Node{Kind: yamlnode.Scalar, Line: line, Col: col, Text: text}
	case '\'':
		text, ok := singleQuoted(v)
		if !ok {
			return nil, false
		}
		out = &yamlnode.Node{Kind: yamlnode.Scalar, Line: line, Col: col, Text: text}
	case '{':
		m, ok := flowMapping(v, line, col)
		if !ok {
			return nil, false
		}
		out = m
	default:
		if !plainOK(v, false) {
			return nil, false
		}
		out = plain(v, line, col)
	}
	// A more indented line would continue the value: a multi-line scalar, or an error.
	if l, ok := p.peek(); !ok || l != nil && l.indent > n {
		return nil, false
	}
	return out, true
}

// plainOK reports whether v is a plain scalar on one line that goccy reads as the text it is:
// no indicator first, no `: ` or ` #` inside; in a flow mapping, none of `,[]{}` either.
func plainOK(v string, flow bool) bool {
	if v == "" || strings.IndexByte("-?:,[]{}#&*!|>'\"%@`", v[0]) >= 0 ||
		strings.Contains(v, ": ") || strings.Contains(v, " #") || strings.HasSuffix(v, ":") {
		return false
	}
	return !flow || !strings.ContainsAny(v, ",[]{}")
}

// plain makes the node of a plain scalar: null, a bool or text (numbers and times are text to
// the decoders).
func plain(v string, line, col int) *yamlnode.Node {
	switch v {
	case "null", "Null", "NULL", "~":
		return &yamlnode.Node{Kind: yamlnode.Null, Line: line, Col: col}
	case "true", "True", "TRUE":
		return &yamlnode.Node{Kind: yamlnode.Bool, Line: line, Col: col, Text: v, Boolean: true}
	case "false", "False", "FALSE":
		return &yamlnode.Node{Kind: yamlnode.Bool, Line: line, Col: col, Text: v}
	}
	return &yamlnode.Node{Kind: yamlnode.Scalar, Line: line, Col: col, Text: intern(v)}
}

// doubleQuoted reads a double-quoted scalar that ends on its line, with the escapes `\"`, `\\`
// and `\/` only.
func doubleQuoted(v string) (string, bool) {
	var b strings.Builder
	for i := 1; i < len(v); i++ {
		switch c := v[i]; c {
		case '"':
			return b.String(), i == len(v)-1
		case '\\':
			if i+1 == len(v) || v[i+1] != '"' && v[i+1] != '\\' && v[i+1] != '/' {
				return "", false
			}
			i++
			b.WriteByte(v[i])
		default:
			b.WriteByte(c)
		}
	}
	return "", false
}

// singleQuoted reads a single-quoted scalar that ends on its line.
func singleQuoted(v string) (string, bool) {
	var b strings.Builder
	for i := 1; i < len(v); i++ {
		if v[i] != '\'' {
			b.WriteByte(v[i])
			continue
		}
		if i+1 < len(v) && v[i+1] == '\'' {
			b.WriteByte('\'')
			i++
			continue
		}
		return b.String(), i == len(v)-1
	}
	return "", false
}

// flowMapping reads `{key: value, ...}` on one line, with plain keys and values, at column col.
func flowMapping(v string, line, col int) (*yamlnode.Node, bool) {
	if len(v) < 2 || v[len(v)-1] != '}' || strings.ContainsAny(v[1:len(v)-1], "{}[]\"'#") {
		return nil, false
	}
	m := &yamlnode.Node{Kind: yamlnode.Mapping, Line: line, Col: col}
	// Columns count characters; off is a byte offset in v.
	colAt := func(off int) int { return col + utf8.RuneCountInString(v[:off]) }
	off := 1
	for _, part := range strings.Split(v[1:len(v)-1], ",") {
		text := strings.TrimLeft(part, " ")
		start := off + len(part) - len(text)
		off += len(part) + 1
		key, rest, ok := splitKey(strings.TrimRight(text, " "))
		if !ok || rest == "" {
			return nil, false
		}
		value := strings.TrimLeft(rest, " ")
		if !plainOK(value, true) {
			return nil, false
		}
		at := start + len(key) + 1 + len(rest) - len(value)
		m.Entries = append(m.Entries, yamlnode.Entry{Key: keyString(key), Line: line, Col: colAt(start), Value: plain(value, line, colAt(at))})
	}
	return m, true
}

// block reads a block scalar whose header (`|`, `|-`, `>` or `>-`) is at line and col, in a
// mapping or sequence indented by n. Headers with an indentation digit or `+`, and folded text
// with more indented lines, are left to goccy.
func (p *fastParser) block(header string, line, col, n int) (*yamlnode.Node, bool) {
	if len(header) > 2 || len(header) == 2 && header[1] != '-' {
		return nil, false
	}
	literal, strip := header[0] == '|', len(header) == 2
	// The block is every line indented at least as far as its first, and the blank lines among them.
	start, end, last, indent := p.i, p.i, -1, -1
	for ; end < len(p.lines); end++ {
		l := p.lines[end]
		if l.text == "" {
			continue
		}
		if indent < 0 {
			if l.indent <= n || end > start {
				break // an empty block, or one that starts with a blank line: goccy's to read
			}
			indent = l.indent
		} else if l.indent < indent {
			break
		}
		last = end
	}
	if last < 0 {
		return nil, false
	}
	var b strings.Builder
	size := 1
	for _, l := range p.lines[start : last+1] {
		size += l.indent + len(l.text) + 1
	}
	b.Grow(size)
	for k := start; k <= last; k++ {
		l := p.lines[k]
		switch {
		case k == start:
		case literal || l.text == "":
			b.WriteByte('\n')
		case p.lines[k-1].text != "":
			b.WriteByte(' ') // folded: a line break between two lines of text is a space
		}
		if l.text == "" {
			continue
		}
		if l.indent > indent {
			if !literal {
				return nil, false
			}
			b.WriteString(strings.Repeat(" ", l.indent-indent))
		}
		b.WriteString(l.text)
	}
	if !strip {
		b.WriteByte('\n')
	}
	p.i = last + 1
	return &yamlnode.Node{Kind: yamlnode.Block, Line: line, Col: col, Text: b.String()}, true
}
