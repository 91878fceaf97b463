package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const fixtures = "../../internal/importer/testdata/statuspage/full"

// pageServer serves the Statuspage fixtures as a page's public API, refusing the first request
// with a 429 and the second with a 500, as a busy page does.
func pageServer(t *testing.T, hits *atomic.Int32, uas *[]string) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := hits.Add(1)
		*uas = append(*uas, r.UserAgent())
		switch n {
		case 1:
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		case 2:
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		b, err := os.ReadFile(filepath.Join(fixtures, strings.TrimPrefix(r.URL.Path, "/api/v2/")))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Write(b)
	}))
}

func shortBackoff(t *testing.T) {
	old := importBackoff
	importBackoff = time.Millisecond
	t.Cleanup(func() { importBackoff = old })
}

func TestImportStatuspageURL(t *testing.T) {
	shortBackoff(t)
	var hits atomic.Int32
	var uas []string
	srv := pageServer(t, &hits, &uas)
	defer srv.Close()
	dir := filepath.Join(t.TempDir(), "incidents")

	// A dry run prints the files and writes nothing.
	var out, errOut bytes.Buffer
	if code := run([]string{"import", "statuspage", srv.URL, "--dir", dir, "--dry-run"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s%s", code, out.String(), errOut.String())
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("--dry-run made %s", dir)
	}
	for _, want := range []string{"would write (new): " + filepath.Join(dir, "site.yaml"), "    | title: Nordlicht Cloud", "; nothing written (--dry-run)",
		"the public API lists only the newest 50 incidents"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the dry run does not say %q:\n%s", want, out.String())
		}
	}
	for _, want := range []string{"429 Too Many Requests", "500 Internal Server Error"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("the retries are not reported (%q):\n%s", want, errOut.String())
		}
	}
	for _, ua := range uas {
		if !strings.HasPrefix(ua, "statuspress/") {
			t.Errorf("User-Agent %q does not name statuspress", ua)
		}
	}

	out.Reset()
	if code := run([]string{"import", "statuspage", srv.URL, "--dir", dir}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s%s", code, out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "8 new, 0 updated, 0 unchanged, 0 skipped") {
		t.Errorf("summary:\n%s", out.String())
	}
	out.Reset()
	if code := run([]string{"lint", dir, "--now", "2026-11-30T09:00:00Z"}, nil, &out, &errOut); code != 0 {
		t.Errorf("lint fails on the import: %s", out.String())
	}
	out.Reset()
	if code := run([]string{"import", "statuspage", srv.URL, "--dir", dir}, nil, &out, &errOut); code != 0 || !strings.Contains(out.String(), "0 new, 0 updated, 8 unchanged, 0 skipped") {
		t.Errorf("the second import (exit %d):\n%s", code, out.String())
	}
}

func TestImportStatuspageFailures(t *testing.T) {
	shortBackoff(t)
	truncated := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := os.ReadFile(filepath.Join(fixtures, strings.TrimPrefix(r.URL.Path, "/api/v2/")))
		w.Write(b[:len(b)/3])
	}))
	defer truncated.Close()
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) }))
	defer down.Close()
	hang := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-hang:
		case <-r.Context().Done():
		}
	}))
	defer slow.Close()
	defer close(hang)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"truncated", []string{truncated.URL}, "the JSON ends early (a truncated download?)"},
		{"down", []string{down.URL}, "503 Service Unavailable"},
		{"timeout", []string{slow.URL, "--timeout", "50ms"}, "no answer in time"},
		{"not a page", []string{"ftp://x"}, "neither a page's address"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "incidents")
			var out, errOut bytes.Buffer
			code := run(append([]string{"import", "statuspage", "--dir", dir}, tc.args...), nil, &out, &errOut)
			if code == 0 || !strings.Contains(errOut.String(), tc.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant %q", code, errOut.String(), tc.want)
			}
			if _, err := os.Stat(dir); !os.IsNotExist(err) {
				t.Errorf("a failed import made %s", dir)
			}
		})
	}
}

