package server_test

import (
	"strings"
	"testing"

	"statuspress/internal/locale"
)

// TestUptimeRuleNextToTheBars: the overview and a component page say, in every language and
// right after the bars, how statuses count towards uptime, so 100% for a degraded month is
// explained; a component without bars has no rule.
func TestUptimeRuleNextToTheBars(t *testing.T) {
	s := sample(t)
	cat := localeCatalog(t)
	for _, lang := range languages {
		l := cat.Localizer(lang, nil)
		want := l.TData(locale.UptimeRule, map[string]any{"Partial": l.WholePercent(30)})
		if !strings.Contains(want, "30") {
			t.Fatalf("%s: rule %q does not say 30", lang, want)
		}
		for _, page := range []struct{ path, after string }{
			{"/" + lang + "/", "section .group"},
			{"/" + lang + "/components/rest-api/", "section .uptime"},
		} {
			doc := parse(t, get(t, s, page.path).Body.Bytes())
			rule := doc.Find("main .uptime-rule")
			if rule.Length() != 1 || strings.TrimSpace(rule.Text()) != want {
				t.Errorf("%s: %d rules %q, want one %q", page.path, rule.Length(), rule.Text(), want)
				continue
			}
			// In the section of the bars, after them.
			if rule.Parent().Find(page.after).Length() == 0 || !rule.PrevAll().Is(page.after) {
				t.Errorf("%s: the rule is not right after %s", page.path, page.after)
			}
		}
		rec := get(t, s, "/"+lang+"/components/file-import/")
		if rec.Code != 200 {
			t.Fatalf("file-import: %d", rec.Code)
		}
		doc := parse(t, rec.Body.Bytes())
		if n := doc.Find(".uptime-rule").Length(); n != 0 {
			t.Errorf("%s: %d uptime rules on a component without bars", lang, n)
		}
	}
}
