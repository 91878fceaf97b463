// Package synthetic writes realistic content directories for statuspress: a site.yaml and any
// number of incidents, maintenance windows and notices spread over three years, in four languages,
// for load tests, benchmarks and trying the site with a long history. The same Config gives the
// same files, byte for byte, and the output loads without errors or warnings. It is test and
// developer machinery, never part of the statuspress binary: cmd/devtools/gencontent is its command
// line, cmd/devtools/loadtest serves what it writes, and Corpus shares one generated directory
// between benchmark runs.
package synthetic

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // the same zone rules on every machine, so the output is the same everywhere
)

// Config says what to generate.
type Config struct {
	N    int       // items: incidents, maintenance and notices together
	Seed uint64    // the same seed gives the same files, byte for byte
	Now  time.Time // content ends here: a few incidents are ongoing, some maintenance is upcoming
	Dir  string    // where to write; must exist
}

// Stats counts what Generate wrote.
type Stats struct {
	Files                          int
	Incidents, Ongoing             int
	Maintenance, Upcoming, Notices int
	Translated                     int // items with translations
	TranslationFiles, Machine      int
	Originals                      [4]int // originals by language: en, nl, fr, de
}

// Shares of the items.
const (
	maintenancePercent = 8
	noticePercent      = 5
	translatedPercent  = 20
	machinePercent     = 35 // of translation files
	ongoingIncidents   = 2
	maxUpcoming        = 4
	years              = 3
)

var locs [4]*time.Location

func init() {
	for l, name := range zoneNames {
		loc, err := time.LoadLocation(name)
		if err != nil {
			panic(err)
		}
		locs[l] = loc
	}
}

type kind int

const (
	kindIncident kind = iota
	kindMaintenance
	kindNotice
)

var kindNames = [3]string{"incident", "maintenance", "notice"}

const (
	stInvestigating = "investigating"
	stIdentified    = "identified"
	stMonitoring    = "monitoring"
	stResolved      = "resolved"
	stScheduled     = "scheduled"
	stInProgress    = "in_progress"
	stVerifying     = "verifying"
	stCompleted     = "completed"
)

// affect is a component and its status; status "" is written as an empty value (a maintenance's
// under_maintenance).
type affect struct {
	comp   *component
	status string
}

type update struct {
	at     time.Time
	status string
	text   [][]T // paragraphs of sentences
	comps  []affect
	flow   bool // write comps as a flow mapping
}

// item is one incident, maintenance or notice: what it says, decided once, and written in its
// original language and, when translated, in the three others.
type item struct {
	idx        int
	kind       kind
	lang       int
	ongoing    bool
	upcoming   bool
	translated bool
	machine    [4]bool
	r          *rand.Rand

	slug, dir string
	title     T
	summary   []T
	start     time.Time // incident and notice: started; maintenance: window start
	end       time.Time // incident: resolved (zero while ongoing); maintenance: window end
	resolved  time.Time // written as `resolved`
	impact    string    // written when set
	writeKind bool
	writeLang bool
	flowWin   bool
	reversed  bool // updates newest first in the file
	comps     []affect
	updates   []update
	doc       *doc
	target    int // postmortem length to aim for

	// incident
	comp  *component
	sec   []*component
	cause *cause
	sev   int // initial severity of comp
	worst int
	n     nums

	// maintenance
	mt     *mtopic
	doneAt time.Time

	// notice
	nt *ntopic

	envs [4]*env
}

// nums are the figures an incident's texts quote.
type nums struct {
	pct, secs, mins, count, accounts, fsecs, rollback, loss, share, backlog, catchup int
	factor, max, limit, tickets, delay, eta                                          int
	err, ver, dc1, dc2                                                               string
	tdeploy                                                                          time.Time
	app, ip3, ip4                                                                    int
}

var dcPairs = [][2]string{{"AMS1", "AMS2"}, {"FRA1", "FRA2"}, {"PAR1", "PAR2"}, {"AMS2", "FRA1"}}

