package content

import (
	"math/rand/v2"
	"testing"
)

func TestControlByteMatchesSlow(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 5000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			switch r.IntN(6) {
			case 0:
				b[i] = byte(r.IntN(256))
			case 1:
				b[i] = '\n'
			default:
				b[i] = byte(0x20 + r.IntN(0x5f))
			}
		}
		if got, want := controlByte(b), controlByteSlow(b); got != want {
			t.Fatalf("case %d %q: controlByte %d, want %d", n, b, got, want)
		}
	}
}
