package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"net/netip"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"statuspress/internal/notify"
	"statuspress/internal/notify/config"
	"statuspress/internal/notify/dispatch"
	"statuspress/internal/notify/outbound"
	"statuspress/internal/server"
	"statuspress/internal/store"
	"statuspress/internal/subscription"
)

// notifyConfig is what serve is told about notifications.
type notifyConfig struct {
	db           string
	smtp         string
	mailFrom     string
	mailRate     float64
	config       string
	delay        time.Duration
	allowPrivate bool

	// The subscription form's (with --smtp).
	formKey        string
	trustedOrigins []string
	trustedProxies []netip.Prefix
}

// enabled tells whether serve sends anything: without a mail server and without channels it keeps
// no state and needs no database, as the README's first command expects.
func (c notifyConfig) enabled() bool { return c.smtp != "" || c.config != "" }

// notifyFlags defines the flags of notifications; the function it returns checks their values once
// parsed.
func notifyFlags(fs *flag.FlagSet, c *notifyConfig) func() error {
	checkDB := dbFlags(fs, &c.db, "; used only with --smtp or --notify-config")
	fs.StringVar(&c.smtp, "smtp", env("STATUSPRESS_SMTP", ""), "mail server `URL` for subscriptions: smtp://USER:PASSWORD@HOST:PORT (STARTTLS) or smtps://... (TLS); without it there is no e-mail form and nothing is mailed (STATUSPRESS_SMTP)")
	fs.StringVar(&c.mailFrom, "mail-from", env("STATUSPRESS_MAIL_FROM", ""), "the `address` mail is sent from, such as \"Acme Status <status@acme.example>\" (STATUSPRESS_MAIL_FROM)")
	rate := env("STATUSPRESS_MAIL_RATE", "10")
	fs.Func("mail-rate", "mails sent a second at most (STATUSPRESS_MAIL_RATE; default 10)", func(s string) error { rate = s; return nil })
	fs.StringVar(&c.config, "notify-config", env("STATUSPRESS_NOTIFY_CONFIG", ""), "`file` of the chat and webhook channels, outside the content (it holds secrets; ${ENV} is expanded) (STATUSPRESS_NOTIFY_CONFIG)")
	delay := env("STATUSPRESS_NOTIFY_DELAY", notify.DefaultDelay.String())
	fs.Func("notify-delay", "how long an event waits before it is sent, so a typo fixed or a next update goes in the same message (STATUSPRESS_NOTIFY_DELAY; default 1m0s)", func(s string) error { delay = s; return nil })
	fs.StringVar(&c.formKey, "form-key", env("STATUSPRESS_FORM_KEY", ""), "a `secret` of 32 characters or more that signs the subscribe form; give every replica the same one, or a form from one is refused by another (random per process when empty) (STATUSPRESS_FORM_KEY)")
	origins := env("STATUSPRESS_TRUSTED_ORIGINS", "")
	fs.Func("trusted-origins", "comma-separated `origins` besides the site's own whose pages may post the subscribe form: a static copy built with --subscribe-url, such as https://status.example.com (STATUSPRESS_TRUSTED_ORIGINS)", func(s string) error { origins = s; return nil })
	proxies := env("STATUSPRESS_TRUSTED_PROXIES", "")
	fs.Func("trusted-proxies", "comma-separated `addresses` or CIDR prefixes of the proxies in front, whose X-Forwarded-For names the client in the access log and for the subscribe form's limits (STATUSPRESS_TRUSTED_PROXIES)", func(s string) error { proxies = s; return nil })
	fs.BoolVar(&c.allowPrivate, "allow-private-webhooks", env("STATUSPRESS_ALLOW_PRIVATE_WEBHOOKS", "") == "true", "let webhooks reach loopback and private addresses (STATUSPRESS_ALLOW_PRIVATE_WEBHOOKS=true)")
	return func() error {
		d, err := time.ParseDuration(delay)
		if err != nil || d < 0 {
			return fmt.Errorf("--notify-delay %q: give a duration such as 60s or 2m", delay)
		}
		c.delay = d
		r, err := strconv.ParseFloat(strings.TrimSpace(rate), 64)
		if err != nil || !(r > 0) || math.IsInf(r, 0) {
			return fmt.Errorf("--mail-rate %q: give a number of mails a second above 0, such as 10 or 0.5", rate)
		}
		c.mailRate = r
		if c.smtp != "" && c.mailFrom == "" {
			return errors.New("--smtp needs --mail-from, the address mail is sent from")
		}
		if c.formKey != "" && len(c.formKey) < 32 {
			return errors.New("--form-key is shorter than 32 characters: make one with `openssl rand -base64 32`")
		}
		c.trustedOrigins = splitList(origins)
		for _, p := range splitList(proxies) {
			prefix, err := netip.ParsePrefix(p)
			if err != nil {
				addr, aerr := netip.ParseAddr(p)
				if aerr != nil {
					return fmt.Errorf("--trusted-proxies: %q is neither an address nor a CIDR prefix such as 10.0.0.0/8", p)
				}
				prefix = netip.PrefixFrom(addr, addr.BitLen())
			}
			c.trustedProxies = append(c.trustedProxies, prefix.Masked())
		}
		checkDB()
		return nil
	}
}