func TestImportStatuspageKey(t *testing.T) {
	shortBackoff(t)
	const key = "sk_very_secret_0123"
	var sawKey atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "OAuth "+key {
			sawKey.Store(true)
		}
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprintf(w, `{"error": "key %s is not valid"}`, key)
	}))
	defer srv.Close()
	old := importAPI
	importAPI = srv.URL + "/v1"
	defer func() { importAPI = old }()

	var out, errOut bytes.Buffer
	t.Setenv("STATUSPAGE_API_KEY", "")
	if code := run([]string{"import", "statuspage", "--page-id", "pg0abc", "--dir", t.TempDir()}, nil, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "set STATUSPAGE_API_KEY") {
		t.Errorf("no key: exit %d, %s", code, errOut.String())
	}
	t.Setenv("STATUSPAGE_API_KEY", key)
	errOut.Reset()
	code := run([]string{"import", "statuspage", "--page-id", "pg0abc", "--dir", t.TempDir()}, nil, &out, &errOut)
	if code != 1 || !sawKey.Load() || !strings.Contains(errOut.String(), "401 Unauthorized; check the API key") {
		t.Errorf("exit %d, key sent %v, stderr:\n%s", code, sawKey.Load(), errOut.String())
	}
	if strings.Contains(out.String()+errOut.String(), key) {
		t.Errorf("the key is shown:\n%s%s", out.String(), errOut.String())
	}
}

func TestImportCState(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "incidents")
	var out, errOut bytes.Buffer
	site := "../../internal/importer/testdata/cstate/site"
	if code := run([]string{"import", "cstate", site, "--dir", dir}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s%s", code, out.String(), errOut.String())
	}
	for _, want := range []string{"6 new, 0 updated, 0 unchanged, 0 skipped", "adjusted: " + site + "/content/issues/2022-01-01-draft.md: draft: a draft; not imported"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the summary does not say %q:\n%s", want, out.String())
		}
	}
	// Edit one file by hand: the next import leaves it alone and says so.
	edited := filepath.Join(dir, "2021", "website-slow.md")
	b, err := os.ReadFile(edited)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(edited, append(b, "\nThe disk is bigger now.\n"...), 0o644)
	out.Reset()
	if code := run([]string{"import", "cstate", site, "--dir", dir}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "skipped: "+edited+" (edited since it was imported from cstate:issues/2021-06-01-no-timeline.md; left as it is)") ||
		!strings.Contains(out.String(), "0 new, 0 updated, 5 unchanged, 1 skipped") {
		t.Errorf("the second import:\n%s", out.String())
	}
	if code := run([]string{"import", "cstate", t.TempDir(), "--dir", dir}, nil, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "is not a cState site") {
		t.Errorf("a folder that is no cState site: exit %d, %s", code, errOut.String())
	}
}

// TestImportCStateLinkOut: a cloned site whose issue is a link to a file outside it (a key, say)
// never gets that file's text into the content.
func TestImportCStateLinkOut(t *testing.T) {
	site := t.TempDir()
	secretFile := filepath.Join(t.TempDir(), "id_ed25519")
	os.WriteFile(secretFile, []byte("---\ntitle: PRIVATE KEY\ndate: 2024-01-01 10:00:00\nseverity: down\n---\nBEGIN OPENSSH PRIVATE KEY\n"), 0o600)
	os.MkdirAll(filepath.Join(site, "content", "issues"), 0o755)
	b, _ := os.ReadFile("../../internal/importer/testdata/cstate/site/config.yml")
	os.WriteFile(filepath.Join(site, "config.yml"), b, 0o644)
	if err := os.Symlink(secretFile, filepath.Join(site, "content", "issues", "key.md")); err != nil {
		t.Skip(err)
	}
	dir := filepath.Join(t.TempDir(), "incidents")
	var out, errOut bytes.Buffer
	run([]string{"import", "cstate", site, "--dir", dir}, nil, &out, &errOut)
	if strings.Contains(out.String()+errOut.String(), "PRIVATE KEY") {
		t.Errorf("the linked file's text was read:\n%s%s", out.String(), errOut.String())
	}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if data, _ := os.ReadFile(p); strings.Contains(string(data), "PRIVATE KEY") {
				t.Errorf("%s holds the linked file's text", p)
			}
		}
		return nil
	})
	if !strings.Contains(out.String(), "key.md: not a regular file; not imported") {
		t.Errorf("the summary does not name the link:\n%s", out.String())
	}
}
