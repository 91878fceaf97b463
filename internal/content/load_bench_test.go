package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// synthetic makes a content directory of n incidents, each with three updates and a postmortem
// of a few hundred words; every fifth has a Dutch translation.
func synthetic(n int) fstest.MapFS {
	fsys := fstest.MapFS{"site.yaml": {Data: []byte(siteYAML)}}
	para := strings.Repeat("The queue backed up while the database failed over, and requests timed out. ", 8)
	body := "## Summary\n\n" + para + "\n\n## Root cause\n\n" + para + "\n\n- one step\n- [a link](https://example.com)\n- `code`\n\n## Measures\n\n" + para + "\n"
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		t0 := start.Add(time.Duration(i) * 17 * time.Hour)
		at := func(h int) string { return t0.Add(time.Duration(h) * time.Hour).Format(time.RFC3339) }
		fm := fmt.Sprintf(`---
title: Incident number %d
impact: minor
components: {soap-api: partial_outage, web-app: degraded_performance}
started: %s
resolved: %s
updates:
  - {at: %s, status: investigating, text: "We are **looking** into errors."}
  - at: %s
    status: identified
    text: |
      The cause is known; a fix is being deployed.
    components: {soap-api: degraded_performance}
  - {at: %s, status: resolved, text: All requests succeed again.}
---
`, i, at(0), at(3), at(0), at(1), at(3))
		dir := fmt.Sprintf("%d/%02d", t0.Year(), t0.Month())
		fsys[fmt.Sprintf("%s/incident-%d.md", dir, i)] = &fstest.MapFile{Data: []byte(fm + body)}
		if i%5 == 0 {
			tr := fmt.Sprintf("---\ntitle: Storing %d\nupdates:\n  - {at: %s, text: We kijken ernaar.}\n---\n%s", i, at(0), body)
			fsys[fmt.Sprintf("%s/incident-%d.nl.md", dir, i)] = &fstest.MapFile{Data: []byte(tr)}
		}
	}
	return fsys
}

func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{100, 1000} {
		fsys := synthetic(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				cat := Load(fsys, Options{})
				if len(cat.Incidents) != n || cat.Problems.Errors() > 0 {
					b.Fatalf("loaded %d of %d incidents:\n%s", len(cat.Incidents), n, cat.Problems)
				}
			}
		})
	}
}
