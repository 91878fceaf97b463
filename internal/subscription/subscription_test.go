package subscription_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/store"
	"statuspress/internal/store/storetest"
	"statuspress/internal/subscription"
)

var site = subscription.Choices{
	Languages:  []string{"en", "nl", "fr", "de"},
	Components: []string{"api", "smtp", "web"},
}

// counting is a store that counts the subscriptions asked of it.
type counting struct {
	store.Store
	subscribes atomic.Int64
}

func (c *counting) Subscribe(ctx context.Context, address, language string, components []string) (store.Subscriber, error) {
	c.subscribes.Add(1)
	return c.Store.Subscribe(ctx, address, language, components)
}

type fixture struct {
	svc   *subscription.Service
	store *counting
	clock *storetest.Clock
}

func newFixture(t *testing.T, opts subscription.Options) fixture {
	t.Helper()
	clock := storetest.NewClock()
	st := &counting{Store: storetest.Open(t, "sqlite:"+filepath.Join(t.TempDir(), "sp.db"), clock)}
	opts.Now = clock.Now
	svc, err := subscription.New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	return fixture{svc: svc, store: st, clock: clock}
}

func request(address string) subscription.Request {
	return subscription.Request{Address: address, Language: "fr", Client: "192.0.2.1", Site: site}
}

func TestCheckAddress(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"ada@example.org", "ada@example.org", true},
		{"  ada@example.org ", "ada@example.org", true},
		{"Ada.Lovelace+status@mail.example.co.uk", "Ada.Lovelace+status@mail.example.co.uk", true},
		{"", "", false},
		{"   ", "", false},
		{"ada", "", false},
		{"ada@", "", false},
		{"@example.org", "", false},
		{"ada@localhost", "", false},
		{"ada@example.org.", "", false},
		{"ada@[192.0.2.1]", "", false},
		{"Ada <ada@example.org>", "", false},
		{"<ada@example.org>", "", false},
		{"ada@example.org (Ada)", "", false},
		{`"ada lovelace"@example.org`, "", false},
		{"ada@example.org, bob@example.org", "", false},
		{"ada@example.org\r\nBcc: victim@example.org", "", false},
		{"ada@example.org\nBcc: victim@example.org", "", false},
		{"ada@exa\rmple.org", "", false},
		{"ada@example.org\x00", "", false},
		{"ada@example.org\u2028", "", false},
		{strings.Repeat("a", 64) + "@" + strings.Repeat("b", 185) + ".org", strings.Repeat("a", 64) + "@" + strings.Repeat("b", 185) + ".org", true},
		{strings.Repeat("a", 64) + "@" + strings.Repeat("b", 186) + ".org", "", false},
		{strings.Repeat("a", 10_000) + "@example.org", "", false},
	} {
		got, err := subscription.CheckAddress(tc.in)
		if tc.ok != (err == nil) || got != tc.want {
			t.Errorf("CheckAddress(%.60q) = %q, %v; want %q, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
		if err != nil && !errors.Is(err, subscription.ErrInvalidAddress) {
			t.Errorf("CheckAddress(%.60q): %v, want ErrInvalidAddress", tc.in, err)
		}
	}
}

func TestSubscribeValidates(t *testing.T) {
	f := newFixture(t, subscription.Options{ClientBurst: 1000})
	ctx := t.Context()
	for _, tc := range []struct {
		name string
		r    func(*subscription.Request)
		want []error
	}{
		{"fine", func(*subscription.Request) {}, nil},
		{"some components", func(r *subscription.Request) { r.Components = []string{"web", "api", "web"} }, nil},
		{"bad address", func(r *subscription.Request) { r.Address = "nobody" }, []error{subscription.ErrInvalidAddress}},
		{"CR/LF in address", func(r *subscription.Request) { r.Address = "a@example.org\r\nBcc: b@example.org" }, []error{subscription.ErrInvalidAddress}},
		{"long address", func(r *subscription.Request) { r.Address = strings.Repeat("x", 10_000) + "@example.org" }, []error{subscription.ErrInvalidAddress}},
		{"unknown language", func(r *subscription.Request) { r.Language = "es" }, []error{subscription.ErrInvalidLanguage}},
		{"CR/LF in language", func(r *subscription.Request) { r.Language = "fr\r\n" }, []error{subscription.ErrInvalidLanguage}},
		{"unknown component", func(r *subscription.Request) { r.Components = []string{"web", "mainframe"} }, []error{subscription.ErrInvalidComponents}},
		{"CR/LF in component", func(r *subscription.Request) { r.Components = []string{"web\r\nX: y"} }, []error{subscription.ErrInvalidComponents}},
		{"everything wrong", func(r *subscription.Request) {
			r.Address, r.Language, r.Components = "", "xx", []string{""}
		}, []error{subscription.ErrInvalidAddress, subscription.ErrInvalidLanguage, subscription.ErrInvalidComponents}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := request(fmt.Sprintf("%s@example.org", strings.ReplaceAll(tc.name, " ", "-")))
			tc.r(&r)
			err := f.svc.Subscribe(ctx, r)
			if len(tc.want) == 0 && err != nil {
				t.Fatalf("Subscribe: %v", err)
			}
			for _, want := range tc.want {
				if !errors.Is(err, want) {
					t.Errorf("Subscribe: %v, want %v", err, want)
				}
			}
		})
	}
}

