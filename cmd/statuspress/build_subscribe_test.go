package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// TestBuildSubscribeURL: with --subscribe-url the static overviews carry the subscribe form,
// posting to the running server's page in their language; without it, no page has a form.
func TestBuildSubscribeURL(t *testing.T) {
	build := func(extra ...string) string {
		t.Helper()
		out := filepath.Join(t.TempDir(), "site")
		args := append([]string{"build", "--out", out, "--now", "2026-11-23T12:00:00Z", "--content", "../../incidents",
			"--base-url", "https://status.example.org", "--brotli-quality", "1"}, extra...)
		var stdout, stderr bytes.Buffer
		if code := run(args, nil, &stdout, &stderr); code != 0 {
			t.Fatalf("build exited %d:\n%s%s", code, stdout.String(), stderr.String())
		}
		return out
	}
	form := func(out, page string) *goquery.Selection {
		t.Helper()
		f, err := os.Open(filepath.Join(out, page))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		doc, err := goquery.NewDocumentFromReader(f)
		if err != nil {
			t.Fatal(err)
		}
		return doc.Find(`form[data-testid="subscribe-form"]`)
	}

	out := build("--subscribe-url", "https://subscribe.example.org/")
	for _, lang := range []string{"en", "nl", "fr", "de"} {
		f := form(out, lang+"/index.html")
		if got, want := f.AttrOr("action", ""), "https://subscribe.example.org/"+lang+"/subscribe/"; got != want || f.AttrOr("method", "") != "post" {
			t.Errorf("%s overview: form posts to %q, want %q", lang, got, want)
		}
		if f.Find(`input[name="token"]`).Length() != 0 {
			t.Errorf("%s overview: a static form with a token, which would expire unseen", lang)
		}
		if f.Find(`input[name="component"][checked]`).Length() == 0 {
			t.Errorf("%s overview: no components ticked", lang)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "en", "subscribe", "index.html")); err == nil {
		t.Error("the static site has a subscribe page, which needs a server")
	}
	if n := form(out, "en/incidents/rest-api-errors/index.html").Length(); n != 0 {
		t.Error("an incident page has the form")
	}

	plain := build()
	if n := form(plain, "en/index.html").Length(); n != 0 {
		t.Error("without --subscribe-url the overview has a form")
	}
}

func TestBuildSubscribeURLRefused(t *testing.T) {
	for _, u := range []string{
		"subscribe.example.org",
		"ftp://subscribe.example.org",
		"http://subscribe.example.org",
		"https://subscribe.example.org/statuspress/",
		"https://user:pass@subscribe.example.org",
		"https://subscribe.example.org/?x=1",
		"https://subscribe.example.org/#top",
		"https://",
		"javascript:alert(1)",
	} {
		var stdout, stderr bytes.Buffer
		code := run([]string{"build", "--out", t.TempDir(), "--subscribe-url", u}, nil, &stdout, &stderr)
		if code != 2 || !strings.Contains(stderr.String(), "--subscribe-url") || !strings.Contains(stderr.String(), "https://status.example.com") {
			t.Errorf("--subscribe-url %q: exit %d, want 2 and how to fix it in:\n%s", u, code, stderr.String())
		}
	}
	for _, u := range []string{"http://localhost:8080", "http://127.0.0.1:8080/", "https://subscribe.example.org"} {
		if _, err := checkSubscribeURL(u); err != nil {
			t.Errorf("--subscribe-url %q: %v", u, err)
		}
	}
}
