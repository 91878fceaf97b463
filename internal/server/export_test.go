package server

// RoutePaths returns the path pattern of every route the server answers, for the tests to
// check that each one is exercised.
func RoutePaths(s *Server) []string {
	var out []string
	for _, r := range s.echo.Routes() {
		out = append(out, r.Method+" "+r.Path)
	}
	return out
}
