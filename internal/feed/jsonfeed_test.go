package feed_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
	"github.com/santhosh-tekuri/jsonschema/v6"

	jsonfeed "github.com/mmcdole/gofeed/json"
)

// jsonFeedSchema compiles testdata/jsonfeed-1.1.schema.json, written from the JSON Feed 1.1 spec,
// with format assertions on so dates and URLs are checked too.
func jsonFeedSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	const url = "https://statuspress.dev/schema/jsonfeed-1.1.schema.json"
	src, err := os.ReadFile("testdata/jsonfeed-1.1.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// validateJSONFeed fails t when b is not a JSON Feed 1.1 document by the schema.
func validateJSONFeed(t testing.TB, sch *jsonschema.Schema, b []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	if err := sch.Validate(v); err != nil {
		t.Errorf("not a JSON Feed 1.1 document: %v\n%s", err, b)
	}
}

func TestJSONFeedSchema(t *testing.T) {
	sch := jsonFeedSchema(t)
	f := sample()
	validateJSONFeed(t, sch, encode(t, "json", f))
	f.Items = nil
	validateJSONFeed(t, sch, encode(t, "json", f))
}

// TestJSONFeedSchemaRejects shows the schema has teeth: documents that break the spec fail.
func TestJSONFeedSchemaRejects(t *testing.T) {
	sch := jsonFeedSchema(t)
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
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(v); err == nil {
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
	validateJSONFeed(t, sch, b)
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
	if _, err := gofeed.NewParser().Parse(bytes.NewReader(b)); err != nil {
		t.Fatal(err)
	}
}
