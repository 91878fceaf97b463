package yamlnode

import (
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// Options says which of the guards and hints Parse adds to goccy/go-yaml's reading.
type Options struct {
	// MaxDepth, when above 0, refuses text nested more deeply before goccy reads it (TooDeepError):
	// goccy's time grows with the square of the depth.
	MaxDepth int
	// SwallowedKey points a syntax error at the key that a plain value above it swallowed, which
	// goccy reports lines above the mistake (see swallowedKey).
	SwallowedKey bool
	// KeysAsWritten reads a key that is not plain text as goccy prints it, tag and all (`null`,
	// `!!str name`), rather than as the text it stands for; no known field then matches it.
	KeysAsWritten bool
}

// Doc is what Parse read.
type Doc struct {
	// Root is the first document's value, nil when there is none.
	Root *Node
	// Second is where a second document starts, when Many is set.
	Second Pos
	Many   bool
}

// SyntaxError is a syntax error where it is, with a hint at the likely fix.
type SyntaxError struct {
	At      Pos
	Message string // "YAML syntax error: goccy's message; hint"
}

func (e *SyntaxError) Error() string { return e.Message }

// TooDeepError is where the text nests more than Options.MaxDepth deep.
type TooDeepError struct {
	At  Pos
	Max int
}

func (e *TooDeepError) Error() string {
	return fmt.Sprintf("the YAML is nested more than %d deep here; nest it less deeply", e.Max)
}

// Parse reads src with goccy/go-yaml and converts its first document. Its error is a
// *TooDeepError or a *SyntaxError, with positions in src.
func Parse(src []byte, opt Options) (Doc, error) {
	if opt.MaxDepth > 0 {
		if at, ok := tooDeep(src, opt.MaxDepth); ok {
			return Doc{}, &TooDeepError{At: at, Max: opt.MaxDepth}
		}
	}
	// Duplicate keys are for the decoders to report, with both lines.
	f, err := parser.ParseBytes(src, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		return Doc{}, syntaxError(err, src, opt.SwallowedKey)
	}
	var d Doc
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return d, nil
	}
	if len(f.Docs) > 1 {
		d.Many, d.Second = true, Pos{1, 1}
		// An empty second document (a `---` at the end) has no body, whose token its GetToken
		// would read: it starts at its `---`.
		var tk *token.Token
		if second := f.Docs[1]; second.Body != nil {
			tk = second.GetToken()
		} else {
			tk = second.Start
		}
		if tk != nil && tk.Position != nil {
			d.Second = Pos{tk.Position.Line, tk.Position.Column}
		}
	}
	d.Root = fromGoccy(f.Docs[0].Body, opt.KeysAsWritten)
	return d, nil
}

// tooDeep looks at src once for nesting past max, counted high rather than low: open `[` and `{`
// (wherever they are, even in text), and sequence entries (`- `) opened on one line. It returns
// where the limit is passed.
func tooDeep(src []byte, limit int) (Pos, bool) {
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
		if depth+dashes > limit {
			return Pos{line, col}, true
		}
	}
	return Pos{}, false
}

func syntaxError(err error, src []byte, swallowed bool) *SyntaxError {
	var se interface {
		GetToken() *token.Token
		GetMessage() string
	}
	at := Pos{1, 1}
	msg := err.Error()
	hint := "check indentation and quote values that contain `: ` or start with a special character"
	if errors.As(err, &se) {
		msg = se.GetMessage()
		if tk := se.GetToken(); tk != nil && tk.Position != nil {
			at = Pos{tk.Position.Line, tk.Position.Column}
			if key, p, ok := swallowedKey(tk); swallowed && ok {
				at = p
				hint = fmt.Sprintf("`%s:` is indented more than the line above, so YAML reads it as more of that line's value; indent it as the keys beside it", key)
			}
		}
	}
	if strings.Contains(string(src), "\t") {
		hint = "YAML does not allow tabs for indentation; indent with spaces"
	}
	return &SyntaxError{At: at, Message: fmt.Sprintf("YAML syntax error: %s; %s", msg, hint)}
}

// swallowedKey finds the key that a plain value swallowed. A key indented deeper than the one
// above it continues that key's value (`status: investigating` then `     text: ...` is the
// value "investigating text"), and the colon after it is then "not allowed": goccy reports that
// at the start of the value, lines above the mistake. The mistake is the key on the colon's line:
// swallowedKey returns it and where it starts, when tk is such a value.
func swallowedKey(tk *token.Token) (string, Pos, bool) {
	colon := tk.Next
	if tk.Type != token.StringType || colon == nil || colon.Type != token.MappingValueType || colon.Position == nil ||
		colon.Position.Line <= tk.Position.Line {
		return "", Pos{}, false
	}
	// The value's last line, from its first column: the swallowed key and its indentation.
	last := strings.TrimRight(tk.Origin[strings.LastIndexByte(tk.Origin, '\n')+1:], " ")
	key := strings.TrimLeft(last, " ")
	if key == "" || !strings.HasSuffix(tk.Value, key) {
		return "", Pos{}, false
	}
	return key, Pos{colon.Position.Line, len(last) - len(key) + 1}, true
}
