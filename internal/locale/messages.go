package locale

import "github.com/nicksnyder/go-i18n/v2/i18n"

// The UI strings, in English, the source language. Each is a *i18n.Message literal so that
// `goi18n extract` finds it; locales/active.en.toml is generated from these (see
// TestSourceFile) and the other languages translate that file. Ids are "group.name"; a group
// name must not be a go-i18n reserved word ("translation", "other", "one", ...), which would
// turn the whole TOML table into a single message.
//
// Templates take their data by name: {{.Count}} in every plural message (Plural sets it),
// otherwise the names the Description gives.

// Page chrome: what every page carries around its content.
var (
	ChromeSkipLink = &i18n.Message{
		ID:          "chrome.skipLink",
		Description: "Link at the very top of every page, for keyboard and screen reader users, that jumps over the header to the page's main content.",
		Other:       "Skip to main content",
	}
	ChromeMainNavigation = &i18n.Message{
		ID:          "chrome.mainNavigation",
		Description: "Accessible name (aria-label) of the header's navigation.",
		Other:       "Main navigation",
	}
	ChromeLanguage = &i18n.Message{
		ID:          "chrome.language",
		Description: "Label of the language switcher; the languages themselves are listed by their own names.",
		Other:       "Language",
	}
	ChromeOverview = &i18n.Message{
		ID:          "chrome.overview",
		Description: "Navigation link to the overview page (the status page's home).",
		Other:       "Overview",
	}
	ChromeSubscribe = &i18n.Message{
		ID:          "chrome.subscribe",
		Description: "Link or button leading to the ways of following updates (feeds, calendar).",
		Other:       "Subscribe",
	}
	ChromeFeeds = &i18n.Message{
		ID:          "chrome.feeds",
		Description: "Heading over the RSS, Atom and JSON feed links.",
		Other:       "Feeds",
	}
	ChromeCalendar = &i18n.Message{
		ID:          "chrome.calendar",
		Description: "Link to the iCalendar feed of scheduled maintenance.",
		Other:       "Maintenance calendar",
	}
	ChromeContact = &i18n.Message{
		ID:          "chrome.contact",
		Description: "Footer sentence; Contact is a link to the support e-mail address or web page.",
		Other:       "Questions? Contact us at {{.Contact}}.",
	}
	ChromePoweredBy = &i18n.Message{
		ID:          "chrome.poweredBy",
		Description: "Footer credit; Name is the software's name, a link.",
		Other:       "Powered by {{.Name}}",
	}
	ChromeTimeZone = &i18n.Message{
		ID:          "chrome.timeZone",
		Description: "Footer note; Zone is the time zone every time on the page is shown in, e.g. \"Europe/Amsterdam\".",
		Other:       "All times are shown in {{.Zone}}.",
	}
)

// Overall state: the banner at the top of the overview, worst first wins.
var (
	StateOperational = &i18n.Message{
		ID:          "state.operational",
		Description: "Overview banner when no component has a problem.",
		Other:       "All systems operational",
	}
	StateMinor = &i18n.Message{
		ID:          "state.minor",
		Description: "Overview banner when the worst ongoing incident has minor impact.",
		Other:       "Minor service disruption",
	}
	StateMajor = &i18n.Message{
		ID:          "state.major",
		Description: "Overview banner when the worst ongoing incident has major impact.",
		Other:       "Major service outage",
	}
	StateCritical = &i18n.Message{
		ID:          "state.critical",
		Description: "Overview banner when the worst ongoing incident has critical impact.",
		Other:       "Critical outage",
	}
	StateMaintenance = &i18n.Message{
		ID:          "state.maintenance",
		Description: "Overview banner when there is no incident but a maintenance window is open.",
		Other:       "Scheduled maintenance in progress",
	}
)

