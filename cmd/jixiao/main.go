// Command jixiao imports, checks and queries budget performance-target
// reports (绩效目标). Run `jixiao help` for the commands.
package main

import (
	"os"

	"github.com/jixiao/jixiao/pipeline"
)

func main() {
	pipeline.WorkerMain() // when started as a reading worker: serve, exit
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
