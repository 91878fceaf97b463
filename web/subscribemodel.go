package web

// SubscribeForm is the subscribe form, on the overview and on its own page. It holds nothing of
// one reader unless it comes back with their input and its errors, so the overview's stays
// cacheable.
type SubscribeForm struct {
	// Action is where the form posts: the page's own /{lang}/subscribe/, or an absolute URL of a
	// running server on a static site.
	Action string
	// Token is the form token the server checks; empty on a static site (the server then asks
	// once more, from its own page).
	Token string
	// Email is what the reader typed, shown again with the errors.
	Email string
	// EmailError and ComponentsError are shown beside their fields; Notice above the form.
	EmailError, ComponentsError, Notice string
	// Groups are the components to choose from, grouped as the overview groups them.
	Groups []ChoiceGroup
	// Heading says whether the form has its own heading (on the overview; the page's is the h1).
	Heading bool
}

// ChoiceGroup is a group of components to choose from; Name is empty for components without a
// group when there is no other group.
type ChoiceGroup struct {
	Name    string
	Choices []Choice
}

// Choice is one component checkbox.
type Choice struct {
	ID, Name string
	Checked  bool
}

// SubscribePage is /{lang}/subscribe/: the form, or the answer to it.
type SubscribePage struct {
	Base
	Form SubscribeForm
	// Sent is the answer to a form sent well: check your mail.
	Sent bool
}

// LinkPage is a page reached through a link from a mail (confirm, manage, unsubscribe), and
// what its button did.
type LinkPage struct {
	Base
	// Step is what the page shows: see the Link* constants.
	Step LinkStep
	// Address is the subscriber's address, shown to the one who holds the link.
	Address string
	// Action is where the page's form posts (the link itself, token included).
	Action string
	// Token is the link's token, posted back by the button.
	Token string
	// Groups are the components, ticked as chosen (the manage page).
	Groups          []ChoiceGroup
	ComponentsError string
	// ManageURL leads on from a confirmation to the manage page.
	ManageURL string
	// SubscribeURL leads from a link that no longer works to the form.
	SubscribeURL string
}

// LinkStep is what a link page shows.
type LinkStep int

const (
	LinkConfirm      LinkStep = iota // a button that confirms
	LinkConfirmed                    // the confirmation done
	LinkManage                       // the components and a button to leave
	LinkSaved                        // the manage page after a change
	LinkUnsubscribe                  // a button that unsubscribes
	LinkUnsubscribed                 // the unsubscription done
	LinkExpired                      // the link came too late
	LinkInvalid                      // the link was used or never made
)
