// Package subscription holds the rules of e-mail subscriptions between the form and the store:
// which addresses, languages and components a reader may subscribe with, how often a client and
// an address may ask, what a single-use link may do, and what the pages are told. It knows
// nothing of HTTP: the server reads the form and renders the answer, the store keeps the state.
//
// Whatever happens to a valid request (a new address, one pending or confirmed already, a
// confirmation held back by the hourly limit, a limit reached for the address), Subscribe answers
// alike, so that nobody learns from the form who has subscribed.
package subscription

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"slices"
	"strings"
	"time"

	"golang.org/x/time/rate"

	"statuspress/internal/store"
)

// The errors a page shows. Subscribe returns the first three joined (errors.Join) when several
// fields are wrong, so the form can mark each; test them with errors.Is.
var (
	// ErrInvalidAddress is an address that is not one plain e-mail address.
	ErrInvalidAddress = errors.New("not one plain e-mail address")
	// ErrInvalidLanguage is a language the site does not publish.
	ErrInvalidLanguage = errors.New("not a language of the site")
	// ErrInvalidComponents is a component id the site does not have.
	ErrInvalidComponents = errors.New("not a component of the site")
	// ErrRateLimited is a client that asked too often; it may try again later.
	ErrRateLimited = errors.New("too many requests from this client")
	// ErrLinkExpired is a confirm or manage link used too late.
	ErrLinkExpired = errors.New("link expired")
	// ErrLinkInvalid is a link that was used already, or never made (the store cannot tell them
	// apart: it keeps only the hashes of unused tokens).
	ErrLinkInvalid = errors.New("link used or unknown")
)

// Choices are what the site offers when a request is made: its languages and component ids. The
// site changes with its content, so each call is given the ones of the snapshot it answers from.
type Choices struct {
	Languages  []string
	Components []string
}

// Request is one sending of the subscribe form.
type Request struct {
	Address  string
	Language string
	// Components are the ids ticked; none, or all of Site.Components, means all of them (and
	// those added to the site later).
	Components []string
	// Client is the client's IP address as the server sees it, the key of the per-client limit.
	Client string
	// Trap is the honeypot field: people never see it, so anything in it was put there by a bot.
	Trap string
	// Site is what the site offers.
	Site Choices
}

// Subscription is what a confirm or manage link shows and leads to.
type Subscription struct {
	Address    string
	Language   string
	Components []string // none means all
	Confirmed  bool
	// ManageToken is a fresh manage token, made after a confirmation or a change so the reader
	// stays on a working manage page; empty when none was made.
	ManageToken string
}

// Options tune a Service; zero values take the defaults.
type Options struct {
	// Now is the clock (required).
	Now func() time.Time
	// ClientEvery and ClientBurst limit the subscribe requests of one client: ClientBurst at once,
	// then one per ClientEvery (default 10, then one a minute). Many readers behind one NAT share
	// a limit, so it is not tight.
	ClientEvery time.Duration
	ClientBurst int
	// AddressEvery and AddressBurst limit the requests for one address, whoever sends them
	// (default 3, then one per 10 minutes). The store sends an address at most one confirmation
	// an hour besides.
	AddressEvery time.Duration
	AddressBurst int
	// MaxTracked bounds how many clients and how many addresses the limits remember (default
	// 10,000 each: at most some 5 MB for the addresses, 2 MB for the clients). Past it the
	// least recently seen is forgotten.
	MaxTracked int
	// ManageTTL is how long a manage link made by the service stays valid (default 30 days).
	ManageTTL time.Duration
}

// Service applies the rules over a store.
type Service struct {
	store     store.Store
	now       func() time.Time
	clients   *limiter
	addresses *limiter
	manageTTL time.Duration
}

