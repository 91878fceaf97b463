package synthetic

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"statuspress/internal/content"
	"statuspress/internal/incident"
)

var testNow = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

func generate(t testing.TB, n int, seed uint64) (string, Stats) {
	t.Helper()
	dir := t.TempDir()
	st, err := Generate(Config{N: n, Seed: seed, Now: testNow, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	return dir, st
}

// tree reads every file under dir, by slash path.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDeterministic(t *testing.T) {
	a, _ := generate(t, 200, 42)
	b, _ := generate(t, 200, 42)
	ta, tb := tree(t, a), tree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("same seed: %d files, then %d", len(ta), len(tb))
	}
	for p, data := range ta {
		other, ok := tb[p]
		if !ok {
			t.Fatalf("same seed: %s only in the first run", p)
		}
		if !bytes.Equal(data, other) {
			t.Fatalf("same seed: %s differs between runs", p)
		}
	}

	c, _ := generate(t, 200, 43)
	tc := tree(t, c)
	same := 0
	for p, data := range tc {
		if p != "site.yaml" && bytes.Equal(ta[p], data) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("seeds 42 and 43 wrote %d identical incident files; a different seed should give different content", same)
	}
	if !bytes.Equal(ta["site.yaml"], tc["site.yaml"]) {
		t.Errorf("site.yaml should not depend on the seed")
	}
}

// TestCorpusBytes pins what a seed writes. The benchmarks reuse a corpus generated earlier into
// testoutput/synthetic/, found by its size, seed and end, so a change to what the generator
// writes would go unseen there and make figures of two runs incomparable. A deliberate change
// updates the sum here and says so (remove testoutput/synthetic/ to generate the corpora anew).
func TestCorpusBytes(t *testing.T) {
	dir, _ := generate(t, 300, CorpusSeed)
	files := tree(t, dir)
	h := sha256.New()
	for _, p := range slices.Sorted(maps.Keys(files)) {
		h.Write([]byte(p + "\x00"))
		h.Write(files[p])
		h.Write([]byte{0})
	}
	const want = "f37879afa1f82751eba269e414b4da843fe15cd48bebdeaf77f95f26e54ea845"
	if got := hex.EncodeToString(h.Sum(nil)); got != want {
		t.Errorf("300 items of seed %d hash to %s, want %s: the generator writes other bytes than before", CorpusSeed, got, want)
	}
}

func TestLintClean(t *testing.T) {
	for _, n := range []int{0, 1, 7, 300} {
		dir, st := generate(t, n, uint64(n)+5)
		cat := content.Load(os.DirFS(dir), content.Options{})
		if len(cat.Problems) > 0 {
			t.Fatalf("n=%d: the output has problems:\n%s", n, cat.Problems)
		}
		if len(cat.Incidents) != n {
			t.Errorf("n=%d: loaded %d items", n, len(cat.Incidents))
		}
		if cat.Files != st.Files {
			t.Errorf("n=%d: the loader read %d files, Generate reports %d", n, cat.Files, st.Files)
		}
	}
}

// body is a Markdown file's text after its front matter.
func body(t *testing.T, path string) string {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.SplitN(string(src), "\n---\n", 2)
	if len(parts) != 2 || !strings.HasPrefix(parts[0], "---\n") {
		t.Fatalf("%s: no front matter", path)
	}
	return parts[1]
}

