package content

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// MaxAssetSize is the largest bundle file that is published: pictures on a status page are far
// smaller, and the server reads a file whole to answer it.
const MaxAssetSize = 8 << 20

// A bundle's files are served from the site's own origin, where the Content-Security-Policy lets
// the site's scripts run: a file that a browser would run as a page or a script (HTML, JavaScript,
// an SVG with a <script>) would run as the site. So only pictures are published, each only when
// its bytes are what its name says (an HTML file named .png is refused), and an SVG only when it
// holds nothing that runs or loads anything (see checkSVG); the server also sends SVGs sandboxed.
var assetTypes = map[string]string{
	".png":  "image/png",
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
	".gif":  "image/gif",
	".webp": "image/webp",
	".avif": "image/avif",
	".svg":  "image/svg+xml",
}

// SVGType is the Content-Type of SVG pictures, which the server sends sandboxed.
const SVGType = "image/svg+xml"

// publishedTypes lists the published extensions, for messages.
const publishedTypes = "png, jpeg, gif, webp, avif and svg"

// sniffLen is how much of a picture its type is told from (http.DetectContentType's).
const sniffLen = 512

// ReadAsset reads the bundle file at p in fsys and returns its bytes and Content-Type, or an error
// when it is not (or no longer) a file that is published: the server checks what it reads at
// every request, since the file may have changed since the load.
func ReadAsset(fsys fs.FS, p string) ([]byte, string, error) {
	// A named pipe put in the picture's place would hold the request forever at the open.
	if info, err := fs.Stat(fsys, p); err != nil {
		return nil, "", err
	} else if !info.Mode().IsRegular() {
		return nil, "", fmt.Errorf("%s is %s, not a file", p, fileKind(info.Mode()))
	}
	f, err := fsys.Open(p)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	body, err := io.ReadAll(io.LimitReader(f, MaxAssetSize+1))
	if err != nil {
		return nil, "", err
	}
	if len(body) > MaxAssetSize {
		return nil, "", fmt.Errorf("%s is more than %s", p, byteSize(MaxAssetSize))
	}
	ctype, err := assetType(path.Base(p), body)
	if err != nil {
		return nil, "", fmt.Errorf("%s %w", p, err)
	}
	return body, ctype, nil
}

