package config

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"statuspress/internal/yamlnode"
)

// The file is decoded by walking the tree of internal/yamlnode, as the content's site.yaml is, so
// that every problem is found in one run and keeps its line and column. ${NAME} is expanded in
// each value after parsing, so a variable's value is always text and can never add YAML.

type pos = yamlnode.Pos

type doc struct {
	file     string
	lookup   func(string) (string, bool)
	problems []error
	// bad holds the values that could not be made (a variable that is not set): that problem is
	// reported, and checks of the value stay quiet.
	bad map[*yamlnode.Node]bool
}

func (d *doc) errorf(at pos, format string, args ...any) {
	d.problems = append(d.problems, &Problem{File: d.file, Line: at.Line, Col: at.Col, Message: fmt.Sprintf(format, args...)})
}

func (d *doc) parse(src []byte) *yamlnode.Node {
	// Keys as written: a key that is not plain text is no field of the config.
	yd, err := yamlnode.Parse(src, yamlnode.Options{KeysAsWritten: true})
	if err, ok := err.(*yamlnode.SyntaxError); ok {
		d.errorf(err.At, "%s", err.Message)
		return nil
	}
	if yd.Root == nil {
		return nil
	}
	if yd.Many {
		d.errorf(yd.Second, "a second YAML document starts here; the notify config is one document")
	}
	d.expandAll(yd.Root)
	return yd.Root
}

// isText reports whether n is a scalar: text, a number, a boolean, a block.
func isText(n *yamlnode.Node) bool {
	switch n.Kind {
	case yamlnode.Scalar, yamlnode.Bool, yamlnode.Block:
		return true
	}
	return false
}

// expandAll expands the variables in every text of n, in the order they stand.
func (d *doc) expandAll(n *yamlnode.Node) {
	switch n.Kind {
	case yamlnode.Scalar, yamlnode.Block:
		var bad bool
		if n.Text, bad = d.expand(n.Text, yamlnode.At(n)); bad {
			if d.bad == nil {
				d.bad = map[*yamlnode.Node]bool{}
			}
			d.bad[n] = true
		}
	case yamlnode.Mapping:
		for _, e := range n.Entries {
			d.expandAll(e.Value)
		}
	case yamlnode.Sequence:
		for _, item := range n.Items {
			d.expandAll(item)
		}
	}
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
	value *yamlnode.Node
	at    pos // the value's position, or the key's when the value is missing
}

// fields returns a mapping's fields by key, reporting unknown keys and keys given twice.
func (d *doc) fields(n *yamlnode.Node, what string, known []string) map[string]field {
	out := map[string]field{}
	switch n.Kind {
	case yamlnode.Mapping:
	case yamlnode.Null:
		return out
	default:
		d.errorf(yamlnode.At(n), "%s must be a mapping of `key: value` lines, not %s", what, describe(n))
		return out
	}
	for _, e := range n.Entries {
		at := yamlnode.KeyAt(e)
		f := field{key: e.Key, keyAt: at, value: e.Value, at: at}
		if e.Value.Kind != yamlnode.Null {
			f.at = yamlnode.At(e.Value)
		}
		if first, dup := out[f.key]; dup {
			d.errorf(f.keyAt, "`%s` is given twice (first on line %d); keep one", f.key, first.keyAt.Line)
			continue
		}
		if !slices.Contains(known, f.key) {
			d.errorf(f.keyAt, "unknown field `%s` in %s; the fields are %s", f.key, what, list(known))
			continue
		}
		out[f.key] = f
	}
	return out
}

func (d *doc) list(f field) []*yamlnode.Node {
	switch f.value.Kind {
	case yamlnode.Sequence:
		return f.value.Items
	case yamlnode.Null:
		return nil
	}
	d.errorf(d.start(f.value), "`%s` must be a list (lines starting with `- `), not %s", f.key, describe(f.value))
	return nil
}

func (d *doc) scalar(n *yamlnode.Node, what string) (string, bool) {
	if d.bad[n] {
		return "", false
	}
	if !isText(n) {
		d.errorf(yamlnode.At(n), "%s must be text, not %s", what, describe(n))
		return "", false
	}
	return n.Text, true
}

// required returns a field's non-empty text.
func (d *doc) required(f field, example string) (string, bool) {
	if d.bad[f.value] {
		return "", false
	}
	if f.value.Kind == yamlnode.Null {
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

func (d *doc) at(n *yamlnode.Node) pos { return yamlnode.At(n) }

func (d *doc) start(n *yamlnode.Node) pos { return yamlnode.Start(n) }

// describe names a node for messages without quoting its text, which may hold a secret.
func describe(n *yamlnode.Node) string {
	return yamlnode.Describe(n, func(*yamlnode.Node) string { return "text" })
}
