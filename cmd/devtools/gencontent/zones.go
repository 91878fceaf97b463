package main

// The time zones the content is written in come with the binary, so that it writes the same
// files on any host, a machine without a zone database included.
import _ "time/tzdata"
