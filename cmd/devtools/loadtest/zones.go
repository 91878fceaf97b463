package main

// The time zones the synthetic content is written in come with the binary, so that it runs on
// any host, a machine without a zone database included.
import _ "time/tzdata"
