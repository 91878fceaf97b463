package locale

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"statuspress/internal/incident"
)

// clock is the time of day, 24-hour, with the zone's abbreviation ("16:30 CEST"; "+03" where the
// zone database has no letters for the zone).
const (
	clock        = "15:04"
	clockAndZone = "15:04 MST"
)

// Date writes t's calendar day in the Localizer's zone: "June 8, 2020", "8 juni 2020",
// "8 juin 2020" ("1er juin 2020"), "8. Juni 2020".
func (l *Localizer) Date(t time.Time) string {
	return l.cal.formatDate(t.In(l.loc))
}

// LongDate is Date with the weekday: "Monday, June 8, 2020", "maandag 8 juni 2020",
// "lundi 8 juin 2020", "Montag, 8. Juni 2020".
func (l *Localizer) LongDate(t time.Time) string {
	t = t.In(l.loc)
	c := l.cal
	return c.longDate(c.weekdays[t.Weekday()], c.day(t.Day()), c.months[t.Month()-1], t.Year())
}

// ShortDate writes day and abbreviated month without the year, for the uptime bars: "Jun 8",
// "8 jun", "8 juin", "8. Juni".
func (l *Localizer) ShortDate(t time.Time) string {
	t = t.In(l.loc)
	return l.cal.shortDate(l.cal.day(t.Day()), l.cal.shortMonths[t.Month()-1])
}

