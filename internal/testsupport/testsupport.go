// Package testsupport holds the few helpers tests of several packages share: the switch that
// lets the slow tests run, golden files with -update, txtar archives as file systems and
// directories, the module root, and the synthetic corpora the benchmarks read. Only tests import
// it; a test binary that does gets its -update flag from here.
//
// Below it lives the rest of the test machinery: synthetic, the generator of large content
// sites (which the developer commands in cmd/devtools/ use too); sitetest, which builds
// snapshots for the tests of site and server; feedcheck, which reads feeds and calendars as
// subscribers' programs do; and zonetest, which runs a program where it cannot see the host's
// time zones. The statuspress binary imports none of it (TestMachineryApart).
package testsupport

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// SlowEnv is the environment variable that lets the slow tests run: set to 1, as CI sets it.
const SlowEnv = "STATUSPRESS_SLOW_TESTS"

// Slow skips t unless the slow tests are asked for. A test is slow when it takes 10 s or more, or
// needs a browser, nginx or docker; the default `go test ./...` leaves them out so that it
// stays quick.
func Slow(t testing.TB) {
	t.Helper()
	if os.Getenv(SlowEnv) != "1" {
		t.Skip("slow test: set " + SlowEnv + "=1 to run it")
	}
}

// Files is the txtar archive as a file system: each `-- name --` section is a file (a slash
// path; folders are implied). txtar ends every non-empty file with a newline.
func Files(t testing.TB, archive string) fstest.MapFS {
	t.Helper()
	a := txtar.Parse([]byte(archive))
	if len(a.Files) == 0 {
		t.Fatal("txtar archive holds no files")
	}
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		if !fs.ValidPath(f.Name) {
			t.Fatalf("txtar archive: %q is not a slash path inside the archive", f.Name)
		}
		if _, ok := fsys[f.Name]; ok {
			t.Fatalf("txtar archive holds %s twice", f.Name)
		}
		fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return fsys
}

// WriteDir writes the files of the txtar archive below dir, making folders as needed.
func WriteDir(t testing.TB, dir, archive string) {
	t.Helper()
	for name, f := range Files(t, archive) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Dir writes the files of the txtar archive into a new temporary directory and returns it.
func Dir(t testing.TB, archive string) string {
	t.Helper()
	dir := t.TempDir()
	WriteDir(t, dir, archive)
	return dir
}
