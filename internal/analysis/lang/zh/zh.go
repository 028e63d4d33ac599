// Package zh registers the Chinese analyzer: stop words without stemming
// (Chinese does not inflect). The tokenizer cuts Han text into overlapping
// character pairs, so the stop words are the commonest two-character
// function words, plus single characters for tokens that stand alone,
// in simplified and traditional script.
package zh

import (
	"strings"

	"github.com/storyline/storyline/internal/analysis"
)

func init() { analysis.Register("zh", stopWords, nil) }

var stopWords = strings.Fields(`
的 了 是 在 和 有 也 就 都 而 及 与 與 或 之 这 這 那 其 他 她 它 我 你 们 們
着 著 把 被 让 讓 对 對 从 從 向 到 为 為 以 于 於 上 下 中 个 個 等 但 并 並
还 還 又 很 更 最 已 将 將 会 會 能 要 可 不 没 沒 吗 嗎 呢 吧 啊 此 该 該
我们 我們 你们 你們 他们 他們 她们 她們 它们 它們 咱们 咱們
这个 這個 那个 那個 这些 這些 那些 这样 這樣 那样 那樣 这里 這裡 那里
那裡 这种 這種 那种 那種
一个 一個 一些 没有 沒有 不是 就是 还是 還是 但是 而且 或者 以及 并且
並且 因为 因為 所以 如果 虽然 雖然 然后 然後 已经 已經 可以 可能 自己
什么 什麼 怎么 怎麼 为什 為什 其中 之后 之後 之前 以后 以後 以前 同时
同時 对于 對於 关于 關於 由于 由於 其他 之一 以上 以下 等等 不过 不過
只是 还有 還有 而是 就是 正在 曾经 曾經 仍然 以来 以來
`)