func TestSubscribeStoresComponents(t *testing.T) {
	f := newFixture(t, subscription.Options{})
	ctx := t.Context()
	for _, tc := range []struct {
		address string
		chosen  []string
		want    []string
	}{
		{"none@example.org", nil, nil},
		{"all@example.org", []string{"web", "smtp", "api"}, nil},
		{"two@example.org", []string{"web", "api", "web"}, []string{"api", "web"}},
	} {
		r := request(tc.address)
		r.Components = tc.chosen
		if err := f.svc.Subscribe(ctx, r); err != nil {
			t.Fatal(err)
		}
		sub, err := f.store.Subscriber(ctx, tc.address)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tc.want, sub.Components); diff != "" || sub.Language != "fr" || sub.State != store.Pending {
			t.Errorf("%s: language %q, state %q, components (-want +got):\n%s", tc.address, sub.Language, sub.State, diff)
		}
	}
}

// TestSameAnswer: a new address, one pending, one confirmed and one whose confirmation the hourly
// limit holds back all get the same answer; only the new one and the one past its hour get mail.
func TestSameAnswer(t *testing.T) {
	f := newFixture(t, subscription.Options{})
	ctx := t.Context()
	deliveries := func() int {
		t.Helper()
		c, err := f.store.Counts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return c.Deliveries
	}
	sub, err := f.store.Store.Subscribe(ctx, "known@example.org", "en", nil)
	if err != nil {
		t.Fatal(err)
	}
	token, err := f.store.NewToken(ctx, sub.ID, store.PurposeConfirm, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.Confirm(ctx, token); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, address string
		mails         int
	}{
		{"unknown", "new@example.org", 1},
		{"pending, within the hour", "new@example.org", 0},
		{"confirmed", "known@example.org", 0},
		{"confirmed, other spelling", "KNOWN@example.org", 0},
	} {
		before := deliveries()
		r := request(tc.address)
		r.Client = "198.51.100." + fmt.Sprint(len(tc.name))
		if err := f.svc.Subscribe(ctx, r); err != nil {
			t.Errorf("%s: Subscribe: %v, want the same answer as for any address (nil)", tc.name, err)
		}
		if got := deliveries() - before; got != tc.mails {
			t.Errorf("%s: %d confirmation mails queued, want %d", tc.name, got, tc.mails)
		}
	}
	got, err := f.store.Subscriber(ctx, "known@example.org")
	if err != nil || got.State != store.Confirmed || got.Language != "en" {
		t.Errorf("confirmed subscriber after subscribing again: %+v, %v; want it unchanged", got, err)
	}
	f.clock.Advance(store.ConfirmationInterval)
	before := deliveries()
	if err := f.svc.Subscribe(ctx, request("new@example.org")); err != nil {
		t.Fatal(err)
	}
	if deliveries()-before != 1 {
		t.Error("pending address an hour later: no new confirmation mail")
	}
}

