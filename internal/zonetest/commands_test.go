package zonetest

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Every command embeds the zone database, so that none depends on the host's: a new command
// under cmd/ that forgets it fails here.
func TestEveryCommandEmbedsZones(t *testing.T) {
	dirs, err := os.ReadDir("../../cmd")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		files, _ := filepath.Glob(filepath.Join("../../cmd", d.Name(), "*.go"))
		embeds := false
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			file, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range file.Imports {
				if p, _ := strconv.Unquote(imp.Path.Value); p == "time/tzdata" {
					embeds = true
				}
			}
		}
		if !embeds {
			t.Errorf("cmd/%s does not import _ \"time/tzdata\": add it, as cmd/statuspress/zones.go does", d.Name())
		}
	}
}
