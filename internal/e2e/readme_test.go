package e2e

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/go-rod/rod/lib/proto"

	"statuspress/internal/testsupport"
)

// readmeShot is the README's picture of the overview, relative to the module root.
const readmeShot = "docs/overview.png"

// TestReadmeScreenshot checks the README's picture of the overview: it is there, and it is a
// PNG of the first screen of the overview at the desktop viewport. It also takes the picture
// anew, from the sample content at the tests' fixed clock, into testoutput/e2e/; with
// STATUSPRESS_UPDATE_SCREENSHOT=1 it writes it to docs/overview.png, which is how the picture is
// made after the look of the overview changes.
func TestReadmeScreenshot(t *testing.T) {
	root := testsupport.ModuleRoot(t)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(readme, []byte("]("+readmeShot+")")) {
		t.Errorf("README.md does not show %s", readmeShot)
	}
	update := os.Getenv("STATUSPRESS_UPDATE_SCREENSHOT") == "1"
	if !update {
		checkShot(t, filepath.Join(root, readmeShot))
	}

	testsupport.Slow(t)
	e := setUp(t)
	c := pageCase{lang: "en", page: pageTypes[0], vp: desktop}
	r := e.open(t, e.base, c)
	shot, err := r.page.Screenshot(false, &proto.PageCaptureScreenshot{Format: proto.PageCaptureScreenshotFormatPng})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(e.shots, "readme-overview.png")
	if update {
		out = filepath.Join(root, readmeShot)
	}
	if err := os.WriteFile(out, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	checkShot(t, out)
}

// checkShot fails unless the file is a PNG of the desktop viewport's size.
func checkShot(t *testing.T, name string) {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatalf("%v (make it with STATUSPRESS_UPDATE_SCREENSHOT=1 STATUSPRESS_SLOW_TESTS=1 go test -run TestReadmeScreenshot ./internal/e2e/)", err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if cfg.Width != desktop.width || cfg.Height != desktop.height {
		t.Errorf("%s is %dx%d; the desktop viewport is %dx%d", name, cfg.Width, cfg.Height, desktop.width, desktop.height)
	}
}