// splitmix scrambles an index into a PCG stream selector.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// Generate writes site.yaml and cfg.N items into cfg.Dir.
func Generate(cfg Config) (Stats, error) {
	items, st := plan(cfg)
	if err := os.WriteFile(filepath.Join(cfg.Dir, "site.yaml"), []byte(siteYAML()), 0o644); err != nil {
		return st, err
	}
	st.Files = 1
	var dirs []string
	for _, it := range items {
		if len(dirs) == 0 || dirs[len(dirs)-1] != it.dir {
			dirs = append(dirs, it.dir)
		}
	}
	slices.Sort(dirs)
	dirs = slices.Compact(dirs)
	for _, d := range dirs {
		if err := os.MkdirAll(filepath.Join(cfg.Dir, filepath.FromSlash(d)), 0o755); err != nil {
			return st, err
		}
	}
	// Each item has its own random stream, so items can be rendered in any order, in parallel.
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		files int
	)
	jobs := make(chan *item)
	// Rendering is CPU work; creating files waits on the file system, so overlap the two.
	for range max(4, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			n := 0
			for it := range jobs {
				for _, f := range it.render() {
					if err := os.WriteFile(filepath.Join(cfg.Dir, filepath.FromSlash(f.path)), f.data, 0o644); err != nil {
						mu.Lock()
						if first == nil {
							first = err
						}
						mu.Unlock()
					}
					n++
				}
			}
			mu.Lock()
			files += n
			mu.Unlock()
		})
	}
	for _, it := range items {
		jobs <- it
	}
	close(jobs)
	wg.Wait()
	st.Files += files
	return st, first
}

// plan decides every item: its kind, language and flags with one random stream, and its content
// with a stream of its own.
func plan(cfg Config) ([]*item, Stats) {
	var st Stats
	n := max(cfg.N, 0)
	r := rand.New(rand.NewPCG(cfg.Seed, 0))
	now := cfg.Now.UTC().Truncate(time.Minute)
	from := now.AddDate(-years, 0, 0)

	nM, nN := n*maintenancePercent/100, n*noticePercent/100
	if n >= 3 {
		nM, nN = max(nM, 1), max(nN, 1)
	}
	items := make([]*item, n)
	for i := range items {
		items[i] = &item{idx: i, r: rand.New(rand.NewPCG(cfg.Seed, splitmix(uint64(i)+1)))}
	}
	for j, i := range r.Perm(n) {
		switch {
		case j < nM:
			items[i].kind = kindMaintenance
		case j < nM+nN:
			items[i].kind = kindNotice
		}
	}
	ongoing, upcoming := ongoingIncidents, min(maxUpcoming, max(1, nM/4))
	for _, i := range r.Perm(n) {
		it := items[i]
		switch {
		case it.kind == kindIncident && ongoing > 0:
			it.ongoing = true
			ongoing--
		case it.kind == kindMaintenance && upcoming > 0:
			it.upcoming = true
			upcoming--
		}
	}
	for j, i := range r.Perm(n) {
		if j < (n*translatedPercent+50)/100 {
			items[i].translated = true
		}
	}
	for _, it := range items {
		switch x := r.IntN(100); {
		case x < 70:
			it.lang = en
		case x < 83:
			it.lang = nl
		case x < 93:
			it.lang = de
		default:
			it.lang = fr
		}
		if it.translated {
			for l := range 4 {
				if l != it.lang && r.IntN(100) < machinePercent {
					it.machine[l] = true
				}
			}
		}
	}

	taken := map[string]bool{}
	for _, it := range items {
		switch it.kind {
		case kindIncident:
			it.planIncident(now, from)
			st.Incidents++
			if it.ongoing {
				st.Ongoing++
			}
		case kindMaintenance:
			it.planMaintenance(now, from)
			st.Maintenance++
			if it.upcoming {
				st.Upcoming++
			}
		case kindNotice:
			it.planNotice(now, from)
			st.Notices++
		}
		it.writeLang = it.lang != en || it.r.IntN(10) == 0
		it.reversed = len(it.updates) > 1 && it.r.IntN(10) == 0
		local := it.start.In(locs[it.lang])
		it.dir = local.Format("2006/01")
		base := slugify(it.env(it.lang).expand(it.title[it.lang]), 6) + "-" + local.Format("2006-01-02")
		slug := base
		for k := 2; taken[slug]; k++ {
			slug = fmt.Sprintf("%s-%d", base, k)
		}
		taken[slug] = true
		it.slug = slug
		st.Originals[it.lang]++
		if it.translated {
			st.Translated++
			st.TranslationFiles += 3
			for l := range 4 {
				if it.machine[l] {
					st.Machine++
				}
			}
		}
	}
	return items, st
}

