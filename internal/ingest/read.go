package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/storyline/storyline/internal/article"
)

// DefaultMaxBytes bounds one page (a text or HTML file, one JSON record).
// News pages are rarely over 2 MiB; a bigger input is almost always a dump
// or a mistake, and refusing it keeps memory bounded.
const DefaultMaxBytes = 8 << 20

// maxInflate bounds what a gzip'd input may expand to, and how much larger
// than its compressed size: a decompression bomb is refused, not read.
const (
	maxInflateBytes = 4 << 30
	maxInflateRatio = 200
	minInflateBytes = 64 << 20 // what a small file may still expand to
)

// Formats of raw input.
const (
	FormatText = "text"
	FormatHTML = "html"
	FormatJSON = "json"
)

// Record is one page as read from an input, before decoding.
type Record struct {
	Source    article.Source
	Format    string // text, html or json: how Raw is written
	Raw       []byte // the input exactly as read (the whole file, or one JSON record)
	ID        string
	URL       string
	Title     string
	Site      string
	Published time.Time
	Content   []byte // the page itself: text, or HTML when IsHTML
	IsHTML    bool
	Warning   string // a repair made while reading the record, or ""
}

// Error is a failure tied to one input, and to a line of it when known.
type Error struct {
	Source article.Source
	Err    error
}

