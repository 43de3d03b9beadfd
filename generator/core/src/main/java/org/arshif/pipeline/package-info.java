/**
 * The site pipeline, one for {@code build}, {@code serve} and {@code check}: {@link org.arshif.pipeline.SiteRun}
 * runs the stages (the theme's assets, the plan of every page, the search index, the pages) and a
 * {@link org.arshif.pipeline.RunStrategy} says what differs between its callers: where the files go, when the
 * search index is written and which pages are rendered ({@link org.arshif.pipeline.CleanBuild}, the incremental
 * build, the preview, a plan-only check).
 *
 * <p>May use {@code site}, {@code site.pages}, {@code search}, {@code search.index}, {@code content},
 * {@code config} and {@code diag}; used by the façade ({@code org.arshif}), {@code incremental}, {@code check} and
 * {@code serve}.
 */
package org.arshif.pipeline;