// Component statuses, as shown beside each component.
var (
	ComponentOperational = &i18n.Message{
		ID:          "component.operational",
		Description: "Status of a component that works normally.",
		Other:       "Operational",
	}
	ComponentDegradedPerformance = &i18n.Message{
		ID:          "component.degradedPerformance",
		Description: "Status of a component that works, but slowly or with occasional errors.",
		Other:       "Degraded performance",
	}
	ComponentPartialOutage = &i18n.Message{
		ID:          "component.partialOutage",
		Description: "Status of a component that is down for some customers or some of its functions.",
		Other:       "Partial outage",
	}
	ComponentMajorOutage = &i18n.Message{
		ID:          "component.majorOutage",
		Description: "Status of a component that is down.",
		Other:       "Major outage",
	}
	ComponentUnderMaintenance = &i18n.Message{
		ID:          "component.underMaintenance",
		Description: "Status of a component during its scheduled maintenance.",
		Other:       "Under maintenance",
	}
)

// Update statuses: the stage each timeline entry announces.
var (
	UpdateInvestigating = &i18n.Message{
		ID:          "update.investigating",
		Description: "Incident stage: the problem is known and its cause is being looked for.",
		Other:       "Investigating",
	}
	UpdateIdentified = &i18n.Message{
		ID:          "update.identified",
		Description: "Incident stage: the cause has been found and a fix is being worked on.",
		Other:       "Identified",
	}
	UpdateMonitoring = &i18n.Message{
		ID:          "update.monitoring",
		Description: "Incident stage: a fix is in place and its effect is being watched.",
		Other:       "Monitoring",
	}
	UpdateResolved = &i18n.Message{
		ID:          "update.resolved",
		Description: "Incident stage: the incident is over.",
		Other:       "Resolved",
	}
	UpdateScheduled = &i18n.Message{
		ID:          "update.scheduled",
		Description: "Maintenance stage: announced, not yet started.",
		Other:       "Scheduled",
	}
	UpdateInProgress = &i18n.Message{
		ID:          "update.inProgress",
		Description: "Maintenance stage: the work is being carried out.",
		Other:       "In progress",
	}
	UpdateVerifying = &i18n.Message{
		ID:          "update.verifying",
		Description: "Maintenance stage: the work is done and being checked.",
		Other:       "Verifying",
	}
	UpdateCompleted = &i18n.Message{
		ID:          "update.completed",
		Description: "Maintenance stage: the maintenance is over.",
		Other:       "Completed",
	}
)

// Kinds of event.
var (
	KindIncident = &i18n.Message{
		ID:          "kind.incident",
		Description: "Kind of event: something went wrong unexpectedly. A label, singular.",
		Other:       "Incident",
	}
	KindMaintenance = &i18n.Message{
		ID:          "kind.maintenance",
		Description: "Kind of event: planned work announced in advance. A label, singular.",
		Other:       "Maintenance",
	}
	KindNotice = &i18n.Message{
		ID:          "kind.notice",
		Description: "Kind of event: an announcement that is not an outage, such as a product change. A label, singular.",
		Other:       "Notice",
	}
)

// Impacts: how bad an incident is, on Statuspage's scale.
var (
	ImpactNone = &i18n.Message{
		ID:          "impact.none",
		Description: "Impact of an incident that affected no one noticeably; shown after the \"Impact\" label.",
		Other:       "None",
	}
	ImpactMinor = &i18n.Message{
		ID:          "impact.minor",
		Description: "Impact of an incident with a small effect; shown after the \"Impact\" label.",
		Other:       "Minor",
	}
	ImpactMajor = &i18n.Message{
		ID:          "impact.major",
		Description: "Impact of an incident with a large effect; shown after the \"Impact\" label.",
		Other:       "Major",
	}
	ImpactCritical = &i18n.Message{
		ID:          "impact.critical",
		Description: "Impact of an incident that stopped the service; shown after the \"Impact\" label.",
		Other:       "Critical",
	}
)

