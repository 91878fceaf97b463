package testsupport

import (
	"testing"

	"statuspress/internal/testsupport/synthetic"
)

// Corpus is the synthetic content directory of n items that the benchmarks and slow tests of
// every package share: synthetic.Corpus, generated once into testoutput/synthetic/ at the module
// root and read at synthetic.CorpusNow. It is read-only; synthetic.EditableCopy makes a copy to
// edit.
func Corpus(tb testing.TB, n int) string {
	tb.Helper()
	dir, err := synthetic.Corpus(n)
	if err != nil {
		tb.Fatal(err)
	}
	return dir
}

// ModuleRoot is the directory holding go.mod, above the test's working directory (its package's
// directory).
func ModuleRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := synthetic.ModuleRoot()
	if err != nil {
		tb.Fatal(err)
	}
	return dir
}
