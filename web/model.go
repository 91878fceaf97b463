// Package web holds statuspress's HTML: templ components and the view models they render. View
// models are shaped like the screen and carry ready-made text (dates already formatted in the
// reader's language and zone, statuses already in words); components add only the fixed UI
// strings, which they take from the localizer in the context (locale.FromContext). The package
// imports neither echo nor the content loader.
package web

// Base is what every page has: the document head, the header and the footer.
type Base struct {
	// Lang is the page's language, for <html lang>.
	Lang string
	// SiteTitle is the status page's name in Lang.
	SiteTitle string
	// Title is this page's own title, without the site's; empty on the overview.
	Title string
	// Description is the meta description (and Open Graph description).
	Description string
	// Canonical is the page's absolute URL.
	Canonical string
	// Languages lists the page in every enabled language, in switcher order; one is Current.
	Languages []Alternate
	// XDefault is the absolute URL of the page in the site's default language.
	XDefault string
	// Feeds are the feeds for autodiscovery in the head, most specific first.
	Feeds []Link
	// Stylesheet, Script and Icon are fingerprinted asset paths.
	Stylesheet, Script, Icon string
	// OGType is the Open Graph type: "website" or "article".
	OGType string
	// HomeURL and HistoryURL are the overview and archive in Lang.
	HomeURL, HistoryURL string
	// Support is how readers reach the company; fields may be empty.
	SupportEmail, SupportURL string
	// Zone names the time zone every time on the page is shown in by its place, e.g.
	// "Europe/Amsterdam": an abbreviation such as "CET" would hold for one season only.
	Zone string
	// Generated is when the page's data was taken.
	Generated Time
	// NoIndex keeps search engines away (error pages) and drops the hreflang alternates.
	NoIndex bool
}

// Alternate is the current page in one language.
type Alternate struct {
	Lang string
	// Name is the language's name in itself ("Nederlands").
	Name string
	// URL is the page's absolute URL in Lang, for hreflang.
	URL string
	// Switch is the language switcher's link: it remembers the choice and goes to URL.
	Switch  string
	Current bool
}

// Link is a titled URL; Type is a MIME type where one applies (feeds). Lang is set when the title
// is in another language than the page's.
type Link struct {
	Title, URL, Type string
	Lang             string
}

// Time is an instant ready to show: Text in the reader's language and zone (zone printed),
// ISO as RFC 3339 in UTC for <time datetime>. The zero Time means "no time".
type Time struct {
	Text, ISO string
}

// IsZero reports whether there is no time.
func (t Time) IsZero() bool { return t.ISO == "" }

// Status is a state in words plus a machine key for styling and icons. Key is one of the domain's
// values: a component status (operational, degraded_performance, partial_outage, major_outage,
// under_maintenance), an update status (investigating ... completed), an indicator (none, minor,
// major, critical, maintenance), a kind or an impact.
type Status struct {
	Key, Label string
}

// Text is a piece of content and the language it is written in. Lang is set only when it differs
// from the page's language, so the element can carry a lang attribute; Fallback is then true.
type Text struct {
	Value    string
	Lang     string
	Fallback bool
}

// HTML is rendered, sanitised Markdown.
type HTML struct {
	Value    string
	Lang     string
	Fallback bool
}

// OverviewPage is /{lang}/: is it down, since when, what is affected, what is being done.
type OverviewPage struct {
	Base
	// Banner is the overall state; Key is an indicator.
	Banner Status
	// BannerNote adds to the banner what its state outranks: that a maintenance is in progress
	// while an incident sets the state. Empty otherwise.
	BannerNote string
	// Ongoing incidents, newest first.
	Ongoing []IncidentCard
	// InProgress is the maintenance going on now and then the maintenance that starts within the
	// site's lead time, shown above the components; Upcoming the maintenance further out. Both
	// soonest first.
	InProgress, Upcoming []IncidentCard
	// Groups of components, in site order. The ungrouped components come last, named "Other
	// components" after named groups and without a name when there are no groups.
	Groups []ComponentGroup
	// UptimeDays is the length of the uptime bars.
	UptimeDays int
	// UptimeRule says how statuses count towards uptime; empty when no component shows bars.
	UptimeRule string
	// Notices are recent notices, newest first.
	Notices []IncidentCard
	// Recent are the latest past incidents, newest first.
	Recent []IncidentCard
	// Subscribe is the e-mail subscription form; nil when the site has none.
	Subscribe *SubscribeForm
}

// ComponentGroup is a heading with its components. A named group can be folded away; it is
// Open (unfolded) at first when something in it is not operational.
type ComponentGroup struct {
	Name       string
	Status     Status
	Open       bool
	Components []ComponentRow
}

// ComponentRow is one component in the overview.
type ComponentRow struct {
	ID, Name, Description, URL string
	Status                     Status
	// Uptime is nil for components whose uptime is not shown.
	Uptime *Uptime
}

