package pipeline

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/analysis"
	"github.com/storyline/storyline/internal/article"
	"github.com/storyline/storyline/internal/dedup"
	"github.com/storyline/storyline/internal/store"
	"github.com/storyline/storyline/internal/tell"
)

// TestSochiStoryTold checks the story of the Sochi meeting as a reader
// gets it from the five sample pages.
func TestSochiStoryTold(t *testing.T) {
	needShared(t, samplesDir)
	ids := sampleIDs(t)
	st, res := detectInto(t, t.TempDir(), []string{samplesDir})
	defer st.Close()
	ctx := context.Background()
	events, _ := eventsByFile(t, res, ids)
	if events["000"] != events["002"] || events["000"] != events["003"] {
		t.Fatalf("000, 002 and 003 are not in one event: %v", events)
	}
	s, err := Tell(ctx, st, events["000"], tell.Options{})
	if err != nil {
		t.Fatal(err)
	}
	arts := storyArticles(t, st, s)

	var titles []string
	for _, a := range arts {
		titles = append(titles, a.Title)
	}
	if !slices.Contains(titles, s.Headline) {
		t.Errorf("headline %q is none of the event's titles %q", s.Headline, titles)
	}

	// The summary quotes the articles, whole sentences, and no furniture
	// the cleaner removed from any page.
	var removed []string
	all, _, _ := runAll(t, []string{samplesDir}, nil)
	for _, a := range all {
		for _, r := range a.Removed {
			if len(r.Text) >= 12 {
				removed = append(removed, r.Text)
			}
		}
	}
	if len(s.Summary) < 3 || len(s.Summary) > 5 {
		t.Errorf("summary has %d sentences, want 3 to 5: %q", len(s.Summary), s.Summary)
	}
	for _, se := range s.Summary {
		checkQuoted(t, se, arts)
		for _, r := range removed {
			if strings.Contains(se.Text, r) || strings.Contains(r, se.Text) {
				t.Errorf("summary sentence %q is furniture removed from a page (%q)", se.Text, r)
			}
		}
	}

	// The timeline places the election and the meeting, each stated by a
	// sentence about it.
	want := map[string]*regexp.Regexp{
		"2020-08-09": regexp.MustCompile(`(?i)élection|présidentielle|scrutin`),
		"2020-09-14": regexp.MustCompile(`(?i)visite|rencontre|réunion|entretien`),
	}
	for day, re := range want {
		i := slices.IndexFunc(s.Timeline, func(m tell.Moment) bool {
			return m.Precision == article.PrecisionDay && m.Date.Format(time.DateOnly) == day
		})
		if i < 0 {
			t.Errorf("timeline lacks %s: %+v", day, s.Timeline)
			continue
		}
		if !re.MatchString(s.Timeline[i].Text) {
			t.Errorf("timeline %s says %q, not what happened that day", day, s.Timeline[i].Text)
		}
	}
	if !slices.IsSortedFunc(s.Timeline, func(a, b tell.Moment) int { return a.Date.Compare(b.Date) }) {
		t.Errorf("timeline out of order: %+v", s.Timeline)
	}

	// Entities: each person once, variants folded; the places and the
	// Kremlin present.
	keys := map[string]int{}
	for _, e := range s.Entities {
		keys[e.Key]++
	}
	for _, k := range []string{"lukashenk", "putin", "minsk", "kremlin"} {
		if keys[k] != 1 {
			t.Errorf("entity %s listed %d times, want once: %+v", k, keys[k], s.Entities)
		}
	}
	luka := s.Entities[slices.IndexFunc(s.Entities, func(e tell.Entity) bool { return e.Key == "lukashenk" })]
	if forms := append([]string{luka.Name}, luka.Variants...); !slices.Contains(forms, "Loukachenka") || !slices.ContainsFunc(forms, func(f string) bool { return strings.HasSuffix(f, "Loukachenko") }) {
		t.Errorf("Loukachenko's variants not folded into one entity: %+v", luka)
	}
	if keys["sochi"] != 1 {
		t.Errorf("Sochi is not among the entities once: %+v", s.Entities)
	}

	// Sources: one per page here (no page gives its site).
	if len(s.Sources) != len(arts) {
		t.Errorf("%d sources for %d pages without a known site", len(s.Sources), len(arts))
	}
	if len(arts) != 3 || len(s.Sources) != 3 {
		t.Errorf("the event holds %d pages and %d sources, want the 3 pages on the meeting", len(arts), len(s.Sources))
	}
}

// TestECBPlusStoriesTold tells every ECB+ event: each gets a headline and
// a summary, and the summaries quote their own event's articles without
// saying one thing twice.
func TestECBPlusStoriesTold(t *testing.T) {
	path := "../../../shared/data/ecbplus.jsonl"
	needShared(t, path)
	st, res := detectInto(t, t.TempDir(), []string{path})
	defer st.Close()
	ctx := context.Background()
	checked := 0
	for i, ev := range res.Events {
		s, err := TellEvent(ctx, st, ev, tell.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if s.Headline == "" || len(s.Summary) == 0 {
			t.Errorf("event %s: headline %q, %d summary sentences", ev.ID, s.Headline, len(s.Summary))
		}
		if len(ev.Articles) < 2 && i%5 != 0 {
			continue
		}
		checked++
		arts := storyArticles(t, st, s)
		an := analysis.For(s.Lang)
		for a, x := range s.Summary {
			checkQuoted(t, x, arts)
			for _, y := range s.Summary[a+1:] {
				if j := jaccard(an.Terms(x.Text), an.Terms(y.Text)); j >= 0.5 {
					t.Errorf("event %s: summary says one thing twice (word overlap %.2f):\n  %s\n  %s", ev.ID, j, x.Text, y.Text)
				}
				if sim := dedup.Sign(x.Text).Similarity(dedup.Sign(y.Text)); sim >= 0.5 {
					t.Errorf("event %s: near-duplicate summary sentences (%.2f)", ev.ID, sim)
				}
			}
		}
	}
	t.Logf("%d events told, %d summaries checked", len(res.Events), checked)
}

func storyArticles(t *testing.T, st store.Store, s tell.Story) []*article.Article {
	t.Helper()
	var arts []*article.Article
	for _, a := range s.Articles {
		x, err := st.Get(context.Background(), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, x)
	}
	return arts
}

// checkQuoted fails unless the sentence is quoted whole from the article
// it names, one of the story's.
func checkQuoted(t *testing.T, se tell.Sentence, arts []*article.Article) {
	t.Helper()
	i := slices.IndexFunc(arts, func(a *article.Article) bool { return a.ID == se.Article })
	if i < 0 {
		t.Errorf("sentence %q cites %s, not an article of the story", se.Text, se.Article)
		return
	}
	if !strings.Contains(arts[i].Text, se.Text) {
		t.Errorf("sentence %q is not in article %s", se.Text, se.Article)
	}
}

func jaccard(a, b []string) float64 {
	set := map[string]int{}
	for _, x := range a {
		set[x] |= 1
	}
	for _, x := range b {
		set[x] |= 2
	}
	both := 0
	for _, v := range set {
		if v == 3 {
			both++
		}
	}
	if len(set) == 0 {
		return 0
	}
	return float64(both) / float64(len(set))
}
