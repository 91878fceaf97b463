package server

import (
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strings"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"
	"github.com/nicksnyder/go-i18n/v2/i18n"

	"statuspress/internal/locale"
	"statuspress/internal/site"
	"statuspress/internal/subscription"
	"statuspress/web"
)

// Subscriptions is what the e-mail subscription pages need.
type Subscriptions struct {
	// Service applies the rules (required).
	Service *subscription.Service
	// FormKey signs the subscribe form's tokens. Replicas behind one load balancer need the same
	// key, or a form made by one is refused by another; empty means a random key per process.
	FormKey []byte
	// TrustedOrigins are the origins, besides the site's own, whose pages may post the forms
	// ("https://status.example.com"): a static site built with --subscribe-url.
	TrustedOrigins []string
}

// Validate reports what in c would not work, for the command that starts the server.
func (c Subscriptions) Validate() error {
	var errs []error
	if c.Service == nil {
		errs = append(errs, errors.New("subscriptions: no service"))
	}
	p := http.NewCrossOriginProtection()
	for _, o := range c.TrustedOrigins {
		if err := p.AddTrustedOrigin(o); err != nil {
			errs = append(errs, fmt.Errorf("trusted origin: %w; want scheme://host[:port], such as https://status.example.com", err))
		}
	}
	return errors.Join(errs...)
}

// subscriptions is the running form of Subscriptions.
type subscriptions struct {
	svc     *subscription.Service
	tokens  formTokens
	origins *http.CrossOriginProtection
}

func newSubscriptions(c *Subscriptions, log *slog.Logger) *subscriptions {
	if c == nil || c.Service == nil {
		return nil
	}
	s := &subscriptions{svc: c.Service, tokens: newFormTokens(c.FormKey), origins: http.NewCrossOriginProtection()}
	for _, o := range c.TrustedOrigins {
		if err := s.origins.AddTrustedOrigin(o); err != nil {
			log.Error("subscriptions: trusted origin left out", "err", err)
		}
	}
	return s
}

// ipExtractor finds the client's address: the peer of the connection, or, behind the proxies
// named, the address they put in X-Forwarded-For. Any client can send that header, so it is
// believed only from them: echo's default would believe it from anyone.
func ipExtractor(trusted []netip.Prefix) echo.IPExtractor {
	if len(trusted) == 0 {
		return echo.ExtractIPDirect()
	}
	// Only the proxies named: echo would trust loopback and private networks by default.
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, p := range trusted {
		p = p.Masked()
		opts = append(opts, echo.TrustIPRange(&net.IPNet{IP: p.Addr().AsSlice(), Mask: net.CIDRMask(p.Bits(), p.Addr().BitLen())}))
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}

// maxFormBody bounds the body of a form: the address, a token and the component ids of a large
// site fit many times over.
const maxFormBody = 64 << 10

// errFormType is a POST whose body is no form.
var errFormType = echo.NewHTTPError(http.StatusUnsupportedMediaType, "want a form (application/x-www-form-urlencoded or multipart/form-data)")

// post guards every POST of the subscription pages: they exist only with subscriptions on, come
// from the site's own pages or a trusted origin (Sec-Fetch-Site and Origin, as net/http's
// CrossOriginProtection reads them), and carry a form of bounded size.
func (s *Server) post(h handler) handler {
	return func(c echo.Context, snap *site.Snapshot) error {
		if s.subs == nil {
			return echo.ErrNotFound
		}
		c.Response().Header().Set(echo.HeaderCacheControl, "no-store")
		req := c.Request()
		if err := s.subs.origins.Check(req); err != nil && !sameOrigin(req.Header.Get("Origin"), snap.BaseURL()) {
			return echo.NewHTTPError(http.StatusForbidden, "cross-origin request refused").SetInternal(err)
		}
		mt, _, err := mime.ParseMediaType(req.Header.Get(echo.HeaderContentType))
		if err != nil || mt != echo.MIMEApplicationForm && mt != echo.MIMEMultipartForm {
			return errFormType
		}
		req.Body = http.MaxBytesReader(c.Response(), req.Body, maxFormBody)
		if mt == echo.MIMEMultipartForm {
			err = req.ParseMultipartForm(maxFormBody)
		} else {
			err = req.ParseForm()
		}
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				return echo.NewHTTPError(http.StatusRequestEntityTooLarge)
			}
			return echo.NewHTTPError(http.StatusBadRequest, "unreadable form").SetInternal(err)
		}
		return h(c, snap)
	}
}