func TestClientLimit(t *testing.T) {
	f := newFixture(t, subscription.Options{ClientBurst: 3, ClientEvery: time.Minute})
	ctx := t.Context()
	n := 0
	try := func(client string) error {
		n++
		r := request(fmt.Sprintf("reader%d@example.org", n))
		r.Client = client
		return f.svc.Subscribe(ctx, r)
	}
	for i := range 3 {
		if err := try("192.0.2.7"); err != nil {
			t.Fatalf("request %d within the burst: %v", i+1, err)
		}
	}
	if err := try("192.0.2.7"); !errors.Is(err, subscription.ErrRateLimited) {
		t.Fatalf("request past the burst: %v, want ErrRateLimited", err)
	}
	// Invalid input counts too: a bot learns nothing by trying bad addresses.
	if err := try("192.0.2.7"); !errors.Is(err, subscription.ErrRateLimited) {
		t.Errorf("again: %v, want ErrRateLimited", err)
	}
	if err := try("192.0.2.8"); err != nil {
		t.Errorf("another client: %v", err)
	}
	if err := try("::ffff:192.0.2.7"); !errors.Is(err, subscription.ErrRateLimited) {
		t.Errorf("the same client as an IPv4-mapped address: %v, want ErrRateLimited", err)
	}
	f.clock.Advance(time.Minute)
	if err := try("192.0.2.7"); err != nil {
		t.Errorf("a minute later: %v", err)
	}
	if err := try("192.0.2.7"); !errors.Is(err, subscription.ErrRateLimited) {
		t.Errorf("twice a minute later: %v, want ErrRateLimited", err)
	}

	// An IPv6 client has a /64 to itself: all of it is one client.
	for i := range 3 {
		if err := try(fmt.Sprintf("2001:db8:1:2::%x", i+1)); err != nil {
			t.Fatalf("IPv6 request %d: %v", i+1, err)
		}
	}
	if err := try("2001:db8:1:2:ffff::1"); !errors.Is(err, subscription.ErrRateLimited) {
		t.Errorf("another address in the same /64: %v, want ErrRateLimited", err)
	}
	if err := try("2001:db8:1:3::1"); err != nil {
		t.Errorf("another /64: %v", err)
	}
}

func TestAddressLimit(t *testing.T) {
	f := newFixture(t, subscription.Options{AddressBurst: 2, AddressEvery: 10 * time.Minute})
	ctx := t.Context()
	try := func(i int, address string) {
		t.Helper()
		r := request(address)
		r.Client = fmt.Sprintf("203.0.113.%d", i)
		if err := f.svc.Subscribe(ctx, r); err != nil {
			t.Fatalf("request %d: %v, want the same answer as always", i, err)
		}
	}
	// Many clients (a botnet) asking for one victim: the store hears of the first two only.
	for i := range 10 {
		try(i, "victim@example.org")
	}
	try(20, "VICTIM@example.org")
	if got := f.store.subscribes.Load(); got != 2 {
		t.Errorf("store asked %d times, want 2 (the burst)", got)
	}
	try(21, "other@example.org")
	if got := f.store.subscribes.Load(); got != 3 {
		t.Errorf("another address: store asked %d times in all, want 3", got)
	}
	f.clock.Advance(10 * time.Minute)
	try(22, "victim@example.org")
	if got := f.store.subscribes.Load(); got != 4 {
		t.Errorf("ten minutes later: store asked %d times in all, want 4", got)
	}
}

func TestTrap(t *testing.T) {
	f := newFixture(t, subscription.Options{})
	r := request("bot@example.org")
	r.Trap = "http://spam.example"
	if err := f.svc.Subscribe(t.Context(), r); err != nil {
		t.Fatalf("Subscribe with the trap filled: %v, want the usual answer", err)
	}
	if _, err := f.store.Subscriber(t.Context(), "bot@example.org"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a bot's address was stored: %v", err)
	}
}

// TestLimitsBounded: an attacker with a million addresses and IPs does not grow the limits past
// MaxTracked each.
func TestLimitsBounded(t *testing.T) {
	const max = 100
	f := newFixture(t, subscription.Options{MaxTracked: max, ClientBurst: 1, AddressBurst: 1})
	for i := range 5000 {
		r := request("")
		r.Client = fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255)
		// Invalid addresses: only the client limit is consulted, and the store is not.
		_ = f.svc.Subscribe(t.Context(), r)
	}
	clients, _ := subscription.TrackedForTest(f.svc)
	if clients > max {
		t.Errorf("%d clients tracked, want at most %d", clients, max)
	}
	// The most recent clients are still limited.
	r := request("x@example.org")
	r.Client = "10.0.19.135" // i = 4999
	if err := f.svc.Subscribe(t.Context(), r); !errors.Is(err, subscription.ErrRateLimited) {
		t.Errorf("most recent client: %v, want ErrRateLimited", err)
	}
}

func TestLimiterBounded(t *testing.T) {
	l := subscription.NewLimiterForTest(time.Hour, 1, 50)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 100_000 {
		l.Allow(fmt.Sprintf("victim%d@example.org", i), now)
	}
	if n := l.Len(); n != 50 {
		t.Errorf("limiter holds %d keys, want 50", n)
	}
}

