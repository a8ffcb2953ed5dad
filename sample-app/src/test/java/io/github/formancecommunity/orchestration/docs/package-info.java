/**
 * The code the documentation shows, compiled and tested, and the checks that keep the documentation and the build
 * honest: every Java snippet of a Markdown file equals a tagged region here (see {@code DocumentationSnippetsTest}),
 * and the BOM lists every published module (see {@code BomTest}).
 *
 * <p>Outside the sample's package on purpose: {@code @SpringBootTest} here finds {@link
 * io.github.formancecommunity.orchestration.docs.DocsApplication}, not the sample application and its tour.
 */
package io.github.formancecommunity.orchestration.docs;
