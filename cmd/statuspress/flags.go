package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
)

// The flags that several commands share, defined and checked in one place.

// contentFlag defines --content, the content directory of every command, and an alias for each
// older spelling a command accepted (--dir of new and update), which sets the same value.
func contentFlag(fs *flag.FlagSet, aliases ...string) *string {
	p := fs.String("content", env("STATUSPRESS_CONTENT", "incidents"), "content `directory` with site.yaml and incidents (STATUSPRESS_CONTENT)")
	for _, a := range aliases {
		fs.StringVar(p, a, *p, "the same as --content")
	}
	return p
}

// baseURLFlag defines --base-url; checkBaseURL checks its value.
func baseURLFlag(fs *flag.FlagSet) *string {
	return fs.String("base-url", env("STATUSPRESS_BASE_URL", ""), "public `URL` of the site, overriding site.yaml's base_url (STATUSPRESS_BASE_URL)")
}

// checkBaseURL returns a --base-url value without its trailing slash, or why it is no base URL.
func checkBaseURL(s string) (string, error) {
	if s != "" && !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") {
		return "", fmt.Errorf("--base-url %q must start with http:// or https://", s)
	}
	return strings.TrimSuffix(s, "/"), nil
}

// parseNow parses the --now of serve and build: an RFC 3339 time, or "" for none (the zero time).
func parseNow(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("--now %q is not an RFC 3339 time such as 2026-11-23T12:00:00Z", s)
	}
	return t, nil
}

// authorNowFlag defines the --now of new and update, read by authorClock in the time zone of the
// file's language.
func authorNowFlag(fs *flag.FlagSet, usage string) *string {
	return fs.String("now", "", usage)
}

// env is the value of the environment variable name, or def when it is not set.
func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return def
}
