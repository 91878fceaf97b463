package content

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Pictures of one pixel, or (JPEG, AVIF) the least of one that lint takes for a whole picture: its
// header with the picture's size, and its end.
const (
	jpeg = "\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + // JFIF
		"\xff\xc0\x00\x0b\x08\x00\x01\x00\x01\x01\x01\x11\x00" + // the frame: 1×1, one component
		"\xff\xd9"
	gif     = "GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
	webp    = "RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00"
	avif    = "\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + "\x00\x00\x00\x08meta" + "\x00\x00\x00\x08mdat"
	plotSVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
  <title>Latency</title>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>
  <style>.a { fill: url(#g); }</style>
  <rect class="a" width="10" height="10" style="stroke: url('#g')"/>
  <use xlink:href="#g"/>
  <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
</svg>
`
)

// svg is an SVG picture holding inner.
func svg(inner string) string {
	return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">` + inner + `</svg>`
}

// TestBundleAssets: a bundle publishes only pictures whose bytes are what their names say, and
// SVGs that can neither run script nor load anything; every other file is reported with why.
func TestBundleAssets(t *testing.T) {
	const why = "error: not published: "
	notPicture := " could run as part of the site or are not pictures; a bundle publishes only pictures (png, jpeg, gif, webp, avif and svg): link documents from elsewhere, or remove the file"
	fix := "; save it as a plain SVG without it, or as a PNG"
	tests := []struct {
		name, data string
		problem    string // after "b/<name>:1:1: "; empty: published
	}{
		{"graph.png", png, ""},
		{"GRAPH.PNG", png, ""},
		{"photo.jpg", jpeg, ""},
		{"photo.jpeg", jpeg, ""},
		{"anim.gif", gif, ""},
		{"pic.webp", webp, ""},
		{"pic.avif", avif, ""},
		{"plot.svg", plotSVG, ""},
		{"evil.html", "<script>alert(1)</script>", why + "`.html` files" + notPicture},
		{"evil.js", "alert(document.cookie)", why + "`.js` files" + notPicture},
		{"evil.xhtml", "<html/>", why + "`.xhtml` files" + notPicture},
		{"report.pdf", "%PDF-1.7", why + "`.pdf` files" + notPicture},
		{"Makefile", "all:", why + "this kind of file" + notPicture},
		{"notes.md", "# notes", "warning: not read as an incident: it lies inside the bundle folder b, whose incident is index.md; nor is it published as a file: move it out of the folder"},
		{"page.png", "<!DOCTYPE html><html><script>alert(1)</script>", why + "is named as image/png but its bytes are not one (they look like text/html); save it in the format its name says, or rename it"},
		{"gif.png", gif, why + "is named as image/png but its bytes are not one (they look like image/gif); save it in the format its name says, or rename it"},
		{"fake.avif", "\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom", why + "is named as image/avif but its bytes are not one (they look like video/mp4); save it in the format its name says, or rename it"},
		{"big.png", png + strings.Repeat("\x00", MaxAssetSize), why + "the file is 8.0 MiB, more than the limit of 8.0 MiB for a picture; make it smaller"},
		{"script.svg", svg(`<script>alert(1)</script>`), why + "holds the element <script>, which is not a plain drawing (it can run script, load other files or change the picture's links)" + fix},
		{"handler.svg", svg(`<rect onload="alert(1)"/>`), why + "holds the attribute onload on <rect>, which runs script" + fix},
		{"foreign.svg", svg(`<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"/></foreignObject>`), why + "holds the element <foreignObject>, which is not a plain drawing (it can run script, load other files or change the picture's links)" + fix},
		{"xhtml.svg", svg(`<html:script xmlns:html="http://www.w3.org/1999/xhtml">alert(1)</html:script>`), why + "holds the element <script>, which is not a plain drawing (it can run script, load other files or change the picture's links)" + fix},
		{"link.svg", svg(`<a href="javascript:alert(1)"><rect/></a>`), why + "links <a> to `javascript:alert(1)`: a picture may only link to parts of itself" + fix},
		{"xlink.svg", svg(`<a xlink:href=" JaVaScRiPt:alert(1)"><rect/></a>`), why + "links <a> to `JaVaScRiPt:alert(1)`: a picture may only link to parts of itself" + fix},
		{"use.svg", svg(`<use href="other.svg#x"/>`), why + "links <use> to `other.svg#x`: a picture may only link to parts of itself" + fix},
		{"image.svg", svg(`<image href="data:image/svg+xml;base64,PHN2Zz4="/>`), why + "links <image> to `data:image/svg+xml;base64,PHN2Zz4=`: a picture may only link to parts of itself" + fix},
		{"animate.svg", svg(`<a><set attributeName="href" to="javascript:alert(1)"/><rect/></a>`), why + "holds the element <set>, which is not a plain drawing (it can run script, load other files or change the picture's links)" + fix},
		{"style.svg", svg(`<style>@import "https://evil.example/x.css";</style>`), why + "holds a <style> that loads or runs something (@import)" + fix},
		{"stylechild.svg", svg(`<style><g/>@import "https://evil.example/x.css";</style>`), why + "holds the element <g> inside a <style>" + fix},
		{"imageset.svg", svg(`<rect style="fill: image-set('https://evil.example/x.png' 1x)"/>`), why + "has an attribute style that loads or runs something (image-set)" + fix},
		{"styleurl.svg", svg(`<style>rect { fill: url<!-- -->(https://evil.example/x) }</style>`), why + "holds a <style> that loads another file with url()" + fix},
		{"escape.svg", svg(`<rect style="fill: \75rl(https://evil.example/x)"/>`), why + "has an attribute style that uses CSS escapes (a backslash), which can hide what it loads" + fix},
		{"stylesheet.svg", `<?xml-stylesheet href="https://evil.example/x.xsl" type="text/xsl"?>` + svg(""), why + "holds the instruction <?xml-stylesheet?>, which can load and run other files" + fix},
		{"entity.svg", `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>` + svg("&x;"), why + "holds a declaration <!DOCTYPE svg [<!ENTIT…>, which can pull in other files" + fix},
		{"html.svg", "<html><body><script>alert(1)</script></body></html>", why + "is not an SVG picture: it starts with <html>, not <svg>"},
		{"broken.svg", "<svg><rect></svg>", why + "is not an SVG picture that can be read (XML syntax error on line 1: element <rect> closed by </svg>); save it again as SVG, or as a PNG"},
		{"empty.svg", "\n", why + "is not an SVG picture: it has no <svg> element"},
	}
	files := map[string]string{"b/index.md": fm(title, started)}
	for _, tt := range tests {
		files["b/"+tt.name] = tt.data
	}
	cat := load(t, files, Options{})
	var want, published []string
	for _, tt := range tests {
		if tt.problem != "" {
			want = append(want, "b/"+tt.name+":1:1: "+tt.problem)
		} else {
			published = append(published, tt.name)
		}
	}
	got := problemLines(cat.Problems)
	slices.Sort(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	var names []string
	for _, a := range cat.Assets["b"] {
		names = append(names, a.Name)
	}
	slices.Sort(published)
	if diff := cmp.Diff(published, names); diff != "" {
		t.Errorf("published (-want +got):\n%s", diff)
	}
	if _, ok := cat.Incident("b"); !ok {
		t.Errorf("the bundle's incident is not loaded")
	}
}

// TestBrokenPictures: a picture whose first bytes are right but that holds no picture (a stub of
// its signature, a header cut short) or stops before its end is published, as it can run nothing,
// with a warning that says why the page shows it broken.
func TestBrokenPictures(t *testing.T) {
	const (
		none = ":1:1: warning: the file is %d bytes and holds no picture a browser can show, only the start of one; save or export it again, or replace it with a picture that opens"
		cut  = ":1:1: warning: the picture stops before its end (it was cut short, in a copy or an upload?), so the page shows it broken or in part; save or export it again, or replace it with a picture that opens"
	)
	tests := []struct {
		name, data, problem string // problem after "b/<name>"
	}{
		{"errors.png", "\x89PNG\r\n\x1a\n", fmt.Sprintf(none, 8)},
		{"header.png", png[:33], cut},
		{"cut.png", png[:len(png)-12], cut},
		{"stub.jpg", "\xff\xd8\xff\xe0", fmt.Sprintf(none, 4)},
		{"cut.jpg", jpeg[:len(jpeg)-2], cut},
		{"stub.gif", gif[:13], fmt.Sprintf(none, 13)},
		{"cut.webp", webp[:20], ":1:1: warning: the picture stops before its end (20 bytes of 34; cut short in a copy or an upload?), so the page shows it broken; save or export it again, or replace it with a picture that opens"},
		{"stub.avif", avif[:28], ":1:1: warning: the AVIF file holds no picture, only its file type; save or export it again, or replace it with a picture that opens"},
		{"cut.avif", avif[:28] + "\x00\x00\x01\x00meta", ":1:1: warning: the picture stops before its end (cut short in a copy or an upload?), so the page shows it broken; save or export it again, or replace it with a picture that opens"},
		{"whole.png", png, ""},
	}
	files := map[string]string{"b/index.md": fm(title, started)}
	var want, names []string
	for _, tt := range tests {
		files["b/"+tt.name] = tt.data
		if tt.problem != "" {
			want = append(want, "b/"+tt.name+tt.problem)
		}
		names = append(names, tt.name)
	}
	cat := load(t, files, Options{})
	slices.Sort(want)
	if diff := cmp.Diff(want, problemLines(cat.Problems)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	var published []string
	for _, a := range cat.Assets["b"] {
		published = append(published, a.Name)
	}
	slices.Sort(names)
	if diff := cmp.Diff(names, published); diff != "" {
		t.Errorf("published (-want +got):\n%s", diff)
	}
}

// TestLinkToUnpublishedFile: an incident that links a file its bundle does not publish says so,
// and the file says why.
func TestLinkToUnpublishedFile(t *testing.T) {
	cat := load(t, map[string]string{
		"b/index.md":  fm(title, started) + "\n![chart](chart.png) [details](evil.html)\n",
		"b/chart.png": png,
		"b/evil.html": "<script>alert(1)</script>",
	}, Options{})
	got := problemLines(cat.Problems)
	want := []string{
		"b/evil.html:1:1: error: not published: `.html` files could run as part of the site or are not pictures; a bundle publishes only pictures (png, jpeg, gif, webp, avif and svg): link documents from elsewhere, or remove the file",
		"b/index.md:7:21: error: link `evil.html` not found in this incident's folder; put the file beside index.md or fix the name (the folder has: chart.png)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// TestReadAsset: what the server reads at request time is checked as the loader checks it, since
// the file may have changed since.
func TestReadAsset(t *testing.T) {
	dir := writeDir(t, map[string]string{
		"b/graph.png": png, "b/now-html.png": "<html><script>alert(1)</script>", "b/plot.svg": plotSVG,
		"b/evil.svg": svg("<script>alert(1)</script>"), "b/evil.html": "<p>",
	})
	fsys := openDir(t, dir)
	for _, tt := range []struct {
		path, ctype string
	}{
		{"b/graph.png", "image/png"},
		{"b/plot.svg", SVGType},
		{"b/now-html.png", ""},
		{"b/evil.svg", ""},
		{"b/evil.html", ""},
		{"b/gone.png", ""},
	} {
		body, ctype, err := ReadAsset(fsys, tt.path)
		if ctype != tt.ctype || (err == nil) != (tt.ctype != "") {
			t.Errorf("ReadAsset(%s): type %q, error %v; want type %q", tt.path, ctype, err, tt.ctype)
		}
		if err == nil && !bytes.HasPrefix(body, []byte(map[string]string{"image/png": png, SVGType: "<?xml"}[ctype][:5])) {
			t.Errorf("ReadAsset(%s): body %.20q", tt.path, body)
		}
	}
}