// checkAsset tells why the bundle file p (of size bytes) is not published, or "" when it is: it
// reads the start of a picture, and the whole of an SVG. warn is what is wrong with a picture
// that is published all the same (see pictureProblem).
func (ps *pass) checkAsset(p string, size int64) (why, warn string) {
	ext := strings.ToLower(path.Ext(p))
	if _, ok := assetTypes[ext]; !ok {
		what := "this kind of file"
		if ext != "" {
			what = "`" + ext + "` files"
		}
		return what + " could run as part of the site or are not pictures; a bundle publishes only pictures (" + publishedTypes + "): link documents from elsewhere, or remove the file", ""
	}
	if size > MaxAssetSize {
		return fmt.Sprintf("the file is %s, more than the limit of %s for a picture; make it smaller", byteSize(size), byteSize(MaxAssetSize)), ""
	}
	f, err := ps.fsys.Open(p)
	if err != nil {
		return fmt.Sprintf("cannot read: %v", err), ""
	}
	defer f.Close()
	var r io.Reader = io.LimitReader(f, sniffLen)
	if ext == ".svg" {
		r = io.LimitReader(f, MaxAssetSize+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return fmt.Sprintf("cannot read: %v", err), ""
	}
	ctype, err := assetType(path.Base(p), data)
	if err != nil {
		return err.Error(), ""
	}
	ra, ok := f.(io.ReaderAt)
	if !ok {
		all, err := io.ReadAll(io.MultiReader(bytes.NewReader(data), io.LimitReader(f, MaxAssetSize)))
		if err != nil {
			return fmt.Sprintf("cannot read: %v", err), ""
		}
		ra, size = bytes.NewReader(all), int64(len(all))
	}
	return "", pictureProblem(ctype, ra, size)
}

// assetType returns the Content-Type of a bundle file named name whose bytes (or at least their
// first sniffLen; all of them for an SVG) are data, or why it is not published.
func assetType(name string, data []byte) (string, error) {
	ext := strings.ToLower(path.Ext(name))
	want, ok := assetTypes[ext]
	if !ok {
		return "", fmt.Errorf("is not a picture")
	}
	if ext == ".svg" {
		if err := checkSVG(data); err != nil {
			return "", err
		}
		return want, nil
	}
	got := http.DetectContentType(data[:min(len(data), sniffLen)])
	if ext == ".avif" && isAVIF(data) {
		got = want
	}
	if got != want {
		return "", fmt.Errorf("is named as %s but its bytes are not one (they look like %s); save it in the format its name says, or rename it", want, strings.TrimSuffix(got, "; charset=utf-8"))
	}
	return want, nil
}

// isAVIF reports whether data starts as an AVIF file does: an ISO-BMFF `ftyp` box whose major
// or a compatible brand is avif (a picture) or avis (a sequence).
func isAVIF(data []byte) bool {
	if len(data) < 16 || string(data[4:8]) != "ftyp" {
		return false
	}
	n := int(data[0])<<24 | int(data[1])<<16 | int(data[2])<<8 | int(data[3])
	if n < 16 || n > len(data) {
		n = min(len(data), sniffLen)
	}
	for i := 8; i+4 <= n; i += 4 {
		if i == 12 {
			continue // the minor version, not a brand
		}
		if b := string(data[i : i+4]); b == "avif" || b == "avis" {
			return true
		}
	}
	return false
}

// svgElements are the elements of still SVG pictures: shapes, text, paint, clipping, filters.
// Left out are those that run or fetch (script, foreignObject, iframe, image with an outside
// source is checked by its href) and animation (set and animate can rewrite a link into script).
var svgElements = map[string]bool{
	"svg": true, "g": true, "defs": true, "symbol": true, "use": true, "title": true, "desc": true,
	"metadata": true, "switch": true, "view": true, "a": true, "image": true, "style": true,
	"path": true, "rect": true, "circle": true, "ellipse": true, "line": true, "polyline": true,
	"polygon": true, "text": true, "tspan": true, "textPath": true, "marker": true, "pattern": true,
	"linearGradient": true, "radialGradient": true, "stop": true, "clipPath": true, "mask": true,
	"filter": true, "feBlend": true, "feColorMatrix": true, "feComponentTransfer": true,
	"feComposite": true, "feConvolveMatrix": true, "feDiffuseLighting": true,
	"feDisplacementMap": true, "feDistantLight": true, "feDropShadow": true, "feFlood": true,
	"feFuncA": true, "feFuncB": true, "feFuncG": true, "feFuncR": true, "feGaussianBlur": true,
	"feMerge": true, "feMergeNode": true, "feMorphology": true, "feOffset": true,
	"fePointLight": true, "feSpecularLighting": true, "feSpotLight": true, "feTile": true,
	"feTurbulence": true,
}

const (
	svgNS   = "http://www.w3.org/2000/svg"
	xlinkNS = "http://www.w3.org/1999/xlink"
)

// checkSVG accepts an SVG picture only when it can neither run script nor load anything, in any
// browser, however it is opened: it refuses, rather than rewrites, what is not plainly a drawing.
// Elements outside svgElements or the SVG namespace, event attributes (on...), links other than
// to a part of the picture itself (or embedded raster pictures), url() other than url(#...),
// processing instructions (xml-stylesheet) and DOCTYPE or entity declarations are refused.
func checkSVG(data []byte) error {
	const fix = "; save it as a plain SVG without it, or as a PNG"
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	root := true
	// A <style>'s text is checked whole, at its end: CSS reads its text nodes as one, so a
	// comment could split `url(` in two.
	var style *strings.Builder
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			if root {
				return fmt.Errorf("is not an SVG picture: it has no <svg> element")
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("is not an SVG picture that can be read (%v); save it again as SVG, or as a PNG", err)
		}
		switch t := tok.(type) {
		case xml.ProcInst:
			if t.Target != "xml" {
				return fmt.Errorf("holds the instruction <?%s?>, which can load and run other files%s", t.Target, fix)
			}
		case xml.Directive:
			return fmt.Errorf("holds a declaration <!%s>, which can pull in other files%s", abbreviate(string(t), 20), fix)
		case xml.StartElement:
			if root && t.Name.Local != "svg" {
				return fmt.Errorf("is not an SVG picture: it starts with <%s>, not <svg>", t.Name.Local)
			}
			root = false
			if style != nil {
				// CSS reads every text child of a <style> as one sheet: an element inside would
				// end the text checked here while the sheet goes on.
				return fmt.Errorf("holds the element <%s> inside a <style>%s", t.Name.Local, fix)
			}
			if t.Name.Space != svgNS && t.Name.Space != "" || !svgElements[t.Name.Local] {
				return fmt.Errorf("holds the element <%s>, which is not a plain drawing (it can run script, load other files or change the picture's links)%s", t.Name.Local, fix)
			}
			for _, a := range t.Attr {
				if err := checkSVGAttr(t.Name.Local, a); err != nil {
					return fmt.Errorf("%v%s", err, fix)
				}
			}
			if t.Name.Local == "style" {
				style = &strings.Builder{}
			}
		case xml.CharData:
			if style != nil {
				style.Write(t)
			}
		case xml.EndElement:
			if style != nil {
				if err := checkCSS(style.String()); err != nil {
					return fmt.Errorf("holds a <style> that %v%s", err, fix)
				}
				style = nil
			}
		}
	}
}

