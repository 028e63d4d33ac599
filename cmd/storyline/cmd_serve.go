package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline/internal/serve"
	"github.com/storyline/storyline/internal/store/postgres"
)

func newServeCommand(g *globals) *cobra.Command {
	var (
		addr         string
		token        string
		maxBody      int64
		maxBatch     int
		feedsFile    string
		allowPrivate bool
		feedInterval time.Duration
		hostDelay    time.Duration
		logFormat    string
		verbose      bool
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run storyline as a service: HTTP API, feeds, and a web page of the stories",
		Long: `Run storyline as a service on the store: an HTTP JSON API to post articles
and read stories (described at /openapi.json), a web page to browse them
with live updates (/), feed following, /healthz and /metrics.

Posted articles are stored before the answer; story detection runs in the
background after each change, and reads see the last completed one.

Writes need the token: send "Authorization: Bearer TOKEN". Set it with
--token or, to keep it out of the process list, STORYLINE_TOKEN. Without a
token the server is read-only (feeds still work).

Feeds and the pages they link to are fetched from public addresses only:
never from loopback, private, link-local or reserved ones (checked when
connecting, redirects included), unless --allow-private-feeds.

With --store postgres://... (or STORYLINE_STORE) any number of servers can
share one database behind a load balancer: each serves reads and takes
posts, which go through a queue in the database (a post left by a server
that died is ingested by another), and one of them at a time detects
stories, under a lease that another takes over within seconds if it dies.

SIGINT or SIGTERM shut it down cleanly: it stops accepting, lets requests
and ingestion in progress finish (a batch cut short is rolled back whole),
and closes the store.`,
		Example: `  STORYLINE_TOKEN=secret storyline serve --feeds feeds.txt
  curl -H "Authorization: Bearer secret" --data-binary @article.json http://127.0.0.1:8080/api/articles
  curl -H "Authorization: Bearer secret" -H "Content-Type: text/html" \
       --data-binary @page.html "http://127.0.0.1:8080/api/articles?url=https://example.org/news/1"`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if token == "" {
				token = os.Getenv("STORYLINE_TOKEN")
			}
			logger, err := newLogger(cmd.ErrOrStderr(), logFormat, verbose)
			if err != nil {
				return err
			}
			var feeds []string
			if feedsFile != "" {
				if feeds, err = serve.ReadFeedList(feedsFile); err != nil {
					return err
				}
			}
			if token == "" {
				logger.Warn("no token (--token or STORYLINE_TOKEN): the API is read-only")
			}
			st, err := g.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			// On PostgreSQL the server is one of any number sharing the
			// database: posts go through its queue, detection through its
			// lease.
			shared, _ := st.(*postgres.Store)
			srv, err := serve.New(st, serve.Config{
				Token:             token,
				MaxBody:           maxBody,
				MaxBatch:          maxBatch,
				Feeds:             feeds,
				AllowPrivateFeeds: allowPrivate,
				FeedInterval:      feedInterval,
				HostDelay:         hostDelay,
				Logger:            logger,
				Shared:            shared,
			})
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("listen on %s: %w", addr, err)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "storyline serve: http://%s/ (store %s)\n", ln.Addr(), g.storeName())
			return srv.Serve(cmd.Context(), ln)
		},
	}
	f := cmd.Flags()
	f.StringVar(&addr, "addr", envOr("STORYLINE_ADDR", serve.DefaultAddr), "address to listen on (or set STORYLINE_ADDR)")
	f.StringVar(&token, "token", "", "bearer token that writes must present (or set STORYLINE_TOKEN)")
	f.Int64Var(&maxBody, "max-body", serve.DefaultMaxBody, "largest request body, in bytes")
	f.IntVar(&maxBatch, "max-batch", serve.DefaultMaxBatch, "most articles in one POST")
	f.BoolVar(&allowPrivate, "allow-private-feeds", os.Getenv("STORYLINE_ALLOW_PRIVATE_FEEDS") == "1",
		"let feeds and their pages be fetched from loopback, private and link-local addresses\n(or set STORYLINE_ALLOW_PRIVATE_FEEDS=1); off, only public addresses are fetched")
	f.StringVar(&feedsFile, "feeds", "", "file of RSS/Atom feed URLs to follow, one per line (# comments)")
	f.DurationVar(&feedInterval, "feed-interval", serve.DefaultFeedInterval, "time between two polls of a feed")
	f.DurationVar(&hostDelay, "host-delay", serve.DefaultHostDelay, "least time between two requests to one host")
	f.StringVar(&logFormat, "log-format", "text", "log as text or json (one object per line)")
	f.BoolVarP(&verbose, "verbose", "v", false, "log every request, /healthz and /metrics included, and every feed poll")
	return cmd
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func newLogger(w io.Writer, format string, verbose bool) (*slog.Logger, error) {
	opts := &slog.HandlerOptions{Level: slog.LevelInfo}
	if verbose {
		opts.Level = slog.LevelDebug
	}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, errors.New("--log-format: use text or json")
}
