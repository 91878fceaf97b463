// Package notify is the domain of notifications: which events a change of the content (or the
// passing of time) makes, when a pending event is ready to be sent, and the neutral message that
// every channel's body is made from. It is pure: no database, no HTTP, no clock of its own. The
// store records events and queues deliveries; the sub-packages build each channel's body
// (chat, webhook), read the operator's channels (config) and send them safely (outbound).
//
// # Events and their ids
//
// An event is something a subscriber is told once. Each has a stable id, the same on every
// replica and every restart, built from its kind, the incident's slug and, for events that happen
// at an instant, that instant in UTC as 20060102T150405Z:
//
//	incident:<slug>                      a new incident is published
//	notice:<slug>                        a notice is published
//	maintenance:<slug>                   a maintenance is announced
//	update:<slug>/<instant>              an update is posted; the instant is its `at` (Incident.UpdateID)
//	maintenance-started:<slug>/<instant> a maintenance window starts by itself; the window's start
//	maintenance-ended:<slug>/<instant>   a maintenance window ends by itself; the window's end
//	postmortem:<slug>                    a resolved incident's story (its Markdown body) appears
//
// Editing an update's text keeps its id, so a typo fix is not a new event; moving an update to
// another instant makes a new one. Rescheduling a maintenance makes new start and end events for
// the new window.
//
// What readers see at an instant t is Snapshot(incidents, t). A content change makes the events
// of Diff(previous, next, now); time passing makes those of Due(incidents, from, to), which holds
// updates dated in the future as they become visible and maintenance windows that start or end
// by themselves, each exactly once over consecutive intervals. A caller keeps the instant it last
// looked, T: on a tick at now it takes Due(current, T, now); on a reload at now it takes
// Due(previous, T, now) and then Diff(previous, next, now); T becomes now either way, so no event
// falls between the two. History is never sent: an event more than MaxAge (24 h) older than when
// it is first seen is published but not notified, and so is everything of an incident that first
// appears already that old.
package notify
