// Package status derives what a status page shows from the content: each component's status at an
// instant, the page's overall indicator, the lists of ongoing incidents, maintenances and notices,
// and day-by-day uptime per component and group.
//
// Everything here is a pure function of the site, the incidents and an instant passed in; nothing
// reads the clock. The rules for a single incident (its state, whether it is ongoing, the status it
// gives each component) belong to package incident; this package combines incidents.
package status

import (
	"slices"
	"time"

	"statuspress/internal/incident"
)

// ranked lists the component statuses from best to worst by the domain's "worst wins" rule, so the
// order is the domain's and only its position is used here.
var ranked = func() []incident.ComponentStatus {
	s := slices.Clone(incident.ComponentStatuses)
	slices.SortStableFunc(s, func(a, b incident.ComponentStatus) int {
		switch {
		case a.Worse(b):
			return 1
		case b.Worse(a):
			return -1
		}
		return 0
	})
	return s
}()

// rank is s's position in ranked: 0 for operational, higher for worse, -1 for an unknown status.
func rank(s incident.ComponentStatus) int { return slices.Index(ranked, s) }

// Statuses maps component ids to their status at one instant. A component it lacks is operational.
type Statuses map[string]incident.ComponentStatus

// Of returns the status of component id.
func (s Statuses) Of(id string) incident.ComponentStatus {
	if st, ok := s[id]; ok {
		return st
	}
	return incident.Operational
}

// Components returns the status of every component some incident affects at t: the worst status
// among the incidents and maintenances that are ongoing at t (Incident.Ongoing), each as it stands
// at t (Incident.ComponentsAt). Components at operational are left out.
func Components(incidents []*incident.Incident, t time.Time) Statuses {
	out := Statuses{}
	for _, in := range incidents {
		if !in.Ongoing(t) {
			continue
		}
		for _, a := range in.ComponentsAt(t) {
			if a.Status.Worse(out.Of(a.Component)) {
				out[a.Component] = a.Status
			}
		}
	}
	return out
}

// Component returns the status of component id at t by the rule of Components.
func Component(incidents []*incident.Incident, id string, t time.Time) incident.ComponentStatus {
	w := incident.Operational
	for _, in := range incidents {
		if !in.Ongoing(t) {
			continue
		}
		for _, a := range in.ComponentsAt(t) {
			if a.Component == id && a.Status.Worse(w) {
				w = a.Status
			}
		}
	}
	return w
}

// ComponentState is one site component with its status at an instant.
type ComponentState struct {
	Component incident.Component
	Status    incident.ComponentStatus
}

// Shown reports whether the page lists the component: always, unless site.yaml hides it while it
// is operational.
func (c ComponentState) Shown() bool {
	return !c.Component.HiddenUnlessDegraded || c.Status != incident.Operational
}

// GroupState is one group of components with its status at an instant: the worst of its
// components'.
type GroupState struct {
	Group  incident.Group
	Status incident.ComponentStatus
	// Components are the group's members in site order.
	Components []ComponentState
}

// Shown reports whether the page lists the group: when it shows any of its components.
func (g GroupState) Shown() bool { return slices.ContainsFunc(g.Components, ComponentState.Shown) }

// states returns every site component with its status, in site order, and the groups built from
// them, in site order.
func states(site *incident.Site, st Statuses) ([]ComponentState, []GroupState) {
	comps := make([]ComponentState, len(site.Components))
	for i, c := range site.Components {
		comps[i] = ComponentState{Component: c, Status: st.Of(c.ID)}
	}
	groups := make([]GroupState, len(site.Groups))
	for i, g := range site.Groups {
		gs := GroupState{Group: g, Status: incident.Operational}
		for _, c := range comps {
			if c.Component.Group == g.ID {
				gs.Components = append(gs.Components, c)
				gs.Status = incident.Worst(gs.Status, c.Status)
			}
		}
		groups[i] = gs
	}
	return comps, groups
}
