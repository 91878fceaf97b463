package watch

import (
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// The tests in this file drive the notify loop's burst logic with events sent as fsnotify would
// send them and a clock that moves only when told: no sleeps, no waiting on the machine's speed.
// The tests in watch_test.go and root_test.go keep to the real file system.

// fakeClock is a clock that moves only by advance.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	timers []*fakeTimer
}

type fakeTimer struct {
	clk *fakeClock
	c   chan time.Time
	at  time.Time
	on  bool
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Date(2026, 6, 8, 7, 0, 0, 0, time.UTC)} }

func (f *fakeClock) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fakeClock) NewTimer() timer {
	f.mu.Lock()
	defer f.mu.Unlock()
	t := &fakeTimer{clk: f, c: make(chan time.Time, 1)}
	f.timers = append(f.timers, t)
	return t
}

func (t *fakeTimer) C() <-chan time.Time { return t.c }

func (t *fakeTimer) Reset(d time.Duration) {
	t.clk.mu.Lock()
	defer t.clk.mu.Unlock()
	t.drain()
	t.at, t.on = t.clk.now.Add(d), true
	t.clk.fire()
}

func (t *fakeTimer) Stop() {
	t.clk.mu.Lock()
	defer t.clk.mu.Unlock()
	t.drain()
	t.on = false
}

func (t *fakeTimer) drain() {
	select {
	case <-t.c:
	default:
	}
}

// fire sends on every timer that is due, and reports whether there was one; f.mu is held.
func (f *fakeClock) fire() bool {
	fired := false
	for _, t := range f.timers {
		if t.on && !t.at.After(f.now) {
			t.on, fired = false, true
			t.c <- t.at
		}
	}
	return fired
}

// fired reports whether a timer has fired and its time is not taken yet.
func (f *fakeClock) fired() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, t := range f.timers {
		if len(t.c) > 0 {
			return true
		}
	}
	return false
}

// advance moves the clock by d, firing the timers due by then, and reports whether one fired.
func (f *fakeClock) advance(d time.Duration) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = f.now.Add(d)
	return f.fire()
}

// due is when the armed timer fires, false when none is armed.
func (f *fakeClock) due() (time.Time, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, t := range f.timers {
		if t.on {
			return t.at, true
		}
	}
	return time.Time{}, false
}

// injected is a notify-mode Watcher over an empty directory, on a fake clock, that is told of
// changes by send.
type injected struct {
	t   *testing.T
	w   *Watcher
	clk *fakeClock
	dir string
}

func startInjected(t *testing.T, opt Options) *injected {
	t.Helper()
	dir := t.TempDir()
	opt.Mode = Notify
	clk := newFakeClock()
	w, err := newWatcher(dir, opt, clk)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return &injected{t: t, w: w, clk: clk, dir: dir}
}

// send tells the watcher of op on the slash path p, and returns once the loop has taken it in.
func (in *injected) send(op fsnotify.Op, p string) {
	in.t.Helper()
	in.w.fsw.Events <- fsnotify.Event{Name: filepath.Join(in.dir, filepath.FromSlash(p)), Op: op}
	in.sync()
}

// sync returns once the loop has handled every event sent before: the loop takes one event at a
// time, so it has when it takes one more, which it ignores (a hidden file's).
func (in *injected) sync() {
	in.w.fsw.Events <- fsnotify.Event{Name: filepath.Join(in.dir, ".sync"), Op: fsnotify.Write}
}

// settle returns once the loop has taken in every timer that fired, and what it did then.
func (in *injected) settle() {
	in.t.Helper()
	deadline := time.Now().Add(wait)
	for in.clk.fired() {
		if time.Now().After(deadline) {
			in.t.Fatalf("the loop did not take a fired timer within %v", wait)
		}
		runtime.Gosched()
	}
	in.sync()
}

// next is the Change the loop reports once the clock reaches its armed timer, and how far the
// clock moved for it. The loop must have a timer armed.
func (in *injected) next(what string) (Change, time.Duration) {
	in.t.Helper()
	at, ok := in.clk.due()
	if !ok {
		in.t.Fatalf("%s: no change is due", what)
	}
	moved := at.Sub(in.clk.Now())
	in.clk.advance(moved)
	select {
	case c := <-in.w.Changes():
		return c, moved
	case <-time.After(wait):
		in.t.Fatalf("%s: no change reported %v after its timer fired", what, wait)
	}
	return Change{}, 0
}

// none checks that no change is due, nor waiting for the reader. The loop offers a change only
// when a timer has fired, so a few milliseconds are enough for one that would be waiting.
func (in *injected) none(what string) {
	in.t.Helper()
	in.settle()
	if at, ok := in.clk.due(); ok {
		in.t.Errorf("%s: a change is due in %v", what, at.Sub(in.clk.Now()))
	}
	select {
	case c := <-in.w.Changes():
		in.t.Errorf("%s: a change was reported: %+v", what, c)
	case <-time.After(10 * time.Millisecond):
	}
}