func minutes(n int) time.Duration { return time.Duration(n) * time.Minute }

// randTime is a time in [a, b), to the minute.
func randTime(r *rand.Rand, a, b time.Time) time.Time {
	span := b.Sub(a)
	if span <= time.Minute {
		return a.Truncate(time.Minute)
	}
	return a.Add(time.Duration(r.Int64N(int64(span)))).Truncate(time.Minute)
}

// atHour moves t to the given local hour and minute of its local day.
func atHour(t time.Time, loc *time.Location, hour, minute int) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, hour, minute, 0, 0, loc)
}

// planIncident plans an incident: what broke and why, its figures, its timeline of updates, its
// impact, title and summary. The steps draw from it.r in this order, which the seed's promise
// (the same files, byte for byte) depends on.
func (it *item) planIncident(now, from time.Time) {
	it.chooseTrouble()
	cls := 0 // the class of the texts: requests, or background (async) work
	if it.comp.async {
		cls = 1
	}
	it.drawFigures()
	statuses, times := it.incidentTimes(now, from)
	it.datedFigures(times)
	it.incidentUpdates(statuses, times, cls)
	it.chooseImpact()
	it.incidentTitle(cls)
	it.incidentSummary(cls)
}

// chooseTrouble picks the component that broke, how badly, a cause that fits it, and up to two
// other components it drags along.
func (it *item) chooseTrouble() {
	r := it.r
	ci := r.IntN(len(components))
	it.comp = &components[ci]
	async := it.comp.async
	switch x := r.IntN(100); {
	case x < 40:
		it.sev = sevDegraded
	case x < 80:
		it.sev = sevPartial
	default:
		it.sev = sevMajor
	}
	var cands []*cause
	for i := range causes {
		cs := &causes[i]
		if async && cs.async || !async && cs.requests {
			cands = append(cands, cs)
		}
	}
	it.cause = cands[r.IntN(len(cands))]
	nsec := 0
	if x := r.IntN(100); x >= 90 {
		nsec = 2
	} else if x >= 60 {
		nsec = 1
	}
	for len(it.sec) < nsec {
		c := &components[r.IntN(len(components))]
		if c != it.comp && !slices.Contains(it.sec, c) {
			it.sec = append(it.sec, c)
		}
	}
}

// drawFigures draws the numbers the texts quote: error rates, counts, data centres and the like.
func (it *item) drawFigures() {
	r := it.r
	n := &it.n
	n.pct = 5 + r.IntN(41)
	n.secs = 4 + r.IntN(27)
	n.err = requestErrors[r.IntN(len(requestErrors))]
	if it.cause.err != "" {
		n.err = it.cause.err
	}
	if it.comp.async {
		n.count = 500 + r.IntN(120000)
	} else {
		n.count = 1000 + r.IntN(250000)
	}
	n.accounts = 20 + r.IntN(min(2980, n.count/3))
	n.fsecs = 8 + r.IntN(33)
	n.rollback = 6 + r.IntN(20)
	dc := dcPairs[r.IntN(len(dcPairs))]
	n.dc1, n.dc2 = dc[0], dc[1]
	n.loss = 8 + r.IntN(28)
	n.share = 20 + r.IntN(71)
	n.backlog = 5000 + r.IntN(395000)
	n.catchup = 10 + r.IntN(81)
	n.factor = 3 + r.IntN(6)
	n.max = []int{40, 60, 80, 120}[r.IntN(4)]
	n.limit = []int{100, 120, 300}[r.IntN(3)]
	n.tickets = 15 + r.IntN(386)
	n.eta = 20 + r.IntN(71)
	n.app, n.ip3, n.ip4 = 1+r.IntN(24), r.IntN(8), 10+r.IntN(240)
}

