package yamlnode

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParse pins what each option adds to goccy/go-yaml's reading: the decoders' messages and
// positions rest on it.
func TestParse(t *testing.T) {
	swallowed := "a:\n  b: investigating\n     text: x\n"
	for _, tc := range []struct {
		name string
		src  string
		opt  Options
		want string // the first key and its position, the second document's, or the error
	}{
		{"plain", "title: x\n", Options{}, "title 1:1"},
		{"tagged key", "!!str title: x\n", Options{}, "title 1:1"},
		{"tagged key as written", "!!str title: x\n", Options{KeysAsWritten: true}, "!!str title 1:1"},
		{"null key", "~: x\n", Options{}, " 1:1"},
		{"null key as written", "~: x\n", Options{KeysAsWritten: true}, "null 1:1"},
		{"second document", "a: b\n---\nc: d\n", Options{}, "a 1:1, second at 3:2"},
		{"empty second document", "a: b\n---\n", Options{}, "a 1:1, second at 2:1"},
		{"syntax error", swallowed, Options{}, "2:6: YAML syntax error: mapping value is not allowed in this context; check indentation and quote values that contain `: ` or start with a special character"},
		{"swallowed key", swallowed, Options{SwallowedKey: true}, "3:6: YAML syntax error: mapping value is not allowed in this context; `text:` is indented more than the line above, so YAML reads it as more of that line's value; indent it as the keys beside it"},
		{"tab", "a:\n\tb: c\n", Options{}, "2:1: YAML syntax error: found character '\t' that cannot start any token; YAML does not allow tabs for indentation; indent with spaces"},
		{"deep, no limit", strings.Repeat("[", 5) + strings.Repeat("]", 5) + "\n", Options{}, "no mapping"},
		{"deep", "a:\n  b: " + strings.Repeat("[", 5) + "\n", Options{MaxDepth: 4}, "2:10: the YAML is nested more than 4 deep here; nest it less deeply"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, parsed(tc.src, tc.opt)); diff != "" {
				t.Errorf("Parse(%q) (-want +got):\n%s", tc.src, diff)
			}
		})
	}
}

func parsed(src string, opt Options) string {
	d, err := Parse([]byte(src), opt)
	switch e := err.(type) {
	case *SyntaxError:
		return fmtPos(e.At) + ": " + e.Message
	case *TooDeepError:
		return fmtPos(e.At) + ": " + e.Error()
	case nil:
	default:
		return err.Error()
	}
	if d.Root == nil || d.Root.Kind != Mapping {
		return "no mapping"
	}
	e := d.Root.Entries[0]
	out := e.Key + " " + fmtPos(KeyAt(e))
	if d.Many {
		out += ", second at " + fmtPos(d.Second)
	}
	return out
}

func fmtPos(p Pos) string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }
