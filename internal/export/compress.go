package export

import (
	"path"
	"runtime"
	"sync"

	"github.com/andybalholm/brotli"

	"statuspress/internal/httpcache"
)

// compressible are the extensions of the text files that get .gz and .br copies.
var compressible = map[string]bool{
	".html": true, ".css": true, ".js": true, ".json": true, ".xml": true, ".rss": true,
	".atom": true, ".ics": true, ".svg": true, ".txt": true,
}

// compressedCopies returns a .gz and a .br copy of every text file of at least
// httpcache.MinCompress bytes, by file name: gzip at its best compression, brotli at quality (0
// means the best, 11), as they are made once and served many times. Equal input gives equal
// output.
func compressedCopies(files map[string][]byte, quality int) (map[string][]byte, error) {
	if quality <= 0 || quality > brotli.BestCompression {
		quality = brotli.BestCompression
	}
	var names []string
	for f, body := range files {
		if compressible[path.Ext(f)] && len(body) >= httpcache.MinCompress {
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
				gz, err1 := httpcache.Gzip(files[f])
				br, err2 := httpcache.Brotli(files[f], quality)
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

func firstOf(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