// incidentTimes sets when the incident started (and, when it is over, ended and was resolved),
// and returns the statuses of its updates and their times. An ongoing incident started within
// the last five hours and has not reached resolved; another started on a day between from and
// two days before now, and its last update, a little after its end, is resolved.
func (it *item) incidentTimes(now, from time.Time) (statuses []string, times []time.Time) {
	r := it.r
	if it.ongoing {
		it.start = now.Add(-minutes(25 + r.IntN(275)))
		detect := 3 + r.IntN(10)
		first := it.start.Add(minutes(detect))
		statuses = [][]string{
			{stInvestigating, stIdentified},
			{stInvestigating, stInvestigating},
			{stInvestigating, stIdentified, stMonitoring},
			{stInvestigating, stInvestigating, stIdentified},
		}[r.IntN(4)]
		last := now.Add(-minutes(2 + r.IntN(8)))
		return statuses, spread(r, first, last, len(statuses))
	}
	start := randTime(r, from, now.Add(-48*time.Hour))
	if r.IntN(10) < 6 { // most trouble starts in working hours
		start = atHour(start, locs[it.lang], 7+r.IntN(12), r.IntN(60))
	}
	it.start = start.UTC()
	k := []int{2, 3, 3, 4, 4, 4, 5, 5, 6}[r.IntN(9)]
	var d int
	switch x := r.IntN(100); {
	case x < 50:
		d = 15 + r.IntN(76)
	case x < 80:
		d = 90 + r.IntN(150)
	case x < 95:
		d = 240 + r.IntN(480)
	default:
		d = 720 + r.IntN(1680)
	}
	d = max(d, 6*(k+1))
	it.end = it.start.Add(minutes(d))
	it.resolved = it.end
	detect := min(3+r.IntN(18), max(2, d/4))
	first := it.start.Add(minutes(detect))
	statuses = lifecycle(r, k)
	times = spread(r, first, it.end, k-1)
	times = append(times, it.end.Add(minutes(r.IntN(13))))
	if !times[len(times)-1].After(times[len(times)-2]) {
		times[len(times)-1] = times[len(times)-2].Add(time.Minute)
	}
	return statuses, times
}

// datedFigures draws the figures that depend on the incident's times: how long it lasted in the
// texts, when the deploy that caused it went out, and that deploy's version.
func (it *item) datedFigures(times []time.Time) {
	r := it.r
	n := &it.n
	n.mins = max(5, min(10+r.IntN(171), int(times[len(times)-1].Sub(it.start).Minutes())))
	n.tdeploy = it.start.Add(-minutes(2 + r.IntN(14)))
	local := it.start.In(locs[it.lang])
	n.ver = fmt.Sprintf("%d.%d.%d", local.Year(), int(local.Month()), 1+r.IntN(9))
}

// incidentUpdates writes the updates, one for each status at its time: their texts, and the
// component statuses they set as the trouble escalates and recovers. It records the worst
// severity reached.
func (it *item) incidentUpdates(statuses []string, times []time.Time, cls int) {
	r := it.r
	it.comps = []affect{{it.comp, sevStatus[it.sev]}}
	for _, c := range it.sec {
		s := sevDegraded
		if it.sev > sevDegraded && r.IntN(10) < 3 {
			s = sevPartial
		}
		it.comps = append(it.comps, affect{c, sevStatus[s]})
	}
	cur := it.sev
	it.worst = it.sev
	var seenInv, seenIdent, seenMon int
	for i, st := range statuses {
		u := update{at: times[i], status: st, flow: r.IntN(2) == 0}
		switch st {
		case stInvestigating:
			if seenInv == 0 {
				p := []T{symptoms[cls][it.sev]}
				if len(it.sec) > 0 && r.IntN(2) == 0 {
					p = append(p, alsoAffects)
				}
				p = append(p, investigating[r.IntN(len(investigating))])
				u.text = [][]T{p}
			} else {
				k := r.IntN(len(stillInvestigating))
				if it.cause.id == "network" {
					k = r.IntN(2)
				}
				u.text = [][]T{{stillInvestigating[k]}}
			}
			seenInv++
		case stIdentified:
			if seenIdent == 0 {
				var p []T
				if seenInv == 0 {
					p = append(p, symptoms[cls][it.sev])
				}
				p = append(p, it.cause.identified)
				if cur < sevMajor && r.IntN(5) == 0 {
					cur++
					it.worst = max(it.worst, cur)
					u.comps = []affect{{it.comp, sevStatus[cur]}}
					p = append(p, escalates)
				}
				if r.IntN(3) == 0 {
					p = append(p, nextUpdate)
				}
				u.text = [][]T{p}
			} else {
				u.text = [][]T{{stillIdentified[r.IntN(len(stillIdentified))]}}
			}
			seenIdent++
		case stMonitoring:
			if seenMon == 0 {
				p := []T{it.cause.fix}
				var p2 []T
				if r.IntN(2) == 0 {
					p2 = append(p2, advice[cls])
				}
				p = append(p, monitoring[r.IntN(len(monitoring))])
				u.text = [][]T{p}
				if p2 != nil {
					u.text = append(u.text, p2)
				}
				if r.IntN(100) < 65 {
					if cur > sevDegraded {
						u.comps = append(u.comps, affect{it.comp, "degraded_performance"})
					} else {
						u.comps = append(u.comps, affect{it.comp, "operational"})
					}
					for _, c := range it.sec {
						u.comps = append(u.comps, affect{c, "operational"})
					}
				}
			} else {
				u.text = [][]T{{stillMonitoring}}
			}
			seenMon++
		case stResolved:
			p := []T{resolvedTexts[r.IntN(len(resolvedTexts))]}
			if it.comp.async && r.IntN(2) == 0 {
				p = append(p, backlogDone)
			}
			u.text = [][]T{p}
		}
		it.updates = append(it.updates, u)
	}
	it.n.delay = int(it.updates[0].at.Sub(it.start).Minutes())
}

