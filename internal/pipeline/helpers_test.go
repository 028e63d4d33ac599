package pipeline

import (
	"io"

	"github.com/storyline/storyline/internal/ingest"
)

func readerWithStdin(r io.Reader) ingest.Reader { return ingest.Reader{Stdin: r} }
