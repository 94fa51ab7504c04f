package org.qtraj.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qtraj.errors.InvalidInputException;

/** Initial states: patterns of any length, the named states at odd and even N, masks, refusals naming initial_state. */
class InitialStateTest {

    @Test
    void namedStatesResolveAtTheChainsLength() {
        assertEquals("11000", InitialState.parse("domain-wall").bits(5));
        assertEquals("111000", InitialState.parse("Domain-Wall").bits(6));
        assertEquals("10101", InitialState.parse("alternating").bits(5));
        assertEquals("1111", InitialState.parse("full").bits(4));
        assertEquals("0000", InitialState.parse(" empty ").bits(4));
        assertEquals(3, InitialState.parse("alternating").excitations(6));
        assertEquals("domain-wall", InitialState.parse("domain-wall").text());
    }

    @Test
    void patternsOfAnyLengthPadWithEmptySites() {
        String longPattern = "1".repeat(40) + "0".repeat(10) + "1";
        InitialState s = InitialState.parse(longPattern);
        boolean[] o = s.occupations(60);
        assertTrue(o[0] && o[39] && !o[40] && o[50] && !o[51] && !o[59]);
        assertEquals(41, s.excitations(60));
        assertEquals(longPattern + "0".repeat(9), s.bits(60));
        assertArrayEquals(new double[] {1, 0, 1, 0}, InitialState.parse("101").populations(4));
    }

    @Test
    void masksRoundTrip() {
        assertEquals(0b01101, InitialState.parse("10110").mask(5));
        assertEquals("10110", InitialState.ofMask(0b01101).bits(5));
        assertEquals(InitialState.empty(), InitialState.ofMask(0));
        assertEquals("sites", assertThrows(InvalidInputException.class,
                () -> InitialState.parse("1").mask(32)).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10a0", "", "neel", "domain_wall", "1 0", "-1"})
    void badTextIsRefusedNamingInitialState(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> InitialState.parse(text));
        assertEquals("initial_state", e.field());
    }

    @Test
    void aPatternLongerThanTheChainIsRefused() {
        InitialState s = InitialState.parse("10001");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> s.occupations(4));
        assertEquals("initial_state", e.field());
        assertTrue(e.getMessage().contains("5 digits for 4 sites"), e.getMessage());
        assertEquals(null, s.refusal(5));
    }
}
