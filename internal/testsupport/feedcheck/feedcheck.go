// Package feedcheck reads what statuspress publishes for subscribers the way their programs do,
// for the tests of the packages that write it (feed), assemble it (site) and serve it (server):
// RSS, Atom and JSON feeds through gofeed's universal parser as feed readers read them, the
// maintenance calendar through go-ical as calendar applications read it, and JSON feeds against a
// JSON Schema of JSON Feed 1.1. Only tests import it.
package feedcheck

import (
	"bytes"
	_ "embed"
	"sync"
	"testing"

	ical "github.com/emersion/go-ical"
	"github.com/mmcdole/gofeed"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Read parses an RSS, Atom or JSON feed as a feed reader does, failing t when it cannot.
func Read(t testing.TB, b []byte) *gofeed.Feed {
	t.Helper()
	f, err := gofeed.NewParser().Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("gofeed: %v\n%s", err, b)
	}
	return f
}

// ReadCalendar parses an iCalendar document (RFC 5545) as a calendar application does, failing t
// when it cannot.
func ReadCalendar(t testing.TB, b []byte) *ical.Calendar {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(b)).Decode()
	if err != nil {
		t.Fatalf("go-ical: %v\n%s", err, b)
	}
	return cal
}

// jsonFeedSchema is a JSON Schema of JSON Feed 1.1, https://www.jsonfeed.org/version/1.1/,
// written from the spec's text: its description says how it reads the spec.
//
//go:embed jsonfeed-1.1.schema.json
var jsonFeedSchema []byte

const jsonFeedSchemaURL = "https://statuspress.dev/schema/jsonfeed-1.1.schema.json"

var compiled = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(jsonFeedSchema))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	// Format assertions on, so that dates and URLs are checked too.
	c.AssertFormat()
	if err := c.AddResource(jsonFeedSchemaURL, doc); err != nil {
		return nil, err
	}
	return c.Compile(jsonFeedSchemaURL)
})

// JSONFeedSchema is the JSON Schema of JSON Feed 1.1, compiled once.
func JSONFeedSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	sch, err := compiled()
	if err != nil {
		t.Fatalf("the JSON Feed schema: %v", err)
	}
	return sch
}

// ValidateJSONFeed fails t when b is not a JSON Feed 1.1 document by the schema.
func ValidateJSONFeed(t testing.TB, b []byte) {
	t.Helper()
	if err := CheckJSONFeed(t, b); err != nil {
		t.Errorf("not a JSON Feed 1.1 document: %v\n%s", err, b)
	}
}

// CheckJSONFeed is the schema's verdict on b: nil for a JSON Feed 1.1 document. It fails t only
// when b is no JSON at all.
func CheckJSONFeed(t testing.TB, b []byte) error {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	return JSONFeedSchema(t).Validate(v)
}