// chooseImpact picks the impact from the worst severity reached (or leaves it to be derived from
// the components), and whether the file writes its kind.
func (it *item) chooseImpact() {
	r := it.r
	switch it.worst {
	case sevMajor:
		it.impact = "major"
		if it.comp.critical && r.IntN(5) < 2 {
			it.impact = "critical"
		}
	case sevPartial:
		it.impact = "minor"
		if r.IntN(10) < 3 {
			it.impact = "major"
		}
	default:
		it.impact = "minor"
		if r.IntN(100) < 15 {
			it.impact = "none"
		}
	}
	if r.IntN(5) == 0 {
		it.impact = "" // derived from the components
	}
	it.writeKind = r.IntN(10) < 7
}

// incidentTitle writes the title in every language: "Component: symptom", sometimes naming a
// second component.
func (it *item) incidentTitle(cls int) {
	r := it.r
	phrase := titles[cls][it.worst][r.IntN(3)]
	names := []*component{it.comp}
	if len(it.sec) > 0 && r.IntN(4) == 0 {
		names = append(names, it.sec[0])
	}
	for l := range 4 {
		var ns []string
		for _, c := range names {
			ns = append(ns, c.name[l])
		}
		sep := ": "
		if l == fr {
			sep = "\u00a0: "
		}
		it.title[l] = joinList(ns, l) + sep + phrase[l]
	}
}

// incidentSummary writes the summary and the body: what is being done about an ongoing incident,
// a postmortem of one that is over.
func (it *item) incidentSummary(cls int) {
	if it.ongoing {
		it.summary = []T{symptoms[cls][it.sev], workingOnIt}
		it.doc = it.ongoingDoc(cls)
		return
	}
	it.summary = []T{frame}
	if it.r.IntN(2) == 0 {
		it.summary = append(it.summary, it.cause.short)
	}
	it.doc = it.postmortem(cls)
}

// lifecycle returns k statuses from investigating to resolved.
func lifecycle(r *rand.Rand, k int) []string {
	switch k {
	case 2:
		return []string{stInvestigating, stResolved}
	case 3:
		switch r.IntN(10) {
		case 0:
			return []string{stIdentified, stMonitoring, stResolved}
		case 1, 2, 3:
			return []string{stInvestigating, stMonitoring, stResolved}
		}
		return []string{stInvestigating, stIdentified, stResolved}
	}
	s := []string{stInvestigating, stIdentified, stMonitoring, stResolved}
	for len(s) < k {
		i := r.IntN(3) // repeat one of the middle states
		s = slices.Insert(s, i, s[i])
	}
	return s
}

// spread returns k times from first to before last, each at least a minute after the one before.
func spread(r *rand.Rand, first, last time.Time, k int) []time.Time {
	out := []time.Time{first}
	span := last.Sub(first)
	var fs []float64
	for range k - 1 {
		fs = append(fs, 0.1+0.85*r.Float64())
	}
	slices.Sort(fs)
	for _, f := range fs {
		t := first.Add(time.Duration(f * float64(span))).Truncate(time.Minute)
		if prev := out[len(out)-1]; !t.After(prev) {
			t = prev.Add(time.Minute)
		}
		out = append(out, t)
	}
	return out
}

