package main

// The time zones site.yaml names come with the binary, so that it gives the same times on any
// host, a container or a machine without a zone database included.
import _ "time/tzdata"
