/**
 * The site configuration, {@code arshif.yml}: {@link org.arshif.config.SiteConfig} and its loader, with every
 * mistake a positioned finding. Imports only {@code diag} and {@code internal}.
 */
package org.arshif.config;
