package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// ErrEmpty and ErrBinary are the two ways an input can hold no text at all.
var (
	ErrEmpty  = errors.New("empty: no text in it")
	ErrBinary = errors.New("binary content, not text")
)

// Decoded is text decoded from an input's bytes, with a note of any repair.
type Decoded struct {
	Text     string
	Charset  string // the encoding the bytes were read as
	Repaired int    // invalid UTF-8 sequences replaced (read as Windows-1252)
	Mojibake int    // "Ã©"-style double-encoded sequences undone
}

// Warning describes a repair worth telling the user about, or "".
func (d Decoded) Warning() string {
	var parts []string
	if d.Repaired > 0 {
		parts = append(parts, repairedWarning(d.Repaired))
	}
	if d.Mojibake > 0 {
		parts = append(parts, fmt.Sprintf("undid %d double-encoded character(s)", d.Mojibake))
	}
	return strings.Join(parts, ", ")
}

// DecodeText turns the bytes of a text input into valid UTF-8. The encoding
// is taken from a byte-order mark when there is one; otherwise UTF-8 is
// assumed and invalid bytes are repaired one by one as Windows-1252 (the
// usual source of stray bytes in crawled text), or the whole input is read as
// Windows-1252 when it holds no valid multi-byte UTF-8 at all (a legacy file).
func DecodeText(b []byte) (Decoded, error) {
	d, err := decodeText(b)
	if err == nil && strings.TrimSpace(d.Text) == "" {
		return Decoded{}, ErrEmpty // a byte-order mark and nothing else
	}
	return d, err
}

func decodeText(b []byte) (Decoded, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return Decoded{}, ErrEmpty
	}
	if enc, name, bomLen := bomEncoding(b); enc != nil {
		if name == "utf-8" {
			return repairUTF8(b[bomLen:])
		}
		out, _, err := transform.Bytes(enc.NewDecoder(), b)
		if err != nil {
			return Decoded{}, fmt.Errorf("decode %s: %w", name, err)
		}
		d, err := repairUTF8(out)
		d.Charset = name
		return d, err
	}
	if looksBinary(b) {
		return Decoded{}, ErrBinary
	}
	return repairUTF8(b)
}

// bomEncoding recognises a byte-order mark.
func bomEncoding(b []byte) (encoding.Encoding, string, int) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return unicode.UTF8, "utf-8", 3
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le", 2
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be", 2
	}
	return nil, "", 0
}

// looksBinary reports whether b is not text: NUL bytes, or many control
// characters, in its first 8 KiB. Text in UTF-16 without a byte-order mark is
// rare enough in news crawls to be refused here too.
func looksBinary(b []byte) bool {
	if len(b) > 8192 {
		b = b[:8192]
	}
	control := 0
	for _, c := range b {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1b {
			control++
		}
	}
	return control > len(b)/20
}

// repairUTF8 returns b as valid UTF-8, repairing invalid bytes.
func repairUTF8(b []byte) (Decoded, error) {
	if utf8.Valid(b) {
		text, n := undoMojibake(string(b))
		return Decoded{Text: text, Charset: "utf-8", Mojibake: n}, nil
	}
	multibyte, invalid := 0, 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			invalid++
		case size > 1:
			multibyte++
		}
		i += max(size, 1)
	}
	if multibyte == 0 {
		out, err := charmap.Windows1252.NewDecoder().Bytes(b)
		if err != nil {
			return Decoded{}, fmt.Errorf("decode windows-1252: %w", err)
		}
		// The encoding is a guess: the user hears of it as of stray bytes.
		return Decoded{Text: string(out), Charset: "windows-1252", Repaired: invalid}, nil
	}
	text, n := undoMojibake(repairBytes(b, invalid))
	return Decoded{Text: text, Charset: "utf-8", Repaired: invalid, Mojibake: n}, nil
}

// repairBytes reads each byte of b that is not part of valid UTF-8 as
// Windows-1252; invalid is how many there are, to size the result.
func repairBytes(b []byte, invalid int) string {
	var sb strings.Builder
	sb.Grow(len(b) + invalid*2)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			sb.WriteRune(windows1252Rune(b[i]))
			i++
			continue
		}
		sb.Write(b[i : i+size])
		i += size
	}
	return sb.String()
}

// countInvalid counts the bytes of b that are not part of valid UTF-8.
func countInvalid(b []byte) int {
	invalid := 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			invalid++
		}
		i += max(size, 1)
	}
	return invalid
}

// repairedWarning is the warning for n invalid UTF-8 sequences repaired.
func repairedWarning(n int) string {
	return fmt.Sprintf("repaired %d invalid UTF-8 sequence(s)", n)
}

// windows1252Rune reads one byte as Windows-1252; bytes that map to nothing
// there become U+FFFD.
func windows1252Rune(c byte) rune {
	r := charmap.Windows1252.DecodeByte(c)
	if r == 0 || (c >= 0x80 && c < 0xA0 && r == rune(c)) {
		return utf8.RuneError
	}
	return r
}

// mojibakeMarkers are the first characters of UTF-8 sequences for Latin
// letters once misread as Windows-1252: "Ã©" for "é", "â€™" for "’".
var mojibakeMarkers = []string{"Ã", "Â", "â€", "Å", "Ä"}

// undoMojibake reverses text that was UTF-8, read as Windows-1252 and written
// again as UTF-8 ("rÃ©sumÃ©"). Each run of such characters is encoded back
// to Windows-1252 bytes and kept only if those bytes are valid UTF-8, so
// genuine "Ã" in Portuguese or "Å" in Swedish text is left alone.
func undoMojibake(s string) (string, int) {
	found := false
	for _, m := range mojibakeMarkers {
		if strings.Contains(s, m) {
			found = true
			break
		}
	}
	if !found {
		return s, 0
	}
	enc := charmap.Windows1252.NewEncoder()
	var sb strings.Builder
	fixed := 0
	runes := []rune(s)
	for i := 0; i < len(runes); {
		r := runes[i]
		if r < 0xC2 || r > 0xF4 {
			sb.WriteRune(r)
			i++
			continue
		}
		// A lead byte of a 2-, 3- or 4-byte sequence, followed by that many
		// continuation bytes as read through Windows-1252.
		need := 1
		if r >= 0xE0 {
			need = 2
		}
		if r >= 0xF0 {
			need = 3
		}
		if i+need >= len(runes) {
			sb.WriteRune(r)
			i++
			continue
		}
		chunk := string(runes[i : i+need+1])
		raw, err := enc.String(chunk)
		if err == nil && len(raw) == need+1 && utf8.ValidString(raw) {
			if dr, _ := utf8.DecodeRuneInString(raw); dr >= 0x80 {
				sb.WriteString(raw)
				fixed++
				i += need + 1
				continue
			}
		}
		sb.WriteRune(r)
		i++
	}
	return sb.String(), fixed
}
