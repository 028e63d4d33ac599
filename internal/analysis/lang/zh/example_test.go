package zh_test

import (
	"fmt"

	"github.com/storyline/storyline/internal/analysis"
	_ "github.com/storyline/storyline/internal/analysis/lang/zh"
)

// Example shows the terms of a Chinese news sentence.
func Example() {
	fmt.Println(analysis.For("zh").Terms("白俄罗斯总统卢卡申科星期一在索契与俄罗斯总统普京会面，该国的抗议活动仍在继续。"))
	// Output: [白俄 俄罗 罗斯 斯总 总统 统卢 卢卡 卡申 申科 科星 星期 期一 一在 在索 索契 契与 与俄 俄罗 罗斯 斯总 总统 统普 普京 京会 会面 该国 国的 的抗 抗议 议活 活动 动仍 仍在 在继 继续]
}
