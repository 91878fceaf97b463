package badge_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/badge"
	"statuspress/internal/incident"
	"statuspress/internal/status"
	"statuspress/internal/testsupport"
)

// german is a long badge: the widths must make room for it.
var german = badge.Badge{Label: "Öffnungs- und Klick-Tracking", Message: "Eingeschränkte Leistung", Color: badge.Yellow, Lang: "de"}

// TestGolden holds two drawn badges against testdata/*.svg. After an intended change, run
// go test ./internal/badge -update, and look at the files in a browser before committing them.
func TestGolden(t *testing.T) {
	for name, b := range map[string]badge.Badge{
		"status.en":          {Label: "Status", Message: "All systems operational", Color: badge.Green, Lang: "en"},
		"component.de.badge": german,
	} {
		t.Run(name, func(t *testing.T) {
			testsupport.Golden(t, filepath.Join("testdata", name+".svg"), badge.SVG(b))
		})
	}
}

// svgDoc is the part of a badge the tests read.
type svgDoc struct {
	XMLName   xml.Name `xml:"http://www.w3.org/2000/svg svg"`
	Width     string   `xml:"width,attr"`
	Role      string   `xml:"role,attr"`
	AriaLabel string   `xml:"aria-label,attr"`
	Lang      string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Title     string   `xml:"title"`
	Groups    []struct {
		Rects []struct {
			X     string `xml:"x,attr"`
			Width string `xml:"width,attr"`
			Fill  string `xml:"fill,attr"`
		} `xml:"rect"`
		Texts []struct {
			X          string `xml:"x,attr"`
			TextLength string `xml:"textLength,attr"`
			Text       string `xml:",chardata"`
		} `xml:"text"`
	} `xml:"g"`
}

// parseSVG parses a badge strictly as XML.
func parseSVG(t *testing.T, body []byte) svgDoc {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = true
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("badge is not well-formed XML: %v\n%s", err, body)
		}
	}
	var doc svgDoc
	if err := xml.Unmarshal(body, &doc); err != nil {
		t.Fatalf("parse badge: %v", err)
	}
	return doc
}

func TestSVG(t *testing.T) {
	for _, b := range []badge.Badge{
		german,
		{Label: "Status", Message: "Alle Systeme funktionieren", Color: badge.Green, Lang: "de"},
		{Label: `<b>"Tom & Jerry's"</b>`, Message: "]]> <!-- x -->", Color: badge.Red},
		{Label: "", Message: "only a message", Color: badge.Blue},
		{Label: "État des services", Message: "Panne critique", Color: "javascript:alert(1)"},
	} {
		t.Run(b.Label+"|"+b.Message, func(t *testing.T) {
			doc := parseSVG(t, badge.SVG(b))
			want := b.Message
			if b.Label != "" {
				want = b.Label + ": " + b.Message
			}
			if doc.Title != want || doc.AriaLabel != want {
				t.Errorf("title %q and aria-label %q, want both %q", doc.Title, doc.AriaLabel, want)
			}
			if doc.Role != "img" {
				t.Errorf("role %q, want img", doc.Role)
			}
			if doc.Lang != b.Lang {
				t.Errorf("xml:lang %q, want %q", doc.Lang, b.Lang)
			}
			var texts []string
			for _, g := range doc.Groups {
				for _, tx := range g.Texts {
					texts = append(texts, tx.Text)
				}
			}
			wantTexts := []string{b.Label, b.Label, b.Message, b.Message}
			if b.Label == "" {
				wantTexts = wantTexts[2:]
			}
			if diff := cmp.Diff(wantTexts, texts); diff != "" {
				t.Errorf("drawn texts (shadow and text of each part) (-want +got):\n%s", diff)
			}
			// The boxes add up to the badge's width, and each is wider than its text.
			total, _ := strconv.ParseFloat(doc.Width, 64)
			var boxes float64
			for _, r := range doc.Groups[0].Rects[:len(doc.Groups[0].Rects)-1] {
				w, _ := strconv.ParseFloat(r.Width, 64)
				boxes += w
				if !strings.HasPrefix(r.Fill, "#") || len(r.Fill) != 7 {
					t.Errorf("fill %q is not a hex colour", r.Fill)
				}
			}
			if math.Abs(boxes-total) > 0.05 {
				t.Errorf("boxes are %v wide in all, the badge %v", boxes, total)
			}
			need := badge.Width(b.Message) + 12
			if b.Label != "" {
				need += badge.Width(b.Label) + 12
			}
			if total < need-1 {
				t.Errorf("badge %v wide: too narrow for its text", total)
			}
		})
	}
}

func TestWidth(t *testing.T) {
	if w := badge.Width(""); w != 0 {
		t.Errorf("Width(\"\") = %v", w)
	}
	// Verdana 11 px: "Status" is about 37 px wide.
	if w := badge.Width("Status"); w < 33 || w > 41 {
		t.Errorf("Width(Status) = %v, want about 37", w)
	}
	same := [][2]string{{"Störung", "Storung"}, {"État", "Etat"}, {"Leistung", "Leistung"}, {"e\u0301", "é"}}
	for _, p := range same {
		if a, b := badge.Width(p[0]), badge.Width(p[1]); a != b {
			t.Errorf("Width(%q) = %v, Width(%q) = %v; an accent must not change the width", p[0], a, p[1], b)
		}
	}
	if badge.Width("WWW") <= badge.Width("iii") {
		t.Error("W is not wider than i")
	}
	if a, b := badge.Width("Eingeschränkte Leistung"), badge.Width("Degraded performance"); a <= b {
		t.Errorf("the German %v is not wider than the English %v", a, b)
	}
	if w := badge.Width("状态"); w != 22 {
		t.Errorf("Width(状态) = %v, want two full ems (22)", w)
	}
}

func TestEndpoint(t *testing.T) {
	var got map[string]any
	if err := json.Unmarshal(badge.Endpoint(german), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"schemaVersion": 1.0, "label": german.Label, "message": german.Message, "color": string(badge.Yellow)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("endpoint JSON (-want +got):\n%s", diff)
	}
}

// TestColors: every state has its own colour, and white text on each keeps the contrast WCAG 2.1
// AA asks of normal text (4.5:1).
func TestColors(t *testing.T) {
	seen := map[badge.Color]string{}
	for _, s := range incident.ComponentStatuses {
		c := badge.ForComponent(s)
		if other, ok := seen[c]; ok {
			t.Errorf("%s and %s share colour %s", s, other, c)
		}
		seen[c] = string(s)
	}
	for _, i := range status.Indicators {
		if badge.ForIndicator(i) == badge.Grey {
			t.Errorf("indicator %s has no colour", i)
		}
	}
	for _, c := range []badge.Color{badge.Green, badge.Yellow, badge.Orange, badge.Red, badge.Blue, badge.Grey, badge.LabelColor} {
		if r := contrast(c, "ffffff"); r < 4.5 {
			t.Errorf("white on #%s has contrast %.2f:1, want at least 4.5:1", c, r)
		}
	}
}

// contrast is the WCAG 2.1 contrast ratio of two colours.
func contrast(a, b badge.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c badge.Color) float64 {
	var l [3]float64
	for i := range 3 {
		v, _ := strconv.ParseUint(string(c[2*i:2*i+2]), 16, 8)
		s := float64(v) / 255
		if s <= 0.03928 {
			l[i] = s / 12.92
		} else {
			l[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
}
