package server_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/badge"
	"statuspress/internal/locale"
)

// svgBadge is what the tests read of a badge.
type svgBadge struct {
	XMLName   xml.Name `xml:"http://www.w3.org/2000/svg svg"`
	Role      string   `xml:"role,attr"`
	AriaLabel string   `xml:"aria-label,attr"`
	Lang      string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Title     string   `xml:"title"`
}

func getBadge(t *testing.T, path string) svgBadge {
	t.Helper()
	rec := get(t, sample(t), path)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s: status %d", path, rec.Code)
	}
	h := rec.Header()
	if got := h.Get("Content-Type"); got != "image/svg+xml" {
		t.Errorf("GET %s: Content-Type %q, want image/svg+xml", path, got)
	}
	if h.Get("ETag") == "" || h.Get("Cache-Control") == "" || h.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("GET %s: ETag %q, Cache-Control %q, Access-Control-Allow-Origin %q", path, h.Get("ETag"), h.Get("Cache-Control"), h.Get("Access-Control-Allow-Origin"))
	}
	body := rec.Body.Bytes()
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = true
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("GET %s is not well-formed XML: %v", path, err)
		}
	}
	var b svgBadge
	if err := xml.Unmarshal(body, &b); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	if b.Role != "img" || b.Title == "" || b.AriaLabel != b.Title {
		t.Errorf("GET %s: role %q, title %q, aria-label %q; want an image named by both", path, b.Role, b.Title, b.AriaLabel)
	}
	return b
}

func TestBadgeSVG(t *testing.T) {
	l := func(lang string) *locale.Localizer { return localeCatalog(t).Localizer(lang, nil) }
	for _, tc := range []struct{ path, lang, title string }{
		{"/badge.svg", "en", "Status: Minor service disruption"},
		{"/badge.svg?lang=de", "de", l("de").T(locale.LabelStatus) + ": " + l("de").T(locale.StateMinor)},
		{"/components/rest-api/badge.svg", "en", "REST API: Degraded performance"},
		{"/components/rest-api/badge.svg?lang=fr", "fr", "API REST: " + l("fr").T(locale.ComponentDegradedPerformance)},
		{"/components/apis/badge.svg?lang=nl", "nl", "API's en koppelingen: " + l("nl").T(locale.ComponentDegradedPerformance)},
		{"/components/tracking/badge.svg?lang=de", "de", "Öffnungs- und Klick-Tracking: " + l("de").T(locale.ComponentOperational)},
	} {
		t.Run(tc.path, func(t *testing.T) {
			b := getBadge(t, tc.path)
			if b.Title != tc.title || b.Lang != tc.lang {
				t.Errorf("title %q in %q, want %q in %q", b.Title, b.Lang, tc.title, tc.lang)
			}
		})
	}
}

func TestBadgeJSON(t *testing.T) {
	s := sample(t)
	for _, tc := range []struct {
		path string
		want map[string]any
	}{
		{"/badge.json", map[string]any{"schemaVersion": 1.0, "label": "Status", "message": "Minor service disruption", "color": string(badge.Yellow)}},
		{"/components/soap-api/badge.json", map[string]any{"schemaVersion": 1.0, "label": "SOAP API", "message": "Operational", "color": string(badge.Green)}},
	} {
		rec := get(t, s, tc.path)
		if rec.Code != http.StatusOK || rec.Header().Get("Access-Control-Allow-Origin") != "*" {
			t.Fatalf("GET %s: %d %v", tc.path, rec.Code, rec.Header())
		}
		var got map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("GET %s (-want +got):\n%s", tc.path, diff)
		}
	}
}

func TestBadgeErrors(t *testing.T) {
	s := sample(t)
	for path, code := range map[string]int{
		"/components/nope/badge.svg":  http.StatusNotFound,
		"/components/nope/badge.json": http.StatusNotFound,
		"/badge.svg?lang=xx":          http.StatusBadRequest,
	} {
		if rec := get(t, s, path); rec.Code != code {
			t.Errorf("GET %s: %d, want %d", path, rec.Code, code)
		}
	}
}
