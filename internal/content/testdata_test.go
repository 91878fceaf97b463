package content

// siteYAML is a valid site description the tests build on.
const siteYAML = `title: Example Status
base_url: https://status.example.com
default_language: en
languages: [en, nl, fr]
timezones:
  en: UTC
  nl: Europe/Amsterdam
groups:
  - id: apis
    name: {en: APIs, nl: API's}
components:
  - id: soap-api
    name: {en: SOAP API, nl: SOAP-API}
    group: apis
  - id: web-app
    name: Web app
`

// goodIncident is a valid original with two updates.
const goodIncident = `---
title: SOAP API unavailable
kind: incident
impact: major
components:
  soap-api: major_outage
started: 2020-06-08T02:04:00+02:00
resolved: 2020-06-08T09:04:00+02:00
updates:
  - at: 2020-06-08T02:30:00+02:00
    status: investigating
    text: We are looking into it.
  - at: 2020-06-08T09:04:00+02:00
    status: resolved
    text: |
      The API works again.
---
## Cause

A rollback went wrong.
`
