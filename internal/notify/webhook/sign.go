package webhook

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The Standard Webhooks headers (https://www.standardwebhooks.com/, spec/standard-webhooks.md).
const (
	HeaderID        = "webhook-id"
	HeaderTimestamp = "webhook-timestamp"
	HeaderSignature = "webhook-signature"
)

// secretPrefix marks a Standard Webhooks symmetric secret.
const secretPrefix = "whsec_"

// DecodeSecret decodes a Standard Webhooks secret: "whsec_" and the base64 of 24 to 64 random
// bytes, the sizes the specification asks for. The error says what is wrong without quoting the
// secret.
func DecodeSecret(s string) ([]byte, error) {
	b64, ok := strings.CutPrefix(s, secretPrefix)
	if !ok {
		return nil, errors.New("must start with `whsec_` (Standard Webhooks); make one with `echo whsec_$(openssl rand -base64 32)`")
	}
	key, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return nil, errors.New("is not base64 after `whsec_`; make one with `echo whsec_$(openssl rand -base64 32)`")
	}
	if len(key) < 24 || len(key) > 64 {
		return nil, fmt.Errorf("holds %d bytes; Standard Webhooks asks for 24 to 64, make one with `echo whsec_$(openssl rand -base64 32)`", len(key))
	}
	return key, nil
}

// Sign returns the webhook-signature of a message: "v1," and the base64 of the HMAC-SHA256, keyed
// with the decoded secret, of "<id>.<timestamp>.<body>", the timestamp in Unix seconds.
func Sign(key []byte, id string, at time.Time, body []byte) string {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + strconv.FormatInt(at.Unix(), 10) + "."))
	mac.Write(body)
	return "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// NewRequest returns the POST of body to url, signed: webhook-id is the message's id, the same
// on every attempt so receivers can drop duplicates; webhook-timestamp is the attempt's time.
func NewRequest(ctx context.Context, url string, key []byte, id string, at time.Time, body []byte) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "statuspress-webhooks")
	req.Header.Set(HeaderID, id)
	req.Header.Set(HeaderTimestamp, strconv.FormatInt(at.Unix(), 10))
	req.Header.Set(HeaderSignature, Sign(key, id, at, body))
	return req, nil
}

// Tolerance is how far a message's timestamp may be from the receiver's clock, the specification's
// recommended five minutes, which stops replays of old messages.
const Tolerance = 5 * time.Minute

// Errors of Verify.
var (
	ErrMissingHeaders = errors.New("webhook: missing webhook-id, webhook-timestamp or webhook-signature")
	ErrTimestamp      = errors.New("webhook: timestamp outside the tolerance")
	ErrSignature      = errors.New("webhook: no matching signature")
)

// Verify checks a received message as the specification tells receivers to: the three headers are
// present, the timestamp is within Tolerance of now, and one of the space-separated signatures
// of version v1 matches, compared in constant time. statuspress sends, and does not receive:
// Verify documents the format and checks Sign.
func Verify(key []byte, h http.Header, body []byte, now time.Time) error {
	id, ts, sigs := h.Get(HeaderID), h.Get(HeaderTimestamp), h.Get(HeaderSignature)
	if id == "" || ts == "" || sigs == "" {
		return ErrMissingHeaders
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return ErrTimestamp
	}
	at := time.Unix(sec, 0)
	if at.Before(now.Add(-Tolerance)) || at.After(now.Add(Tolerance)) {
		return ErrTimestamp
	}
	want := []byte(Sign(key, id, at, body))
	for _, sig := range strings.Fields(sigs) {
		if version, _, _ := strings.Cut(sig, ","); version != "v1" {
			continue
		}
		if subtle.ConstantTimeCompare([]byte(sig), want) == 1 {
			return nil
		}
	}
	return ErrSignature
}