// Headings of page sections.
var (
	HeadingCurrentStatus = &i18n.Message{
		ID:          "heading.currentStatus",
		Description: "Heading over the overall state and component list.",
		Other:       "Current status",
	}
	HeadingComponents = &i18n.Message{
		ID:          "heading.components",
		Description: "Heading over the list of components (the parts of the service).",
		Other:       "Components",
	}
	HeadingOtherComponents = &i18n.Message{
		ID:          "heading.otherComponents",
		Description: "Overview, heading over the components that belong to no group, below the groups.",
		Other:       "Other components",
	}
	HeadingOngoingIncidents = &i18n.Message{
		ID:          "heading.ongoingIncidents",
		Description: "Heading over the incidents that are not resolved yet.",
		Other:       "Ongoing incidents",
	}
	HeadingMaintenance = &i18n.Message{
		ID:          "heading.maintenance",
		Description: "Heading over the maintenance going on right now.",
		Other:       "Maintenance",
	}
	HeadingUpcomingMaintenance = &i18n.Message{
		ID:          "heading.upcomingMaintenance",
		Description: "Heading over the maintenance announced for later.",
		Other:       "Upcoming maintenance",
	}
	HeadingRecentNotices = &i18n.Message{
		ID:          "heading.recentNotices",
		Description: "Heading over the latest announcements (notices).",
		Other:       "Recent notices",
	}
	HeadingUptime = &i18n.Message{
		ID:          "heading.uptime",
		Description: "Heading over the daily availability bars of the components.",
		Other:       "Uptime",
	}
	HeadingPastIncidents = &i18n.Message{
		ID:          "heading.pastIncidents",
		Description: "Heading over resolved incidents, e.g. on a component's page.",
		Other:       "Past incidents",
	}
	HeadingHistory = &i18n.Message{
		ID:          "heading.history",
		Description: "Heading and navigation link of the archive of all incidents, by month.",
		Other:       "History",
	}
	HeadingTimeline = &i18n.Message{
		ID:          "heading.timeline",
		Description: "Heading over an incident's updates, newest first.",
		Other:       "Timeline",
	}
	HeadingPostmortem = &i18n.Message{
		ID:          "heading.postmortem",
		Description: "Heading over the written analysis of an incident after it ended (cause, solution, measures).",
		Other:       "Postmortem",
	}
	HeadingContents = &i18n.Message{
		ID:          "heading.contents",
		Description: "Heading over a long text's table of contents.",
		Other:       "Contents",
	}
	HeadingAffectedComponents = &i18n.Message{
		ID:          "heading.affectedComponents",
		Description: "Heading over the components an incident affects.",
		Other:       "Affected components",
	}
)