func words(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

func TestCounts(t *testing.T) {
	const n = 1000
	dir, st := generate(t, n, 42)
	cat := content.Load(os.DirFS(dir), content.Options{})
	if len(cat.Problems) > 0 {
		t.Fatalf("problems:\n%s", cat.Problems)
	}
	if len(cat.Incidents) != n {
		t.Fatalf("loaded %d items, want %d", len(cat.Incidents), n)
	}

	// The site: 12 components in groups, four languages with their zones.
	site := cat.Site
	if len(site.Components) != 12 || len(site.Groups) < 3 || len(site.Languages) != 4 {
		t.Errorf("site: %d components, %d groups, languages %v", len(site.Components), len(site.Groups), site.Languages)
	}
	for _, c := range site.Components {
		if c.Group == "" {
			t.Errorf("component %s has no group", c.ID)
		}
		for _, l := range site.Languages {
			if c.Name[l] == "" || c.Description[l] == "" {
				t.Errorf("component %s lacks a name or description in %s", c.ID, l)
			}
		}
	}
	for _, l := range []string{"nl", "fr", "de"} {
		if site.Location(l) == time.UTC {
			t.Errorf("no time zone for %s", l)
		}
	}

	kinds := map[incident.Kind]int{}
	origLang := map[string]int{}
	var translated, machine, ongoing, upcoming, flowDirs int
	folder := regexp.MustCompile(`^\d{4}/\d{2}/[a-z0-9-]+\.md$`)
	from := testNow.AddDate(-3, 0, 0)
	var lengths []int
	for _, in := range cat.Incidents {
		kinds[in.Kind]++
		origLang[in.Lang]++
		if !folder.MatchString(in.Source) {
			t.Errorf("%s is not in a YYYY/MM/ folder", in.Source)
		} else {
			flowDirs++
		}
		switch len(in.Texts) {
		case 1:
		case 4:
			translated++
		default:
			t.Errorf("%s has %d languages; want 1, or 4 when translated", in.Slug, len(in.Texts))
		}
		for _, tx := range in.Texts {
			if tx.Machine {
				machine++
			}
		}
		when := in.Started
		if in.Kind == incident.KindMaintenance {
			when = in.Scheduled.Start
		}
		if when.Before(from) {
			t.Errorf("%s starts %s, more than three years before now", in.Slug, when)
		}
		switch in.Kind {
		case incident.KindIncident:
			if in.Started.After(testNow) {
				t.Errorf("%s starts after now", in.Slug)
			}
			if u := len(in.Updates); u < 2 || u > 6 {
				t.Errorf("%s has %d updates, want 2–6", in.Slug, u)
			}
			for _, u := range in.Updates {
				if u.At.After(testNow) {
					t.Errorf("%s has an update after now", in.Slug)
				}
			}
			if !in.IsResolved() {
				ongoing++
				if s := in.State(testNow); s == incident.StatusResolved {
					t.Errorf("ongoing %s is in state %s", in.Slug, s)
				}
				continue
			}
			if s := in.State(testNow); s != incident.StatusResolved {
				t.Errorf("%s has resolved set but is in state %s", in.Slug, s)
			}
			// A postmortem of 300–600 words in every language it is written in.
			for _, l := range in.Languages() {
				w := words(body(t, filepath.Join(dir, in.Texts[l].Source)))
				lengths = append(lengths, w)
				if w < minWords || w > maxWords {
					t.Errorf("%s: the postmortem has %d words, want %d–%d", in.Texts[l].Source, w, minWords, maxWords)
				}
			}
			if b := in.Original().Body; !strings.Contains(b, "<h2") || !strings.Contains(b, "<li>") ||
				!strings.Contains(b, "<a href=") || !strings.Contains(b, "<code") {
				t.Errorf("%s: the postmortem lacks headings, a list, a link or code", in.Slug)
			}
		case incident.KindMaintenance:
			if in.Scheduled.Start.After(testNow) {
				upcoming++
				if in.IsResolved() {
					t.Errorf("upcoming %s is resolved", in.Slug)
				}
			} else if s := in.State(testNow); s != incident.StatusCompleted {
				t.Errorf("past maintenance %s is %s", in.Slug, s)
			}
		case incident.KindNotice:
			if len(in.Updates) > 0 || in.IsResolved() {
				t.Errorf("notice %s has updates or a resolution", in.Slug)
			}
		}
	}
	t.Logf("kinds %v, original languages %v, %d translated, %d machine translations, %d ongoing, %d upcoming",
		kinds, origLang, translated, machine, ongoing, upcoming)
	slices.Sort(lengths)
	if len(lengths) > 0 {
		t.Logf("postmortem words: min %d, median %d, max %d", lengths[0], lengths[len(lengths)/2], lengths[len(lengths)-1])
	}

	if kinds[incident.KindIncident] < n*80/100 || kinds[incident.KindMaintenance] == 0 || kinds[incident.KindNotice] == 0 {
		t.Errorf("kinds: %v; want mostly incidents, some maintenance and notices", kinds)
	}
	if f := float64(translated) / n; f < 0.18 || f > 0.22 {
		t.Errorf("%d of %d items translated, want about 20 %%", translated, n)
	}
	if st.Translated != translated || st.TranslationFiles != 3*translated {
		t.Errorf("stats say %d translated in %d files; found %d", st.Translated, st.TranslationFiles, translated)
	}
	if machine == 0 || machine == 3*translated {
		t.Errorf("%d of %d translations are machine translations; want some, not all", machine, 3*translated)
	}
	for _, l := range []string{"en", "nl", "fr", "de"} {
		if origLang[l] == 0 {
			t.Errorf("no originals in %s", l)
		}
	}
	if origLang["en"] < n/2 {
		t.Errorf("only %d originals in English; English is the default", origLang["en"])
	}
	if ongoing != ongoingIncidents {
		t.Errorf("%d ongoing incidents, want %d", ongoing, ongoingIncidents)
	}
	if upcoming < 1 || upcoming > maxUpcoming {
		t.Errorf("%d upcoming maintenance windows, want a few", upcoming)
	}
}

// TestWrap checks that wrapping never starts a line with something Markdown reads as a new block.
func TestWrap(t *testing.T) {
	got := wrap("aaaa bbbb - cccc 12. dddd # eeee > ffff", 5, "", "")
	for _, line := range strings.Split(strings.TrimSpace(got), "\n") {
		if blockStart(strings.Fields(line)[0]) {
			t.Errorf("line %q starts a Markdown block", line)
		}
	}
	if yamlScalar("REST API: errors") != `"REST API: errors"` || yamlScalar("Outage") != "Outage" {
		t.Errorf("yamlScalar quotes wrongly")
	}
	if got := slugify("Kartenzahlungen: erhöhte Fehlerrate", 6); got != "kartenzahlungen-erhoehte-fehlerrate" {
		t.Errorf("slugify: %s", got)
	}
}

func BenchmarkGenerate(b *testing.B) {
	for b.Loop() {
		generate(b, 1000, 42)
	}
}
