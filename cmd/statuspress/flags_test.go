package main

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

// TestSharedFlags: serve and build take --content, --base-url and --now alike, from the same
// helpers, and refuse the same values.
func TestSharedFlags(t *testing.T) {
	for _, name := range []string{"STATUSPRESS_CONTENT", "STATUSPRESS_BASE_URL", "STATUSPRESS_NOW"} {
		t.Setenv(name, "")
		os.Unsetenv(name)
	}
	parsers := map[string]func(args []string) (content, baseURL string, now time.Time, err error){
		"serve": func(args []string) (string, string, time.Time, error) {
			cfg, err := parseServe(args, io.Discard)
			return cfg.content, cfg.baseURL, cfg.now, err
		},
		"build": func(args []string) (string, string, time.Time, error) {
			cfg, err := parseBuild(append([]string{"--out", "out"}, args...), io.Discard)
			return cfg.content, cfg.baseURL, cfg.now, err
		},
	}
	at := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	for cmd, parse := range parsers {
		for _, tc := range []struct {
			args    []string
			content string
			baseURL string
			now     time.Time // zero: not checked
			err     string
		}{
			{nil, "incidents", "", time.Time{}, ""},
			{[]string{"--content", "site", "--base-url", "https://status.example.com/", "--now", "2026-11-23T12:00:00Z"}, "site", "https://status.example.com", at, ""},
			{[]string{"--base-url", "status.example.com"}, "", "", time.Time{}, `--base-url "status.example.com" must start with http:// or https://`},
			{[]string{"--now", "2026-11-23 12:00"}, "", "", time.Time{}, `--now "2026-11-23 12:00" is not an RFC 3339 time such as 2026-11-23T12:00:00Z`},
		} {
			content, baseURL, now, err := parse(tc.args)
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Errorf("%s %v: error %v, want %q", cmd, tc.args, err, tc.err)
				}
				continue
			}
			if err != nil || content != tc.content || baseURL != tc.baseURL || !tc.now.IsZero() && !now.Equal(tc.now) {
				t.Errorf("%s %v: %q, %q, %v, %v; want %q, %q, %v", cmd, tc.args, content, baseURL, now, err, tc.content, tc.baseURL, tc.now)
			}
		}
	}
	// The content directory's variable counts for both.
	t.Setenv("STATUSPRESS_CONTENT", "/srv/content")
	for cmd, parse := range parsers {
		if content, _, _, err := parse(nil); err != nil || content != "/srv/content" {
			t.Errorf("%s with STATUSPRESS_CONTENT: %q, %v", cmd, content, err)
		}
	}
}

// TestContentEverywhere: every command that reads the content directory takes it as --content
// and from STATUSPRESS_CONTENT; the older spellings, --dir of new and update and lint's argument,
// still work.
func TestContentEverywhere(t *testing.T) {
	t.Setenv("STATUSPRESS_CONTENT", "")
	os.Unsetenv("STATUSPRESS_CONTENT")
	newArgs := func(title string) []string {
		return []string{"new", "incident", "--title", title, "--components", "webhooks:partial_outage", "--text", "Late.", "--now", "2026-11-24T10:00:00Z"}
	}
	updateArgs := []string{"update", "rest-api-errors", "--status", "resolved", "--text", "Fixed.", "--now", "2026-11-23T14:10:00+01:00"}
	for _, tc := range []struct {
		name string
		args func(dir string) []string
		env  bool // the directory comes from STATUSPRESS_CONTENT
		want string
	}{
		{"lint --content", func(dir string) []string { return []string{"lint", "--content", dir} }, false, "0 errors"},
		{"lint DIR", func(dir string) []string { return []string{"lint", dir} }, false, "0 errors"},
		{"lint DIR --format json", func(dir string) []string { return []string{"lint", dir, "--format", "json"} }, false, `"errors": 0`},
		{"lint, variable", func(string) []string { return []string{"lint"} }, true, "0 errors"},
		{"new --content", func(dir string) []string { return append(newArgs("Webhooks late"), "--content", dir) }, false, "webhooks-late"},
		{"new --dir", func(dir string) []string { return append(newArgs("Webhooks late"), "--dir", dir) }, false, "webhooks-late"},
		{"new, variable", func(string) []string { return newArgs("Webhooks late") }, true, "webhooks-late"},
		{"update --content", func(dir string) []string { return append(updateArgs, "--content", dir) }, false, "rest-api-errors.md"},
		{"update --dir", func(dir string) []string { return append(updateArgs, "--dir", dir) }, false, "rest-api-errors.md"},
		{"update, variable", func(string) []string { return updateArgs }, true, "rest-api-errors.md"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := authoringDir(t)
			if tc.env {
				t.Setenv("STATUSPRESS_CONTENT", dir)
			}
			var out, errOut bytes.Buffer
			if code := run(tc.args(dir), nil, &out, &errOut); code != 0 {
				t.Fatalf("exit %d:\n%s%s", code, out.String(), errOut.String())
			}
			if !strings.Contains(out.String(), tc.want) {
				t.Errorf("output lacks %q:\n%s", tc.want, out.String())
			}
		})
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"lint", "--content", "a", "b"}, nil, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "give one") {
		t.Errorf("lint with two directories: exit %d, %s", code, errOut.String())
	}
}
