package dedup

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline/internal/fold"
)

// signatureVersion names the shingling and hashing scheme in MarshalBinary, so
// that a store never compares signatures made by different schemes.
const signatureVersion = 1

// Signature is a MinHash sketch of the shingle set of one text: Size 32-bit
// values, compared position by position. It is a plain array, so signatures
// can be compared with ==, copied, used as map keys and persisted with
// MarshalBinary. The zero Signature stands for a text without words; it is
// similar to nothing, not even to itself.
//
// The sketch is one-permutation MinHash with optimal densification
// (Li, Owen & Zhang 2012; Shrivastava 2017): each shingle is hashed once, the
// top bits of the hash choose one of Size bins and each bin keeps its
// smallest value; an empty bin borrows the value of the first non-empty bin on
// a probe sequence that depends only on the bin. The chance that two
// signatures agree at a position is the Jaccard similarity of the two shingle
// sets, as with Size independent permutations, at the cost of one hash per
// shingle instead of Size.
type Signature struct {
	Values [Size]uint32
}

// Sign returns the signature of text. Text is folded (case, accents, quotes)
// and split into words at every rune that is not a letter, digit or
// combining mark, so punctuation, spacing and line breaks do not matter.
// Each run of ShingleWords consecutive words is one shingle; a text with
// fewer words is one shingle of all its words, and a text with no words has
// the zero Signature. Several texts are signed as one, a line break
// between each (a title and a body, without copying them together).
func Sign(texts ...string) Signature {
	var sk sketch
	var (
		w    [ShingleWords]uint64 // hashes of the last words, oldest first
		n    int                  // words seen
		from = -1                 // start of the current word, or -1
	)
	endWord := func(word string) {
		copy(w[:], w[1:])
		w[ShingleWords-1] = wordHash(word)
		n++
		if n >= ShingleWords {
			sk.add(shingleHash(&w))
		}
	}
	for _, text := range texts {
		for i := 0; i < len(text); {
			c := text[i]
			isWord, size := false, 1
			if c < utf8.RuneSelf {
				isWord = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
			} else {
				var r rune
				r, size = utf8.DecodeRuneInString(text[i:])
				isWord = unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
			}
			switch {
			case isWord && from < 0:
				from = i
			case !isWord && from >= 0:
				endWord(text[from:i])
				from = -1
			}
			i += size
		}
		if from >= 0 {
			endWord(text[from:])
			from = -1
		}
	}

	switch {
	case n == 0:
		return Signature{}
	case n < ShingleWords:
		// One shingle of all the words, hashed apart from full shingles.
		var short [ShingleWords]uint64
		copy(short[:], w[ShingleWords-n:])
		sk.add(mix64(shingleHash(&short) ^ uint64(n)))
	}
	return sk.signature()
}

// wordHash returns the FNV-1a hash of the folded word, mixed. Pure ASCII
// words are lower-cased here, which is all fold.String does to them, because
// folding the whole text took half of the time of Sign; other words go
// through fold.String.
func wordHash(word string) uint64 {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			h = offset
			folded := fold.String(word)
			for j := 0; j < len(folded); j++ {
				h = (h ^ uint64(folded[j])) * prime
			}
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * prime
	}
	return mix64(h)
}

// shingleHash hashes a run of word hashes, in order: a multilinear
// combination with fixed odd multipliers, then mixed.
func shingleHash(w *[ShingleWords]uint64) uint64 {
	h := uint64(0)
	for i, x := range w {
		h += x * shingleMultipliers[i]
	}
	return mix64(h)
}

var shingleMultipliers = [...]uint64{
	0x9e3779b97f4a7c15, 0xc2b2ae3d27d4eb4f, 0x165667b19e3779f9,
	0xd6e8feb86659fd93, 0xa0761d6478bd642f, 0xe7037ed1a0b428db,
	0x8ebc6af09c88c6e3, 0x589965cc75374cc3,
}

// ShingleWords may not exceed the multipliers: this fails to compile if it does.
var _ = shingleMultipliers[ShingleWords-1]

// sketch accumulates one-permutation MinHash bins.
type sketch struct {
	bins   [Size]uint32
	filled [Size]bool
}

// add puts the shingle hash h in its bin: the top bits choose the bin, the
// low bits are the value, kept if smallest.
func (sk *sketch) add(h uint64) {
	b := h >> (64 - binBits)
	v := uint32(h) | 1 // never 0, so only a wordless text signs to zero
	if !sk.filled[b] || v < sk.bins[b] {
		sk.bins[b], sk.filled[b] = v, true
	}
}

// signature densifies the bins: an empty bin takes the value of the first
// filled bin on its own probe sequence. At least one bin must be filled.
func (sk *sketch) signature() Signature {
	var s Signature
	for i := range s.Values {
		j := uint64(i)
		for attempt := uint64(1); !sk.filled[j]; attempt++ {
			j = mix64(uint64(i)<<32|attempt) >> (64 - binBits)
		}
		s.Values[i] = sk.bins[j]
	}
	return s
}

// mix64 is the splitmix64 finaliser: a cheap bijection whose output bits all
// depend on all input bits.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// IsZero reports whether s is the signature of a text without words.
func (s Signature) IsZero() bool { return s == Signature{} }

// Similarity estimates the Jaccard similarity of the shingle sets behind s
// and o: the fraction of positions where they agree. It is 1 for texts that
// fold to the same words and 0 when either signature is zero.
func (s Signature) Similarity(o Signature) float64 {
	if s.IsZero() || o.IsZero() {
		return 0
	}
	return float64(s.agreements(&o)) / Size
}

func (s *Signature) agreements(o *Signature) int {
	return s.agreementsAtLeast(o, 0)
}

// agreementsAtLeast counts the positions where s and o agree, but may stop
// early with a count below need once need can no longer be reached: most
// candidates an Index verifies are far from need.
func (s *Signature) agreementsAtLeast(o *Signature, need int) int {
	const chunk = 16
	n := 0
	for i := 0; i < Size; i += chunk {
		for j := i; j < i+chunk; j++ {
			if s.Values[j] == o.Values[j] {
				n++
			}
		}
		if n+Size-(i+chunk) < need {
			return n
		}
	}
	return n
}

// MarshalBinary encodes s as a version byte followed by Size little-endian
// 32-bit values.
func (s Signature) MarshalBinary() ([]byte, error) {
	b := make([]byte, 1, 1+4*Size)
	b[0] = signatureVersion
	for _, v := range s.Values {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return b, nil
}

// UnmarshalBinary decodes a signature written by MarshalBinary. It refuses
// signatures of another scheme version, which cannot be compared with
// signatures made by this one.
func (s *Signature) UnmarshalBinary(b []byte) error {
	if len(b) != 1+4*Size {
		return fmt.Errorf("dedup: signature is %d bytes, want %d", len(b), 1+4*Size)
	}
	if b[0] != signatureVersion {
		return errors.New("dedup: signature made by another version; sign the text again")
	}
	for i := range s.Values {
		s.Values[i] = binary.LittleEndian.Uint32(b[1+4*i:])
	}
	return nil
}
