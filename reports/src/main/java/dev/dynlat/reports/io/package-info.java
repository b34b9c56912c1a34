/** File output helpers shared by the table and chart writers. */
package dev.dynlat.reports.io;