// splitList splits a comma-separated flag value, dropping blanks.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// dbFlags defines --db and --data, the database of serve and of the subscribers command; the
// function it returns fills in the default database once they are parsed.
func dbFlags(fs *flag.FlagSet, db *string, note string) func() {
	fs.StringVar(db, "db", env("STATUSPRESS_DB", ""), "the `database` of subscribers and deliveries: sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE; default sqlite:DATA/statuspress.db"+note+" (STATUSPRESS_DB)")
	data := fs.String("data", env("STATUSPRESS_DATA", "data"), "`directory` of the default SQLite database (STATUSPRESS_DATA)")
	return func() {
		if *db == "" {
			*db = "sqlite:" + filepath.Join(*data, "statuspress.db")
		}
	}
}

// notifications are the database and the dispatcher of a serve that sends notifications.
type notifications struct {
	store store.Store
	d     *dispatch.Dispatcher
	http  *http.Client
	// subs are the subscription pages' settings, with --smtp; nil without.
	subs *server.Subscriptions

	// The database's figures for /readyz and /metrics, read at most once per figuresTTL: both
	// are public, and a stranger who asks often must not make the database count often.
	mu       sync.Mutex
	read     time.Time
	counts   store.Counts
	failures store.FailureCounts
}

// figuresTTL is how long the database's figures are reused.
const figuresTTL = 5 * time.Second

// figures are the counts of the database, read again when they are older than figuresTTL; one
// caller reads while the others wait for its answer.
func (n *notifications) figures(ctx context.Context) (store.Counts, store.FailureCounts, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if !n.read.IsZero() && time.Since(n.read) < figuresTTL {
		return n.counts, n.failures, nil
	}
	c, err := n.store.Counts(ctx)
	if err != nil {
		return c, store.FailureCounts{}, err
	}
	f, err := n.store.Failures(ctx)
	if err != nil {
		return c, f, err
	}
	n.counts, n.failures, n.read = c, f, time.Now()
	return c, f, nil
}

// openNotifications reads the channels and opens the database, before anything is served: a
// notify config with errors or a database that cannot be opened stops serve at the start, with
// the config's file:line, so nothing half-configured runs.
func openNotifications(ctx context.Context, c notifyConfig, log *slog.Logger) (*notifications, *config.Config, dispatch.Mailer, error) {
	channels := &config.Config{}
	if c.config != "" {
		var err error
		if channels, err = config.Load(c.config); err != nil {
			return nil, nil, nil, err
		}
	}
	var mailer dispatch.Mailer
	if c.smtp != "" {
		var err error
		if mailer, err = newMailer(c); err != nil {
			return nil, nil, nil, err
		}
	}
	st, err := store.Open(ctx, c.db, store.Options{Now: time.Now, Logger: log.With("part", "queue")})
	if err != nil {
		return nil, nil, nil, err
	}
	n := &notifications{store: st}
	if mailer != nil {
		svc, err := subscription.New(st, subscription.Options{Now: time.Now, ManageTTL: dispatch.ManageTTL})
		if err != nil {
			st.Close(ctx)
			return nil, nil, nil, err
		}
		n.subs = &server.Subscriptions{Service: svc, FormKey: []byte(c.formKey),
			TrustedOrigins: c.trustedOrigins}
		if err := n.subs.Validate(); err != nil {
			st.Close(ctx)
			return nil, nil, nil, err
		}
	}
	return n, channels, mailer, nil
}

// configure adds the notifications to the server's configuration: /readyz's part and, with
// e-mail, the subscription pages.
func (n *notifications) configure(c *server.Config) {
	c.Notifications = n.status
	c.Subscriptions = n.subs
}

