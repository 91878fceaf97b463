package testsupport_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"

	"statuspress/internal/testsupport"
)

// machinery are the two places of the test and developer machinery: the shared test helpers with
// the content generator (synthetic) and zonetest below them, and the developer commands
// (gencontent, loadtest).
var machinery = []string{"statuspress/internal/testsupport", "statuspress/cmd/devtools"}

// outsideBinary are the product packages that the statuspress binary does not import (yet), with
// what they are.
var outsideBinary = map[string]string{
	"statuspress/internal/content/schema": "the published JSON Schemas of the content format",
}

func isMachinery(pkg string) bool {
	return slices.ContainsFunc(machinery, func(m string) bool { return pkg == m || strings.HasPrefix(pkg, m+"/") })
}

// TestMachineryApart keeps the product's packages apart from the test and developer machinery:
// the statuspress binary imports none of the machinery, and a package the binary does not import
// is machinery, holds tests only (a package doc besides), or is a product package named above.
func TestMachineryApart(t *testing.T) {
	root := testsupport.ModuleRoot(t)
	golist := func(args ...string) []string {
		t.Helper()
		cmd := exec.Command("go", append([]string{"list"}, args...)...)
		cmd.Dir = root
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list %s: %v", strings.Join(args, " "), err)
		}
		return strings.Split(strings.TrimSpace(string(out)), "\n")
	}
	inBinary := map[string]bool{}
	for _, pkg := range golist("-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "./cmd/statuspress") {
		if strings.HasPrefix(pkg, "statuspress/") {
			inBinary[pkg] = true
			if isMachinery(pkg) {
				t.Errorf("the statuspress binary imports %s, which is test machinery", pkg)
			}
		}
	}
	if !inBinary["statuspress/internal/site"] {
		t.Fatalf("go list found no internal/site among the binary's packages: %v", inBinary)
	}
	for _, line := range golist("-f", "{{.ImportPath}}{{range .GoFiles}} {{.}}{{end}}", "./...") {
		pkg, files, _ := strings.Cut(line, " ")
		testsOnly := files == "" || files == "doc.go"
		if inBinary[pkg] || isMachinery(pkg) || testsOnly || outsideBinary[pkg] != "" {
			continue
		}
		t.Errorf("%s is no package of the statuspress binary and holds code (%s): if it is test or developer machinery, move it below %s; if it is product, name it in outsideBinary",
			pkg, files, strings.Join(machinery, " or "))
	}
}
