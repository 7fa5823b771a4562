package main

import (
	"fmt"
	"io"
)

// run is the whole program; main only exits with its status, so tests call
// it in-process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		writeUsage(stderr)
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "check":
		return runCheck(rest, stdout, stderr)
	case "normalize":
		return runNormalize(rest, stdin, stdout, stderr)
	case "rules":
		return runRules(rest, stdout, stderr)
	case "ingest":
		return runIngest(rest, stdout, stderr)
	case "search":
		return runSearch(rest, stdout, stderr)
	case "query":
		return runQuery(rest, stdout, stderr)
	case "issues":
		return runIssues(rest, stdout, stderr)
	case "sql":
		return runSQL(rest, stdout, stderr)
	case "stats":
		return runStats(rest, stdout, stderr)
	case "serve":
		return runServe(rest, stdout, stderr)
	case "status":
		return runStatus(rest, stdout, stderr)
	case "roster":
		return runRoster(rest, stdout, stderr)
	case "compare":
		return runCompare(rest, stdout, stderr)
	case "help", "-h", "--help":
		if len(rest) == 1 && lookupCommand(rest[0]).doc != "" {
			return run([]string{rest[0], "--help"}, stdin, stdout, stderr)
		}
		writeUsage(stdout)
		return 0
	}
	fmt.Fprintf(stderr, "jixiao: %s\n\n", unknownCommand(cmd))
	writeUsage(stderr)
	return 2
}
