package notify

import (
	"os"
	"testing"
	"time"

	"statuspress/internal/content"
	"statuspress/internal/incident"
	"statuspress/internal/testsupport"
	"statuspress/internal/testsupport/synthetic"
)

// BenchmarkDiff is the work a reload of a large site adds for notifications: the events of the
// whole content before and after, compared. One incident gains an update.
func BenchmarkDiff(b *testing.B) {
	cat := content.Load(os.DirFS(testsupport.Corpus(b, 10000)), content.Options{})
	prev := cat.Incidents
	next := append([]*incident.Incident(nil), prev...)
	edited := clone(next[0])
	at := synthetic.CorpusNow.Add(-time.Minute)
	edited.Updates = append(edited.Updates, incident.Update{At: at, Status: incident.StatusMonitoring})
	edited.Texts[edited.Lang].Updates[at.UnixNano()] = "<p>Better</p>"
	next[0] = edited
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if len(Diff(prev, next, synthetic.CorpusNow)) != 1 {
			b.Fatal("want one event")
		}
	}
}

// BenchmarkDue is one tick of the clock on a large site: a minute in which nothing happens.
func BenchmarkDue(b *testing.B) {
	cat := content.Load(os.DirFS(testsupport.Corpus(b, 10000)), content.Options{})
	from := synthetic.CorpusNow.Add(time.Hour)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Due(cat.Incidents, from, from.Add(time.Minute))
	}
}

// BenchmarkSnapshot is what a store records as sent on its first start.
func BenchmarkSnapshot(b *testing.B) {
	cat := content.Load(os.DirFS(testsupport.Corpus(b, 10000)), content.Options{})
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Snapshot(cat.Incidents, synthetic.CorpusNow)
	}
}
