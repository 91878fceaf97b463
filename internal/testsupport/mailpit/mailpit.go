// Package mailpit runs Mailpit (github.com/axllent/mailpit), a real SMTP server that keeps what
// it receives and shows it through an HTTP API, for the tests of the e-mail channel. Start runs
// one on free loopback ports for one test and stops it when the test ends; its methods list the
// messages received, read one (headers, text, HTML, raw source) and wait, bounded, for a number
// of them.
//
// The tests find the mailpit binary on PATH or in $(go env GOPATH)/bin. Without it a test is
// skipped with the command that installs it, unless CI is set: then it fails.
package mailpit

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"statuspress/internal/testsupport"
)

// Version is the Mailpit the tests are written against; .ci/run installs it.
const Version = "v1.33.1"

// Install is the command that installs it.
const Install = "go install github.com/axllent/mailpit@" + Version

// TLS is how a Mailpit started with a certificate speaks TLS.
type TLS int

const (
	// NoTLS offers no encryption at all.
	NoTLS TLS = iota
	// OfferSTARTTLS offers STARTTLS and accepts clear text too.
	OfferSTARTTLS
	// RequireSTARTTLS refuses mail until the client has said STARTTLS.
	RequireSTARTTLS
	// ImplicitTLS speaks TLS from the first byte (smtps).
	ImplicitTLS
)

// TLSName is a name that is not loopback which the certificate holds besides localhost and the
// loopback addresses, for tests that reach Mailpit under a remote-looking name.
const TLSName = "mailpit.test"

// Options change how Mailpit runs.
type Options struct {
	TLS TLS
	// AllowedRecipients, when set, is a regular expression: Mailpit answers 550 to every
	// recipient that does not match it.
	AllowedRecipients string
}

// Server is a running Mailpit.
type Server struct {
	// SMTPAddr is host:port of its SMTP server, on 127.0.0.1.
	SMTPAddr string
	// API is the base URL of its HTTP API.
	API string
	// Roots trusts its certificate when it was started with TLS; nil otherwise.
	Roots *x509.CertPool

	client *http.Client
}

// Start runs Mailpit without TLS for the test.
func Start(t testing.TB) *Server { return StartWith(t, Options{}) }