// Labels and short texts.
var (
	LabelStarted = &i18n.Message{
		ID:          "label.started",
		Description: "Label before the date and time an incident's impact began.",
		Other:       "Started",
	}
	LabelPublished = &i18n.Message{
		ID:          "label.published",
		Description: "Label before the date and time a notice (an announcement of a change, not an incident) was published.",
		Other:       "Published",
	}
	LabelTakesEffect = &i18n.Message{
		ID:          "label.takesEffect",
		Description: "Label before the date and time the change a notice announces takes effect, shown under its publication date when the two differ; the date may be past or to come.",
		Other:       "Takes effect",
	}
	LabelInLanguage = &i18n.Message{
		ID:          "label.inLanguage",
		Description: "Short marker on a card (overview, history, component page) whose text is shown in another language than the page's, for want of a translation; Language is that language as named in the page's language (see language.*).",
		Other:       "In {{.Language}}",
	}
	LabelResolved = &i18n.Message{
		ID:          "label.resolved",
		Description: "Label before the date and time an incident's impact ended.",
		Other:       "Resolved",
	}
	LabelDuration = &i18n.Message{
		ID:          "label.duration",
		Description: "Label before how long an incident lasted.",
		Other:       "Duration",
	}
	LabelImpact = &i18n.Message{
		ID:          "label.impact",
		Description: "Label before an incident's impact (None, Minor, Major, Critical).",
		Other:       "Impact",
	}
	LabelStatus = &i18n.Message{
		ID:          "label.status",
		Description: "Label before an incident's or component's current status.",
		Other:       "Status",
	}
	LabelUpdated = &i18n.Message{
		ID:          "label.updated",
		Description: "Label before the date and time of the latest change.",
		Other:       "Updated",
	}
	LabelNewer = &i18n.Message{
		ID:          "label.newer",
		Description: "Pagination link to the page of more recent incidents.",
		Other:       "Newer",
	}
	LabelOlder = &i18n.Message{
		ID:          "label.older",
		Description: "Pagination link to the page of older incidents.",
		Other:       "Older",
	}
	LabelPage = &i18n.Message{
		ID:          "label.page",
		Description: "Pagination position; Page and Pages are numbers.",
		Other:       "Page {{.Page}} of {{.Pages}}",
	}
	LabelNoIncidentsInMonth = &i18n.Message{
		ID:          "label.noIncidentsInMonth",
		Description: "History page, a month in which nothing (no incident, maintenance or notice) was published; Month is a month and year such as \"June 2020\".",
		Other:       "Nothing was reported in {{.Month}}.",
	}
	LabelNoIncidents = &i18n.Message{
		ID:          "label.noIncidents",
		Description: "Shown where a list of incidents is empty.",
		Other:       "No incidents reported.",
	}
	LabelNoMaintenance = &i18n.Message{
		ID:          "label.noMaintenance",
		Description: "Shown where the list of upcoming maintenance is empty.",
		Other:       "No maintenance scheduled.",
	}
	LabelSince = &i18n.Message{
		ID:          "label.since",
		Description: "How long a component has had its status; Time is a full date and time such as \"June 8, 2020, 14:30 UTC\".",
		Other:       "Since {{.Time}}",
	}
	LabelToday = &i18n.Message{
		ID:          "label.today",
		Description: "End of the uptime bars' time axis.",
		Other:       "Today",
	}
	LabelNoData = &i18n.Message{
		ID:          "label.noData",
		Description: "Shown for a day or component without uptime figures.",
		Other:       "No data",
	}
	LabelUpdateCount = &i18n.Message{
		ID:          "label.updateCount",
		Description: "Number of timeline updates an incident has.",
		One:         "{{.Count}} update",
		Other:       "{{.Count}} updates",
	}
	LabelViewHistory = &i18n.Message{
		ID:          "label.viewHistory",
		Description: "Link from the overview to the archive of all incidents.",
		Other:       "View incident history",
	}
	LabelReadMore = &i18n.Message{
		ID:          "label.readMore",
		Description: "Link from an incident's summary to its full page.",
		Other:       "Read more",
	}
)

// Uptime bars.
var (
	UptimeOver = &i18n.Message{
		ID:          "uptime.over",
		Description: "Availability figure under the uptime bars and the period it covers, the last Count days (90, or 30 on a phone, which shows only those bars); Percent is a formatted percentage such as \"99.95%\".",
		One:         "{{.Percent}} uptime over {{.Count}} day",
		Other:       "{{.Percent}} uptime over {{.Count}} days",
	}
	UptimeDays = &i18n.Message{
		ID:          "uptime.days",
		Description: "Caption of a component's uptime bars: the availability over the last Count days.",
		One:         "{{.Count}}-day uptime",
		Other:       "{{.Count}}-day uptime",
	}
	UptimeDay = &i18n.Message{
		ID:          "uptime.day",
		Description: "Tooltip of one day's uptime bar; Date is a short date, Status the worst component status that day (Partial outage), Percent a formatted percentage, Count the incidents that day.",
		One:         "{{.Date}}: {{.Status}}, {{.Percent}} uptime, {{.Count}} incident",
		Other:       "{{.Date}}: {{.Status}}, {{.Percent}} uptime, {{.Count}} incidents",
	}
	UptimeDayNoIncidents = &i18n.Message{
		ID:          "uptime.dayNoIncidents",
		Description: "Tooltip of one day's uptime bar on a day without incidents; Date is a short date, Percent a formatted percentage.",
		Other:       "{{.Date}}: {{.Percent}} uptime, no incidents",
	}
	UptimeRule = &i18n.Message{
		ID:          "uptime.rule",
		Description: "Shown next to the uptime bars: how statuses count towards uptime; Partial is a formatted percentage such as \"30%\".",
		Other:       "Degraded performance and maintenance count as up; a partial outage counts as {{.Partial}} down, a major outage as fully down.",
	}
	UptimeDayNoData = &i18n.Message{
		ID:          "uptime.dayNoData",
		Description: "Tooltip of one day's uptime bar when there are no figures for it (before the component existed); Date is a short date.",
		Other:       "{{.Date}}: no data",
	}
)