// TestInjectedBusyReader: changes made while the reader is busy are not lost: they come together
// in the next Change.
func TestInjectedBusyReader(t *testing.T) {
	in := startInjected(t, Options{})
	in.send(fsnotify.Write, "a.md")
	in.clk.advance(time.Second)
	in.settle() // a.md's Change is ready; nobody takes it
	in.send(fsnotify.Create, "b.md")
	c, _ := in.next("changes while busy")
	if !slices.Equal(c.Paths, []string{"a.md", "b.md"}) || c.All {
		t.Errorf("changes while busy: %+v, want a.md and b.md", c)
	}
	in.none("after them")
}

// TestInjectedQuiet: a burst is told Quiet after its last change while it is short, and may
// pause up to twice as long as it has lasted, up to longPause, without being cut in two.
func TestInjectedQuiet(t *testing.T) {
	in := startInjected(t, Options{Quiet: 10 * time.Millisecond})
	in.send(fsnotify.Write, "a.md")
	c, waited := in.next("one write")
	if waited != 10*time.Millisecond || !slices.Equal(c.Paths, []string{"a.md"}) {
		t.Errorf("one write: %+v after %v, want a.md after Quiet (10ms)", c, waited)
	}

	// A burst that has gone on for 40 ms may pause 80 ms.
	in.send(fsnotify.Write, "a.md")
	in.clk.advance(40 * time.Millisecond)
	in.send(fsnotify.Write, "b.md")
	if _, waited := in.next("a burst of 40 ms"); waited != 80*time.Millisecond {
		t.Errorf("a burst of 40 ms was told %v after its last change, want 80ms", waited)
	}
	// One that has gone on for a second, no longer than longPause.
	in.send(fsnotify.Write, "a.md")
	in.clk.advance(time.Second)
	in.send(fsnotify.Write, "b.md")
	if _, waited := in.next("a burst of 1 s"); waited != longPause {
		t.Errorf("a burst of 1 s was told %v after its last change, want longPause (%v)", waited, longPause)
	}
	in.none("after the bursts")
}

// TestInjectedBurstWithStalls: a long burst that stalls now and then, as a checkout on a busy
// machine does, is still one change; changes that never stop are told after MaxDelay.
func TestInjectedBurstWithStalls(t *testing.T) {
	in := startInjected(t, Options{})
	for i := range 600 {
		in.send(fsnotify.Create, fmt.Sprintf("f%03d.md", i))
		in.clk.advance(50 * time.Microsecond)
		if i%150 == 149 {
			in.clk.advance(30 * time.Millisecond)
		}
	}
	if c, _ := in.next("a burst with stalls"); len(c.Paths) != 600 {
		t.Errorf("the first change names %d of 600 files", len(c.Paths))
	}
	in.none("after the burst")

	in2 := startInjected(t, Options{MaxDelay: 300 * time.Millisecond})
	var (
		told    Change
		elapsed time.Duration
	)
	for ; elapsed < 2*time.Second; elapsed += 2 * time.Millisecond {
		in2.send(fsnotify.Write, "busy.md")
		if in2.clk.advance(2 * time.Millisecond) {
			elapsed += 2 * time.Millisecond
			// No event comes until the Change is taken, so the loop surely offers it.
			select {
			case told = <-in2.w.Changes():
			case <-time.After(wait):
				t.Fatalf("never-ending changes: no change reported %v after the timer fired", wait)
			}
			break
		}
	}
	if !slices.Equal(told.Paths, []string{"busy.md"}) || elapsed != 300*time.Millisecond {
		t.Errorf("never-ending changes: %+v after %v, want busy.md after MaxDelay (300ms)", told, elapsed)
	}
}

// TestInjectedDeleteGrace: a file deleted and written anew, as git checkout and some editors do,
// is one change, told once it is back; a removal for good is told after the grace, not before;
// a file the burst made itself (an editor's temporary file) is not waited for.
func TestInjectedDeleteGrace(t *testing.T) {
	const grace = 2 * time.Second
	in := startInjected(t, Options{Grace: grace})

	in.send(fsnotify.Remove, "2026/a.md")
	if in.clk.advance(100 * time.Millisecond) { // far longer than Quiet: without the grace, the removal is told now
		t.Errorf("the removal was told before the file was back")
	}
	in.send(fsnotify.Create, "2026/a.md")
	c, waited := in.next("a file deleted and written anew")
	if !slices.Equal(c.Paths, []string{"2026/a.md"}) || c.All || waited != 200*time.Millisecond {
		t.Errorf("a file deleted and written anew: %+v %v after it was back, want 2026/a.md after a pause (200ms)", c, waited)
	}

	in.send(fsnotify.Remove, "2026/a.md")
	if c, waited := in.next("a file deleted for good"); waited != grace || !slices.Equal(c.Paths, []string{"2026/a.md"}) {
		t.Errorf("a file deleted for good: %+v after %v, want it named after the grace of %v", c, waited, grace)
	}

	in.send(fsnotify.Create, "2026/a.md.tmp")
	in.send(fsnotify.Write, "2026/a.md.tmp")
	in.send(fsnotify.Rename, "2026/a.md.tmp")
	in.send(fsnotify.Create, "2026/a.md")
	if c, waited := in.next("a save through a temporary file"); waited >= grace || !slices.Contains(c.Paths, "2026/a.md") {
		t.Errorf("a save through a temporary file: %+v after %v, the whole grace", c, waited)
	}
	in.none("after the save")
}
