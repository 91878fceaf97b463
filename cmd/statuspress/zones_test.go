package main

import (
	"os"
	"strings"
	"testing"
	"time"

	"statuspress/internal/testsupport"
	"statuspress/internal/testsupport/zonetest"
)

func TestMain(m *testing.M) {
	zonetest.Main()
	// The day after the sample's latest update, so lint finds no stale incident in it.
	lintClock = func() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) }
	os.Exit(m.Run())
}

// The binary gives the same times on a host without a zone database: the zones site.yaml names
// come with it. (This test's own binary embeds them through internal/testsupport/synthetic, so the
// real binary is built and run.)
func TestZonesWithoutHostDatabase(t *testing.T) {
	testsupport.Slow(t)
	bin := buildStatuspress(t)
	out, code := zonetest.Run(t, bin, "lint", "--now", "2026-11-24T12:00:00Z", "../../incidents")
	// The sample's site.yaml names Europe/Amsterdam, Europe/Paris and Europe/Berlin.
	if code != 0 || !strings.Contains(out, "0 errors, 0 warnings") {
		t.Errorf("statuspress lint without the host's zones exited %d:\n%s", code, out)
	}
}