// checkSVGAttr refuses an attribute that runs script or points outside the picture.
func checkSVGAttr(elem string, a xml.Attr) error {
	name := strings.ToLower(a.Name.Local)
	v := strings.TrimSpace(a.Value)
	switch {
	case a.Name.Space == "xmlns" || a.Name.Space == "" && name == "xmlns":
		return nil
	case strings.HasPrefix(name, "on"):
		return fmt.Errorf("holds the attribute %s on <%s>, which runs script", a.Name.Local, elem)
	case name == "href" || a.Name.Space == xlinkNS:
		if strings.HasPrefix(v, "#") || elem == "image" && embeddedPicture(v) {
			return nil
		}
		return fmt.Errorf("links <%s> to `%s`: a picture may only link to parts of itself", elem, abbreviate(v, 40))
	}
	if err := checkCSS(v); err != nil {
		return fmt.Errorf("has an attribute %s that %v", a.Name.Local, err)
	}
	return nil
}

// embeddedPicture reports whether v is a data: URL of a raster picture.
func embeddedPicture(v string) bool {
	v = strings.ToLower(v)
	for _, t := range []string{"png", "jpeg", "gif", "webp"} {
		if strings.HasPrefix(v, "data:image/"+t+";") || strings.HasPrefix(v, "data:image/"+t+",") {
			return true
		}
	}
	return false
}

// checkCSS refuses style text that loads anything: url() other than to a part of the picture,
// @import, and script addresses.
func checkCSS(s string) error {
	low := strings.ToLower(s)
	if strings.Contains(low, "\\") {
		return fmt.Errorf("uses CSS escapes (a backslash), which can hide what it loads")
	}
	// Besides url(), these CSS functions take an address as a plain string.
	for _, f := range []string{"@import", "javascript:", "expression(", "image-set(", "image(", "cross-fade(", "src(", "element("} {
		if strings.Contains(low, f) {
			return fmt.Errorf("loads or runs something (%s)", strings.TrimSuffix(f, "("))
		}
	}
	for rest := low; ; {
		i := strings.Index(rest, "url(")
		if i < 0 {
			return nil
		}
		rest = strings.TrimLeft(rest[i+4:], " \t\n\r'\"")
		if !strings.HasPrefix(rest, "#") {
			return fmt.Errorf("loads another file with url()")
		}
	}
}

// abbreviate cuts s to n characters, marking the cut.
func abbreviate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
