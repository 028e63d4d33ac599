package main

import (
	"os"
	"os/exec"
	"testing"
)

// asCommandEnv makes the test binary run as storyline itself (main, with
// its arguments), so that the tests can run the command as separate
// processes — to kill one, or to have two at once on one store — without
// building it first.
const asCommandEnv = "STORYLINE_TEST_AS_COMMAND"

func TestMain(m *testing.M) {
	if os.Getenv(asCommandEnv) == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// longTests tells that the long versions of the reliability tests should
// run (crash safety over many kill points, the load test for minutes), as
// .ci/run asks with STORYLINE_LONG=1.
func longTests() bool { return os.Getenv("STORYLINE_LONG") == "1" }

// storylineProcess returns the command line storyline args as a process of
// its own (not started), with the test's environment.
func storylineProcess(t testing.TB, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), asCommandEnv+"=1")
	return cmd
}
