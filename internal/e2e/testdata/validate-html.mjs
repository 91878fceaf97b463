// validate-html.mjs checks HTML files with html-validate, an HTML validator of the npm world
// (the WHATWG content models of every element, attributes and their values, ids, ARIA misuse),
// and prints what it found as JSON on stdout, one object per file, in the order asked:
//
//	node internal/e2e/testdata/validate-html.mjs page1.html page2.html …
//
// It makes no judgement: TestHTMLValid (html_test.go) fails on every message. The rules are
// html-validate's recommended set; every exception below says why it is one.
import { HtmlValidate, StaticConfigLoader } from 'html-validate';

const config = {
  root: true,
  extends: ['html-validate:recommended'],
  rules: {
    // The DOCTYPE is case-insensitive in HTML (WHATWG HTML, 13.1.1); the layout writes
    // <!doctype html> in lower case like the rest of its markup, and web's tests pin that.
    // Upper case is the rule's taste, not a validity question.
    'doctype-style': 'off',
    // The uptime strip is <ol role="list"> on purpose: Safari's VoiceOver stops announcing a
    // list as one once its list-style is none, as the strip's is, and with it the strip's
    // aria-label. The role is redundant to the HTML standard, not to that screen reader. Both
    // rules still apply to every other role.
    'no-redundant-role': ['error', { exclude: ['list'] }],
    'prefer-native-element': ['error', { exclude: ['list'] }],
    // <title> is an incident's title, written by support staff, then the site's name; the
    // 70-character limit is advice about search-result snippets (which cut long titles
    // themselves), not HTML validity, and would make the test fail on content rather than code.
    'long-title': 'off',
    // The subscribe form's component checkboxes share the name "component", as the interface
    // of subscriptions fixes it: a form sends each ticked box as one more value of the name
    // (WHATWG HTML, 4.10.21.4). The rule shares names among radio buttons only by default.
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
};

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node validate-html.mjs FILE...');
  process.exit(2);
}

const validator = new HtmlValidate(new StaticConfigLoader(config));
const results = [];
for (const file of files) {
  const report = await validator.validateFile(file);
  const messages = report.results.flatMap((r) =>
    r.messages.map((m) => ({
      ruleId: m.ruleId,
      severity: m.severity === 2 ? 'error' : 'warning',
      message: m.message,
      line: m.line,
      column: m.column,
      selector: m.selector ?? '',
      ruleUrl: m.ruleUrl ?? '',
    })),
  );
  results.push({ file, messages });
}
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
