package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuild writes the sample site, refuses to write over it without --force, and replaces it
// with --force. (internal/export tests what is written.)
func TestBuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	args := []string{"build", "--out", out, "--now", "2026-11-23T12:00:00Z", "--content", "../../incidents",
		"--base-url", "https://status.example.org/", "--brotli-quality", "1"}
	var stdout, stderr bytes.Buffer
	if code := run(args, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("build exited %d:\n%s%s", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stdout.String(), "72 pages in 4 languages") || !strings.Contains(stdout.String(), out) {
		t.Errorf("summary: %s", stdout.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("stderr: %s", stderr.String())
	}
	for _, name := range []string{"index.html", "en/index.html", "en/index.html.br", "en/index.html.gz",
		"nl/incidents/rest-api-errors/index.html", "api/v2/summary.json", "badge.svg", "sitemap.xml", "robots.txt", "404.html"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Error(err)
		}
	}
	robots, _ := os.ReadFile(filepath.Join(out, "robots.txt"))
	if !strings.Contains(string(robots), "Sitemap: https://status.example.org/sitemap.xml") {
		t.Errorf("--base-url not used:\n%s", robots)
	}

	stdout.Reset()
	stderr.Reset()
	if code := run(args, nil, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "--force") {
		t.Errorf("over a built site without --force: exit %d, %s", code, stderr.String())
	}
	stale := filepath.Join(out, "stale.html")
	if err := os.WriteFile(stale, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	stderr.Reset()
	if code := run(append(args, "--force"), nil, &stdout, &stderr); code != 0 {
		t.Fatalf("with --force: exit %d, %s", code, stderr.String())
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("--force kept a file of the old output: %v", err)
	}
}

func TestBuildFlags(t *testing.T) {
	for _, args := range [][]string{
		{"build"},
		{"build", "--out", t.TempDir(), "--now", "yesterday"},
		{"build", "--out", t.TempDir(), "--base-url", "status.example.org"},
		{"build", "--out", t.TempDir(), "--brotli-quality", "12"},
		{"build", "--out", t.TempDir(), "extra"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(args, nil, &stdout, &stderr); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "--out", t.TempDir(), "--content", filepath.Join(t.TempDir(), "missing")}, nil, &stdout, &stderr); code != 1 ||
		!strings.Contains(stderr.String(), "not found") {
		t.Errorf("missing content: exit %d, %s", code, stderr.String())
	}
	// --force never deletes the working directory (nor the content or home directory).
	stderr.Reset()
	if code := run([]string{"build", "--out", ".", "--force"}, nil, &stdout, &stderr); code != 1 ||
		!strings.Contains(stderr.String(), "refusing to replace") {
		t.Errorf("--out . --force: exit %d, %s", code, stderr.String())
	}
	if _, err := os.Stat("build_test.go"); err != nil {
		t.Fatal(err)
	}
	if code := run([]string{"build", "-h"}, nil, &stdout, &stderr); code != 0 {
		t.Errorf("-h: exit %d", code)
	}
}