// Uptime is a strip of daily bars with its summary. On the overview, which has a strip per
// component and group, only today and the days that were not calm have words, and no day links
// its incidents; a component's page has every day in words with its incidents linked.
type Uptime struct {
	// Percent is the whole period's uptime, formatted ("99.95%").
	Percent string
	// Figure is the whole period's uptime with the period in words ("99.95% uptime over 90
	// days"); FigureShort is that of the last ShortDays days, which a phone shows in its place
	// beside only those bars. FigureShort is empty when the strip is no longer than that.
	Figure, FigureShort string
	// Summary reads the strip in words: "90-day uptime: 99.95%". SummaryShort reads the last
	// ShortDays days, and a screen reader hears it on a phone, where only those bars show; it is
	// empty when FigureShort is. SummaryID is the id of the element that holds them, which names
	// the strip's list; it is unique on the page.
	Summary, SummaryShort string
	SummaryID             string
	// From and To name the first and last day ("Aug 25", "Today"). FromShort names the first of
	// the last ShortDays days, which is all a phone shows.
	From, To  string
	FromShort string
	Days      []UptimeDay
}

// UptimeDay is one bar.
type UptimeDay struct {
	// Date is the day, e.g. "8 jun 2020".
	Date string
	// ISO is the day as YYYY-MM-DD, which names it to code; the strip does not print it.
	ISO string
	// Level is the worst status of the day, a component status key ("operational" when calm).
	Level string
	// Label is the day in words for assistive technology and the tooltip:
	// "8 jun 2020: 99.2% uptime, 1 incident". It is empty for a day the strip shows by its colour
	// alone (a calm day before today, on the overview), which assistive technology then skips.
	Label string
	// Incidents are the events that touched the day, linked; only a component's page links them.
	Incidents []Link
}

// IncidentCard is an incident in a list.
type IncidentCard struct {
	Slug, URL string
	Title     Text
	Summary   Text
	// Kind is incident, maintenance or notice; State the lifecycle state; Impact for incidents.
	Kind, State, Impact Status
	// Started is when an incident or maintenance began; zero for a notice, which has Published,
	// when it was posted, and TakesEffect, when its change takes effect where that differs
	// (before or after; it may be still to come).
	Started, Resolved      Time
	Published, TakesEffect Time
	// Window is a maintenance's announced window in words; empty for other kinds.
	Window string
	// When says how the window stands now in relative words ("starts in 3 hours", "in progress,
	// until 00:00 UTC"); set on the overview's maintenance at the top only.
	When string
	// Duration is how long it lasted, or has lasted so far.
	Duration string
	// Latest is the most recent update, when there is one.
	Latest *UpdateView
	// Components are the affected components.
	Components []Affected
}

// Affected is a component an incident affects, with its status.
type Affected struct {
	Name, URL string
	Status    Status
}

// UpdateView is one entry of a timeline.
type UpdateView struct {
	// ID is the element id, the anchor feeds link to.
	ID     string
	Status Status
	At     Time
	// Age is how long ago the update was posted ("12 days ago"), set only on the latest update
	// of an event still going on, where a stale one must be seen as stale.
	Age  string
	Body HTML
	// Components whose status this update changed.
	Components []Affected
	// Automatic is set on an entry nobody wrote, derived from a maintenance's window ("Started
	// as scheduled"): it says what happened in place of a body.
	Automatic string
}

// IncidentPage is /{lang}/incidents/{slug}/.
type IncidentPage struct {
	Base
	Card IncidentCard
	// Timeline is newest first.
	Timeline []UpdateView
	Body     HTML
	TOC      []Heading
	// OnlyIn is set when the page's language has no translation: the language the content is shown
	// in, by name in the page's language ("Dutch").
	OnlyIn string
	// Original links the original and OriginalLanguage names it when the text shown is a
	// translation (into the page's language or, for want of one, another); Machine is set when
	// that translation was made automatically.
	Machine          bool
	Original         string
	OriginalLanguage string
	// Assets are image URLs for Open Graph.
	Image string
}

// Heading is an entry of the table of contents.
type Heading struct {
	Level    int
	ID, Text string
}

// HistoryPage is /{lang}/history/: every incident by month, newest first, paginated.
type HistoryPage struct {
	Base
	// Upcoming is the maintenance announced but not begun, soonest first; first page only.
	Upcoming []IncidentCard
	// Months are every month of the page's part of the past, quiet ones (no Incidents) too.
	Months []Month
	Pager
}

// Pager is where a page of a paged list is: Page and Pages count from 1; Newer and Older are the
// neighbouring pages' URLs, if any.
type Pager struct {
	Page, Pages  int
	Newer, Older string
}

// Month is a month's heading and its incidents.
type Month struct {
	Name      string
	Incidents []IncidentCard
}

// ComponentPage is /{lang}/components/{id}/.
type ComponentPage struct {
	Base
	Name, Description, Group string
	Status                   Status
	Uptime                   *Uptime
	// UptimeRule says how statuses count towards uptime, under the bars.
	UptimeRule string
	// Ongoing and Past incidents naming the component, newest first; Upcoming maintenance,
	// soonest first; the recent Notices naming it, newest first, which are no incidents. Uptime,
	// Ongoing, Upcoming and Notices are on the first page only.
	Ongoing, Upcoming, Notices, Past []IncidentCard
	Pager
}

// ErrorPage is shown for 404 and 500.
type ErrorPage struct {
	Base
	Code int
	// State is the overall state, as the overview's banner gives it; Key is an indicator. Empty
	// when there is no content to tell it from.
	State Status
}
