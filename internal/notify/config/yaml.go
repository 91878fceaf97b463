package config

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// The file is decoded by walking goccy/go-yaml's syntax tree, as the content's site.yaml is, so
// that every problem is found in one run and keeps its line and column. ${NAME} is expanded in
// each value after parsing, so a variable's value is always text and can never add YAML.

type pos struct{ line, col int }

type doc struct {
	file     string
	lookup   func(string) (string, bool)
	problems []error
}

func (d *doc) errorf(at pos, format string, args ...any) {
	d.problems = append(d.problems, &Problem{File: d.file, Line: at.line, Col: at.col, Message: fmt.Sprintf(format, args...)})
}

type kind uint8

const (
	nullKind kind = iota
	scalarKind
	mappingKind
	sequenceKind
	otherKind
)

type node struct {
	kind kind
	// bad is set when the value could not be made (a variable that is not set): that problem is
	// reported, and checks of the value stay quiet.
	bad     bool
	at      pos
	text    string
	entries []entry
	items   []*node
}

type entry struct {
	key   string
	at    pos
	value *node
}

func (d *doc) parse(src []byte) *node {
	f, err := parser.ParseBytes(src, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		var se interface {
			GetToken() *token.Token
			GetMessage() string
		}
		at, msg := pos{1, 1}, err.Error()
		if errors.As(err, &se) {
			msg = se.GetMessage()
			if tk := se.GetToken(); tk != nil && tk.Position != nil {
				at = pos{tk.Position.Line, tk.Position.Column}
			}
		}
		hint := "check indentation and quote values that contain `: ` or start with a special character"
		if strings.Contains(string(src), "\t") {
			hint = "YAML does not allow tabs for indentation; indent with spaces"
		}
		d.errorf(at, "YAML syntax error: %s; %s", msg, hint)
		return nil
	}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return nil
	}
	if len(f.Docs) > 1 {
		d.errorf(position(f.Docs[1]), "a second YAML document starts here; the notify config is one document")
	}
	return d.convert(f.Docs[0].Body)
}

func position(n ast.Node) pos {
	if n != nil {
		if tk := n.GetToken(); tk != nil && tk.Position != nil {
			return pos{tk.Position.Line, tk.Position.Column}
		}
	}
	return pos{1, 1}
}

func (d *doc) convert(n ast.Node) *node {
	for {
		switch v := n.(type) {
		case *ast.TagNode:
			n = v.Value
			continue
		case *ast.AnchorNode:
			n = v.Value
			continue
		}
		break
	}
	out := &node{at: position(n)}
	switch v := n.(type) {
	case nil, *ast.NullNode:
		out.kind = nullKind
	case *ast.MappingNode:
		out.kind = mappingKind
		for _, mv := range v.Values {
			out.entries = append(out.entries, d.entry(mv))
		}
	case *ast.MappingValueNode:
		out.kind = mappingKind
		out.entries = []entry{d.entry(v)}
	case *ast.SequenceNode:
		out.kind = sequenceKind
		for _, item := range v.Values {
			out.items = append(out.items, d.convert(item))
		}
	case *ast.AliasNode:
		out.kind, out.text = otherKind, "an alias"
	case *ast.StringNode:
		out.kind = scalarKind
		out.text, out.bad = d.expand(v.Value, out.at)
	case *ast.LiteralNode:
		out.kind = scalarKind
		out.text, out.bad = d.expand(v.Value.Value, out.at)
	case ast.ScalarNode:
		text := fmt.Sprint(v.GetValue())
		if tk := v.GetToken(); tk != nil {
			text = tk.Value
		}
		out.kind, out.text = scalarKind, text
	default:
		out.kind, out.text = otherKind, n.String()
	}
	return out
}

func (d *doc) entry(mv *ast.MappingValueNode) entry {
	e := entry{at: position(mv.Key), value: d.convert(mv.Value)}
	if s, ok := mv.Key.(*ast.StringNode); ok {
		e.key = s.Value
	} else if mv.Key != nil {
		e.key = mv.Key.String()
	}
	return e
}