func TestLinks(t *testing.T) {
	f := newFixture(t, subscription.Options{ManageTTL: 24 * time.Hour})
	ctx := t.Context()
	sub, err := f.store.Store.Subscribe(ctx, "ada@example.org", "nl", nil)
	if err != nil {
		t.Fatal(err)
	}
	confirm, err := f.store.NewToken(ctx, sub.ID, store.PurposeConfirm, 48*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	// Looking does not use the link up, however often.
	for range 3 {
		got, err := f.svc.CheckConfirm(ctx, confirm)
		if err != nil || got.Address != "ada@example.org" || got.Confirmed {
			t.Fatalf("CheckConfirm = %+v, %v", got, err)
		}
	}
	if _, err := f.svc.Manage(ctx, confirm); !errors.Is(err, subscription.ErrLinkInvalid) {
		t.Errorf("Manage with a confirm token: %v, want ErrLinkInvalid", err)
	}
	got, err := f.svc.Confirm(ctx, confirm)
	if err != nil || !got.Confirmed || got.ManageToken == "" {
		t.Fatalf("Confirm = %+v, %v; want confirmed with a manage token", got, err)
	}
	if _, err := f.svc.Confirm(ctx, confirm); !errors.Is(err, subscription.ErrLinkInvalid) {
		t.Errorf("Confirm replayed: %v, want ErrLinkInvalid", err)
	}
	if _, err := f.svc.CheckConfirm(ctx, confirm); !errors.Is(err, subscription.ErrLinkInvalid) {
		t.Errorf("CheckConfirm after use: %v, want ErrLinkInvalid", err)
	}

	manage := got.ManageToken
	if _, err := f.svc.Manage(ctx, manage); err != nil {
		t.Fatalf("Manage: %v", err)
	}
	if _, err := f.svc.ChangeComponents(ctx, manage, []string{"mainframe"}, site); !errors.Is(err, subscription.ErrInvalidComponents) {
		t.Errorf("ChangeComponents to an unknown component: %v, want ErrInvalidComponents", err)
	}
	changed, err := f.svc.ChangeComponents(ctx, manage, []string{"web"}, site)
	if err != nil || changed.ManageToken == "" || changed.ManageToken == manage {
		t.Fatalf("ChangeComponents = %+v, %v; want a new manage token", changed, err)
	}
	if diff := cmp.Diff([]string{"web"}, changed.Components); diff != "" {
		t.Errorf("components (-want +got):\n%s", diff)
	}
	if _, err := f.svc.ChangeComponents(ctx, manage, nil, site); !errors.Is(err, subscription.ErrLinkInvalid) {
		t.Errorf("ChangeComponents replayed: %v, want ErrLinkInvalid", err)
	}
	if err := f.svc.Unsubscribe(ctx, manage); !errors.Is(err, subscription.ErrLinkInvalid) {
		t.Errorf("Unsubscribe with the used token: %v, want ErrLinkInvalid", err)
	}

	// The new link expires after ManageTTL.
	f.clock.Advance(24 * time.Hour)
	if _, err := f.svc.Manage(ctx, changed.ManageToken); !errors.Is(err, subscription.ErrLinkExpired) {
		t.Errorf("Manage a day later: %v, want ErrLinkExpired", err)
	}
	if err := f.svc.Unsubscribe(ctx, changed.ManageToken); !errors.Is(err, subscription.ErrLinkExpired) {
		t.Errorf("Unsubscribe a day later: %v, want ErrLinkExpired", err)
	}

	fresh, err := f.store.NewToken(ctx, sub.ID, store.PurposeManage, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.svc.Unsubscribe(ctx, fresh); err != nil {
		t.Fatalf("Unsubscribe: %v", err)
	}
	if err := f.svc.Unsubscribe(ctx, fresh); !errors.Is(err, subscription.ErrLinkInvalid) {
		t.Errorf("Unsubscribe replayed: %v, want ErrLinkInvalid", err)
	}
	if _, err := f.store.Subscriber(ctx, "ada@example.org"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("subscriber after Unsubscribe: %v, want ErrNotFound", err)
	}
	for _, bad := range []string{"", "made-up", strings.Repeat("t", 10_000), "tok\r\nen"} {
		if _, err := f.svc.Manage(ctx, bad); !errors.Is(err, subscription.ErrLinkInvalid) {
			t.Errorf("Manage(%.20q): %v, want ErrLinkInvalid", bad, err)
		}
	}
}

func TestLinkURLs(t *testing.T) {
	for _, base := range []string{"https://status.example.com", "https://status.example.com/"} {
		l := subscription.Links{Base: base}
		got := []string{l.ConfirmURL("fr", "a+b/c"), l.ManageURL("nl", "t"), l.UnsubscribeURL("de", "t")}
		want := []string{
			"https://status.example.com/fr/subscribe/confirm/?token=a%2Bb%2Fc",
			"https://status.example.com/nl/subscription/?token=t",
			"https://status.example.com/de/subscription/unsubscribe/?token=t",
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("base %q (-want +got):\n%s", base, diff)
		}
	}
}
