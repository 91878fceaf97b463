package content

import (
	"fmt"

	"github.com/goccy/go-yaml/ast"
)

// node is a YAML value as the decoders see it: its kind, where it starts and its text. Two parsers
// make them: parseFast for the plain front matter nearly every file has, and goccy/go-yaml for
// everything else (converted by fromGoccy), so a file's problems read the same whichever parsed it.
type node struct {
	kind kind
	// line and col are 1-based in the parsed text; line is 0 when the parser gave no position.
	line, col int
	// text is a scalar's value as the author meant it; for other kinds, what messages quote.
	text    string
	boolean bool // a bool's value
	entries []entry
	items   []*node
}

type kind uint8

const (
	nullKind    kind = iota // nothing, `~` or `null`
	scalarKind              // text, a number, a time: decoders read them all as text
	boolKind                // true or false
	blockKind               // a block scalar (`|` or `>`); line and col are its indicator's
	mappingKind             // line and col are where goccy puts them: the first key's colon, or `{`
	sequenceKind
	aliasKind // `*name`, which decoders refuse
	otherKind // anything else goccy makes, quoted by its text
)

// entry is one key of a mapping.
type entry struct {
	key       string
	line, col int
	value     *node
}

// fromGoccy converts goccy/go-yaml's syntax tree, looking through tags and anchors to the values
// they mark.
func fromGoccy(n ast.Node) *node {
	n = unwrap(n)
	out := &node{}
	if n != nil {
		if tk := n.GetToken(); tk != nil && tk.Position != nil {
			out.line, out.col = tk.Position.Line, tk.Position.Column
		}
	}
	switch v := n.(type) {
	case nil, *ast.NullNode:
		out.kind = nullKind
	case *ast.MappingNode:
		out.kind = mappingKind
		for _, mv := range v.Values {
			out.entries = append(out.entries, goccyEntry(mv))
		}
	case *ast.MappingValueNode:
		// A mapping with a single entry may parse as its entry.
		out.kind = mappingKind
		out.entries = []entry{goccyEntry(v)}
	case *ast.SequenceNode:
		out.kind = sequenceKind
		for _, item := range v.Values {
			out.items = append(out.items, fromGoccy(item))
		}
	case *ast.AliasNode:
		out.kind, out.text = aliasKind, goccyText(v)
	case *ast.BoolNode:
		out.kind, out.text, out.boolean = boolKind, goccyText(v), v.Value
	case *ast.LiteralNode:
		out.kind, out.text = blockKind, goccyText(v)
	case ast.ScalarNode:
		out.kind, out.text = scalarKind, goccyText(v)
	default:
		out.kind, out.text = otherKind, goccyText(v)
	}
	return out
}

func goccyEntry(mv *ast.MappingValueNode) entry {
	e := entry{key: goccyText(mv.Key), value: fromGoccy(mv.Value)}
	if mv.Key != nil {
		if tk := mv.Key.GetToken(); tk != nil && tk.Position != nil {
			e.line, e.col = tk.Position.Line, tk.Position.Column
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
