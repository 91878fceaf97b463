package subscription_test

import (
	"net/mail"
	"strings"
	"testing"

	"statuspress/internal/store"
	"statuspress/internal/subscription"
)

// FuzzCheckAddress: whatever comes in, an address CheckAddress accepts is one plain address that
// net/mail reads back unchanged, with no control character (no header injection) and within the
// store's length.
func FuzzCheckAddress(f *testing.F) {
	for _, s := range []string{"ada@example.org", " ada@example.org ", "Ada <ada@example.org>", "a@b.c\r\nBcc: x@y.z",
		`"a b"@example.org`, "a@[127.0.0.1]", "a(comment)@example.org", "=?utf-8?q?x?=@example.org", "ä@exämple.org"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := subscription.CheckAddress(in)
		if err != nil {
			return
		}
		if got != strings.TrimSpace(in) || len(got) > store.MaxAddressLength {
			t.Fatalf("CheckAddress(%q) = %q", in, got)
		}
		if strings.ContainsFunc(got, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
			t.Fatalf("CheckAddress(%q) accepts a control character", in)
		}
		a, err := mail.ParseAddress(got)
		if err != nil || a.Name != "" || a.Address != got {
			t.Fatalf("CheckAddress(%q) = %q, which net/mail reads as %+v, %v", in, got, a, err)
		}
	})
}
