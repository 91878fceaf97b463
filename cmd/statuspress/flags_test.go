package main

import (
	"io"
	"os"
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