// Notes on the language of a text.
var (
	NoteOnlyIn = &i18n.Message{
		ID:          "note.onlyIn",
		Description: "Shown above a text that has no translation into the page's language; Language is the text's language as named in the page's language (see language.*).",
		Other:       "This text is only available in {{.Language}}.",
	}
	NoteMachineTranslated = &i18n.Message{
		ID:          "note.machineTranslated",
		Description: "Shown above a text that was translated by machine; Language is the original's language as named in the page's language (see language.*).",
		Other:       "This text was translated automatically. The {{.Language}} original is authoritative.",
	}
	NoteReadOriginal = &i18n.Message{
		ID:          "note.readOriginal",
		Description: "Link from a translation (by machine or by hand) to the original text.",
		Other:       "Read the original",
	}
	NoteNotTranslated = &i18n.Message{
		ID:          "note.notTranslated",
		Description: "Incident page without a translation into the page's language, shown in its original; Language is the page's language and Shown the original's, both as named in the page's language (see language.*).",
		Other:       "Not translated into {{.Language}}; you are reading the {{.Shown}} original.",
	}
	NoteNotTranslatedFrom = &i18n.Message{
		ID:          "note.notTranslatedFrom",
		Description: "Incident page without a translation into the page's language, shown in a translation into another language; Language is the page's language, Shown the translation's and Original the original's, all as named in the page's language (see language.*). A link to the original follows.",
		Other:       "Not translated into {{.Language}}; shown in {{.Shown}}. The original is in {{.Original}}.",
	}
	NoteTranslatedFrom = &i18n.Message{
		ID:          "note.translatedFrom",
		Description: "Incident page shown in a translation (by hand) into the page's language; Original is the original's language as named in the page's language (see language.*). A link to the original follows.",
		Other:       "This is a translation; the original is in {{.Original}}.",
	}
)

// Language names as used inside a sentence of the page's language ("only available in Dutch").
// The switcher names each language in itself instead; see NativeName.
var (
	LanguageEnglish = &i18n.Message{
		ID:          "language.en",
		Description: "The English language, as named in running text (\"only available in English\").",
		Other:       "English",
	}
	LanguageDutch = &i18n.Message{
		ID:          "language.nl",
		Description: "The Dutch language, as named in running text (\"only available in Dutch\").",
		Other:       "Dutch",
	}
	LanguageFrench = &i18n.Message{
		ID:          "language.fr",
		Description: "The French language, as named in running text (\"only available in French\").",
		Other:       "French",
	}
	LanguageGerman = &i18n.Message{
		ID:          "language.de",
		Description: "The German language, as named in running text (\"only available in German\").",
		Other:       "German",
	}
)

// Error pages.
var (
	NotFoundTitle = &i18n.Message{
		ID:          "error.notFoundTitle",
		Description: "Title of the 404 page.",
		Other:       "Page not found",
	}
	NotFoundText = &i18n.Message{
		ID:          "error.notFoundText",
		Description: "Explanation on the 404 page.",
		Other:       "The page you were looking for does not exist or has moved.",
	}
	BackToStatusPage = &i18n.Message{
		ID:          "error.backToStatusPage",
		Description: "Link from an error page to the overview.",
		Other:       "Back to the status page",
	}
	ServerErrorTitle = &i18n.Message{
		ID:          "error.serverTitle",
		Description: "Title of the page shown when the server fails to build a page.",
		Other:       "Something went wrong",
	}
	ServerErrorText = &i18n.Message{
		ID:          "error.serverText",
		Description: "Explanation on the page shown when the server fails to build a page.",
		Other:       "This page could not be shown. Please try again in a moment.",
	}
)

