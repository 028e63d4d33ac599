// Package ingest turns the inputs of a run — files, folders, globs, standard
// input — into records: one per news page, with the raw bytes kept, the text
// decoded to UTF-8, and whatever metadata the input states (id, url, title,
// publication time, source). Cleaning the text is the next stage's work.
//
// Supported formats: plain text (.txt), HTML (.html, .htm; main content
// extracted with go-trafilatura), JSON (.json: one object or an array of
// objects) and JSON Lines (.jsonl, .ndjson), each optionally gzip-compressed
// (.gz). Inputs of another extension are sniffed when named explicitly and
// skipped when met while walking a folder.
package ingest
