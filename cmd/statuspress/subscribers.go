package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"statuspress/internal/store"
)

// subscribers answers an operator's data requests: who is subscribed, everything kept about an
// address, and deleting it.
func subscribers(args []string, std stdio) error {
	fs := flag.NewFlagSet("subscribers", flag.ContinueOnError)
	fs.SetOutput(std.err)
	var db string
	checkDB := dbFlags(fs, &db, "")
	format := fs.String("format", "", "output `format`: text (list's default), csv or json (export's default)")
	fs.Usage = func() {
		fmt.Fprintln(std.err, "Usage: statuspress subscribers list [--format text|csv|json]")
		fmt.Fprintln(std.err, "       statuspress subscribers export [ADDRESS] [--format json|csv]")
		fmt.Fprintln(std.err, "       statuspress subscribers delete ADDRESS")
		fmt.Fprintln(std.err)
		fmt.Fprintln(std.err, "Lists the e-mail subscribers, exports what is kept about them (one address, or all), or")
		fmt.Fprintln(std.err, "deletes everything kept about an address: its subscription, its links and its failures.")
		fmt.Fprintln(std.err)
		fs.PrintDefaults()
	}
	if len(args) == 0 {
		fs.Usage()
		return usagef("name what to do: list, export or delete")
	}
	action, rest := args[0], args[1:]
	if err := fs.Parse(rest); err != nil {
		return errUsage
	}
	// Flags may also come after the address.
	operands := fs.Args()
	if len(operands) > 1 {
		if err := fs.Parse(operands[1:]); err != nil {
			return errUsage
		}
		operands = append(operands[:1], fs.Args()...)
	}
	checkDB()
	var address string
	switch {
	case action == "list" && len(operands) == 0:
	case action == "export" && len(operands) <= 1:
		if len(operands) == 1 {
			address = operands[0]
		}
	case action == "delete" && len(operands) == 1:
		address = operands[0]
	case action == "list" || action == "export" || action == "delete":
		fs.Usage()
		return usagef("%s: unexpected arguments %q", action, operands)
	default:
		fs.Usage()
		return usagef("unknown action %q: use list, export or delete", action)
	}
	f := *format
	switch {
	case f == "" && action == "list":
		f = "text"
	case f == "":
		f = "json"
	case f == "text" && action == "export":
		return usagef("export writes csv or json")
	case f != "text" && f != "csv" && f != "json":
		return usagef("--format %q: use text, csv or json", f)
	}

	ctx := context.Background()
	st, err := store.Open(ctx, db, store.Options{Now: time.Now})
	if err != nil {
		return err
	}
	defer st.Close(ctx)
	switch action {
	case "delete":
		found, err := st.DeleteAddress(ctx, address)
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("nothing is kept about %s", address)
		}
		fmt.Fprintf(std.out, "deleted everything kept about %s\n", address)
		return nil
	case "export":
		if address != "" {
			sub, err := st.Subscriber(ctx, address)
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("nothing is kept about %s", address)
			}
			if err != nil {
				return err
			}
			return writeSubscribers(std.out, f, func(fn func(store.Subscriber) error) error { return fn(sub) })
		}
	}
	return writeSubscribers(std.out, f, func(fn func(store.Subscriber) error) error { return st.Subscribers(ctx, fn) })
}

// subscriberRecord is a subscriber as exported.
type subscriberRecord struct {
	Address    string   `json:"address"`
	Language   string   `json:"language"`
	State      string   `json:"state"`
	Components []string `json:"components"` // empty: every component
	Created    string   `json:"subscribed_at"`
	Confirmed  string   `json:"confirmed_at,omitempty"`
}

func recordOf(s store.Subscriber) subscriberRecord {
	r := subscriberRecord{Address: s.Address, Language: s.Language, State: string(s.State),
		Components: s.Components, Created: s.Created.UTC().Format(time.RFC3339)}
	if r.Components == nil {
		r.Components = []string{}
	}
	if !s.Confirmed.IsZero() {
		r.Confirmed = s.Confirmed.UTC().Format(time.RFC3339)
	}
	return r
}

// writeSubscribers writes the subscribers each gives, as it reads them (a JSON array, CSV with a
// header, or an aligned table).
func writeSubscribers(w io.Writer, format string, each func(func(store.Subscriber) error) error) error {
	components := func(r subscriberRecord) string {
		if len(r.Components) == 0 {
			return "all"
		}
		return strings.Join(r.Components, " ")
	}
	switch format {
	case "json":
		fmt.Fprint(w, "[")
		n := 0
		err := each(func(s store.Subscriber) error {
			b, err := json.Marshal(recordOf(s))
			if err != nil {
				return err
			}
			if n > 0 {
				fmt.Fprint(w, ",")
			}
			n++
			_, err = fmt.Fprintf(w, "\n  %s", b)
			return err
		})
		if n > 0 {
			fmt.Fprint(w, "\n")
		}
		fmt.Fprintln(w, "]")
		return err
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"address", "language", "state", "components", "subscribed_at", "confirmed_at"})
		err := each(func(s store.Subscriber) error {
			r := recordOf(s)
			return cw.Write([]string{csvSafe(r.Address), r.Language, r.State, csvSafe(components(r)), r.Created, r.Confirmed})
		})
		cw.Flush()
		return errors.Join(err, cw.Error())
	default:
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ADDRESS\tLANGUAGE\tSTATE\tCOMPONENTS\tSUBSCRIBED")
		n := 0
		err := each(func(s store.Subscriber) error {
			n++
			r := recordOf(s)
			_, err := fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Address, r.Language, r.State, components(r), r.Created)
			return err
		})
		tw.Flush()
		fmt.Fprintln(w, plural(n, "subscriber"))
		return err
	}
}

// csvSafe keeps a spreadsheet from running a cell that begins like a formula: an address is
// what a stranger typed into a form.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
