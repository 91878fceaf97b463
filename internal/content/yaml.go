package content

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"statuspress/internal/yamlnode"
)

// The front matter and site.yaml are decoded by walking a syntax tree (internal/yamlnode) rather than by
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
func (d *yamlDoc) parse(src []byte) *yamlnode.Node {
	if root, ok := parseFast(src); ok {
		return root
	}
	return d.parseGoccy(src)
}

// parseGoccy is parse by goccy/go-yaml alone: for what parseFast does not take.
func (d *yamlDoc) parseGoccy(src []byte) *yamlnode.Node {
	doc, err := yamlnode.Parse(src, yamlnode.Options{MaxDepth: maxYAMLDepth, SwallowedKey: true})
	// A type switch, not errors.As, whose targets would be allocated on every call.
	switch err := err.(type) {
	case *yamlnode.TooDeepError:
		d.r.errorf(d.off(err.At), "%s", err)
		return nil
	case *yamlnode.SyntaxError:
		d.r.errorf(d.off(err.At), "%s", err.Message)
		return nil
	}
	if doc.Many {
		d.r.errorf(d.off(doc.Second), "a second YAML document starts here; front matter is one document between two `---` lines")
	}
	return doc.Root
}

// maxYAMLDepth is how deeply front matter and site.yaml may nest: goccy/go-yaml's time grows with
// the square of the depth (128 KB of `[` or `- - - ` took 20 to 35 s), and no real file nests
// more than a few levels.
const maxYAMLDepth = 32

// off is p in the file: below the lines above the document.
func (d *yamlDoc) off(p yamlnode.Pos) pos { return pos{p.Line + d.lineOff, p.Col} }

func (d *yamlDoc) at(n *yamlnode.Node) pos { return d.off(yamlnode.At(n)) }

func (d *yamlDoc) keyAt(e yamlnode.Entry) pos { return d.off(yamlnode.KeyAt(e)) }

// start is where a node begins: for a block mapping, its first key.
func (d *yamlDoc) start(n *yamlnode.Node) pos { return d.off(yamlnode.Start(n)) }

// field is one key of a mapping with its value.
type field struct {
	key   string
	keyAt pos
	value *yamlnode.Node
	at    pos // the value's position, or the key's when the value is missing
}

// fields returns the entries of a mapping, reporting keys that are not in known (with a likely
// correction) and keys given twice. what names the mapping in messages.
func (d *yamlDoc) fields(n *yamlnode.Node, what string, known []string) []field {
	entries, ok := d.mapping(n, what)
	if !ok {
		return nil
	}
	out := make([]field, 0, len(entries))
	seen := make(map[string]pos, len(entries))
	for _, e := range entries {
		key := e.Key
		f := field{key: key, keyAt: d.keyAt(e), value: e.Value}
		f.at = f.keyAt
		if f.value.Kind != yamlnode.Null {
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

func (d *yamlDoc) mapping(n *yamlnode.Node, what string) ([]yamlnode.Entry, bool) {
	switch n.Kind {
	case yamlnode.Mapping:
		return n.Entries, true
	case yamlnode.Null:
		return nil, true
	}
	d.r.errorf(d.at(n), "%s must be a mapping of `key: value` lines, not %s", what, describe(n))
	return nil, false
}

// list returns the items of a sequence.
func (d *yamlDoc) list(f field) []*yamlnode.Node {
	switch f.value.Kind {
	case yamlnode.Sequence:
		return f.value.Items
	case yamlnode.Null:
		return nil
	}
	d.r.errorf(f.at, "`%s` must be a list (lines starting with `- `), not %s", f.key, describe(f.value))
	return nil
}

// str returns a scalar as text. Numbers and booleans count as their text, so `title: 404` works.
func (d *yamlDoc) str(f field) (string, bool) {
	switch f.value.Kind {
	case yamlnode.Null:
		return "", true
	case yamlnode.Mapping, yamlnode.Sequence:
		d.r.errorf(f.at, "`%s` must be text, not %s; quote it if it contains `: `", f.key, describe(f.value))
		return "", false
	case yamlnode.Alias:
		d.r.errorf(f.at, "`%s`: YAML aliases are not supported; write the value out", f.key)
		return "", false
	}
	return f.value.Text, true
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
	if f.value.Kind == yamlnode.Bool {
		return f.value.Boolean, true
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
func scalarText(n *yamlnode.Node) string {
	if n.Kind == yamlnode.Null {
		return ""
	}
	return n.Text
}

// describe names n for messages, quoting a scalar's text.
func describe(n *yamlnode.Node) string {
	return yamlnode.Describe(n, func(n *yamlnode.Node) string { return fmt.Sprintf("`%s`", scalarText(n)) })
}
