package export

import (
	"bytes"
	"compress/gzip"
	"path"
	"runtime"
	"sync"

	"github.com/andybalholm/brotli"
)

// minCompress is the size below which a file is not worth a compressed copy: the saving is less
// than a packet.
const minCompress = 1024

// compressible are the extensions of the text files that get .gz and .br copies.
var compressible = map[string]bool{
	".html": true, ".css": true, ".js": true, ".json": true, ".xml": true, ".rss": true,
	".atom": true, ".ics": true, ".svg": true, ".txt": true,
}

// compressedCopies returns a .gz and a .br copy of every text file of at least minCompress bytes,
// by file name: gzip at its best compression, brotli at quality (0 means the best, 11), as they are
// made once and served many times. The gzip header carries neither a name nor a time, so equal
// input gives equal output.
func compressedCopies(files map[string][]byte, quality int) (map[string][]byte, error) {
	if quality <= 0 || quality > brotli.BestCompression {
		quality = brotli.BestCompression
	}
	var names []string
	for f, body := range files {
		if compressible[path.Ext(f)] && len(body) >= minCompress {
			names = append(names, f)
		}
	}
	out := make(map[string][]byte, 2*len(names))
	var (
		mu       sync.Mutex
		firstErr error
		wg       sync.WaitGroup
	)
	work := make(chan string)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for f := range work {
				gz, err1 := gzipBytes(files[f])
				br, err2 := brotliBytes(files[f], quality)
				mu.Lock()
				if err := firstOf(err1, err2); err != nil && firstErr == nil {
					firstErr = err
				}
				out[f+".gz"], out[f+".br"] = gz, br
				mu.Unlock()
			}
		})
	}
	for _, f := range names {
		work <- f
	}
	close(work)
	wg.Wait()
	return out, firstErr
}

func gzipBytes(b []byte) ([]byte, error) {
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

func brotliBytes(b []byte, quality int) ([]byte, error) {
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

func firstOf(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
