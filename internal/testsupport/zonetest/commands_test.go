package zonetest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"statuspress/internal/testsupport"
)

// Every command embeds the zone database, so that none depends on the host's: a new command
// anywhere under cmd/ (the developer tools in cmd/devtools/ too) that forgets it fails here.
func TestEveryCommandEmbedsZones(t *testing.T) {
	root := testsupport.ModuleRoot(t)
	embeds := map[string]bool{} // each folder under cmd/ holding Go code: whether it imports time/tzdata
	err := filepath.WalkDir(filepath.Join(root, "cmd"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		file, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		dir, _ := filepath.Rel(root, filepath.Dir(p))
		dir = filepath.ToSlash(dir)
		embeds[dir] = embeds[dir] || slices.ContainsFunc(file.Imports, func(imp *ast.ImportSpec) bool {
			path, _ := strconv.Unquote(imp.Path.Value)
			return path == "time/tzdata"
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"cmd/statuspress", "cmd/devtools/gencontent", "cmd/devtools/loadtest"} {
		if _, ok := embeds[want]; !ok {
			t.Errorf("found no command in %s: the walk below cmd/ missed it", want)
		}
	}
	for dir, ok := range embeds {
		if !ok {
			t.Errorf("%s does not import _ \"time/tzdata\": add it, as cmd/statuspress/zones.go does", dir)
		}
	}
}
