package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"statuspress/internal/store"
	"statuspress/internal/store/storetest"
	"statuspress/internal/testsupport"
	"statuspress/internal/testsupport/mailpit"
)

// TestCrashDuringFanOut kills serve (SIGKILL) in the middle of mailing an update to 1,000
// subscribers and starts it again: every subscriber gets the update, and none twice beyond the
// deliveries that were under way when it died (at most one per mail worker).
func TestCrashDuringFanOut(t *testing.T) {
	testsupport.Slow(t)
	const subscribers = 1000
	mp := mailpit.Start(t)
	bin := buildStatuspress(t)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../incidents")); err != nil {
		t.Fatal(err)
	}
	db := "sqlite:" + filepath.Join(t.TempDir(), "sp.db")
	seedSubscribers(t, db, subscribers)
	flags := []string{"--smtp", "smtp://" + mp.SMTPAddr, "--mail-from", "Lumen Mail Status <status@lumenmail.example>",
		"--mail-rate", "400", "--db", db, "--notify-delay", "0s", "--access-log", "off"}
	p := serveDir(t, bin, dir, flags...)
	waitFor(t, "history recorded", func() bool { return strings.Contains(p.log.String(), "recorded as history") })
	writeFile(t, filepath.Join(dir, "2026", "fan-out.md"), fanOutIncident)
	waitFor(t, "a third of the mail sent", func() bool { return mp.Count(t) >= subscribers/3 })
	if err := p.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-p.exited
	atKill := mp.Count(t)
	if atKill >= subscribers {
		t.Fatalf("all %d mails went before the kill; the test needs a slower fan-out", atKill)
	}
	again := serveDir(t, bin, dir, flags...)
	cpu := testsupport.ProcessCPU(again.cmd.Process.Pid)
	var rss []string // the resident memory while the rest goes out, every few hundred mails
	deadline := time.Now().Add(60 * time.Second)
	for n := 0; mp.Count(t) < subscribers && time.Now().Before(deadline); n++ {
		if n%20 == 0 {
			rss = append(rss, residentMemory(again.cmd.Process.Pid))
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Logf("serve's resident memory while sending, every 2 s: %s", strings.Join(rss, ", "))
	// What the fan-out costs serve, apart from the mail server: the CPU time per mail, from
	// which the share of a core a sending rate takes follows.
	if sent := mp.Count(t) - atKill; sent > 0 {
		perMail := (testsupport.ProcessCPU(again.cmd.Process.Pid) - cpu) / time.Duration(sent)
		t.Logf("serve took %v of CPU per mail after the restart (%d mails): %.1f %% of a core at 10 mails a second",
			perMail, sent, perMail.Seconds()*10*100)
	}
	time.Sleep(2 * time.Second) // room for more than one copy to arrive
	got := map[string]int{}
	for _, m := range mp.Messages(t) {
		for _, to := range m.To {
			got[to.Address]++
		}
	}
	var missing, doubled []string
	extra := 0
	for i := range subscribers {
		a := fmt.Sprintf("reader%04d@example.org", i)
		switch n := got[a]; {
		case n == 0:
			missing = append(missing, a)
		case n > 1:
			doubled = append(doubled, a)
			extra += n - 1
		}
	}
	t.Logf("%d mails before the kill, %d in all, %d second copies", atKill, mp.Count(t), extra)
	if len(missing) > 0 {
		t.Errorf("%d subscribers got nothing, such as %s", len(missing), missing[0])
	}
	if extra > store.DefaultEmailWorkers {
		t.Errorf("%d second copies (%s); want at most %d, the deliveries under way", extra, strings.Join(doubled[:min(5, len(doubled))], ", "), store.DefaultEmailWorkers)
	}
}

// seedSubscribers adds n confirmed subscribers, reader0000@example.org and on, in the four
// languages in turn.
func seedSubscribers(t testing.TB, db string, n int) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, db, store.Options{Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close(ctx)
	for i := range n {
		storetest.Confirmed(t, st, fmt.Sprintf("reader%04d@example.org", i), []string{"en", "nl", "fr", "de"}[i%4])
	}
}

// residentMemory is a process's VmRSS as /proc says it ("41236 kB"), or "?".
func residentMemory(pid int) string {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "?"
	}
	for line := range strings.Lines(string(data)) {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "?"
}
