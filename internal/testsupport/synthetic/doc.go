package synthetic

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// Documents: a postmortem and the other bodies, built once and rendered per language.

type sent struct {
	t   T
	opt int // 0: always; n: left out when the document must shrink to level n
	// The text in each language and its words, filled on first use.
	txt  [4]string
	wc   [4]int
	done [4]bool
}

type entry struct {
	at time.Time
	s  *sent
}

type block struct {
	kind  byte // 'h' heading, 'p' paragraph, 'l' list, 'c' code, 't' timeline list, 'T' timeline table
	opt   int
	slot  int // padding slot of a paragraph, or -1
	sents []*sent
	code  string
	tl    []entry
}

type doc struct {
	blocks []*block
	drop   int // optional parts at this level or below are left out
}

func (d *doc) head(t T) {
	d.blocks = append(d.blocks, &block{kind: 'h', slot: -1, sents: []*sent{s(t)}})
}

func (d *doc) para(slot int, ss ...*sent) *block {
	b := &block{kind: 'p', slot: slot, sents: ss}
	d.blocks = append(d.blocks, b)
	return b
}

func (d *doc) list(ss ...*sent) {
	d.blocks = append(d.blocks, &block{kind: 'l', slot: -1, sents: ss})
}

func s(t T) *sent              { return &sent{t: t} }
func opt(t T, level int) *sent { return &sent{t: t, opt: level} }

// in reports whether the sentence is part of the document at its current size.
func (d *doc) in(s *sent) bool { return s.opt == 0 || s.opt > d.drop }

// get returns the sentence in language l and its number of words.
func (it *item) get(l int, s *sent) (string, int) {
	if !s.done[l] {
		s.txt[l] = it.text(l, s.t)
		s.wc[l] = countWords(s.txt[l])
		s.done[l] = true
	}
	return s.txt[l], s.wc[l]
}

func pick[E any](r *rand.Rand, es []E) E { return es[r.IntN(len(es))] }

// postmortem builds the story of a resolved incident: summary, timeline, impact, cause, solution,
// measures and contact, sized to 300–600 words in every language it is written in.
func (it *item) postmortem(cls int) *doc {
	r := it.r
	d := &doc{}
	d.head(pick(r, hSummary))
	sum := d.para(0, s(frame), s(it.cause.short))
	if r.IntN(2) == 0 {
		sum.sents = append(sum.sents, s(apology))
	}
	early := r.IntN(10) < 7
	if early {
		it.timeline(d, cls)
	}
	d.head(pick(r, hImpact))
	imp := d.para(1, s(impactCount[cls]), s(impactLasted))
	if len(it.sec) > 0 {
		imp.sents = append(imp.sents, s(impactAlso))
	}
	imp.sents = append(imp.sents, opt(otherServices, 3), opt(noDataLost, 4))
	d.head(pick(r, hCause))
	d.para(-1, s(it.cause.detail[0]), s(it.cause.detail[1]))
	d.para(-1, s(it.cause.detail[2]))
	if r.IntN(10) < 6 {
		d.blocks = append(d.blocks, &block{kind: 'c', slot: -1, opt: 1, code: it.codeBlock()})
	}
	if !early {
		it.timeline(d, cls)
	}
	d.head(pick(r, hSolution))
	d.para(2, s(it.cause.resolution[0]), opt(it.cause.resolution[1], 5), opt(confirmed, 2))
	if r.IntN(100) < 65 {
		d.head(pick(r, hAction))
		d.para(-1, s(action[cls][0]), s(action[cls][1]), opt(action[cls][2], 3))
	}
	d.head(pick(r, hMeasures))
	ms := []*sent{s(it.cause.measures[0]), s(it.cause.measures[1]), opt(it.cause.measures[2], 6)}
	if r.IntN(2) == 0 {
		ms = append(ms, opt(pick(r, genericMeasure), 2))
	}
	d.list(ms...)
	d.para(3)
	d.head(pick(r, hContact))
	d.para(-1, s(pick(r, contactTexts)), opt(followFeed, 7))
	it.target = 330 + r.IntN(191)
	return d
}

