package org.arshif.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DaysTest {
    @Test
    void aDayPastTheMonthsEndNamesTheMonthsLength() {
        assertEquals("there is no 29 February 2017: February 2017 has 28 days", Days.noSuchDay(2017, 2, 29));
        assertEquals("there is no 30 February 2016: February 2016 has 29 days", Days.noSuchDay(2016, 2, 30));
        assertEquals("there is no 0 May 2017: May 2017 has 31 days", Days.noSuchDay(2017, 5, 0));
    }

    @Test
    void aMonthOutOfRangeIsNamedAsSuch() {
        assertEquals("there is no month 13; months are 1 to 12", Days.noSuchDay(2017, 13, 1));
        assertEquals("there is no month 0; months are 1 to 12", Days.noSuchDay(2017, 0, 1));
        assertEquals("the year 1000000000 is out of range", Days.noSuchDay(1_000_000_000, 1, 1));
    }
}