func (e *Error) Error() string { return e.Source.String() + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Reader reads inputs into records.
type Reader struct {
	MaxBytes int64       // per page; DefaultMaxBytes when 0
	Stdin    io.Reader   // read for StdinPath
	OnRead   func(n int) // told of bytes read from disk, for progress; may be nil
	// StdinName names standard input in the sources of its records, for a
	// caller whose standard input is something else (the server's request
	// bodies and feed pages); StdinPath when empty.
	StdinName string
}

func (r *Reader) maxBytes() int64 {
	if r.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return r.MaxBytes
}

// Read reads one input and calls emit for each record in it, in order. A
// problem with one record of a multi-record input is passed to fail and
// reading goes on; a problem with the input as a whole is returned.
func (r *Reader) Read(in Input, emit func(Record), fail func(*Error)) error {
	var rc io.ReadCloser
	if in.Path == StdinPath {
		if r.Stdin == nil {
			return &Error{Source: article.Source{Path: in.Path}, Err: errors.New("no standard input")}
		}
		rc = io.NopCloser(r.Stdin)
	} else {
		f, err := os.Open(in.Path)
		if err != nil {
			return &Error{Source: article.Source{Path: in.Path}, Err: unwrapPathError(err)}
		}
		rc = f
	}
	defer rc.Close()
	src := article.Source{Path: in.Path}
	if in.Path == StdinPath && r.StdinName != "" {
		src.Path = r.StdinName
	}
	var body io.Reader = rc
	if r.OnRead != nil {
		body = &countingReader{r: rc, onRead: r.OnRead}
	}
	if strings.HasSuffix(strings.ToLower(in.Path), ".gz") {
		zr, err := gzip.NewReader(body)
		if err != nil {
			return &Error{Source: src, Err: fmt.Errorf("read gzip: %w", err)}
		}
		defer zr.Close()
		limit := int64(maxInflateBytes)
		if in.Size > 0 {
			limit = min(limit, max(in.Size*maxInflateRatio, minInflateBytes))
		}
		body = &inflateLimit{r: zr, left: limit, limit: limit}
	}
	br := bufio.NewReaderSize(body, 64<<10)

	format := formatOf(in.Path, br)
	switch format {
	case FormatJSON:
		if ext := formatExtension(in.Path); ext == ".jsonl" || ext == ".ndjson" {
			return r.readJSONLines(src, br, emit, fail)
		}
		return r.readJSON(src, br, emit, fail)
	default:
		if in.Size > r.maxBytes() && !strings.HasSuffix(strings.ToLower(in.Path), ".gz") {
			return &Error{Source: src, Err: tooLarge(in.Size, r.maxBytes())}
		}
		raw, err := io.ReadAll(io.LimitReader(br, r.maxBytes()+1))
		if err != nil {
			return &Error{Source: src, Err: fmt.Errorf("read: %w", unwrapPathError(err))}
		}
		if int64(len(raw)) > r.maxBytes() {
			return &Error{Source: src, Err: tooLarge(-1, r.maxBytes())}
		}
		emit(Record{
			Source:  src,
			Format:  format,
			Raw:     raw,
			ID:      contentID(raw),
			Content: raw,
			IsHTML:  format == FormatHTML,
		})
		return nil
	}
}

func tooLarge(size, limit int64) error {
	if size < 0 {
		return fmt.Errorf("too large: over the %s limit for one page (--max-bytes)", humanBytes(limit))
	}
	return fmt.Errorf("too large: %s, over the %s limit for one page (--max-bytes)", humanBytes(size), humanBytes(limit))
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// formatOf decides the format from the extension, or by looking at the first
// bytes when the extension says nothing (standard input, unknown names).
func formatOf(path string, br *bufio.Reader) string {
	switch formatExtension(path) {
	case ".txt", ".text":
		return FormatText
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".json", ".jsonl", ".ndjson":
		return FormatJSON
	}
	head, _ := br.Peek(512)
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	switch {
	case len(head) > 0 && (head[0] == '{' || head[0] == '['):
		return FormatJSON
	case len(head) > 0 && head[0] == '<' && looksLikeHTML(head):
		return FormatHTML
	}
	return FormatText
}

func looksLikeHTML(head []byte) bool {
	h := bytes.ToLower(head)
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<article", "<div", "<p>", "<!--"} {
		if bytes.Contains(h, []byte(tag)) {
			return true
		}
	}
	return false
}

// contentID is the id of a page that states none: a hash of its bytes, so
// ingesting the same page again gives the same id.
func contentID(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// readJSONLines reads one JSON object per line. A line that does not parse is
// reported with its number and skipped.
func (r *Reader) readJSONLines(src article.Source, br *bufio.Reader, emit func(Record), fail func(*Error)) error {
	limit := r.maxBytes()
	for lineNo := 1; ; lineNo++ {
		line, tooLong, err := readLine(br, limit)
		if err == io.EOF && line == nil && !tooLong {
			return nil
		}
		lsrc := article.Source{Path: src.Path, Line: lineNo}
		switch {
		case tooLong:
			fail(&Error{Source: lsrc, Err: tooLarge(-1, limit)})
		case len(bytes.TrimSpace(line)) > 0:
			rec, perr := parseRecord(line)
			if perr != nil {
				fail(&Error{Source: lsrc, Err: perr})
			} else {
				rec.Source = lsrc
				emit(rec)
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return &Error{Source: lsrc, Err: fmt.Errorf("read: %w", err)}
		}
	}
}

// readLine reads up to and without the next newline. A line longer than limit
// is discarded up to its end and reported as too long.
func readLine(br *bufio.Reader, limit int64) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			// Room for the line and its "\r\n", trimmed below.
			if int64(len(buf)+len(chunk)) > limit+2 {
				tooLong = true
				buf = nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		buf = bytes.TrimRight(buf, "\r\n")
		if int64(len(buf)) > limit {
			tooLong, buf = true, nil
		}
		if err == io.EOF && len(buf) == 0 && !tooLong {
			return nil, false, io.EOF
		}
		return buf, tooLong, err
	}
}

// readJSON reads a JSON document: one object, an array of objects, or
// several objects one after another (JSON Lines in a .json file). A record
// that is valid JSON but not an article is reported and skipped; a syntax
// error ends the file, since a JSON decoder cannot find its footing after one.
func (r *Reader) readJSON(src article.Source, br *bufio.Reader, emit func(Record), fail func(*Error)) error {
	head, _ := br.Peek(64)
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	if len(head) == 0 {
		return &Error{Source: src, Err: ErrEmpty}
	}
	// The decoder holds a whole value in memory before handing it over: the
	// counter refuses to feed it more than a record's worth past the last
	// value, so a huge object (or a run of gigabytes of spaces) in a .json
	// file is refused instead of read into memory.
	counter := &lineCounter{r: br, limit: r.maxBytes() + valueSlack}
	dec := json.NewDecoder(counter)
	counter.pos = dec.InputOffset
	syntaxError := func(err error) error {
		s := article.Source{Path: src.Path, Line: counter.lineAt(dec.InputOffset())}
		switch {
		case errors.Is(err, errValueTooLarge):
			s.Line = counter.lineOfNext(dec.InputOffset())
			return &Error{Source: s, Err: tooLarge(-1, r.maxBytes())}
		case errors.Is(err, errInflated):
			return &Error{Source: s, Err: err}
		}
		return &Error{Source: s, Err: fmt.Errorf("not valid JSON: %w", err)}
	}
	next := func() (json.RawMessage, int, error) {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, 0, err
		}
		start := dec.InputOffset() - int64(len(raw))
		return raw, counter.lineAt(start), nil
	}
	handle := func(raw json.RawMessage, line int) {
		s := article.Source{Path: src.Path, Line: line}
		if int64(len(raw)) > r.maxBytes() {
			fail(&Error{Source: s, Err: tooLarge(int64(len(raw)), r.maxBytes())})
			return
		}
		rec, err := parseRecord(raw)
		if err != nil {
			fail(&Error{Source: s, Err: err})
			return
		}
		rec.Source = s
		emit(rec)
	}
	if head[0] == '[' {
		if _, err := dec.Token(); err != nil {
			return syntaxError(err)
		}
		for dec.More() {
			raw, line, err := next()
			if err != nil {
				return syntaxError(err)
			}
			handle(raw, line)
		}
		if _, err := dec.Token(); err != nil {
			return syntaxError(err)
		}
		return nil
	}
	for {
		raw, line, err := next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return syntaxError(err)
		}
		handle(raw, line)
	}
}

