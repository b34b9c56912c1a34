/**
 * Turns tabular results into paper-ready tables ({@link dev.dynlat.reports.table}) and
 * charts ({@link dev.dynlat.reports.chart}). The module knows nothing about networks or
 * devices: it only sees named, typed columns and rows. Every file is written atomically
 * ({@link dev.dynlat.reports.io.OutputSet}) and deterministically.
 */
package dev.dynlat.reports;