func (it *item) timeline(d *doc, cls int) {
	r := it.r
	d.head(pick(r, hTimeline))
	d.para(-1, s(timesIn))
	var es []entry
	if it.cause.eventBefore {
		es = append(es, entry{it.n.tdeploy, s(it.cause.event)})
	} else {
		es = append(es, entry{it.start, s(it.cause.event)})
	}
	first := it.updates[0].at
	if gap := int(first.Sub(it.start).Minutes()); gap >= 2 {
		es = append(es, entry{it.start.Add(minutes(1 + r.IntN(gap-1))), s(detected[cls])})
	}
	counts := map[string]int{}
	for _, u := range it.updates {
		var t T
		again := counts[u.status] > 0
		counts[u.status]++
		switch {
		case u.status == stInvestigating && !again:
			t = tlInvestigate
		case u.status == stInvestigating:
			t = tlInvestigate2
		case u.status == stIdentified && !again:
			t = tlIdentified
		case u.status == stIdentified:
			t = tlIdentified2
		case u.status == stMonitoring && !again:
			t = tlMonitoring
		case u.status == stMonitoring:
			t = tlMonitoring2
		default:
			es = append(es, entry{it.end, s(impactEnded[cls])})
			t = tlResolved
		}
		es = append(es, entry{u.at, s(t)})
	}
	slices.SortStableFunc(es, func(a, b entry) int { return a.at.Compare(b.at) })
	kind := byte('t')
	if r.IntN(10) < 3 {
		kind = 'T'
	}
	d.blocks = append(d.blocks, &block{kind: kind, slot: -1, tl: es})
}

func (it *item) ongoingDoc(cls int) *doc {
	d := &doc{}
	d.para(-1, s(fullAccount))
	d.para(-1, s(advice[cls]))
	d.para(-1, s(pick(it.r, contactTexts)))
	return d
}

func (it *item) maintenanceDoc() *doc {
	r := it.r
	tp := it.mt
	d := &doc{}
	d.head(pick(r, hWhy))
	var why []*sent
	for _, t := range tp.why {
		why = append(why, s(t))
	}
	d.para(-1, why...)
	d.para(-1, s(mTiming))
	d.head(pick(r, hExpect))
	var items []*sent
	for _, a := range it.comps {
		t := mItemDown
		if tp.degraded {
			t = mItemBrief
		}
		var named T
		for l := range 4 {
			named[l] = strings.ReplaceAll(t[l], "{name}", a.comp.name[l])
		}
		items = append(items, s(named))
	}
	items = append(items, s(tp.extra))
	d.list(items...)
	d.head(pick(r, hTodo))
	var adv []*sent
	for _, t := range tp.advice {
		adv = append(adv, s(t))
	}
	d.para(-1, adv...)
	d.para(-1, s(mQuestions))
	return d
}

func (it *item) noticeDoc() *doc {
	r := it.r
	tp := it.nt
	d := &doc{}
	d.para(-1, s(tp.intro))
	d.head(pick(r, hChanges))
	var cs []*sent
	for _, t := range tp.changes {
		cs = append(cs, s(t))
	}
	d.list(cs...)
	d.head(pick(r, hNoticeTodo))
	d.para(-1, s(tp.todo))
	if tp.code != "" {
		d.blocks = append(d.blocks, &block{kind: 'c', slot: -1, code: tp.code})
	}
	when := d.para(-1, s(nTakesEffect))
	if tp.doc != "" {
		when.sents = append(when.sents, s(nMore))
	}
	d.head(pick(r, hContact))
	d.para(-1, s(pick(r, contactTexts)))
	return d
}

// fit shrinks a postmortem that is too long and pads one that is short of its target, in every
// language it is written in. Padding goes to the paragraphs in turn, two sentences each at first.
func (it *item) fit() {
	d := it.doc
	langs := it.langs()
	const ceiling = maxWords - 10
	counts := make([]int, len(langs))
	count := func() (hi int) {
		for i, l := range langs {
			counts[i] = d.words(it, l)
			hi = max(hi, counts[i])
		}
		return hi
	}
	for d.drop = 0; count() > ceiling && d.drop < 8; d.drop++ {
	}
	var slots [4]*block
	var used [4]int
	for _, b := range d.blocks {
		if b.kind == 'p' && b.slot >= 0 {
			slots[b.slot] = b
		}
	}
	wc := make([]int, len(langs))
	order := it.r.Perm(len(paddings))
	taken := make([]bool, len(paddings))
	for _, perSlot := range []int{2, 3, len(paddings)} {
		for _, pi := range order {
			if slices.Min(counts) >= it.target {
				return
			}
			p := paddings[pi]
			if taken[pi] || used[p.slot] >= perSlot || p.class >= 0 && p.class != b2i(it.comp.async) ||
				strings.Contains(p.text[en], "{delay}") && it.n.delay < 15 {
				continue
			}
			ps := s(p.text)
			fits := true
			for i, l := range langs {
				_, wc[i] = it.get(l, ps)
				if counts[i]+wc[i] > ceiling {
					fits = false
				}
			}
			if !fits {
				continue
			}
			slots[p.slot].sents = append(slots[p.slot].sents, ps)
			taken[pi] = true
			used[p.slot]++
			for i := range langs {
				counts[i] += wc[i]
			}
		}
	}
}