// StartWith runs Mailpit with o for the test, and stops it when the test ends.
func StartWith(t testing.TB, o Options) *Server {
	t.Helper()
	bin := find(t)
	dir := t.TempDir()
	s := &Server{client: &http.Client{Timeout: 10 * time.Second}}
	smtpPort, httpPort := freePort(t), freePort(t)
	s.SMTPAddr = net.JoinHostPort("127.0.0.1", smtpPort)
	s.API = "http://" + net.JoinHostPort("127.0.0.1", httpPort)
	args := []string{
		"--smtp", s.SMTPAddr,
		"--listen", net.JoinHostPort("127.0.0.1", httpPort),
		"--database", filepath.Join(dir, "mailpit.db"),
		"--smtp-auth-accept-any",
		"--smtp-disable-rdns",
		"--disable-version-check",
		"--quiet",
		// Keep every message (Mailpit keeps 500 by default): fan-out tests count thousands.
		"--max", "0",
	}
	if o.TLS == NoTLS {
		args = append(args, "--smtp-auth-allow-insecure")
	} else {
		cert, key := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
		s.Roots = selfSigned(t, cert, key)
		args = append(args, "--smtp-tls-cert", cert, "--smtp-tls-key", key)
		switch o.TLS {
		case OfferSTARTTLS:
			args = append(args, "--smtp-auth-allow-insecure")
		case RequireSTARTTLS:
			args = append(args, "--smtp-require-starttls")
		case ImplicitTLS:
			args = append(args, "--smtp-require-tls")
		}
	}
	if o.AllowedRecipients != "" {
		args = append(args, "--smtp-allowed-recipients", o.AllowedRecipients)
	}
	var out lockedBuffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatalf("start mailpit: %v", err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
	})
	// Ready when the API answers and the SMTP port takes connections.
	deadline := time.Now().Add(15 * time.Second)
	for {
		select {
		case <-exited:
			t.Fatalf("mailpit exited at start: %s", out.String())
		default:
		}
		if resp, err := s.client.Get(s.API + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				if c, err := net.DialTimeout("tcp", s.SMTPAddr, time.Second); err == nil {
					c.Close()
					return s
				}
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("mailpit did not answer within 15 s: %s", out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// find is the mailpit binary: on PATH, then in $(go env GOPATH)/bin.
func find(t testing.TB) string {
	t.Helper()
	if p, err := exec.LookPath("mailpit"); err == nil {
		return p
	}
	if out, err := exec.Command("go", "env", "GOPATH").Output(); err == nil {
		for _, dir := range filepath.SplitList(strings.TrimSpace(string(out))) {
			p := filepath.Join(dir, "bin", "mailpit")
			if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
				return p
			}
		}
	}
	msg := "mailpit is not installed (neither on PATH nor in $(go env GOPATH)/bin): " + Install
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

func freePort(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	_, port, _ := net.SplitHostPort(l.Addr().String())
	return port
}

// selfSigned writes a certificate for 127.0.0.1 and localhost and its key, and returns a pool
// that trusts it.
func selfSigned(t testing.TB, certFile, keyFile string) *x509.CertPool {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "mailpit test"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		DNSNames:              []string{"localhost", TLSName},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return pool
}

// Address is a name and an address as Mailpit reports them.
type Address struct {
	Name    string
	Address string
}

// Summary is a message in the list.
type Summary struct {
	ID        string
	MessageID string
	From      Address
	To        []Address
	Subject   string
}

// Message is one message read whole.
type Message struct {
	ID        string
	MessageID string
	From      Address
	To        []Address
	Subject   string
	Text      string
	HTML      string
	// ListUnsubscribe is what Mailpit made of the List-Unsubscribe headers.
	ListUnsubscribe struct {
		Header     string
		Links      []string
		Errors     string
		HeaderPost string
	}
	// Headers are the message's headers, as Mailpit decoded them; Raw is its source.
	Headers map[string][]string `json:"-"`
	Raw     string              `json:"-"`
}

// Header is the first value of a header, or "".
func (m Message) Header(name string) string {
	for k, v := range m.Headers {
		if strings.EqualFold(k, name) && len(v) > 0 {
			return v[0]
		}
	}
	return ""
}

// Messages lists the messages received, newest first, all of them.
func (s *Server) Messages(t testing.TB) []Summary {
	t.Helper()
	const page = 1000
	var all []Summary
	for {
		var list struct {
			Messages []Summary `json:"messages"`
		}
		s.getJSON(t, fmt.Sprintf("/api/v1/messages?limit=%d&start=%d", page, len(all)), &list)
		all = append(all, list.Messages...)
		if len(list.Messages) < page {
			return all
		}
	}
}

// Count is how many messages were received.
func (s *Server) Count(t testing.TB) int {
	t.Helper()
	var list struct {
		Total int `json:"total"`
	}
	s.getJSON(t, "/api/v1/messages?limit=1", &list)
	return list.Total
}

// Message reads one message: its parts, its headers and its source.
func (s *Server) Message(t testing.TB, id string) Message {
	t.Helper()
	var m Message
	s.getJSON(t, "/api/v1/message/"+id, &m)
	s.getJSON(t, "/api/v1/message/"+id+"/headers", &m.Headers)
	m.Raw = string(s.get(t, "/api/v1/message/"+id+"/raw"))
	return m
}

// Wait waits, up to 15 s, until n messages have arrived, and returns them newest first. It
// fails the test when fewer come, and when more do.
func (s *Server) Wait(t testing.TB, n int) []Summary {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		list := s.Messages(t)
		if len(list) > n {
			t.Fatalf("mailpit received %d messages, want %d", len(list), n)
		}
		if len(list) == n {
			return list
		}
		if time.Now().After(deadline) {
			t.Fatalf("mailpit received %d messages within 15 s, want %d", len(list), n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (s *Server) get(t testing.TB, path string) []byte {
	t.Helper()
	resp, err := s.client.Get(s.API + path)
	if err != nil {
		t.Fatalf("mailpit API: %v", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("mailpit API %s: %v", path, err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("mailpit API %s: %s: %s", path, resp.Status, body)
	}
	return body
}

func (s *Server) getJSON(t testing.TB, path string, v any) {
	t.Helper()
	if err := json.Unmarshal(s.get(t, path), v); err != nil {
		t.Fatalf("mailpit API %s: %v", path, err)
	}
}

// lockedBuffer collects Mailpit's output for the failure messages.
type lockedBuffer = testsupport.Buffer
