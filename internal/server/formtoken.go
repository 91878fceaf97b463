package server

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"time"
)

// formWindow is the time window of a form token: a token made in one window is good in that and
// the next, so a page holds a working form for one to two days, however long a cache keeps it.
const formWindow = 24 * time.Hour

// formTokens makes and checks the tokens of the subscribe form: an HMAC, with the server's key,
// of the form's language and the time window it was made in. It needs no cookie, no session and
// no JavaScript, and it holds nothing of a reader, so a page carrying it stays cacheable. Another
// site cannot make one without the key.
type formTokens struct {
	key []byte
}

func newFormTokens(key []byte) formTokens {
	if len(key) == 0 {
		key = make([]byte, 32)
		rand.Read(key) // never fails (crypto/rand)
	}
	return formTokens{key: key}
}

func (f formTokens) make(lang string, now time.Time) string {
	return f.at(lang, now.Unix()/int64(formWindow/time.Second))
}

func (f formTokens) at(lang string, window int64) string {
	m := hmac.New(sha256.New, f.key)
	m.Write([]byte("statuspress subscribe form\x00"))
	m.Write([]byte(lang))
	m.Write([]byte{0})
	m.Write(strconv.AppendInt(nil, window, 10))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:24])
}

// valid reports whether token was made for lang in this window or the one before.
func (f formTokens) valid(token, lang string, now time.Time) bool {
	if len(token) != 32 {
		return false
	}
	w := now.Unix() / int64(formWindow/time.Second)
	for _, window := range []int64{w, w - 1} {
		if hmac.Equal([]byte(token), []byte(f.at(lang, window))) {
			return true
		}
	}
	return false
}