// words counts the words of the document in language l, as countWords counts them in render's
// output.
func (d *doc) words(it *item, l int) int {
	n := 0
	for _, b := range d.blocks {
		if b.opt > 0 && b.opt <= d.drop {
			continue
		}
		switch b.kind {
		case 'c':
			n += countWords(b.code)
		case 't', 'T':
			if b.kind == 'T' {
				n += countWords(hTable[l])
			}
			for _, e := range b.tl {
				_, w := it.get(l, e.s)
				n += w + countWords(clockOf(e.at, it.start, l))
			}
		default:
			for _, s := range b.sents {
				if d.in(s) {
					_, w := it.get(l, s)
					n += w
				}
			}
		}
	}
	return n
}

// codeBlock is an excerpt of logs, configuration or a command, as engineers paste into postmortems.
func (it *item) codeBlock() string {
	n := &it.n
	ts := func(d time.Duration) string { return it.start.Add(d).UTC().Format("2006-01-02T15:04:05Z") }
	var b strings.Builder
	switch it.cause.id {
	case "failover":
		fmt.Fprintf(&b, "```text\n%s app-%02d ERROR db: cannot execute UPDATE in a read-only transaction\n", ts(12*time.Second), n.app)
		fmt.Fprintf(&b, "%s app-%02d WARN  pool: 48 of 50 connections point at 10.20.%d.%d:5432 (role=replica)\n```", ts(13*time.Second), n.app, n.ip3, n.ip4)
	case "release":
		prev := it.start.Add(-72 * time.Hour).UTC()
		fmt.Fprintf(&b, "```console\n$ deploy status %s\nrelease     deployed              servers  errors/min\n", it.comp.id)
		fmt.Fprintf(&b, "%-11s %s  48/48    %d\n", n.ver, n.tdeploy.UTC().Format("2006-01-02 15:04 UTC"), 200+n.count%1800)
		fmt.Fprintf(&b, "%-11s %s  0/48     0\n```", "previous", prev.Format("2006-01-02 15:04 UTC"))
	case "certificate":
		fmt.Fprintf(&b, "```console\n$ openssl s_client -connect ledger.internal:8443 </dev/null 2>/dev/null | openssl x509 -noout -enddate\n")
		fmt.Fprintf(&b, "notAfter=%s\n```", it.start.UTC().Format("Jan _2 15:04:05 2006 GMT"))
	case "network":
		fmt.Fprintf(&b, "```console\n$ mtr --report --report-cycles 100 %s-core-1\n", strings.ToLower(n.dc2))
		fmt.Fprintf(&b, "HOST                 Loss%%   Snt   Last    Avg   Best   Wrst\n")
		fmt.Fprintf(&b, "1. %-17s  0.0%%   100    0.4    0.5    0.3    1.1\n", strings.ToLower(n.dc1)+"-edge-2")
		fmt.Fprintf(&b, "2. %-17s %4.1f%%   100    1.9   %4.1f    1.7  301.4\n```", strings.ToLower(n.dc2)+"-core-1", float64(n.loss), 20+float64(n.loss))
	case "provider":
		fmt.Fprintf(&b, "```text\n%s gateway WARN  upstream=%s status=503 latency_ms=30001 retry=3/3\n", ts(40*time.Second), it.comp.host)
		fmt.Fprintf(&b, "%s gateway INFO  queued for replay: %d items\n```", ts(41*time.Second), n.backlog/10)
	case "queue":
		fmt.Fprintf(&b, "```text\n%s worker-%d PANIC integer overflow in field amount_cents (message msg_%06x)\n", ts(5*time.Second), n.app%8+1, n.backlog)
		fmt.Fprintf(&b, "%s worker-%d INFO  restarting (attempt %d)\n```", ts(9*time.Second), n.app%8+1, n.catchup)
	case "capacity":
		fmt.Fprintf(&b, "```yaml\nautoscaling:\n  min_servers: 12\n  max_servers: %d   # raised to %d during the incident\n  target_cpu: 65\n```", n.max, n.max*2)
	case "config":
		fmt.Fprintf(&b, "```diff\n rate_limit:\n-  scope: /v2/auth/token\n+  scope: /\n   requests_per_minute: %d\n```", n.limit)
	}
	return b.String()
}

type file struct {
	path string
	data []byte
}

// render writes the item's files: the original and its translations.
func (it *item) render() []file {
	if it.kind == kindIncident && !it.ongoing {
		it.fit()
	}
	var out []file
	base := it.dir + "/" + it.slug
	out = append(out, file{base + ".md", it.file(it.lang, true)})
	if it.translated {
		for _, l := range it.langs()[1:] {
			out = append(out, file{base + "." + langCodes[l] + ".md", it.file(l, false)})
		}
	}
	return out
}