// Maintenance windows.
var (
	MaintenanceWindow = &i18n.Message{
		ID:          "maintenance.window",
		Description: "A maintenance's announced window; Start and End are full dates and times such as \"June 8, 2020, 02:00 UTC\".",
		Other:       "Scheduled for {{.Start}} – {{.End}}",
	}
	MaintenanceScheduled = &i18n.Message{
		ID:          "maintenance.scheduled",
		Description: "A maintenance's announced window, compact; Window is a formatted range such as \"June 8, 2020, 02:00–04:00 UTC\".",
		Other:       "Scheduled: {{.Window}}",
	}
	MaintenanceStarts = &i18n.Message{
		ID:          "maintenance.starts",
		Description: "When a maintenance that has not begun starts, relative to now; In is a relative time such as \"in 3 hours\" or \"in a moment\".",
		Other:       "starts {{.In}}",
	}
	MaintenanceStartedByItself = &i18n.Message{
		ID:          "maintenance.startedByItself",
		Description: "Timeline entry made by statuspress, not written by anyone: the maintenance began when its window opened.",
		Other:       "Started as scheduled",
	}
	MaintenanceCompletedByItself = &i18n.Message{
		ID:          "maintenance.completedByItself",
		Description: "Timeline entry made by statuspress, not written by anyone: the maintenance ended when its window closed.",
		Other:       "Completed as scheduled",
	}
	MaintenanceUntil = &i18n.Message{
		ID:          "maintenance.until",
		Description: "A maintenance going on now and when its window ends; End is a time such as \"00:00 UTC\", with the date when it is not today.",
		Other:       "in progress, until {{.End}}",
	}
)

// Notifications: words of the messages sent to chat channels, webhooks and subscribers.
var (
	NotifyViewIncident = &i18n.Message{
		ID:          "notify.viewIncident",
		Description: "Button or link at the end of a notification (chat message, e-mail) that opens the incident's page on the status page.",
		Other:       "View on the status page",
	}
	NotifyHeadline = &i18n.Message{
		ID:          "notify.headline",
		Description: "The headline of a notification (an e-mail's subject after the site's name, a chat message's title): the incident's title and its state in words.",
		Other:       "{{.Title}}: {{.State}}",
	}
)

// E-mail: the words around a notification and the double opt-in mail (internal/notify/mail).
var (
	MailLastUpdate = &i18n.Message{
		ID:          "mail.lastUpdate",
		Description: "Line under the title of a notification e-mail; Time is the date and time of the latest news, with its time zone.",
		Other:       "Last update: {{.Time}}",
	}
	MailFooterReason = &i18n.Message{
		ID:          "mail.footerReason",
		Description: "Footer of every notification e-mail; Address is the reader's e-mail address, Site the status page's name.",
		Other:       "You receive this e-mail because {{.Address}} is subscribed to the notifications of {{.Site}}.",
	}
	MailManage = &i18n.Message{
		ID:          "mail.manage",
		Description: "Footer link of a notification e-mail to a page where the reader changes the components they follow or unsubscribes.",
		Other:       "Choose components or unsubscribe",
	}
	MailUnsubscribe = &i18n.Message{
		ID:          "mail.unsubscribe",
		Description: "Footer link of a notification e-mail that ends the subscription.",
		Other:       "Unsubscribe",
	}
	MailConfirmSubject = &i18n.Message{
		ID:          "mail.confirmSubject",
		Description: "Subject of the e-mail that asks a new subscriber to confirm the address (the site's name comes before it in brackets).",
		Other:       "Confirm your subscription",
	}
	MailConfirmAsked = &i18n.Message{
		ID:          "mail.confirmAsked",
		Description: "First sentence of the confirmation e-mail; Site is the status page's name, Address the address to confirm.",
		Other:       "Someone, probably you, asked {{.Site}} to send notifications of incidents and maintenance to {{.Address}}.",
	}
	MailConfirmAction = &i18n.Message{
		ID:          "mail.confirmAction",
		Description: "Button (and link text) in the confirmation e-mail that confirms the subscription.",
		Other:       "Confirm my subscription",
	}
	MailConfirmValid = &i18n.Message{
		ID:          "mail.confirmValid",
		Description: "Sentence under the confirmation link; Duration is how long it works, e.g. \"1 day\".",
		Other:       "The link works once, for {{.Duration}}.",
	}
	MailConfirmIgnore = &i18n.Message{
		ID:          "mail.confirmIgnore",
		Description: "Last sentence of the confirmation e-mail, for a reader who did not subscribe.",
		Other:       "If you did not ask for this, ignore this e-mail: nothing happens, and you will receive no notifications.",
	}
)

