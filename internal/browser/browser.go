// Package browser runs Debian's headless Chromium on local pages, for the
// tests that check what a reader's browser makes of storyline's HTML (the
// report, the web page): the DOM after parsing and a screenshot.
package browser

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"time"
)

// ErrNotFound is returned by Find when no Chromium is installed.
var ErrNotFound = errors.New("neither chromium nor chromium-browser is in PATH (apt-get install chromium)")

// Required reports whether a missing browser must fail the tests rather
// than skip them: CI sets STORYLINE_REQUIRE_CHROMIUM=1 after installing it.
func Required() bool { return os.Getenv("STORYLINE_REQUIRE_CHROMIUM") == "1" }

// Find returns the path of the Chromium binary.
func Find() (string, error) {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path, nil
		}
	}
	return "", ErrNotFound
}

// Run opens one page (a local file path or an http URL) in a headless
// browser with a fresh profile in profileDir and returns what it printed:
// the DOM with "--dump-dom", nothing with "--screenshot=FILE". Chromium is
// noisy on stderr; that noise is returned only when it fails.
func Run(ctx context.Context, browser, page, profileDir string, extra ...string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--disable-component-update", "--no-first-run",
		"--user-data-dir=" + profileDir}, extra...)
	if !strings.Contains(page, "://") {
		page = (&url.URL{Scheme: "file", Path: page}).String()
	}
	args = append(args, page)
	cmd := exec.CommandContext(ctx, browser, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("%s %s: %w\n%s", browser, strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String(), nil
}