// Month writes t's month and year: "June 2020", "juni 2020", "juin 2020", "Juni 2020".
func (l *Localizer) Month(t time.Time) string {
	t = t.In(l.loc)
	return l.cal.months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// Weekday names t's day of the week: "Monday", "maandag", "lundi", "Montag".
func (l *Localizer) Weekday(t time.Time) string {
	return l.cal.weekdays[t.In(l.loc).Weekday()]
}

// Time writes t's time of day with the zone: "16:30 CEST".
func (l *Localizer) Time(t time.Time) string {
	return t.In(l.loc).Format(clockAndZone)
}

// DateTime writes t's date, time and zone: "June 8, 2020, 14:30 UTC", "8 juni 2020 16:30 CEST",
// "8 juin 2020 à 16:30 CEST", "8. Juni 2020, 16:30 CEST".
func (l *Localizer) DateTime(t time.Time) string {
	return l.Date(t) + l.cal.dateTimeSep + l.Time(t)
}

// Window writes the span from start to end as briefly as stays unambiguous: within one day
// "June 8, 2020, 02:00–04:00 UTC"; across days or a change of zone offset, both ends in full.
// A zero end is an open window and gives DateTime(start).
func (l *Localizer) Window(start, end time.Time) string {
	if end.IsZero() {
		return l.DateTime(start)
	}
	s, e := start.In(l.loc), end.In(l.loc)
	sy, sm, sd := s.Date()
	ey, em, ed := e.Date()
	if sy != ey || sm != em || sd != ed {
		return l.DateTime(start) + " – " + l.DateTime(end)
	}
	if s.Format("MST") != e.Format("MST") {
		return l.Date(start) + l.cal.windowSep + l.Time(start) + " – " + l.Time(end)
	}
	return l.Date(start) + l.cal.windowSep + s.Format(clock) + "–" + l.Time(end)
}

// Duration writes how long d is, to the minute below a day and to the hour from a day on,
// with at most two units: "2 hours 15 minutes", "2 uur en 15 minuten", "2 heures et 15 minutes",
// "2 Stunden und 15 Minuten", "1 day 3 hours". Less than a minute (and any negative d) is
// "less than a minute".
func (l *Localizer) Duration(d time.Duration) string {
	d = d.Round(time.Minute)
	if d < time.Minute {
		return l.T(durationUnderMinute)
	}
	if d < 24*time.Hour {
		h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
		return l.twoUnits(durationHours, h, durationMinutes, m)
	}
	d = d.Round(time.Hour)
	days, h := int(d/(24*time.Hour)), int(d%(24*time.Hour)/time.Hour)
	return l.twoUnits(durationDays, days, durationHours, h)
}

// twoUnits writes "a big, b small", leaving out a unit whose count is zero.
func (l *Localizer) twoUnits(big *i18n.Message, a int, small *i18n.Message, b int) string {
	switch {
	case a == 0:
		return l.Plural(small, b, nil)
	case b == 0:
		return l.Plural(big, a, nil)
	}
	return l.TData(durationJoin, map[string]any{
		"First":  l.Plural(big, a, nil),
		"Second": l.Plural(small, b, nil),
	})
}

// Relative writes how far t is from now: "3 hours ago", "in 2 days", "just now". Each unit is
// counted down to whole units (1 h 59 min ago is "1 hour ago"); a month is 30 days and a year
// 365, which is as exact as a relative time needs to be.
func (l *Localizer) Relative(t, now time.Time) string {
	d := now.Sub(t)
	future := d < 0
	if future {
		d = -d
	}
	const day = 24 * time.Hour
	var n int
	var ago, in *i18n.Message
	switch {
	case d < time.Minute:
		if future {
			return l.T(relativeSoon)
		}
		return l.T(relativeJustNow)
	case d < time.Hour:
		n, ago, in = int(d/time.Minute), relativeMinutesAgo, relativeInMinutes
	case d < day:
		n, ago, in = int(d/time.Hour), relativeHoursAgo, relativeInHours
	case d < 30*day:
		n, ago, in = int(d/day), relativeDaysAgo, relativeInDays
	case d < 365*day:
		n, ago, in = int(d/(30*day)), relativeMonthsAgo, relativeInMonths
	default:
		n, ago, in = int(d/(365*day)), relativeYearsAgo, relativeInYears
	}
	if future {
		return l.Plural(in, n, nil)
	}
	return l.Plural(ago, n, nil)
}

// Starts writes when a maintenance whose window opens at start begins, seen from now: "starts in
// 3 hours".
func (l *Localizer) Starts(start, now time.Time) string {
	return l.TData(MaintenanceStarts, map[string]any{"In": l.Relative(start, now)})
}

// Until writes that a maintenance is going on and when its window closes: "in progress, until
// 00:00 UTC". Within a day of now the time alone is unambiguous, as it is the next time the clock
// shows it; further out the date comes with it. An open window (a zero end) is just in progress.
func (l *Localizer) Until(end, now time.Time) string {
	if end.IsZero() {
		return l.UpdateStatus(incident.StatusInProgress)
	}
	e := l.Time(end)
	if end.Sub(now) >= 24*time.Hour {
		e = l.DateTime(end)
	}
	return l.TData(MaintenanceUntil, map[string]any{"End": e})
}

// DaysAgo writes "n days ago" ("1 day ago" for 1), for the start of the uptime bars' time axis.
func (l *Localizer) DaysAgo(n int) string { return l.Plural(relativeDaysAgo, n, nil) }

// WholePercent writes a whole percentage n as the language does: "30%", "30 %".
func (l *Localizer) WholePercent(n int) string { return strconv.Itoa(n) + l.cal.percentSign }

// Percent writes an uptime percentage p (0 to 100) with two decimals, cut rather than rounded
// so that an imperfect day never shows as 100: "99.95%", "99,95%", "99,95 %". Exactly 100 is
// written without decimals; NaN (no figures) is "–".
func (l *Localizer) Percent(p float64) string {
	if math.IsNaN(p) {
		return "–"
	}
	p = min(max(p, 0), 100)
	var s string
	if p == 100 {
		s = "100"
	} else {
		// The epsilon keeps 99.95, stored as 99.9499999…, from being cut to 99.94.
		s = strconv.FormatFloat(math.Floor(p*100+1e-6)/100, 'f', 2, 64)
		s = strings.Replace(s, ".", l.cal.decimal, 1)
	}
	return s + l.cal.percentSign
}
