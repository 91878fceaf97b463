package httpcache

import (
	"bytes"
	"compress/gzip"
	"strings"

	"github.com/andybalholm/brotli"
)

// MinCompress is the size below which a body is not worth a compressed form: the saving is less
// than a packet.
const MinCompress = 1024

// Compressible reports whether a body of this content type is text that compresses (HTML, CSS,
// scripts, JSON, XML, feeds, calendars, SVG), rather than a picture that is compressed already.
func Compressible(contentType string) bool {
	ctype, _, _ := strings.Cut(contentType, ";")
	ctype = strings.TrimSpace(ctype)
	return strings.HasPrefix(ctype, "text/") || strings.HasSuffix(ctype, "+xml") || strings.HasSuffix(ctype, "+json") ||
		ctype == "application/json" || ctype == "application/javascript" || ctype == "application/xml"
}

// Gzip compresses b at gzip's best compression. The header carries neither a name nor a time, so
// equal input gives equal output.
func Gzip(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Brotli compresses b at quality, 0 to 11 (brotli.BestCompression).
func Brotli(b []byte, quality int) ([]byte, error) {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, quality)
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
