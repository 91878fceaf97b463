package authoring

import (
	"strings"
	"testing"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

func TestScalar(t *testing.T) {
	tests := []struct{ in, want string }{
		{"SOAP API unavailable", "SOAP API unavailable"},
		{"Storing SOAP-API", "Storing SOAP-API"},
		{"L'API REST est lente", "L'API REST est lente"},
		{"Errors: REST API", "'Errors: REST API'"},
		{"Errors:REST", "Errors:REST"},
		{"Ends with a colon:", "'Ends with a colon:'"},
		{"Issue #42", "'Issue #42'"},
		{"C# SDK", "C# SDK"},
		{"#1 priority", "'#1 priority'"},
		{"- dash first", "'- dash first'"},
		{"-50% on invoices", "'-50% on invoices'"},
		{"? question", "'? question'"},
		{"[maintenance] DB", "'[maintenance] DB'"},
		{"{json} broken", "'{json} broken'"},
		{"*wildcard*", "'*wildcard*'"},
		{"&anchor", "'&anchor'"},
		{"!important", "'!important'"},
		{"|pipe", "'|pipe'"},
		{">folded", "'>folded'"},
		{"%directive", "'%directive'"},
		{"@mention", "'@mention'"},
		{"`code`", "'`code`'"},
		{`"Quoted" title`, `'"Quoted" title'`},
		{"'Single' quoted", `"'Single' quoted"`},
		{`It's "both"`, `It's "both"`},
		{`'It's' "both"`, `"'It's' \"both\""`},
		{`back\slash`, `back\slash`},
		{"true", "'true'"},
		{"yes", "'yes'"},
		{"Off", "'Off'"},
		{"Yesterday's outage", "Yesterday's outage"},
		{"null", "'null'"},
		{"~", "'~'"},
		{"404", "'404'"},
		{"1e3", "'1e3'"},
		{"1.5", "'1.5'"},
		{"404 errors on login", "404 errors on login"},
		{"0o17", "'0o17'"},
		{"0x1F", "'0x1F'"},
		{".inf", "'.inf'"},
		{"2026-11-23", "'2026-11-23'"},
		{"2026-11-23 outage", "'2026-11-23 outage'"},
		{"12:30", "'12:30'"},
		{" leading space", "' leading space'"},
		{"trailing space ", "'trailing space '"},
		{"tab\there", `"tab\there"`},
		{"line\nbreak", `"line\nbreak"`},
		{"bell\a", `"bell\x07"`},
		{"nel\u0085", `"nel\x85"`},
		{"ls\u2028", `"ls\u2028"`},
		{"", "''"},
		{"Störung — Größe", "Störung — Größe"},
	}
	for _, tt := range tests {
		got := Scalar(tt.in)
		if got != tt.want {
			t.Errorf("Scalar(%q) = %s, want %s", tt.in, got, tt.want)
		}
		if back, ok := readBack(t, "k: "+got+"\n"); !ok || back != tt.in {
			t.Errorf("Scalar(%q) = %s reads back as %q", tt.in, got, back)
		}
		// The same value must survive inside a flow mapping, as in `updates: [{...}]`.
		if back, ok := readBack(t, "k: {x: "+DoubleQuoted(tt.in)+"}\n"); !ok || back != tt.in {
			t.Errorf("DoubleQuoted(%q) in a flow mapping reads back as %q", tt.in, back)
		}
	}
}

// readBack parses src and returns the first scalar value it finds under `k`.
func readBack(t *testing.T, src string) (string, bool) {
	t.Helper()
	f, err := parser.ParseBytes([]byte(src), 0)
	if err != nil {
		t.Logf("%q: %v", src, err)
		return "", false
	}
	m, ok := asMapping(f.Docs[0].Body)
	if !ok {
		return "", false
	}
	v := m.Values[0].Value
	if inner, ok := asMapping(v); ok {
		v = inner.Values[0].Value
	}
	switch s := v.(type) {
	case *ast.StringNode:
		return s.Value, true
	case *ast.LiteralNode:
		return s.Value.Value, true
	}
	return "", false
}

func TestTextValue(t *testing.T) {
	tests := []struct {
		name, text string
		indent     int
		want       string
	}{
		{"one line", "We are looking into it.", 4, " We are looking into it."},
		{"one line quoted", "Status: investigating", 4, " 'Status: investigating'"},
		{"paragraphs", "First.\n\nSecond:\n- a\n\t- b", 4, " |\n      First.\n\n      Second:\n      - a\n      \t- b"},
		{"heading and comment look-alikes", "## Cause\n# not a comment\n---\n...", 2, " |\n    ## Cause\n    # not a comment\n    ---\n    ..."},
		{"indented first line", "    code\nafter", 4, ` "    code\nafter"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := textValue(tt.text, tt.indent, 2, "\n")
			if got != tt.want {
				t.Errorf("textValue = %q, want %q", got, tt.want)
			}
			src := "u:\n" + strings.Repeat(" ", tt.indent) + "text:" + got + "\n"
			f, err := parser.ParseBytes([]byte(src), 0)
			if err != nil {
				t.Fatalf("%v\n%s", err, src)
			}
			m, _ := asMapping(f.Docs[0].Body)
			inner, _ := asMapping(m.Values[0].Value)
			var back string
			switch v := inner.Values[0].Value.(type) {
			case *ast.StringNode:
				back = v.Value
			case *ast.LiteralNode:
				back = strings.TrimSuffix(v.Value.Value, "\n")
			}
			if back != tt.text {
				t.Errorf("reads back as %q, want %q", back, tt.text)
			}
		})
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\n\n  \nFirst\r\nSecond\r\n\r\n", "First\nSecond"},
		{"    code block\n", "    code block"},
		{"a\rb", "a\nb"},
		{" \n\t\n", ""},
	}
	for _, tt := range tests {
		if got := CleanText(tt.in); got != tt.want {
			t.Errorf("CleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzScalar checks that every string Scalar writes reads back as itself.
func FuzzScalar(f *testing.F) {
	for _, s := range []string{"a: b", "#x", "'", `"`, "true", "- x", "x\ty", "é", "1.5", "null", "[a]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if CheckText("s", s) != nil || strings.ContainsAny(s, "\r\n") {
			return
		}
		back, ok := readBack(t, "k: "+Scalar(s)+"\n")
		if !ok || back != s {
			t.Errorf("Scalar(%q) = %s reads back as %q", s, Scalar(s), back)
		}
	})
}
