/**
 * The pages of a site, by kind: each kind (articles and their aliases, lists, the tag index and archive, the
 * search page, feeds, the sitemap and robots.txt) plans its pages with recipes for their view models and for the
 * inputs an incremental build fingerprints. {@link org.arshif.site.pages.SitePlanner} orders the kinds and claims
 * their files, so that two pages with one file are reported before anything is rendered.
 *
 * <p>May use {@code site} (model, routes, dates), {@code site.view} (what templates see), {@code content},
 * {@code config} and {@code diag}; never the pipeline that drives it.
 */
package org.arshif.site.pages;
