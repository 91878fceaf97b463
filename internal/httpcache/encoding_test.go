package httpcache_test

import (
	"testing"

	"statuspress/internal/httpcache"
)

func TestEncoding(t *testing.T) {
	for _, tc := range []struct {
		accept string
		want   string
	}{
		{"", ""},
		{"gzip", "gzip"},
		{"gzip, deflate, br", "br"},
		{"gzip, deflate, br, zstd", "br"},
		{"br;q=1.0, gzip;q=0.8, *;q=0.1", "br"},
		{"GZIP", "gzip"},
		{"x-gzip", "gzip"},
		{"deflate", ""},
		{"identity", ""},
		// Weights.
		{"gzip;q=1, br;q=0.5", "gzip"},
		{"br;q=0.5, gzip;q=0.5", "br"}, // a tie: the server's order
		{"gzip ; q=0.9 , br ; q=0.95", "br"},
		{"br;q=0, gzip", "gzip"},
		{"br;q=0.000, gzip;q=0.001", "gzip"},
		{"br;q=0, gzip;q=0", ""},
		{"gzip;Q=0", ""},
		// Identity.
		{"br;q=0.5, identity", ""},
		{"br, identity;q=0.5", "br"},
		{"gzip;q=0.5", "gzip"}, // identity unlisted comes after every acceptable coding
		{"identity;q=0", ""},   // nothing acceptable is offered: identity all the same
		{"identity;q=0, gzip;q=0.1", "gzip"},
		// The wildcard.
		{"*", "br"},
		{"*;q=0", ""},
		{"br;q=0, *", "gzip"},
		{"*;q=0.5, gzip", "gzip"},
		{"*;q=0.5, identity", ""},
		{"*;q=0, identity;q=0, gzip;q=0.2", "gzip"},
		// Malformed weights ignore the member.
		{"br;q=2, gzip", "gzip"},
		{"br;q=1.5, gzip", "gzip"},
		{"br;q=0.5000, gzip;q=0.4", "gzip"},
		{"br;q=, gzip;q=0.4", "gzip"},
		{"br;q=.5, gzip;q=0.4", "gzip"},
		{"br;q=1.001, gzip;q=0.4", "gzip"},
		{"br;level=3, gzip;q=0.4", "br"}, // a parameter that is not the weight
		{" , br", "br"},
	} {
		if got := httpcache.Encoding(tc.accept, "br", "gzip"); got != tc.want {
			t.Errorf("Encoding(%q, br, gzip) = %q, want %q", tc.accept, got, tc.want)
		}
	}
}

// TestEncodingOffers: only what the server offers is chosen.
func TestEncodingOffers(t *testing.T) {
	if got := httpcache.Encoding("br, gzip", "gzip"); got != "gzip" {
		t.Errorf("br refused? got %q, want gzip, the only coding offered", got)
	}
	if got := httpcache.Encoding("br, gzip"); got != "" {
		t.Errorf("nothing offered: got %q, want identity", got)
	}
}

func TestEncodingAllocatesNothing(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() { httpcache.Encoding("gzip;q=0.8, deflate, br;q=1.0, *;q=0.1", "br", "gzip") })
	if allocs != 0 {
		t.Errorf("%v allocations, want none: every cached answer chooses one", allocs)
	}
}
