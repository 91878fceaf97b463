package content

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// The front matter and site.yaml are decoded by walking a syntax tree (yamltree.go) rather than by
// unmarshalling, so that every problem is found in one run and each keeps its line and column.

// yamlDoc decodes one YAML document and reports into r. lineOff is added to every line, for front
// matter that starts below the file's first line.
type yamlDoc struct {
	r       *report
	lineOff int
	// lenient skips the checks against site.yaml when it could not be read, so one broken
	// site.yaml does not bury its own error under one per incident.
	lenient bool
}

// parse returns the document's root node, or nil after reporting a syntax error.
func (d *yamlDoc) parse(src []byte) *node {
	if root, ok := parseFast(src); ok {
		return root
	}
	return d.parseGoccy(src)
}

// parseGoccy is parse by goccy/go-yaml alone: for what parseFast does not take.
func (d *yamlDoc) parseGoccy(src []byte) *node {
	if at, ok := tooDeep(src); ok {
		d.r.errorf(pos{at.line + d.lineOff, at.col}, "the YAML is nested more than %d deep here; nest it less deeply", maxYAMLDepth)
		return nil
	}
	// Duplicate keys are reported by fields, with both lines.
	f, err := parser.ParseBytes(src, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		d.syntaxError(err, src)
		return nil
	}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return nil
	}
	if len(f.Docs) > 1 {
		second := pos{1 + d.lineOff, 1}
		if tk := f.Docs[1].GetToken(); tk != nil && tk.Position != nil {
			second = pos{tk.Position.Line + d.lineOff, tk.Position.Column}
		}
		d.r.errorf(second, "a second YAML document starts here; front matter is one document between two `---` lines")
	}
	return fromGoccy(f.Docs[0].Body)
}

// maxYAMLDepth is how deeply front matter and site.yaml may nest: goccy/go-yaml's time grows with
// the square of the depth (128 KB of `[` or `- - - ` took 20 to 35 s), and no real file nests
// more than a few levels.
const maxYAMLDepth = 32

// tooDeep looks at src once for nesting past maxYAMLDepth, counted high rather than low: open
// `[` and `{` (wherever they are, even in text), and sequence entries (`- `) opened on one line.
// It returns where the limit is passed.
func tooDeep(src []byte) (pos, bool) {
	line, col, depth, dashes := 1, 0, 0, 0
	lineStart := true
	for i, c := range src {
		col++
		switch c {
		case '\n':
			line, col, dashes, lineStart = line+1, 0, 0, true
			continue
		case '[', '{':
			depth++
		case ']', '}':
			depth = max(depth-1, 0)
		case '-', '?':
			if lineStart && (i+1 == len(src) || src[i+1] == ' ' || src[i+1] == '\n') {
				dashes++
			}
		}
		if lineStart && c != ' ' && c != '-' && c != '?' {
			lineStart = false
		}
		if depth+dashes > maxYAMLDepth {
			return pos{line, col}, true
		}
	}
	return pos{}, false
}

func (d *yamlDoc) syntaxError(err error, src []byte) {
	var se interface {
		GetToken() *token.Token
		GetMessage() string
	}
	at := pos{1 + d.lineOff, 1}
	msg := err.Error()
	hint := "check indentation and quote values that contain `: ` or start with a special character"
	if errors.As(err, &se) {
		msg = se.GetMessage()
		if tk := se.GetToken(); tk != nil && tk.Position != nil {
			at = pos{tk.Position.Line + d.lineOff, tk.Position.Column}
			if key, p, ok := swallowedKey(tk); ok {
				at = pos{p.line + d.lineOff, p.col}
				hint = fmt.Sprintf("`%s:` is indented more than the line above, so YAML reads it as more of that line's value; indent it as the keys beside it", key)
			}
		}
	}
	if strings.Contains(string(src), "\t") {
		hint = "YAML does not allow tabs for indentation; indent with spaces"
	}
	d.r.errorf(at, "YAML syntax error: %s; %s", msg, hint)
}

// swallowedKey finds the key that a plain value swallowed. A key indented deeper than the one
// above it continues that key's value (`status: investigating` then `     text: ...` is the
// value "investigating text"), and the colon after it is then "not allowed": goccy reports that
// at the start of the value, lines above the mistake. The mistake is the key on the colon's line:
// swallowedKey returns it and where it starts, when tk is such a value.
func swallowedKey(tk *token.Token) (string, pos, bool) {
	colon := tk.Next
	if tk.Type != token.StringType || colon == nil || colon.Type != token.MappingValueType || colon.Position == nil ||
		colon.Position.Line <= tk.Position.Line {
		return "", pos{}, false
	}
	// The value's last line, from its first column: the swallowed key and its indentation.
	last := strings.TrimRight(tk.Origin[strings.LastIndexByte(tk.Origin, '\n')+1:], " ")
	key := strings.TrimLeft(last, " ")
	if key == "" || !strings.HasSuffix(tk.Value, key) {
		return "", pos{}, false
	}
	return key, pos{colon.Position.Line, len(last) - len(key) + 1}, true
}

func (d *yamlDoc) at(n *node) pos {
	if n == nil || n.line == 0 {
		return pos{1 + d.lineOff, 1}
	}
	return pos{n.line + d.lineOff, n.col}
}

func (d *yamlDoc) keyAt(e entry) pos {
	if e.line == 0 {
		return pos{1 + d.lineOff, 1}
	}
	return pos{e.line + d.lineOff, e.col}
}

