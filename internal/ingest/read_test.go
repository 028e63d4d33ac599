package ingest

import (
	"strings"
	"testing"
)

// TestReaderStdinName checks that records read from standard input carry
// the name the caller gave it (the server names request bodies after the
// API), and that the format is still decided by the content.
func TestReaderStdinName(t *testing.T) {
	for _, name := range []string{"", "api", "https://example.org/feed.xml.gz"} {
		r := Reader{Stdin: strings.NewReader(`{"id": "a", "text": "Un texte."}` + "\n" + `{"id": "b", "text": "Un autre."}`), StdinName: name}
		var got []Record
		err := r.Read(Input{Path: StdinPath}, func(rec Record) { got = append(got, rec) }, func(e *Error) { t.Errorf("record error: %v", e) })
		if err != nil {
			t.Fatalf("StdinName %q: %v", name, err)
		}
		want := name
		if want == "" {
			want = StdinPath
		}
		if len(got) != 2 || got[0].Source.Path != want || got[1].Source.Path != want || got[1].Source.Line != 2 || got[1].ID != "b" {
			t.Errorf("StdinName %q: records %+v, want two JSON records from %q", name, got, want)
		}
	}
}
