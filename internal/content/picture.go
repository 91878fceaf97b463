package content

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	imggif "image/gif"
	imgjpeg "image/jpeg"
	imgpng "image/png"
	"io"
	"strings"
)

// A picture whose first bytes are right can still be no picture: a stub of just the signature (an
// 8-byte errors.png), or a file cut short in a copy or an upload. The browser shows it broken.
// Such a file holds nothing that could run, so it is published, with a warning that says what is
// wrong. pictureProblem reads the header and the last few KiB of a file, never the whole of it.

// pictureTail is how much of a file's end is searched for its format's end marker: a few programs
// write data after it.
const pictureTail = 4 << 10

// pictureProblem tells why the file r, of size bytes and of the Content-Type ctype that its first
// bytes gave, is not a picture a browser can show, or "" when nothing is found wrong.
func pictureProblem(ctype string, r io.ReaderAt, size int64) string {
	sr := io.NewSectionReader(r, 0, size)
	switch ctype {
	case "image/png", "image/jpeg", "image/gif":
		decode := map[string]func(io.Reader) (image.Config, error){"image/png": imgpng.DecodeConfig, "image/jpeg": imgjpeg.DecodeConfig, "image/gif": imggif.DecodeConfig}[ctype]
		cfg, err := decode(sr)
		// image/gif wraps the end of the input without %w.
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || err != nil && strings.HasSuffix(err.Error(), "EOF") {
			return fmt.Sprintf("%s; %s", cutShort(size), saveAgain)
		}
		if err != nil {
			return fmt.Sprintf("the picture cannot be read (%v); %s", err, saveAgain)
		}
		if cfg.Width == 0 || cfg.Height == 0 {
			return fmt.Sprintf("the picture is %d×%d pixels, which shows nothing; %s", cfg.Width, cfg.Height, saveAgain)
		}
		end := map[string]string{"image/png": "IEND\xaeB`\x82", "image/jpeg": "\xff\xd9"}[ctype]
		if end == "" {
			return ""
		}
		tail := make([]byte, min(size, pictureTail))
		if _, err := r.ReadAt(tail, size-int64(len(tail))); err != nil && err != io.EOF {
			return fmt.Sprintf("cannot read: %v", err)
		}
		if !bytes.Contains(tail, []byte(end)) {
			return fmt.Sprintf("the picture stops before its end (it was cut short, in a copy or an upload?), so the page shows it broken or in part; %s", saveAgain)
		}
	case "image/webp":
		// RIFF: "RIFF", the size of what follows, "WEBP", then a chunk VP8, VP8L or VP8X (which
		// the sniffing saw already).
		head := make([]byte, 8)
		if n, _ := r.ReadAt(head, 0); n < len(head) {
			return fmt.Sprintf("%s; %s", cutShort(size), saveAgain)
		}
		if riff := int64(binary.LittleEndian.Uint32(head[4:8])); riff+8 > size {
			return fmt.Sprintf("the picture stops before its end (%d bytes of %d; cut short in a copy or an upload?), so the page shows it broken; %s", size, riff+8, saveAgain)
		}
	case "image/avif":
		// ISO-BMFF: boxes one after another, each its size and its type; the picture's
		// description is in `meta`.
		var meta bool
		for off := int64(0); off < size; {
			box := make([]byte, 16)
			n, _ := r.ReadAt(box, off)
			if n < 8 {
				return fmt.Sprintf("the picture stops before its end (cut short in a copy or an upload?), so the page shows it broken; %s", saveAgain)
			}
			boxSize := int64(binary.BigEndian.Uint32(box[:4]))
			switch boxSize {
			case 0: // to the end of the file
				boxSize = size - off
			case 1: // a 64-bit size follows the type
				if n < 16 {
					return fmt.Sprintf("the picture stops before its end (cut short in a copy or an upload?), so the page shows it broken; %s", saveAgain)
				}
				boxSize = int64(binary.BigEndian.Uint64(box[8:16]))
			}
			if boxSize < 8 || off+boxSize > size {
				return fmt.Sprintf("the picture stops before its end (cut short in a copy or an upload?), so the page shows it broken; %s", saveAgain)
			}
			meta = meta || string(box[4:8]) == "meta"
			off += boxSize
		}
		if !meta {
			return fmt.Sprintf("the AVIF file holds no picture, only its file type; %s", saveAgain)
		}
	}
	return ""
}

// saveAgain is what to do about a picture that is not one.
const saveAgain = "save or export it again, or replace it with a picture that opens"

// cutShort says what a picture whose header cannot be read is: the bare signature of a stub, or
// a header cut short.
func cutShort(size int64) string {
	return fmt.Sprintf("the file is %s and holds no picture a browser can show, only the start of one", byteSize(size))
}
