package testsupport_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"

	"statuspress/internal/testsupport"
)

// machinery are the two places of the test and developer machinery: the shared test helpers,
// with the content generator (synthetic), sitetest, feedcheck and zonetest below them, and the
// developer commands (gencontent, loadtest).
var machinery = []string{"statuspress/internal/testsupport", "statuspress/cmd/devtools"}

func isMachinery(pkg string) bool {
	return slices.ContainsFunc(machinery, func(m string) bool { return pkg == m || strings.HasPrefix(pkg, m+"/") })
}

// TestMachineryApart keeps the product apart from the test and developer machinery: the
// statuspress binary imports none of it, no product code imports it (only tests do), and the one
// command beside cmd/devtools/ is the binary itself.
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
	inBinary := 0
	for _, pkg := range golist("-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "./cmd/statuspress") {
		if strings.HasPrefix(pkg, "statuspress/") {
			inBinary++
			if isMachinery(pkg) {
				t.Errorf("the statuspress binary imports %s, which is test machinery", pkg)
			}
		}
	}
	if inBinary < 10 {
		t.Fatalf("go list found only %d of the module's packages in the binary", inBinary)
	}
	// .Imports are the imports of a package's code, its tests left out.
	for _, line := range golist("-f", "{{.ImportPath}} {{.Name}}{{range .Imports}} {{.}}{{end}}", "./...") {
		fields := strings.Fields(line)
		pkg, name, imports := fields[0], fields[1], fields[2:]
		if isMachinery(pkg) {
			continue
		}
		for _, imp := range imports {
			if isMachinery(imp) {
				t.Errorf("%s imports %s: product code must not depend on test machinery", pkg, imp)
			}
		}
		if name == "main" && pkg != "statuspress/cmd/statuspress" {
			t.Errorf("%s is a command beside the statuspress binary: a developer tool belongs in cmd/devtools/", pkg)
		}
	}
}
