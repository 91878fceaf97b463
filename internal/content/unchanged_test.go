package content

import (
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

// openCountingFS counts the files opened, by name.
type openCountingFS struct {
	fstest.MapFS
	mu     sync.Mutex
	opened map[string]int
}

func (c *openCountingFS) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.opened[name]++
	c.mu.Unlock()
	return c.MapFS.Open(name)
}

func (c *openCountingFS) reset() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	got := c.opened
	c.opened = map[string]int{}
	return got
}

// TestLoaderSkipsUnchangedFiles: a reload reads only the files whose size or time changed, and
// the files changed so recently that another change could have kept both.
func TestLoaderSkipsUnchangedFiles(t *testing.T) {
	old := time.Now().Add(-time.Hour)
	file := func(data string, mod time.Time) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(data), ModTime: mod}
	}
	fsys := &openCountingFS{opened: map[string]int{}, MapFS: fstest.MapFS{
		"site.yaml": file(siteYAML, old),
		"a.md":      file(goodIncident, old),
		"a.nl.md":   file(fm("title: SOAP-API onbereikbaar"), old),
		"b.md":      file(fm(title, started), old),
	}}
	ld := NewLoader(fsys, Options{})
	first := ld.Load()
	if len(first.Incidents) != 2 || first.Problems.Errors() > 0 {
		t.Fatalf("first load: %d incidents\n%s", len(first.Incidents), first.Problems)
	}
	if got := fsys.reset(); got["a.md"] != 1 || got["a.nl.md"] != 1 || got["b.md"] != 1 {
		t.Errorf("first load opened %v, want every file once", got)
	}

	// Nothing changed: only site.yaml is read again.
	second := ld.Load()
	if got := fsys.reset(); got["a.md"]+got["a.nl.md"]+got["b.md"] != 0 {
		t.Errorf("a reload without changes opened %v", got)
	}
	if second.Version != first.Version {
		t.Errorf("version changed without a change: %s, then %s", first.Version, second.Version)
	}
	if a, _ := second.Incident("a"); a == nil || a.Texts["nl"] == nil {
		t.Errorf("an unchanged incident lost its translation")
	}

	// b is saved with a new time: b alone is read and rebuilt, and the version changes.
	fsys.MapFS["b.md"] = file(fm("title: Something else broke", started), old.Add(time.Minute))
	third := ld.Load()
	if got := fsys.reset(); got["b.md"] != 1 || got["a.md"]+got["a.nl.md"] != 0 {
		t.Errorf("after an edit of b the reload opened %v, want b.md only", got)
	}
	if b, _ := third.Incident("b"); b == nil || b.Original().Title != "Something else broke" {
		t.Errorf("the edit of b is not published")
	}
	if third.Version == second.Version {
		t.Errorf("version did not change with b.md")
	}

	// The translation changes within the same tick as the load that read it: the next load reads it
	// again although its size and time are the same, and sees the new text.
	now := time.Now()
	fsys.MapFS["a.nl.md"] = file(fm("title: SOAP-API onbereikbaar"), now)
	ld.Load()
	fsys.reset()
	fsys.MapFS["a.nl.md"] = file(fm("title: SOAP-API onbereikbaaR"), now)
	fourth := ld.Load()
	if got := fsys.reset(); got["a.nl.md"] != 1 {
		t.Errorf("a file written during the last load was not read again: %v", got)
	}
	if a, _ := fourth.Incident("a"); a == nil || !strings.HasSuffix(a.Texts["nl"].Title, "onbereikbaaR") {
		t.Errorf("the translation's change is not published")
	}

	// A file system without times (as the other tests' MapFS) has every file read every time.
	plain := &openCountingFS{opened: map[string]int{}, MapFS: fstest.MapFS{"site.yaml": {Data: []byte(siteYAML)}, "a.md": {Data: []byte(goodIncident)}}}
	ld = NewLoader(plain, Options{})
	ld.Load()
	ld.Load()
	if got := plain.reset(); got["a.md"] != 2 {
		t.Errorf("without times, a.md was opened %d times in two loads, want 2", got["a.md"])
	}
}

// TestLoaderClock: the Loader trusts a file's size and time only when that time lies more than
// clockSlack before the moment, by its clock, the last load began.
func TestLoaderClock(t *testing.T) {
	mod := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name     string
		sinceMod time.Duration // from the files' time to the loads
		want     int           // times a.md is opened by a second load of the same files
	}{
		{"written an hour before", time.Hour, 0},
		{"written just over the slack before", clockSlack + time.Nanosecond, 0},
		{"written within the slack", clockSlack, 1},
		{"written in the same tick", 0, 1},
		{"written after, by the clock", -time.Hour, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := &openCountingFS{opened: map[string]int{}, MapFS: fstest.MapFS{
				"site.yaml": {Data: []byte(siteYAML), ModTime: mod},
				"a.md":      {Data: []byte(goodIncident), ModTime: mod},
			}}
			ld := NewLoader(fsys, Options{Now: func() time.Time { return mod.Add(tc.sinceMod) }})
			if c := ld.Load(); len(c.Incidents) != 1 || c.Problems.Errors() > 0 {
				t.Fatalf("first load: %d incidents\n%s", len(c.Incidents), c.Problems)
			}
			fsys.reset()
			ld.Load()
			if got := fsys.reset()["a.md"]; got != tc.want {
				t.Errorf("the second load opened a.md %d times, want %d", got, tc.want)
			}
		})
	}
}
