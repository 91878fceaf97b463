package web

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"
)

var dump = flag.String("dump", "", "write every rendered sample page into this directory, to look at in a browser")

// render renders c and parses the result; name is the file -dump writes it to.
func render(t *testing.T, ctx context.Context, name string, c templ.Component) (*goquery.Document, string) {
	t.Helper()
	var buf bytes.Buffer
	if err := c.Render(ctx, &buf); err != nil {
		t.Fatalf("render %s: %v", name, err)
	}
	if *dump != "" {
		if err := os.WriteFile(filepath.Join(*dump, name+".html"), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	return doc, buf.String()
}
