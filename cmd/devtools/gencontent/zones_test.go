package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"statuspress/internal/testsupport"
	"statuspress/internal/testsupport/zonetest"
)

func TestMain(m *testing.M) {
	zonetest.Main()
	os.Exit(m.Run())
}

// The generator runs on a host without a zone database: the zones it writes times in come with
// the binary (without them it cannot even start).
func TestZonesWithoutHostDatabase(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "gencontent")
	build := exec.Command("go", "build", "-o", bin, "./cmd/devtools/gencontent")
	build.Dir = testsupport.ModuleRoot(t)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, code := zonetest.Run(t, bin, "-n", "5", "-seed", "7", "-now", "2026-11-23T12:00:00Z", "-out", filepath.Join(dir, "content"))
	if code != 0 || !strings.HasPrefix(out, "wrote ") {
		t.Errorf("gencontent without the host's zones exited %d:\n%s", code, out)
	}
}
