package static

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestContrast holds the stylesheet to what its head promises, in light and in dark: every
// status colour at least 3:1 (WCAG's non-text contrast, for icons, bars and borders) on the
// page, on a surface and on the banner's tint of any status; text and muted text at least 4.5:1
// on all of them.
func TestContrast(t *testing.T) {
	css := string(Files[Path("style.css")].Body)
	light := cssVars(t, css[strings.Index(css, ":root {"):])
	dark := cssVars(t, css[strings.Index(css, "@media (prefers-color-scheme: dark)"):])
	statuses := []string{"ok", "degraded", "partial", "major", "maint"}
	for scheme, v := range map[string]map[string]string{"light": light, "dark": dark} {
		bgs := map[string]string{"bg": v["bg"], "surface": v["surface"]}
		for _, s := range statuses {
			bgs["tint of "+s] = mix(v[s], v["bg"], 0.12)
		}
		for name, bg := range bgs {
			for _, s := range statuses {
				if c := contrast(v[s], bg); c < 3 {
					t.Errorf("%s: --%s %s on %s %s: %.2f:1, want 3:1", scheme, s, v[s], name, bg, c)
				}
			}
			for _, s := range []string{"fg", "muted", "link"} {
				if c := contrast(v[s], bg); c < 4.5 {
					t.Errorf("%s: --%s %s on %s %s: %.2f:1, want 4.5:1", scheme, s, v[s], name, bg, c)
				}
			}
		}
	}
}

var cssVar = regexp.MustCompile(`--([a-z]+): (#[0-9a-f]{3,6})\b`)

// cssVars reads the colour variables of the first block in css.
func cssVars(t *testing.T, css string) map[string]string {
	t.Helper()
	block, _, _ := strings.Cut(css, "}")
	vars := map[string]string{}
	for _, m := range cssVar.FindAllStringSubmatch(block, -1) {
		vars[m[1]] = m[2]
	}
	for _, want := range []string{"bg", "surface", "fg", "muted", "link", "ok", "degraded", "partial", "major", "maint"} {
		if vars[want] == "" {
			t.Fatalf("no --%s in %q", want, block)
		}
	}
	return vars
}

// rgb is a colour's channels from 0 to 1.
func rgb(hex string) [3]float64 {
	h := strings.TrimPrefix(hex, "#")
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	var c [3]float64
	for i := range c {
		n, _ := strconv.ParseUint(h[2*i:2*i+2], 16, 8)
		c[i] = float64(n) / 255
	}
	return c
}

// mix is CSS's color-mix(in srgb, a p, b).
func mix(a, b string, p float64) string {
	ca, cb := rgb(a), rgb(b)
	out := "#"
	for i := range ca {
		out += strconv.FormatUint(uint64(math.Round((ca[i]*p+cb[i]*(1-p))*255))|0x100, 16)[1:]
	}
	return out
}

// contrast is WCAG 2's contrast ratio of two colours.
func contrast(a, b string) float64 {
	lum := func(hex string) float64 {
		c := rgb(hex)
		for i, v := range c {
			if v <= 0.04045 {
				c[i] = v / 12.92
			} else {
				c[i] = math.Pow((v+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}
