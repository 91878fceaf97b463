package status

import (
	"time"

	"statuspress/internal/incident"
)

// Indicator is the page's overall state in one word, with the names of Statuspage's
// status.indicator so API clients and widgets understand it.
type Indicator string

const (
	IndicatorNone        Indicator = "none"
	IndicatorMinor       Indicator = "minor"
	IndicatorMajor       Indicator = "major"
	IndicatorCritical    Indicator = "critical"
	IndicatorMaintenance Indicator = "maintenance"
)

// Indicators lists every indicator, calmest first.
var Indicators = []Indicator{IndicatorNone, IndicatorMaintenance, IndicatorMinor, IndicatorMajor, IndicatorCritical}

// ImpactAt returns the impact of in at t: the one it states, or, when it states none that is valid,
// the one Statuspage derives from the worst status it gives a component at t.
func ImpactAt(in *incident.Incident, t time.Time) incident.Impact {
	if in.Impact.Valid() {
		return in.Impact
	}
	w := incident.Operational
	for _, a := range in.ComponentsAt(t) {
		w = incident.Worst(w, a.Status)
	}
	return incident.ImpactOf(w)
}

// IndicatorAt returns the page's indicator at t from the incidents ongoing then: the worst impact
// among the ongoing incidents (none, minor, major, critical); when that is none and a maintenance
// is in progress, maintenance. An incident of impact none does not hide a maintenance, while any
// real trouble outranks one.
func IndicatorAt(incidents []*incident.Incident, t time.Time) Indicator {
	worst := incident.ImpactNone
	maintenance := false
	for _, in := range incidents {
		if !in.Ongoing(t) {
			continue
		}
		switch in.Kind {
		case incident.KindIncident:
			if imp := ImpactAt(in, t); imp.Rank() > worst.Rank() {
				worst = imp
			}
		case incident.KindMaintenance:
			maintenance = true
		}
	}
	if worst == incident.ImpactNone && maintenance {
		return IndicatorMaintenance
	}
	return indicatorOf(worst)
}

func indicatorOf(imp incident.Impact) Indicator {
	switch imp {
	case incident.ImpactCritical:
		return IndicatorCritical
	case incident.ImpactMajor:
		return IndicatorMajor
	case incident.ImpactMinor:
		return IndicatorMinor
	}
	return IndicatorNone
}

// State is what the status page shows at one instant, apart from uptime. It holds the site's and
// the incidents' own values; share it, don't modify it.
type State struct {
	At        time.Time
	Indicator Indicator
	// Worst is the worst status of any site component.
	Worst incident.ComponentStatus
	// Components are every site component in site order.
	Components []ComponentState
	// Groups are every site group in site order, each with its components.
	Groups []GroupState
	// Ongoing are the incidents going on, newest first (see Ongoing).
	Ongoing []*incident.Incident
	// InProgress are the maintenances going on (see InProgress).
	InProgress []*incident.Incident
	// Upcoming are the announced maintenances still to come (see Upcoming).
	Upcoming []*incident.Incident
	// Notices are the notices in effect, newest first (see Notices).
	Notices []*incident.Incident
}

// At returns the state of the site at t.
func At(site *incident.Site, incidents []*incident.Incident, t time.Time) State {
	st := Components(incidents, t)
	comps, groups := states(site, st)
	worst := incident.Operational
	for _, c := range comps {
		worst = incident.Worst(worst, c.Status)
	}
	return State{
		At:         t,
		Indicator:  IndicatorAt(incidents, t),
		Worst:      worst,
		Components: comps,
		Groups:     groups,
		Ongoing:    Ongoing(incidents, t),
		InProgress: InProgress(incidents, t),
		Upcoming:   Upcoming(incidents, t),
		Notices:    Notices(incidents, t),
	}
}