// file is the Markdown file in language l: the original, or a translation of it.
func (it *item) file(l int, original bool) []byte {
	var b strings.Builder
	loc := locs[it.lang]
	ts := func(t time.Time) string { return t.In(loc).Format(time.RFC3339) }
	b.WriteString("---\n")
	b.WriteString("title: " + yamlScalar(it.env(l).expand(it.title[l])) + "\n")
	if original {
		if it.writeLang {
			b.WriteString("lang: " + langCodes[it.lang] + "\n")
		}
		if it.writeKind {
			b.WriteString("kind: " + kindNames[it.kind] + "\n")
		}
		if it.impact != "" {
			b.WriteString("impact: " + it.impact + "\n")
		}
		if len(it.comps) > 0 {
			b.WriteString("components:\n")
			for _, a := range it.comps {
				b.WriteString("  " + a.comp.id + ":")
				if a.status != "" {
					b.WriteString(" " + a.status)
				}
				b.WriteByte('\n')
			}
		}
		switch it.kind {
		case kindMaintenance:
			if it.flowWin {
				fmt.Fprintf(&b, "scheduled: {start: %s, end: %s}\n", ts(it.start), ts(it.end))
			} else {
				fmt.Fprintf(&b, "scheduled:\n  start: %s\n  end: %s\n", ts(it.start), ts(it.end))
			}
		default:
			b.WriteString("started: " + ts(it.start) + "\n")
		}
		if !it.resolved.IsZero() {
			b.WriteString("resolved: " + ts(it.resolved) + "\n")
		}
	} else if it.machine[l] {
		b.WriteString("translation: machine\n")
	}
	b.WriteString("summary: >-\n")
	// A summary is plain text, shown as written: the backticks that mark error codes as code in
	// the Markdown of bodies and updates would show as backticks.
	wrapTo(&b, strings.ReplaceAll(it.sentences(l, it.summary), "`", ""), 98, "  ", "  ")
	if len(it.updates) > 0 {
		b.WriteString("updates:\n")
		us := slices.Clone(it.updates)
		if it.reversed {
			slices.Reverse(us)
		}
		for _, u := range us {
			b.WriteString("  - at: " + ts(u.at) + "\n")
			if original {
				b.WriteString("    status: " + u.status + "\n")
			}
			b.WriteString("    text: |\n")
			for i, p := range u.text {
				if i > 0 {
					b.WriteString("\n")
				}
				wrapTo(&b, it.sentences(l, p), 100, "      ", "      ")
			}
			if original && len(u.comps) > 0 {
				if u.flow {
					b.WriteString("    components: {")
					for i, a := range u.comps {
						if i > 0 {
							b.WriteString(", ")
						}
						b.WriteString(a.comp.id + ": " + a.status)
					}
					b.WriteString("}\n")
				} else {
					b.WriteString("    components:\n")
					for _, a := range u.comps {
						b.WriteString("      " + a.comp.id + ": " + a.status + "\n")
					}
				}
			}
		}
	}
	b.WriteString("---\n\n")
	b.WriteString(it.doc.render(it, l))
	return []byte(b.String())
}

// render writes the document in language l as Markdown.
func (d *doc) render(it *item, l int) string {
	var b strings.Builder
	for _, bl := range d.blocks {
		if bl.opt > 0 && bl.opt <= d.drop {
			continue
		}
		switch bl.kind {
		case 'h':
			t, _ := it.get(l, bl.sents[0])
			b.WriteString("## " + t + "\n\n")
		case 'p':
			var parts []string
			for _, s := range bl.sents {
				if d.in(s) {
					t, _ := it.get(l, s)
					parts = append(parts, t)
				}
			}
			if len(parts) == 0 {
				continue
			}
			wrapTo(&b, strings.Join(parts, " "), 100, "", "")
			b.WriteByte('\n')
		case 'l':
			for _, s := range bl.sents {
				if d.in(s) {
					t, _ := it.get(l, s)
					wrapTo(&b, t, 100, "- ", "  ")
				}
			}
			b.WriteByte('\n')
		case 'c':
			b.WriteString(bl.code + "\n\n")
		case 't':
			for _, e := range bl.tl {
				t, _ := it.get(l, e.s)
				wrapTo(&b, "**"+clockOf(e.at, it.start, l)+"** "+t, 100, "- ", "  ")
			}
			b.WriteByte('\n')
		case 'T':
			head := strings.Split(hTable[l], " | ")
			b.WriteString("| " + head[0] + " | " + head[1] + " |\n| --- | --- |\n")
			for _, e := range bl.tl {
				t, _ := it.get(l, e.s)
				b.WriteString("| " + clockOf(e.at, it.start, l) + " | " + t + " |\n")
			}
			b.WriteByte('\n')
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}
