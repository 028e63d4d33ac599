package analysis

import (
	"sync"
	"sync/atomic"
)

// termCache remembers the term of each token an Analyzer has seen. Stemming
// a word costs about a microsecond, a lookup a few nanoseconds, and news
// vocabulary repeats: after a few articles nearly every token is a hit.
//
// Hits read an immutable map through an atomic pointer, without locks, so
// goroutines analysing articles in parallel do not contend on frequent
// words. New terms go to a small map behind a mutex, which is merged into
// a fresh immutable map once it holds a quarter as many entries; the
// copying costs each term a few more map insertions over its life. The
// cache never exceeds cacheLimit terms: when a merge would, only the new
// terms and a random sample of the old ones are kept.
type termCache struct {
	frozen atomic.Pointer[map[string]string]
	mu     sync.Mutex
	fresh  map[string]string // guarded by mu
}

// cacheLimit bounds the terms cached per language (about 5 MB).
const cacheLimit = 1 << 16

// minFresh is how many new terms wait before a merge.
const minFresh = 256

func (c *termCache) get(tok string) (string, bool) {
	if m := c.frozen.Load(); m != nil {
		if term, ok := (*m)[tok]; ok {
			return term, true
		}
	}
	c.mu.Lock()
	term, ok := c.fresh[tok]
	c.mu.Unlock()
	return term, ok
}

// put records term for tok; tok must not share memory with an article, or
// the cache would keep the article alive.
func (c *termCache) put(tok, term string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.fresh == nil {
		c.fresh = make(map[string]string, minFresh)
	}
	c.fresh[tok] = term
	var old map[string]string
	if m := c.frozen.Load(); m != nil {
		old = *m
	}
	if len(c.fresh) < max(minFresh, len(old)/4) {
		return
	}
	keep := len(old)
	if keep+len(c.fresh) > cacheLimit {
		keep = max(0, cacheLimit/2-len(c.fresh))
	}
	merged := make(map[string]string, keep+len(c.fresh))
	for k, v := range old { // map order is random: a random sample
		if len(merged) == keep {
			break
		}
		merged[k] = v
	}
	for k, v := range c.fresh {
		merged[k] = v
	}
	c.frozen.Store(&merged)
	c.fresh = make(map[string]string, minFresh)
}
