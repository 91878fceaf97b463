package web

import (
	"bytes"
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestKeepHyphens(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"REST API", "REST API"},
		{"Fehler bei der REST-API", `Fehler bei der <span class="nobr">REST-API</span>`},
		{"Database-upgrade voor de REST-API", `<span class="nobr">Database-upgrade</span> voor de <span class="nobr">REST-API</span>`},
		{"e-mail & <sms>", `<span class="nobr">e-mail</span> &amp; &lt;sms&gt;`},
		{"- a list dash -", "- a list dash -"},
		{"09:00 - 10:00", "09:00 - 10:00"},
		// Too long to be sure to fit a phone: it may break at its hyphens.
		{"Zahlungsdienst-Fehlerbenachrichtigung", "Zahlungsdienst-Fehlerbenachrichtigung"},
		{"", ""},
	} {
		var b bytes.Buffer
		if err := keepHyphens(tc.in).Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tc.want, b.String()); diff != "" {
			t.Errorf("keepHyphens(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestKeepNumbers(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"November 23, 2026, 11:45 UTC", "November 23, 2026, 11:45\u00a0UTC"},
		{"23 novembre 2026 à 12:45 CET", "23\u00a0novembre 2026\u00a0à 12:45\u00a0CET"},
		{"4 heures et 20 minutes", "4\u00a0heures et 20\u00a0minutes"},
		{"December 5, 2026, 21:00 – December 6, 2026, 00:00 UTC", "December 5, 2026, 21:00\u00a0– December 6, 2026, 00:00\u00a0UTC"},
		{"less than a minute", "less than a minute"},
	} {
		if got := keepNumbers(tc.in); got != tc.want {
			t.Errorf("keepNumbers(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestContactLinks(t *testing.T) {
	for _, tc := range []struct {
		in   []Link
		want string
	}{
		{nil, ""},
		{[]Link{{Title: "a@b.example", URL: "mailto:a@b.example"}}, `<a href="mailto:a@b.example">a@b.example</a>`},
		{
			[]Link{{Title: "a@b.example", URL: "mailto:a@b.example"}, {Title: "b.example/help", URL: "https://b.example/help?x=1&y=2"}},
			`<span class="nobr"><a href="mailto:a@b.example">a@b.example</a> ·</span> <a href="https://b.example/help?x=1&amp;y=2">b.example/help</a>`,
		},
		{[]Link{{Title: "x", URL: "javascript:alert(1)"}}, `<a href="about:invalid#TemplFailedSanitizationURL">x</a>`},
	} {
		var b bytes.Buffer
		if err := contactLinks(tc.in).Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tc.want, b.String()); diff != "" {
			t.Errorf("contactLinks(%v) (-want +got):\n%s", tc.in, diff)
		}
	}
}