// sameOrigin reports whether origin is the one of the site's public URL: behind a proxy that
// rewrites Host, an old browser's same-origin POST has no Sec-Fetch-Site and a foreign Host.
func sameOrigin(origin, base string) bool {
	if origin == "" || base == "" {
		return false
	}
	u, err := url.Parse(base)
	return err == nil && origin == u.Scheme+"://"+u.Host
}

// subscriptionLang is the first step of every GET of the subscription pages.
func (s *Server) subscriptionLang(c echo.Context, snap *site.Snapshot) (string, error) {
	if s.subs == nil {
		return "", echo.ErrNotFound
	}
	return pageLang(c, snap)
}

// subscribeForm is the form of the overview and of /{lang}/subscribe/, blank; nil when the site
// has none. It holds nothing of a reader, so the pages stay cacheable.
func (s *Server) subscribeForm(snap *site.Snapshot, lang string) *web.SubscribeForm {
	f := &web.SubscribeForm{Groups: snap.SubscribeChoices(lang, func(string) bool { return true })}
	switch {
	case s.subs != nil:
		f.Action = subscription.SubscribePath(lang)
		f.Token = s.subs.tokens.make(lang, s.now())
	case s.subscribeURL != "":
		// A static site's form posts to the running server, which has no token to check of it:
		// the server asks once more, from a page of its own with one (subscribePost).
		f.Action = s.subscribeURL + subscription.SubscribePath(lang)
	default:
		return nil
	}
	return f
}

// subscribePage is the form on a page of its own.
func (s *Server) subscribePage(c echo.Context, snap *site.Snapshot) error {
	lang, err := s.subscriptionLang(c, snap)
	if err != nil {
		return err
	}
	l := snap.Localizer(lang)
	p := web.SubscribePage{
		Base: snap.SubscriptionBase(lang, subscription.SubscribePath(lang), l.T(locale.SubscribeTitle), false, s.now()),
		Form: *s.subscribeForm(snap, lang),
	}
	return render(c, snap, http.StatusOK, lang, web.Subscribe(p))
}

// subscribePost subscribes, or shows the form again with what is wrong beside each field.
func (s *Server) subscribePost(c echo.Context, snap *site.Snapshot) error {
	lang, err := pageLang(c, snap)
	if err != nil {
		return err
	}
	req := c.Request()
	l := snap.Localizer(lang)
	sent := req.PostForm
	components := sent["component"]
	form := *s.subscribeForm(snap, lang)
	form.Email = kept(sent.Get("email"))
	form.Groups = snap.SubscribeChoices(lang, func(id string) bool { return slices.Contains(components, id) })
	page := web.SubscribePage{
		Base: snap.SubscriptionBase(lang, subscription.SubscribePath(lang), l.T(locale.SubscribeTitle), false, s.now()),
		Form: form,
	}
	if !s.subs.tokens.valid(sent.Get("token"), lang, s.now()) {
		// An old page, a static site's, or a forgery (which the origin check stopped already
		// in any browser of this decade): the reader sends it once more from this page.
		page.Form.Notice = l.T(locale.SubscribeErrorFormExpired)
		return renderNoStore(c, snap, http.StatusForbidden, lang, web.Subscribe(page))
	}
	err = s.subs.svc.Subscribe(req.Context(), subscription.Request{
		Address:    sent.Get("email"),
		Language:   lang,
		Components: components,
		Client:     c.RealIP(),
		Trap:       sent.Get("website"),
		Site:       subscription.Choices{Languages: snap.Site.Languages, Components: snap.ComponentIDs()},
	})
	code := http.StatusUnprocessableEntity
	switch {
	case err == nil:
		page.Sent = true
		page.Title = l.T(locale.SubscribeSentTitle)
		code = http.StatusOK
	case errors.Is(err, subscription.ErrRateLimited):
		page.Form.Notice = l.T(locale.SubscribeErrorRateLimited)
		c.Response().Header().Set("Retry-After", "60")
		code = http.StatusTooManyRequests
	case errors.Is(err, subscription.ErrInvalidAddress) || errors.Is(err, subscription.ErrInvalidComponents):
		if errors.Is(err, subscription.ErrInvalidAddress) {
			page.Form.EmailError = l.T(locale.SubscribeErrorEmail)
		}
		if errors.Is(err, subscription.ErrInvalidComponents) {
			page.Form.ComponentsError = l.T(locale.SubscribeErrorComponents)
		}
	default:
		return err
	}
	return renderNoStore(c, snap, code, lang, web.Subscribe(page))
}

