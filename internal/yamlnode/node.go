// Package yamlnode reads YAML into a small tree that keeps where every value and key starts, for
// the decoders that walk it and report each problem at its line and column: the content's front
// matter and site.yaml, and the notify config. It converts goccy/go-yaml's syntax tree (FromGoccy),
// guards against nesting that would make goccy slow, and says where and why a syntax error is.
// What a problem message says about a value stays with each decoder: the notify config must never
// quote one, since it may be a secret.
package yamlnode

import (
	"fmt"

	"github.com/goccy/go-yaml/ast"
)

// Node is a YAML value as the decoders see it: its kind, where it starts and its text. The
// content's fast parser makes them too, for the plain front matter nearly every file has, so a
// file's problems read the same whichever parsed it.
type Node struct {
	Kind Kind
	// Line and Col are 1-based in the parsed text; Line is 0 when the parser gave no position.
	Line, Col int
	// Text is a scalar's value as the author meant it; for other kinds, what messages quote.
	Text    string
	Boolean bool // a Bool's value
	Entries []Entry
	Items   []*Node
}

// Kind is what a Node holds.
type Kind uint8

const (
	Null    Kind = iota // nothing, `~` or `null`
	Scalar              // text, a number, a time: decoders read them all as text
	Bool                // true or false
	Block               // a block scalar (`|` or `>`); Line and Col are its indicator's
	Mapping             // Line and Col are where goccy puts them: the first key's colon, or `{`
	Sequence
	Alias // `*name`, which decoders refuse
	Other // anything else goccy makes, quoted by its text
)

// Entry is one key of a mapping.
type Entry struct {
	Key       string
	Line, Col int
	Value     *Node
}

// Pos is a 1-based line and column.
type Pos struct{ Line, Col int }

// At is where n starts, or line 1, column 1 when n is nil or has no position.
func At(n *Node) Pos {
	if n == nil || n.Line == 0 {
		return Pos{1, 1}
	}
	return Pos{n.Line, n.Col}
}

// KeyAt is where e's key starts, or line 1, column 1 when it has no position.
func KeyAt(e Entry) Pos {
	if e.Line == 0 {
		return Pos{1, 1}
	}
	return Pos{e.Line, e.Col}
}

// Start is where a node begins: for a block mapping, its first key.
func Start(n *Node) Pos {
	if n != nil && n.Kind == Mapping && len(n.Entries) > 0 {
		return KeyAt(n.Entries[0])
	}
	return At(n)
}

// FromGoccy converts goccy/go-yaml's syntax tree, looking through tags and anchors to the values
// they mark.
func FromGoccy(n ast.Node) *Node { return fromGoccy(n, false) }

// fromGoccy is FromGoccy; keysAsWritten is Options.KeysAsWritten.
func fromGoccy(n ast.Node, keysAsWritten bool) *Node {
	n = unwrap(n)
	out := &Node{}
	if n != nil {
		if tk := n.GetToken(); tk != nil && tk.Position != nil {
			out.Line, out.Col = tk.Position.Line, tk.Position.Column
		}
	}
	switch v := n.(type) {
	case nil, *ast.NullNode:
		out.Kind = Null
	case *ast.MappingNode:
		out.Kind = Mapping
		for _, mv := range v.Values {
			out.Entries = append(out.Entries, goccyEntry(mv, keysAsWritten))
		}
	case *ast.MappingValueNode:
		// A mapping with a single entry may parse as its entry.
		out.Kind = Mapping
		out.Entries = []Entry{goccyEntry(v, keysAsWritten)}
	case *ast.SequenceNode:
		out.Kind = Sequence
		for _, item := range v.Values {
			out.Items = append(out.Items, fromGoccy(item, keysAsWritten))
		}
	case *ast.AliasNode:
		out.Kind, out.Text = Alias, goccyText(v)
	case *ast.BoolNode:
		out.Kind, out.Text, out.Boolean = Bool, goccyText(v), v.Value
	case *ast.LiteralNode:
		out.Kind, out.Text = Block, goccyText(v)
	case ast.ScalarNode:
		out.Kind, out.Text = Scalar, goccyText(v)
	default:
		out.Kind, out.Text = Other, goccyText(v)
	}
	return out
}

func goccyEntry(mv *ast.MappingValueNode, keysAsWritten bool) Entry {
	e := Entry{Key: goccyText(mv.Key), Value: fromGoccy(mv.Value, keysAsWritten)}
	if _, plain := mv.Key.(*ast.StringNode); keysAsWritten && !plain && mv.Key != nil {
		e.Key = mv.Key.String()
	}
	if mv.Key != nil {
		if tk := mv.Key.GetToken(); tk != nil && tk.Position != nil {
			e.Line, e.Col = tk.Position.Line, tk.Position.Column
		}
	}
	return e
}

// unwrap looks through tags and anchors to the value they mark.
func unwrap(n ast.Node) ast.Node {
	for {
		switch v := n.(type) {
		case *ast.TagNode:
			n = v.Value
		case *ast.AnchorNode:
			n = v.Value
		default:
			return n
		}
	}
}

// goccyText is the text of a scalar node as the author meant it.
func goccyText(n ast.Node) string {
	switch v := unwrap(n).(type) {
	case nil, *ast.NullNode:
		return ""
	case *ast.StringNode:
		return v.Value
	case *ast.LiteralNode:
		return v.Value.Value
	case ast.ScalarNode:
		if tk := v.GetToken(); tk != nil {
			return tk.Value
		}
		return fmt.Sprint(v.GetValue())
	default:
		return n.String()
	}
}

// Describe names n for messages: "a mapping", "a list" or "nothing", and a value of any other
// kind as scalar says. What that may quote is for each decoder to say: a value may be a secret.
func Describe(n *Node, scalar func(*Node) string) string {
	switch n.Kind {
	case Mapping:
		return "a mapping"
	case Sequence:
		return "a list"
	case Null:
		return "nothing"
	}
	return scalar(n)
}
