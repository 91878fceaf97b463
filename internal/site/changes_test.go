package site

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// TestReplaceChanges checks the block copying of replaceChanges against the plain way: take out,
// put in, sort. Instants repeat, as when an update and a resolution fall on the same minute.
func TestReplaceChanges(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	at := func() time.Time { return time.Unix(int64(r.IntN(40))*60, 0) }
	for range 500 {
		var all []time.Time
		for range r.IntN(30) {
			all = append(all, at())
		}
		slices.SortFunc(all, time.Time.Compare)
		var drop, add []time.Time
		for _, t := range all {
			if r.IntN(4) == 0 {
				drop = append(drop, t)
			}
		}
		for range r.IntN(5) {
			add = append(add, at())
		}
		slices.SortFunc(add, time.Time.Compare)

		want := slices.Clone(all)
		for _, d := range drop {
			i := slices.IndexFunc(want, d.Equal)
			want = slices.Delete(want, i, i+1)
		}
		want = append(want, add...)
		slices.SortFunc(want, time.Time.Compare)
		before := slices.Clone(all)
		got := replaceChanges(all, drop, add)
		if !slices.EqualFunc(want, got, time.Time.Equal) {
			t.Fatalf("replaceChanges(%v, %v, %v) = %v, want %v", all, drop, add, got, want)
		}
		if !slices.Equal(before, all) {
			t.Fatalf("replaceChanges changed its input")
		}
	}
}