// lineCounter counts newlines in what a decoder consumed, to report lines,
// and stops the decoder from buffering more than limit bytes past pos.
type lineCounter struct {
	r      io.Reader
	pos    func() int64 // the decoder's offset: lines before it are not asked for again
	limit  int64
	lines  int    // newlines before base
	base   int64  // offset of window[0]
	window []byte // what was read from base on, newlines not yet counted
	read   int64
}

// valueSlack is what a JSON value may take beyond the page limit before the
// reading stops: the spaces around it. A value between the limit and this
// is refused by its length once read.
const valueSlack = 64 << 10

// errValueTooLarge stops a decoder whose next value outgrows the limit.
var errValueTooLarge = errors.New("JSON value too large")

func (c *lineCounter) Read(p []byte) (int, error) {
	if c.pos != nil {
		pos := c.pos()
		c.forget(pos)
		if c.read-pos > c.limit {
			return 0, errValueTooLarge
		}
	}
	n, err := c.r.Read(p)
	c.window = append(c.window, p[:n]...)
	c.read += int64(n)
	return n, err
}

// forget counts the newlines before offset off and lets go of those bytes:
// the window stays as small as the value being decoded.
func (c *lineCounter) forget(off int64) {
	n := min(off-c.base, int64(len(c.window)))
	if n <= 0 {
		return
	}
	c.lines += bytes.Count(c.window[:n], []byte{'\n'})
	c.window = append(c.window[:0], c.window[n:]...)
	c.base += n
}

// lineOfNext is the line of the first byte at or after off that is not a
// space: where the value the decoder is reading starts.
func (c *lineCounter) lineOfNext(off int64) int {
	line := c.lineAt(off)
	for _, b := range c.window {
		switch b {
		case '\n':
			line++
		case ' ', '\t', '\r':
		default:
			return line
		}
	}
	return line
}

// lineAt is the 1-based line holding byte offset off. Offsets asked for
// never decrease, nor fall before the decoder's offset at the last read.
func (c *lineCounter) lineAt(off int64) int {
	c.forget(off)
	return c.lines + 1
}

