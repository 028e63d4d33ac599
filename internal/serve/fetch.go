package serve

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"syscall"
	"time"
)

// The server fetches what feeds, and whoever holds the token, point it at.
// Unless told otherwise (Config.AllowPrivateFeeds), it connects to public
// addresses only, so that a feed cannot make it reach what only the host
// can: its loopback services, the private network, a cloud's metadata
// service (server-side request forgery). The address is checked when the
// connection is made (net.Dialer.Control), after name resolution: a name
// that resolves to a private address, one that changes its answer between
// two lookups (DNS rebinding), and a redirect to such a place are all
// refused, for feeds and pages alike.

// nonPublic are the address ranges that the server does not connect to
// unless allowed: IANA's special-purpose registries, less what routes to
// the Internet.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"; 0.0.0.0 reaches the host itself
	netip.MustParsePrefix("10.0.0.0/8"),      // private
	netip.MustParsePrefix("100.64.0.0/10"),   // shared address space (carrier-grade NAT)
	netip.MustParsePrefix("127.0.0.0/8"),     // loopback
	netip.MustParsePrefix("169.254.0.0/16"),  // link-local, cloud metadata (169.254.169.254)
	netip.MustParsePrefix("172.16.0.0/12"),   // private
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("192.88.99.0/24"),  // 6to4 relay anycast (deprecated)
	netip.MustParsePrefix("192.168.0.0/16"),  // private
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("224.0.0.0/4"),     // multicast
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, broadcast
	netip.MustParsePrefix("::/96"),           // unspecified, loopback, IPv4-compatible (deprecated)
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use IPv4/IPv6 translation
	netip.MustParsePrefix("100::/64"),        // discard
	netip.MustParsePrefix("2001::/23"),       // IETF protocol assignments (Teredo, benchmarking, ORCHID…)
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("fc00::/7"),        // unique local (private)
	netip.MustParsePrefix("fe80::/10"),       // link-local
	netip.MustParsePrefix("ff00::/8"),        // multicast
}

// nat64 is the well-known prefix of IPv4 addresses translated into IPv6
// (on IPv6-only networks, every IPv4 site is reached through it): the
// IPv4 address it carries decides.
var nat64 = netip.MustParsePrefix("64:ff9b::/96")

// isPublic reports whether the server may connect to addr without being
// allowed private addresses.
func isPublic(addr netip.Addr) bool {
	addr = addr.Unmap() // ::ffff:127.0.0.1 is 127.0.0.1
	if addr.Zone() != "" {
		return false // scoped to a local interface
	}
	if nat64.Contains(addr) {
		b := addr.As16()
		addr = netip.AddrFrom4([4]byte(b[12:]))
	}
	if !addr.IsValid() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(addr) {
			return false
		}
	}
	return true
}

// errNotPublic is wrapped in the error of a connection refused by the
// address check.
var errNotPublic = errors.New("not a public address")

// refusePrivate is a net.Dialer.Control that refuses connections to any
// address that is not public, after name resolution.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("connect to %s: %w", address, err)
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("connect to %s: %w", address, err)
	}
	if !isPublic(addr) {
		return fmt.Errorf("connection to %s refused: %w (loopback, private, link-local or reserved; storyline serve --allow-private-feeds allows it)", addr, errNotPublic)
	}
	return nil
}

// checkFeedHost refuses at once a feed whose host is an address that is
// not public, or names the host itself, when private addresses are not
// allowed; other names are checked when connecting.
func checkFeedHost(host string) error {
	h := strings.TrimSuffix(strings.ToLower(host), ".")
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return fmt.Errorf("%s is this host: %w (storyline serve --allow-private-feeds allows it)", host, errNotPublic)
	}
	if addr, err := netip.ParseAddr(strings.Trim(h, "[]")); err == nil && !isPublic(addr) {
		return fmt.Errorf("%s is %w (loopback, private, link-local or reserved; storyline serve --allow-private-feeds allows it)", host, errNotPublic)
	}
	return nil
}

// Limits of the fetch client besides the whole request's timeout.
const (
	fetchDialTimeout      = 10 * time.Second
	fetchTLSTimeout       = 10 * time.Second
	fetchMaxHeaderBytes   = 1 << 20
	fetchIdleConnTimeout  = 90 * time.Second
	fetchMaxRedirects     = 5
	fetchMaxIdlePerHost   = 2
	fetchExpectContinue   = time.Second
	fetchKeepAliveProbing = 30 * time.Second
)

// newFetchClient is the client for feeds and pages: bounded in time (the
// whole exchange, body included, within timeout; connecting, the TLS
// handshake and the response's headers each bounded too), at most five
// redirects, never to a scheme other than http or https, and, unless
// allowPrivate, only to public addresses. It ignores HTTP_PROXY and the
// like: a proxy resolves names itself, out of reach of the address check.
func newFetchClient(timeout time.Duration, allowPrivate bool) *http.Client {
	if allowPrivate {
		return newFetchClientWith(timeout, nil)
	}
	return newFetchClientWith(timeout, refusePrivate)
}

// newFetchClientWith is newFetchClient with control checking each
// connection's address (none when nil).
func newFetchClientWith(timeout time.Duration, control func(network, address string, c syscall.RawConn) error) *http.Client {
	dialer := &net.Dialer{Timeout: min(timeout, fetchDialTimeout), KeepAlive: fetchKeepAliveProbing, Control: control}
	transport := &http.Transport{
		Proxy:                  nil,
		DialContext:            dialer.DialContext,
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    min(timeout, fetchTLSTimeout),
		ResponseHeaderTimeout:  timeout,
		ExpectContinueTimeout:  fetchExpectContinue,
		IdleConnTimeout:        fetchIdleConnTimeout,
		MaxIdleConnsPerHost:    fetchMaxIdlePerHost,
		MaxResponseHeaderBytes: fetchMaxHeaderBytes,
	}
	return &http.Client{
		Timeout:   timeout,
		Transport: transport,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= fetchMaxRedirects {
				return fmt.Errorf("more than %d redirects", fetchMaxRedirects)
			}
			if _, err := httpURL(req.URL.String()); err != nil {
				return fmt.Errorf("redirect refused: %v", err)
			}
			return nil
		},
	}
}
