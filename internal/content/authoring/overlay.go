package authoring

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
)

// overlay is a content directory as it would be with one file written: base with name (a
// slash-separated path) holding data, and any folders on its path that do not exist yet. The
// loader reads it exactly as it would read the directory after the write.
type overlay struct {
	base fs.FS
	name string
	data []byte
	mod  time.Time
}

var (
	_ fs.ReadDirFS  = overlay{}
	_ fs.StatFS     = overlay{}
	_ fs.ReadLinkFS = overlay{}
)

// onPath reports whether dir is a folder on the way to the file (the root included).
func (o overlay) onPath(dir string) bool {
	return dir == "." || strings.HasPrefix(o.name, dir+"/")
}

func (o overlay) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if name == o.name {
		return &memFile{info: o.fileInfo(), r: bytes.NewReader(o.data)}, nil
	}
	if o.onPath(name) {
		entries, err := o.ReadDir(name)
		if err != nil {
			return nil, err
		}
		info, err := o.Stat(name)
		if err != nil {
			return nil, err
		}
		return &memDir{info: info, entries: entries}, nil
	}
	return o.base.Open(name)
}

func (o overlay) fileInfo() fileInfo {
	return fileInfo{name: path.Base(o.name), size: int64(len(o.data)), mode: 0o644, mod: o.mod}
}

func (o overlay) Stat(name string) (fs.FileInfo, error) {
	if name == o.name {
		return o.fileInfo(), nil
	}
	info, err := fs.Stat(o.base, name)
	if err != nil && o.onPath(name) && errors.Is(err, fs.ErrNotExist) {
		return fileInfo{name: path.Base(name), mode: fs.ModeDir | 0o755, mod: o.mod}, nil
	}
	return info, err
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(o.base, name)
	if !o.onPath(name) {
		return entries, err
	}
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		entries = nil
	}
	rest := o.name
	if name != "." {
		rest = strings.TrimPrefix(o.name, name+"/")
	}
	child, _, nested := strings.Cut(rest, "/")
	var entry fs.DirEntry = fs.FileInfoToDirEntry(o.fileInfo())
	if nested {
		entry = fs.FileInfoToDirEntry(fileInfo{name: child, mode: fs.ModeDir | 0o755, mod: o.mod})
	}
	i := slices.IndexFunc(entries, func(e fs.DirEntry) bool { return e.Name() == child })
	switch {
	case i < 0:
		entries = append(entries, entry)
	case !nested:
		entries[i] = entry
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, nil
}

func (o overlay) ReadLink(name string) (string, error) {
	if name == o.name {
		return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrInvalid}
	}
	return fs.ReadLink(o.base, name)
}

func (o overlay) Lstat(name string) (fs.FileInfo, error) {
	if name == o.name {
		return o.fileInfo(), nil
	}
	// A folder on the path that is a link stays a link, for the loader to check where it leads.
	info, err := fs.Lstat(o.base, name)
	if err != nil && o.onPath(name) && errors.Is(err, fs.ErrNotExist) {
		return o.Stat(name)
	}
	return info, err
}

type fileInfo struct {
	name string
	size int64
	mode fs.FileMode
	mod  time.Time
}

func (i fileInfo) Name() string       { return i.name }
func (i fileInfo) Size() int64        { return i.size }
func (i fileInfo) Mode() fs.FileMode  { return i.mode }
func (i fileInfo) ModTime() time.Time { return i.mod }
func (i fileInfo) IsDir() bool        { return i.mode.IsDir() }
func (i fileInfo) Sys() any           { return nil }

type memFile struct {
	info fs.FileInfo
	r    *bytes.Reader
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Read(p []byte) (int, error) { return f.r.Read(p) }
func (f *memFile) Close() error               { return nil }

type memDir struct {
	info    fs.FileInfo
	entries []fs.DirEntry
	off     int
}

func (d *memDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *memDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.Name(), Err: fs.ErrInvalid}
}
func (d *memDir) Close() error { return nil }

func (d *memDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	rest = rest[:min(n, len(rest))]
	d.off += len(rest)
	return rest, nil
}