// status is /readyz's part of the notifications.
func (n *notifications) status(ctx context.Context) (server.Notifications, error) {
	c, f, err := n.figures(ctx)
	if err != nil {
		return server.Notifications{}, err
	}
	out := server.Notifications{Deliveries: c.Deliveries, FailedEmails: f.Emails, FailedWebhooks: f.Webhooks}
	if n.d != nil {
		out.Waiting = n.d.Stats().Waiting
	}
	return out, nil
}

// start follows the content from now on and works the queue, with goroutines Main owns.
func (n *notifications) start(m *Main, channels *config.Config, mailer dispatch.Mailer) error {
	pub := m.pub
	if mailer != nil && pub.srv.Snapshot().BaseURL() == "" {
		return errors.New("--smtp needs the site's public URL for the links in mail: set base_url in site.yaml or give --base-url")
	}
	n.http = outbound.NewClient(outbound.Options{AllowPrivate: m.Config.notify.allowPrivate})
	if err := channels.CheckSite(pub.srv.Snapshot().Site); err != nil {
		m.Log.Warn("notify config", "err", err)
	}
	n.d = dispatch.New(dispatch.Options{
		Store:    n.store,
		Snapshot: pub.srv.Snapshot,
		Now:      pub.clock,
		Delay:    m.Config.notify.delay,
		Channels: channels,
		Mailer:   mailer,
		Links:    linksOf(pub),
		Wall:     time.Now,
		HTTP:     n.http,
		Log:      m.Log,
	})
	if err := n.d.Start(m.ctx); err != nil {
		return fmt.Errorf("notifications: %w", err)
	}
	// Deliveries under way finish when serve stops (Close gives them until its deadline), so
	// the queue's context does not end with Main's.
	if err := n.store.Start(context.WithoutCancel(m.ctx), n.d); err != nil {
		return fmt.Errorf("notifications: %w", err)
	}
	m.Go(n.d.Run)
	if err := pub.srv.RegisterMetrics(&collector{n: n}); err != nil {
		return err
	}
	m.Log.Info("notifications", "database", store.Redact(m.Config.notify.db), "email", mailer != nil,
		"channels", len(channels.Channels), "delay", m.Config.notify.delay)
	return nil
}

// close stops the queue, letting deliveries under way finish until ctx ends, and closes the
// database.
func (n *notifications) close(ctx context.Context) error {
	err := n.store.Close(ctx)
	if n.http != nil {
		n.http.CloseIdleConnections()
	}
	return err
}

// collector gives /metrics the notifications' figures, read when Prometheus scrapes.
type collector struct{ n *notifications }

var (
	descSubscribers = prometheus.NewDesc("statuspress_subscribers", "Subscribers by state (pending: not yet confirmed).", []string{"state"}, nil)
	descQueued      = prometheus.NewDesc("statuspress_deliveries_queued", "Mails and messages queued and not yet sent or given up.", nil, nil)
	descSettling    = prometheus.NewDesc("statuspress_notify_events_settling", "Events waiting out the settle delay (--notify-delay).", nil, nil)
	descFailures    = prometheus.NewDesc("statuspress_notify_permanent_failures", "Addresses and webhook channels that failed for good and are sent nothing more, by kind.", []string{"kind"}, nil)
	descDeliveries  = prometheus.NewDesc("statuspress_deliveries_total", "Delivery attempts since the start, by channel kind and result.", []string{"kind", "result"}, nil)
)

func (c *collector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descSubscribers, descQueued, descSettling, descFailures, descDeliveries} {
		ch <- d
	}
}

func (c *collector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	gauge := func(d *prometheus.Desc, v int, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, float64(v), labels...)
	}
	if counts, f, err := c.n.figures(ctx); err == nil {
		gauge(descSubscribers, counts.Pending, "pending")
		gauge(descSubscribers, counts.Confirmed, "confirmed")
		gauge(descQueued, counts.Deliveries)
		gauge(descFailures, f.Emails, "email")
		gauge(descFailures, f.Webhooks, "webhook")
	} else {
		ch <- prometheus.NewInvalidMetric(descQueued, err)
	}
	if c.n.d == nil {
		return
	}
	st := c.n.d.Stats()
	gauge(descSettling, st.Waiting)
	for _, kind := range []string{"email", "confirmation", "webhook"} {
		ch <- prometheus.MustNewConstMetric(descDeliveries, prometheus.CounterValue, float64(st.Sent[kind]), kind, "sent")
		ch <- prometheus.MustNewConstMetric(descDeliveries, prometheus.CounterValue, float64(st.Failed[kind]), kind, "failed")
	}
}
