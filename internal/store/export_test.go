package store

// SetAfterEventHook makes RecordEvent call fn after recording its event and queueing its webhooks,
// before its e-mails, until the test ends.
func SetAfterEventHook(t interface{ Cleanup(func()) }, fn func() error) {
	old := testHookAfterEvent
	testHookAfterEvent = fn
	t.Cleanup(func() { testHookAfterEvent = old })
}