// kept is a field's input as the form shows it again: a few hundred characters at most, since
// only a robot sends more, and it need not see them again.
func kept(s string) string {
	const max = 320
	if len(s) > max {
		s = strings.ToValidUTF8(s[:max], "")
	}
	return s
}

// linkToken is the token of a link from a mail.
func linkToken(c echo.Context) string { return c.QueryParam("token") }

// withToken is path with token as its query.
func withToken(path, token string) string { return path + "?token=" + url.QueryEscape(token) }

// linkPage renders a page of a link from a mail; every one is no-store, since its URL holds a
// secret and what it shows changes when the link is used.
func (s *Server) linkPage(c echo.Context, snap *site.Snapshot, lang string, code int, p web.LinkPage) error {
	l := snap.Localizer(lang)
	title := map[web.LinkStep]*i18n.Message{
		web.LinkConfirm: locale.SubscribeConfirmTitle, web.LinkConfirmed: locale.SubscribeConfirmedTitle,
		web.LinkManage: locale.SubscribeManageTitle, web.LinkSaved: locale.SubscribeManageTitle,
		web.LinkUnsubscribe: locale.SubscribeUnsubscribeTitle, web.LinkUnsubscribed: locale.SubscribeUnsubscribedTitle,
		web.LinkExpired: locale.SubscribeExpiredTitle, web.LinkInvalid: locale.SubscribeInvalidTitle,
	}[p.Step]
	p.Base = snap.SubscriptionBase(lang, c.Request().URL.Path, l.T(title), true, s.now())
	p.SubscribeURL = subscription.SubscribePath(lang)
	// The page's URL holds the token: no request from it, to the site's own assets either,
	// carries the URL in a Referer that a proxy or CDN might log.
	c.Response().Header().Set("Referrer-Policy", "no-referrer")
	return renderNoStore(c, snap, code, lang, web.SubscriptionLink(p))
}

// linkError is the page of a link that does not work, or err itself when it is no link's fault.
func (s *Server) linkError(c echo.Context, snap *site.Snapshot, lang string, err error) error {
	switch {
	case errors.Is(err, subscription.ErrLinkExpired):
		return s.linkPage(c, snap, lang, http.StatusGone, web.LinkPage{Step: web.LinkExpired})
	case errors.Is(err, subscription.ErrLinkInvalid):
		return s.linkPage(c, snap, lang, http.StatusNotFound, web.LinkPage{Step: web.LinkInvalid})
	}
	return err
}

// confirmPage shows the button that confirms; opening the link confirms nothing.
func (s *Server) confirmPage(c echo.Context, snap *site.Snapshot) error {
	lang, err := s.subscriptionLang(c, snap)
	if err != nil {
		return err
	}
	token := linkToken(c)
	sub, err := s.subs.svc.CheckConfirm(c.Request().Context(), token)
	if err != nil {
		return s.linkError(c, snap, lang, err)
	}
	return s.linkPage(c, snap, lang, http.StatusOK, web.LinkPage{
		Step: web.LinkConfirm, Address: sub.Address, Action: withToken(subscription.ConfirmPath(lang), token),
	})
}

func (s *Server) confirmPost(c echo.Context, snap *site.Snapshot) error {
	lang, err := pageLang(c, snap)
	if err != nil {
		return err
	}
	sub, err := s.subs.svc.Confirm(c.Request().Context(), linkToken(c))
	if err != nil {
		return s.linkError(c, snap, lang, err)
	}
	p := web.LinkPage{Step: web.LinkConfirmed, Address: sub.Address}
	if sub.ManageToken != "" {
		p.ManageURL = withToken(subscription.ManagePath(lang), sub.ManageToken)
	}
	return s.linkPage(c, snap, lang, http.StatusOK, p)
}

// managePage shows the components chosen and the button that leaves.
func (s *Server) managePage(c echo.Context, snap *site.Snapshot) error {
	lang, err := s.subscriptionLang(c, snap)
	if err != nil {
		return err
	}
	token := linkToken(c)
	sub, err := s.subs.svc.Manage(c.Request().Context(), token)
	if err != nil {
		return s.linkError(c, snap, lang, err)
	}
	p := s.managed(snap, lang, token, sub.Address, sub.Components)
	if c.QueryParam("saved") != "" {
		p.Step = web.LinkSaved
	}
	return s.linkPage(c, snap, lang, http.StatusOK, p)
}