// New returns a service over st.
func New(st store.Store, opts Options) (*Service, error) {
	if opts.Now == nil {
		return nil, errors.New("subscription: Options.Now is required")
	}
	opts.ClientEvery = orDefault(opts.ClientEvery, time.Minute)
	opts.ClientBurst = orDefault(opts.ClientBurst, 10)
	opts.AddressEvery = orDefault(opts.AddressEvery, 10*time.Minute)
	opts.AddressBurst = orDefault(opts.AddressBurst, 3)
	opts.MaxTracked = orDefault(opts.MaxTracked, 10_000)
	opts.ManageTTL = orDefault(opts.ManageTTL, 30*24*time.Hour)
	return &Service{
		store:     st,
		now:       opts.Now,
		clients:   newLimiter(rate.Every(opts.ClientEvery), opts.ClientBurst, opts.MaxTracked),
		addresses: newLimiter(rate.Every(opts.AddressEvery), opts.AddressBurst, opts.MaxTracked),
		manageTTL: opts.ManageTTL,
	}, nil
}

func orDefault[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// Subscribe records a pending subscription and queues its confirmation mail. A nil error means
// "check your mail", whether or not anything was recorded or sent; the errors are those a form
// shows (ErrRateLimited, or ErrInvalidAddress, ErrInvalidLanguage and ErrInvalidComponents
// joined), or the store's failure.
func (s *Service) Subscribe(ctx context.Context, r Request) error {
	now := s.now()
	if !s.clients.allow(clientKey(r.Client), now) {
		return ErrRateLimited
	}
	if r.Trap != "" {
		// A bot: it is told what a person would be, and nothing is done.
		return nil
	}
	address, addrErr := CheckAddress(r.Address)
	components, compErr := checkComponents(r.Components, r.Site.Components)
	var langErr error
	if !slices.Contains(r.Site.Languages, r.Language) {
		langErr = fmt.Errorf("%w: %.20q", ErrInvalidLanguage, r.Language)
	}
	if err := errors.Join(addrErr, langErr, compErr); err != nil {
		return err
	}
	if !s.addresses.allow(strings.ToLower(address), now) {
		// Told apart, it would say that someone asked for this address lately.
		return nil
	}
	if _, err := s.store.Subscribe(ctx, address, r.Language, components); err != nil {
		return fmt.Errorf("subscribe: %w", err)
	}
	if _, err := s.store.RequestConfirmation(ctx, address); err != nil {
		return fmt.Errorf("request confirmation: %w", err)
	}
	return nil
}

// CheckAddress returns the address of a form's e-mail field, trimmed, or ErrInvalidAddress:
// exactly one plain address (no display name, comment or angle brackets), with a domain that has
// a dot and is no address literal, no control characters, at most store.MaxAddressLength bytes.
func CheckAddress(s string) (string, error) {
	if len(s) > store.MaxAddressLength+2 {
		return "", fmt.Errorf("%w: longer than %d characters", ErrInvalidAddress, store.MaxAddressLength)
	}
	if strings.ContainsFunc(s, isControl) {
		return "", fmt.Errorf("%w: control character", ErrInvalidAddress)
	}
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return "", fmt.Errorf("%w: empty", ErrInvalidAddress)
	case len(s) > store.MaxAddressLength:
		return "", fmt.Errorf("%w: longer than %d characters", ErrInvalidAddress, store.MaxAddressLength)
	}
	a, err := mail.ParseAddress(s)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrInvalidAddress, err)
	}
	// ParseAddress accepts "Name <a@b>", comments and quoted local parts; what it gives back
	// must be what was typed, so only a plain address passes.
	if a.Name != "" || a.Address != s {
		return "", fmt.Errorf("%w: not a plain address", ErrInvalidAddress)
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	if !strings.Contains(domain, ".") || strings.HasPrefix(domain, "[") || strings.HasSuffix(domain, ".") {
		return "", fmt.Errorf("%w: domain %q", ErrInvalidAddress, domain)
	}
	return s, nil
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' }

// checkComponents returns the components to store: none for all of them.
func checkComponents(chosen, offered []string) ([]string, error) {
	var bad []string
	var out []string
	for _, id := range chosen {
		if !slices.Contains(offered, id) {
			bad = append(bad, fmt.Sprintf("%.40q", id))
			continue
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	if len(bad) > 0 {
		if len(bad) > 3 {
			bad = append(bad[:3], "...")
		}
		return nil, fmt.Errorf("%w: %s", ErrInvalidComponents, strings.Join(bad, ", "))
	}
	if len(out) == len(offered) {
		return nil, nil
	}
	slices.Sort(out)
	return out, nil
}

// maxToken bounds a token read from a link: the store's are far shorter, and a longer one is
// refused before it costs a query.
const maxToken = 128

// CheckConfirm returns the subscription a confirm link is for, without using the link: the page
// a mail scanner may open shows a button and changes nothing.
func (s *Service) CheckConfirm(ctx context.Context, token string) (Subscription, error) {
	return s.check(ctx, token, store.PurposeConfirm)
}

// Manage returns the subscription a manage link is for, without using the link.
func (s *Service) Manage(ctx context.Context, token string) (Subscription, error) {
	return s.check(ctx, token, store.PurposeManage)
}

func (s *Service) check(ctx context.Context, token string, p store.Purpose) (Subscription, error) {
	if err := checkToken(token); err != nil {
		return Subscription{}, err
	}
	sub, err := s.store.CheckToken(ctx, token, p)
	if err != nil {
		return Subscription{}, linkError(err)
	}
	return subscriptionOf(sub), nil
}

// Confirm uses a confirm link and confirms its subscription. The answer carries a manage token,
// so the page can lead on to the choice of components.
func (s *Service) Confirm(ctx context.Context, token string) (Subscription, error) {
	if err := checkToken(token); err != nil {
		return Subscription{}, err
	}
	sub, err := s.store.Confirm(ctx, token)
	if err != nil {
		return Subscription{}, linkError(err)
	}
	return s.withManageToken(ctx, sub)
}

// ChangeComponents uses a manage link to replace the components of its subscription, and makes a
// new manage link: tokens are single use, and the reader stays on a working page.
func (s *Service) ChangeComponents(ctx context.Context, token string, components []string, site Choices) (Subscription, error) {
	if err := checkToken(token); err != nil {
		return Subscription{}, err
	}
	components, err := checkComponents(components, site.Components)
	if err != nil {
		return Subscription{}, err
	}
	sub, err := s.store.ChangeComponents(ctx, token, components)
	if err != nil {
		return Subscription{}, linkError(err)
	}
	return s.withManageToken(ctx, sub)
}

// Unsubscribe uses a manage link and deletes its subscription.
func (s *Service) Unsubscribe(ctx context.Context, token string) error {
	if err := checkToken(token); err != nil {
		return err
	}
	if _, err := s.store.Unsubscribe(ctx, token); err != nil {
		return linkError(err)
	}
	return nil
}

func (s *Service) withManageToken(ctx context.Context, sub store.Subscriber) (Subscription, error) {
	out := subscriptionOf(sub)
	token, err := s.store.NewToken(ctx, sub.ID, store.PurposeManage, s.manageTTL)
	if err != nil {
		return out, fmt.Errorf("new manage token: %w", err)
	}
	out.ManageToken = token
	return out, nil
}

func subscriptionOf(sub store.Subscriber) Subscription {
	return Subscription{
		Address:    sub.Address,
		Language:   sub.Language,
		Components: sub.Components,
		Confirmed:  sub.State == store.Confirmed,
	}
}

func checkToken(token string) error {
	if token == "" || len(token) > maxToken || strings.ContainsFunc(token, isControl) {
		return ErrLinkInvalid
	}
	return nil
}

// linkError maps the store's token errors to what a page says; others pass on.
func linkError(err error) error {
	switch {
	case errors.Is(err, store.ErrTokenExpired):
		return ErrLinkExpired
	case errors.Is(err, store.ErrTokenInvalid), errors.Is(err, store.ErrNotFound):
		return ErrLinkInvalid
	}
	return err
}
