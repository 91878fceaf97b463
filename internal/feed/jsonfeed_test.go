package feed_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	jsonfeed "github.com/mmcdole/gofeed/json"

	"statuspress/internal/testsupport/feedcheck"
)

func TestJSONFeedSchema(t *testing.T) {
	f := sample()
	feedcheck.ValidateJSONFeed(t, encode(t, "json", f))
	f.Items = nil
	feedcheck.ValidateJSONFeed(t, encode(t, "json", f))
}

// TestJSONFeedSchemaRejects shows the schema has teeth: documents that break the spec fail.
func TestJSONFeedSchemaRejects(t *testing.T) {
	good := encode(t, "json", sample())
	for name, edit := range map[string]func(map[string]any){
		"no version":       func(m map[string]any) { delete(m, "version") },
		"version 1":        func(m map[string]any) { m["version"] = "https://jsonfeed.org/version/1" },
		"no items":         func(m map[string]any) { delete(m, "items") },
		"item without id":  func(m map[string]any) { delete(item0(m), "id") },
		"numeric id":       func(m map[string]any) { item0(m)["id"] = 42 },
		"no content":       func(m map[string]any) { delete(item0(m), "content_html") },
		"bad date":         func(m map[string]any) { item0(m)["date_published"] = "6 Oct 2026" },
		"relative url":     func(m map[string]any) { item0(m)["url"] = "/nl/incidents/x/" },
		"misspelt field":   func(m map[string]any) { item0(m)["content-html"] = "<p>x</p>" },
		"empty author":     func(m map[string]any) { m["authors"] = []any{map[string]any{}} },
		"language as list": func(m map[string]any) { m["language"] = []any{"nl"} },
	} {
		t.Run(name, func(t *testing.T) {
			var m map[string]any
			if err := json.Unmarshal(good, &m); err != nil {
				t.Fatal(err)
			}
			edit(m)
			b, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			if feedcheck.CheckJSONFeed(t, b) == nil {
				t.Errorf("schema accepts a feed with %s:\n%s", name, b)
			}
		})
	}
	// Extensions are allowed anywhere.
	var m map[string]any
	_ = json.Unmarshal(good, &m)
	m["_statuspress"] = map[string]any{"about": "extension"}
	item0(m)["_x"] = 1
	b, _ := json.Marshal(m)
	feedcheck.ValidateJSONFeed(t, b)
}

func item0(m map[string]any) map[string]any { return m["items"].([]any)[0].(map[string]any) }

// TestJSONFeedDetails checks what the universal parser leaves out: the version, the authors and
// the language of an item that fell back to another.
func TestJSONFeedDetails(t *testing.T) {
	b := encode(t, "json", sample())
	got, err := (&jsonfeed.Parser{}).Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != "https://jsonfeed.org/version/1.1" {
		t.Errorf("version %q", got.Version)
	}
	if len(got.Authors) != 1 || got.Authors[0].Name != "Status & Co" || got.Authors[0].URL != "https://example.com/support" {
		t.Errorf("authors %+v", got.Authors)
	}
	if got.Items[0].Language != "" || got.Items[1].Language != "en" {
		t.Errorf("item languages %q and %q, want none and en", got.Items[0].Language, got.Items[1].Language)
	}
	if got.Items[1].Summary != "Short & plain" {
		t.Errorf("summary %q", got.Items[1].Summary)
	}
	// HTML is written as it is, not as \u003c escapes: the document never goes inside HTML.
	if !strings.Contains(string(b), `<p>We are looking into it.</p>`) {
		t.Errorf("HTML escaped in JSON:\n%s", b)
	}
	feedcheck.Read(t, b)
}
