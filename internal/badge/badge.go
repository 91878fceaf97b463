// Package badge draws status badges: a shields-style SVG with a grey label on the left and a
// coloured message on the right ("Status | All systems operational"), and the same badge as a
// shields.io endpoint document (https://shields.io/badges/endpoint-badge), from which shields.io
// draws it in its own styles.
//
// Rendering is pure: text in, bytes out. The SVG reads as one image to assistive technology
// (role="img", an aria-label and a <title>, both "label: message"), names its language, and uses
// presentation attributes only, so a Content-Security-Policy without inline styles does not
// affect it. Text widths come from a table of Verdana's advances at 11 px (see Width); the
// textLength attribute then fits the drawn text to the box exactly, so a font with other metrics
// or a long German word never overflows.
//
// The colours are darker than shields.io's so white text on them keeps a contrast of at least
// 4.5:1 (WCAG 2.1 AA), which the tests check.
package badge

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"strings"

	"statuspress/internal/incident"
	"statuspress/internal/status"
)

// Color is a badge colour as six hex digits, without "#".
type Color string

// The colours of states. Each keeps white text at a contrast of 4.5:1 or more.
const (
	Green  Color = "1a7f37"
	Yellow Color = "8a6100"
	Orange Color = "b94a00"
	Red    Color = "c8202c"
	Blue   Color = "0866d4"
	Grey   Color = "5b636b"
	// LabelColor is the background of the label.
	LabelColor Color = "555555"
)

// Badge is what a badge says and how it looks.
type Badge struct {
	Label   string
	Message string
	Color   Color
	// Lang is the language of Label and Message, for screen readers; may be empty.
	Lang string
}

// ForComponent returns the colour of a component status.
func ForComponent(s incident.ComponentStatus) Color {
	switch s {
	case incident.Operational:
		return Green
	case incident.DegradedPerformance:
		return Yellow
	case incident.PartialOutage:
		return Orange
	case incident.MajorOutage:
		return Red
	case incident.UnderMaintenance:
		return Blue
	}
	return Grey
}

// ForIndicator returns the colour of a page indicator.
func ForIndicator(i status.Indicator) Color {
	switch i {
	case status.IndicatorNone:
		return Green
	case status.IndicatorMinor:
		return Yellow
	case status.IndicatorMajor:
		return Orange
	case status.IndicatorCritical:
		return Red
	case status.IndicatorMaintenance:
		return Blue
	}
	return Grey
}

// Geometry, in pixels.
const (
	height   = 20
	padding  = 6
	fontSize = 11
)

// SVG draws b.
func SVG(b Badge) []byte {
	lw, mw := Width(b.Label), Width(b.Message)
	labelBox := math.Round(lw) + 2*padding
	msgBox := math.Round(mw) + 2*padding
	if b.Label == "" {
		labelBox = 0
	}
	total := labelBox + msgBox
	text := b.Message
	if b.Label != "" {
		text = b.Label + ": " + b.Message
	}
	// Ids unique to the badge's content, so several badges inlined into one page do not share
	// their gradient and clip path by accident.
	sum := sha256.Sum256([]byte(b.Label + "\x00" + b.Message + "\x00" + string(b.Color)))
	id := hex.EncodeToString(sum[:4])
	color := validColor(b.Color)

	var s strings.Builder
	lang := ""
	if b.Lang != "" {
		lang = fmt.Sprintf(` xml:lang="%s"`, esc(b.Lang))
	}
	fmt.Fprintf(&s, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%d" viewBox="0 0 %s %d" role="img" aria-label="%s"%s>`,
		num(total), height, num(total), height, esc(text), lang)
	fmt.Fprintf(&s, "\n<title>%s</title>", esc(text))
	fmt.Fprintf(&s, "\n"+`<linearGradient id="s-%s" x2="0" y2="100%%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`, id)
	fmt.Fprintf(&s, "\n"+`<clipPath id="r-%s"><rect width="%s" height="%d" rx="3" fill="#fff"/></clipPath>`, id, num(total), height)
	fmt.Fprintf(&s, "\n"+`<g clip-path="url(#r-%s)">`, id)
	if labelBox > 0 {
		fmt.Fprintf(&s, `<rect width="%s" height="%d" fill="#%s"/>`, num(labelBox), height, LabelColor)
	}
	fmt.Fprintf(&s, `<rect x="%s" width="%s" height="%d" fill="#%s"/>`, num(labelBox), num(msgBox), height, color)
	fmt.Fprintf(&s, `<rect width="%s" height="%d" fill="url(#s-%s)"/></g>`, num(total), height, id)
	fmt.Fprintf(&s, "\n"+`<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="%d" text-rendering="geometricPrecision" aria-hidden="true">`, fontSize)
	if labelBox > 0 {
		writeText(&s, b.Label, labelBox/2, lw)
	}
	writeText(&s, b.Message, labelBox+msgBox/2, mw)
	s.WriteString("</g>\n</svg>\n")
	return []byte(s.String())
}

// writeText draws t centred on x, with a faint shadow below it as shields does.
func writeText(s *strings.Builder, t string, x, width float64) {
	fmt.Fprintf(s, "\n"+`<text x="%s" y="15" fill="#010101" fill-opacity=".3" textLength="%s" lengthAdjust="spacingAndGlyphs">%s</text>`, num(x), num(width), esc(t))
	fmt.Fprintf(s, "\n"+`<text x="%s" y="14" textLength="%s" lengthAdjust="spacingAndGlyphs">%s</text>`, num(x), num(width), esc(t))
}

// Endpoint is b as a shields.io endpoint document.
func Endpoint(b Badge) []byte {
	body, err := json.Marshal(endpoint{SchemaVersion: 1, Label: b.Label, Message: b.Message, Color: string(validColor(b.Color))})
	if err != nil {
		// Strings and an int always encode.
		panic(err)
	}
	return body
}

// endpoint is the shields.io endpoint schema (https://shields.io/badges/endpoint-badge): version
// 1, the two texts and the message's colour.
type endpoint struct {
	SchemaVersion int    `json:"schemaVersion"`
	Label         string `json:"label"`
	Message       string `json:"message"`
	Color         string `json:"color"`
}

// validColor keeps a colour of six hex digits and turns anything else grey, so nothing but a
// colour ever reaches the SVG.
func validColor(c Color) Color {
	if len(c) != 6 {
		return Grey
	}
	for _, r := range c {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return Grey
		}
	}
	return c
}

func esc(s string) string { return html.EscapeString(s) }

// num writes a length with at most one decimal.
func num(f float64) string {
	f = math.Round(f*10) / 10
	if f == math.Trunc(f) {
		return fmt.Sprintf("%d", int(f))
	}
	return fmt.Sprintf("%.1f", f)
}
