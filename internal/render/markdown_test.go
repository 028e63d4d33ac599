package render

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

func TestMdEscapes(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain text, accents: à é ç, Лукашенко", "plain text, accents: à é ç, Лукашенко"},
		{hostileTitle, `\*bold\* \[x\](javascript:alert(1)) \<script\> "quotes" \&amp; co`},
		{"a_b `code` # 1 | 2 ~~x~~ ![i](y) \\", "a\\_b \\`code\\` \\# 1 \\| 2 \\~\\~x\\~\\~ \\!\\[i\\](y) \\\\"},
		{"- not a list", `\- not a list`},
		{"+ nor this", `\+ nor this`},
		{"=====", `\=====`},
		{"1984. Orwell", `1984\. Orwell`},
		{"2) second", `2\) second`},
		{"line\nbreak\t\x1b[1m", `line break \[1m`},
	} {
		if got := md(tc.in); got != tc.want {
			t.Errorf("md(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	var buf bytes.Buffer
	if err := Markdown(&buf, eventStory()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"# " + frenchHeadline + ` \<script\>alert(1)\</script\>` + "\n",
		"\n## Summary\n\n- " + frenchHeadline + ". — *lemonde.fr*\n",
		"\n## Timeline\n\n- **September 2024**: Les préparatifs",
		"- **14 September 2024**: Rencontre",
		"- **Лукашенко** (person): 7 mentions, 3 articles; also: Loukachenko, Lukashenko",
		`- **Kremlin \<img src=x onerror=alert(1)\>** (org)`,
		"| Site | First seen | Articles | Copies |\n| --- | --- | ---: | ---: |\n| lemonde.fr | 2024-09-01 | 2 | 1 |\n| article a-2 | 2024-09-02 | 1 | 0 |\n",
		"- rencontre le 14 septembre à Sotchi — 2 sources: lemonde.fr, ria.ru\n",
		"- **date**\n  - **14 septembre**: “" + frenchHeadline,
		"| a-1 | fr | 2024-09-01 | lemonde.fr | [Loukachenko se rendra à Sotchi](https://www.lemonde.fr/international/article/2024/09/01/loukachenko.html) |",
		`| a-2 | ru | 2024-09-02 | - | \*bold\* \[x\](javascript:alert(1)) \<script\> "quotes" \&amp; co |`,
		"(https://lemonde.fr/a3?x=1&y=%282%29) (copy of a-1) |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}
	if regexp.MustCompile(`[^\\]\]\(javascript`).MatchString(out) {
		t.Error("javascript: URL became a link")
	}
	if m := regexp.MustCompile(`(^|[^\\])[<>]`).FindString(out); m != "" {
		t.Errorf("unescaped angle bracket %q in markdown", m)
	}
}
