package synthetic

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// CorpusNow is the instant benchmark corpora end at, and the clock benchmarks read them with.
var CorpusNow = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// CorpusSeed is the seed of benchmark corpora.
const CorpusSeed = 42

// Corpus returns a content directory of n items (seed CorpusSeed, ending at CorpusNow), generating
// it the first time into testoutput/synthetic/ at the module root (or the system's temporary
// directory outside a module) and reusing it afterwards, so benchmarks of several packages share
// one 10,000-incident corpus instead of writing it again in every process. Treat it as read-only.
func Corpus(n int) (string, error) {
	root := os.TempDir()
	if mod, err := ModuleRoot(); err == nil {
		root = filepath.Join(mod, "testoutput")
	}
	dir := filepath.Join(root, "synthetic", fmt.Sprintf("n%d-seed%d-%s", n, CorpusSeed, CorpusNow.Format("20060102T1504Z")))
	if _, err := os.Stat(filepath.Join(dir, "site.yaml")); err == nil {
		return dir, nil
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return "", err
	}
	// Generate beside the final name and rename into place: packages benchmarked in parallel may
	// race to generate it, and none may see half a directory.
	tmp, err := os.MkdirTemp(filepath.Dir(dir), ".tmp-*")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	if _, err := Generate(Config{N: n, Seed: CorpusSeed, Now: CorpusNow, Dir: tmp}); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, dir); err != nil {
		if _, serr := os.Stat(filepath.Join(dir, "site.yaml")); serr == nil {
			return dir, nil // another process won the race
		}
		return "", errors.Join(fmt.Errorf("corpus %s", dir), err)
	}
	return dir, nil
}

// ModuleRoot finds the directory holding go.mod, from the working directory up: the module root,
// under which tests write their output (testoutput/).
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.mod not found above the working directory")
		}
		dir = parent
	}
}

// EditableCopy makes dst a copy of the content directory src that may be edited: hard links where
// the file system allows (EditTitle replaces files, so its edits never reach src), copies elsewhere.
func EditableCopy(dst, src string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		if os.Link(p, to) == nil {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	})
}

// EditTitle returns a function that gives the incident file rel (a slash path in dir) the title
// "Edited title <i>" and returns it, saving the file as an editor does: a new file renamed over the
// old one, with a modification time of its own.
func EditTitle(dir, rel string) (func(i int) (string, error), error) {
	path := filepath.Join(dir, filepath.FromSlash(rel))
	orig, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	head, rest, ok := bytes.Cut(orig, []byte("\ntitle: "))
	if !ok {
		return nil, fmt.Errorf("%s has no title line", rel)
	}
	_, rest, _ = bytes.Cut(rest, []byte("\n"))
	mod := time.Now().Add(-time.Hour)
	return func(i int) (string, error) {
		title := fmt.Sprintf("Edited title %d", i)
		data := slices.Concat(head, []byte("\ntitle: "+title+"\n"), rest)
		tmp := filepath.Join(filepath.Dir(path), ".edit.tmp")
		if err := os.WriteFile(tmp, data, 0o644); err != nil {
			return "", err
		}
		// Saves a second apart, as a person makes them: faster than some file systems' clocks tick.
		mod = mod.Add(time.Second)
		if err := os.Chtimes(tmp, mod, mod); err != nil {
			return "", err
		}
		return title, os.Rename(tmp, path)
	}, nil
}