var envRef = regexp.MustCompile(`\$\$|\$\{([^}]*)\}|\$\{`)
var envName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// expand replaces ${NAME} by the variable's value and $$ by $. An unset variable is an error that
// names it; an empty one is empty text.
func (d *doc) expand(s string, at pos) (string, bool) {
	if !strings.Contains(s, "$") {
		return s, false
	}
	before := len(d.problems)
	out := envRef.ReplaceAllStringFunc(s, func(m string) string {
		switch {
		case m == "$$":
			return "$"
		case m == "${":
			d.errorf(at, "`${` is not closed; write ${NAME}, or $$ for a dollar sign")
			return ""
		}
		name := m[2 : len(m)-1]
		if !envName.MatchString(name) {
			d.errorf(at, "`%s` is not a variable name; write ${NAME} with letters, digits and `_`, or $$ for a dollar sign", m)
			return ""
		}
		v, ok := d.lookup(name)
		if !ok {
			d.errorf(at, "environment variable %s is not set; set it, or write the value here", name)
			return ""
		}
		return v
	})
	return out, len(d.problems) > before
}

// field is one key of a mapping with its value.
type field struct {
	key   string
	keyAt pos
	value *node
	at    pos // the value's position, or the key's when the value is missing
}

// fields returns a mapping's fields by key, reporting unknown keys and keys given twice.
func (d *doc) fields(n *node, what string, known []string) map[string]field {
	out := map[string]field{}
	switch n.kind {
	case mappingKind:
	case nullKind:
		return out
	default:
		d.errorf(n.at, "%s must be a mapping of `key: value` lines, not %s", what, describe(n))
		return out
	}
	for _, e := range n.entries {
		f := field{key: e.key, keyAt: e.at, value: e.value, at: e.at}
		if e.value.kind != nullKind {
			f.at = e.value.at
		}
		if first, dup := out[e.key]; dup {
			d.errorf(e.at, "`%s` is given twice (first on line %d); keep one", e.key, first.keyAt.line)
			continue
		}
		if !slices.Contains(known, e.key) {
			d.errorf(e.at, "unknown field `%s` in %s; the fields are %s", e.key, what, list(known))
			continue
		}
		out[e.key] = f
	}
	return out
}

func (d *doc) list(f field) []*node {
	switch f.value.kind {
	case sequenceKind:
		return f.value.items
	case nullKind:
		return nil
	}
	d.errorf(d.start(f.value), "`%s` must be a list (lines starting with `- `), not %s", f.key, describe(f.value))
	return nil
}

func (d *doc) scalar(n *node, what string) (string, bool) {
	if n.bad {
		return "", false
	}
	if n.kind != scalarKind {
		d.errorf(n.at, "%s must be text, not %s", what, describe(n))
		return "", false
	}
	return n.text, true
}

// required returns a field's non-empty text.
func (d *doc) required(f field, example string) (string, bool) {
	if f.value.bad {
		return "", false
	}
	if f.value.kind == nullKind {
		d.errorf(f.at, "`%s` is empty; write for example `%s: %s`", f.key, f.key, example)
		return "", false
	}
	s, ok := d.scalar(f.value, "`"+f.key+"`")
	if ok && strings.TrimSpace(s) == "" {
		d.errorf(f.at, "`%s` is empty; write for example `%s: %s`", f.key, f.key, example)
		return "", false
	}
	return s, ok
}

func (d *doc) at(n *node) pos { return n.at }

// start is where a node begins: for a block mapping, its first key.
func (d *doc) start(n *node) pos {
	if n.kind == mappingKind && len(n.entries) > 0 {
		return n.entries[0].at
	}
	return n.at
}

// describe names a node for messages without quoting its text, which may hold a secret.
func describe(n *node) string {
	switch n.kind {
	case mappingKind:
		return "a mapping"
	case sequenceKind:
		return "a list"
	case nullKind:
		return "nothing"
	}
	return "text"
}
