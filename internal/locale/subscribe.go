package locale

import "github.com/nicksnyder/go-i18n/v2/i18n"

// The subscription pages: the subscribe form (on the overview and its own page), and the pages
// that the links of the mails lead to.
var (
	SubscribeHeading = &i18n.Message{
		ID:          "subscribe.heading",
		Description: "Heading of the e-mail subscription form on the overview.",
		Other:       "Get updates by e-mail",
	}
	SubscribeTitle = &i18n.Message{
		ID:          "subscribe.title",
		Description: "Title (h1) of the page with the e-mail subscription form.",
		Other:       "Subscribe to updates",
	}
	SubscribeIntro = &i18n.Message{
		ID:          "subscribe.intro",
		Description: "Sentence above the subscription form saying what a subscriber receives.",
		Other:       "We send you an e-mail when an incident starts, changes or ends, and before planned maintenance. You confirm your address first, and every message has a link to change your choice or leave.",
	}
	SubscribeEmail = &i18n.Message{
		ID:          "subscribe.email",
		Description: "Label of the e-mail address field of the subscription form.",
		Other:       "E-mail address",
	}
	SubscribeComponents = &i18n.Message{
		ID:          "subscribe.components",
		Description: "Legend of the checkboxes that choose the components a subscriber hears about.",
		Other:       "Components",
	}
	SubscribeComponentsHint = &i18n.Message{
		ID:          "subscribe.componentsHint",
		Description: "Hint under the components' legend.",
		Other:       "Untick what you do not want to hear about. With every box ticked you also hear about components added later.",
	}
	SubscribeTrap = &i18n.Message{
		ID:          "subscribe.trap",
		Description: "Label of a field hidden from people (a trap for spam robots); only a robot reading the HTML sees it.",
		Other:       "Leave this field empty",
	}
	SubscribeSubmit = &i18n.Message{
		ID:          "subscribe.submit",
		Description: "Button that sends the subscription form.",
		Other:       "Subscribe",
	}
	SubscribeSentTitle = &i18n.Message{
		ID:          "subscribe.sentTitle",
		Description: "Title of the page after the subscription form was sent.",
		Other:       "Check your mail",
	}
	SubscribeSentText = &i18n.Message{
		ID:          "subscribe.sentText",
		Description: "Text after the subscription form was sent. The same text is shown whether or not the address was subscribed before, so it must not say which.",
		Other:       "If this address can be subscribed, a message with a confirmation link is on its way to it. Open the link to start receiving updates. Nothing there after a few minutes? Look in your spam folder. A new link can be sent once an hour.",
	}
	SubscribeErrorEmail = &i18n.Message{
		ID:          "subscribe.errorEmail",
		Description: "Error beside the e-mail field when it does not hold one e-mail address.",
		Other:       "Enter one e-mail address, such as name@example.com.",
	}
	SubscribeErrorComponents = &i18n.Message{
		ID:          "subscribe.errorComponents",
		Description: "Error beside the components when the form named one the page does not have (an old page, or a changed list).",
		Other:       "The list of components has changed. Check your choice and send it again.",
	}
	SubscribeErrorRateLimited = &i18n.Message{
		ID:          "subscribe.errorRateLimited",
		Description: "Error above the form when too many subscriptions came from the reader's network.",
		Other:       "Too many requests came from your network. Please try again in a few minutes.",
	}
	SubscribeErrorFormExpired = &i18n.Message{
		ID:          "subscribe.errorFormExpired",
		Description: "Notice above the form when it came from an old page or another site and must be sent once more.",
		Other:       "Please check your details and send the form once more.",
	}
	SubscribeErrorSummary = &i18n.Message{
		ID:          "subscribe.errorSummary",
		Description: "Prefix of the error messages, read before each, for screen readers and people who do not see the colour.",
		Other:       "Error:",
	}
	SubscribeConfirmTitle = &i18n.Message{
		ID:          "subscribe.confirmTitle",
		Description: "Title of the page a confirmation link leads to, before its button is pressed.",
		Other:       "Confirm your subscription",
	}
	SubscribeConfirmText = &i18n.Message{
		ID:          "subscribe.confirmText",
		Description: "Text of the confirmation page; Address is the e-mail address.",
		Other:       "Press the button to receive updates of this status page at {{.Address}}.",
	}
	SubscribeConfirmButton = &i18n.Message{
		ID:          "subscribe.confirmButton",
		Description: "Button that confirms a subscription.",
		Other:       "Confirm subscription",
	}
	SubscribeConfirmedTitle = &i18n.Message{
		ID:          "subscribe.confirmedTitle",
		Description: "Title of the page after a subscription was confirmed.",
		Other:       "Subscription confirmed",
	}
	SubscribeConfirmedText = &i18n.Message{
		ID:          "subscribe.confirmedText",
		Description: "Text after a subscription was confirmed.",
		Other:       "From now on you receive an e-mail when something changes. Every message has a link to change your choice or leave.",
	}
	SubscribeManageLink = &i18n.Message{
		ID:          "subscribe.manageLink",
		Description: "Link from the confirmed page to the page that changes the components or unsubscribes.",
		Other:       "Choose components or unsubscribe",
	}
	SubscribeManageTitle = &i18n.Message{
		ID:          "subscribe.manageTitle",
		Description: "Title of the page where a subscriber changes components or leaves.",
		Other:       "Your subscription",
	}
	SubscribeManageText = &i18n.Message{
		ID:          "subscribe.manageText",
		Description: "Text of the manage page; Address is the subscriber's e-mail address.",
		Other:       "Updates go to {{.Address}}.",
	}
	SubscribeSave = &i18n.Message{
		ID:          "subscribe.save",
		Description: "Button that saves the components chosen on the manage page.",
		Other:       "Save choice",
	}
	SubscribeSaved = &i18n.Message{
		ID:          "subscribe.saved",
		Description: "Notice on the manage page after the choice of components was saved.",
		Other:       "Your choice is saved.",
	}
	SubscribeLeaveHeading = &i18n.Message{
		ID:          "subscribe.leaveHeading",
		Description: "Heading over the unsubscribe button on the manage page.",
		Other:       "Stop all updates",
	}
	SubscribeLeaveText = &i18n.Message{
		ID:          "subscribe.leaveText",
		Description: "Text of the unsubscribe page and of the manage page's unsubscribe part.",
		Other:       "Unsubscribing deletes your address; you receive nothing more from this status page.",
	}
	SubscribeLeaveButton = &i18n.Message{
		ID:          "subscribe.leaveButton",
		Description: "Button that unsubscribes.",
		Other:       "Unsubscribe",
	}
	SubscribeUnsubscribeTitle = &i18n.Message{
		ID:          "subscribe.unsubscribeTitle",
		Description: "Title of the page an unsubscribe link leads to, before its button is pressed.",
		Other:       "Unsubscribe",
	}
	SubscribeUnsubscribedTitle = &i18n.Message{
		ID:          "subscribe.unsubscribedTitle",
		Description: "Title of the page after unsubscribing.",
		Other:       "You are unsubscribed",
	}
	SubscribeUnsubscribedText = &i18n.Message{
		ID:          "subscribe.unsubscribedText",
		Description: "Text after unsubscribing.",
		Other:       "Your address is deleted and you receive no more updates. You can subscribe again at any time.",
	}
	SubscribeExpiredTitle = &i18n.Message{
		ID:          "subscribe.expiredTitle",
		Description: "Title of the page a link leads to when it is too old.",
		Other:       "This link has expired",
	}
	SubscribeExpiredText = &i18n.Message{
		ID:          "subscribe.expiredText",
		Description: "Text of the page of an expired link.",
		Other:       "Links in our messages work for a limited time. Use the link in a more recent message, or subscribe again for a new one.",
	}
	SubscribeInvalidTitle = &i18n.Message{
		ID:          "subscribe.invalidTitle",
		Description: "Title of the page a link leads to when it was used already or is incomplete.",
		Other:       "This link no longer works",
	}
	SubscribeInvalidText = &i18n.Message{
		ID:          "subscribe.invalidText",
		Description: "Text of the page of a link used already or copied incompletely.",
		Other:       "Each link works once: it may have been used already, or it was copied incompletely. The most recent message has a link that works.",
	}
	SubscribeAgain = &i18n.Message{
		ID:          "subscribe.again",
		Description: "Link to the subscription form from the pages of links that no longer work and after unsubscribing.",
		Other:       "Subscribe again",
	}
)

// subscribeMessages are the messages of this file, in the order of the source file.
var subscribeMessages = []*i18n.Message{
	SubscribeHeading, SubscribeTitle, SubscribeIntro, SubscribeEmail, SubscribeComponents,
	SubscribeComponentsHint, SubscribeTrap, SubscribeSubmit, SubscribeSentTitle, SubscribeSentText,
	SubscribeErrorEmail, SubscribeErrorComponents, SubscribeErrorRateLimited, SubscribeErrorFormExpired,
	SubscribeErrorSummary,
	SubscribeConfirmTitle, SubscribeConfirmText, SubscribeConfirmButton, SubscribeConfirmedTitle,
	SubscribeConfirmedText, SubscribeManageLink, SubscribeManageTitle, SubscribeManageText, SubscribeSave,
	SubscribeSaved, SubscribeLeaveHeading, SubscribeLeaveText, SubscribeLeaveButton,
	SubscribeUnsubscribeTitle, SubscribeUnsubscribedTitle, SubscribeUnsubscribedText,
	SubscribeExpiredTitle, SubscribeExpiredText, SubscribeInvalidTitle, SubscribeInvalidText, SubscribeAgain,
}