// managed is the manage page of a subscription to chosen (none: all).
func (s *Server) managed(snap *site.Snapshot, lang, token, address string, chosen []string) web.LinkPage {
	return web.LinkPage{
		Step: web.LinkManage, Address: address, Action: withToken(subscription.ManagePath(lang), token),
		Groups: snap.SubscribeChoices(lang, func(id string) bool { return len(chosen) == 0 || slices.Contains(chosen, id) }),
	}
}

// managePost saves the components chosen, or leaves (the button named action=leave). A saved
// choice goes on to the manage page of the new link (the old one is used up), so reloading it
// sends nothing again.
func (s *Server) managePost(c echo.Context, snap *site.Snapshot) error {
	lang, err := pageLang(c, snap)
	if err != nil {
		return err
	}
	ctx, token := c.Request().Context(), linkToken(c)
	if c.Request().PostForm.Get("action") == "leave" {
		if err := s.subs.svc.Unsubscribe(ctx, token); err != nil {
			return s.linkError(c, snap, lang, err)
		}
		return s.linkPage(c, snap, lang, http.StatusOK, web.LinkPage{Step: web.LinkUnsubscribed})
	}
	chosen := c.Request().PostForm["component"]
	sub, err := s.subs.svc.ChangeComponents(ctx, token, chosen,
		subscription.Choices{Languages: snap.Site.Languages, Components: snap.ComponentIDs()})
	if errors.Is(err, subscription.ErrInvalidComponents) {
		// The link is not used up: the reader chooses again on the same page.
		current, cerr := s.subs.svc.Manage(ctx, token)
		if cerr != nil {
			return s.linkError(c, snap, lang, cerr)
		}
		p := s.managed(snap, lang, token, current.Address, chosen)
		p.ComponentsError = snap.Localizer(lang).T(locale.SubscribeErrorComponents)
		return s.linkPage(c, snap, lang, http.StatusUnprocessableEntity, p)
	}
	if err != nil {
		return s.linkError(c, snap, lang, err)
	}
	return c.Redirect(http.StatusSeeOther, withToken(subscription.ManagePath(lang), sub.ManageToken)+"&saved=1")
}

// unsubscribePage shows the button that leaves: the List-Unsubscribe link opened in a browser.
func (s *Server) unsubscribePage(c echo.Context, snap *site.Snapshot) error {
	lang, err := s.subscriptionLang(c, snap)
	if err != nil {
		return err
	}
	token := linkToken(c)
	if _, err := s.subs.svc.Manage(c.Request().Context(), token); err != nil {
		return s.linkError(c, snap, lang, err)
	}
	return s.linkPage(c, snap, lang, http.StatusOK, web.LinkPage{
		Step: web.LinkUnsubscribe, Action: withToken(subscription.UnsubscribePath(lang), token),
	})
}

// unsubscribePost leaves: the page's button, or a mail program's one-click unsubscribe (RFC 8058:
// a POST of List-Unsubscribe=One-Click to the List-Unsubscribe URL, from its server, without a
// cookie or an Origin). Either is answered with the page; a mail program reads the status only.
func (s *Server) unsubscribePost(c echo.Context, snap *site.Snapshot) error {
	lang, err := pageLang(c, snap)
	if err != nil {
		return err
	}
	if err := s.subs.svc.Unsubscribe(c.Request().Context(), linkToken(c)); err != nil {
		return s.linkError(c, snap, lang, err)
	}
	return s.linkPage(c, snap, lang, http.StatusOK, web.LinkPage{Step: web.LinkUnsubscribed})
}

// renderNoStore renders page in lang with code, for no cache to keep: an answer to a form, or a
// page whose URL holds a secret.
func renderNoStore(c echo.Context, snap *site.Snapshot, code int, lang string, page templ.Component) error {
	ctx := locale.NewContext(c.Request().Context(), snap.Localizer(lang))
	body, err := renderBytes(ctx, page)
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set("Content-Language", lang)
	h.Set(echo.HeaderCacheControl, "no-store")
	return c.Blob(code, echo.MIMETextHTMLCharsetUTF8, body)
}
