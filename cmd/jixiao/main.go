// Command jixiao imports, checks and queries budget performance-target
// reports (绩效目标). Run `jixiao help` for the commands.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
