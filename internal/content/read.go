package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"sync"
	"unicode/utf8"

	"statuspress/internal/yamlnode"
)

// parsed is an mdFile after reading: its report and, when it has no errors, its decoded parts.
type parsed struct {
	file mdFile
	r    *report
	// sum is the SHA-256 of the file's bytes; read is set once src holds them. A file whose size
	// and time did not change since the last load is not read unless its incident is rebuilt.
	sum    [sha256.Size]byte
	read   bool
	src    []byte
	root   *yamlnode.Node // the front matter's root node
	doc    *yamlDoc
	body   []byte
	bodyAt int
}

// read returns a file's text with a byte-order mark and CR line endings removed, refusing files
// that are too large (size -1: not yet known), empty, or not UTF-8.
func (ps *pass) read(name string, size int64, r *report) ([]byte, bool) {
	if size < 0 {
		// Not seen by the walk (site.yaml): opening a named pipe would wait forever.
		if info, err := fs.Stat(ps.fsys, name); err == nil {
			if !info.Mode().IsRegular() {
				r.errorf(pos{1, 1}, "this is %s, not a file; replace it with a file", fileKind(info.Mode()))
				return nil, false
			}
			size = info.Size()
		}
	}
	f, err := ps.fsys.Open(name)
	if err != nil {
		// A file the walk did not vouch for (site.yaml), or one changed since, may be a link
		// that OpenDir's file system refuses to follow: say which and why.
		var le *linkError
		if _, _, lerr := resolve(ps.fsys, name); errors.As(lerr, &le) && len(le.chain) > 0 {
			if le.out {
				r.errorf(pos{1, 1}, "this symbolic link leads outside the content directory%s; nothing outside it is read: copy the file in instead", le.through())
			} else {
				r.errorf(pos{1, 1}, "this symbolic link %s%s; fix or remove the link", le.msg, le.through())
			}
			return nil, false
		}
		if errors.Is(err, fs.ErrNotExist) && name == SiteFile {
			ps.noSite = true
			r.errorf(pos{1, 1}, "site.yaml is missing: the content directory needs one with the title, languages and components")
			return nil, false
		}
		r.errorf(pos{1, 1}, "cannot read: %v", err)
		return nil, false
	}
	defer f.Close()
	if size > ps.opt.MaxFileSize {
		r.errorf(pos{1, 1}, "file is %s, more than the limit of %s; move large pictures into a bundle folder or split the text", byteSize(size), byteSize(ps.opt.MaxFileSize))
		return nil, false
	}
	// The size is known from the walk: read into a buffer big enough at once (ReadFrom wants
	// MinRead bytes free before each read, the last one included).
	buf := bytes.NewBuffer(make([]byte, 0, max(size, 0)+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(f, ps.opt.MaxFileSize+1))
	src := buf.Bytes()
	if err != nil {
		r.errorf(pos{1, 1}, "cannot read: %v", err)
		return nil, false
	}
	if int64(len(src)) > ps.opt.MaxFileSize {
		r.errorf(pos{1, 1}, "file is more than the limit of %s; move large pictures into a bundle folder or split the text", byteSize(ps.opt.MaxFileSize))
		return nil, false
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(src) {
		at := invalidUTF8(src)
		r.errorf(at, "the file is not valid UTF-8 (a byte here is not part of any character); save it as UTF-8")
		return nil, false
	}
	if bytes.IndexByte(src, '\r') >= 0 {
		// A carriage return alone ends a line too (old Mac files): YAML, CommonMark and editors
		// all read it so, and positions must count lines as they do.
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	}
	if i := controlByte(src); i >= 0 {
		r.warnf(posOf(src, i), "holds the invisible control character U+%04X (pasted from a terminal or a document?); delete it: readers see nothing, or a box, and some feed readers reject it", src[i])
	}
	if len(bytes.TrimSpace(src)) == 0 {
		if name == SiteFile {
			r.errorf(pos{1, 1}, "site.yaml is empty; it needs at least title, base_url, default_language, languages and components")
		} else {
			r.errorf(pos{1, 1}, "the file is empty; an incident needs front matter between `---` lines with at least a title")
		}
		return nil, false
	}
	return src, true
}

func invalidUTF8(src []byte) pos {
	i := 0
	for i < len(src) {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		i += n
	}
	return posOf(src, i)
}

// controlByte returns the offset of the first control character in src that has no place in a
// text file (anything below space but tab, newline and carriage return, and DEL), or -1.
func controlByte(src []byte) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	// Eight bytes at a time: a word with no byte below space and none that is DEL holds nothing to
	// look at (the usual bit trick: a byte b < n, n <= 128, borrows into its high bit in b - n
	// while b's own high bit is clear). Most words of a text pass at once; those with a newline or
	// tab are looked at byte by byte.
	for ; i+8 <= len(src); i += 8 {
		w := binary.LittleEndian.Uint64(src[i:])
		del := w ^ 0x7f*ones
		if (w-0x20*ones)&^w&highs == 0 && (del-ones)&^del&highs == 0 {
			continue
		}
		if j := controlByteSlow(src[i : i+8]); j >= 0 {
			return i + j
		}
	}
	if j := controlByteSlow(src[i:]); j >= 0 {
		return i + j
	}
	return -1
}

func controlByteSlow(src []byte) int {
	for i, b := range src {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7f {
			return i
		}
	}
	return -1
}

// posOf is the line and column (in characters) of the byte offset off of valid UTF-8 text src.
func posOf(src []byte, off int) pos {
	line, col := 1, 1
	for i := 0; i < off; {
		r, n := utf8.DecodeRune(src[i:])
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += n
	}
	return pos{line, col}
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	if n == 1 {
		return "1 byte"
	}
	return fmt.Sprintf("%d bytes", n)
}

// readAll reads every file that may have changed since the last load, in parallel, and
// remembers the others' hashes; see Loader.unchanged.
func (ps *pass) readAll(files []mdFile) []*parsed {
	out := ps.readStale(files, ps.ld.unchanged)
	seen := make(map[string]stamp, len(out))
	for _, p := range out {
		if !p.r.failed() {
			seen[p.file.path] = stamp{size: p.file.size, mod: p.file.mod, sum: p.sum}
		}
	}
	ps.ld.seen = seen
	return out
}

// readStale makes a parsed file of each of files, reading (on every processor) those that known
// does not vouch for; the others keep the hash known gives.
func (ps *pass) readStale(files []mdFile, known func(mdFile) (stamp, bool)) []*parsed {
	out := make([]*parsed, len(files))
	var stale []*parsed
	for i, f := range files {
		p := &parsed{file: f, r: &report{path: f.path}}
		if st, ok := known(f); ok {
			p.sum = st.sum
		} else {
			stale = append(stale, p)
		}
		out[i] = p
	}
	parallel(len(stale), func(i int) { ps.readFile(stale[i]) })
	return out
}

// readFile reads a file that readAll did not, or did not yet.
func (ps *pass) readFile(p *parsed) {
	if p.read {
		return
	}
	p.read = true
	p.src, _ = ps.read(p.file.path, p.file.size, p.r)
	p.sum = sha256.Sum256(p.src)
}

// release drops what a file's bytes were parsed into, once its incident is built, so a load of
// ten thousand files never holds them all at once.
func (p *parsed) release() {
	p.src, p.root, p.doc, p.body = nil, nil, nil, nil
}

// parallel calls f(0) ... f(n-1) on every processor.
func parallel(n int, f func(int)) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range jobs {
				f(i)
			}
		})
	}
	for i := range n {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

// parseFront splits a file that was read and parses its front matter.
func (ps *pass) parseFront(p *parsed) {
	if p.src == nil {
		return
	}
	fm, body, bodyAt, ok := split(p.src, p.r)
	if !ok {
		return
	}
	p.body, p.bodyAt = body, bodyAt
	p.doc = &yamlDoc{r: p.r, lineOff: 1, lenient: ps.lenient}
	if root := p.doc.parse(fm); root != nil {
		p.root = root
	} else if !p.r.failed() {
		p.r.errorf(pos{2, 1}, "the front matter is empty; it needs at least `title:`")
	}
}
