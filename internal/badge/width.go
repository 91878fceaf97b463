package badge

import (
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// advances are Verdana's advance widths for the printable ASCII characters, approximately, in
// thousandths of an em; index 0 is the space (0x20). They need not be exact: the SVG's textLength
// fits the drawn text to the width they give. Verdana is wide, so a box sized by it also suits the
// fallback fonts (Geneva, DejaVu Sans).
var advances = [95]int{
	352, 394, 459, 818, 636, 1076, 727, 269, 454, 454, 636, 818, 364, 454, 364, 454, // space … /
	636, 636, 636, 636, 636, 636, 636, 636, 636, 636, // 0 … 9
	454, 454, 818, 818, 818, 545, 1000, // : ; < = > ? @
	684, 686, 698, 771, 632, 575, 775, 751, 421, 455, 693, 557, 843, 748, 787, // A … O
	603, 787, 695, 684, 616, 732, 684, 989, 685, 615, 685, // P … Z
	454, 454, 454, 818, 636, 636, // [ \ ] ^ _ `
	601, 623, 521, 623, 596, 352, 623, 633, 274, 344, 592, 274, 973, 633, 607, // a … o
	623, 623, 427, 521, 394, 633, 592, 818, 592, 592, 525, // p … z
	635, 454, 635, 818, // { | } ~
}

// special are advances (thousandths of an em) of characters beyond ASCII that do not decompose
// into an ASCII letter and an accent.
var special = map[rune]int{
	'ß': 620, 'æ': 955, 'Æ': 1048, 'ø': 607, 'Ø': 787, 'œ': 1000, 'Œ': 1064, 'ð': 607, 'þ': 623,
	'ł': 274, 'Ł': 557, 'đ': 623, 'ı': 274, 'ĳ': 618,
	'–': 636, '—': 1000, '‘': 269, '’': 269, '‚': 269, '“': 459, '”': 459, '„': 459, '…': 1000,
	'«': 645, '»': 645, '‹': 454, '›': 454, '·': 364, '•': 590, '€': 636, '£': 636, '°': 542,
	'\u00a0': 352, '\u202f': 352,
}

// fallback is the advance of a character the tables do not know: about an average letter.
const fallback = 640

// Width estimates how wide s is, in pixels, set in Verdana at 11 px: the sum of the characters'
// advances. An accented letter is as wide as its base letter, a combining mark adds nothing, and an
// East Asian wide character is a full em.
func Width(s string) float64 {
	total := 0
	for _, r := range norm.NFC.String(s) {
		total += advance(r)
	}
	return float64(total) * fontSize / 1000
}

func advance(r rune) int {
	if r >= ' ' && r <= '~' {
		return advances[r-' ']
	}
	if w, ok := special[r]; ok {
		return w
	}
	if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.IsControl(r) {
		return 0
	}
	// A precomposed letter is as wide as its base letter (é as e, Ö as O).
	if d := []rune(norm.NFD.String(string(r))); len(d) > 1 && d[0] >= ' ' && d[0] <= '~' {
		return advances[d[0]-' ']
	}
	if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
		return 1000
	}
	return fallback
}