func (it *item) planMaintenance(now, from time.Time) {
	r := it.r
	it.mt = &mtopics[r.IntN(len(mtopics))]
	tp := it.mt
	loc := locs[it.lang]
	var day time.Time
	if it.upcoming {
		day = now.Add(time.Duration(2+r.IntN(26)) * 24 * time.Hour)
	} else {
		day = randTime(r, from.Add(10*24*time.Hour), now.Add(-2*24*time.Hour))
	}
	it.start = atHour(day, loc, tp.hour, 0).UTC()
	hours := tp.minH + r.IntN(tp.maxH-tp.minH+1)
	it.end = it.start.Add(time.Duration(hours) * time.Hour)
	dc := dcPairs[r.IntN(len(dcPairs))]
	it.n.dc1, it.n.dc2 = dc[0], dc[1]
	it.writeKind = true
	it.flowWin = r.IntN(2) == 0
	blank := r.IntN(2) == 0
	for _, id := range tp.comps {
		s := ""
		switch {
		case tp.degraded:
			s = "degraded_performance"
		case !blank:
			s = "under_maintenance"
		}
		it.comps = append(it.comps, affect{componentByID(id), s})
	}

	announce := atHour(it.start.Add(-time.Duration(3+r.IntN(12))*24*time.Hour), loc, 9+r.IntN(8), r.IntN(60)).UTC()
	if announce.After(now) {
		announce = now.Add(-minutes(10 + r.IntN(72*60)))
	}
	down := mDown
	if tp.degraded {
		down = mInterrupted
	}
	it.updates = append(it.updates, update{at: announce, status: stScheduled, text: [][]T{{mAnnounce[r.IntN(len(mAnnounce))], down}}})
	if rem := it.start.Add(-24 * time.Hour).Add(minutes(r.IntN(60))); r.IntN(100) < 35 && rem.After(announce.Add(time.Hour)) && !rem.After(now) {
		it.updates = append(it.updates, update{at: rem, status: stScheduled, text: [][]T{{mReminder}}})
	}
	if !it.upcoming {
		ip := it.start.Add(minutes(r.IntN(6)))
		it.updates = append(it.updates, update{at: ip, status: stInProgress, text: [][]T{{mStarted[r.IntN(len(mStarted))]}}})
		var done time.Time
		if r.IntN(100) < 15 {
			done = it.end.Add(minutes(20 + r.IntN(70)))
			it.updates = append(it.updates, update{at: it.end.Add(-10 * time.Minute), status: stInProgress, text: [][]T{{mOverrun}}})
			if r.IntN(10) < 4 {
				it.updates = append(it.updates, update{at: done.Add(-10 * time.Minute), status: stVerifying, text: [][]T{{mVerifying}}})
			}
		} else {
			done = it.end.Add(-minutes(r.IntN(min(30, hours*20))))
			if r.IntN(10) < 4 {
				v := ip.Add(time.Duration(0.75 * float64(done.Sub(ip)))).Truncate(time.Minute)
				it.updates = append(it.updates, update{at: v, status: stVerifying, text: [][]T{{mVerifying}}})
			}
		}
		it.updates = append(it.updates, update{at: done, status: stCompleted, text: [][]T{{mCompleted[r.IntN(len(mCompleted))]}}})
		it.doneAt = done
		it.resolved = done
	}
	it.title = tp.title
	it.summary = []T{mSummary}
	it.doc = it.maintenanceDoc()
}

func (it *item) planNotice(now, from time.Time) {
	r := it.r
	it.nt = &ntopics[r.IntN(len(ntopics))]
	day := randTime(r, from, now.Add(-24*time.Hour))
	it.start = atHour(day, locs[it.lang], []int{0, 9, 9, 10}[r.IntN(4)], 0).UTC()
	it.writeKind = true
	if r.IntN(10) < 7 {
		for _, id := range it.nt.comps {
			it.comps = append(it.comps, affect{componentByID(id), "operational"})
		}
	}
	it.title = it.nt.title
	it.summary = []T{it.nt.summary}
	it.doc = it.noticeDoc()
}

