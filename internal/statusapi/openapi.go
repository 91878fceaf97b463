package statusapi

import _ "embed"

// OpenAPI is the OpenAPI 3.1 document of the API and the badges, written by hand and served at
// /api/v2/openapi.json. Its schemas are JSON Schema 2020-12; the tests validate every endpoint's
// answer against them as well as against testdata/*.schema.json.
//
//go:embed openapi.json
var OpenAPI []byte

// OpenAPIPath is where the server serves OpenAPI.
const OpenAPIPath = "/api/v2/openapi.json"
