// Package dedup recognises exact copies and near-copies of articles — the same
// wire story republished with a new headline, a sentence added or dropped, a
// number corrected, other site furniture — so that a story counts sources, not
// copies. Rewrites of the same event in other words are not copies and are
// left to story detection.
//
// A text is reduced to a Signature: a MinHash sketch of the set of its
// overlapping word 5-grams (shingles). Two signatures estimate the Jaccard
// similarity of the two shingle sets; an Index finds, for each new signature,
// an earlier one at or above Threshold through LSH banding, so the cost of an
// Add does not grow with the number of documents indexed.
//
// Sketch and index are hand-written (about 250 lines) because no Go package
// fits: github.com/dgryski/go-minhash and github.com/ekzhu/minhash-lsh, the
// ones on the module proxy, have not changed since 2017; they hash each
// shingle once per signature value, Size times the work of the
// one-permutation scheme used here, and ekzhu's index is built in batches
// (Add, then a sorting Index before any Query) where ours answers each Add.
package dedup

// Parameters that decide quality. The evidence is ECB+ (982 English articles,
// 43 topics of two gold events each, ../../../shared/data/ecbplus.jsonl),
// where some articles are the same wire story republished by several sites.
// TestThresholdEvidence prints, for each threshold, the pairs of articles
// that reach it and how many of them are copies or rewrites by an
// independent judge: the share of 8-word runs of one text found verbatim in
// the other (copies ≥ 50%, rewrites < 30%). By the exact Jaccard similarity
// of 5-word shingle sets:
//
//	threshold  pairs  same event  copies  rewrites
//	     0.20    130         130      88        11
//	     0.25    106         106      83         0
//	     0.30     86          86      72         0
//	     0.40     48          48      46         0
//	     0.50     36          36      36         0
//	     0.70     20          20      20         0
//
// No pair of articles on different topics exceeds 0.031 (TestUnrelated).
const (
	// ShingleWords is the number of folded words per shingle. On ECB+,
	// articles written apart reach an exact Jaccard of 0.24 at most with
	// 5-word shingles; with 3 or 4 words they reach 0.35 or 0.28, closer to
	// Threshold. Longer shingles widen that margin but lose edited copies
	// of short articles (TestNearCopyFound's edits on articles of 50–149
	// words: 117 of 225 found with 5 words, 105 with 6, 131 with 4).
	ShingleWords = 5

	// Size is the number of MinHash values in a Signature. The standard error
	// of the similarity estimate is sqrt(J(1-J)/Size): 0.043 at J = 0.4.
	// Signing costs the same whatever Size (one hash per shingle); memory
	// and comparisons grow with it.
	Size = 1 << binBits

	// binBits is log2(Size): the top binBits bits of a shingle hash choose
	// its bin.
	binBits = 7

	// Threshold is the estimated Jaccard similarity at and above which two
	// texts are near-copies. At 0.4 every ECB+ pair flagged is within one
	// gold event and a copy by the verbatim judge (48 pairs); the highest
	// pair written apart (0.24) is 3.7 standard errors below. 0.5 would miss
	// 12 of those 48 pairs, such as one AP story with three sentences edited
	// (35_1/35_10, 0.47) and one AFP story in British spelling with euros
	// converted (24_1/24_7, 0.46). Below 0.4 the pairs are more and more
	// updated versions reworked in part (12 of the 38 pairs between 0.3 and
	// 0.4 share less than half their 8-word runs), and the margin to
	// rewrites shrinks under two standard errors. A republished article of
	// 250 words or more with a new headline, a sentence dropped, a sentence
	// added and a number changed is always found (TestNearCopyFound).
	Threshold = 0.4

	// bands × rows values of a signature form the LSH band keys; two
	// signatures become candidates when any band is equal, which happens
	// with probability 1-(1-J^rows)^bands: 0.996 at J = 0.4, 0.98 at 0.35,
	// 0.28 at 0.1. Candidates are verified on the whole signature, so a
	// wide net costs little time; each band costs a map entry per document,
	// so bands cost memory. Three rows would need 42 bands for 0.94 at 0.4.
	bands = 32
	rows  = 2

	// bucketCap bounds the documents kept per band key so that text shared
	// by very many documents (a site's standing boilerplate) cannot make an
	// Add walk a long list. The earliest documents are kept, which are the
	// ones Add reports.
	bucketCap = 32
)
