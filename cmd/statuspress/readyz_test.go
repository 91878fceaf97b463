package main

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"statuspress/internal/watch"
)

// TestReadyzWithholdsDetails: a file with an error is withheld from the site, and the public
// /readyz does not publish it either: it counts the problems and says where they are listed. The
// path and the message are in the log and on the debug listener's /readyz.
func TestReadyzWithholdsDetails(t *testing.T) {
	ls := startLive(t, watch.Off, "")
	const secret = "acme-takeover-friday"
	file := filepath.Join(ls.dir, "2026", secret+".md")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	broken := "---\ntitle: Acme takeover on Friday\nkind: acme-takeover-friday\nstarted: 2026-11-20T09:00:00Z\n---\nThe Acme takeover is announced on Friday.\n"
	if err := os.WriteFile(file, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	ls.hup <- os.Interrupt
	waitFor(t, "the broken file's problem", func() bool { return readyz(t, ls).Errors > 0 })

	for _, accept := range []string{"application/json", "text/html"} {
		req, _ := http.NewRequest("GET", ls.url+"/readyz", nil)
		req.Header.Set("Accept", accept)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		body := string(raw)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("public /readyz (%s): %d", accept, resp.StatusCode)
		}
		for _, leak := range []string{secret, "Acme", "takeover", "2026/"} {
			if strings.Contains(strings.ToLower(body), strings.ToLower(leak)) {
				t.Errorf("public /readyz (%s) publishes %q of a withheld file:\n%s", accept, leak, body)
			}
		}
		for _, want := range []string{"1", "statuspress lint", "--debug-addr"} {
			if !strings.Contains(body, want) {
				t.Errorf("public /readyz (%s) lacks %q:\n%s", accept, want, body)
			}
		}
	}
	if r := readyz(t, ls); !r.has("2026/"+secret+".md", 0, 0, "") {
		t.Errorf("the debug listener's /readyz does not list the problem: %+v", r.Problems)
	}
	if !strings.Contains(ls.log.String(), "2026/"+secret+".md:") {
		t.Errorf("the log does not name the problem:\n%s", ls.log.String())
	}
}