// Feed and calendar titles.
var (
	FeedTitle = &i18n.Message{
		ID:          "feed.title",
		Description: "Title of the site's RSS, Atom and JSON feeds; Site is the status page's name.",
		Other:       "{{.Site}}: status updates",
	}
	FeedComponentTitle = &i18n.Message{
		ID:          "feed.componentTitle",
		Description: "Title of one component's feeds; Site is the status page's name, Component the component's.",
		Other:       "{{.Site}}: status updates for {{.Component}}",
	}
	FeedCalendarTitle = &i18n.Message{
		ID:          "feed.calendarTitle",
		Description: "Name of the iCalendar feed of scheduled maintenance; Site is the status page's name.",
		Other:       "{{.Site}}: scheduled maintenance",
	}
)

// Durations, used by Localizer.Duration.
var (
	durationMinutes = &i18n.Message{
		ID:          "duration.minutes",
		Description: "A length of time in minutes, e.g. how long an incident lasted.",
		One:         "{{.Count}} minute",
		Other:       "{{.Count}} minutes",
	}
	durationHours = &i18n.Message{
		ID:          "duration.hours",
		Description: "A length of time in hours.",
		One:         "{{.Count}} hour",
		Other:       "{{.Count}} hours",
	}
	durationDays = &i18n.Message{
		ID:          "duration.days",
		Description: "A length of time in days.",
		One:         "{{.Count}} day",
		Other:       "{{.Count}} days",
	}
	durationJoin = &i18n.Message{
		ID:          "duration.join",
		Description: "Joins two parts of a length of time, larger unit first: \"2 hours\" and \"15 minutes\".",
		Other:       "{{.First}} {{.Second}}",
	}
	durationUnderMinute = &i18n.Message{
		ID:          "duration.underMinute",
		Description: "A length of time shorter than one minute.",
		Other:       "less than a minute",
	}
)

// Relative times, used by Localizer.Relative. They stand alone or after a label, so they
// start in lower case where the language allows.
var (
	relativeJustNow = &i18n.Message{
		ID:          "relative.justNow",
		Description: "A moment less than a minute in the past.",
		Other:       "just now",
	}
	relativeSoon = &i18n.Message{
		ID:          "relative.soon",
		Description: "A moment less than a minute in the future.",
		Other:       "in a moment",
	}
	relativeMinutesAgo = &i18n.Message{
		ID:          "relative.minutesAgo",
		Description: "A moment Count minutes in the past.",
		One:         "{{.Count}} minute ago",
		Other:       "{{.Count}} minutes ago",
	}
	relativeHoursAgo = &i18n.Message{
		ID:          "relative.hoursAgo",
		Description: "A moment Count hours in the past.",
		One:         "{{.Count}} hour ago",
		Other:       "{{.Count}} hours ago",
	}
	relativeDaysAgo = &i18n.Message{
		ID:          "relative.daysAgo",
		Description: "A moment Count days in the past; also the start of the uptime bars' time axis.",
		One:         "{{.Count}} day ago",
		Other:       "{{.Count}} days ago",
	}
	relativeMonthsAgo = &i18n.Message{
		ID:          "relative.monthsAgo",
		Description: "A moment Count months in the past.",
		One:         "{{.Count}} month ago",
		Other:       "{{.Count}} months ago",
	}
	relativeYearsAgo = &i18n.Message{
		ID:          "relative.yearsAgo",
		Description: "A moment Count years in the past.",
		One:         "{{.Count}} year ago",
		Other:       "{{.Count}} years ago",
	}
	relativeInMinutes = &i18n.Message{
		ID:          "relative.inMinutes",
		Description: "A moment Count minutes in the future.",
		One:         "in {{.Count}} minute",
		Other:       "in {{.Count}} minutes",
	}
	relativeInHours = &i18n.Message{
		ID:          "relative.inHours",
		Description: "A moment Count hours in the future.",
		One:         "in {{.Count}} hour",
		Other:       "in {{.Count}} hours",
	}
	relativeInDays = &i18n.Message{
		ID:          "relative.inDays",
		Description: "A moment Count days in the future.",
		One:         "in {{.Count}} day",
		Other:       "in {{.Count}} days",
	}
	relativeInMonths = &i18n.Message{
		ID:          "relative.inMonths",
		Description: "A moment Count months in the future.",
		One:         "in {{.Count}} month",
		Other:       "in {{.Count}} months",
	}
	relativeInYears = &i18n.Message{
		ID:          "relative.inYears",
		Description: "A moment Count years in the future.",
		One:         "in {{.Count}} year",
		Other:       "in {{.Count}} years",
	}
)