// start is where a node begins: for a block mapping, its first key.
func (d *yamlDoc) start(n *node) pos {
	if n != nil && n.kind == mappingKind && len(n.entries) > 0 {
		return d.keyAt(n.entries[0])
	}
	return d.at(n)
}

// field is one key of a mapping with its value.
type field struct {
	key   string
	keyAt pos
	value *node
	at    pos // the value's position, or the key's when the value is missing
}

// fields returns the entries of a mapping, reporting keys that are not in known (with a likely
// correction) and keys given twice. what names the mapping in messages.
func (d *yamlDoc) fields(n *node, what string, known []string) []field {
	entries, ok := d.mapping(n, what)
	if !ok {
		return nil
	}
	out := make([]field, 0, len(entries))
	seen := make(map[string]pos, len(entries))
	for _, e := range entries {
		key := e.key
		f := field{key: key, keyAt: d.keyAt(e), value: e.value}
		f.at = f.keyAt
		if f.value.kind != nullKind {
			f.at = d.at(f.value)
		}
		if first, dup := seen[key]; dup {
			d.r.errorf(f.keyAt, "`%s` is given twice (first on line %d); keep one", key, first.line)
			continue
		}
		seen[key] = f.keyAt
		if known != nil && !slices.Contains(known, key) {
			d.r.errorf(f.keyAt, "unknown field `%s` in %s; %s", key, what, didYouMean(key, known, what+" takes no fields"))
			continue
		}
		out = append(out, f)
	}
	return out
}

func (d *yamlDoc) mapping(n *node, what string) ([]entry, bool) {
	switch n.kind {
	case mappingKind:
		return n.entries, true
	case nullKind:
		return nil, true
	}
	d.r.errorf(d.at(n), "%s must be a mapping of `key: value` lines, not %s", what, describe(n))
	return nil, false
}

// list returns the items of a sequence.
func (d *yamlDoc) list(f field) []*node {
	switch f.value.kind {
	case sequenceKind:
		return f.value.items
	case nullKind:
		return nil
	}
	d.r.errorf(f.at, "`%s` must be a list (lines starting with `- `), not %s", f.key, describe(f.value))
	return nil
}

// str returns a scalar as text. Numbers and booleans count as their text, so `title: 404` works.
func (d *yamlDoc) str(f field) (string, bool) {
	switch f.value.kind {
	case nullKind:
		return "", true
	case mappingKind, sequenceKind:
		d.r.errorf(f.at, "`%s` must be text, not %s; quote it if it contains `: `", f.key, describe(f.value))
		return "", false
	case aliasKind:
		d.r.errorf(f.at, "`%s`: YAML aliases are not supported; write the value out", f.key)
		return "", false
	}
	return f.value.text, true
}

// required returns a non-empty scalar, reporting it missing or empty otherwise.
func (d *yamlDoc) required(f field, example string) (string, bool) {
	s, ok := d.str(f)
	if ok && strings.TrimSpace(s) == "" {
		d.r.errorf(f.at, "`%s` is empty; write for example `%s: %s`", f.key, f.key, example)
		return "", false
	}
	return s, ok
}

func (d *yamlDoc) integer(f field) (int, bool) {
	s, ok := d.str(f)
	if !ok {
		return 0, false
	}
	i, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		d.r.errorf(f.at, "`%s` must be a whole number, not `%s`", f.key, s)
		return 0, false
	}
	return i, true
}

func (d *yamlDoc) boolean(f field) (bool, bool) {
	if f.value.kind == boolKind {
		return f.value.boolean, true
	}
	s, _ := d.str(f)
	d.r.errorf(f.at, "`%s` must be true or false, not `%s`", f.key, s)
	return false, false
}

// timeLayouts are what people write when they forget the offset; recognising them lets the error
// say how to fix the value.
var timeLayouts = []string{
	"2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02",
	"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04Z07:00", "2006-01-02T15:04Z07:00",
}

// timestamp parses an RFC 3339 time with a UTC offset. loc is the zone the author most likely
// meant, used to suggest the offset when one is missing.
func (d *yamlDoc) timestamp(f field, loc *time.Location) (time.Time, bool) {
	s, ok := d.str(f)
	if !ok {
		return time.Time{}, false
	}
	s = strings.TrimSpace(s)
	if s == "" {
		d.r.errorf(f.at, "`%s` is empty; write a time with its UTC offset, e.g. `%s: %s`", f.key, f.key, example(loc))
		return time.Time{}, false
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	for _, layout := range timeLayouts {
		if strings.HasSuffix(layout, "Z07:00") {
			if t, err := time.Parse(layout, s); err == nil {
				d.r.errorf(f.at, "time `%s` needs a `T` between date and time; write %s", s, t.Format(time.RFC3339))
				return time.Time{}, false
			}
			continue
		}
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			d.r.errorf(f.at, "time `%s` has no UTC offset; write %s", s, t.Format(time.RFC3339))
			return time.Time{}, false
		}
	}
	d.r.errorf(f.at, "`%s` is not a time; write it as RFC 3339 with a UTC offset, e.g. %s", s, example(loc))
	return time.Time{}, false
}

func example(loc *time.Location) string {
	return time.Date(2024, 1, 10, 10, 0, 0, 0, loc).Format(time.RFC3339)
}

// scalarText is the text of a scalar node as the author meant it.
func scalarText(n *node) string {
	if n.kind == nullKind {
		return ""
	}
	return n.text
}

func describe(n *node) string {
	switch n.kind {
	case mappingKind:
		return "a mapping"
	case sequenceKind:
		return "a list"
	case nullKind:
		return "nothing"
	}
	return fmt.Sprintf("`%s`", scalarText(n))
}
