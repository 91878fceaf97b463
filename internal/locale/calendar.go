package locale

import (
	"strconv"
	"time"
)

// calendar is how one language writes dates, times and numbers. The names are CLDR's "wide"
// and "abbreviated" format forms; the patterns follow CLDR's long date formats, except that
// every language uses the 24-hour clock (see the package doc).
type calendar struct {
	months      [12]string
	shortMonths [12]string
	// weekdays start on Sunday, as time.Weekday does.
	weekdays [7]string
	// day writes the day of the month; French writes the first as "1er".
	day func(d int) string
	// date writes day, month name and year: "June 8, 2020", "8 juni 2020".
	date func(day, month string, year int) string
	// longDate adds the weekday: "Monday, June 8, 2020".
	longDate func(weekday, day, month string, year int) string
	// shortDate writes day and abbreviated month: "Jun 8", "8 jun".
	shortDate func(day, shortMonth string) string
	// dateTime joins a date and a time with zone: "June 8, 2020, 14:30 UTC".
	dateTimeSep string
	// windowSep joins a date and a time range within it: "June 8, 2020, 02:00–04:00 UTC".
	windowSep string
	// decimal is the decimal separator; percentSign follows the number, with the space CLDR
	// puts before it.
	decimal     string
	percentSign string
}

func plainDay(d int) string { return strconv.Itoa(d) }

var calendars = map[string]*calendar{
	"en": {
		months: [12]string{"January", "February", "March", "April", "May", "June",
			"July", "August", "September", "October", "November", "December"},
		shortMonths: [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
			"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		weekdays:    [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		day:         plainDay,
		date:        func(d, m string, y int) string { return m + " " + d + ", " + strconv.Itoa(y) },
		longDate:    func(w, d, m string, y int) string { return w + ", " + m + " " + d + ", " + strconv.Itoa(y) },
		shortDate:   func(d, m string) string { return m + " " + d },
		dateTimeSep: ", ",
		windowSep:   ", ",
		decimal:     ".",
		percentSign: "%",
	},
	"nl": {
		months: [12]string{"januari", "februari", "maart", "april", "mei", "juni",
			"juli", "augustus", "september", "oktober", "november", "december"},
		shortMonths: [12]string{"jan", "feb", "mrt", "apr", "mei", "jun",
			"jul", "aug", "sep", "okt", "nov", "dec"},
		weekdays:    [7]string{"zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"},
		day:         plainDay,
		date:        func(d, m string, y int) string { return d + " " + m + " " + strconv.Itoa(y) },
		longDate:    func(w, d, m string, y int) string { return w + " " + d + " " + m + " " + strconv.Itoa(y) },
		shortDate:   func(d, m string) string { return d + " " + m },
		dateTimeSep: " ",
		windowSep:   " ",
		decimal:     ",",
		percentSign: "%",
	},
	"fr": {
		months: [12]string{"janvier", "février", "mars", "avril", "mai", "juin",
			"juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		shortMonths: [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin",
			"juil.", "août", "sept.", "oct.", "nov.", "déc."},
		weekdays: [7]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
		day: func(d int) string {
			if d == 1 {
				return "1er"
			}
			return strconv.Itoa(d)
		},
		date:        func(d, m string, y int) string { return d + " " + m + " " + strconv.Itoa(y) },
		longDate:    func(w, d, m string, y int) string { return w + " " + d + " " + m + " " + strconv.Itoa(y) },
		shortDate:   func(d, m string) string { return d + " " + m },
		dateTimeSep: " à ",
		windowSep:   ", ",
		decimal:     ",",
		percentSign: "\u202f%", // narrow no-break space, as CLDR has it
	},
	"de": {
		months: [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni",
			"Juli", "August", "September", "Oktober", "November", "Dezember"},
		shortMonths: [12]string{"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni",
			"Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."},
		weekdays:    [7]string{"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"},
		day:         func(d int) string { return strconv.Itoa(d) + "." },
		date:        func(d, m string, y int) string { return d + " " + m + " " + strconv.Itoa(y) },
		longDate:    func(w, d, m string, y int) string { return w + ", " + d + " " + m + " " + strconv.Itoa(y) },
		shortDate:   func(d, m string) string { return d + " " + m },
		dateTimeSep: ", ",
		windowSep:   ", ",
		decimal:     ",",
		percentSign: "\u00a0%", // no-break space, as CLDR has it
	},
}

func (c *calendar) formatDate(t time.Time) string {
	return c.date(c.day(t.Day()), c.months[t.Month()-1], t.Year())
}