func componentByID(id string) *component {
	for i := range components {
		if components[i].id == id {
			return &components[i]
		}
	}
	panic("unknown component " + id)
}

// langs are the languages the item is written in, the original's first.
func (it *item) langs() []int {
	out := []int{it.lang}
	if it.translated {
		for l := range 4 {
			if l != it.lang {
				out = append(out, l)
			}
		}
	}
	return out
}

// env holds the values of the placeholders for one item in one language.
func (it *item) env(l int) *env {
	if e := it.envs[l]; e != nil {
		return e
	}
	e := &env{}
	code := langCodes[l]
	e.set("company", company)
	e.set("email", support)
	e.set("help", helpURL)
	e.set("feed", baseURL+"/"+code+"/feed.rss")
	e.set("docsRetry", siteURL+"/"+code+"/docs/api/retries")
	e.set("docsIR", siteURL+"/"+code+"/trust/incident-response")
	e.set("dc1", it.n.dc1)
	e.set("dc2", it.n.dc2)
	e.set("tzabbr", tzAbbr(it.start, l))
	switch it.kind {
	case kindIncident:
		n := &it.n
		e.set("unit", it.comp.unit[l])
		e.set("the", it.comp.the[l])
		e.set("provider", it.comp.provider[l])
		var the2 []string
		for _, c := range it.sec {
			the2 = append(the2, c.the[l])
		}
		e.set("the2", joinList(the2, l))
		e.set("date", longDate(it.start, l))
		e.set("t0", timeOf(it.start, it.start, l))
		last := it.updates[len(it.updates)-1].at
		if !it.end.IsZero() {
			last = it.end
		}
		e.set("t1", timeOf(last, it.start, l))
		e.set("tdeploy", timeOf(n.tdeploy, it.start, l))
		e.set("dur", duration(last.Sub(it.start), l))
		e.set("pct", percent(n.pct, l))
		e.set("secs", fmt.Sprint(n.secs))
		e.set("mins", fmt.Sprint(n.mins))
		e.set("err", n.err)
		e.set("n", number(n.count, l))
		e.set("m", number(n.accounts, l))
		e.set("fsecs", fmt.Sprint(n.fsecs))
		e.set("ver", n.ver)
		e.set("rollback", fmt.Sprint(n.rollback))
		e.set("loss", percent(n.loss, l))
		e.set("share", percent(n.share, l))
		e.set("backlog", number(n.backlog, l))
		e.set("catchup", fmt.Sprint(n.catchup))
		e.set("factor", fmt.Sprint(n.factor))
		e.set("max", fmt.Sprint(n.max))
		e.set("max2", fmt.Sprint(n.max*2))
		e.set("limit", number(n.limit, l))
		e.set("limit2", number(n.limit*10, l))
		e.set("tickets", number(n.tickets, l))
		e.set("delay", fmt.Sprint(n.delay))
		e.set("updates", fmt.Sprint(len(it.updates)))
		e.set("eta", fmt.Sprint(n.eta))
		e.set("past", e.expand(pasts[b2i(it.comp.async)][it.worst][l]))
	case kindMaintenance:
		var names []string
		for _, a := range it.comps {
			names = append(names, a.comp.name[l])
		}
		e.set("names", joinList(names, l))
		e.set("window", window(it.start, it.end, l))
		e.set("w0", timeOf(it.start, it.start, l))
		e.set("wdur", duration(it.end.Sub(it.start), l))
		if !it.doneAt.IsZero() {
			e.set("wend", timeOf(it.doneAt, it.start, l))
			// The estimate given while overrunning: the next quarter hour.
			e.set("eta", timeOf(it.doneAt.Add(14*time.Minute).Truncate(15*time.Minute), it.start, l))
		}
	case kindNotice:
		e.set("date", longDate(it.start, l))
		if it.nt.doc != "" {
			e.set("doc", siteURL+"/"+code+it.nt.doc)
		}
	}
	it.envs[l] = e
	return e
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// text is t in language l with its placeholders filled, starting with a capital.
func (it *item) text(l int, t T) string { return capFirst(it.env(l).expand(t[l])) }

func (it *item) sentences(l int, ts []T) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = it.text(l, t)
	}
	return strings.Join(parts, " ")
}
