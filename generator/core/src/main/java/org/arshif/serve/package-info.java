/**
 * The preview: a live server that rebuilds on each save (served under the path of {@code baseUrl}), and a
 * static server with HTTP Range for a built site. Loopback only, with a Host check. A front end.
 */
package org.arshif.serve;
