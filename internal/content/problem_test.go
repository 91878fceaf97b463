package content

import "testing"

func TestPrintable(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"plain `text`, é and 日本", "plain `text`, é and 日本"},
		{"\x1b[31mred", `\x1b[31mred`},
		{"bell\a tab\t line\nend\r", `bell\a tab\t line\nend\r`},
		{"c1 \u009b and del \x7f", `c1 \u009b and del \x7f`},
		{"bidi \u202eevil\u202c \u2066x\u2069 \u200f", `bidi \u202eevil\u202c \u2066x\u2069 \u200f`},
		{"bad \xff byte", `bad \xff byte`},
	} {
		if got := Printable(tt.in); got != tt.want {
			t.Errorf("Printable(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	p := Problem{Path: "a\x1b.md", Line: 2, Col: 3, Message: "unknown kind `\x1b]0;t\a`"}
	if got, want := p.String(), "a\\x1b.md:2:3: error: unknown kind `\\x1b]0;t\\a`"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
