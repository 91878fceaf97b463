package locale_test

import (
	"math"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zones below, whatever the machine has installed

	"statuspress/internal/locale"
)

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

func TestDates(t *testing.T) {
	c := catalog(t)
	type want struct{ date, long, short, month, clock, dateTime string }
	tests := []struct {
		lang, zone, at string
		want           want
	}{
		// A summer afternoon: the example.
		{"en", "UTC", "2020-06-08T14:30:00Z", want{
			"June 8, 2020", "Monday, June 8, 2020", "Jun 8", "June 2020", "14:30 UTC", "June 8, 2020, 14:30 UTC"}},
		{"nl", "Europe/Amsterdam", "2020-06-08T14:30:00Z", want{
			"8 juni 2020", "maandag 8 juni 2020", "8 jun", "juni 2020", "16:30 CEST", "8 juni 2020 16:30 CEST"}},
		{"fr", "Europe/Paris", "2020-06-08T14:30:00Z", want{
			"8 juin 2020", "lundi 8 juin 2020", "8 juin", "juin 2020", "16:30 CEST", "8 juin 2020 à 16:30 CEST"}},
		{"de", "Europe/Berlin", "2020-06-08T14:30:00Z", want{
			"8. Juni 2020", "Montag, 8. Juni 2020", "8. Juni", "Juni 2020", "16:30 CEST", "8. Juni 2020, 16:30 CEST"}},

		// The same instant is another day in another zone: the day is cut in the reader's zone.
		{"en", "UTC", "2020-06-07T22:30:00Z", want{
			"June 7, 2020", "Sunday, June 7, 2020", "Jun 7", "June 2020", "22:30 UTC", "June 7, 2020, 22:30 UTC"}},
		{"nl", "Europe/Amsterdam", "2020-06-07T22:30:00Z", want{
			"8 juni 2020", "maandag 8 juni 2020", "8 jun", "juni 2020", "00:30 CEST", "8 juni 2020 00:30 CEST"}},

		// Winter time, month and year boundaries, the French "1er".
		{"nl", "Europe/Amsterdam", "2024-12-31T23:30:00Z", want{
			"1 januari 2025", "woensdag 1 januari 2025", "1 jan", "januari 2025", "00:30 CET", "1 januari 2025 00:30 CET"}},
		{"fr", "UTC", "2024-12-01T09:05:00Z", want{
			"1er décembre 2024", "dimanche 1er décembre 2024", "1er déc.", "décembre 2024", "09:05 UTC", "1er décembre 2024 à 09:05 UTC"}},
		{"fr", "Europe/Paris", "2024-02-29T12:00:00Z", want{
			"29 février 2024", "jeudi 29 février 2024", "29 févr.", "février 2024", "13:00 CET", "29 février 2024 à 13:00 CET"}},
		{"de", "Europe/Berlin", "2021-03-04T05:06:00Z", want{
			"4. März 2021", "Donnerstag, 4. März 2021", "4. März", "März 2021", "06:06 CET", "4. März 2021, 06:06 CET"}},
		{"de", "Europe/Vienna", "2021-09-15T10:00:00Z", want{
			"15. September 2021", "Mittwoch, 15. September 2021", "15. Sept.", "September 2021", "12:00 CEST", "15. September 2021, 12:00 CEST"}},
		{"en", "Europe/London", "2021-08-01T07:00:00Z", want{
			"August 1, 2021", "Sunday, August 1, 2021", "Aug 1", "August 2021", "08:00 BST", "August 1, 2021, 08:00 BST"}},

		// Zones without letters in the database keep Go's numeric abbreviation.
		{"en", "America/Sao_Paulo", "2024-12-01T23:30:00Z", want{
			"December 1, 2024", "Sunday, December 1, 2024", "Dec 1", "December 2024", "20:30 -03", "December 1, 2024, 20:30 -03"}},
		{"de", "Europe/Istanbul", "2022-05-03T09:15:00Z", want{
			"3. Mai 2022", "Dienstag, 3. Mai 2022", "3. Mai", "Mai 2022", "12:15 +03", "3. Mai 2022, 12:15 +03"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+tt.zone+" "+tt.at, func(t *testing.T) {
			l := c.Localizer(tt.lang, mustZone(t, tt.zone))
			at := mustTime(t, tt.at)
			got := want{l.Date(at), l.LongDate(at), l.ShortDate(at), l.Month(at), l.Time(at), l.DateTime(at)}
			if got != tt.want {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// Every month and weekday name, so a typo in the tables shows.
func TestCalendarNames(t *testing.T) {
	c := catalog(t)
	months := map[string]string{
		"en": "January February March April May June July August September October November December",
		"nl": "januari februari maart april mei juni juli augustus september oktober november december",
		"fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
		"de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
	}
	// Day 15 of each month, abbreviated as the uptime bars show it.
	short := map[string]string{
		"en": "Jan 15|Feb 15|Mar 15|Apr 15|May 15|Jun 15|Jul 15|Aug 15|Sep 15|Oct 15|Nov 15|Dec 15",
		"nl": "15 jan|15 feb|15 mrt|15 apr|15 mei|15 jun|15 jul|15 aug|15 sep|15 okt|15 nov|15 dec",
		"fr": "15 janv.|15 févr.|15 mars|15 avr.|15 mai|15 juin|15 juil.|15 août|15 sept.|15 oct.|15 nov.|15 déc.",
		"de": "15. Jan.|15. Feb.|15. März|15. Apr.|15. Mai|15. Juni|15. Juli|15. Aug.|15. Sept.|15. Okt.|15. Nov.|15. Dez.",
	}
	// 2023-01-01 was a Sunday.
	weekdays := map[string]string{
		"en": "Sunday Monday Tuesday Wednesday Thursday Friday Saturday",
		"nl": "zondag maandag dinsdag woensdag donderdag vrijdag zaterdag",
		"fr": "dimanche lundi mardi mercredi jeudi vendredi samedi",
		"de": "Sonntag Montag Dienstag Mittwoch Donnerstag Freitag Samstag",
	}
	for _, lang := range locale.Languages {
		l := c.Localizer(lang, time.UTC)
		var m, s, w []string
		for i := range 12 {
			at := time.Date(2023, time.Month(i+1), 15, 12, 0, 0, 0, time.UTC)
			m = append(m, strings.TrimSuffix(l.Month(at), " 2023"))
			s = append(s, l.ShortDate(at))
		}
		for i := range 7 {
			w = append(w, l.Weekday(time.Date(2023, 1, 1+i, 12, 0, 0, 0, time.UTC)))
		}
		for _, tt := range []struct{ what, got, want string }{
			{"months", strings.Join(m, " "), months[lang]},
			{"short dates", strings.Join(s, "|"), short[lang]},
			{"weekdays", strings.Join(w, " "), weekdays[lang]},
		} {
			if tt.got != tt.want {
				t.Errorf("%s %s:\n got %s\nwant %s", lang, tt.what, tt.got, tt.want)
			}
		}
	}
}

func TestWindow(t *testing.T) {
	c := catalog(t)
	tests := []struct {
		lang, zone, start, end, want string
	}{
		{"en", "UTC", "2020-06-08T00:00:00Z", "2020-06-08T02:00:00Z", "June 8, 2020, 00:00–02:00 UTC"},
		{"nl", "Europe/Amsterdam", "2020-06-08T00:00:00Z", "2020-06-08T02:00:00Z", "8 juni 2020 02:00–04:00 CEST"},
		{"fr", "Europe/Paris", "2020-06-08T00:00:00Z", "2020-06-08T02:00:00Z", "8 juin 2020, 02:00–04:00 CEST"},
		{"de", "Europe/Berlin", "2020-06-08T00:00:00Z", "2020-06-08T02:00:00Z", "8. Juni 2020, 02:00–04:00 CEST"},
		// One day in Amsterdam, two in UTC.
		{"nl", "Europe/Amsterdam", "2020-06-08T22:00:00Z", "2020-06-09T02:00:00Z", "9 juni 2020 00:00–04:00 CEST"},
		{"en", "UTC", "2020-06-08T22:00:00Z", "2020-06-09T02:00:00Z", "June 8, 2020, 22:00 UTC – June 9, 2020, 02:00 UTC"},
		// The night the clocks go back: both zones shown.
		{"nl", "Europe/Amsterdam", "2020-10-24T23:00:00Z", "2020-10-25T03:00:00Z", "25 oktober 2020 01:00 CEST – 04:00 CET"},
		{"de", "Europe/Berlin", "2020-06-08T00:00:00Z", "0001-01-01T00:00:00Z", "8. Juni 2020, 02:00 CEST"},
	}
	for _, tt := range tests {
		l := c.Localizer(tt.lang, mustZone(t, tt.zone))
		if got := l.Window(mustTime(t, tt.start), mustTime(t, tt.end)); got != tt.want {
			t.Errorf("%s %s: Window(%s, %s) = %q, want %q", tt.lang, tt.zone, tt.start, tt.end, got, tt.want)
		}
	}
}

func TestDuration(t *testing.T) {
	c := catalog(t)
	tests := []struct {
		d              time.Duration
		en, nl, fr, de string
	}{
		{2*time.Hour + 15*time.Minute, "2 hours 15 minutes", "2 uur en 15 minuten", "2 heures et 15 minutes", "2 Stunden und 15 Minuten"},
		{time.Hour + time.Minute, "1 hour 1 minute", "1 uur en 1 minuut", "1 heure et 1 minute", "1 Stunde und 1 Minute"},
		{7 * time.Hour, "7 hours", "7 uur", "7 heures", "7 Stunden"},
		{time.Hour, "1 hour", "1 uur", "1 heure", "1 Stunde"},
		{3 * time.Hour, "3 hours", "3 uur", "3 heures", "3 Stunden"},
		{45 * time.Minute, "45 minutes", "45 minuten", "45 minutes", "45 Minuten"},
		{time.Minute + 29*time.Second, "1 minute", "1 minuut", "1 minute", "1 Minute"},
		{7*time.Hour + 40*time.Second, "7 hours 1 minute", "7 uur en 1 minuut", "7 heures et 1 minute", "7 Stunden und 1 Minute"},
		{29 * time.Second, "less than a minute", "minder dan een minuut", "moins d'une minute", "weniger als eine Minute"},
		{-time.Hour, "less than a minute", "minder dan een minuut", "moins d'une minute", "weniger als eine Minute"},
		{23*time.Hour + 59*time.Minute + 40*time.Second, "1 day", "1 dag", "1 jour", "1 Tag"},
		{29*time.Hour + 40*time.Minute, "1 day 6 hours", "1 dag en 6 uur", "1 jour et 6 heures", "1 Tag und 6 Stunden"},
		{48 * time.Hour, "2 days", "2 dagen", "2 jours", "2 Tage"},
		{73 * time.Hour, "3 days 1 hour", "3 dagen en 1 uur", "3 jours et 1 heure", "3 Tage und 1 Stunde"},
	}
	for _, tt := range tests {
		for lang, want := range map[string]string{"en": tt.en, "nl": tt.nl, "fr": tt.fr, "de": tt.de} {
			if got := c.Localizer(lang, nil).Duration(tt.d); got != want {
				t.Errorf("%s: Duration(%v) = %q, want %q", lang, tt.d, got, want)
			}
		}
	}
}

func TestRelative(t *testing.T) {
	c := catalog(t)
	now := mustTime(t, "2020-06-08T12:00:00Z")
	const day = 24 * time.Hour
	tests := []struct {
		offset         time.Duration // t - now
		en, nl, fr, de string
	}{
		{-3 * time.Hour, "3 hours ago", "3 uur geleden", "il y a 3 heures", "vor 3 Stunden"},
		{2 * day, "in 2 days", "over 2 dagen", "dans 2 jours", "in 2 Tagen"},
		{0, "just now", "zojuist", "à l'instant", "gerade eben"},
		{-30 * time.Second, "just now", "zojuist", "à l'instant", "gerade eben"},
		{30 * time.Second, "in a moment", "zo meteen", "dans un instant", "gleich"},
		{-time.Minute, "1 minute ago", "1 minuut geleden", "il y a 1 minute", "vor 1 Minute"},
		{-59 * time.Minute, "59 minutes ago", "59 minuten geleden", "il y a 59 minutes", "vor 59 Minuten"},
		{-(time.Hour + 59*time.Minute), "1 hour ago", "1 uur geleden", "il y a 1 heure", "vor 1 Stunde"},
		{90 * time.Minute, "in 1 hour", "over 1 uur", "dans 1 heure", "in 1 Stunde"},
		{5 * time.Minute, "in 5 minutes", "over 5 minuten", "dans 5 minutes", "in 5 Minuten"},
		{-day, "1 day ago", "1 dag geleden", "il y a 1 jour", "vor 1 Tag"},
		{-29 * day, "29 days ago", "29 dagen geleden", "il y a 29 jours", "vor 29 Tagen"},
		{-45 * day, "1 month ago", "1 maand geleden", "il y a 1 mois", "vor 1 Monat"},
		{-200 * day, "6 months ago", "6 maanden geleden", "il y a 6 mois", "vor 6 Monaten"},
		{40 * day, "in 1 month", "over 1 maand", "dans 1 mois", "in 1 Monat"},
		{-400 * day, "1 year ago", "1 jaar geleden", "il y a 1 an", "vor 1 Jahr"},
		{-800 * day, "2 years ago", "2 jaar geleden", "il y a 2 ans", "vor 2 Jahren"},
		{3 * 365 * day, "in 3 years", "over 3 jaar", "dans 3 ans", "in 3 Jahren"},
	}
	for _, tt := range tests {
		for lang, want := range map[string]string{"en": tt.en, "nl": tt.nl, "fr": tt.fr, "de": tt.de} {
			if got := c.Localizer(lang, nil).Relative(now.Add(tt.offset), now); got != want {
				t.Errorf("%s: Relative(now%+v) = %q, want %q", lang, tt.offset, got, want)
			}
		}
	}
	if got, want := c.Localizer("de", nil).DaysAgo(90), "vor 90 Tagen"; got != want {
		t.Errorf("de DaysAgo(90) = %q, want %q", got, want)
	}
}

func TestPercent(t *testing.T) {
	c := catalog(t)
	tests := []struct {
		p              float64
		en, nl, fr, de string
	}{
		{99.95, "99.95%", "99,95%", "99,95\u202f%", "99,95\u00a0%"},
		{99.999, "99.99%", "99,99%", "99,99\u202f%", "99,99\u00a0%"}, // cut, never rounded up to 100
		{100, "100%", "100%", "100\u202f%", "100\u00a0%"},
		{0, "0.00%", "0,00%", "0,00\u202f%", "0,00\u00a0%"},
		{70, "70.00%", "70,00%", "70,00\u202f%", "70,00\u00a0%"},
		{-3, "0.00%", "0,00%", "0,00\u202f%", "0,00\u00a0%"},
		{math.NaN(), "–", "–", "–", "–"},
	}
	for _, tt := range tests {
		for lang, want := range map[string]string{"en": tt.en, "nl": tt.nl, "fr": tt.fr, "de": tt.de} {
			if got := c.Localizer(lang, nil).Percent(tt.p); got != want {
				t.Errorf("%s: Percent(%v) = %q, want %q", lang, tt.p, got, want)
			}
		}
	}
}
