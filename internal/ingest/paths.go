package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/storyline/storyline/internal/article"
)

// StdinPath names standard input among the inputs of a run.
const StdinPath = "-"

// Input is one file (or standard input) to read.
type Input struct {
	Path string
	Size int64 // bytes on disk, 0 for standard input
}

// knownExtensions are read when met while walking a folder; a file with any
// other extension is read only when named explicitly.
var knownExtensions = map[string]bool{
	".txt": true, ".text": true, ".html": true, ".htm": true, ".xhtml": true,
	".json": true, ".jsonl": true, ".ndjson": true,
}

// hasKnownExtension reports whether path (possibly ending in .gz) is of a
// format ingest reads.
func hasKnownExtension(path string) bool {
	return knownExtensions[formatExtension(path)]
}

// formatExtension is the lower-case extension that decides the format,
// looking through a trailing .gz.
func formatExtension(path string) string {
	p := strings.ToLower(path)
	p = strings.TrimSuffix(p, ".gz")
	return filepath.Ext(p)
}

// Expand resolves the arguments of a run into the inputs to read, in a stable
// order: each argument in turn, folders walked recursively in lexical order,
// globs expanded in lexical order. An argument that matches nothing gives an
// error and the others are still expanded.
func Expand(args []string) ([]Input, []*Error) {
	var inputs []Input
	var errs []*Error
	fail := func(path string, err error) {
		errs = append(errs, &Error{Source: article.Source{Path: path}, Err: err})
	}
	seen := map[string]bool{}
	add := func(path string, size int64) {
		if path != StdinPath {
			key, err := filepath.Abs(path)
			if err == nil {
				if seen[key] {
					return
				}
				seen[key] = true
			}
		}
		inputs = append(inputs, Input{Path: path, Size: size})
	}
	for _, arg := range args {
		if arg == StdinPath {
			add(StdinPath, 0)
			continue
		}
		paths := []string{arg}
		if strings.ContainsAny(arg, "*?[") {
			if _, err := os.Lstat(arg); err != nil { // a real file name may contain '['
				matches, err := filepath.Glob(arg)
				if err != nil {
					fail(arg, fmt.Errorf("bad pattern: %w", err))
					continue
				}
				if len(matches) == 0 {
					fail(arg, errors.New("no file matches"))
					continue
				}
				sort.Strings(matches)
				paths = matches
			}
		}
		for _, p := range paths {
			info, err := os.Stat(p)
			if err != nil {
				fail(p, unwrapPathError(err))
				continue
			}
			if !info.IsDir() {
				add(p, info.Size())
				continue
			}
			err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					fail(path, unwrapPathError(err))
					if d != nil && d.IsDir() {
						return fs.SkipDir
					}
					return nil
				}
				if d.IsDir() {
					if path != p && strings.HasPrefix(d.Name(), ".") {
						return fs.SkipDir // hidden folders (.git, .cache) hold no pages
					}
					return nil
				}
				if !d.Type().IsRegular() || !hasKnownExtension(path) {
					return nil
				}
				info, err := d.Info()
				if err != nil {
					fail(path, unwrapPathError(err))
					return nil
				}
				add(path, info.Size())
				return nil
			})
			if err != nil {
				fail(p, err)
			}
		}
	}
	return inputs, errs
}

// unwrapPathError drops the *fs.PathError wrapper, whose message repeats the
// path that our own messages already start with.
func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