// Messages returns every UI message, in the order of the source file; the values are shared, so
// do not change them. The catalog tests hold it against the message literals in this package,
// so a message left out of it fails them.
func Messages() []*i18n.Message {
	msgs := []*i18n.Message{
		ChromeSkipLink, ChromeMainNavigation, ChromeLanguage, ChromeOverview, ChromeSubscribe,
		ChromeFeeds, ChromeCalendar, ChromeContact, ChromePoweredBy, ChromeTimeZone,

		StateOperational, StateMinor, StateMajor, StateCritical, StateMaintenance,

		ComponentOperational, ComponentDegradedPerformance, ComponentPartialOutage,
		ComponentMajorOutage, ComponentUnderMaintenance,

		UpdateInvestigating, UpdateIdentified, UpdateMonitoring, UpdateResolved,
		UpdateScheduled, UpdateInProgress, UpdateVerifying, UpdateCompleted,

		KindIncident, KindMaintenance, KindNotice,

		ImpactNone, ImpactMinor, ImpactMajor, ImpactCritical,

		HeadingCurrentStatus, HeadingComponents, HeadingOtherComponents, HeadingOngoingIncidents, HeadingMaintenance,
		HeadingUpcomingMaintenance, HeadingRecentNotices, HeadingUptime, HeadingPastIncidents,
		HeadingHistory, HeadingTimeline, HeadingPostmortem, HeadingContents,
		HeadingAffectedComponents,

		LabelStarted, LabelPublished, LabelTakesEffect, LabelInLanguage, LabelResolved, LabelDuration, LabelImpact, LabelStatus,
		LabelUpdated, LabelNewer, LabelOlder, LabelPage, LabelNoIncidentsInMonth,
		LabelNoIncidents, LabelNoMaintenance, LabelSince, LabelToday, LabelNoData,
		LabelUpdateCount, LabelViewHistory, LabelReadMore,

		UptimeOver, UptimeDays, UptimeDay, UptimeDayNoIncidents, UptimeDayNoData, UptimeRule,

		NoteOnlyIn, NoteMachineTranslated, NoteReadOriginal, NoteNotTranslated, NoteNotTranslatedFrom,
		NoteTranslatedFrom,

		LanguageEnglish, LanguageDutch, LanguageFrench, LanguageGerman,

		NotFoundTitle, NotFoundText, BackToStatusPage, ServerErrorTitle, ServerErrorText,

		MaintenanceWindow, MaintenanceScheduled, MaintenanceStarts, MaintenanceUntil,
		MaintenanceStartedByItself, MaintenanceCompletedByItself,

		NotifyViewIncident, NotifyHeadline,

		MailLastUpdate, MailFooterReason, MailManage, MailUnsubscribe,
		MailConfirmSubject, MailConfirmAsked, MailConfirmAction, MailConfirmValid, MailConfirmIgnore,

		FeedTitle, FeedComponentTitle, FeedCalendarTitle,

		durationMinutes, durationHours, durationDays, durationJoin, durationUnderMinute,

		relativeJustNow, relativeSoon,
		relativeMinutesAgo, relativeHoursAgo, relativeDaysAgo, relativeMonthsAgo, relativeYearsAgo,
		relativeInMinutes, relativeInHours, relativeInDays, relativeInMonths, relativeInYears,
	}
	return append(msgs, subscribeMessages...)
}