// jsonRecord is the shape of one article in JSON input. Fields other than
// these (gold labels among them) are ignored.
type jsonRecord struct {
	ID        json.RawMessage `json:"id"`
	URL       string          `json:"url"`
	Title     string          `json:"title"`
	Text      string          `json:"text"`
	HTML      string          `json:"html"`
	Published json.RawMessage `json:"published"`
	Date      json.RawMessage `json:"date"`
	Source    string          `json:"source"`
}

func parseRecord(raw []byte) (Record, error) {
	// encoding/json silently turns invalid UTF-8 into U+FFFD. Crawled
	// records hold Latin-1 bytes more often than anything else, so they are
	// read as DecodeText reads them, and the user is told.
	body, warning := raw, ""
	if !utf8.Valid(raw) {
		invalid := countInvalid(raw)
		body, warning = []byte(repairBytes(raw, invalid)), repairedWarning(invalid)
	}
	var jr jsonRecord
	if err := json.Unmarshal(body, &jr); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return Record{}, fmt.Errorf("not valid JSON at byte %d: %v", se.Offset, se)
		}
		return Record{}, fmt.Errorf("not an article record: %v", err)
	}
	rec := Record{
		Format:  FormatJSON,
		Raw:     append([]byte(nil), raw...),
		URL:     strings.TrimSpace(jr.URL),
		Title:   strings.TrimSpace(jr.Title),
		Site:    strings.TrimSpace(jr.Source),
		Warning: warning,
	}
	switch {
	case strings.TrimSpace(jr.HTML) != "":
		rec.Content, rec.IsHTML = []byte(jr.HTML), true
	case strings.TrimSpace(jr.Text) != "":
		rec.Content = []byte(jr.Text)
	default:
		return Record{}, errors.New(`record has neither "text" nor "html"`)
	}
	id, err := jsonID(jr.ID)
	if err != nil {
		return Record{}, err
	}
	if id == "" {
		id = contentID(rec.Content)
	}
	rec.ID = id
	pub := jr.Published
	if len(pub) == 0 || string(pub) == "null" {
		pub = jr.Date
	}
	if t, err := parseTimeValue(pub); err != nil {
		return Record{}, fmt.Errorf("published: %v", err)
	} else {
		rec.Published = t
	}
	return rec, nil
}

func jsonID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return strings.TrimSpace(s), nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", fmt.Errorf(`"id" must be a string or a number, not %s`, raw)
}

// timeLayouts are the ways metadata states a publication time.
var timeLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05",
	"2006-01-02T15:04", "2006-01-02", time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822,
	"Mon, 2 Jan 2006 15:04:05 -0700", "2006-01",
}

// parseTimeValue reads a publication time given as a string or as Unix
// seconds. A value that is there but cannot be read is an error, so a user
// learns their field is ignored.
func parseTimeValue(raw json.RawMessage) (time.Time, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return time.Time{}, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		var n json.Number
		if err := json.Unmarshal(raw, &n); err != nil {
			return time.Time{}, fmt.Errorf("not a time: %s", raw)
		}
		sec, err := strconv.ParseFloat(n.String(), 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("not a time: %s", raw)
		}
		if sec > 1e11 { // milliseconds
			sec /= 1000
		}
		return time.Unix(int64(sec), 0).UTC(), nil
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("cannot read %q as a time (use RFC 3339, e.g. 2020-09-14T10:00:00Z)", s)
}

// errInflated is the error of a gzip'd input that decompresses to more
// than its limit.
var errInflated = errors.New("refused as a decompression bomb")

// inflateLimit stops reading a decompressed stream past a limit.
type inflateLimit struct {
	r     io.Reader
	left  int64
	limit int64
}

func (l *inflateLimit) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, fmt.Errorf("%w: decompresses to more than %s (%d times its size, at least %s)",
			errInflated, humanBytes(l.limit), maxInflateRatio, humanBytes(minInflateBytes))
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

// countingReader reports the bytes it reads.
type countingReader struct {
	r      io.Reader
	onRead func(int)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 {
		c.onRead(n)
	}
	return n, err
}
